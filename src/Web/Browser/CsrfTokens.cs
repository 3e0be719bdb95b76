using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.Browser;

/// <summary>
/// Signed double-submit CSRF tokens: <c>base64url(sid).base64url(HMAC-SHA256(key, sid))</c>. A page
/// can read it from the login response, a cross-site form cannot; the server checks it in constant
/// time and learns which session the request claims to be.
/// </summary>
public sealed class CsrfTokens
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("shopease-csrf-v1");

    private readonly byte[] _key;

    // Keys derived from earlier HS256 secrets still verify, so rotating the signing key does not
    // sign browsers out.
    private readonly byte[][] _previousKeys;

    public CsrfTokens(IOptions<BrowserOptions> browser, IOptions<JwtOptions> jwt)
    {
        _key = ResolveKey(browser.Value, jwt.Value, out var problem) ?? throw new InvalidOperationException(problem);
        _previousKeys = string.IsNullOrWhiteSpace(browser.Value.CsrfKey) && jwt.Value.Algorithm == SigningAlgorithms.Hs256
            ? jwt.Value.PreviousSigningKeys
                .Select(secret => SigningKey.TryDecode(secret, out var bytes, out _) ? Derive(bytes) : null)
                .OfType<byte[]>()
                .ToArray()
            : [];
    }

    public string Issue(Guid sessionId)
    {
        var id = sessionId.ToByteArray();
        return $"{Base64Url.EncodeToString(id)}.{Base64Url.EncodeToString(Mac(_key, id))}";
    }

    /// <returns>The session the token was issued for, or <c>null</c> when it is missing, malformed or forged.</returns>
    public Guid? Verify(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0)
        {
            return null;
        }

        Span<byte> id = stackalloc byte[16];
        Span<byte> mac = stackalloc byte[32];
        if (!TryDecodeExactly(token.AsSpan(0, dot), id) || !TryDecodeExactly(token.AsSpan(dot + 1), mac))
        {
            return null;
        }

        var sessionId = id.ToArray();
        var valid = false;
        foreach (var key in _previousKeys.Prepend(_key))
        {
            valid |= CryptographicOperations.FixedTimeEquals(Mac(key, sessionId), mac);
        }

        return valid ? new Guid(sessionId) : null;
    }

    /// <summary>The key, or <c>null</c> with the reason; shared with the start-up validation.</summary>
    public static byte[]? ResolveKey(BrowserOptions browser, JwtOptions jwt, out string problem)
    {
        problem = string.Empty;
        if (!string.IsNullOrWhiteSpace(browser.CsrfKey))
        {
            if (SigningKey.TryDecode(browser.CsrfKey, out var key, out var keyProblem))
            {
                return key;
            }

            problem = keyProblem.Replace("Jwt:SigningKey", "Browser:CsrfKey", StringComparison.Ordinal)
                .Replace("Jwt__SigningKey", "Browser__CsrfKey", StringComparison.Ordinal);
            return null;
        }

        if (jwt.Algorithm == SigningAlgorithms.Hs256 && SigningKey.TryDecode(jwt.SigningKey, out var secret, out _))
        {
            return Derive(secret);
        }

        problem = "Browser:CsrfKey is missing. With an asymmetric Jwt:Algorithm, set it (environment: Browser__CsrfKey) to a base64 secret of at least 256 bits, e.g. `openssl rand -base64 32`.";
        return null;
    }

    // The OperationStatus overload, because TryDecodeFromChars throws on characters outside the
    // alphabet and on a malformed final quantum (a client's garbage must be a 403, never a 500).
    private static bool TryDecodeExactly(ReadOnlySpan<char> encoded, Span<byte> destination) =>
        encoded.Length == Base64Url.GetEncodedLength(destination.Length)
        && Base64Url.DecodeFromChars(encoded, destination, out _, out var written) == OperationStatus.Done
        && written == destination.Length;

    private static byte[] Derive(byte[] signingSecret) => HKDF.DeriveKey(HashAlgorithmName.SHA256, signingSecret, 32, salt: [], info: Label);

    private static byte[] Mac(byte[] key, byte[] sessionId) => HMACSHA256.HashData(key, Label.Concat(sessionId).ToArray());
}
