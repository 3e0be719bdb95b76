using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Products;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> builder)
    {
        builder.ToTable("cart_items", t => t.HasCheckConstraint("ck_cart_items_quantity_positive", "quantity > 0"));

        // One line per product per user: the key is what makes setting a quantity an upsert.
        builder.HasKey(i => new { i.UserId, i.ProductId });
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ProductId);
    }
}
