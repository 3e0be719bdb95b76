using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class LoginThrottleEntryConfiguration : IEntityTypeConfiguration<LoginThrottleEntry>
{
    public void Configure(EntityTypeBuilder<LoginThrottleEntry> builder)
    {
        builder.ToTable("login_throttles");
        builder.HasKey(e => e.EmailHash);
    }
}
