using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.IntegrationTests.Support;
using ShopEase.Web.IntegrationTests.Support.OpenApi;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The check every test client carries can fail: answers the document does not describe, forged
/// in front of the real app, fail the request that received them, saying what and where.
/// </summary>
public sealed class OpenApiConformanceTests(OpenApiConformanceTests.ForgingApiFactory factory)
    : IClassFixture<OpenApiConformanceTests.ForgingApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task ABodyItsSchemaRejects_FailsTheRequest_NamingTheOperationStatusAndSchemaError()
    {
        var failure = await Should.ThrowAsync<OpenApiConformanceException>(
            () => SendForgedAsync("/api/auth/me", 200, "application/json", """{"id":"not-a-uuid","email":"ann@shop.io"}"""));

        failure.Message.ShouldContain("GET /api/auth/me answered 200 application/json");
        failure.Message.ShouldContain("isActive");
        failure.Message.ShouldContain("uuid");
    }

    [Fact]
    public async Task AFieldTheSchemaDoesNotName_FailsTheRequest()
    {
        var failure = await Should.ThrowAsync<OpenApiConformanceException>(() => SendForgedAsync(
            "/api/auth/me", 401, "application/problem+json",
            """{"type":"about:blank","title":"No.","status":401,"code":"not_authenticated","traceId":"00-1","stackTrace":"at Db.Query()"}"""));

        failure.Message.ShouldContain("GET /api/auth/me answered 401 application/problem+json");
        failure.Message.ShouldContain("/stackTrace");
    }

    [Fact]
    public async Task AProblemWithACodeOutsideTheEnum_FailsTheRequest()
    {
        var failure = await Should.ThrowAsync<OpenApiConformanceException>(() => SendForgedAsync(
            "/api/auth/me", 401, "application/problem+json",
            """{"type":"about:blank","title":"No.","status":401,"code":"go_away","traceId":"00-1"}"""));

        failure.Message.ShouldContain("GET /api/auth/me answered 401 application/problem+json");
        failure.Message.ShouldContain("/code");
    }

    [Fact]
    public async Task AStatusTheOperationDoesNotDeclare_FailsTheRequest()
    {
        var failure = await Should.ThrowAsync<OpenApiConformanceException>(
            () => SendForgedAsync("/api/auth/me", 418, "application/problem+json", "{}"));

        failure.Message.ShouldContain("GET /api/auth/me answered 418, a status its operation does not declare");
    }

    [Fact]
    public async Task AMediaTypeTheStatusDoesNotDeclare_FailsTheRequest()
    {
        var failure = await Should.ThrowAsync<OpenApiConformanceException>(
            () => SendForgedAsync("/api/auth/me", 200, "text/plain", "hello"));

        failure.Message.ShouldContain("GET /api/auth/me answered 200 as text/plain");
    }

    [Fact]
    public async Task ABodyWhereTheDocumentDeclaresNone_FailsTheRequest()
    {
        var failure = await Should.ThrowAsync<OpenApiConformanceException>(
            () => SendForgedAsync("/api/auth/logout-all", 204, "application/json", "{}", HttpMethod.Post));

        failure.Message.ShouldContain("POST /api/auth/logout-all answered 204 with a body");
    }

    [Fact]
    public async Task APathOutsideTheDocument_AnsweredWithAnythingButNotFound_FailsTheRequest()
    {
        var failure = await Should.ThrowAsync<OpenApiConformanceException>(
            () => SendForgedAsync("/api/secret-admin-panel", 200, "application/json", "{}"));

        failure.Message.ShouldContain("GET /api/secret-admin-panel (a path the document does not list) answered 200");
    }

    [Fact]
    public async Task TheRealAnswers_PassTheCheck()
    {
        var me = await _client.GetMeAsync(bearer: null);
        var nowhere = await _client.GetAsync("/api/secret-admin-panel");

        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        nowhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void AClientMadeAroundTheFactory_IsRefused()
    {
        using var derived = factory.WithWebHostBuilder(_ => { });

        Should.Throw<InvalidOperationException>(() => derived.CreateClient()).Message.ShouldContain("conformance check");
    }

    private Task<HttpResponseMessage> SendForgedAsync(string path, int status, string mediaType, string body, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add(ForgingApiFactory.StatusHeader, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(ForgingApiFactory.MediaTypeHeader, mediaType);
        request.Headers.Add(ForgingApiFactory.BodyHeader, body);
        return _client.SendAsync(request);
    }

    /// <summary>The app behind a test-only middleware that answers for it when asked to.</summary>
    public sealed class ForgingApiFactory : ShopEaseApiFactory
    {
        public const string StatusHeader = "X-Test-Forge-Status";
        public const string MediaTypeHeader = "X-Test-Forge-Media-Type";
        public const string BodyHeader = "X-Test-Forge-Body";

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, ForgingStartupFilter>();
    }

    private sealed class ForgingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Headers.TryGetValue(ForgingApiFactory.StatusHeader, out var status))
                {
                    await nextMiddleware(context);
                    return;
                }

                context.Response.StatusCode = int.Parse(status.ToString(), System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentType = context.Request.Headers[ForgingApiFactory.MediaTypeHeader].ToString();
                await context.Response.WriteAsync(context.Request.Headers[ForgingApiFactory.BodyHeader].ToString());
            });
            next(app);
        };
    }
}
