using ShopEase.Application.Auth.Commands.Refresh;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Commands.Refresh;

public sealed class RefreshTokenCommandValidatorTests
{
    [Fact]
    public async Task Validate_RefreshPresent_IsValid()
    {
        var result = await new RefreshTokenCommandValidator().ValidateAsync(new RefreshTokenCommand("some-token"));

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Validate_MissingRefresh_ReportsRefreshRequired(string? refresh)
    {
        var result = await new RefreshTokenCommandValidator().ValidateAsync(new RefreshTokenCommand(refresh!));

        result.MessagesFor("Refresh").ShouldBe(["Refresh token is required."]);
    }
}
