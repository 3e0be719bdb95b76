namespace ShopEase.Application.Common.Exceptions;

/// <summary>A checkout wanted more of a product than is left, most often because another buyer was faster.</summary>
public sealed class OutOfStockException : Exception
{
    public OutOfStockException(Guid productId, string productName)
        : base($"Not enough stock of {productName}.")
    {
        ProductId = productId;
    }

    public OutOfStockException()
        : base("Not enough stock.")
    {
    }

    public OutOfStockException(string message)
        : base(message)
    {
    }

    public OutOfStockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Guid? ProductId { get; }
}
