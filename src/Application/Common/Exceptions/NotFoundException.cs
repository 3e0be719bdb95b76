namespace ShopEase.Application.Common.Exceptions;

/// <summary>No such resource for this caller: unknown, or someone else's (the two look the same on purpose).</summary>
public sealed class NotFoundException : ProblemException
{
    public NotFoundException()
        : this("Not found.")
    {
    }

    public NotFoundException(string message)
        : this(message, null)
    {
    }

    public NotFoundException(string message, Exception? innerException)
        : base(404, "not_found", message, innerException)
    {
    }
}
