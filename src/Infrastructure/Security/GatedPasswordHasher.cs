using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// New hashes use the configured algorithm (<c>Passwords:Algorithm</c>); a stored hash is verified by the
/// algorithm that wrote it, so both kinds keep working whichever is configured. Every hash goes through
/// the <see cref="PasswordHashingGate"/>.
/// </summary>
internal sealed class GatedPasswordHasher : IPasswordHasher
{
    private readonly Argon2idPasswordHashAlgorithm _argon2id;
    private readonly Pbkdf2PasswordHashAlgorithm _pbkdf2;
    private readonly IPasswordHashAlgorithm _configured;
    private readonly PasswordHashingGate _gate;
    private readonly string _dummyHash;

    public GatedPasswordHasher(IOptions<PasswordHashingOptions> options, PasswordHashingGate gate)
    {
        var settings = options.Value;
        _argon2id = new Argon2idPasswordHashAlgorithm(settings.Argon2);
        _pbkdf2 = new Pbkdf2PasswordHashAlgorithm(settings.Iterations);
        _configured = settings.UsesArgon2id ? _argon2id : _pbkdf2;
        _gate = gate;

        // Made up front with today's algorithm and cost, so an unknown email costs what a known one does.
        _dummyHash = _configured.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
        _gate.RunAsync(() => _configured.Hash(password), cancellationToken);

    public async ValueTask<PasswordCheck> VerifyAsync(string passwordHash, string password, CancellationToken cancellationToken)
    {
        IPasswordHashAlgorithm writer = Argon2idPasswordHashAlgorithm.Wrote(passwordHash) ? _argon2id : _pbkdf2;
        var check = await _gate.RunAsync(() => writer.Verify(passwordHash, password), cancellationToken);

        // A hash of the algorithm not configured is replaced at the next successful login.
        return check == PasswordCheck.Succeeded && writer != _configured ? PasswordCheck.SucceededRehashNeeded : check;
    }

    public async ValueTask<PasswordCheck> VerifyAgainstDummyHashAsync(string password, CancellationToken cancellationToken)
    {
        await _gate.RunAsync(() => _configured.Verify(_dummyHash, password), cancellationToken);
        return PasswordCheck.Failed;
    }
}
