using System.Text;
using ShopEase.Application.Common;

namespace ShopEase.Web.Http;

public static class HttpContextExtensions
{
    /// <summary>The sessions table's limit, in characters.</summary>
    private const int MaxUserAgentLength = 512;

    public static ClientInfo GetClientInfo(this HttpContext context) =>
        new(StorableUserAgent(context.Request.Headers.UserAgent.ToString()), context.Connection.RemoteIpAddress?.ToString());

    /// <summary>
    /// The header as text PostgreSQL takes: at most 512 UTF-16 units, cut between characters (never inside a
    /// surrogate pair), with control characters and lone surrogates replaced by U+FFFD, since a NUL or half a
    /// pair cannot be stored as UTF-8 text.
    /// </summary>
    private static string? StorableUserAgent(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        var text = new StringBuilder(Math.Min(header.Length, MaxUserAgentLength));
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in header.EnumerateRunes())
        {
            var storable = Rune.IsControl(rune) ? Rune.ReplacementChar : rune;
            var length = storable.EncodeToUtf16(utf16);
            if (text.Length + length > MaxUserAgentLength)
            {
                break;
            }

            text.Append(utf16[..length]);
        }

        return text.ToString();
    }
}
