using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using NSubstitute;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Behaviors;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;

namespace ShopEase.Application.UnitTests.Common.Behaviors;

public sealed class ValidationBehaviorTests
{
    private readonly ProbeCommand _message = new("ann@shop.io", "Ann");
    private ProbeCommand? _handled;
    private int _handlerCalls;

    [Fact]
    public async Task Handle_NoValidators_CallsTheHandlerAndReturnsItsResponse()
    {
        var behavior = new ValidationBehavior<ProbeCommand, string>([]);

        var response = await behavior.Handle(_message, Handler, CancellationToken.None);

        response.ShouldBe("handled");
        _handlerCalls.ShouldBe(1);
        _handled.ShouldBeSameAs(_message);
    }

    [Fact]
    public async Task Handle_ValidatorsPass_CallsTheHandlerAndReturnsItsResponse()
    {
        var validator = new InlineValidator<ProbeCommand>();
        validator.RuleFor(c => c.EmailAddress).NotEmpty();
        var behavior = new ValidationBehavior<ProbeCommand, string>([validator]);

        var response = await behavior.Handle(_message, Handler, CancellationToken.None);

        response.ShouldBe("handled");
        _handlerCalls.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_ValidatorFails_ThrowsValidationFailedWithTheMessage()
    {
        var behavior = new ValidationBehavior<ProbeCommand, string>([Failing(c => c.EmailAddress, "Email is wrong.")]);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => behavior.Handle(_message, Handler, CancellationToken.None).AsTask());

        exception.Errors["emailAddress"].ShouldBe(["Email is wrong."]);
    }

    [Fact]
    public async Task Handle_ValidatorFails_DoesNotCallTheHandler()
    {
        var behavior = new ValidationBehavior<ProbeCommand, string>([Failing(c => c.EmailAddress, "Email is wrong.")]);

        await Should.ThrowAsync<ValidationFailedException>(
            () => behavior.Handle(_message, Handler, CancellationToken.None).AsTask());

        _handlerCalls.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_Failures_AreKeyedByCamelCaseFieldNames()
    {
        var validator = new InlineValidator<ProbeCommand>();
        validator.RuleFor(c => c.EmailAddress).Must(_ => false).WithMessage("Email is wrong.");
        validator.RuleFor(c => c.DisplayName).Must(_ => false).WithMessage("Name is wrong.");
        var behavior = new ValidationBehavior<ProbeCommand, string>([validator]);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => behavior.Handle(_message, Handler, CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe(["emailAddress", "displayName"], ignoreOrder: true);
    }

    [Fact]
    public async Task Handle_SeveralValidators_MergesTheirMessagesPerField()
    {
        var first = Failing(c => c.EmailAddress, "Email is wrong.");
        var second = new InlineValidator<ProbeCommand>();
        second.RuleFor(c => c.EmailAddress).Must(_ => false).WithMessage("Email is taken.");
        second.RuleFor(c => c.DisplayName).Must(_ => false).WithMessage("Name is wrong.");
        var behavior = new ValidationBehavior<ProbeCommand, string>([first, second]);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => behavior.Handle(_message, Handler, CancellationToken.None).AsTask());

        exception.Errors["emailAddress"].ShouldBe(["Email is wrong.", "Email is taken."]);
        exception.Errors["displayName"].ShouldBe(["Name is wrong."]);
    }

    [Fact]
    public async Task Handle_SameMessageFromTwoValidators_IsReportedOnce()
    {
        var behavior = new ValidationBehavior<ProbeCommand, string>(
            [Failing(c => c.EmailAddress, "Email is wrong."), Failing(c => c.EmailAddress, "Email is wrong.")]);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => behavior.Handle(_message, Handler, CancellationToken.None).AsTask());

        exception.Errors["emailAddress"].ShouldBe(["Email is wrong."]);
    }

    [Fact]
    public async Task Handle_OnePassingAndOneFailingValidator_DoesNotCallTheHandler()
    {
        var passing = new InlineValidator<ProbeCommand>();
        passing.RuleFor(c => c.DisplayName).NotEmpty();
        var behavior = new ValidationBehavior<ProbeCommand, string>([passing, Failing(c => c.EmailAddress, "Email is wrong.")]);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => behavior.Handle(_message, Handler, CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe(["emailAddress"]);
        _handlerCalls.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_PassesTheCancellationTokenToTheHandler()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;
        var behavior = new ValidationBehavior<ProbeCommand, string>([]);

        await behavior.Handle(
            _message,
            (_, ct) =>
            {
                seen = ct;
                return ValueTask.FromResult("handled");
            },
            cancellation.Token);

        seen.ShouldBe(cancellation.Token);
    }

    [Fact]
    public async Task Handle_RealRegisterValidator_ReportsTheContractsFieldNames()
    {
        var users = Substitute.For<IUserRepository>();
        var validator = new RegisterCommandValidator(users, Options.Create(new PasswordPolicyOptions()), Substitute.For<ICommonPasswords>());
        var behavior = new ValidationBehavior<RegisterCommand, AuthResult>([validator]);
        var command = new RegisterCommand("not-an-email", "short", ClientInfo.Unknown);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => behavior.Handle(command, (_, _) => throw new InvalidOperationException("handler reached"), CancellationToken.None).AsTask());

        exception.Errors["email"].ShouldBe(["Enter a valid email address."]);
        exception.Errors["password"].ShouldBe(["Password must be at least 8 characters."]);
    }

    private static InlineValidator<ProbeCommand> Failing(
        System.Linq.Expressions.Expression<Func<ProbeCommand, string>> property, string message)
    {
        var validator = new InlineValidator<ProbeCommand>();
        validator.RuleFor(property).Must(_ => false).WithMessage(message);
        return validator;
    }

    private ValueTask<string> Handler(ProbeCommand message, CancellationToken cancellationToken)
    {
        _handlerCalls++;
        _handled = message;
        return ValueTask.FromResult("handled");
    }

    /// <summary>Two-word property names show the camelCase conversion, which one-word names would hide.</summary>
    public sealed record ProbeCommand(string EmailAddress, string DisplayName) : ICommand<string>;
}
