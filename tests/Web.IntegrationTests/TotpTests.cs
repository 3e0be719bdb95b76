using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The second factor over HTTP on the real clock, with codes computed from the secret the set-up
/// answered, as an authenticator app computes them. A code of the current step confirms; the next
/// step's code (one step of drift) is the one a login can still use after that.
/// </summary>
public sealed class TotpTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static DateTimeOffset NextStep => DateTimeOffset.UtcNow.AddSeconds(30);

    [Fact]
    public async Task Setup_AnswersABase32SecretItsOtpauthUriAndItsQrCodeAsSvg()
    {
        var registered = await _client.RegisterAsync();

        var setup = await _client.SetupTotpAsync(registered.Access);

        Base32Encoding.ToBytes(setup.Secret).Length.ShouldBe(20);
        var email = Uri.EscapeDataString(registered.User.Email);
        setup.OtpauthUri.ShouldBe($"otpauth://totp/ShopEase:{email}?secret={setup.Secret}&issuer=ShopEase&algorithm=SHA1&digits=6&period=30");
        setup.QrCodeSvg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        setup.QrCodeSvg.TrimEnd().ShouldEndWith("</svg>");
    }

    [Fact]
    public async Task Setup_TurnsNothingOn_LoginStillAnswersTokens()
    {
        var registered = await _client.RegisterAsync();

        await _client.SetupTotpAsync(registered.Access);

        (await MeAsync(registered.Access)).GetProperty("mfaEnabled").GetBoolean().ShouldBeFalse();
        (await _client.LoginAsync(registered.User.Email)).Access.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Setup_WithAWrongPassword_Is400OnPassword()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync(MfaClientExtensions.SetupPath, new { password = "not my password" }, registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["password"]);
    }

    [Fact]
    public async Task Setup_WithoutAToken_Is401()
    {
        var response = await _client.PostJsonAsync(MfaClientExtensions.SetupPath, new { password = ApiClientExtensions.DefaultPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
    }

    [Fact]
    public async Task Setup_WhenAlreadyOn_Is400OnTotp_AndTheSecretIsNeverAnsweredAgain()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.PostJsonAsync(MfaClientExtensions.SetupPath, new { password = ApiClientExtensions.DefaultPassword }, account.Registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("\"totp\"");
        text.ShouldNotContain(Base32Encoding.ToString(account.Secret).TrimEnd('='));
    }

    [Fact]
    public async Task Confirm_WithTheCurrentCode_TurnsItOnAndAnswersTenDistinctRecoveryCodes()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        account.RecoveryCodes.Length.ShouldBe(10);
        account.RecoveryCodes.Distinct().Count().ShouldBe(10);
        var me = await MeAsync(account.Registered.Access);
        me.GetProperty("mfaEnabled").GetBoolean().ShouldBeTrue();
        me.GetRawText().ShouldNotContain(Base32Encoding.ToString(account.Secret).TrimEnd('='));
    }

    [Fact]
    public async Task Confirm_WithAWrongCode_Is401InvalidMfaCode_AndTurnsNothingOn()
    {
        var registered = await _client.RegisterAsync();
        var secret = Base32Encoding.ToBytes((await _client.SetupTotpAsync(registered.Access)).Secret);

        var response = await _client.PostJsonAsync(MfaClientExtensions.ConfirmPath, new { code = MfaClientExtensions.WrongCodeAt(secret, Now) }, registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await MeAsync(registered.Access)).GetProperty("mfaEnabled").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Confirm_WithoutASetUp_Is400OnTotp()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync(MfaClientExtensions.ConfirmPath, new { code = "123456" }, registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["totp"]);
    }

    [Fact]
    public async Task Login_OfAnAccountWithTotp_AnswersMfaRequiredAndNoTokens()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.PostJsonAsync("/api/auth/login", new { email = account.Email, password = ApiClientExtensions.DefaultPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["mfaRequired", "mfaToken", "expiresIn"], ignoreOrder: true);
        body.GetProperty("mfaRequired").GetBoolean().ShouldBeTrue();
        body.GetProperty("expiresIn").GetInt32().ShouldBe(300);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task Login_OfAnAccountWithTotp_WithAWrongPassword_IsStillInvalidCredentials()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.PostJsonAsync("/api/auth/login", new { email = account.Email, password = "not my password" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_credentials");
    }

    [Fact]
    public async Task LoginMfa_WithTheNextCode_AnswersTheLoginResponse_WhoseTokensWork()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);

        var login = await (await _client.LoginMfaAsync(mfaToken, MfaClientExtensions.CodeAt(account.Secret, NextStep))).ReadLoginAsync();

        login.User.Email.ShouldBe(account.Email);
        login.TokenType.ShouldBe("Bearer");
        (await _client.GetMeAsync(login.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.RefreshAsync(login.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoginMfa_TheCodeThatConfirmed_IsNeverAcceptedAgain()
    {
        var confirmedAt = Now;
        var account = await _client.RegisterWithTotpAsync(confirmedAt);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);

        var response = await _client.LoginMfaAsync(mfaToken, MfaClientExtensions.CodeAt(account.Secret, confirmedAt));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
    }

    [Fact]
    public async Task LoginMfa_ACodeThatLoggedInOnce_IsRefusedTheSecondTime()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var code = MfaClientExtensions.CodeAt(account.Secret, NextStep);
        await (await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), code)).ReadLoginAsync();

        var replay = await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), code);

        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
    }

    [Fact]
    public async Task LoginMfa_TenConcurrentLoginsWithTheSameCode_ExactlyOneWins()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var tokens = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            tokens.Add(await _client.StartMfaLoginAsync(account.Email));
        }

        var code = MfaClientExtensions.CodeAt(account.Secret, NextStep);
        var clients = tokens.Select(_ => factory.CreateApiClient()).ToArray();
        var responses = await Task.WhenAll(tokens.Select((token, i) => clients[i].LoginMfaAsync(token, code)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await refused.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
        }
    }

    [Fact]
    public async Task LoginMfa_OneTokenWithACodeAndARecoveryCodeAtOnce_ExactlyOneWins_AndALosingRecoveryCodeIsNotSpent()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);
        var recoveryCode = account.RecoveryCodes[0];

        var responses = await Task.WhenAll(
            factory.CreateApiClient().LoginMfaAsync(mfaToken, MfaClientExtensions.CodeAt(account.Secret, NextStep)),
            factory.CreateApiClient().LoginMfaAsync(mfaToken, recoveryCode: recoveryCode));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        loser.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await loser.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        if (responses[0].StatusCode == HttpStatusCode.OK)
        {
            await (await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), recoveryCode: recoveryCode)).ReadLoginAsync();
        }
    }

    [Fact]
    public async Task LoginMfa_FiveWrongCodes_ThenTheTokenIsDead_EvenForTheRightCode()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await _client.LoginMfaAsync(mfaToken, MfaClientExtensions.WrongCodeAt(account.Secret, Now));
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await wrong.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
        }

        var right = await _client.LoginMfaAsync(mfaToken, MfaClientExtensions.CodeAt(account.Secret, NextStep));

        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await right.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task LoginMfa_TwentyConcurrentWrongCodesWithOneToken_AtMostFiveAreChecked()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);
        var wrong = MfaClientExtensions.WrongCodeAt(account.Secret, Now);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => factory.CreateApiClient().LoginMfaAsync(mfaToken, wrong)));

        var codes = new List<string>();
        foreach (var response in responses)
        {
            codes.Add((await response.ReadProblemAsync()).Code);
        }

        codes.Count(c => c == "invalid_mfa_code").ShouldBe(5);
        codes.Count(c => c == "token_not_valid").ShouldBe(15);
    }

    [Fact]
    public async Task LoginMfa_TheTokenIsSingleUse()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);
        await (await _client.LoginMfaAsync(mfaToken, recoveryCode: account.RecoveryCodes[0])).ReadLoginAsync();

        var again = await _client.LoginMfaAsync(mfaToken, recoveryCode: account.RecoveryCodes[1]);

        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await again.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task MfaToken_IsNoAccessToken()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);

        var me = await _client.GetMeAsync(mfaToken);
        var verify = await _client.PostJsonAsync("/api/auth/token/verify", new { token = mfaToken });
        var refresh = await _client.RefreshAsync(mfaToken);

        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        verify.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await verify.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task LoginMfa_WithAnAccessTokenInPlaceOfTheMfaToken_IsTokenNotValid()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.LoginMfaAsync(account.Registered.Access, MfaClientExtensions.CodeAt(account.Secret, NextStep));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Theory]
    [InlineData("{\"code\":\"123456\"}", "mfaToken")]
    [InlineData("{\"mfaToken\":\"x\"}", "code")]
    [InlineData("{\"mfaToken\":\"x\",\"code\":\"123456\",\"recoveryCode\":\"abcde-fgh23\"}", "recoveryCode")]
    [InlineData("{\"mfaToken\":\"x\",\"code\":123456}", "code")]
    public async Task LoginMfa_MissingOrMixedFields_Is400NamingTheField(string body, string field)
    {
        var response = await _client.PostRawAsync(MfaClientExtensions.LoginMfaPath, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldContain(field);
    }

    [Fact]
    public async Task LoginMfa_PasswordChangedAfterThePasswordStep_KillsTheToken()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);
        (await _client.PostJsonAsync("/api/auth/password",
            new { currentPassword = ApiClientExtensions.DefaultPassword, newPassword = "a brand new passphrase" }, account.Registered.Access))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await _client.LoginMfaAsync(mfaToken, recoveryCode: account.RecoveryCodes[0]);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce_InAnyCaseAndWithoutItsHyphen()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var code = account.RecoveryCodes[3];

        var first = await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), recoveryCode: code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant());
        var second = await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), recoveryCode: code);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
    }

    [Fact]
    public async Task RecoveryCode_OfAnotherAccount_IsRefused()
    {
        var ann = await _client.RegisterWithTotpAsync(Now);
        var bob = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(ann.Email), recoveryCode: bob.RecoveryCodes[0]);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
    }

    [Fact]
    public async Task RegeneratingRecoveryCodes_GivesTenNew_AndVoidsTheOldSet()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.PostJsonAsync(MfaClientExtensions.RecoveryCodesPath,
            new { password = ApiClientExtensions.DefaultPassword, code = MfaClientExtensions.CodeAt(account.Secret, NextStep) }, account.Registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var fresh = (await response.Content.ReadFromJsonAsync<RecoveryCodesBody>())!.RecoveryCodes;
        fresh.Length.ShouldBe(10);
        fresh.Intersect(account.RecoveryCodes).ShouldBeEmpty();
        var old = await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), recoveryCode: account.RecoveryCodes[0]);
        old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), recoveryCode: fresh[0])).ReadLoginAsync())
            .User.Email.ShouldBe(account.Email);
    }

    [Fact]
    public async Task Disable_WithPasswordAndCode_TurnsItOff_RevokesNothing_AndLoginAnswersTokensAgain()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.PostJsonAsync(MfaClientExtensions.DisablePath,
            new { password = ApiClientExtensions.DefaultPassword, code = MfaClientExtensions.CodeAt(account.Secret, NextStep) }, account.Registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MeAsync(account.Registered.Access)).GetProperty("mfaEnabled").GetBoolean().ShouldBeFalse();
        (await _client.RefreshAsync(account.Registered.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.LoginAsync(account.Email)).Access.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Disable_WithARecoveryCode_TurnsItOff_ForALostPhone()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.PostJsonAsync(MfaClientExtensions.DisablePath,
            new { password = ApiClientExtensions.DefaultPassword, code = account.RecoveryCodes[0] }, account.Registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Disable_WithAWrongCode_Is401InvalidMfaCode_AndKeepsItOn()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.PostJsonAsync(MfaClientExtensions.DisablePath,
            new { password = ApiClientExtensions.DefaultPassword, code = MfaClientExtensions.WrongCodeAt(account.Secret, Now) }, account.Registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
        (await MeAsync(account.Registered.Access)).GetProperty("mfaEnabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Disable_WithAWrongPassword_Is400OnPassword_AndKeepsItOn()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await _client.PostJsonAsync(MfaClientExtensions.DisablePath,
            new { password = "not my password", code = MfaClientExtensions.CodeAt(account.Secret, NextStep) }, account.Registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["password"]);
        (await MeAsync(account.Registered.Access)).GetProperty("mfaEnabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Disable_WhenNotOn_Is400OnTotp()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync(MfaClientExtensions.DisablePath,
            new { password = ApiClientExtensions.DefaultPassword, code = "123456" }, registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["totp"]);
    }

    [Fact]
    public async Task TheSecretIsStoredEncrypted_AndTheRecoveryCodesOnlyAsHashes()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var userId = Guid.Parse(account.Registered.User.Id);

        var stored = await factory.WithDbContextAsync(db => db.TotpAuthenticators.AsNoTracking().SingleAsync(a => a.UserId == userId));
        var hashes = await factory.WithDbContextAsync(db => db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == userId).ToListAsync());

        stored.EncryptedSecret.Length.ShouldBe(12 + 20 + 16, "nonce, secret, tag");
        Contains(stored.EncryptedSecret, account.Secret).ShouldBeFalse();
        stored.KeyId.ShouldBe(ShopEase.Infrastructure.Security.SigningKey.Create(factory.MfaEncryptionKey).KeyId);
        hashes.Count.ShouldBe(10);
        hashes.ShouldAllBe(h => h.CodeHash.Length == 32);
        foreach (var code in account.RecoveryCodes)
        {
            var plain = System.Text.Encoding.ASCII.GetBytes(code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant());
            hashes.ShouldNotContain(h => Contains(h.CodeHash, plain) || h.CodeHash.SequenceEqual(System.Security.Cryptography.SHA256.HashData(plain)));
        }
    }

    [Fact]
    public async Task StaffSeeMfaEnabledInTheUserList()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var staff = await _client.RegisterStaffAsync(factory);

        var list = await _client.SendAsync(HttpMethod.Get, $"/api/admin/users?email={Uri.EscapeDataString(account.Email)}", staff.Access);

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var item = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single();
        item.GetProperty("mfaEnabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Login_InBrowserMode_OfAnAccountWithTotp_SetsNoCookieYet()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        var response = await SendInCookieModeAsync("/api/auth/login", new { email = account.Email, password = ApiClientExtensions.DefaultPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mfaRequired").GetBoolean().ShouldBeTrue();
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task LoginMfa_InBrowserMode_AnswersAsLoginDoes_CookieAndCsrfToken_AndTheCookieRefreshes()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);

        var response = await SendInCookieModeAsync(MfaClientExtensions.LoginMfaPath, new { mfaToken, code = MfaClientExtensions.CodeAt(account.Secret, NextStep) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.TryGetProperty("refresh", out _).ShouldBeFalse();
        var csrfToken = body.GetProperty("csrfToken").GetString()!;
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-shopease-refresh=", StringComparison.Ordinal));
        setCookie.ToLowerInvariant().ShouldContain("httponly");
        var cookie = setCookie.Split(';')[0];
        var refresh = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token/refresh");
        refresh.Headers.Add("X-Token-Transport", "cookie");
        refresh.Headers.Add("X-CSRF-Token", csrfToken);
        refresh.Headers.Add("Cookie", cookie);
        (await _client.SendAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> SendInCookieModeAsync(string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Token-Transport", "cookie");
        return _client.SendAsync(request);
    }

    private async Task<JsonElement> MeAsync(string access)
    {
        var response = await _client.GetMeAsync(access);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
