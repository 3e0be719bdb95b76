using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>The email routes, and what the outbox holds, for the mail tests.</summary>
public static class EmailClientExtensions
{
    public static Task<HttpResponseMessage> VerifyEmailAsync(this HttpClient client, string token) =>
        client.PostJsonAsync("/api/auth/email/verify", new { token });

    public static Task<HttpResponseMessage> ForgotPasswordAsync(this HttpClient client, string email) =>
        client.PostJsonAsync("/api/auth/password/forgot", new { email });

    public static Task<HttpResponseMessage> ResetPasswordAsync(this HttpClient client, string token, string newPassword) =>
        client.PostJsonAsync("/api/auth/password/reset", new { token, newPassword });

    public static Task<HttpResponseMessage> ChangeEmailAsync(this HttpClient client, string access, string newEmail, string password) =>
        client.PostJsonAsync("/api/auth/email", new { newEmail, password }, access);

    public static Task<HttpResponseMessage> ResendVerificationAsync(this HttpClient client, string access) =>
        client.PostJsonAsync("/api/auth/email/verify/resend", new { }, access);

    /// <summary>Asserts a 202 whose body is exactly <c>{}</c>.</summary>
    public static async Task ShouldBeAcceptedAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).ShouldBe("{}");
    }

    /// <summary>Signs up, reads the verification mail from the SMTP server and follows its link.</summary>
    public static async Task<AuthBody> RegisterVerifiedAsync(this HttpClient client, EmailApiFactory factory, string? email = null)
    {
        var registered = await client.RegisterAsync(email);
        var mail = await factory.Smtp.WaitForMailAsync(registered.User.Email);
        (await client.VerifyEmailAsync(MailLinks.Token(mail, MailLinks.VerifyEmail))).StatusCode.ShouldBe(HttpStatusCode.OK);
        return registered;
    }

    public static async Task<bool> EmailVerifiedAsync(this HttpClient client, string access)
    {
        var me = await client.GetMeAsync(access);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("emailVerified").GetBoolean();
    }

    /// <summary>Outbox rows for one recipient, sent or not.</summary>
    public static Task<int> OutboxCountAsync(this ShopEaseApiFactory factory, string recipient) =>
        factory.WithDbContextAsync(db => db.EmailOutbox.CountAsync(m => m.Recipient == recipient));

    /// <summary>Waits until every "forgot password" request has been resolved by a sender.</summary>
    public static async Task ResetRequestsResolvedAsync(this ShopEaseApiFactory factory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await factory.WithDbContextAsync(db => db.PasswordResetRequests.AnyAsync()))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the sender did not resolve the reset requests");
            await Task.Delay(25);
        }
    }
}
