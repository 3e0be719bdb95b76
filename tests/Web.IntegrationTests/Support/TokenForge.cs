using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>Builds JWTs by hand, the way an attacker would, to prove the server refuses them.</summary>
public static class TokenForge
{
    public static string Encode(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));

    public static string Sign(object header, object payload, Func<byte[], byte[]> mac)
    {
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        return $"{signingInput}.{Base64Url.EncodeToString(mac(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    public static string Hs256(object header, object payload, byte[] key) => Sign(header, payload, data => HMACSHA256.HashData(key, data));

    public static Dictionary<string, object> PayloadOf(string jwt) =>
        JwtPayload.Read(jwt).ToDictionary(kv => kv.Key, kv => (object)kv.Value);

    public static Dictionary<string, object> HeaderOf(string jwt) =>
        JwtPayload.ReadHeader(jwt).ToDictionary(kv => kv.Key, kv => (object)kv.Value);
}
