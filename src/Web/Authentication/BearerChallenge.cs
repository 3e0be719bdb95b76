namespace ShopEase.Web.Authentication;

public static class BearerChallenge
{
    public const string NoToken = "Bearer";
    public const string InvalidToken = "Bearer error=\"invalid_token\"";
}
