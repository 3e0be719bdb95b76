using AutoMapper;
using Mediator;
using Microsoft.Extensions.Logging;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Admin.Users.Commands.UpdateUser;

public sealed partial class UpdateUserCommandHandler(
    IUserRepository users,
    ISessionRepository sessions,
    IMapper mapper,
    ITransactionScope transaction,
    TimeProvider timeProvider,
    IShopMetrics metrics,
    ILogger<UpdateUserCommandHandler> logger) : ICommandHandler<UpdateUserCommand, AdminUserDto>
{
    public async ValueTask<AdminUserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken) ?? throw new NotFoundException("No such user.");
        var deactivating = command.IsActive == false && user.IsActive;

        if (command.IsActive is { } isActive)
        {
            if (isActive)
            {
                user.Activate();
            }
            else
            {
                user.Deactivate();
            }
        }

        if (command.IsStaff is { } isStaff)
        {
            if (isStaff)
            {
                user.GrantStaff();
            }
            else
            {
                user.RevokeStaff();
            }
        }

        // A deactivated account with a live session left behind must never be committed.
        var revoked = await transaction.RunAsync(
            async ct =>
            {
                await users.UpdateAsync(user, ct);
                return deactivating ? await sessions.RevokeAllAsync(user.Id, exceptSessionId: null, timeProvider.GetUtcNow(), ct) : 0;
            },
            cancellationToken);
        if (deactivating)
        {
            LogDeactivated(logger, user.Id, command.ActorId, revoked);
            metrics.SessionsRevoked(SessionRevocationReason.AccountDeactivated, revoked);
        }

        return mapper.Map<AdminUserDto>(user);
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "User {UserId} deactivated by {ActorId}; {Revoked} sessions revoked")]
    private static partial void LogDeactivated(ILogger logger, Guid userId, Guid actorId, int revoked);
}
