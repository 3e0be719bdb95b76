using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopEase.Infrastructure.RateLimiting;

internal sealed class AccountRateLimitEntryConfiguration : IEntityTypeConfiguration<AccountRateLimitEntry>
{
    public void Configure(EntityTypeBuilder<AccountRateLimitEntry> builder)
    {
        builder.ToTable("account_rate_limits");
        builder.HasKey(e => e.Key);
    }
}
