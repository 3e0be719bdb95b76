using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa;
using ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;
using ShopEase.Application.Mfa.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Mfa.Commands.RegenerateRecoveryCodes;

public sealed class RegenerateRecoveryCodesCommandHandlerTests
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
    private IReadOnlyList<string>? _storedCodes;

    public RegenerateRecoveryCodesCommandHandlerTests()
    {
        _ann.EnableMfa();
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _passwordHasher.VerifyAsync("stored-hash", Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(PasswordCheck.Failed);
        _passwordHasher.VerifyAsync("stored-hash", Password, Arg.Any<CancellationToken>()).Returns(PasswordCheck.Succeeded);
        _authenticators.FindAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(TestAuthenticators.Confirmed(_ann.Id));
        _authenticators.TryUseStepAsync(_ann.Id, Arg.Any<long>(), Arg.Any<CancellationToken>()).Returns(true);
        _recoveryCodes.ReplaceAsync(_ann.Id, Arg.Do<IReadOnlyList<string>>(c => _storedCodes = c), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task Handle_PasswordAndCurrentCode_ReplaceTheSetWithTenNewCodes()
    {
        var result = await Handle(Password, TestAuthenticators.CodeAt(TestClock.Start));

        result.RecoveryCodes.Count.ShouldBe(10);
        _storedCodes.ShouldBe(result.RecoveryCodes.Select(c => RecoveryCodes.Normalize(c)!).ToList());
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_ARecoveryCodeInPlaceOfTheCode_IsInvalid()
    {
        _recoveryCodes.TryUseAsync(_ann.Id, Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(Password, "abcde-fgh23"));

        _storedCodes.ShouldBeNull();
    }

    [Fact]
    public async Task Handle_WrongCode_IsInvalid_CountsTowardsTheLockout_AndKeepsTheOldSet()
    {
        var right = TestAuthenticators.CodeAt(TestClock.Start);

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(Password, right == "000000" ? "000001" : "000000"));

        await _throttle.Received().CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>());
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
        _storedCodes.ShouldBeNull();
    }

    [Fact]
    public async Task Handle_WrongPassword_IsValidationFailedOnPassword()
    {
        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle("wrong password", TestAuthenticators.CodeAt(TestClock.Start)));

        error.Errors.Keys.ShouldBe(["password"]);
        _storedCodes.ShouldBeNull();
    }

    [Fact]
    public async Task Handle_SecondFactorNotOn_IsValidationFailedOnTotp()
    {
        _ann.DisableMfa();

        var error = await Should.ThrowAsync<ValidationFailedException>(() => Handle(Password, "123456"));

        error.Errors["totp"].ShouldBe([MfaRules.NotEnabled]);
    }

    private Task<RecoveryCodesResult> Handle(string password, string code)
    {
        var secondFactor = new SecondFactor(_authenticators, _recoveryCodes, new PlainSecretProtector(), _clock);
        var handler = new RegenerateRecoveryCodesCommandHandler(
            new Reauthentication(_users, _passwordHasher, _throttle, _authenticators, secondFactor), _recoveryCodes, _transaction, _clock);
        return handler.Handle(new RegenerateRecoveryCodesCommand(_ann.Id, password, code), CancellationToken.None).AsTask();
    }
}
