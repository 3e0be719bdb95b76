using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Orders;
using ShopEase.Domain.Products;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("order_lines", t => t.HasCheckConstraint("ck_order_lines_quantity_positive", "quantity > 0"));
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Sku).HasMaxLength(ProductSku.MaxLength).IsRequired();
        builder.Property(l => l.Name).HasMaxLength(Product.MaxNameLength).IsRequired();
        builder.ComplexProperty(l => l.UnitPrice, price =>
        {
            price.Property(m => m.Amount).HasColumnName("unit_price_amount");
            price.Property(m => m.Currency).HasColumnName("unit_price_currency").HasMaxLength(3).IsFixedLength().IsRequired();
        });

        // Products are only ever soft-deleted, so the reference always resolves.
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.OrderId, l.LineNumber }).IsUnique();
        builder.HasIndex(l => l.ProductId);
    }
}
