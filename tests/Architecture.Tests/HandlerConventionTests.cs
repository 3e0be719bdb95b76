using Mediator;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Auth.Queries.GetCurrentUser;
using ShopEase.Application.Auth.Commands.LoginMfa;
using ShopEase.Application.Carts.Commands.ClearCart;
using ShopEase.Application.Carts.Commands.SetCartItem;
using ShopEase.Application.Carts.Queries.GetCart;
using ShopEase.Application.Mfa.Commands.ConfirmTotp;
using ShopEase.Application.Mfa.Commands.SetupTotp;
using ShopEase.Application.Orders.Commands.Checkout;
using ShopEase.Application.Orders.Queries.GetOrder;
using ShopEase.Application.Orders.Queries.ListOrders;
using ShopEase.Application.Products.Commands.CreateProduct;
using ShopEase.Application.Products.Commands.DeleteProduct;
using ShopEase.Application.Products.Commands.UpdateProduct;
using ShopEase.Application.Products.Queries.GetProduct;
using ShopEase.Application.Products.Queries.ListProducts;

namespace ShopEase.Architecture.Tests;

/// <summary>A use case is found by its name, its handler beside its message in its feature folder.</summary>
public sealed class HandlerConventionTests
{
    private static readonly Type[] CommandHandlerInterfaces = [typeof(ICommandHandler<,>), typeof(ICommandHandler<>)];
    private static readonly Type[] QueryHandlerInterfaces = [typeof(IQueryHandler<,>)];

    private static readonly Type[] Handlers = Layers.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && HandledMessage(t) is not null)
        .ToArray();

    // Every feature folder is named here, so a rule below that passes cannot be passing because
    // the scan missed a feature.
    [Theory]
    [InlineData(typeof(RegisterCommandHandler))]
    [InlineData(typeof(GetCurrentUserQueryHandler))]
    [InlineData(typeof(LoginMfaCommandHandler))]
    [InlineData(typeof(SetupTotpCommandHandler))]
    [InlineData(typeof(ConfirmTotpCommandHandler))]
    [InlineData(typeof(CreateProductCommandHandler))]
    [InlineData(typeof(UpdateProductCommandHandler))]
    [InlineData(typeof(DeleteProductCommandHandler))]
    [InlineData(typeof(GetProductQueryHandler))]
    [InlineData(typeof(ListProductsQueryHandler))]
    [InlineData(typeof(GetCartQueryHandler))]
    [InlineData(typeof(SetCartItemCommandHandler))]
    [InlineData(typeof(ClearCartCommandHandler))]
    [InlineData(typeof(CheckoutCommandHandler))]
    [InlineData(typeof(GetOrderQueryHandler))]
    [InlineData(typeof(ListOrdersQueryHandler))]
    public void Handlers_AreFound(Type handler)
    {
        Handlers.ShouldContain(handler);
    }

    [Fact]
    public void Handlers_AreSealed()
    {
        var unsealed = Handlers.Where(h => !h.IsSealed).Select(h => h.FullName);

        unsealed.ShouldBeEmpty();
    }

    [Fact]
    public void Handlers_LiveInTheNamespaceOfTheirMessage()
    {
        var misplaced = Handlers
            .Where(h => h.Namespace != HandledMessage(h)!.Namespace)
            .Select(h => $"{h.FullName} handles {HandledMessage(h)!.FullName}");

        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void CommandHandlers_LiveInAUseCaseFolderUnderCommands()
    {
        var misplaced = Handlers
            .Where(h => Implements(h, CommandHandlerInterfaces) is not null && ParentSegment(h) != "Commands")
            .Select(h => h.FullName);

        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void QueryHandlers_LiveInAUseCaseFolderUnderQueries()
    {
        var misplaced = Handlers
            .Where(h => Implements(h, QueryHandlerInterfaces) is not null && ParentSegment(h) != "Queries")
            .Select(h => h.FullName);

        misplaced.ShouldBeEmpty();
    }

    private static Type? HandledMessage(Type type) =>
        Implements(type, [.. CommandHandlerInterfaces, .. QueryHandlerInterfaces])?.GetGenericArguments()[0];

    private static Type? Implements(Type type, Type[] openInterfaces) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && openInterfaces.Contains(i.GetGenericTypeDefinition()));

    /// <summary>"Commands" for <c>ShopEase.Application.Auth.Commands.Register</c>.</summary>
    private static string? ParentSegment(Type type)
    {
        var segments = type.Namespace?.Split('.') ?? [];
        return segments.Length >= 2 ? segments[^2] : null;
    }
}
