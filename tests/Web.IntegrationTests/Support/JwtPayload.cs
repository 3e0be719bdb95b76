using System.Buffers.Text;
using System.Text.Json;

namespace ShopEase.Web.IntegrationTests.Support;

public static class JwtPayload
{
    public static Dictionary<string, JsonElement> Read(string jwt) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(jwt.Split('.')[1]))!;

    public static Dictionary<string, JsonElement> ReadHeader(string jwt) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(jwt.Split('.')[0]))!;
}
