using FluentValidation;

namespace ShopEase.Application.Auth.Queries.VerifyToken;

public sealed class VerifyTokenQueryValidator : AbstractValidator<VerifyTokenQuery>
{
    public VerifyTokenQueryValidator()
    {
        RuleFor(q => q.Token).NotEmpty().WithMessage("Token is required.");
    }
}
