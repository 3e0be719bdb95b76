namespace ShopEase.Infrastructure.Security;

public static class SigningAlgorithms
{
    public const string Hs256 = "HS256";
    public const string Es256 = "ES256";
    public const string Rs256 = "RS256";

    public static readonly IReadOnlyList<string> All = [Hs256, Es256, Rs256];

    public static bool IsAsymmetric(string algorithm) => algorithm is Es256 or Rs256;
}
