using FluentValidation.Results;
using ShopEase.Application.Auth.Commands.Login;
using ShopEase.Application.Common;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Commands.Login;

public sealed class LoginCommandValidatorTests
{
    [Fact]
    public async Task Validate_EmailAndPasswordPresent_IsValid()
    {
        var result = await Validate("ann@shop.io", "correct horse");

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Validate_MissingEmail_ReportsEmailRequired(string? email)
    {
        var result = await Validate(email!, "correct horse");

        result.MessagesFor("Email").ShouldBe(["Email is required."]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Validate_MissingPassword_ReportsPasswordRequired(string? password)
    {
        var result = await Validate("ann@shop.io", password!);

        result.MessagesFor("Password").ShouldBe(["Password is required."]);
    }

    [Fact]
    public async Task Validate_PasswordOfSpaces_IsNotMissing()
    {
        var result = await Validate("ann@shop.io", "        ");

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ann")]
    [InlineData("ann@shop")]
    public async Task Validate_MalformedEmail_IsAcceptedBecauseItSimplyMatchesNoAccount(string email)
    {
        var result = await Validate(email, "correct horse");

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_ShortPassword_IsAcceptedBecauseLoginChecksOnlyPresence()
    {
        var result = await Validate("ann@shop.io", "x");

        result.IsValid.ShouldBeTrue();
    }

    private static Task<ValidationResult> Validate(string email, string password) =>
        new LoginCommandValidator().ValidateAsync(new LoginCommand(email, password, ClientInfo.Unknown));
}
