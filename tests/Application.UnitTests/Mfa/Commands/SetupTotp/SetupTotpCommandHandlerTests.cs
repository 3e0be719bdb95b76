using NSubstitute;
using OtpNet;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa;
using ShopEase.Application.Mfa.Commands.SetupTotp;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Mfa;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Mfa.Commands.SetupTotp;

public sealed class SetupTotpCommandHandlerTests
{
    private const string Password = "correct horse battery";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasswordHasher _passwordHasher = Substitute.For<IPasswordHasher>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly ITotpAuthenticatorRepository _authenticators = Substitute.For<ITotpAuthenticatorRepository>();
    private readonly IQrCodeRenderer _qrCodes = Substitute.For<IQrCodeRenderer>();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-10));
    private TotpAuthenticator? _saved;

    public SetupTotpCommandHandlerTests()
    {
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _passwordHasher.VerifyAsync("stored-hash", Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(PasswordCheck.Failed);
        _passwordHasher.VerifyAsync("stored-hash", Password, Arg.Any<CancellationToken>()).Returns(PasswordCheck.Succeeded);
        _authenticators.SavePendingAsync(Arg.Do<TotpAuthenticator>(a => _saved = a), Arg.Any<CancellationToken>()).Returns(true);
        _qrCodes.RenderSvg(Arg.Any<string>()).Returns(call => $"<svg>{call.Arg<string>()}</svg>");
    }

    [Fact]
    public async Task Handle_RightPassword_ReturnsTheSecretItsUriAndTheUrisQrCode()
    {
        var result = await Handle(Password);

        result.OtpauthUri.ShouldBe($"otpauth://totp/ShopEase:ann%40shop.io?secret={result.Secret}&issuer=ShopEase&algorithm=SHA1&digits=6&period=30");
        result.QrCodeSvg.ShouldBe($"<svg>{result.OtpauthUri}</svg>");
        Base32Encoding.ToBytes(result.Secret).Length.ShouldBe(20);
    }

    [Fact]
    public async Task Handle_RightPassword_StoresTheSameSecretEncrypted_AndPending()
    {
        var result = await Handle(Password);

        _saved.ShouldNotBeNull();
        _saved.UserId.ShouldBe(_ann.Id);
        _saved.IsConfirmed.ShouldBeFalse();
        _saved.KeyId.ShouldBe(TestAuthenticators.KeyId);
        _saved.EncryptedSecret.ShouldBe(Base32Encoding.ToBytes(result.Secret));
    }

    [Fact]
    public async Task Handle_RightPassword_TurnsNothingOnYet()
    {
        await Handle(Password);

        _ann.MfaEnabled.ShouldBeFalse();
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
    }

    [Fact]
    public async Task Handle_EachSetUp_HasANewSecret()
    {
        var first = await Handle(Password);
        var second = await Handle(Password);

        second.Secret.ShouldNotBe(first.Secret);
    }

    [Fact]
    public async Task Handle_WrongPassword_IsValidationFailedOnPassword_AndCountsLikeAFailedLogin()
    {
        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle("wrong password"));

        error.Errors.Keys.ShouldBe(["password"]);
        await _throttle.Received().CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>());
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
        await _authenticators.DidNotReceiveWithAnyArgs().SavePendingAsync(default!, default);
    }

    [Fact]
    public async Task Handle_LockedAccount_Is429WithoutCheckingThePassword()
    {
        _throttle.CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromMinutes(3));

        await Should.ThrowAsync<RateLimitedException>(() => Handle(Password));

        await _passwordHasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default!, default);
    }

    [Fact]
    public async Task Handle_RightPassword_ClearsTheFailureCountLikeALogin()
    {
        await Handle(Password);

        await _throttle.Received(1).ResetAsync("ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_SecondFactorAlreadyOn_IsRefusedWithoutReplacingIt()
    {
        _ann.EnableMfa();

        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle(Password));

        error.Errors.Keys.ShouldBe(["totp"]);
        await _authenticators.DidNotReceiveWithAnyArgs().SavePendingAsync(default!, default);
    }

    [Fact]
    public async Task Handle_AConfirmationWonTheRace_IsRefusedAsAlreadyOn()
    {
        _authenticators.SavePendingAsync(Arg.Any<TotpAuthenticator>(), Arg.Any<CancellationToken>()).Returns(false);

        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle(Password));

        error.Errors["totp"].ShouldBe([MfaRules.AlreadyEnabled]);
    }

    [Fact]
    public async Task Handle_DeactivatedAccount_TokenIsNotValid()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<TokenNotValidException>(() => Handle(Password));
    }

    private Task<ShopEase.Application.Mfa.Models.TotpSetupResult> Handle(string password)
    {
        var clock = TestClock.Create();
        var secondFactor = new SecondFactor(_authenticators, Substitute.For<IRecoveryCodeStore>(), new PlainSecretProtector(), clock);
        var handler = new SetupTotpCommandHandler(
            _users,
            new Reauthentication(_users, _passwordHasher, _throttle, _authenticators, secondFactor),
            _authenticators,
            new PlainSecretProtector(),
            _qrCodes,
            clock);
        return handler.Handle(new SetupTotpCommand(_ann.Id, password), CancellationToken.None).AsTask();
    }
}
