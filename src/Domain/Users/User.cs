namespace ShopEase.Domain.Users;

/// <summary>An account, identified by its normalised email.</summary>
public sealed class User
{
    private User()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Always normalised: see <see cref="EmailAddress.Normalize"/>.</summary>
    public string Email { get; private set; } = string.Empty;

    /// <summary>Empty for an account that has no password: it signs in with a passkey only.</summary>
    public string PasswordHash { get; private set; } = string.Empty;

    /// <summary>
    /// Every account made today has one (sign-up and create-admin require it); an account stored
    /// without one can only sign in with a passkey, and so must keep at least one.
    /// </summary>
    public bool HasPassword => PasswordHash.Length > 0;

    /// <summary>An account always keeps a way in: a password, or at least one passkey.</summary>
    public bool KeepsAWayIn(int passkeysLeft) => HasPassword || passkeysLeft > 0;

    /// <summary>
    /// A new random value whenever the password changes (not when only its hash is upgraded). A session
    /// starts only if the stamp is still the one its password was checked against, so a login that raced a
    /// password change cannot outlive it.
    /// </summary>
    public Guid PasswordStamp { get; private set; }

    public bool IsActive { get; private set; }

    public bool IsStaff { get; private set; }

    public DateTimeOffset DateJoined { get; private set; }

    public DateTimeOffset? LastLoginAt { get; private set; }

    /// <summary>A confirmed TOTP authenticator guards the account: login asks for a second factor.</summary>
    public bool MfaEnabled { get; private set; }

    /// <summary>When the owner of <see cref="Email"/> last proved it by following a link mailed to it.</summary>
    public DateTimeOffset? EmailVerifiedAt { get; private set; }

    public bool EmailVerified => EmailVerifiedAt is not null;

    public static User Register(string email, string passwordHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return new User
        {
            Id = Guid.CreateVersion7(now),
            Email = EmailAddress.Normalize(email),
            PasswordHash = passwordHash,
            PasswordStamp = Guid.NewGuid(),
            IsActive = true,
            IsStaff = false,
            DateJoined = now,
        };
    }

    /// <summary>The same password, hashed anew (stronger settings): the stamp stays.</summary>
    public void ChangePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
    }

    /// <summary>A new password: its hash, and a new <see cref="PasswordStamp"/>.</summary>
    public void ChangePassword(string passwordHash)
    {
        ChangePasswordHash(passwordHash);
        PasswordStamp = Guid.NewGuid();
    }

    public void RecordLogin(DateTimeOffset now) => LastLoginAt = now;

    /// <summary>The address's owner followed a link mailed to it; the first proof counts.</summary>
    public void MarkEmailVerified(DateTimeOffset now) => EmailVerifiedAt ??= now;

    /// <summary>
    /// Moves the account to an address its owner has just proved, by following a link mailed to it:
    /// so the new address is verified from the start.
    /// </summary>
    public void ChangeEmail(string newEmail, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newEmail);
        Email = EmailAddress.Normalize(newEmail);
        EmailVerifiedAt = now;
    }

    public void GrantStaff() => IsStaff = true;

    public void RevokeStaff() => IsStaff = false;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void EnableMfa() => MfaEnabled = true;

    public void DisableMfa() => MfaEnabled = false;
}
