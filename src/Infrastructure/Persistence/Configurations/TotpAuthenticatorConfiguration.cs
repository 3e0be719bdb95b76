using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Mfa;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class TotpAuthenticatorConfiguration : IEntityTypeConfiguration<TotpAuthenticator>
{
    public void Configure(EntityTypeBuilder<TotpAuthenticator> builder)
    {
        builder.ToTable("totp_authenticators");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.EncryptedSecret).IsRequired();
        builder.Property(a => a.KeyId).HasMaxLength(32).IsRequired();
        builder.Ignore(a => a.IsConfirmed);

        // One authenticator per account, pending or confirmed: a new set-up upserts on this index.
        builder.HasIndex(a => a.UserId).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
