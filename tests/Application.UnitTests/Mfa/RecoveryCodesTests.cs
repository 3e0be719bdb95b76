using ShopEase.Application.Mfa;

namespace ShopEase.Application.UnitTests.Mfa;

public sealed class RecoveryCodesTests
{
    [Fact]
    public void Generate_TenDistinctCodesOfTenBase32CharactersInTwoGroups()
    {
        var codes = RecoveryCodes.Generate();

        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        codes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[a-z2-7]{5}-[a-z2-7]{5}$"));
    }

    [Fact]
    public void Generate_EachCallIsANewSet()
    {
        RecoveryCodes.Generate().Intersect(RecoveryCodes.Generate()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("abcde-fgh23")]
    [InlineData("ABCDE-FGH23")]
    [InlineData("abcdefgh23")]
    [InlineData(" abcde fgh23 ")]
    public void Normalize_IgnoresCaseSpacesAndHyphens(string typed)
    {
        RecoveryCodes.Normalize(typed).ShouldBe("ABCDEFGH23");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcde-fgh2")]
    [InlineData("abcde-fgh234")]
    [InlineData("abcde-fgh01")]
    [InlineData("123456")]
    public void Normalize_SomethingThatCannotBeACode_IsNull(string typed)
    {
        RecoveryCodes.Normalize(typed).ShouldBeNull();
    }
}
