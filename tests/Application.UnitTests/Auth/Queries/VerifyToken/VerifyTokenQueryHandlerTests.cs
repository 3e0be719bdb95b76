using NSubstitute;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Auth.Queries.VerifyToken;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.UnitTests.Auth.Queries.VerifyToken;

public sealed class VerifyTokenQueryHandlerTests
{
    private readonly IAccessTokenValidator _validator = Substitute.For<IAccessTokenValidator>();

    [Fact]
    public async Task Handle_ValidToken_ReturnsVerified()
    {
        _validator.IsValidAsync("good.access.token", Arg.Any<CancellationToken>()).Returns(true);

        var result = await new VerifyTokenQueryHandler(_validator)
            .Handle(new VerifyTokenQuery("good.access.token"), CancellationToken.None);

        result.ShouldBe(new TokenVerified());
        await _validator.Received(1).IsValidAsync("good.access.token", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_InvalidToken_ThrowsTokenNotValid()
    {
        _validator.IsValidAsync("forged.access.token", Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<TokenNotValidException>(
            () => new VerifyTokenQueryHandler(_validator)
                .Handle(new VerifyTokenQuery("forged.access.token"), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_PassesTheCancellationTokenToTheValidator()
    {
        using var cancellation = new CancellationTokenSource();
        _validator.IsValidAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(true);

        await new VerifyTokenQueryHandler(_validator).Handle(new VerifyTokenQuery("token"), cancellation.Token);

        await _validator.Received(1).IsValidAsync("token", cancellation.Token);
    }
}
