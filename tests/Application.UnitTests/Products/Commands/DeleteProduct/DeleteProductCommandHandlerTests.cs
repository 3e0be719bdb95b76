using Mediator;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Products.Commands.DeleteProduct;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Products.Commands.DeleteProduct;

public sealed class DeleteProductCommandHandlerTests
{
    private static readonly Guid MugId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000a1");

    private readonly IProductRepository _products = Substitute.For<IProductRepository>();
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Fact]
    public async Task Handle_LiveProduct_SoftDeletesItAtTheClocksNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(3));
        _products.SoftDeleteAsync(MugId, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);

        var result = await CreateHandler().Handle(new DeleteProductCommand(MugId), CancellationToken.None);

        result.ShouldBe(Unit.Value);
        await _products.Received(1).SoftDeleteAsync(MugId, TestClock.Start.AddMinutes(3), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_UnknownOrAlreadyDeletedProduct_ThrowsNotFound()
    {
        _products.SoftDeleteAsync(MugId, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<NotFoundException>(
            () => CreateHandler().Handle(new DeleteProductCommand(MugId), CancellationToken.None).AsTask());
    }

    private DeleteProductCommandHandler CreateHandler() => new(_products, _clock);
}
