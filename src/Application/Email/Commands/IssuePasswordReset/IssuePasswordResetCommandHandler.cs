using Mediator;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.Email.Commands.IssuePasswordReset;

public sealed class IssuePasswordResetCommandHandler(
    IPasswordResetRequests requests,
    IUserRepository users,
    AccountMailer mailer,
    ITransactionScope transaction) : ICommandHandler<IssuePasswordResetCommand, Guid?>
{
    public async ValueTask<Guid?> Handle(IssuePasswordResetCommand command, CancellationToken cancellationToken) =>
        await transaction.RunAsync(
            async ct =>
            {
                // Removing the request in the same transaction as the token it leads to: a request
                // that two nodes picked up becomes one mail, and one that failed half-way stays filed.
                if (!await requests.CompleteAsync(command.RequestId, ct))
                {
                    return null;
                }

                var user = await users.FindByEmailAsync(command.Email, ct);
                if (user is not { IsActive: true })
                {
                    return (Guid?)null;
                }

                await mailer.QueuePasswordResetAsync(user, ct);
                return user.Id;
            },
            cancellationToken);
}
