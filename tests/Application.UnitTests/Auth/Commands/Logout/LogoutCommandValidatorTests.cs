using ShopEase.Application.Auth.Commands.Logout;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Auth.Commands.Logout;

public sealed class LogoutCommandValidatorTests
{
    private static readonly Guid CallerId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    [Fact]
    public async Task Validate_RefreshPresent_IsValid()
    {
        var result = await new LogoutCommandValidator().ValidateAsync(new LogoutCommand(CallerId, "some-token"));

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Validate_MissingRefresh_ReportsRefreshRequired(string? refresh)
    {
        var result = await new LogoutCommandValidator().ValidateAsync(new LogoutCommand(CallerId, refresh!));

        result.MessagesFor("Refresh").ShouldBe(["Refresh token is required."]);
    }
}
