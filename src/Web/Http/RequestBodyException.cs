namespace ShopEase.Web.Http;

/// <summary>The request body could not be read as the JSON object the route expects.</summary>
public sealed class RequestBodyException : Exception
{
    public RequestBodyException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public RequestBodyException()
        : this(StatusCodes.Status400BadRequest, ExceptionHandling.ProblemCodes.MalformedRequest, "The request body is not valid JSON.")
    {
    }

    public RequestBodyException(string message)
        : this(StatusCodes.Status400BadRequest, ExceptionHandling.ProblemCodes.MalformedRequest, message)
    {
    }

    public RequestBodyException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        Code = ExceptionHandling.ProblemCodes.MalformedRequest;
    }

    public int StatusCode { get; }

    public string Code { get; }
}
