namespace ShopEase.Web.Configuration;

public static class LoggingSetup
{
    /// <summary><c>Logging__Format=json</c> writes one JSON object per line, with scopes (client IP), in UTC.</summary>
    public static WebApplicationBuilder AddShopEaseLogging(this WebApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        return builder;
    }
}
