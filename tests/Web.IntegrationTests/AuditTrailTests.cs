using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class AuditTrailTests(AuditTrailTests.RecordingApiFactory factory) : IClassFixture<AuditTrailTests.RecordingApiFactory>
{
    private const string Secret = "a very secret passphrase";

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task SignUp_IsAuditedWithUserSessionAndClientIp()
    {
        var registered = await _client.RegisterAsync(password: Secret);

        var entry = factory.Logs.Entries.Single(e => e.EventId.Id == 3001 && Equals(e.Values["UserId"], Guid.Parse(registered.User.Id)));
        entry.Values["SessionId"].ShouldBe(Guid.Parse(JwtPayload.Read(registered.Access)["sid"].GetString()!));
        entry.Values.ShouldContainKey("ClientIp");
    }

    [Fact]
    public async Task FailedLogin_IsAuditedWithoutTheEmailOrThePassword()
    {
        var email = ApiClientExtensions.UniqueEmail("audited");

        (await _client.PostJsonAsync("/api/auth/login", new { email, password = Secret })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var entry = factory.Logs.Entries.Last(e => e.EventId.Id == 3003);
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Message.ShouldNotContain(email);
        ((string)entry.Values["EmailHash"]!).Length.ShouldBe(16);
    }

    [Fact]
    public async Task FailedLogin_FingerprintIsKeyed_NotAPlainHashAnyoneCanRecompute()
    {
        var email = ApiClientExtensions.UniqueEmail("keyed").ToLowerInvariant();

        await _client.PostJsonAsync("/api/auth/login", new { email, password = Secret });

        var fingerprint = (string)factory.Logs.Entries.Last(e => e.EventId.Id == 3003).Values["EmailHash"]!;
        var plainSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)))[..16];
        fingerprint.ShouldNotBe(plainSha256);
    }

    [Fact]
    public async Task FailedLogin_SameEmailTwice_SameFingerprint()
    {
        var email = ApiClientExtensions.UniqueEmail("twice");

        await _client.PostJsonAsync("/api/auth/login", new { email, password = Secret });
        await _client.PostJsonAsync("/api/auth/login", new { email = email.ToUpperInvariant(), password = Secret });

        var fingerprints = factory.Logs.Entries.Where(e => e.EventId.Id == 3003).TakeLast(2)
            .Select(e => (string)e.Values["EmailHash"]!).ToList();
        fingerprints[0].ShouldBe(fingerprints[1]);
    }

    [Fact]
    public async Task LoginLogoutPasswordChangeAndLogoutAll_AreEachAudited()
    {
        var registered = await _client.RegisterAsync(password: Secret);
        var login = await _client.LoginAsync(registered.User.Email, Secret);
        await _client.PostJsonAsync("/api/auth/logout", new { refresh = login.Refresh }, login.Access);
        await _client.PostJsonAsync("/api/auth/password", new { currentPassword = Secret, newPassword = "another fine passphrase" }, registered.Access);
        await _client.PostJsonAsync("/api/auth/logout-all", new { }, registered.Access);

        var userId = Guid.Parse(registered.User.Id);
        var events = factory.Logs.Entries.Where(e => Equals(e.Values.GetValueOrDefault("UserId"), userId)).Select(e => e.EventId.Id).ToList();
        events.ShouldBe([3001, 3002, 3005, 3008, 3006], ignoreOrder: false);
    }

    [Fact]
    public async Task PasswordChange_WithAWrongCurrentPassword_IsAuditedLikeAFailedLogin()
    {
        var registered = await _client.RegisterAsync(password: Secret);

        await _client.PostJsonAsync("/api/auth/password", new { currentPassword = "wrong " + Secret, newPassword = "another fine passphrase" }, registered.Access);

        var entry = factory.Logs.Entries.Single(e => e.EventId.Id == 3041 && Equals(e.Values["UserId"], Guid.Parse(registered.User.Id)));
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Values.ShouldContainKey("ClientIp");
    }

    [Fact]
    public async Task StaffChanges_AreEachAuditedWithWhoMadeThem()
    {
        var staff = await _client.RegisterAsync(ApiClientExtensions.UniqueEmail("staff"), Secret);
        await factory.MakeStaffAsync(staff.User.Email);
        var bob = await _client.RegisterAsync(password: Secret);

        foreach (var change in new object[] { new { isStaff = true }, new { isStaff = false }, new { isActive = false }, new { isActive = true } })
        {
            (await _client.SendAsync(HttpMethod.Patch, $"/api/admin/users/{bob.User.Id}", staff.Access, change)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var bobId = Guid.Parse(bob.User.Id);
        var events = factory.Logs.Entries.Where(e => Equals(e.Values.GetValueOrDefault("UserId"), bobId) && e.EventId.Id is >= 1300 and < 1400).ToList();
        events.Select(e => e.EventId.Id).ShouldBe([1302, 1303, 1301, 1304]);
        events.ShouldAllBe(e => Equals(e.Values["ActorId"], Guid.Parse(staff.User.Id)));
    }

    [Fact]
    public async Task SecondFactor_EachChangeAndUse_IsAudited_WithNoSecretOrCodeInTheLog()
    {
        var account = await _client.RegisterWithTotpAsync(DateTimeOffset.UtcNow, password: Secret);
        var wrongCode = MfaClientExtensions.WrongCodeAt(account.Secret, DateTimeOffset.UtcNow);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email, Secret);
        await _client.LoginMfaAsync(mfaToken, wrongCode);
        var login = await (await _client.LoginMfaAsync(mfaToken, recoveryCode: account.RecoveryCodes[0])).ReadLoginAsync();
        var regenerated = await _client.PostJsonAsync(MfaClientExtensions.RecoveryCodesPath,
            new { password = Secret, code = MfaClientExtensions.CodeAt(account.Secret, DateTimeOffset.UtcNow.AddSeconds(30)) }, login.Access);
        var fresh = (await regenerated.Content.ReadFromJsonAsync<RecoveryCodesBody>())!.RecoveryCodes;
        (await _client.PostJsonAsync(MfaClientExtensions.DisablePath, new { password = Secret, code = fresh[0] }, login.Access))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var userId = Guid.Parse(account.Registered.User.Id);
        var entries = factory.Logs.Entries.Where(e => Equals(e.Values.GetValueOrDefault("UserId"), userId)).ToList();
        entries.Select(e => e.EventId.Id).ShouldBe([3001, 3024, 3021, 3022, 3002, 3023, 3026, 3025], ignoreOrder: false);
        entries.Single(e => e.EventId.Id == 3023).Values["SessionId"].ShouldBe(Guid.Parse(JwtPayload.Read(login.Access)["sid"].GetString()!));
        entries.Single(e => e.EventId.Id == 3025).Values["WithRecoveryCode"].ShouldBe(true);
        var everything = string.Join('\n', factory.Logs.Entries.Select(e => e.Message + string.Join(',', e.Values.Values)));
        everything.ShouldNotContain(OtpNet.Base32Encoding.ToString(account.Secret).TrimEnd('='));
        everything.ShouldNotContain(mfaToken);
        foreach (var code in account.RecoveryCodes.Concat(fresh))
        {
            everything.ShouldNotContain(code);
        }
    }

    [Fact]
    public async Task RefreshReuse_IsAudited()
    {
        var registered = await _client.RegisterAsync(password: Secret);
        await _client.RefreshAsync(registered.Refresh);

        await _client.RefreshAsync(registered.Refresh);

        factory.Logs.Entries.ShouldContain(e => e.EventId.Id == 1201 && Equals(e.Values["UserId"], Guid.Parse(registered.User.Id)));
    }

    [Fact]
    public async Task PasskeyRegistrationSignInAndDeletion_AreEachAudited()
    {
        var registered = await _client.RegisterAsync(password: Secret);
        using var authenticator = SoftwareAuthenticator.Es256();
        var passkeyId = Guid.Parse((await _client.RegisterPasskeyAsync(registered.Access, authenticator)).GetProperty("id").GetString()!);
        var signIn = await _client.SignInWithPasskeyAsync(authenticator);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.DeletePasskeyAsync(registered.Access, passkeyId.ToString())).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var userId = Guid.Parse(registered.User.Id);
        var entries = factory.Logs.Entries.Where(e => Equals(e.Values.GetValueOrDefault("UserId"), userId)).ToList();
        entries.Select(e => e.EventId.Id).ShouldBe([3001, 3033, 3031, 3034], ignoreOrder: false);
        entries.Single(e => e.EventId.Id == 3033).Values["PasskeyId"].ShouldBe(passkeyId);
        var session = (await signIn.Content.ReadFromJsonAsync<AuthBody>())!;
        entries.Single(e => e.EventId.Id == 3031).Values["SessionId"].ShouldBe(Guid.Parse(JwtPayload.Read(session.Access)["sid"].GetString()!));
    }

    [Fact]
    public async Task FailedPasskeySignIn_IsAuditedWithItsReason()
    {
        var registered = await _client.RegisterAsync(password: Secret);
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(registered.Access, authenticator);
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        (await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, origin: "https://evil.example")))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var entry = factory.Logs.Entries.Last(e => e.EventId.Id == 3032);
        entry.Level.ShouldBe(LogLevel.Warning);
        ((string)entry.Values["Reason"]!).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task NoLogLine_EverCarriesAPasswordOrAToken()
    {
        var registered = await _client.RegisterAsync(password: Secret);
        await _client.LoginAsync(registered.User.Email, Secret);
        await _client.RefreshAsync(registered.Refresh);
        await _client.PostJsonAsync("/api/auth/login", new { email = registered.User.Email, password = "wrong " + Secret });

        foreach (var entry in factory.Logs.Entries)
        {
            var text = entry.Message + string.Join(" ", entry.Values.Values);
            text.ShouldNotContain(Secret);
            text.ShouldNotContain(registered.Refresh);
            text.ShouldNotContain(registered.Access);
        }
    }

    public sealed class RecordingApiFactory : ShopEaseApiFactory
    {
        public RecordingLoggerProvider Logs { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(ImmediateReuseDetectionApiFactory.NoGrace)
        {
            ["Logging:LogLevel:Default"] = "Information",
        };

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
    }
}
