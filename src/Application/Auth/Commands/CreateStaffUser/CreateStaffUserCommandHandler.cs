using AutoMapper;
using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Auth.Validation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth.Commands.CreateStaffUser;

public sealed class CreateStaffUserCommandHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    IMapper mapper,
    TimeProvider timeProvider) : ICommandHandler<CreateStaffUserCommand, CurrentUserDto>
{
    public async ValueTask<CurrentUserDto> Handle(CreateStaffUserCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var user = User.Register(command.Email, await passwordHasher.HashAsync(command.Password, cancellationToken), now);
        user.GrantStaff();

        // The operator at the server's command line vouches for the address: staff can log in even
        // where verified email is required, and no mail server is needed to make the first one.
        user.MarkEmailVerified(now);
        if (!await users.TryAddAsync(user, cancellationToken))
        {
            throw new ValidationFailedException("email", AccountRules.EmailAlreadyExists);
        }

        return mapper.Map<CurrentUserDto>(user);
    }
}
