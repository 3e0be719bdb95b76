using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopEase.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MfaChallengePasswordStampIsTheUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A challenge held a hash of the password hash; it now holds the user's password stamp. Challenges
            // live five minutes, so the ones outstanding are dropped (their users enter the password again)
            // rather than translated. PostgreSQL needs the USING clause to change the type.
            migrationBuilder.Sql("DELETE FROM mfa_challenges;");
            migrationBuilder.Sql("ALTER TABLE mfa_challenges ALTER COLUMN password_stamp TYPE uuid USING password_stamp::uuid;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM mfa_challenges;");
            migrationBuilder.Sql("ALTER TABLE mfa_challenges ALTER COLUMN password_stamp TYPE character varying(64) USING password_stamp::text;");
        }
    }
}
