using NSubstitute;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Email.Commands.VerifyEmail;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Email.Commands;

public sealed class VerifyEmailCommandHandlerTests
{
    private const string Token = "mailed-token";

    private readonly IEmailTokenStore _tokens = Substitute.For<IEmailTokenStore>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly InlineTransactionScope _transaction = new();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-1));

    public VerifyEmailCommandHandlerTests()
    {
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _users.TryUpdateAsync(_ann, Arg.Any<CancellationToken>()).Returns(true);
    }

    [Fact]
    public async Task Handle_VerificationToken_MarksTheEmailVerified_AndAnswersTheUser()
    {
        Claims(EmailTokenPurpose.VerifyEmail, "ann@shop.io");

        var result = await CreateHandler().Handle(new VerifyEmailCommand(Token), CancellationToken.None);

        result.User.ShouldBe(new UserDto(_ann.Id, "ann@shop.io", _ann.DateJoined));
        result.EmailChanged.ShouldBeFalse();
        _ann.EmailVerifiedAt.ShouldBe(TestClock.Start);
        await _users.Received(1).UpdateAsync(_ann, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_VerificationTokenForAnAddressTheAccountHasLeft_ThrowsTokenNotValid()
    {
        Claims(EmailTokenPurpose.VerifyEmail, "old@shop.io");

        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(new VerifyEmailCommand(Token), CancellationToken.None).AsTask());

        _ann.EmailVerified.ShouldBeFalse();
        _transaction.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_EmailChangeToken_MovesTheAccount_AndVoidsResetLinksOfTheOldAddress()
    {
        Claims(EmailTokenPurpose.ChangeEmail, "new@shop.io");

        var result = await CreateHandler().Handle(new VerifyEmailCommand(Token), CancellationToken.None);

        result.EmailChanged.ShouldBeTrue();
        result.User.Email.ShouldBe("new@shop.io");
        _ann.EmailVerified.ShouldBeTrue();
        await _tokens.Received(1).VoidAsync(_ann.Id, EmailTokenPurpose.ResetPassword, TestClock.Start, Arg.Any<CancellationToken>());
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_EmailChangeToAnAddressTakenMeanwhile_ThrowsValidationFailedOnToken_AndDoesNotCommit()
    {
        Claims(EmailTokenPurpose.ChangeEmail, "taken@shop.io");
        _users.TryUpdateAsync(_ann, Arg.Any<CancellationToken>()).Returns(false);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(new VerifyEmailCommand(Token), CancellationToken.None).AsTask());

        exception.Errors["token"].ShouldBe([VerifyEmailCommandHandler.EmailTakenMessage]);
        _transaction.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_UnknownOrSpentToken_ThrowsTokenNotValid()
    {
        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(new VerifyEmailCommand(Token), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_InactiveAccount_ThrowsTokenNotValid()
    {
        Claims(EmailTokenPurpose.VerifyEmail, "ann@shop.io");
        _ann.Deactivate();

        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(new VerifyEmailCommand(Token), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_NeverSpendsAResetToken()
    {
        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(new VerifyEmailCommand(Token), CancellationToken.None).AsTask());

        await _tokens.Received(1).SpendAsync(
            Token, Arg.Is<IReadOnlyCollection<EmailTokenPurpose>>(p => !p.Contains(EmailTokenPurpose.ResetPassword)),
            Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    private void Claims(EmailTokenPurpose purpose, string email) =>
        _tokens.SpendAsync(Token, Arg.Any<IReadOnlyCollection<EmailTokenPurpose>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(new EmailTokenClaim(_ann.Id, purpose, email));

    private VerifyEmailCommandHandler CreateHandler() => new(_tokens, _users, _transaction, TestMapper.Instance, TestClock.Create());
}
