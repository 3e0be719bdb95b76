using ShopEase.Domain.Common;

namespace ShopEase.Domain.UnitTests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("EUR")]
    [InlineData("USD")]
    [InlineData("JPY")]
    public void IsCurrencyCode_ThreeUpperCaseLetters_IsTrue(string code)
    {
        Money.IsCurrencyCode(code).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("ÉUR")]
    public void IsCurrencyCode_AnythingElse_IsFalse(string? code)
    {
        Money.IsCurrencyCode(code).ShouldBeFalse();
    }

    [Fact]
    public void New_NegativeAmount_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Money(-1, "EUR"));
    }

    [Fact]
    public void New_LowerCaseCurrency_Throws()
    {
        Should.Throw<ArgumentException>(() => new Money(100, "eur"));
    }

    [Fact]
    public void Times_MultipliesTheMinorUnitsExactly()
    {
        var total = new Money(1999, "EUR").Times(3);

        total.ShouldBe(new Money(5997, "EUR"));
    }

    [Fact]
    public void Times_Overflow_ThrowsInsteadOfWrapping()
    {
        Should.Throw<OverflowException>(() => new Money(long.MaxValue / 2, "EUR").Times(3));
    }

    [Fact]
    public void Plus_SameCurrency_AddsTheMinorUnits()
    {
        var sum = new Money(1999, "EUR").Plus(new Money(1, "EUR"));

        sum.ShouldBe(new Money(2000, "EUR"));
    }

    [Fact]
    public void Plus_AnotherCurrency_Throws()
    {
        Should.Throw<InvalidOperationException>(() => new Money(1, "EUR").Plus(new Money(1, "USD")));
    }

    [Fact]
    public void Equality_IsByAmountAndCurrency()
    {
        new Money(5, "EUR").ShouldBe(new Money(5, "EUR"));
        new Money(5, "EUR").ShouldNotBe(new Money(5, "USD"));
    }
}
