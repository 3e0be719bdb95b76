using FluentValidation.Results;
using Microsoft.Extensions.Options;
using NSubstitute;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Commands.Register;

public sealed class RegisterCommandValidatorTests
{
    private const string GoodPassword = "correct horse";

    // U+1F600, two UTF-16 chars but one code point.
    private const string Emoji = "\U0001F600";

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ICommonPasswords _commonPasswords = Substitute.For<ICommonPasswords>();

    [Fact]
    public async Task Validate_CommonPassword_ReportsTooCommon()
    {
        _commonPasswords.IsCommon("iloveyou").Returns(true);

        var result = await Validate("ann@shop.io", "iloveyou");

        result.MessagesFor("Password").ShouldBe(["This password is too common; choose one that is harder to guess."]);
    }

    [Theory]
    [InlineData("annabel@shop.io", "annabel")]
    [InlineData("annabel@shop.io", "Annabel-2026!")]
    [InlineData("Annabel@shop.io", "xx-annabel-xx")]
    [InlineData("al@shop.io", "al")]
    public async Task Validate_PasswordBuiltOnTheEmailsName_IsRefused(string email, string password)
    {
        var result = await Validate(email, password, new PasswordPolicyOptions { MinLength = 1 });

        result.MessagesFor("Password").ShouldBe(["Password must not contain the email address's name."]);
    }

