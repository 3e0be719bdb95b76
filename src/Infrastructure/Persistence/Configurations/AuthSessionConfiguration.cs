using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Sessions;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class AuthSessionConfiguration : IEntityTypeConfiguration<AuthSession>
{
    public const string RefreshWindowStartedAt = "RefreshWindowStartedAt";
    public const string RefreshCount = "RefreshCount";

    public void Configure(EntityTypeBuilder<AuthSession> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserAgent).HasMaxLength(512);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);

        // The per-session refresh limit's fixed window, kept and counted by SessionStore's rotation
        // statement itself: bookkeeping of the rate limit, not part of the session's domain.
        builder.Property<DateTimeOffset?>(RefreshWindowStartedAt);
        builder.Property<int>(RefreshCount);
    }
}
