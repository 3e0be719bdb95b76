namespace ShopEase.Infrastructure.Persistence.Sql;

/// <summary>
/// The lockout's statements, run on every password check of a sign-in (see <c>LoginThrottle</c>). Each is one
/// statement on its own pooled connection: atomic without a transaction, outside any command's transaction (a
/// rollback must never give a counted guess back), and one round trip on the login path the load benchmark
/// measures. Change them only with bench/run.sh before and after (docs/adr/0014-repositories-sql-and-transactions.md).
/// </summary>
internal static class LoginThrottleSql
{
    // One statement counts the attempt and says whether it may go on, so that of N parallel attempts the row
    // lock lets exactly the first LockoutFailures through. The attempt that reaches the limit locks the email
    // at once (it may still check its password, and a right one clears the lock); the ones past it are refused.
    // A window that is over, or a lock that has run out, starts a new count. The count stops at limit + 1.
    //   $1 email key, $2 now, $3 now - window, $4 limit, $5 now + duration (instants computed in the app,
    //   not by timestamptz + interval, whose day arithmetic would follow the session's time zone).
    public const string CountAttempt = """
        INSERT INTO login_throttles AS t (email_hash, window_started_at, attempts, locked_until)
        VALUES ($1, $2, 1, CASE WHEN $4 <= 1 THEN $5 END)
        ON CONFLICT (email_hash) DO UPDATE SET
            attempts = CASE WHEN t.locked_until <= $2 OR (t.locked_until IS NULL AND t.window_started_at <= $3)
                THEN 1 ELSE LEAST(t.attempts + 1, $4 + 1) END,
            window_started_at = CASE WHEN t.locked_until <= $2 OR (t.locked_until IS NULL AND t.window_started_at <= $3)
                THEN $2 ELSE t.window_started_at END,
            locked_until = CASE
                WHEN t.locked_until > $2 THEN t.locked_until
                WHEN (CASE WHEN t.locked_until <= $2 OR (t.locked_until IS NULL AND t.window_started_at <= $3)
                    THEN 1 ELSE t.attempts + 1 END) >= $4 THEN $5
                END
        RETURNING attempts, locked_until
        """;

    public const string Delete = "DELETE FROM login_throttles WHERE email_hash = $1";
}
