using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Application.Auth;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Common.Behaviors;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Email;
using ShopEase.Application.Mfa;

namespace ShopEase.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasswordPolicyOptions>()
            .Bind(configuration.GetSection(PasswordPolicyOptions.SectionName))
            .Validate(o => o.MinLength >= 1 && o.MinLength <= o.MaxLength,
                "Passwords:MinLength must be at least 1 and not above Passwords:MaxLength.")
            .ValidateOnStart();
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(o => o.LoginPerIpPerMinute > 0 && o.RegisterPerIpPerHour > 0 && o.RefreshPerSessionPerMinute > 0
                && o.EmailPerAccountPerHour > 0 && o.EmailPerIpPerHour > 0 && o.LockoutFailures > 0 && o.LockoutWindow > TimeSpan.Zero && o.LockoutDuration > TimeSpan.Zero,
                "Every RateLimiting limit and duration must be positive.")
            .ValidateOnStart();
        services.AddOptions<SessionOptions>()
            .Bind(configuration.GetSection(SessionOptions.SectionName))
            .Validate(o => o.RefreshTokenLifetime > TimeSpan.Zero && o.SessionLifetime > TimeSpan.Zero,
                "Jwt:RefreshTokenLifetime and Jwt:SessionLifetime must be positive.")
            .Validate(o => o.RefreshTokenReuseGrace >= TimeSpan.Zero && o.RefreshTokenReuseGrace <= TimeSpan.FromMinutes(1),
                "Jwt:RefreshTokenReuseGrace must be between 00:00:00 and 00:01:00.")
            .ValidateOnStart();

        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.SectionName));
        services.AddOptions<EmailLinkOptions>()
            .Bind(configuration.GetSection(EmailLinkOptions.SectionName))
            .Validate(o => EmailLinkOptions.IsValidBaseUrl(o.LinkBaseUrl),
                "Email:LinkBaseUrl must be an absolute http or https URL without a query, e.g. https://shop.example.")
            .ValidateOnStart();

        // Scoped, because handlers and validators use the request's repositories.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(AuditTrailBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped);
        services.AddAuditEventsFrom(typeof(DependencyInjection).Assembly);
        services.AddAutoMapper(
            cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"],
            typeof(DependencyInjection).Assembly);
        services.AddScoped<SessionStarter>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<Reauthentication>();
        services.AddSingleton<AccountMails>();
        services.AddScoped<AccountMailer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