    [Fact]
    public async Task Validate_ShortEmailNameInsideALongerPassword_IsAllowed()
    {
        var result = await Validate("al@shop.io", "balance sheet");

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    public RegisterCommandValidatorTests()
    {
        _users.EmailExistsAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(false);
    }

    [Fact]
    public async Task Validate_GoodEmailAndPassword_IsValid()
    {
        var result = await Validate("ann@shop.io", GoodPassword);

        result.IsValid.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Validate_MissingEmail_ReportsEmailRequired(string? email)
    {
        var result = await Validate(email!, GoodPassword);

        result.MessagesFor("Email").ShouldBe(["Email is required."]);
    }

    [Theory]
    [InlineData("ann")]
    [InlineData("ann@shop")]
    [InlineData("ann@@shop.io")]
    [InlineData("ann lee@shop.io")]
    [InlineData("ann@shop..io")]
    [InlineData("ann\0@shop.io")]
    public async Task Validate_MalformedEmail_ReportsInvalidEmail(string email)
    {
        var result = await Validate(email, GoodPassword);

        result.MessagesFor("Email").ShouldBe(["Enter a valid email address."]);
    }

    [Fact]
    public async Task Validate_EmailOf65CharacterLocalPart_ReportsInvalidEmail()
    {
        var result = await Validate(new string('a', 65) + "@shop.io", GoodPassword);

        result.MessagesFor("Email").ShouldBe(["Enter a valid email address."]);
    }

    [Fact]
    public async Task Validate_EmailAlreadyTaken_ReportsEmailAlreadyExists()
    {
        _users.EmailExistsAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(true);

        var result = await Validate("ann@shop.io", GoodPassword);

        result.MessagesFor("Email").ShouldBe(["Email already exists"]);
    }

    [Fact]
    public async Task Validate_EmailTakenInAnotherSpelling_IsFoundThroughTheNormalisedEmail()
    {
        _users.EmailExistsAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(true);

        var result = await Validate("  Ann@Shop.IO ", GoodPassword);

        result.MessagesFor("Email").ShouldBe(["Email already exists"]);
        await _users.Received(1).EmailExistsAsync("ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Validate_FreeEmail_AsksTheRepositoryOnce()
    {
        await Validate("ann@shop.io", GoodPassword);

        await _users.Received(1).EmailExistsAsync("ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("ann@shop")]
    public async Task Validate_EmailAlreadyBad_DoesNotQueryUniqueness(string email)
    {
        await Validate(email, GoodPassword);

        await _users.DidNotReceiveWithAnyArgs().EmailExistsAsync(default!, default);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Validate_MissingPassword_ReportsOnlyPasswordRequired(string? password)
    {
        var result = await Validate("ann@shop.io", password!);

        result.MessagesFor("Password").ShouldBe(["Password is required."]);
    }

    [Fact]
    public async Task Validate_PasswordOfEightSpaces_IsValid()
    {
        var result = await Validate("ann@shop.io", "        ");

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_PasswordOf7CodePoints_ReportsTooShort()
    {
        var result = await Validate("ann@shop.io", "1234567");

        result.MessagesFor("Password").ShouldBe(["Password must be at least 8 characters."]);
    }

    [Fact]
    public async Task Validate_PasswordOf8CodePoints_IsValid()
    {
        var result = await Validate("ann@shop.io", "12345678");

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_PasswordOf128CodePoints_IsValid()
    {
        var result = await Validate("ann@shop.io", new string('p', 128));

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_PasswordOf129CodePoints_ReportsTooLong()
    {
        var result = await Validate("ann@shop.io", new string('p', 129));

        result.MessagesFor("Password").ShouldBe(["Password must be at most 128 characters."]);
    }

    [Fact]
    public async Task Validate_PasswordOf8EmojiIn16Utf16Chars_CountsAs8AndIsValid()
    {
        var password = string.Concat(Enumerable.Repeat(Emoji, 8));

        var result = await Validate("ann@shop.io", password);

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_PasswordOf7EmojiIn14Utf16Chars_CountsAs7AndReportsTooShort()
    {
        var password = string.Concat(Enumerable.Repeat(Emoji, 7));

        var result = await Validate("ann@shop.io", password);

        result.MessagesFor("Password").ShouldBe(["Password must be at least 8 characters."]);
    }

    [Fact]
    public async Task Validate_PasswordOf128EmojiIn256Utf16Chars_CountsAs128AndIsValid()
    {
        var password = string.Concat(Enumerable.Repeat(Emoji, 128));

        var result = await Validate("ann@shop.io", password);

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_PasswordOf129Emoji_ReportsTooLong()
    {
        var password = string.Concat(Enumerable.Repeat(Emoji, 129));

        var result = await Validate("ann@shop.io", password);

        result.MessagesFor("Password").ShouldBe(["Password must be at most 128 characters."]);
    }

    // Built in code, not [InlineData]: xUnit serialises theory data as UTF-8 and would turn a lone
    // surrogate into U+FFFD before the test sees it.
    [Fact]
    public async Task Validate_PasswordEndingInLoneHighSurrogate_ReportsInvalidCharacters()
    {
        var result = await Validate("ann@shop.io", "correct horse" + '\uD800');

        result.MessagesFor("Password").ShouldBe(["Password contains invalid characters."]);
    }

    [Fact]
    public async Task Validate_PasswordStartingWithLoneLowSurrogate_ReportsInvalidCharacters()
    {
        var result = await Validate("ann@shop.io", '\uDC00' + "correct horse");

        result.MessagesFor("Password").ShouldBe(["Password contains invalid characters."]);
    }

    [Fact]
    public async Task Validate_PasswordWithSurrogatesInReverseOrder_ReportsInvalidCharacters()
    {
        var result = await Validate("ann@shop.io", "correct" + '\uDE00' + '\uD83D' + "horse");

        result.MessagesFor("Password").ShouldBe(["Password contains invalid characters."]);
    }

    [Fact]
    public async Task Validate_ShorterConfiguredMinimum_AcceptsPasswordAtThatMinimum()
    {
        var policy = new PasswordPolicyOptions { MinLength = 4, MaxLength = 6 };

        var result = await Validate("ann@shop.io", "abcd", policy);

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_ConfiguredMinimum_ReportsTooShortWithThatMinimum()
    {
        var policy = new PasswordPolicyOptions { MinLength = 4, MaxLength = 6 };

        var result = await Validate("ann@shop.io", "abc", policy);

        result.MessagesFor("Password").ShouldBe(["Password must be at least 4 characters."]);
    }

    [Fact]
    public async Task Validate_ConfiguredMaximum_AcceptsPasswordAtThatMaximum()
    {
        var policy = new PasswordPolicyOptions { MinLength = 4, MaxLength = 6 };

        var result = await Validate("ann@shop.io", "abcdef", policy);

        result.MessagesFor("Password").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_ConfiguredMaximum_ReportsTooLongWithThatMaximum()
    {
        var policy = new PasswordPolicyOptions { MinLength = 4, MaxLength = 6 };

        var result = await Validate("ann@shop.io", "abcdefg", policy);

        result.MessagesFor("Password").ShouldBe(["Password must be at most 6 characters."]);
    }

    [Fact]
    public async Task Validate_BadEmailAndBadPassword_ReportsBoth()
    {
        var result = await Validate("ann", "short");

        result.MessagesFor("Email").ShouldBe(["Enter a valid email address."]);
        result.MessagesFor("Password").ShouldBe(["Password must be at least 8 characters."]);
    }

    private Task<ValidationResult> Validate(string email, string password, PasswordPolicyOptions? policy = null)
    {
        var validator = new RegisterCommandValidator(_users, Options.Create(policy ?? new PasswordPolicyOptions()), _commonPasswords);
        return validator.ValidateAsync(new RegisterCommand(email, password, ClientInfo.Unknown));
    }
}
