using Scalar.AspNetCore;
using ShopEase.Application;
using ShopEase.Infrastructure;
using ShopEase.Web;
using ShopEase.Web.Browser;
using ShopEase.Web.Cli;
using ShopEase.Web.Configuration;
using ShopEase.Web.Endpoints;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.Health;
using ShopEase.Web.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddShopEaseLogging();
builder.AddDevelopmentSigningKey();
builder.AddDevelopmentMfaKey();
if (CommandLineTasks.IsTask(args))
{
    // EF logs a failed probe for the migrations table of an empty database as an error; it is not one.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
}

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration)
    .AddWeb(builder.Configuration);

var app = builder.Build();

if (CommandLineTasks.IsTask(args))
{
    return await CommandLineTasks.RunAsync(app, args);
}

app.UseForwardedHeaders();
app.UseMiddleware<ResponseHeadersMiddleware>();
app.UseMiddleware<ClientLogScopeMiddleware>();
app.UseCors(CorsSetup.PolicyName);
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<JsonBodyGuardMiddleware>();

// The one document, at one address. The generator would also take ?documentName= and answer an unknown
// name with a plain-text 404; that is the API's own 404 problem instead.
app.MapOpenApi("/openapi/v1.json").AddEndpointFilter((context, next) =>
    context.HttpContext.Request.Query.ContainsKey("documentName") ? ValueTask.FromResult<object?>(Results.NotFound()) : next(context));
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapEndpointGroups();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
