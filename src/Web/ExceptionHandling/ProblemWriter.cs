using Microsoft.AspNetCore.Mvc;

namespace ShopEase.Web.ExceptionHandling;

/// <summary>Writes RFC 9457 problem details with our <c>code</c>; every error response goes through here.</summary>
public sealed class ProblemWriter(IProblemDetailsService problemDetailsService)
{
    public async Task WriteAsync(
        HttpContext context,
        int status,
        string code,
        string title,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        // The framework fills in a type for the statuses RFC 9110 defines; 429 comes from RFC 6585.
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Type = status == StatusCodes.Status429TooManyRequests ? "https://tools.ietf.org/html/rfc6585#section-4" : null,
        };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        context.Response.StatusCode = status;
        await problemDetailsService.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
