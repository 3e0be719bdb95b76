using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class RecoveryCodeEntryConfiguration : IEntityTypeConfiguration<RecoveryCodeEntry>
{
    public void Configure(EntityTypeBuilder<RecoveryCodeEntry> builder)
    {
        builder.ToTable("mfa_recovery_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CodeHash).IsRequired();
        builder.Property(c => c.KeyId).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => new { c.UserId, c.CodeHash });
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
