using FluentValidation;

namespace ShopEase.Application.Orders.Queries.ListOrders;

public sealed class ListOrdersQueryValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersQueryValidator()
    {
        RuleFor(q => q.Page)
            .GreaterThanOrEqualTo(1).WithMessage("Page must be 1 or more.")
            .LessThanOrEqualTo(ListOrdersQuery.MaxPage).WithMessage($"Page must be at most {ListOrdersQuery.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListOrdersQuery.MaxPageSize)
            .WithMessage($"Page size must be between 1 and {ListOrdersQuery.MaxPageSize}.");
    }
}
