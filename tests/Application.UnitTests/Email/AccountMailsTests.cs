using ShopEase.Application.Email;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Email;

public sealed class AccountMailsTests
{
    private const string Token = "Xy-_0123456789abcdefghijklmnopqrstuvwxyzABCD";

    [Fact]
    public void Verification_LinksToTheFrontEndsVerifyPage_InBothBodies()
    {
        var mail = TestMailer.Mails.Verification("ann@shop.io", Token);

        mail.To.ShouldBe("ann@shop.io");
        mail.TextBody.ShouldContain($"{TestMailer.LinkBaseUrl}/verify-email?token={Token}");
        mail.HtmlBody.ShouldContain($"href=\"{TestMailer.LinkBaseUrl}/verify-email?token={Token}\"");
    }

    [Fact]
    public void PasswordReset_CarriesTheTokenOnlyInTheLink()
    {
        var mail = TestMailer.Mails.PasswordReset("ann@shop.io", Token);

        mail.Subject.ShouldNotContain(Token);
        CountOf(mail.TextBody, Token).ShouldBe(1);
        CountOf(mail.HtmlBody, Token).ShouldBe(1);
        mail.TextBody.ShouldContain($"{TestMailer.LinkBaseUrl}/reset-password?token={Token}");
    }

    [Fact]
    public void Html_EncodesTheAddresses_WhichAnyoneMayType()
    {
        var mail = AccountMails.EmailChangeNotice("ann@shop.io", "<script>x</script>@evil.io");

        mail.HtmlBody.ShouldNotContain("<script>");
        mail.HtmlBody.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void Links_DoNotDoubleTheSlash_WhenTheBaseUrlEndsWithOne()
    {
        var mails = new AccountMails(Microsoft.Extensions.Options.Options.Create(
            new ShopEase.Application.Common.Options.EmailLinkOptions { LinkBaseUrl = "https://shop.example/" }));

        mails.Verification("ann@shop.io", Token).TextBody.ShouldContain($"https://shop.example/verify-email?token={Token}");
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
