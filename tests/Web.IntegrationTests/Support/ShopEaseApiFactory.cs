using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Domain.Users;
using ShopEase.Infrastructure.Persistence;
using ShopEase.Web.IntegrationTests.Support.OpenApi;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// The real app, in process, on a fresh PostgreSQL database of its own. Subclasses change
/// settings or services for one test class. Every client it makes checks every response against
/// the app's OpenAPI document (<see cref="OpenApiConformanceHandler"/>); a client made any other
/// way, e.g. from <c>WithWebHostBuilder</c>, is refused rather than left unchecked.
/// </summary>
public class ShopEaseApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    [ThreadStatic]
    private static bool _addingConformanceCheck;

    private readonly string _databaseName = $"shopease_test_{Guid.NewGuid():N}";

    public ShopEaseApiFactory() => DocumentContract = new OpenApiContractSource(FetchOpenApiDocumentAsync);

    /// <summary>This app's OpenAPI document, shared by the conformance checks of all its clients.</summary>
    public OpenApiContractSource DocumentContract { get; }

    public string SigningKey { get; protected init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Encrypts TOTP secrets; required outside Development like the signing key.</summary>
    public string MfaEncryptionKey { get; protected init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string ConnectionString { get; protected set; } = string.Empty;

    /// <summary>False for a second node that joins another factory's database.</summary>
    protected virtual bool OwnsDatabase => true;

    public virtual async Task InitializeAsync()
    {
        if (OwnsDatabase)
        {
            ConnectionString = await TestDatabaseServer.CreateDatabaseAsync(_databaseName);
            await WithDbContextAsync(db => db.Database.MigrateAsync());
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (OwnsDatabase)
        {
            await TestDatabaseServer.DropDatabaseAsync(_databaseName);
        }
    }

    /// <summary>Makes an account staff directly in the database, as create-admin would.</summary>
    public Task MakeStaffAsync(string email) =>
        WithDbContextAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsStaff, true)));

    /// <summary>An account whose password hash was made elsewhere (an older setting, the other algorithm).</summary>
    public Task AddAccountWithHashAsync(string email, string passwordHash) =>
        WithDbContextAsync(db =>
        {
            db.Users.Add(User.Register(email, passwordHash, DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });

    public Task<string> StoredPasswordHashAsync(string email) =>
        WithDbContextAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());

    public HttpClient CreateApiClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public new HttpClient CreateClient() => CreateClient(ClientOptions);

    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect)
        {
            handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        }

        if (options.HandleCookies)
        {
            handlers.Add(new CookieContainerHandler());
        }

        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    public new HttpClient CreateDefaultClient(Uri baseAddress, params DelegatingHandler[] handlers)
    {
        var client = CreateDefaultClient(handlers);
        client.BaseAddress = baseAddress;
        return client;
    }

    /// <summary>The conformance check goes last, next to the app, so it sees every answer, redirects included.</summary>
    public new HttpClient CreateDefaultClient(params DelegatingHandler[] handlers)
    {
        HttpClient client;
        _addingConformanceCheck = true;
        try
        {
            client = base.CreateDefaultClient([.. handlers, new OpenApiConformanceHandler(DocumentContract)]);
        }
        finally
        {
            _addingConformanceCheck = false;
        }

        DocumentContract.Prefetch();
        return client;
    }

    public async Task WithDbContextAsync(Func<ShopEaseDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ShopEaseDbContext>());
    }

    public async Task<T> WithDbContextAsync<T>(Func<ShopEaseDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ShopEaseDbContext>());
    }

    protected virtual string EnvironmentName => "Testing";

    private async Task<string> FetchOpenApiDocumentAsync(CancellationToken cancellationToken)
    {
        using var client = Server.CreateClient();
        return await client.GetStringAsync(OpenApiContract.DocumentPath, cancellationToken);
    }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureClient(HttpClient client)
    {
        if (!_addingConformanceCheck)
        {
            throw new InvalidOperationException(
                "Make test clients with ShopEaseApiFactory's CreateClient or CreateApiClient, so that the OpenAPI conformance check sees their responses.");
        }

        base.ConfigureClient(client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        builder.UseSetting("Mfa:EncryptionKey", MfaEncryptionKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");

        // The suites register and log in hundreds of times from one client; RateLimitTests turn it on.
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureServices);
    }
}
