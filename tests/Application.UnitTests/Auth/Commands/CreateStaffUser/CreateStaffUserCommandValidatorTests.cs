using FluentValidation.Results;
using Microsoft.Extensions.Options;
using NSubstitute;
using ShopEase.Application.Auth.Commands.CreateStaffUser;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Commands.CreateStaffUser;

public sealed class CreateStaffUserCommandValidatorTests
{
    private const string GoodPassword = "correct horse";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();

    [Fact]
    public async Task Validate_GoodEmailAndPassword_IsValid()
    {
        var result = await Validate("admin@shop.io", GoodPassword);

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_MalformedEmail_ReportsInvalidEmailWithoutQueryingUniqueness()
    {
        var result = await Validate("admin@shop", GoodPassword);

        result.MessagesFor("Email").ShouldBe(["Enter a valid email address."]);
        await _users.DidNotReceiveWithAnyArgs().EmailExistsAsync(default!, default);
    }

    [Fact]
    public async Task Validate_EmailTakenInAnotherSpelling_ReportsEmailAlreadyExists()
    {
        _users.EmailExistsAsync("admin@shop.io", Arg.Any<CancellationToken>()).Returns(true);

        var result = await Validate(" Admin@Shop.IO", GoodPassword);

        result.MessagesFor("Email").ShouldBe(["Email already exists"]);
    }

    [Fact]
    public async Task Validate_PasswordOf7CodePoints_ReportsTooShort()
    {
        var result = await Validate("admin@shop.io", "1234567");

        result.MessagesFor("Password").ShouldBe(["Password must be at least 8 characters."]);
    }

    [Fact]
    public async Task Validate_PasswordOf129CodePoints_ReportsTooLong()
    {
        var result = await Validate("admin@shop.io", new string('p', 129));

        result.MessagesFor("Password").ShouldBe(["Password must be at most 128 characters."]);
    }

    [Fact]
    public async Task Validate_ConfiguredMinimum_IsApplied()
    {
        var result = await Validate("admin@shop.io", "12345678901", new PasswordPolicyOptions { MinLength = 12, MaxLength = 64 });

        result.MessagesFor("Password").ShouldBe(["Password must be at least 12 characters."]);
    }

    private Task<ValidationResult> Validate(string email, string password, PasswordPolicyOptions? policy = null) =>
        new CreateStaffUserCommandValidator(_users, Options.Create(policy ?? new PasswordPolicyOptions()), Substitute.For<ICommonPasswords>())
            .ValidateAsync(new CreateStaffUserCommand(email, password));
}
