using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// Passkeys end to end, with <see cref="SoftwareAuthenticator"/> doing what a browser and its
/// authenticator do: registration, discoverable sign-in, and each way an answer must be refused.
/// </summary>
public sealed class PasskeyTests(ImmediateReuseDetectionApiFactory factory) : IClassFixture<ImmediateReuseDetectionApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task RegistrationOptions_AskForADiscoverableEs256OrRs256CredentialInWebAuthnJson()
    {
        var account = await _client.RegisterAsync();

        var options = await _client.PasskeyCreationOptionsAsync(account.Access);

        options.GetProperty("rp").GetProperty("id").GetString().ShouldBe("localhost");
        options.GetProperty("rp").GetProperty("name").GetString().ShouldBe("ShopEase");
        var user = options.GetProperty("user");
        new Guid(Base64Url.DecodeFromChars(user.GetProperty("id").GetString()), bigEndian: true).ShouldBe(Guid.Parse(account.User.Id));
        user.GetProperty("name").GetString().ShouldBe(account.User.Email);
        Base64Url.DecodeFromChars(options.GetProperty("challenge").GetString()).Length.ShouldBe(32);
        options.GetProperty("pubKeyCredParams").EnumerateArray().Select(p => p.GetProperty("alg").GetInt32()).ShouldBe([-7, -257]);
        options.GetProperty("pubKeyCredParams").EnumerateArray().ShouldAllBe(p => p.GetProperty("type").GetString() == "public-key");
        var selection = options.GetProperty("authenticatorSelection");
        selection.GetProperty("residentKey").GetString().ShouldBe("required");
        selection.GetProperty("requireResidentKey").GetBoolean().ShouldBeTrue();
        selection.GetProperty("userVerification").GetString().ShouldBe("preferred");
        options.GetProperty("attestation").GetString().ShouldBe("none");
        options.GetProperty("timeout").GetInt64().ShouldBe(300_000);
        options.GetProperty("excludeCredentials").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task RegistrationOptions_ExcludeThePasskeysTheAccountHasAlready()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);

        var options = await _client.PasskeyCreationOptionsAsync(account.Access);

        options.GetProperty("excludeCredentials").EnumerateArray().Select(c => c.GetProperty("id").GetString())
            .ShouldBe([authenticator.CredentialIdBase64Url]);
    }

    [Fact]
    public async Task RegistrationOptions_WithoutAToken_Are401()
    {
        var response = await _client.PostAsync($"{PasskeyClientExtensions.Passkeys}/register/options", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
    }

    [Fact]
    public async Task Register_WithAnEs256Authenticator_Returns201WithItsNameAndListsIt()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();

        var passkey = await _client.RegisterPasskeyAsync(account.Access, authenticator, "  Work laptop ");

        passkey.GetProperty("name").GetString().ShouldBe("Work laptop");
        Guid.TryParse(passkey.GetProperty("id").GetString(), out _).ShouldBeTrue();
        passkey.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var listed = (await _client.ListPasskeysAsync(account.Access)).ShouldHaveSingleItem();
        listed.GetProperty("id").GetString().ShouldBe(passkey.GetProperty("id").GetString());
        listed.GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task List_ShowsEveryPasskeyOfTheAccountByName_AndEachSignsIn()
    {
        var account = await _client.RegisterAsync();
        using var laptop = SoftwareAuthenticator.Es256();
        using var phone = SoftwareAuthenticator.Rs256();
        await _client.RegisterPasskeyAsync(account.Access, laptop, "Laptop");
        await _client.RegisterPasskeyAsync(account.Access, phone, "Phone");

        var listed = await _client.ListPasskeysAsync(account.Access);

        listed.Select(p => p.GetProperty("name").GetString()).Order().ShouldBe(["Laptop", "Phone"]);
        (await _client.SignInWithPasskeyAsync(laptop)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.SignInWithPasskeyAsync(phone)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_WithoutAName_CallsItPasskey()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync(account.Access);

        var response = await _client.SendPasskeyRegistrationAsync(account.Access, authenticator.Create(options), name: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("Passkey");
    }

    [Fact]
    public async Task SignIn_WithAnEs256Passkey_AnswersAsPasswordLoginAndStartsAWorkingSession()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);

        var response = await _client.SignInWithPasskeyAsync(authenticator);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<AuthBody>())!;
        body.User.ShouldBe(account.User);
        body.TokenType.ShouldBe("Bearer");
        (await _client.GetMeAsync(body.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        JwtPayload.Read(body.Access)["sid"].GetString().ShouldNotBe(JwtPayload.Read(account.Access)["sid"].GetString());
    }

    [Fact]
    public async Task SignIn_OfAnAccountWithTotpOn_AsksForNoCode()
    {
        var account = await _client.RegisterWithTotpAsync(DateTimeOffset.UtcNow);
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Registered.Access, authenticator);
        await _client.StartMfaLoginAsync(account.Email);

        var body = await (await _client.SignInWithPasskeyAsync(authenticator)).ReadLoginAsync();

        body.User.ShouldBe(account.Registered.User);
        (await _client.GetMeAsync(body.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WithAnRs256Passkey_Succeeds()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Rs256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);

        var response = await _client.SignInWithPasskeyAsync(authenticator);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<AuthBody>())!.User.Id.ShouldBe(account.User.Id);
    }

    [Fact]
    public async Task SignIn_SessionRotatesItsRefreshTokenAndIsRevokedByLogout()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);
        var session = (await (await _client.SignInWithPasskeyAsync(authenticator)).Content.ReadFromJsonAsync<AuthBody>())!;

        var rotated = await (await _client.RefreshAsync(session.Refresh)).ReadTokenPairAsync();
        var replay = await _client.RefreshAsync(session.Refresh);
        var logout = await _client.PostJsonAsync("/api/auth/logout", new { refresh = rotated.Refresh }, rotated.Access);

        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        logout.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the replay revoked the whole session");
        (await _client.GetMeAsync(rotated.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_SessionEndsAtLogout_ItsTokensAreRefusedAfterwards()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);
        var session = (await (await _client.SignInWithPasskeyAsync(authenticator)).Content.ReadFromJsonAsync<AuthBody>())!;

        var logout = await _client.PostJsonAsync("/api/auth/logout", new { refresh = session.Refresh }, session.Access);

        logout.StatusCode.ShouldBe(HttpStatusCode.ResetContent);
        (await _client.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.RefreshAsync(session.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.GetMeAsync(account.Access)).StatusCode.ShouldBe(HttpStatusCode.OK, "only the passkey's session ended");
    }

    [Fact]
    public async Task SignIn_RecordsWhenThePasskeyWasLastUsed()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);

        (await _client.SignInWithPasskeyAsync(authenticator)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = (await _client.ListPasskeysAsync(account.Access)).ShouldHaveSingleItem();
        listed.GetProperty("lastUsedAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SignIn_InBrowserMode_PutsTheRefreshTokenInTheCookieAndAnswersACsrfToken()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options), browserMode: true);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.TryGetProperty("refresh", out _).ShouldBeFalse();
        body.GetProperty("csrfToken").GetString().ShouldNotBeNullOrEmpty();
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("__Host-shopease-refresh=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoginOptions_AreRequestOptionsWithoutAnAllowListAndAFlowId()
    {
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        Guid.TryParse(flowId, out _).ShouldBeTrue();
        options.GetProperty("rpId").GetString().ShouldBe("localhost");
        options.GetProperty("userVerification").GetString().ShouldBe("preferred");
        options.GetProperty("timeout").GetInt64().ShouldBe(300_000);
        Base64Url.DecodeFromChars(options.GetProperty("challenge").GetString()).Length.ShouldBe(32);
        options.TryGetProperty("allowCredentials", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task LoginOptions_WithNoBodyAtAll_AreGivenToo()
    {
        var response = await _client.PostAsync($"{PasskeyClientExtensions.Passkeys}/login/options", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ceremonies_BegunOnOneNode_FinishOnAnother()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        using var peer = new PeerNodeApiFactory(factory, new Dictionary<string, string?>());
        var otherNode = peer.CreateApiClient();

        var creation = await _client.PasskeyCreationOptionsAsync(account.Access);
        var registered = await otherNode.SendPasskeyRegistrationAsync(account.Access, authenticator.Create(creation));
        var (flowId, options) = await otherNode.PasskeyLoginOptionsAsync();
        var signedIn = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options));

        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_FromAnotherOrigin_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, origin: "http://localhost:3001"));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_SignedForAnotherRpId_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, rpId: "evil.example"));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_WithABadSignature_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, corruptSignature: true));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_ReplayingAnAnswerThatWorked_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        var assertion = authenticator.Get(options);
        (await _client.SendPasskeyLoginAsync(flowId, assertion)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var replay = await _client.SendPasskeyLoginAsync(flowId, assertion);

        await ShouldBeRefusedAsync(replay);
    }

    [Fact]
    public async Task SignIn_AfterAFailedTry_CannotUseTheSameFlowAgain()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        await ShouldBeRefusedAsync(await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, corruptSignature: true)));

        var retry = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options));

        await ShouldBeRefusedAsync(retry);
    }

    [Fact]
    public async Task SignIn_TwiceAtOnceWithOneFlow_SucceedsExactlyOnce()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        var assertion = authenticator.Get(options);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _client.SendPasskeyLoginAsync(flowId, assertion)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(3);
    }

    [Fact]
    public async Task SignIn_WithAnotherFlowsChallenge_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, _) = await _client.PasskeyLoginOptionsAsync();
        var (_, otherOptions) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(otherOptions));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_WithACounterThatWentBackwards_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        await SignInAsync(authenticator, counter: 5);

        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, counter: 3));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_WithTheSameCounterAgain_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        await SignInAsync(authenticator, counter: 5);

        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, counter: 5));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_WithACounterBackToZeroAfterCounting_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        await SignInAsync(authenticator, counter: 5);

        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, counter: 0));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_WithAnAuthenticatorThatKeepsNoCounter_SucceedsEveryTime()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();

        await SignInAsync(authenticator, counter: 0);
        await SignInAsync(authenticator, counter: 0);
    }

    [Fact]
    public async Task SignIn_WithAnUnregisteredCredential_Is401()
    {
        using var registered = await _client.RegisteredAuthenticatorAsync();
        using var stranger = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync((await _client.RegisterAsync()).Access);
        stranger.Create(options);
        var (flowId, loginOptions) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.SendPasskeyLoginAsync(flowId, stranger.Get(loginOptions));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_WithACredentialClaimingAnotherAccountsUserHandle_Is401()
    {
        using var mine = await _client.RegisteredAuthenticatorAsync();
        using var theirs = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.SendPasskeyLoginAsync(flowId, mine.Get(options, userHandle: theirs.UserHandle));

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_WithoutAUserHandle_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        var assertion = authenticator.Get(options);
        assertion["response"]!.AsObject().Remove("userHandle");

        var response = await _client.SendPasskeyLoginAsync(flowId, assertion);

        await ShouldBeRefusedAsync(response);
    }

    [Fact]
    public async Task SignIn_OfADeactivatedAccount_Is401()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);
        await factory.WithDbContextAsync(db => db.Users.Where(u => u.Email == account.User.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        await ShouldBeRefusedAsync(await _client.SignInWithPasskeyAsync(authenticator));
    }

    [Fact]
    public async Task SignIn_WithAnUnknownFlow_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (_, options) = await _client.PasskeyLoginOptionsAsync();

        await ShouldBeRefusedAsync(await _client.SendPasskeyLoginAsync(Guid.NewGuid().ToString(), authenticator.Get(options)));
        await ShouldBeRefusedAsync(await _client.SendPasskeyLoginAsync("not-a-flow", authenticator.Get(options)));
    }

    [Theory]
    [InlineData("authenticatorData", "AAAA")]
    [InlineData("signature", "AAAA")]
    [InlineData("clientDataJSON", "e30")]
    [InlineData("authenticatorData", "")]
    public async Task SignIn_WithMangledParts_IsAnswered4xxNever5xx(string part, string value)
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        var assertion = authenticator.Get(options);
        assertion["response"]![part] = value;

        var response = await _client.SendPasskeyLoginAsync(flowId, assertion);

        ((int)response.StatusCode).ShouldBeOneOf(400, 401);
    }

    [Fact]
    public async Task SignIn_WithoutACredential_Is400OnCredential()
    {
        var (flowId, _) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.PostJsonAsync($"{PasskeyClientExtensions.Passkeys}/login", new { flowId });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["credential"]);
    }

    [Fact]
    public async Task Register_FromAnotherOrigin_Is400AndKeepsNothing()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync(account.Access);

        var response = await _client.SendPasskeyRegistrationAsync(account.Access, authenticator.Create(options, origin: "https://evil.example"));

        await ShouldBeRejectedRegistrationAsync(response);
        (await _client.ListPasskeysAsync(account.Access)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_ForAnotherRpId_Is400()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync(account.Access);

        var response = await _client.SendPasskeyRegistrationAsync(account.Access, authenticator.Create(options, rpId: "evil.example"));

        await ShouldBeRejectedRegistrationAsync(response);
    }

    [Fact]
    public async Task Register_ReplayingTheSameAnswer_Is400()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync(account.Access);
        var credential = authenticator.Create(options);
        (await _client.SendPasskeyRegistrationAsync(account.Access, credential)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var replay = await _client.SendPasskeyRegistrationAsync(account.Access, credential);

        await ShouldBeRejectedRegistrationAsync(replay);
    }

    [Fact]
    public async Task Register_WithAnotherAccountsOptions_Is400()
    {
        var mine = await _client.RegisterAsync();
        var theirs = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var theirOptions = await _client.PasskeyCreationOptionsAsync(theirs.Access);

        var response = await _client.SendPasskeyRegistrationAsync(mine.Access, authenticator.Create(theirOptions));

        await ShouldBeRejectedRegistrationAsync(response);
    }

    [Fact]
    public async Task Register_ACredentialAnotherAccountHasAlready_Is400()
    {
        var first = await _client.RegisterAsync();
        var second = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(first.Access, authenticator);
        var options = await _client.PasskeyCreationOptionsAsync(second.Access);

        var response = await _client.SendPasskeyRegistrationAsync(second.Access, authenticator.Create(options));

        await ShouldBeRejectedRegistrationAsync(response);
        (await _client.ListPasskeysAsync(second.Access)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_WithTheChallengeOfASignIn_Is400()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync(account.Access);
        var (_, loginOptions) = await _client.PasskeyLoginOptionsAsync();

        var response = await _client.SendPasskeyRegistrationAsync(
            account.Access, authenticator.Create(options, challenge: loginOptions.GetProperty("challenge").GetString()));

        await ShouldBeRejectedRegistrationAsync(response);
    }

    [Fact]
    public async Task Register_WithAMangledAttestationObject_Is400NotA500()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync(account.Access);
        var credential = authenticator.Create(options);
        credential["response"]!["attestationObject"] = "oWNmbXRkbm9uZQ";

        var response = await _client.SendPasskeyRegistrationAsync(account.Access, credential);

        await ShouldBeRejectedRegistrationAsync(response);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a name with a\u0007bell")]
    [InlineData("this name is longer than sixty-four characters, which is the limit!")]
    public async Task Register_WithABadCredentialOrName_Is400OnThatField(string? badName)
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync(account.Access);
        var credential = authenticator.Create(options);
        if (badName is null)
        {
            credential["type"] = "password";
        }

        var response = await _client.SendPasskeyRegistrationAsync(account.Access, credential, badName ?? "fine");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([badName is null ? "credential" : "name"]);
    }

    [Fact]
    public async Task Rename_ChangesTheNameTheListShows()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var id = (await _client.RegisterPasskeyAsync(account.Access, authenticator)).GetProperty("id").GetString()!;
        var request = PasskeyClientExtensions.Authorized(HttpMethod.Patch, $"{PasskeyClientExtensions.Passkeys}/{id}", account.Access);
        request.Content = JsonContent.Create(new { name = "Phone" });

        var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("Phone");
        (await _client.ListPasskeysAsync(account.Access)).ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("Phone");
    }

    [Fact]
    public async Task Rename_AnotherAccountsPasskey_Is404()
    {
        var owner = await _client.RegisterAsync();
        var other = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var id = (await _client.RegisterPasskeyAsync(owner.Access, authenticator)).GetProperty("id").GetString()!;
        var request = PasskeyClientExtensions.Authorized(HttpMethod.Patch, $"{PasskeyClientExtensions.Passkeys}/{id}", other.Access);
        request.Content = JsonContent.Create(new { name = "Mine now" });

        var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.ListPasskeysAsync(owner.Access)).ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("Laptop");
    }

    [Fact]
    public async Task Delete_Returns204AndThePasskeyNoLongerSignsIn()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var id = (await _client.RegisterPasskeyAsync(account.Access, authenticator)).GetProperty("id").GetString()!;

        var response = await _client.DeletePasskeyAsync(account.Access, id);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.ListPasskeysAsync(account.Access)).ShouldBeEmpty();
        await ShouldBeRefusedAsync(await _client.SignInWithPasskeyAsync(authenticator));
    }

    [Fact]
    public async Task Delete_AnotherAccountsPasskey_Is404AndKeepsIt()
    {
        var owner = await _client.RegisterAsync();
        var other = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var id = (await _client.RegisterPasskeyAsync(owner.Access, authenticator)).GetProperty("id").GetString()!;

        var response = await _client.DeletePasskeyAsync(other.Access, id);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
        (await _client.SignInWithPasskeyAsync(authenticator)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("01a209dd-3f4f-7d48-8a09-59c831ef7dff")]
    [InlineData("not-a-guid")]
    public async Task Delete_AnUnknownId_Is404(string id)
    {
        var account = await _client.RegisterAsync();

        var response = await _client.DeletePasskeyAsync(account.Access, id);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Delete_TheLastPasskeyOfAnAccountWithAPassword_IsAllowed()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var id = (await _client.RegisterPasskeyAsync(account.Access, authenticator)).GetProperty("id").GetString()!;

        (await _client.DeletePasskeyAsync(account.Access, id)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.LoginAsync(account.User.Email)).Access.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Delete_TheLastPasskeyOfAnAccountWithoutAPassword_IsRefused()
    {
        var (account, authenticator) = await PasswordlessAccountAsync();
        using (authenticator)
        {
            var id = (await _client.ListPasskeysAsync(account.Access)).ShouldHaveSingleItem().GetProperty("id").GetString()!;

            var response = await _client.DeletePasskeyAsync(account.Access, id);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.ReadProblemAsync()).Errors!["id"].ShouldHaveSingleItem().ShouldContain("only way into");
            (await _client.SignInWithPasskeyAsync(authenticator)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Delete_OneOfTwoPasskeysOfAnAccountWithoutAPassword_IsAllowed()
    {
        var (account, first) = await PasswordlessAccountAsync();
        using var second = SoftwareAuthenticator.Es256();
        using (first)
        {
            await _client.RegisterPasskeyAsync(account.Access, second, "Second");
            var firstId = (await _client.ListPasskeysAsync(account.Access)).Single(p => p.GetProperty("name").GetString() == "Laptop")
                .GetProperty("id").GetString()!;

            (await _client.DeletePasskeyAsync(account.Access, firstId)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await _client.SignInWithPasskeyAsync(second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Delete_BothPasskeysAtOnceOfAnAccountWithoutAPassword_LeavesOne()
    {
        var (account, first) = await PasswordlessAccountAsync();
        using var second = SoftwareAuthenticator.Es256();
        using (first)
        {
            await _client.RegisterPasskeyAsync(account.Access, second, "Second");
            var ids = (await _client.ListPasskeysAsync(account.Access)).Select(p => p.GetProperty("id").GetString()!).ToList();

            var answers = await Task.WhenAll(ids.Select(id => _client.DeletePasskeyAsync(account.Access, id)));

            answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.NoContent, HttpStatusCode.BadRequest]);
            (await _client.ListPasskeysAsync(account.Access)).Length.ShouldBe(1);
        }
    }

    [Fact]
    public async Task PasswordLogin_OfAnAccountWithoutAPassword_Is401()
    {
        var (account, authenticator) = await PasswordlessAccountAsync();
        using (authenticator)
        {
            var response = await _client.PostJsonAsync("/api/auth/login", new { email = account.User.Email, password = ApiClientExtensions.DefaultPassword });

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await response.ReadProblemAsync()).Code.ShouldBe("invalid_credentials");
        }
    }

    [Fact]
    public async Task Deleting_TheAccount_DeletesItsPasskeysAndOpenCeremonies()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);
        await _client.PasskeyCreationOptionsAsync(account.Access);
        var userId = Guid.Parse(account.User.Id);

        await factory.WithDbContextAsync(db => db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync());

        (await factory.WithDbContextAsync(db => db.Passkeys.CountAsync(p => p.UserId == userId))).ShouldBe(0);
        (await factory.WithDbContextAsync(db => db.PasskeyChallenges.CountAsync(c => c.UserId == userId))).ShouldBe(0);
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("invalid_credentials");
        problem.Title.ShouldBe("The passkey could not be verified.");
    }

    private static async Task ShouldBeRejectedRegistrationAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["credential"]);
    }

    private async Task SignInAsync(SoftwareAuthenticator authenticator, uint counter)
    {
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();
        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options, counter: counter));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// No route makes an account without a password today (sign-up and create-admin require one); this
    /// stores one as a passkey-only sign-up would: the password hash empty, one passkey.
    /// </summary>
    private async Task<(AuthBody Account, SoftwareAuthenticator Authenticator)> PasswordlessAccountAsync()
    {
        var account = await _client.RegisterAsync();
        var authenticator = SoftwareAuthenticator.Es256();
        await _client.RegisterPasskeyAsync(account.Access, authenticator);
        await factory.WithDbContextAsync(db => db.Users.Where(u => u.Email == account.User.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, string.Empty)));
        return (account, authenticator);
    }
}
