using OtpNet;
using ShopEase.Application.Mfa;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Mfa;

public sealed class TotpCodesTests
{
    // RFC 6238, appendix B: the SHA-1 test key, at T = 59 s the 8-digit code is 94287082.
    private static readonly byte[] RfcSecret = "12345678901234567890"u8.ToArray();
    private static readonly DateTimeOffset RfcTime = DateTimeOffset.FromUnixTimeSeconds(59);

    [Fact]
    public void MatchStep_TheRfc6238TestVector_IsItsStep()
    {
        TotpCodes.MatchStep(RfcSecret, "287082", RfcTime).ShouldBe(1);
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(0)]
    [InlineData(30)]
    public void MatchStep_ACodeOneStepEitherSide_IsAccepted(int offsetSeconds)
    {
        var now = TestClock.Start;
        var code = TestAuthenticators.CodeAt(now.AddSeconds(offsetSeconds));

        TotpCodes.MatchStep(TestAuthenticators.Secret, code, now).ShouldBe(TestAuthenticators.StepAt(now.AddSeconds(offsetSeconds)));
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    public void MatchStep_ACodeTwoStepsAway_IsRefused(int offsetSeconds)
    {
        var now = TestClock.Start;
        var code = TestAuthenticators.CodeAt(now.AddSeconds(offsetSeconds));

        TotpCodes.MatchStep(TestAuthenticators.Secret, code, now).ShouldBeNull();
    }

    [Fact]
    public void MatchStep_ACodeTypedWithASpace_IsAccepted()
    {
        var code = TestAuthenticators.CodeAt(TestClock.Start);

        TotpCodes.MatchStep(TestAuthenticators.Secret, $"{code[..3]} {code[3..]}", TestClock.Start).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    public void MatchStep_AnythingButSixAsciiDigits_IsRefused(string code)
    {
        TotpCodes.MatchStep(TestAuthenticators.Secret, code, TestClock.Start).ShouldBeNull();
    }

    [Fact]
    public void OtpauthUri_NamesIssuerAndAccount_AndCarriesTheSecretAndTheParameters()
    {
        var uri = TotpCodes.OtpauthUri(RfcSecret, "ann@shop.io");

        uri.ShouldBe("otpauth://totp/ShopEase:ann%40shop.io?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ShopEase&algorithm=SHA1&digits=6&period=30");
    }

    [Fact]
    public void ToBase32_IsTheRfc4648FormAppsRead()
    {
        var base32 = TotpCodes.ToBase32(RfcSecret);

        Base32Encoding.ToBytes(base32).ShouldBe(RfcSecret);
        base32.ShouldNotContain("=");
    }

    [Fact]
    public void NewSecret_Is160RandomBits()
    {
        var first = TotpCodes.NewSecret();
        var second = TotpCodes.NewSecret();

        first.Length.ShouldBe(20);
        first.ShouldNotBe(second);
    }
}
