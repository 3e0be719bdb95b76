using Mediator;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Email.Models;

namespace ShopEase.Application.Email.Commands.VerifyEmail;

/// <summary>Follows a mailed link: verifies the account's address, or completes a change of email.</summary>
public sealed record VerifyEmailCommand(string Token) : ICommand<VerifyEmailResult>, IAuditedCommand;
