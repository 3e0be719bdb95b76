using System.Globalization;

namespace ShopEase.Web.ExceptionHandling;

/// <summary>One body and header for every 503: the database away or too slow, or the password hashing queue full.</summary>
public static class ServiceUnavailable
{
    public static Task WriteAsync(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(
            http, StatusCodes.Status503ServiceUnavailable, ProblemCodes.ServiceUnavailable,
            "The service is briefly unavailable; try again shortly.");
    }
}
