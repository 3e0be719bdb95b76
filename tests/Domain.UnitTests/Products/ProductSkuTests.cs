using ShopEase.Domain.Products;

namespace ShopEase.Domain.UnitTests.Products;

public sealed class ProductSkuTests
{
    [Fact]
    public void Normalize_TrimsAndUpperCases()
    {
        ProductSku.Normalize("  mug-01.b_x \t").ShouldBe("MUG-01.B_X");
    }

    [Theory]
    [InlineData("MUG-01")]
    [InlineData("a")]
    [InlineData("  mug_1.2  ")]
    public void IsWellFormed_LettersDigitsAndPunctuation_IsTrue(string sku)
    {
        ProductSku.IsWellFormed(sku).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("MUG 01")]
    [InlineData("MUG/01")]
    [InlineData("MÜG")]
    public void IsWellFormed_EmptyOrOtherCharacters_IsFalse(string sku)
    {
        ProductSku.IsWellFormed(sku).ShouldBeFalse();
    }

    [Fact]
    public void IsWellFormed_64Characters_IsTrue_65_IsFalse()
    {
        ProductSku.IsWellFormed(new string('A', 64)).ShouldBeTrue();
        ProductSku.IsWellFormed(new string('A', 65)).ShouldBeFalse();
    }
}
