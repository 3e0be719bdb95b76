using Mediator;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Email.Models;

namespace ShopEase.Application.Email.Commands.ResetPassword;

/// <summary>Sets a new password with a mailed reset token; every session of the account ends.</summary>
public sealed record ResetPasswordCommand(string Token, string NewPassword) : ICommand<PasswordResetDone>, IAuditedCommand;
