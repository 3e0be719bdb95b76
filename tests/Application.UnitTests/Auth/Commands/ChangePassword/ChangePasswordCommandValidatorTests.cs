using FluentValidation.Results;
using Microsoft.Extensions.Options;
using NSubstitute;
using ShopEase.Application.Auth.Commands.ChangePassword;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;
using ShopEase.Application.Common.Options;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandValidatorTests
{
    private const string CurrentPassword = "correct horse battery";
    private const string NewPassword = "staple gun lighthouse";

    // U+1F600, two UTF-16 chars but one code point.
    private const string Emoji = "\U0001F600";

    private static readonly Guid AnnId = Guid.NewGuid();

    private readonly ICommonPasswords _commonPasswords = Substitute.For<ICommonPasswords>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();

    public ChangePasswordCommandValidatorTests()
    {
        _users.FindByIdAsync(AnnId, Arg.Any<CancellationToken>())
            .Returns(User.Register("annabel@shop.io", "hash", TestClock.Start));
    }

    [Fact]
    public async Task Validate_CommonNewPassword_ReportsTooCommon()
    {
        _commonPasswords.IsCommon("password123").Returns(true);

        var result = await Validate(CurrentPassword, "password123");

        result.MessagesFor("NewPassword").ShouldBe(["This password is too common; choose one that is harder to guess."]);
    }

    [Fact]
    public async Task Validate_NewPasswordContainingTheAccountsEmailName_IsRefused()
    {
        var result = await Validate(CurrentPassword, "my-ANNABEL-2026");

        result.MessagesFor("NewPassword").ShouldBe(["Password must not contain the email address's name."]);
    }

    [Fact]
    public async Task Validate_CurrentAndGoodNewPassword_IsValid()
    {
        var result = await Validate(CurrentPassword, NewPassword);

        result.IsValid.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Validate_MissingCurrentPassword_ReportsCurrentPasswordRequired(string? currentPassword)
    {
        var result = await Validate(currentPassword!, NewPassword);

        result.MessagesFor("CurrentPassword").ShouldBe(["Current password is required."]);
    }

    [Fact]
    public async Task Validate_CurrentPasswordOfSpaces_IsNotMissing()
    {
        var result = await Validate("   ", NewPassword);

        result.MessagesFor("CurrentPassword").ShouldBeEmpty();
    }

    // The current password was set under whatever policy held then; only the hasher judges it.
    [Fact]
    public async Task Validate_CurrentPasswordShorterThanThePolicy_IsAccepted()
    {
        var result = await Validate("abc", NewPassword);

        result.MessagesFor("CurrentPassword").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Validate_MissingNewPassword_ReportsOnlyPasswordRequired(string? newPassword)
    {
        var result = await Validate(CurrentPassword, newPassword!);

        result.MessagesFor("NewPassword").ShouldBe(["Password is required."]);
    }

    [Fact]
    public async Task Validate_NewPasswordOfEightSpaces_IsValid()
    {
        var result = await Validate(CurrentPassword, "        ");

        result.MessagesFor("NewPassword").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_NewPasswordOf7CodePoints_ReportsTooShort()
    {
        var result = await Validate(CurrentPassword, "1234567");

        result.MessagesFor("NewPassword").ShouldBe(["Password must be at least 8 characters."]);
    }

    [Fact]
    public async Task Validate_NewPasswordOf8CodePoints_IsValid()
    {
        var result = await Validate(CurrentPassword, "12345678");

        result.MessagesFor("NewPassword").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_NewPasswordOf128CodePoints_IsValid()
    {
        var result = await Validate(CurrentPassword, new string('p', 128));

        result.MessagesFor("NewPassword").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_NewPasswordOf129CodePoints_ReportsTooLong()
    {
        var result = await Validate(CurrentPassword, new string('p', 129));

        result.MessagesFor("NewPassword").ShouldBe(["Password must be at most 128 characters."]);
    }

    [Fact]
    public async Task Validate_NewPasswordOf8EmojiIn16Utf16Chars_CountsAs8AndIsValid()
    {
        var result = await Validate(CurrentPassword, string.Concat(Enumerable.Repeat(Emoji, 8)));

        result.MessagesFor("NewPassword").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_NewPasswordOf7EmojiIn14Utf16Chars_CountsAs7AndReportsTooShort()
    {
        var result = await Validate(CurrentPassword, string.Concat(Enumerable.Repeat(Emoji, 7)));

        result.MessagesFor("NewPassword").ShouldBe(["Password must be at least 8 characters."]);
    }

    [Fact]
    public async Task Validate_NewPasswordOf128EmojiIn256Utf16Chars_CountsAs128AndIsValid()
    {
        var result = await Validate(CurrentPassword, string.Concat(Enumerable.Repeat(Emoji, 128)));

        result.MessagesFor("NewPassword").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_NewPasswordOf129Emoji_ReportsTooLong()
    {
        var result = await Validate(CurrentPassword, string.Concat(Enumerable.Repeat(Emoji, 129)));

        result.MessagesFor("NewPassword").ShouldBe(["Password must be at most 128 characters."]);
    }

    // Built in code, not [InlineData]: xUnit serialises theory data as UTF-8 and would turn a lone
    // surrogate into U+FFFD before the test sees it.
    [Fact]
    public async Task Validate_NewPasswordEndingInLoneHighSurrogate_ReportsInvalidCharacters()
    {
        var result = await Validate(CurrentPassword, NewPassword + '\uD800');

        result.MessagesFor("NewPassword").ShouldBe(["Password contains invalid characters."]);
    }

    [Fact]
    public async Task Validate_ConfiguredMinimum_AcceptsNewPasswordAtThatMinimum()
    {
        var policy = new PasswordPolicyOptions { MinLength = 4, MaxLength = 6 };

        var result = await Validate(CurrentPassword, "abcd", policy);

        result.MessagesFor("NewPassword").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_ConfiguredMinimum_ReportsTooShortWithThatMinimum()
    {
        var policy = new PasswordPolicyOptions { MinLength = 4, MaxLength = 6 };

        var result = await Validate(CurrentPassword, "abc", policy);

        result.MessagesFor("NewPassword").ShouldBe(["Password must be at least 4 characters."]);
    }

    [Fact]
    public async Task Validate_ConfiguredMaximum_AcceptsNewPasswordAtThatMaximum()
    {
        var policy = new PasswordPolicyOptions { MinLength = 4, MaxLength = 6 };

        var result = await Validate(CurrentPassword, "abcdef", policy);

        result.MessagesFor("NewPassword").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_ConfiguredMaximum_ReportsTooLongWithThatMaximum()
    {
        var policy = new PasswordPolicyOptions { MinLength = 4, MaxLength = 6 };

        var result = await Validate(CurrentPassword, "abcdefg", policy);

        result.MessagesFor("NewPassword").ShouldBe(["Password must be at most 6 characters."]);
    }

    [Fact]
    public async Task Validate_MissingCurrentAndShortNewPassword_ReportsBoth()
    {
        var result = await Validate(string.Empty, "short");

        result.MessagesFor("CurrentPassword").ShouldBe(["Current password is required."]);
        result.MessagesFor("NewPassword").ShouldBe(["Password must be at least 8 characters."]);
    }

    private Task<ValidationResult> Validate(string currentPassword, string newPassword, PasswordPolicyOptions? policy = null)
    {
        var validator = new ChangePasswordCommandValidator(
            Options.Create(policy ?? new PasswordPolicyOptions()), _commonPasswords, _users);
        return validator.ValidateAsync(new ChangePasswordCommand(AnnId, Guid.NewGuid(), currentPassword, newPassword));
    }
}
