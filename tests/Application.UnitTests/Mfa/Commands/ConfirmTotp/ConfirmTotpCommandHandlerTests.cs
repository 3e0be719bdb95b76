using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa;
using ShopEase.Application.Mfa.Commands.ConfirmTotp;
using ShopEase.Application.Mfa.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Mfa.Commands.ConfirmTotp;

public sealed class ConfirmTotpCommandHandlerTests
{
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ITotpAuthenticatorRepository _authenticators = Substitute.For<ITotpAuthenticatorRepository>();
    private readonly IRecoveryCodeStore _recoveryCodes = Substitute.For<IRecoveryCodeStore>();
    private readonly InlineTransactionScope _transaction = new();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-10));
    private readonly ShopEase.Domain.Mfa.TotpAuthenticator _pending;
    private IReadOnlyList<string>? _storedCodes;

    public ConfirmTotpCommandHandlerTests()
    {
        _pending = TestAuthenticators.Pending(_ann.Id);
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _authenticators.FindAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_pending);
        _authenticators.TryConfirmAsync(_pending.Id, Arg.Any<long>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);
        _recoveryCodes.ReplaceAsync(_ann.Id, Arg.Do<IReadOnlyList<string>>(c => _storedCodes = c), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task Handle_CurrentCode_TurnsTheSecondFactorOnInOneCommittedTransaction()
    {
        await Handle(TestAuthenticators.CodeAt(TestClock.Start));

        _ann.MfaEnabled.ShouldBeTrue();
        await _users.Received(1).UpdateAsync(_ann, Arg.Any<CancellationToken>());
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_CurrentCode_ConfirmsThisSetUpWithTheCodesStepAsUsed()
    {
        await Handle(TestAuthenticators.CodeAt(TestClock.Start));

        await _authenticators.Received(1).TryConfirmAsync(
            _pending.Id, TestAuthenticators.StepAt(TestClock.Start), TestClock.Start, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_CodeOfThePreviousStep_IsAcceptedForClockDrift()
    {
        _clock.Advance(TimeSpan.FromSeconds(30));

        await Handle(TestAuthenticators.CodeAt(TestClock.Start));

        _ann.MfaEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Handle_CurrentCode_ReturnsTenRecoveryCodes_AndStoresExactlyThoseNormalised()
    {
        var result = await Handle(TestAuthenticators.CodeAt(TestClock.Start));

        result.RecoveryCodes.Count.ShouldBe(10);
        _storedCodes.ShouldBe(result.RecoveryCodes.Select(c => RecoveryCodes.Normalize(c)!).ToList());
    }

    [Fact]
    public async Task Handle_WrongCode_IsInvalidAndTurnsNothingOn()
    {
        var right = TestAuthenticators.CodeAt(TestClock.Start);

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(right == "123456" ? "654321" : "123456"));

        _ann.MfaEnabled.ShouldBeFalse();
        await _authenticators.DidNotReceiveWithAnyArgs().TryConfirmAsync(default, default, default, default);
    }

    [Fact]
    public async Task Handle_CodeTwoStepsOld_IsInvalid()
    {
        _clock.Advance(TimeSpan.FromSeconds(60));

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(TestAuthenticators.CodeAt(TestClock.Start)));
    }

    [Fact]
    public async Task Handle_SetUpReplacedOrConfirmedMeanwhile_IsInvalid_AndNothingElseChanges()
    {
        _authenticators.TryConfirmAsync(_pending.Id, Arg.Any<long>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(TestAuthenticators.CodeAt(TestClock.Start)));

        _ann.MfaEnabled.ShouldBeFalse();
        _storedCodes.ShouldBeNull();
    }

    [Fact]
    public async Task Handle_NoSetUpWaiting_IsValidationFailedOnTotp()
    {
        _authenticators.FindAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns((ShopEase.Domain.Mfa.TotpAuthenticator?)null);

        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle("123456"));

        error.Errors["totp"].ShouldBe([MfaRules.NothingToConfirm]);
    }

    [Fact]
    public async Task Handle_AlreadyOn_IsValidationFailedOnTotp()
    {
        _ann.EnableMfa();

        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle(TestAuthenticators.CodeAt(TestClock.Start)));

        error.Errors["totp"].ShouldBe([MfaRules.AlreadyEnabled]);
    }

    private Task<RecoveryCodesResult> Handle(string code)
    {
        var secondFactor = new SecondFactor(_authenticators, _recoveryCodes, new PlainSecretProtector(), _clock);
        var handler = new ConfirmTotpCommandHandler(_users, _authenticators, _recoveryCodes, secondFactor, _transaction, _clock);
        return handler.Handle(new ConfirmTotpCommand(_ann.Id, code), CancellationToken.None).AsTask();
    }
}
