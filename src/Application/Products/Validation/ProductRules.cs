using FluentValidation;
using ShopEase.Application.Common.Validation;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.Products.Validation;

/// <summary>
/// The field rules that creating and replacing a product share. Price errors are keyed
/// <c>price.amount</c> and <c>price.currency</c>, as the fields sit in the request body.
/// </summary>
public static class ProductRules
{
    public const string SkuAlreadyExists = "SKU already exists";
    public const string PriceAmountField = "price.amount";
    public const string PriceCurrencyField = "price.currency";

    public static IRuleBuilderOptions<T, string> ValidSku<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("SKU is required.")
            .Must(ProductSku.IsWellFormed)
                .WithMessage($"SKU must be at most {ProductSku.MaxLength} letters, digits, '-', '_' or '.'.");

    public static IRuleBuilderOptions<T, string> ValidName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name is required.")
            .Must(n => n.Trim().Length <= Product.MaxNameLength)
                .WithMessage($"Name must be at most {Product.MaxNameLength} characters.")
            .Must(n => TextRules.IsStorable(n)).WithMessage(TextRules.NotTextMessage);

    public static IRuleBuilderOptions<T, string> ValidDescription<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(d => d is null || d.Trim().Length <= Product.MaxDescriptionLength)
                .WithMessage($"Description must be at most {Product.MaxDescriptionLength} characters.")
            .Must(d => d is null || TextRules.IsStorable(d, allowLineBreaks: true)).WithMessage(TextRules.NotTextMessage);

    public static IRuleBuilderOptions<T, long?> ValidPriceAmount<T>(this IRuleBuilderInitial<T, long?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Price amount is required.")
            .InclusiveBetween(0, Money.MaxAmount)
                .WithMessage($"Price amount must be a whole number of minor units from 0 to {Money.MaxAmount}.")
            .OverridePropertyName(PriceAmountField);

    public static IRuleBuilderOptions<T, string> ValidCurrency<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(c => !string.IsNullOrEmpty(c)).WithMessage("Currency is required.")
            .Must(Money.IsCurrencyCode).WithMessage("Currency must be an ISO 4217 code of three upper-case letters, e.g. EUR.")
            .OverridePropertyName(PriceCurrencyField);

    public static IRuleBuilderOptions<T, int?> ValidStock<T>(this IRuleBuilderInitial<T, int?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Stock is required.")
            .GreaterThanOrEqualTo(0).WithMessage("Stock must be 0 or more.");
}
