using System.Net;
using System.Net.Http.Json;
using OtpNet;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>The second-factor routes, with codes computed from the set-up's secret as an authenticator app would.</summary>
public static class MfaClientExtensions
{
    public const string SetupPath = "/api/auth/mfa/totp/setup";
    public const string ConfirmPath = "/api/auth/mfa/totp/confirm";
    public const string DisablePath = "/api/auth/mfa/totp/disable";
    public const string RecoveryCodesPath = "/api/auth/mfa/recovery-codes";
    public const string LoginMfaPath = "/api/auth/login/mfa";

    /// <summary>RFC 6238 with the defaults every app uses: SHA-1, 6 digits, 30 s.</summary>
    public static string CodeAt(byte[] secret, DateTimeOffset at) => new Totp(secret).ComputeTotp(at.UtcDateTime);

    /// <summary>A code that is none of the three the server accepts around <paramref name="at"/>.</summary>
    public static string WrongCodeAt(byte[] secret, DateTimeOffset at)
    {
        var accepted = new[] { -30, 0, 30 }.Select(s => CodeAt(secret, at.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !accepted.Contains(c));
    }

    public static async Task<TotpSetupBody> SetupTotpAsync(this HttpClient client, string access, string password = ApiClientExtensions.DefaultPassword)
    {
        var response = await client.PostJsonAsync(SetupPath, new { password }, access);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TotpSetupBody>())!;
    }

    /// <summary>Signs up and turns TOTP on, confirming with the code of <paramref name="at"/> (the app's clock).</summary>
    public static async Task<TotpAccount> RegisterWithTotpAsync(
        this HttpClient client, DateTimeOffset at, string? email = null, string password = ApiClientExtensions.DefaultPassword)
    {
        var registered = await client.RegisterAsync(email, password);
        var setup = await client.SetupTotpAsync(registered.Access, password);
        var secret = Base32Encoding.ToBytes(setup.Secret);
        var confirmed = await client.PostJsonAsync(ConfirmPath, new { code = CodeAt(secret, at) }, registered.Access);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var codes = (await confirmed.Content.ReadFromJsonAsync<RecoveryCodesBody>())!.RecoveryCodes;
        return new TotpAccount(registered.User.Email, secret, codes, registered);
    }

    /// <summary>The first step of a login of an account with TOTP: its mfaToken.</summary>
    public static async Task<string> StartMfaLoginAsync(this HttpClient client, string email, string password = ApiClientExtensions.DefaultPassword)
    {
        var response = await client.PostJsonAsync("/api/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<MfaRequiredBody>())!;
        body.MfaRequired.ShouldBeTrue();
        return body.MfaToken;
    }

    public static Task<HttpResponseMessage> LoginMfaAsync(this HttpClient client, string mfaToken, string? code = null, string? recoveryCode = null) =>
        code is not null
            ? client.PostJsonAsync(LoginMfaPath, new { mfaToken, code })
            : client.PostJsonAsync(LoginMfaPath, new { mfaToken, recoveryCode });

    public static async Task<AuthBody> ReadLoginAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuthBody>())!;
    }
}

public sealed record TotpSetupBody(string Secret, string OtpauthUri, string QrCodeSvg);

public sealed record RecoveryCodesBody(string[] RecoveryCodes);

public sealed record MfaRequiredBody(bool MfaRequired, string MfaToken, int ExpiresIn);

public sealed record TotpAccount(string Email, byte[] Secret, string[] RecoveryCodes, AuthBody Registered);
