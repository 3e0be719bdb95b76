using FluentValidation;

namespace ShopEase.Application.Admin.Users.Commands.UpdateUser;

public sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(c => c.IsActive)
            .Must((command, isActive) => isActive is not false || command.ActorId != command.UserId)
            .WithMessage("You cannot deactivate your own account.");
        RuleFor(c => c.IsStaff)
            .Must((command, isStaff) => isStaff is not false || command.ActorId != command.UserId)
            .WithMessage("You cannot remove your own staff status.");
    }
}
