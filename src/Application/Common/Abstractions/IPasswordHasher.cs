namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Password hashing at the configured algorithm and cost. Every call waits its turn for a bounded
/// number of hashing places and throws <see cref="Exceptions.ServiceBusyException"/> when too many
/// are already waiting.
/// </summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="PasswordCheck.SucceededRehashNeeded"/> when the password is right but the stored hash
    /// is of another algorithm or cost than today's settings.
    /// </summary>
    ValueTask<PasswordCheck> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken);

    /// <summary>
    /// Spends the time of a real verification and fails, so that an unknown email costs the same
    /// as a wrong password.
    /// </summary>
    ValueTask<PasswordCheck> VerifyAgainstDummyHashAsync(string password, CancellationToken cancellationToken);
}
