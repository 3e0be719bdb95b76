using Mediator;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Email.Commands.ForgotPassword;

/// <summary>Asks for a password reset mail; the answer is the same whether or not the email has an account.</summary>
public sealed record ForgotPasswordCommand(string Email) : ICommand<ForgotPasswordOutcome>, IAuditedCommand;
