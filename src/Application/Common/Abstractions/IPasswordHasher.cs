namespace ShopEase.Application.Common.Abstractions;

public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string passwordHash, string password);

    /// <summary>
    /// Spends the time of a real verification and fails, so that an unknown email costs the same
    /// as a wrong password.
    /// </summary>
    PasswordCheck VerifyAgainstDummyHash(string password);
}
