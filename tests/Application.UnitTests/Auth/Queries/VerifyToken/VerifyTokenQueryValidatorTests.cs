using ShopEase.Application.Auth.Queries.VerifyToken;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Queries.VerifyToken;

public sealed class VerifyTokenQueryValidatorTests
{
    [Fact]
    public async Task Validate_TokenPresent_IsValid()
    {
        var result = await new VerifyTokenQueryValidator().ValidateAsync(new VerifyTokenQuery("a.b.c"));

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Validate_MissingToken_ReportsTokenRequired(string? token)
    {
        var result = await new VerifyTokenQueryValidator().ValidateAsync(new VerifyTokenQuery(token!));

        result.MessagesFor("Token").ShouldBe(["Token is required."]);
    }
}
