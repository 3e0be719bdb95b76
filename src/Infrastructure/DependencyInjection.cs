using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Infrastructure.Email;
using ShopEase.Infrastructure.Metrics;
using ShopEase.Infrastructure.Passkeys;
using ShopEase.Infrastructure.Persistence;
using ShopEase.Infrastructure.RateLimiting;
using ShopEase.Infrastructure.Redis;
using ShopEase.Infrastructure.Security;
using ShopEase.Infrastructure.Sessions;

namespace ShopEase.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Default";

    private const int AutoPreparedStatements = 64;

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddOptions<PasswordHashingOptions>()
            .Bind(configuration.GetSection(PasswordHashingOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordHashingOptions>, PasswordHashingOptionsValidator>();
        services.AddOptions<MfaOptions>().Bind(configuration.GetSection(MfaOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MfaOptions>, MfaOptionsValidator>();

        // Read when first needed, so tests and tools can supply it late. EF Core and the raw
        // queries of the revocation check share one data source, and so one connection pool.
        services.AddSingleton(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionStringName} is missing (environment: ConnectionStrings__{ConnectionStringName}).");
            }

            var builder = new NpgsqlDataSourceBuilder(connectionString);
            var timeout = (int)Math.Ceiling(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Timeout.TotalSeconds);
            // A plain builder, because Npgsql's own claims to contain every keyword it knows.
            var explicitSettings = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            if (!explicitSettings.ContainsKey("Timeout"))
            {
                builder.ConnectionStringBuilder.Timeout = timeout;
            }

            if (!explicitSettings.ContainsKey("Command Timeout") && !explicitSettings.ContainsKey("CommandTimeout"))
            {
                builder.ConnectionStringBuilder.CommandTimeout = timeout;
            }

            // Every request runs the same few statements (the revocation check, the user lookups, the token
            // rotation). Prepared once per connection, PostgreSQL no longer parses and plans them on each
            // execution: the load benchmark measured 30-40% less PostgreSQL CPU per /me. A "Max Auto Prepare"
            // in the connection string wins, e.g. 0 behind a pooler that cannot keep prepared statements.
            if (!explicitSettings.ContainsKey("Max Auto Prepare"))
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
            }

            // Npgsql resets a pooled connection's session state each time it is handed out again: with
            // prepared statements present, a batch of CLOSE ALL, RESET ALL, UNLISTEN * and more that
            // PostgreSQL parses and runs on every open. The load benchmark's profile of refresh found it
            // among PostgreSQL's largest costs. ShopEase leaves no state on pooled connections to reset:
            // nothing SETs, LISTENs (the revocation listener has a connection of its own, outside the
            // pool), takes advisory locks or creates temporary tables, and Npgsql rolls back any open
            // transaction regardless. Code that ever does must use a connection of its own, as the
            // listener does. A "No Reset On Close" in the connection string wins.
            if (!explicitSettings.ContainsKey("No Reset On Close"))
            {
                builder.ConnectionStringBuilder.NoResetOnClose = true;
            }

            return builder.Build();
        });
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => o.Timeout >= TimeSpan.FromSeconds(1), "Database:Timeout must be at least one second.")
            .ValidateOnStart();
        services.AddDbContextPool<ShopEaseDbContext>((provider, options) =>
            ShopEaseDbContext.Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));

        services.AddOptions<RevocationOptions>()
            .Bind(configuration.GetSection(RevocationOptions.SectionName))
            .Validate(o => o.CacheDuration > TimeSpan.Zero, "Revocation:CacheDuration must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SessionLivenessCache>();
        services.AddSingleton<ISessionLiveness>(sp => sp.GetRequiredService<SessionLivenessCache>());
        services.AddHostedService<SessionRevocationListener>();
        services.AddScoped<ISessionStore, SessionStore>();
        services.AddSingleton<ILoginThrottle, LoginThrottle>();
        services.AddSingleton<ICommonPasswords, Passwords.CommonPasswordList>();

        // Only when configured: connecting starts with the app, in the background.
        if (configuration[RedisConnection.ConfigurationKey] is { Length: > 0 } redis)
        {
            services.AddSingleton(sp => new RedisConnection(redis, sp.GetRequiredService<ILoggerFactory>()));
            services.AddHostedService(sp => sp.GetRequiredService<RedisConnection>());
        }

        services.AddOptions<HousekeepingOptions>()
            .Bind(configuration.GetSection(HousekeepingOptions.SectionName))
            .Validate(o => o.Period > TimeSpan.Zero && o.BatchSize > 0 && o.Retention >= TimeSpan.Zero,
                "Housekeeping:Period and Housekeeping:BatchSize must be positive, Housekeeping:Retention not negative.")
            .ValidateOnStart();
        services.AddSingleton<ExpiredSessionCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredSessionCleanup>());

        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<ITransactionScope, EfTransactionScope>();
        services.AddSingleton<CurrentUserCache>();
        services.AddSingleton<ICurrentUserCache>(sp => sp.GetRequiredService<CurrentUserCache>());
        services.AddScoped<ITotpAuthenticatorRepository, TotpAuthenticatorRepository>();
        services.AddScoped<IRecoveryCodeStore, RecoveryCodeStore>();
        services.AddScoped<IMfaChallengeStore, MfaChallengeStore>();
        services.AddSingleton<MfaKeys>();
        services.AddSingleton<ITotpSecretProtector, AesGcmTotpSecretProtector>();
        services.AddSingleton<IQrCodeRenderer, QrCoderSvgRenderer>();
        services.AddScoped<IProductRepository, ProductRepository>();
        services.AddScoped<ICartRepository, CartRepository>();
        services.AddScoped<IOrderRepository, OrderRepository>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<IEmailFingerprint, HmacEmailFingerprint>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<IAccessTokenValidator>(sp => sp.GetRequiredService<AccessTokenValidator>());
        services.AddOptions<EmailDeliveryOptions>()
            .Bind(configuration.GetSection(EmailDeliveryOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailDeliveryOptions>, EmailDeliveryOptionsValidator>();
        services.AddScoped<IEmailTokenStore, EmailTokenStore>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<IPasswordResetRequests, PasswordResetRequestStore>();
        services.AddSingleton<IAccountRateLimiter, AccountRateLimiter>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<EmailOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailOutboxSender>());
        services.AddSingleton<EmailOutboxBacklog>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailOutboxBacklog>());

        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton<Application.Common.Abstractions.IPasswordHasher, GatedPasswordHasher>();
        services.AddPasskeys(configuration);
        services.AddSingleton<ShopMetrics>();
        services.AddSingleton<IShopMetrics>(sp => sp.GetRequiredService<ShopMetrics>());
        return services;
    }

    private static void AddPasskeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasskeyOptions>().Bind(configuration.GetSection(PasskeyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasskeyOptions>, PasskeyOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PasskeyOptions>>().Value;
            return new Fido2NetLib.Fido2Configuration
            {
                RPID = options.RpId,
                RPName = options.RpName,
                Origins = options.EffectiveOrigins.ToHashSet(StringComparer.OrdinalIgnoreCase),
                Timeout = (uint)Application.Passkeys.PasskeyChallenges.Lifetime.TotalMilliseconds,
                ChallengeSize = 32,
            };
        });
        services.AddSingleton<Fido2NetLib.IFido2>(sp => new Fido2NetLib.Fido2(sp.GetRequiredService<Fido2NetLib.Fido2Configuration>()));
        services.AddSingleton<IPasskeyRelyingParty, Fido2RelyingParty>();
        services.AddScoped<IPasskeyRepository, PasskeyRepository>();
        services.AddScoped<IPasskeyChallengeStore, PasskeyChallengeStore>();
    }
}
