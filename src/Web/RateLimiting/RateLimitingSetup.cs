using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Email.Models;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Infrastructure.Redis;

namespace ShopEase.Web.RateLimiting;

/// <summary>
/// Per-client-IP limits on login, sign-up and the requests that send mail, through ASP.NET Core's rate
/// limiter, shared by every node through Redis when <c>Redis:Configuration</c> is set. The client IP is
/// the socket peer, or what a configured trusted proxy forwarded (see ForwardedHeaders setup).
/// </summary>
public static class RateLimitingSetup
{
    public const string LoginPolicy = "login";
    public const string RegisterPolicy = "register";
    public const string ForgotPasswordPolicy = "forgot-password";
    public const string ResendVerificationPolicy = "resend-verification";
    public const string ChangeEmailPolicy = "change-email";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<AcceptedWhenRateLimited>() is not null)
                {
                    context.HttpContext.Response.StatusCode = StatusCodes.Status202Accepted;
                    await context.HttpContext.Response.WriteAsJsonAsync(RequestAccepted.Instance, cancellationToken);
                    return;
                }

                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await WriteRateLimitedAsync(context.HttpContext, retryAfter);
            };
            o.AddPolicy(LoginPolicy, http => PerClientIp(http, LoginPolicy, s => (s.LoginPerIpPerMinute, TimeSpan.FromMinutes(1))));
            o.AddPolicy(RegisterPolicy, http => PerClientIp(http, RegisterPolicy, s => (s.RegisterPerIpPerHour, TimeSpan.FromHours(1))));
            foreach (var mailPolicy in new[] { ForgotPasswordPolicy, ResendVerificationPolicy, ChangeEmailPolicy })
            {
                o.AddPolicy(mailPolicy, http => PerClientIp(http, mailPolicy, s => (s.EmailPerIpPerHour, TimeSpan.FromHours(1))));
            }
        });
        return services;
    }

    /// <summary>One body and header for every 429, from the middleware or from a lockout.</summary>
    public static Task WriteRateLimitedAsync(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(
            http, StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many attempts; try again later.");
    }

    private static RateLimitPartition<string> PerClientIp(
        HttpContext http, string policy, Func<RateLimitingOptions, (int Permits, TimeSpan Window)> limit)
    {
        var settings = http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        if (!settings.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        var (permits, window) = limit(settings);
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return FixedWindowPartition(http, $"{policy}:{client}", permits, window);
    }

    /// <summary>In Redis when it is configured, so that every node counts against one budget; else in this node's memory.</summary>
    private static RateLimitPartition<string> FixedWindowPartition(HttpContext http, string key, int permits, TimeSpan window)
    {
        if (http.RequestServices.GetService<RedisConnection>() is { } redis)
        {
            var logger = http.RequestServices.GetRequiredService<ILogger<SharedFixedWindowRateLimiter>>();
            return RateLimitPartition.Get(key, k => new SharedFixedWindowRateLimiter(k, permits, window, redis, logger));
        }

        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }
}
