using AutoMapper;
using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Email.Models;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Email.Commands.VerifyEmail;

public sealed class VerifyEmailCommandHandler(
    IEmailTokenStore tokens,
    IUserRepository users,
    ITransactionScope transaction,
    IMapper mapper,
    TimeProvider timeProvider) : ICommandHandler<VerifyEmailCommand, VerifyEmailResult>
{
    public const string EmailTakenMessage = "The new email address already belongs to another account.";

    private static readonly EmailTokenPurpose[] Purposes = [EmailTokenPurpose.VerifyEmail, EmailTokenPurpose.ChangeEmail];

    public async ValueTask<VerifyEmailResult> Handle(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        // One transaction: a token is spent exactly when its effect is saved; a lost race for the new
        // address rolls both back.
        return await transaction.RunAsync(
            async ct =>
            {
                var claim = await tokens.SpendAsync(command.Token, Purposes, now, ct) ?? throw new TokenNotValidException();
                var user = await users.FindByIdAsync(claim.UserId, ct);
                if (user is not { IsActive: true })
                {
                    throw new TokenNotValidException();
                }

                if (claim.Purpose == EmailTokenPurpose.ChangeEmail)
                {
                    return await ChangeEmailAsync(user, claim.Email, now, ct);
                }

                // A link to an address the account has since left proves nothing about the current one.
                if (claim.Email != user.Email)
                {
                    throw new TokenNotValidException();
                }

                user.MarkEmailVerified(now);
                await users.UpdateAsync(user, ct);
                return new VerifyEmailResult(mapper.Map<UserDto>(user));
            },
            cancellationToken);
    }

    private async Task<VerifyEmailResult> ChangeEmailAsync(User user, string newEmail, DateTimeOffset now, CancellationToken ct)
    {
        user.ChangeEmail(newEmail, now);

        // The address was free when the change was asked for; the unique index decides now.
        if (!await users.TryUpdateAsync(user, ct))
        {
            throw new ValidationFailedException("token", EmailTakenMessage);
        }

        // Reset links went to the old address, which no longer speaks for this account.
        await tokens.VoidAsync(user.Id, EmailTokenPurpose.ResetPassword, now, ct);
        return new VerifyEmailResult(mapper.Map<UserDto>(user)) { EmailChanged = true };
    }
}
