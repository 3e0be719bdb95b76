using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Domain.Users;
using ShopEase.Infrastructure.Persistence;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// The real app, in process, on a fresh PostgreSQL database of its own. Subclasses change
/// settings or services for one test class.
/// </summary>
public class ShopEaseApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _databaseName = $"shopease_test_{Guid.NewGuid():N}";

    public string SigningKey { get; protected init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

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

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Jwt:SigningKey", SigningKey);
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
