using Mediator;
using ShopEase.Application.Common.Behaviors;

namespace ShopEase.Application.Products.Commands.DeleteProduct;

public sealed record DeleteProductCommand(Guid ProductId)
    : ICommand,
    ITransactionalCommand;
