using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>The second factor against the app's clock, moved by the test: drift, replay over time, the mfaToken's five minutes.</summary>
public sealed class TotpClockTests(FakeClockApiFactory factory) : IClassFixture<FakeClockApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    [Theory]
    [InlineData(-30)]
    [InlineData(30)]
    public async Task LoginMfa_ACodeOneStepOff_IsAcceptedForClockDrift(int appClockOffsetSeconds)
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);

        var response = await _client.LoginMfaAsync(mfaToken, MfaClientExtensions.CodeAt(account.Secret, Now.AddSeconds(appClockOffsetSeconds)));

        (await response.ReadLoginAsync()).User.Email.ShouldBe(account.Email);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    public async Task LoginMfa_ACodeTwoStepsOff_IsRefused(int appClockOffsetSeconds)
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);

        var response = await _client.LoginMfaAsync(mfaToken, MfaClientExtensions.CodeAt(account.Secret, Now.AddSeconds(appClockOffsetSeconds)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
    }

    [Fact]
    public async Task LoginMfa_OnceALaterStepWasUsed_AnEarlierStepsCodeIsRefused()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await (await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), MfaClientExtensions.CodeAt(account.Secret, Now.AddSeconds(30))))
            .ReadLoginAsync();

        var current = await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), MfaClientExtensions.CodeAt(account.Secret, Now));

        current.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await current.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
    }

    [Fact]
    public async Task LoginMfa_EveryNewStep_LogsInAgain()
    {
        var account = await _client.RegisterWithTotpAsync(Now);

        for (var i = 0; i < 3; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
            var login = await _client.LoginMfaAsync(await _client.StartMfaLoginAsync(account.Email), MfaClientExtensions.CodeAt(account.Secret, Now));
            (await login.ReadLoginAsync()).User.Email.ShouldBe(account.Email);
        }
    }

    [Fact]
    public async Task MfaToken_JustBeforeFiveMinutes_StillWorks()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);
        factory.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        var response = await _client.LoginMfaAsync(mfaToken, MfaClientExtensions.CodeAt(account.Secret, Now));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MfaToken_AfterFiveMinutes_IsDead_EvenWithTheRightCode()
    {
        var account = await _client.RegisterWithTotpAsync(Now);
        var mfaToken = await _client.StartMfaLoginAsync(account.Email);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _client.LoginMfaAsync(mfaToken, MfaClientExtensions.CodeAt(account.Secret, Now));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Confirm_WithACodeOfTheStepBefore_IsAcceptedForClockDrift()
    {
        var registered = await _client.RegisterAsync();
        var secret = OtpNet.Base32Encoding.ToBytes((await _client.SetupTotpAsync(registered.Access)).Secret);

        var response = await _client.PostJsonAsync(MfaClientExtensions.ConfirmPath, new { code = MfaClientExtensions.CodeAt(secret, Now.AddSeconds(-30)) }, registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
