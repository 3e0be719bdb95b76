using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Sessions.Models;
using ShopEase.Application.Sessions.Queries.ListSessions;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Sessions;

namespace ShopEase.Application.UnitTests.Sessions.Queries.ListSessions;

public sealed class ListSessionsQueryHandlerTests
{
    private static readonly Guid CallerId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly ISessionStore _sessions = Substitute.For<ISessionStore>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly AuthSession _laptop = AuthSession.Start(CallerId, TestClock.Start.AddDays(-2), Lifetime, "Firefox/140", "203.0.113.7");
    private readonly AuthSession _phone = AuthSession.Start(CallerId, TestClock.Start.AddHours(-3), Lifetime, "ShopEase-iOS/2.1", "198.51.100.20");

    public ListSessionsQueryHandlerTests()
    {
        _sessions
            .ListLiveAsync(CallerId, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns([_phone, _laptop]);
    }

    [Fact]
    public async Task Handle_AsksForTheCallersLiveSessionsAtTheClocksNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(7));

        await CreateHandler().Handle(new ListSessionsQuery(CallerId, _phone.Id), CancellationToken.None);

        await _sessions.Received(1).ListLiveAsync(CallerId, TestClock.Start.AddMinutes(7), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ReturnsEverySessionInTheRepositorysOrder()
    {
        var result = await CreateHandler().Handle(new ListSessionsQuery(CallerId, _phone.Id), CancellationToken.None);

        result.Select(s => s.Id).ShouldBe([_phone.Id, _laptop.Id]);
    }

    [Fact]
    public async Task Handle_MarksOnlyTheCallersSessionCurrent()
    {
        var result = await CreateHandler().Handle(new ListSessionsQuery(CallerId, _laptop.Id), CancellationToken.None);

        result.Select(s => s.Current).ShouldBe([false, true]);
    }

    [Fact]
    public async Task Handle_CallersSessionNotAmongTheLiveOnes_MarksNoneCurrent()
    {
        var result = await CreateHandler().Handle(new ListSessionsQuery(CallerId, Guid.NewGuid()), CancellationToken.None);

        result.Select(s => s.Current).ShouldBe([false, false]);
    }

    [Fact]
    public async Task Handle_MapsEachSessionsTimesUserAgentAndIpAddress()
    {
        var result = await CreateHandler().Handle(new ListSessionsQuery(CallerId, _phone.Id), CancellationToken.None);

        result[1].ShouldBe(new SessionDto(
            _laptop.Id, TestClock.Start.AddDays(-2), TestClock.Start.AddDays(-2), "Firefox/140", "203.0.113.7", Current: false));
    }

    [Fact]
    public async Task Handle_IpComesFromTheSessionsIpAddress()
    {
        var result = await CreateHandler().Handle(new ListSessionsQuery(CallerId, _phone.Id), CancellationToken.None);

        result.Select(s => s.Ip).ShouldBe(["198.51.100.20", "203.0.113.7"]);
    }

    [Fact]
    public async Task Handle_SessionWithUnknownClient_MapsNullUserAgentAndIp()
    {
        var anonymous = AuthSession.Start(CallerId, TestClock.Start, Lifetime, userAgent: null, ipAddress: null);
        _sessions.ListLiveAsync(CallerId, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns([anonymous]);

        var result = await CreateHandler().Handle(new ListSessionsQuery(CallerId, anonymous.Id), CancellationToken.None);

        result.ShouldHaveSingleItem().ShouldBe(
            new SessionDto(anonymous.Id, TestClock.Start, TestClock.Start, UserAgent: null, Ip: null, Current: true));
    }

    [Fact]
    public async Task Handle_NoLiveSessions_ReturnsAnEmptyList()
    {
        _sessions.ListLiveAsync(CallerId, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns([]);

        var result = await CreateHandler().Handle(new ListSessionsQuery(CallerId, _phone.Id), CancellationToken.None);

        result.ShouldBeEmpty();
    }

    private ListSessionsQueryHandler CreateHandler() => new(_sessions, TestMapper.Instance, _clock);
}
