using Mediator;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Email.Commands.IssuePasswordReset;

/// <summary>
/// Resolves one "forgot password" request, in the background sender: an active account with that email gets
/// a reset link by mail; any other email gets nothing. Answers the user the mail went to, if any.
/// </summary>
public sealed record IssuePasswordResetCommand(Guid RequestId, string Email) : ICommand<Guid?>, IAuditedCommand;
