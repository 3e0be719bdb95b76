using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class MfaChallengeEntryConfiguration : IEntityTypeConfiguration<MfaChallengeEntry>
{
    public void Configure(EntityTypeBuilder<MfaChallengeEntry> builder)
    {
        builder.ToTable("mfa_challenges", t => t.HasCheckConstraint("ck_mfa_challenges_attempts", "attempts >= 0"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TokenHash).IsRequired();
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
