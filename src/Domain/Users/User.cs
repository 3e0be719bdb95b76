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

    public bool IsActive { get; private set; }

    public bool IsStaff { get; private set; }

    public DateTimeOffset DateJoined { get; private set; }

    public DateTimeOffset? LastLoginAt { get; private set; }

    /// <summary>A confirmed TOTP authenticator guards the account: login asks for a second factor.</summary>
    public bool MfaEnabled { get; private set; }

    public static User Register(string email, string passwordHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return new User
        {
            Id = Guid.CreateVersion7(now),
            Email = EmailAddress.Normalize(email),
            PasswordHash = passwordHash,
            IsActive = true,
            IsStaff = false,
            DateJoined = now,
        };
    }

    public void ChangePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
    }

    public void RecordLogin(DateTimeOffset now) => LastLoginAt = now;

    public void GrantStaff() => IsStaff = true;

    public void RevokeStaff() => IsStaff = false;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void EnableMfa() => MfaEnabled = true;

    public void DisableMfa() => MfaEnabled = false;
}
