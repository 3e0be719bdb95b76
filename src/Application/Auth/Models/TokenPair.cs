namespace ShopEase.Application.Auth.Models;

public sealed record TokenPair(string Access, string Refresh, string TokenType, int ExpiresIn)
{
    public const string BearerTokenType = "Bearer";
}
