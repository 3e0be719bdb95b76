using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.Endpoints;

/// <summary>
/// The public keys, so that other services validate ShopEase tokens with nothing but this URL.
/// Empty with HS256, whose key is a shared secret.
/// </summary>
public sealed class JwksEndpoints : IEndpointGroup
{
    public const string Path = "/.well-known/jwks.json";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetKeys).WithTags("Keys");
    }

    private static Ok<JwksDocument> GetKeys(SigningKeyRing keys, HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new JwksDocument(keys.PublicJsonWebKeys()));
    }

    public sealed record JwksDocument(IReadOnlyList<IReadOnlyDictionary<string, string>> Keys);
}
