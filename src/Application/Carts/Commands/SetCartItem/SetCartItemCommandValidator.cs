using FluentValidation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Carts;

namespace ShopEase.Application.Carts.Commands.SetCartItem;

public sealed class SetCartItemCommandValidator : AbstractValidator<SetCartItemCommand>
{
    public const string NoSuchProduct = "No such product.";
    public static readonly string CartFull = $"A cart holds at most {Cart.MaxLines} different products.";

    public SetCartItemCommandValidator(IProductRepository products, ICartRepository carts)
    {
        RuleFor(c => c.Quantity)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Quantity is required.")
            .GreaterThanOrEqualTo(0).WithMessage("Quantity must be 0 or more.")
            .LessThanOrEqualTo(SetCartItemCommand.MaxQuantity)
                .WithMessage($"Quantity must be at most {SetCartItemCommand.MaxQuantity}.");

        // Removing needs no product: a deleted one can still be taken out of a cart.
        RuleFor(c => c)
            .CustomAsync(async (command, context, ct) =>
            {
                var product = await products.FindAsync(command.ProductId, ct);
                if (product is null)
                {
                    context.AddFailure(nameof(SetCartItemCommand.ProductId), NoSuchProduct);
                    return;
                }

                if (command.Quantity > product.Stock)
                {
                    context.AddFailure(nameof(SetCartItemCommand.Quantity), $"Only {product.Stock} in stock.");
                }

                var cart = await carts.GetAsync(command.UserId, ct);
                if (cart.Lines.Count >= Cart.MaxLines && cart.Lines.All(l => l.Product.Id != product.Id))
                {
                    context.AddFailure(nameof(SetCartItemCommand.ProductId), CartFull);
                }

                if (cart.CurrenciesExcept(product.Id).FirstOrDefault(c => c != product.Price.Currency) is { } other)
                {
                    context.AddFailure(nameof(SetCartItemCommand.ProductId),
                        $"The cart holds products priced in {other}; a cart takes one currency at a time.");
                }
            })
            .When(c => c.Quantity is > 0 and <= SetCartItemCommand.MaxQuantity);
    }
}
