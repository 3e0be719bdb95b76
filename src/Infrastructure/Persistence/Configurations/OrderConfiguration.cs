using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Orders;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public const string IdempotencyKeyIndexName = "ux_orders_user_id_idempotency_key";

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.IdempotencyKey).HasMaxLength(Order.MaxIdempotencyKeyLength);
        builder.HasOne<User>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Concurrent retries of one checkout all try to insert this pair; one wins, the others wait
        // for it and then fail here. Orders without a key (null) never collide.
        builder.HasIndex(o => new { o.UserId, o.IdempotencyKey }).IsUnique().HasDatabaseName(IdempotencyKeyIndexName);
        builder.HasIndex(o => new { o.UserId, o.CreatedAt });
    }
}
