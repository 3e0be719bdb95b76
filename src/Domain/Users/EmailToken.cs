namespace ShopEase.Domain.Users;

/// <summary>
/// A single-use token mailed to <see cref="Email"/> inside a link. Only the SHA-256 hash of the opaque
/// token is kept; it is spent when used, or voided by what makes it moot (a newer reset request, a
/// password change).
/// </summary>
public sealed class EmailToken
{
    public const int HashLength = 32;

    private EmailToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public EmailTokenPurpose Purpose { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    /// <summary>The normalised address the link went to: the account's own, or the new one of an email change.</summary>
    public string Email { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? SpentAt { get; private set; }

    /// <summary>24 hours to prove an address, 30 minutes to use a password reset.</summary>
    public static TimeSpan LifetimeOf(EmailTokenPurpose purpose) => purpose switch
    {
        EmailTokenPurpose.ResetPassword => TimeSpan.FromMinutes(30),
        EmailTokenPurpose.VerifyEmail or EmailTokenPurpose.ChangeEmail => TimeSpan.FromHours(24),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown email token purpose."),
    };

    public static EmailToken Issue(Guid userId, EmailTokenPurpose purpose, byte[] tokenHash, string email, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (tokenHash.Length != HashLength)
        {
            throw new ArgumentException($"An email token hash is {HashLength} bytes.", nameof(tokenHash));
        }

        return new EmailToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Purpose = purpose,
            TokenHash = tokenHash,
            Email = EmailAddress.Normalize(email),
            CreatedAt = now,
            ExpiresAt = now + LifetimeOf(purpose),
        };
    }
}
