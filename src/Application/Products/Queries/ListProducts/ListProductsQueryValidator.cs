using FluentValidation;

namespace ShopEase.Application.Products.Queries.ListProducts;

public sealed class ListProductsQueryValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsQueryValidator()
    {
        RuleFor(q => q.Page)
            .GreaterThanOrEqualTo(1).WithMessage("Page must be 1 or more.")
            .LessThanOrEqualTo(ListProductsQuery.MaxPage).WithMessage($"Page must be at most {ListProductsQuery.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListProductsQuery.MaxPageSize)
            .WithMessage($"Page size must be between 1 and {ListProductsQuery.MaxPageSize}.");
        RuleFor(q => q.Text).MaximumLength(ListProductsQuery.MaxTextLength)
            .WithMessage($"The search text must be at most {ListProductsQuery.MaxTextLength} characters.")
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
