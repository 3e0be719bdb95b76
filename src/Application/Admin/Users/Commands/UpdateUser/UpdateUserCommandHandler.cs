using AutoMapper;
using Mediator;
using Microsoft.Extensions.Logging;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Admin.Users.Commands.UpdateUser;

public sealed partial class UpdateUserCommandHandler(
    IUserRepository users,
    ISessionStore sessions,
    IMapper mapper,
    ITransactionScope transaction,
    TimeProvider timeProvider,
    IShopMetrics metrics,
    ILogger<UpdateUserCommandHandler> logger) : ICommandHandler<UpdateUserCommand, AdminUserDto>
{
    public const string LastStaffMessage = "At least one active staff account must remain.";

    public async ValueTask<AdminUserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken) ?? throw new NotFoundException("No such user.");
        var (wasActive, wasStaff) = (user.IsActive, user.IsStaff);

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

        var deactivating = wasActive && !user.IsActive;
        var removesActiveStaff = wasActive && wasStaff && !(user.IsActive && user.IsStaff);

        // A deactivated account with a live session left behind must never be committed.
        var revoked = await transaction.RunAsync(
            async ct =>
            {
                // Every active staff row stays locked until commit, so two staff members removing each other
                // at once are served one after the other, and the second finds nobody else left.
                if (removesActiveStaff && (await users.LockActiveStaffAsync(ct)).All(id => id == user.Id))
                {
                    throw new ValidationFailedException(command.IsStaff == false ? "isStaff" : "isActive", LastStaffMessage);
                }

                await users.UpdateAsync(user, ct);
                return deactivating ? await sessions.RevokeAllAsync(user.Id, exceptSessionId: null, timeProvider.GetUtcNow(), ct) : 0;
            },
            cancellationToken);
        Audit(command.ActorId, user, wasActive, wasStaff, revoked);
        return mapper.Map<AdminUserDto>(user);
    }

    private void Audit(Guid actorId, User user, bool wasActive, bool wasStaff, int revoked)
    {
        if (wasActive && !user.IsActive)
        {
            LogDeactivated(logger, user.Id, actorId, revoked);
            metrics.SessionsRevoked(SessionRevocationReason.AccountDeactivated, revoked);
        }
        else if (!wasActive && user.IsActive)
        {
            LogReactivated(logger, user.Id, actorId);
        }

        if (!wasStaff && user.IsStaff)
        {
            LogStaffGranted(logger, user.Id, actorId);
        }
        else if (wasStaff && !user.IsStaff)
        {
            LogStaffRemoved(logger, user.Id, actorId);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "User {UserId} deactivated by {ActorId}; {Revoked} sessions revoked")]
    private static partial void LogDeactivated(ILogger logger, Guid userId, Guid actorId, int revoked);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "User {UserId} made staff by {ActorId}")]
    private static partial void LogStaffGranted(ILogger logger, Guid userId, Guid actorId);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "User {UserId} no longer staff, by {ActorId}")]
    private static partial void LogStaffRemoved(ILogger logger, Guid userId, Guid actorId);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "User {UserId} reactivated by {ActorId}")]
    private static partial void LogReactivated(ILogger logger, Guid userId, Guid actorId);
}
