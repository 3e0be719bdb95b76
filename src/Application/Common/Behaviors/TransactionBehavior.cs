using Mediator;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.Common.Behaviors;

/// <summary>
/// Runs the handler of an <see cref="ITransactionalCommand"/> inside one transaction of
/// <see cref="ITransactionScope"/>, as eShop's TransactionBehavior does: repositories never open one
/// themselves.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(ITransactionScope transaction)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITransactionalCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        await transaction.RunAsync(async ct => await next(message, ct), cancellationToken);
}
