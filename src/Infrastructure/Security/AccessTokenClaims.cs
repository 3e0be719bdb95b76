namespace ShopEase.Infrastructure.Security;

public static class AccessTokenClaims
{
    public const string Subject = "sub";
    public const string SessionId = "sid";
    public const string TokenId = "jti";
    public const string TokenType = "token_type";
    public const string AccessTokenType = "access";
}
