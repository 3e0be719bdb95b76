using FluentValidation;

namespace ShopEase.Application.Passkeys.Commands.RenamePasskey;

public sealed class RenamePasskeyCommandValidator : AbstractValidator<RenamePasskeyCommand>
{
    public RenamePasskeyCommandValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name is required.").ValidPasskeyName();
    }
}
