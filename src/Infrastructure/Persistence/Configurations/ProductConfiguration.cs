using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopEase.Domain.Products;

namespace ShopEase.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public const string SkuIndexName = "ux_products_sku";

    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products", t =>
        {
            // The conditional decrement at checkout keeps stock from going negative; this makes it impossible.
            t.HasCheckConstraint("ck_products_stock_not_negative", "stock >= 0");
            t.HasCheckConstraint("ck_products_price_not_negative", "price_amount >= 0");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Sku).HasMaxLength(ProductSku.MaxLength).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(Product.MaxNameLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(Product.MaxDescriptionLength).IsRequired();
        builder.ComplexProperty(p => p.Price, price =>
        {
            price.Property(m => m.Amount).HasColumnName("price_amount");
            price.Property(m => m.Currency).HasColumnName("price_currency").HasMaxLength(3).IsFixedLength().IsRequired();
        });

        // SKUs are stored normalised, so a plain unique index is the race-proof check. Only live
        // products hold theirs: a deleted product's SKU can be given to a new one.
        builder.HasIndex(p => p.Sku).IsUnique().HasFilter("deleted_at IS NULL").HasDatabaseName(SkuIndexName);
        builder.HasIndex(p => p.CreatedAt);
    }
}
