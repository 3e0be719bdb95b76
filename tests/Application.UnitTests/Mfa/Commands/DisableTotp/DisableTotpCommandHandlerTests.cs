using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa;
using ShopEase.Application.Mfa.Commands.DisableTotp;
using ShopEase.Application.Mfa.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Mfa.Commands.DisableTotp;

public sealed class DisableTotpCommandHandlerTests
{
    private const string Password = "correct horse battery";

    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasswordHasher _passwordHasher = Substitute.For<IPasswordHasher>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly ITotpAuthenticatorRepository _authenticators = Substitute.For<ITotpAuthenticatorRepository>();
    private readonly IRecoveryCodeStore _recoveryCodes = Substitute.For<IRecoveryCodeStore>();
    private readonly InlineTransactionScope _transaction = new();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-10));

    public DisableTotpCommandHandlerTests()
    {
        _ann.EnableMfa();
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _passwordHasher.VerifyAsync("stored-hash", Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(PasswordCheck.Failed);
        _passwordHasher.VerifyAsync("stored-hash", Password, Arg.Any<CancellationToken>()).Returns(PasswordCheck.Succeeded);
        _authenticators.FindAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(TestAuthenticators.Confirmed(_ann.Id));
        _authenticators.TryUseStepAsync(_ann.Id, Arg.Any<long>(), Arg.Any<CancellationToken>()).Returns(true);
    }

    [Fact]
    public async Task Handle_PasswordAndCurrentCode_RemoveTheAuthenticatorAndEveryRecoveryCode_InOneTransaction()
    {
        await Handle(Password, TestAuthenticators.CodeAt(TestClock.Start));

        _ann.MfaEnabled.ShouldBeFalse();
        await _authenticators.Received(1).DeleteAsync(_ann.Id, Arg.Any<CancellationToken>());
        await _recoveryCodes.Received(1).ReplaceAsync(_ann.Id, Arg.Is<IReadOnlyList<string>>(c => c.Count == 0), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        await _users.Received(1).UpdateAsync(_ann, Arg.Any<CancellationToken>());
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_PasswordAndCurrentCode_SpendTheCodesStep()
    {
        await Handle(Password, TestAuthenticators.CodeAt(TestClock.Start));

        await _authenticators.Received(1).TryUseStepAsync(_ann.Id, TestAuthenticators.StepAt(TestClock.Start), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ReplayedCode_IsInvalidAndNothingIsRemoved()
    {
        _authenticators.TryUseStepAsync(_ann.Id, Arg.Any<long>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(Password, TestAuthenticators.CodeAt(TestClock.Start)));

        _ann.MfaEnabled.ShouldBeTrue();
        await _authenticators.DidNotReceiveWithAnyArgs().DeleteAsync(default, default);
    }

    [Fact]
    public async Task Handle_AnUnusedRecoveryCode_AlsoTurnsItOff_ForALostAuthenticator()
    {
        _recoveryCodes.TryUseAsync(_ann.Id, "ABCDEFGH23", Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);

        await Handle(Password, "abcde-fgh23");

        _ann.MfaEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Handle_ARecoveryCodeInPlaceOfTheCode_IsReportedForTheAuditTrail()
    {
        _recoveryCodes.TryUseAsync(_ann.Id, "ABCDEFGH23", Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);

        (await Handle(Password, "abcde-fgh23")).WithRecoveryCode.ShouldBeTrue();
    }

    [Fact]
    public async Task Handle_ACurrentCode_IsReportedAsNoRecoveryCode()
    {
        (await Handle(Password, TestAuthenticators.CodeAt(TestClock.Start))).WithRecoveryCode.ShouldBeFalse();
    }

    [Fact]
    public async Task Handle_WrongCode_IsInvalid_CountsTowardsTheLockout_AndNothingIsRemoved()
    {
        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(Password, WrongCode()));

        await _throttle.Received().CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>());
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
        _ann.MfaEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Handle_WrongPassword_IsValidationFailedOnPassword_CountsTowardsTheLockout_AndSpendsNoCode()
    {
        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle("wrong password", TestAuthenticators.CodeAt(TestClock.Start)));

        error.Errors.Keys.ShouldBe(["password"]);
        await _throttle.Received().CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>());
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
        await _authenticators.DidNotReceiveWithAnyArgs().TryUseStepAsync(default, default, default);
    }

    [Fact]
    public async Task Handle_LockedAccount_Is429()
    {
        _throttle.CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromMinutes(3));

        await Should.ThrowAsync<RateLimitedException>(() => Handle(Password, TestAuthenticators.CodeAt(TestClock.Start)));

        _ann.MfaEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Handle_Success_ClearsTheFailureCount()
    {
        await Handle(Password, TestAuthenticators.CodeAt(TestClock.Start));

        await _throttle.Received(1).ResetAsync("ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_SecondFactorNotOn_IsValidationFailedOnTotp()
    {
        _ann.DisableMfa();

        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle(Password, "123456"));

        error.Errors["totp"].ShouldBe([MfaRules.NotEnabled]);
    }

    private static string WrongCode() => TestAuthenticators.CodeAt(TestClock.Start) == "000000" ? "000001" : "000000";

    private Task<TotpDisabled> Handle(string password, string code)
    {
        var secondFactor = new SecondFactor(_authenticators, _recoveryCodes, new PlainSecretProtector(), _clock);
        var handler = new DisableTotpCommandHandler(
            _users, new Reauthentication(_users, _passwordHasher, _throttle, _authenticators, secondFactor), _authenticators, _recoveryCodes, _transaction, _clock);
        return handler.Handle(new DisableTotpCommand(_ann.Id, password, code), CancellationToken.None).AsTask();
    }
}
