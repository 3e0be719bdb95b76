using FluentValidation.Results;
using ShopEase.Application.Auth.Commands.LoginMfa;
using ShopEase.Application.Common;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Commands.LoginMfa;

public sealed class LoginMfaCommandValidatorTests
{
    [Fact]
    public async Task Validate_TokenAndCode_IsValid()
    {
        (await Validate("token", "123456", null)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_TokenAndRecoveryCode_IsValid()
    {
        (await Validate("token", null, "abcde-fgh23")).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Validate_MissingToken_ReportsMfaTokenRequired(string token)
    {
        var result = await Validate(token, "123456", null);

        result.MessagesFor("MfaToken").ShouldBe(["MFA token is required."]);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(null, " ")]
    public async Task Validate_NeitherCodeNorRecoveryCode_ReportsCode(string? code, string? recoveryCode)
    {
        var result = await Validate("token", code, recoveryCode);

        result.MessagesFor("Code").ShouldBe(["Send the code from your authenticator app, or a recovery code."]);
    }

    [Fact]
    public async Task Validate_BothCodeAndRecoveryCode_ReportsRecoveryCode()
    {
        var result = await Validate("token", "123456", "abcde-fgh23");

        result.MessagesFor("RecoveryCode").ShouldBe(["Send either code or recoveryCode, not both."]);
    }

    private static Task<ValidationResult> Validate(string token, string? code, string? recoveryCode) =>
        new LoginMfaCommandValidator().ValidateAsync(new LoginMfaCommand(token, code, recoveryCode, ClientInfo.Unknown));
}
