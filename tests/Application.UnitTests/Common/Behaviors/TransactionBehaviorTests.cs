using Mediator;
using ShopEase.Application.Common.Behaviors;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Common.Behaviors;

public sealed class TransactionBehaviorTests
{
    private readonly InlineTransactionScope _transaction = new();
    private readonly ProbeCommand _message = new("probe");
    private (int Runs, int Commits)? _whileHandling;
    private CancellationToken _handlerToken;

    [Fact]
    public async Task Handle_RunsTheHandlerInsideOneTransaction_ThenCommitsIt()
    {
        var response = await Behavior().Handle(_message, Handler, CancellationToken.None);

        response.ShouldBe("handled");
        _whileHandling.ShouldBe((1, 0));
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_HandlerThrows_CommitsNothing_AndLetsTheExceptionThrough()
    {
        await Should.ThrowAsync<InvalidOperationException>(
            () => Behavior().Handle(_message, (_, _) => throw new InvalidOperationException("out of stock"), CancellationToken.None).AsTask());

        _transaction.Runs.ShouldBe(1);
        _transaction.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_PassesTheCancellationTokenToTheHandler()
    {
        using var cancellation = new CancellationTokenSource();

        await Behavior().Handle(_message, Handler, cancellation.Token);

        _handlerToken.ShouldBe(cancellation.Token);
    }

    private TransactionBehavior<ProbeCommand, string> Behavior() => new(_transaction);

    private ValueTask<string> Handler(ProbeCommand message, CancellationToken cancellationToken)
    {
        _whileHandling = (_transaction.Runs, _transaction.Commits);
        _handlerToken = cancellationToken;
        return ValueTask.FromResult("handled");
    }

    public sealed record ProbeCommand(string Name)
        : ICommand<string>,
        ITransactionalCommand;
}
