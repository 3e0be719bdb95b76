using ShopEase.Application.Mfa.Commands.ConfirmTotp;
using ShopEase.Application.Mfa.Commands.DisableTotp;
using ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;
using ShopEase.Application.Mfa.Commands.SetupTotp;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Mfa.Commands;

/// <summary>The four second-factor changes ask only for presence; whether a password or code is right is the handler's check.</summary>
public sealed class MfaCommandValidatorTests
{
    private static readonly Guid UserId = Guid.NewGuid();

    [Fact]
    public async Task SetupWithoutPassword_ReportsPasswordRequired()
    {
        var result = await new SetupTotpCommandValidator().ValidateAsync(new SetupTotpCommand(UserId, ""));

        result.MessagesFor("Password").ShouldBe(["Password is required."]);
    }

    [Fact]
    public async Task ConfirmWithoutCode_ReportsCodeRequired()
    {
        var result = await new ConfirmTotpCommandValidator().ValidateAsync(new ConfirmTotpCommand(UserId, ""));

        result.MessagesFor("Code").ShouldBe(["Code is required."]);
    }

    [Fact]
    public async Task DisableWithNeither_ReportsBoth()
    {
        var result = await new DisableTotpCommandValidator().ValidateAsync(new DisableTotpCommand(UserId, "", ""));

        result.MessagesFor("Password").ShouldBe(["Password is required."]);
        result.MessagesFor("Code").ShouldBe(["Code is required."]);
    }

    [Fact]
    public async Task RegenerateWithNeither_ReportsBoth()
    {
        var result = await new RegenerateRecoveryCodesCommandValidator().ValidateAsync(new RegenerateRecoveryCodesCommand(UserId, "", ""));

        result.MessagesFor("Password").ShouldBe(["Password is required."]);
        result.MessagesFor("Code").ShouldBe(["Code is required."]);
    }

    [Fact]
    public async Task EachWithItsFields_IsValid()
    {
        (await new SetupTotpCommandValidator().ValidateAsync(new SetupTotpCommand(UserId, "pw"))).IsValid.ShouldBeTrue();
        (await new ConfirmTotpCommandValidator().ValidateAsync(new ConfirmTotpCommand(UserId, "123456"))).IsValid.ShouldBeTrue();
        (await new DisableTotpCommandValidator().ValidateAsync(new DisableTotpCommand(UserId, "pw", "123456"))).IsValid.ShouldBeTrue();
        (await new RegenerateRecoveryCodesCommandValidator().ValidateAsync(new RegenerateRecoveryCodesCommand(UserId, "pw", "123456"))).IsValid.ShouldBeTrue();
    }
}
