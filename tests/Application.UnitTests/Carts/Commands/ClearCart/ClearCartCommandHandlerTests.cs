using Mediator;
using NSubstitute;
using ShopEase.Application.Carts.Commands.ClearCart;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.UnitTests.Carts.Commands.ClearCart;

public sealed class ClearCartCommandHandlerTests
{
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly ICartRepository _carts = Substitute.For<ICartRepository>();

    [Fact]
    public async Task Handle_ClearsTheCallersCart()
    {
        using var cancellation = new CancellationTokenSource();

        var result = await new ClearCartCommandHandler(_carts).Handle(new ClearCartCommand(UserId), cancellation.Token);

        result.ShouldBe(Unit.Value);
        await _carts.Received(1).ClearAsync(UserId, cancellation.Token);
    }
}
