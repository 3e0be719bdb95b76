using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.UnitTests.TestSupport;

/// <summary>Runs the work at once and remembers whether it ran inside a transaction and whether that committed.</summary>
public sealed class InlineTransactionScope : ITransactionScope
{
    public int Runs { get; private set; }

    public int Commits { get; private set; }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Runs++;
        var result = await work(cancellationToken);
        Commits++;
        return result;
    }
}
