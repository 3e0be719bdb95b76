using FluentValidation;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Validation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;

namespace ShopEase.Application.Auth.Commands.CreateStaffUser;

public sealed class CreateStaffUserCommandValidator : AbstractValidator<CreateStaffUserCommand>
{
    public CreateStaffUserCommandValidator(
        IUserRepository users, IOptions<PasswordPolicyOptions> passwordPolicy, ICommonPasswords commonPasswords)
    {
        RuleFor(c => c.Email)
            .ValidEmail()
            .NotTaken(users);

        RuleFor(c => c.Password).ValidPassword(passwordPolicy.Value).NotGuessable(commonPasswords, c => c.Email);
    }
}
