using FluentValidation;

namespace ShopEase.Application.Common.Validation;

/// <summary>The page and page-size rules every paged list shares (products, orders, staff's user list).</summary>
public static class PagingRules
{
    public const int MaxPageSize = 100;

    /// <summary>Far past any real page, and low enough that (page - 1) * pageSize cannot overflow.</summary>
    public const int MaxPage = 1_000_000;

    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilderInitial<T, int> rule) =>
        rule.GreaterThanOrEqualTo(1).WithMessage("Page must be 1 or more.")
            .LessThanOrEqualTo(MaxPage).WithMessage($"Page must be at most {MaxPage}.");

    public static IRuleBuilderOptions<T, int> ValidPageSize<T>(this IRuleBuilderInitial<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPageSize).WithMessage($"Page size must be between 1 and {MaxPageSize}.");
}
