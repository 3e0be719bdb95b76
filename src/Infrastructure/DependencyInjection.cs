using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Infrastructure.Persistence;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Default";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddOptions<PasswordHashingOptions>()
            .Bind(configuration.GetSection(PasswordHashingOptions.SectionName))
            .Validate(o => o.Iterations >= 1, "Passwords:Iterations must be positive.")
            .ValidateOnStart();

        // Read when the first context is made, so tests and tools can supply it late.
        services.AddDbContextPool<ShopEaseDbContext>((provider, options) =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionStringName} is missing (environment: ConnectionStrings__{ConnectionStringName}).");
            }

            ShopEaseDbContext.Configure(options, connectionString);
        });

        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IRefreshTokenStore, RefreshTokenStore>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<IAccessTokenValidator>(sp => sp.GetRequiredService<AccessTokenValidator>());
        services.AddSingleton<Application.Common.Abstractions.IPasswordHasher, IdentityPasswordHasher>();
        return services;
    }
}
