using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class MfaChallengeStore(ShopEaseDbContext db, NpgsqlDataSource dataSource) : IMfaChallengeStore
{
    // Counts the attempt and reads the challenge in one statement, outside any transaction so that the
    // count stays whatever happens next. Under the row lock, attempts past the limit find nothing.
    private const string ClaimSql = """
        UPDATE mfa_challenges SET attempts = attempts + 1
        WHERE token_hash = $1 AND expires_at > $2 AND attempts < $3
        RETURNING id, user_id, password_stamp
        """;

    public async Task<string> CreateAsync(
        Guid userId, Guid passwordStamp, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var (token, hash) = OpaqueToken.Create();
        var entry = new MfaChallengeEntry
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            TokenHash = hash,
            PasswordStamp = passwordStamp,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.MfaChallenges.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(entry).State = EntityState.Detached;
        return token;
    }

    public async Task<MfaChallenge?> ClaimAttemptAsync(string token, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        if (!OpaqueToken.TryHash(token, out var hash))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = maxAttempts });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new MfaChallenge(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2))
            : null;
    }

    public async Task<bool> TryConsumeAsync(Guid challengeId, CancellationToken cancellationToken) =>
        await db.MfaChallenges.Where(c => c.Id == challengeId).ExecuteDeleteAsync(cancellationToken) == 1;
}
