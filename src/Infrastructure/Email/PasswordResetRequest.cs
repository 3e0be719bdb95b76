namespace ShopEase.Infrastructure.Email;

/// <summary>
/// A "forgot password" request as it arrived, for any email, resolved by the sender. <see cref="NextAttemptAt"/>
/// is the lease of the sender resolving it, as for <see cref="OutboxMessage"/>.
/// </summary>
public sealed class PasswordResetRequest
{
    public Guid Id { get; set; }

    public string Email { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }
}
