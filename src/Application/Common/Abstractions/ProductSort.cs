namespace ShopEase.Application.Common.Abstractions;

public enum ProductSort
{
    Name,
    PriceAscending,
    PriceDescending,
    Newest,
}
