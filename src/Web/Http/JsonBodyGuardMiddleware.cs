using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ShopEase.Web.Http;

/// <summary>
/// The two checks of a JSON request body that the framework's binding does not make for us (ADR 0004): the size
/// limit, by <c>Content-Length</c> and while reading, and the charset, which must be UTF-8 when given. Only routes
/// that bind a body are guarded, and only requests that have one; everything else about the body is the binder's.
/// </summary>
public sealed class JsonBodyGuardMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null
            || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return next(context);
        }

        var request = context.Request;
        var limit = limits.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw RequestBodyException.TooLarge(limit);
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && contentType.Charset is { HasValue: true } charset)
        {
            if (!HeaderUtilities.RemoveQuotes(charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                throw RequestBodyException.NotUtf8();
            }

            // charset="utf-8" means charset=utf-8 (RFC 9110), but the framework's reader only knows the bare form.
            if (HeaderUtilities.IsQuoted(charset))
            {
                contentType.Charset = "utf-8";
                request.ContentType = contentType.ToString();
            }
        }

        request.Body = new LengthLimitedStream(request.Body, limit);
        return next(context);
    }
}
