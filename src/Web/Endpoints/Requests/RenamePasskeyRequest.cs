namespace ShopEase.Web.Endpoints.Requests;

public sealed record RenamePasskeyRequest(string? Name);
