namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Runs several repository calls as one database transaction: all of them happen, or none. Used
/// where a half-done use case would hurt, like an account created without its first session.
/// </summary>
public interface ITransactionScope
{
    Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
