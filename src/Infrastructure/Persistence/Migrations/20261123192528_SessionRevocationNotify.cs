using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopEase.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Every node LISTENs on shopease_session_revoked; the database itself NOTIFYs when a session
    /// is revoked, whichever code path (or operator's SQL) revoked it. NOTIFY is sent on commit.
    /// </summary>
    public partial class SessionRevocationNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_session_revoked() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('shopease_session_revoked', NEW.id::text);
                    RETURN NEW;
                END
                $$;

                CREATE TRIGGER sessions_notify_revoked
                AFTER UPDATE OF revoked_at ON sessions
                FOR EACH ROW
                WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
                EXECUTE FUNCTION notify_session_revoked();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS sessions_notify_revoked ON sessions;
                DROP FUNCTION IF EXISTS notify_session_revoked();
                """);
        }
    }
}
