using System.Net;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;

namespace ShopEase.Application.Email;

/// <summary>
/// The text of every account mail, as plain text and as HTML. A token appears only inside its link, never
/// in a subject or on a line of its own; addresses are HTML-encoded, since anyone may type one.
/// </summary>
public sealed class AccountMails(IOptions<EmailLinkOptions> options)
{
    public const string VerifyEmailPath = "/verify-email";
    public const string ResetPasswordPath = "/reset-password";

    public EmailMessage Verification(string email, string token)
    {
        var link = Link(VerifyEmailPath, token);
        return Compose(
            email,
            "Confirm your email address for ShopEase",
            [$"Please confirm that {email} is your email address for ShopEase by opening this link within 24 hours:"],
            link,
            "Confirm my email address",
            ["If you did not sign up for ShopEase, ignore this message."]);
    }

    public EmailMessage PasswordReset(string email, string token)
    {
        var link = Link(ResetPasswordPath, token);
        return Compose(
            email,
            "Reset your ShopEase password",
            [$"Someone, hopefully you, asked to reset the password of the ShopEase account for {email}.",
             "To choose a new password, open this link within 30 minutes. It works once, and signs out every device."],
            link,
            "Choose a new password",
            ["If you did not ask for this, ignore this message: your password stays as it is."]);
    }

    public EmailMessage EmailChangeVerification(string newEmail, string token)
    {
        var link = Link(VerifyEmailPath, token);
        return Compose(
            newEmail,
            "Confirm your new email address for ShopEase",
            [$"Someone, hopefully you, asked to move a ShopEase account to {newEmail}.",
             "To confirm this address, open this link within 24 hours. Until then the account keeps its current address."],
            link,
            "Confirm my new email address",
            ["If you did not ask for this, ignore this message."]);
    }

    public static EmailMessage EmailChangeNotice(string oldEmail, string newEmail) =>
        Compose(
            oldEmail,
            "Your ShopEase email address is about to change",
            [$"Someone signed in to the ShopEase account for {oldEmail} asked to change its email address to {newEmail}.",
             "The change happens only when the new address is confirmed from the mail sent to it."],
            link: null,
            linkText: null,
            ["If this was not you, change your password now: that also ends every other session."]);

    private string Link(string path, string token) => $"{options.Value.LinkBaseUrl.TrimEnd('/')}{path}?token={token}";

    private static EmailMessage Compose(
        string to, string subject, string[] before, string? link, string? linkText, string[] after)
    {
        var text = new List<string> { "Hello," };
        text.AddRange(before);
        if (link is not null)
        {
            text.Add(link);
        }

        text.AddRange(after);
        text.Add("ShopEase");

        var html = new System.Text.StringBuilder("<!DOCTYPE html><html><body><p>Hello,</p>");
        foreach (var paragraph in before)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">")
                .Append(WebUtility.HtmlEncode(linkText)).Append("</a></p>");
        }

        foreach (var paragraph in after)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        html.Append("<p>ShopEase</p></body></html>");
        return new EmailMessage(to, subject, string.Join("\n\n", text) + "\n", html.ToString());
    }
}
