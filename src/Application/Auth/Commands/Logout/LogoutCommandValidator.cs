using FluentValidation;

namespace ShopEase.Application.Auth.Commands.Logout;

public sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator()
    {
        RuleFor(c => c.Refresh).NotEmpty().WithMessage("Refresh token is required.");
    }
}
