using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShopEase.Domain.Mfa;
using ShopEase.Domain.Orders;
using ShopEase.Domain.Passkeys;
using ShopEase.Domain.Products;
using ShopEase.Domain.Sessions;
using ShopEase.Domain.Users;
using ShopEase.Infrastructure.Email;
using ShopEase.Infrastructure.RateLimiting;

namespace ShopEase.Infrastructure.Persistence;

public sealed class ShopEaseDbContext(DbContextOptions<ShopEaseDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<AuthSession> Sessions => Set<AuthSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<LoginThrottleEntry> LoginThrottles => Set<LoginThrottleEntry>();

    public DbSet<TotpAuthenticator> TotpAuthenticators => Set<TotpAuthenticator>();

    public DbSet<RecoveryCodeEntry> RecoveryCodes => Set<RecoveryCodeEntry>();

    public DbSet<MfaChallengeEntry> MfaChallenges => Set<MfaChallengeEntry>();

    public DbSet<Passkey> Passkeys => Set<Passkey>();

    public DbSet<PasskeyChallengeEntry> PasskeyChallenges => Set<PasskeyChallengeEntry>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<CartItem> CartItems => Set<CartItem>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<EmailToken> EmailTokens => Set<EmailToken>();

    public DbSet<OutboxMessage> EmailOutbox => Set<OutboxMessage>();

    public DbSet<PasswordResetRequest> PasswordResetRequests => Set<PasswordResetRequest>();

    public DbSet<AccountRateLimitEntry> AccountRateLimits => Set<AccountRateLimitEntry>();

    /// <summary>The one place that says how ShopEase talks to PostgreSQL, at run time and design time alike.</summary>
    public static void Configure(DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource).UseSnakeCaseNamingConvention();

    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopEaseDbContext).Assembly);
}
