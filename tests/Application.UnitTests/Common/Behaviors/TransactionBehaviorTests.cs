using Mediator;
using ShopEase.Application.Common.Behaviors;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Common.Behaviors;

public sealed class TransactionBehaviorTests
{
    private readonly InlineTransactionScope _transaction = new();
    private readonly ProbeCommand _message = new("probe");

    [Fact]
    public async Task Handle_RunsTheHandlerInsideOneTransaction_ThenCommitsIt()
    {
        var (runsWhileHandling, commitsWhileHandling) = (-1, -1);
        var behavior = new TransactionBehavior<ProbeCommand, string>(_transaction);

        var response = await behavior.Handle(
            _message,
            (_, _) =>
            {
                (runsWhileHandling, commitsWhileHandling) = (_transaction.Runs, _transaction.Commits);
                return ValueTask.FromResult("handled");
            },
            CancellationToken.None);

        response.ShouldBe("handled");
        (runsWhileHandling, commitsWhileHandling).ShouldBe((1, 0));
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_HandlerThrows_CommitsNothing_AndLetsTheExceptionThrough()
    {
        var behavior = new TransactionBehavior<ProbeCommand, string>(_transaction);

        await Should.ThrowAsync<InvalidOperationException>(
            () => behavior.Handle(_message, (_, _) => throw new InvalidOperationException("out of stock"), CancellationToken.None).AsTask());

        _transaction.Runs.ShouldBe(1);
        _transaction.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_PassesTheCancellationTokenToTheHandler()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;
        var behavior = new TransactionBehavior<ProbeCommand, string>(_transaction);

        await behavior.Handle(
            _message,
            (_, ct) =>
            {
                seen = ct;
                return ValueTask.FromResult("handled");
            },
            cancellation.Token);

        seen.ShouldBe(cancellation.Token);
    }

    public sealed record ProbeCommand(string Name)
        : ICommand<string>,
        ITransactionalCommand;
}
