using FluentValidation;
using ShopEase.Application.Common.Validation;

namespace ShopEase.Application.Products.Queries.ListProducts;

public sealed class ListProductsQueryValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Text).MaximumLength(ListProductsQuery.MaxTextLength)
            .WithMessage($"The search text must be at most {ListProductsQuery.MaxTextLength} characters.")
            .StorableText()
            .OverridePropertyName("q");
        RuleFor(q => q.MinPrice).GreaterThanOrEqualTo(0).WithMessage("Minimum price must be 0 or more.");
        RuleFor(q => q.MaxPrice)
            .GreaterThanOrEqualTo(0).WithMessage("Maximum price must be 0 or more.")
            .Must((q, max) => q.MinPrice is null || max is null || q.MinPrice <= max)
                .WithMessage("Maximum price must not be below the minimum price.");
        RuleFor(q => q.Sort)
            .Must(s => s is null || ListProductsQuery.SortOrders.ContainsKey(s))
            .WithMessage("Sort must be one of: name, price, -price, newest.");
    }
}
