using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopEase.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LoginThrottleAttemptsByHmac : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows were keyed by a plain SHA-256 of the email, which anyone can check a guessed
            // address against, and no longer match the HMAC keys: a lockout in progress starts over.
            migrationBuilder.Sql("DELETE FROM login_throttles");
            migrationBuilder.RenameColumn(
                name: "failures",
                table: "login_throttles",
                newName: "attempts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "attempts",
                table: "login_throttles",
                newName: "failures");
        }
    }
}
