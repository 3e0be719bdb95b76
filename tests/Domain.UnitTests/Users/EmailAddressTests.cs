using ShopEase.Domain.Users;

namespace ShopEase.Domain.UnitTests.Users;

public sealed class EmailAddressTests
{
    [Fact]
    public void Normalize_TrimsSurroundingWhiteSpace()
    {
        var normalized = EmailAddress.Normalize(" \t ann@shop.io \r\n");

        normalized.ShouldBe("ann@shop.io");
    }

    [Fact]
    public void Normalize_FoldsCaseToLowerCase()
    {
        var normalized = EmailAddress.Normalize("Ann.Lee@Shop.IO");

        normalized.ShouldBe("ann.lee@shop.io");
    }

    [Fact]
    public void Normalize_ContractExample_BothSpellingsAreOneAccount()
    {
        var first = EmailAddress.Normalize("Ann@Shop.io ");
        var second = EmailAddress.Normalize("ann@shop.io");

        first.ShouldBe(second);
    }

    [Fact]
    public void Normalize_KeepsInnerCharactersAsTheyAre()
    {
        var normalized = EmailAddress.Normalize("ann.lee+orders@mail.shop.io");

        normalized.ShouldBe("ann.lee+orders@mail.shop.io");
    }

    [Fact]
    public void Normalize_Null_Throws()
    {
        Should.Throw<ArgumentNullException>(() => EmailAddress.Normalize(null!));
    }

    [Theory]
    [InlineData("ann@shop.io")]
    [InlineData("a@b.c")]
    [InlineData("Ann.Lee+orders@mail.shop.io")]
    [InlineData("ann_lee-1@shop-2.example.com")]
    public void IsWellFormed_OrdinaryAddress_ReturnsTrue(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeTrue();
    }

    [Theory]
    [InlineData(" ann@shop.io")]
    [InlineData("ann@shop.io ")]
    [InlineData("\t ann@shop.io \r\n")]
    public void IsWellFormed_SurroundingWhiteSpace_IsIgnored(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void IsWellFormed_EmptyOrWhiteSpaceOnly_ReturnsFalse(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Theory]
    [InlineData("annshop.io")]
    [InlineData("ann@@shop.io")]
    [InlineData("ann@lee@shop.io")]
    [InlineData("ann@shop.io@")]
    public void IsWellFormed_NotExactlyOneAtSign_ReturnsFalse(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Theory]
    [InlineData("@shop.io")]
    [InlineData(" @shop.io")]
    public void IsWellFormed_EmptyLocalPart_ReturnsFalse(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ann@")]
    [InlineData("ann@shop")]
    [InlineData("ann@localhost")]
    public void IsWellFormed_DomainWithoutDot_ReturnsFalse(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ann@.")]
    [InlineData("ann@.shop.io")]
    [InlineData("ann@shop.io.")]
    [InlineData("ann@shop..io")]
    public void IsWellFormed_DomainWithEmptyLabel_ReturnsFalse(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ann lee@shop.io")]
    [InlineData("ann@shop .io")]
    [InlineData("ann\t@shop.io")]
    [InlineData("ann\n@shop.io")]
    [InlineData("ann\u00A0lee@shop.io")]
    [InlineData("ann\u2028lee@shop.io")]
    [InlineData("ann\u3000lee@shop.io")]
    public void IsWellFormed_WhiteSpaceInside_ReturnsFalse(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ann\0@shop.io")]
    [InlineData("ann@shop.io\0")]
    [InlineData("\0ann@shop.io")]
    [InlineData("ann\u0007@shop.io")]
    [InlineData("ann\u001B@shop.io")]
    [InlineData("ann@shop\u007F.io")]
    [InlineData("ann@shop\u0085.io")]
    public void IsWellFormed_ControlCharacter_ReturnsFalse(string email)
    {
        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Fact]
    public void IsWellFormed_LocalPartOf64Characters_ReturnsTrue()
    {
        var email = new string('a', 64) + "@shop.io";

        EmailAddress.IsWellFormed(email).ShouldBeTrue();
    }

    [Fact]
    public void IsWellFormed_LocalPartOf65Characters_ReturnsFalse()
    {
        var email = new string('a', 65) + "@shop.io";

        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Fact]
    public void IsWellFormed_254CharactersInAll_ReturnsTrue()
    {
        var email = AddressOfLength(254);

        EmailAddress.IsWellFormed(email).ShouldBeTrue();
    }

    [Fact]
    public void IsWellFormed_255CharactersInAll_ReturnsFalse()
    {
        var email = AddressOfLength(255);

        EmailAddress.IsWellFormed(email).ShouldBeFalse();
    }

    [Fact]
    public void IsWellFormed_254CharactersOnceTrimmed_ReturnsTrue()
    {
        var email = "   " + AddressOfLength(254) + "\t ";

        EmailAddress.IsWellFormed(email).ShouldBeTrue();
    }

    [Fact]
    public void IsWellFormed_Null_Throws()
    {
        Should.Throw<ArgumentNullException>(() => EmailAddress.IsWellFormed(null!));
    }

    [Theory]
    [InlineData("  Ann@Shop.IO ")]
    [InlineData("ANN.LEE+ORDERS@MAIL.SHOP.IO")]
    public void Normalize_OfWellFormedAddress_IsStillWellFormed(string email)
    {
        var normalized = EmailAddress.Normalize(email);

        EmailAddress.IsWellFormed(normalized).ShouldBeTrue();
    }

    /// <summary>
    /// A 64-character local part and a domain of DNS-sized labels (at most 63 characters) ending
    /// in <c>.io</c>, exactly <paramref name="length"/> characters long.
    /// </summary>
    private static string AddressOfLength(int length)
    {
        var local = new string('a', 64);
        var labelsLength = length - local.Length - "@".Length - ".io".Length;
        var labels = new List<string>();
        while (labelsLength > 63)
        {
            labels.Add(new string('d', 62));
            labelsLength -= 63;
        }

        labels.Add(new string('d', labelsLength));
        var email = $"{local}@{string.Join('.', labels)}.io";
        if (email.Length != length)
        {
            throw new InvalidOperationException($"Built {email.Length} characters, wanted {length}.");
        }

        return email;
    }
}
