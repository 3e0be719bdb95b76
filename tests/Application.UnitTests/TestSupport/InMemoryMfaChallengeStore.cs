using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.UnitTests.TestSupport;

/// <summary>
/// The challenge store's contract in memory (expiry, counted attempts, single use), so handler tests
/// can follow a challenge through time with a fake clock. PostgreSQL's version is tested over HTTP.
/// </summary>
internal sealed class InMemoryMfaChallengeStore : IMfaChallengeStore
{
    private readonly Dictionary<string, Entry> _entries = [];

    public IReadOnlyCollection<Entry> Entries => _entries.Values;

    public Task<string> CreateAsync(
        Guid userId, Guid passwordStamp, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var token = $"token-{_entries.Count + 1}";
        _entries[token] = new Entry(Guid.NewGuid(), userId, passwordStamp, expiresAt);
        return Task.FromResult(token);
    }

    public Task<MfaChallenge?> ClaimAttemptAsync(string token, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(token, out var entry) || entry.ExpiresAt <= now || entry.Attempts >= maxAttempts)
        {
            return Task.FromResult<MfaChallenge?>(null);
        }

        entry.Attempts++;
        return Task.FromResult<MfaChallenge?>(new MfaChallenge(entry.Id, entry.UserId, entry.PasswordStamp));
    }

    public Task<bool> TryConsumeAsync(Guid challengeId, CancellationToken cancellationToken)
    {
        var token = _entries.FirstOrDefault(e => e.Value.Id == challengeId).Key;
        return Task.FromResult(token is not null && _entries.Remove(token));
    }

    internal sealed record Entry(Guid Id, Guid UserId, Guid PasswordStamp, DateTimeOffset ExpiresAt)
    {
        public int Attempts { get; set; }
    }
}
