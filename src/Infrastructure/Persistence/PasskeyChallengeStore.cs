using Npgsql;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class PasskeyChallengeStore(ShopEaseDbContext db, NpgsqlDataSource dataSource) : IPasskeyChallengeStore
{
    // Taking is deleting: the statement that finds the row removes it, so of two requests presenting
    // one challenge at once (on one node or two) exactly one gets a row back. Expiry is checked by
    // the caller against the app's clock, after the row is gone: an expired challenge is used up too.
    private const string TakeSql = """
        DELETE FROM passkey_challenges WHERE id = $1 AND ceremony = $2
        RETURNING id, ceremony, user_id, challenge, state, expires_at
        """;

    private const string TakeRegistrationSql = """
        DELETE FROM passkey_challenges WHERE user_id = $1 AND challenge = $2 AND ceremony = $3
        RETURNING id, ceremony, user_id, challenge, state, expires_at
        """;

    public async Task SaveAsync(PasskeyChallenge challenge, CancellationToken cancellationToken)
    {
        db.PasskeyChallenges.Add(new PasskeyChallengeEntry
        {
            Id = challenge.Id,
            Ceremony = challenge.Ceremony,
            UserId = challenge.UserId,
            Challenge = challenge.Challenge,
            State = challenge.State,
            ExpiresAt = challenge.ExpiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<PasskeyChallenge?> TakeAsync(Guid id, PasskeyCeremony ceremony, CancellationToken cancellationToken) =>
        TakeAsync(TakeSql, [id, (short)ceremony], cancellationToken);

    public Task<PasskeyChallenge?> TakeRegistrationAsync(Guid userId, byte[] challenge, CancellationToken cancellationToken) =>
        TakeAsync(TakeRegistrationSql, [userId, challenge, (short)PasskeyCeremony.Registration], cancellationToken);

    private async Task<PasskeyChallenge?> TakeAsync(string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new PasskeyChallenge(
            reader.GetGuid(0),
            (PasskeyCeremony)reader.GetInt16(1),
            await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetGuid(2),
            reader.GetFieldValue<byte[]>(3),
            reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5));
    }
}
