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

    public string PasswordHash { get; private set; } = string.Empty;

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

    public void GrantStaff() => IsStaff = true;

    public void RevokeStaff() => IsStaff = false;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
