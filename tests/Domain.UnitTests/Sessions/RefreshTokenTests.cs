using ShopEase.Domain.Sessions;

namespace ShopEase.Domain.UnitTests.Sessions;

public sealed class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);
    private static readonly Guid SessionId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000aa");

    [Fact]
    public void Issue_With32ByteHash_KeepsSessionHashAndTimes()
    {
        var hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var token = RefreshToken.Issue(SessionId, hash, Now, Now.AddDays(1));

        token.SessionId.ShouldBe(SessionId);
        token.TokenHash.ShouldBe(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        token.CreatedAt.ShouldBe(Now);
        token.ExpiresAt.ShouldBe(Now.AddDays(1));
    }

    [Fact]
    public void Issue_SetsAVersion7Id()
    {
        var token = RefreshToken.Issue(SessionId, new byte[32], Now, Now.AddDays(1));

        token.Id.ShouldNotBe(Guid.Empty);
        token.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void Issue_IsNotSpent()
    {
        var token = RefreshToken.Issue(SessionId, new byte[32], Now, Now.AddDays(1));

        token.SpentAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Issue_HashThatIsNot32Bytes_Throws(int length)
    {
        var exception = Should.Throw<ArgumentException>(
            () => RefreshToken.Issue(SessionId, new byte[length], Now, Now.AddDays(1)));

        exception.ParamName.ShouldBe("tokenHash");
    }

    [Fact]
    public void Issue_NullHash_Throws()
    {
        Should.Throw<ArgumentNullException>(() => RefreshToken.Issue(SessionId, null!, Now, Now.AddDays(1)));
    }
}
