using ShopEase.Application.Common.Exceptions;
using ShopEase.Web.ExceptionHandling;

namespace ShopEase.Web.Http;

/// <summary>A request body refused before the framework binds it (see <see cref="JsonBodyGuardMiddleware"/>).</summary>
public sealed class RequestBodyException : ProblemException
{
    public RequestBodyException(int status, string code, string message)
        : base(status, code, message)
    {
    }

    public RequestBodyException()
        : this("The request body could not be read.")
    {
    }

    public RequestBodyException(string message)
        : this(message, null)
    {
    }

    public RequestBodyException(string message, Exception? innerException)
        : base(StatusCodes.Status400BadRequest, ProblemCodes.MalformedRequest, message, innerException)
    {
    }

    public static RequestBodyException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, $"The request body is over {limit} bytes.");

    public static RequestBodyException NotUtf8() =>
        new(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Send the body as application/json.");
}
