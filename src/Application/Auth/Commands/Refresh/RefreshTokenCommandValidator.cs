using FluentValidation;

namespace ShopEase.Application.Auth.Commands.Refresh;

public sealed class RefreshTokenCommandValidator : AbstractValidator<RefreshTokenCommand>
{
    public RefreshTokenCommandValidator()
    {
        RuleFor(c => c.Refresh).NotEmpty().WithMessage("Refresh token is required.");
    }
}
