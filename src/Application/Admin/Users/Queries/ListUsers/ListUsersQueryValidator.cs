using FluentValidation;

namespace ShopEase.Application.Admin.Users.Queries.ListUsers;

public sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        RuleFor(q => q.Page)
            .GreaterThanOrEqualTo(1).WithMessage("Page must be 1 or more.")
            .LessThanOrEqualTo(ListUsersQuery.MaxPage).WithMessage($"Page must be at most {ListUsersQuery.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListUsersQuery.MaxPageSize)
            .WithMessage($"Page size must be between 1 and {ListUsersQuery.MaxPageSize}.");
        RuleFor(q => q.Email).MaximumLength(254).WithMessage("Email filter must be at most 254 characters.");
    }
}
