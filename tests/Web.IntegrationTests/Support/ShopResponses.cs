namespace ShopEase.Web.IntegrationTests.Support;

public sealed record MoneyBody(long Amount, string Currency);

public sealed record ProductBody(
    string Id, string Sku, string Name, string Description, MoneyBody Price, int Stock, string CreatedAt, string UpdatedAt);

public sealed record PageBody<T>(T[] Items, int Page, int PageSize, int Total);

public sealed record CartItemBody(string ProductId, string Name, MoneyBody UnitPrice, int Quantity, MoneyBody LineTotal);

public sealed record CartBody(CartItemBody[] Items, MoneyBody[] Totals);

public sealed record OrderLineBody(string ProductId, string Sku, string Name, MoneyBody UnitPrice, int Quantity, MoneyBody LineTotal);

public sealed record OrderBody(string Id, OrderLineBody[] Items, MoneyBody Total, string CreatedAt);
