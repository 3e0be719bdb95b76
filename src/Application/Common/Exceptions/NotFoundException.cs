namespace ShopEase.Application.Common.Exceptions;

/// <summary>No such resource for this caller: unknown, or someone else's (the two look the same on purpose).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("Not found.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
