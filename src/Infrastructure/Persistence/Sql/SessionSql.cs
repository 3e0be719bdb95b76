namespace ShopEase.Infrastructure.Persistence.Sql;

/// <summary>
/// The hand-written statements of the session hot paths (sign-in and refresh), kept apart from the C# that
/// runs them. Each is one statement, so one round trip and one atomic step without a transaction: the load
/// benchmark measured each round trip as a large share of a refresh's and a sign-in's cost, and EF Core's
/// LINQ cannot express a data-modifying CTE. Change them only with bench/run.sh before and after
/// (docs/adr/0014-repositories-sql-and-transactions.md).
/// </summary>
internal static class SessionSql
{
    // The whole rotation in one statement. In order:
    //   found      the token by its hash, with its session and account (the statement's snapshot);
    //   live       a live, unspent token of an active account touches its session and counts the refresh
    //              in the session's one-minute window (PostgreSQL counts, so every node shares the limit);
    //              a session over the limit is left alone, and so is its token (the losers of a race
    //              below are counted too: each was an attempt with the session's token);
    //   spent      the token is spent, only if still unspent under its row lock: of concurrent
    //              rotations of one token exactly one finds spent_at null, the others find it spent once the
    //              first commits and change nothing (they lost a race; they did not replay);
    //   successor  the next token, never outliving its session (AuthSession.RefreshTokenExpiry's rule).
    // With $3 (the session a CSRF token proved) a token of another session is not touched. All of it
    // commits together or not at all. The rare outcomes that end a session (a replay, an account
    // switched off) take a second statement.
    // $1 now, $2 token hash, $3 required session or null, $4 successor id, $5 successor hash,
    // $6 refreshes allowed per window, $7 now minus the window, $8 now plus the refresh token lifetime.
    public const string Rotate = """
        WITH found AS (
            SELECT t.id AS token_id, t.spent_at, t.expires_at AS token_expires_at,
                   s.id AS session_id, s.user_id, s.revoked_at, s.expires_at AS session_expires_at,
                   s.refresh_window_started_at, s.refresh_count, u.is_active
            FROM refresh_tokens t
            JOIN sessions s ON s.id = t.session_id
            JOIN users u ON u.id = s.user_id
            WHERE t.token_hash = $2),
        live AS (
            UPDATE sessions SET
                last_used_at = $1,
                refresh_window_started_at = CASE WHEN refresh_window_started_at > $7
                    THEN refresh_window_started_at ELSE $1 END,
                refresh_count = CASE WHEN refresh_window_started_at > $7 THEN refresh_count + 1 ELSE 1 END
            WHERE id = (SELECT session_id FROM found
                        WHERE spent_at IS NULL AND is_active AND token_expires_at > $1 AND session_id = COALESCE($3, session_id))
              AND revoked_at IS NULL AND expires_at > $1
              AND (refresh_window_started_at IS NULL OR refresh_window_started_at <= $7 OR refresh_count < $6)
            RETURNING id, expires_at),
        spent AS (
            UPDATE refresh_tokens SET spent_at = $1
            WHERE id = (SELECT token_id FROM found) AND spent_at IS NULL AND EXISTS (SELECT 1 FROM live)
            RETURNING session_id),
        successor AS (
            INSERT INTO refresh_tokens (id, session_id, token_hash, created_at, expires_at)
            SELECT $4, live.id, $5, $1, LEAST($8, live.expires_at) FROM live JOIN spent ON spent.session_id = live.id
            RETURNING id)
        SELECT f.session_id, f.user_id, f.spent_at IS NOT NULL, f.is_active,
               f.revoked_at IS NULL AND f.session_expires_at > $1 AND f.token_expires_at > $1,
               f.refresh_window_started_at, f.refresh_count, EXISTS (SELECT 1 FROM successor), f.spent_at
        FROM found f
        """;

    // A session and its first token in one statement, only while the account is active and its password
    // stamp is still the one the password was checked against. FOR SHARE makes a password change's UPDATE of
    // the account wait until this has committed (its revocation of the other sessions then sees this one), or,
    // if the change came first, makes this wait for it and then find the stamp changed and insert nothing.
    // $1 session id, $2 user id, $3 password stamp, $4 now, $5 session expiry, $6 user agent, $7 IP address,
    // $8 token id, $9 token hash, $10 token expiry.
    public const string StartSession = """
        WITH account AS (
            SELECT id FROM users WHERE id = $2 AND password_stamp = $3 AND is_active FOR SHARE),
        session AS (
            INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, user_agent, ip_address, refresh_count)
            SELECT $1, id, $4, $4, $5, $6, $7, 0 FROM account
            RETURNING id)
        INSERT INTO refresh_tokens (id, session_id, token_hash, created_at, expires_at)
        SELECT $8, id, $9, $4, $10 FROM session
        """;
}
