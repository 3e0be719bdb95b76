using System.Text.RegularExpressions;
using MimeKit;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>Reads a mailed link's token the way a person's mail client would find it: in the link.</summary>
public static partial class MailLinks
{
    public const string VerifyEmail = "/verify-email";
    public const string ResetPassword = "/reset-password";

    /// <summary>The token of the link to <paramref name="path"/> in the plain-text body.</summary>
    public static string Token(MimeMessage mail, string path)
    {
        var match = LinkPattern().Matches(mail.TextBody ?? string.Empty).SingleOrDefault(m => m.Groups["path"].Value == path);
        match.ShouldNotBeNull($"no {path} link in: {mail.TextBody}");
        return match.Groups["token"].Value;
    }

    [GeneratedRegex(@"https://shop\.example(?<path>/[a-z-]+)\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
