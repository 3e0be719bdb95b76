namespace ShopEase.Application.Common.Exceptions;

/// <summary>A checkout wanted more of a product than is left, most often because another buyer was faster.</summary>
public sealed class OutOfStockException : ProblemException
{
    public OutOfStockException(Guid productId, string productName)
        : this($"Not enough stock of {productName}.")
    {
        ProductId = productId;
    }

    public OutOfStockException()
        : this("Not enough stock.")
    {
    }

    public OutOfStockException(string message)
        : this(message, null)
    {
    }

    public OutOfStockException(string message, Exception? innerException)
        : base(409, "out_of_stock", message, innerException)
    {
    }

    public Guid? ProductId { get; }
}
