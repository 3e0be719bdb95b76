namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// The one way to make several repository calls one database transaction: all of them happen, or none.
/// <see cref="Behaviors.TransactionBehavior{TMessage, TResponse}"/> runs a whole
/// <see cref="Behaviors.ITransactionalCommand"/> through it. A handler calls it itself only for the part of
/// its work that must be atomic, when the rest must stay outside: an attempt counted before a password or
/// code is checked (it must stay counted when the check fails), or a password hash (it must not hold a
/// connection). Transactions do not nest.
/// </summary>
public interface ITransactionScope
{
    Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
