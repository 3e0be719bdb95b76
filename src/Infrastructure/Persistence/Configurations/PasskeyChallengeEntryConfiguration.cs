using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class PasskeyChallengeEntryConfiguration : IEntityTypeConfiguration<PasskeyChallengeEntry>
{
    public void Configure(EntityTypeBuilder<PasskeyChallengeEntry> builder)
    {
        builder.ToTable("passkey_challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Ceremony).HasConversion<short>();
        builder.Property(c => c.Challenge).IsRequired();
        builder.Property(c => c.State).IsRequired();

        // A registration is finished by its challenge (the contract gives it no flow id).
        builder.HasIndex(c => new { c.UserId, c.Challenge });
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
