using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Email;

namespace ShopEase.Application.UnitTests.TestSupport;

/// <summary>The real mailer and mail texts over substituted token store and outbox, with links to <see cref="LinkBaseUrl"/>.</summary>
internal static class TestMailer
{
    public const string LinkBaseUrl = "https://shop.example";

    public static AccountMails Mails { get; } = new(Options.Create(new EmailLinkOptions { LinkBaseUrl = LinkBaseUrl }));

    public static AccountMailer Create(IEmailTokenStore tokens, IEmailOutbox outbox, TimeProvider clock) =>
        new(tokens, outbox, Mails, clock);
}
