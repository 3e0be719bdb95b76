using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Passkeys;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class PasskeyConfiguration : IEntityTypeConfiguration<Passkey>
{
    public const string CredentialIdIndexName = "ux_passkeys_credential_id";

    public void Configure(EntityTypeBuilder<Passkey> builder)
    {
        builder.ToTable("passkeys");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CredentialId).HasMaxLength(Passkey.MaxCredentialIdLength).IsRequired();
        builder.Property(p => p.PublicKey).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(Passkey.MaxNameLength).IsRequired();

        // A credential belongs to one account: signing in finds the account by it.
        builder.HasIndex(p => p.CredentialId).IsUnique().HasDatabaseName(CredentialIdIndexName);
        builder.HasIndex(p => p.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
