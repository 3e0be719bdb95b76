namespace ShopEase.Application.Common.Behaviors;

/// <summary>
/// A command whose whole handler is one database transaction (<see cref="TransactionBehavior{TMessage, TResponse}"/>):
/// everything it writes commits when the handler returns, and nothing does when it throws. Validators run
/// before the transaction opens.
/// </summary>
public interface ITransactionalCommand
{
}
