using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Email;

/// <summary>
/// Issues a mailed token and queues the mail that carries it, in the caller's transaction: a token exists
/// exactly when its mail is on its way.
/// </summary>
public sealed class AccountMailer(IEmailTokenStore tokens, IEmailOutbox outbox, AccountMails mails, TimeProvider timeProvider)
{
    public async Task QueueVerificationAsync(User user, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueAsync(
            user.Id, EmailTokenPurpose.VerifyEmail, user.Email, timeProvider.GetUtcNow(), cancellationToken);
        await outbox.EnqueueAsync(mails.Verification(user.Email, token), cancellationToken);
    }

    /// <summary>Voids the user's older reset links first: only the newest one works.</summary>
    public async Task QueuePasswordResetAsync(User user, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await tokens.VoidAsync(user.Id, EmailTokenPurpose.ResetPassword, now, cancellationToken);
        var token = await tokens.IssueAsync(user.Id, EmailTokenPurpose.ResetPassword, user.Email, now, cancellationToken);
        await outbox.EnqueueAsync(mails.PasswordReset(user.Email, token), cancellationToken);
    }

    /// <summary>
    /// A link to the new address, which moves the account when followed, and a notice to the current one.
    /// Voids older email-change links first: only the newest request can take effect.
    /// </summary>
    public async Task QueueEmailChangeAsync(User user, string newEmail, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        newEmail = EmailAddress.Normalize(newEmail);
        await tokens.VoidAsync(user.Id, EmailTokenPurpose.ChangeEmail, now, cancellationToken);
        var token = await tokens.IssueAsync(user.Id, EmailTokenPurpose.ChangeEmail, newEmail, now, cancellationToken);
        await outbox.EnqueueAsync(mails.EmailChangeVerification(newEmail, token), cancellationToken);
        await outbox.EnqueueAsync(AccountMails.EmailChangeNotice(user.Email, newEmail), cancellationToken);
    }
}
