using FluentValidation;
using ShopEase.Application.Common.Validation;

namespace ShopEase.Application.Admin.Users.Queries.ListUsers;

public sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Email).MaximumLength(254).WithMessage("Email filter must be at most 254 characters.").StorableText();
    }
}
