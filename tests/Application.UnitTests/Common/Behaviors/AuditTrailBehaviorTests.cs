using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.UnitTests.Common.Behaviors;

public sealed class AuditTrailBehaviorTests
{
    private readonly AuditedProbe _message = new("probe");
    private readonly IAuditEvents<AuditedProbe, string> _events = Substitute.For<IAuditEvents<AuditedProbe, string>>();

    [Fact]
    public async Task Handle_TheCommandSucceeds_RecordsItsSuccessWithTheResponse()
    {
        var response = await Behavior().Handle(_message, (m, _) => ValueTask.FromResult("done"), CancellationToken.None);

        response.ShouldBe("done");
        _events.Received(1).Succeeded(Arg.Any<ILogger>(), _message, "done");
        _events.DidNotReceiveWithAnyArgs().Failed(default!, default!, default!);
    }

    [Fact]
    public async Task Handle_TheCommandFails_RecordsTheFailureAndRethrowsTheSameException()
    {
        var failure = new InvalidOperationException("refused");

        var thrown = await Should.ThrowAsync<InvalidOperationException>(
            Behavior().Handle(_message, (m, _) => throw failure, CancellationToken.None).AsTask());

        thrown.ShouldBeSameAs(failure);
        _events.Received(1).Failed(Arg.Any<ILogger>(), _message, failure);
        _events.DidNotReceiveWithAnyArgs().Succeeded(default!, default!, default!);
    }

    private AuditTrailBehavior<AuditedProbe, string> Behavior() =>
        new(NullLogger<AuditTrailBehavior<AuditedProbe, string>>.Instance, _events);

    public sealed record AuditedProbe(string Name) : ICommand<string>, IAuditedCommand;
}
