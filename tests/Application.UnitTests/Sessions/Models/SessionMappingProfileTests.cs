using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using ShopEase.Application.Sessions.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Sessions;

namespace ShopEase.Application.UnitTests.Sessions.Models;

public sealed class SessionMappingProfileTests
{
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly AuthSession _session =
        AuthSession.Start(UserId, TestClock.Start, TimeSpan.FromDays(30), "curl/8.5", "203.0.113.7");

    [Fact]
    public void Configuration_MapsEveryDestinationMember()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddProfile<SessionMappingProfile>(), NullLoggerFactory.Instance);

        Should.NotThrow(configuration.AssertConfigurationIsValid);
    }

    [Fact]
    public void Map_SessionThatIsTheCurrentOne_CopiesEveryFieldAndMarksItCurrent()
    {
        var dto = TestMapper.Instance.Map<SessionDto>(
            _session, o => o.Items[SessionMappingProfile.CurrentSessionIdKey] = _session.Id);

        dto.ShouldBe(new SessionDto(_session.Id, TestClock.Start, TestClock.Start, "curl/8.5", "203.0.113.7", Current: true));
    }

    [Fact]
    public void Map_AnotherSessionIsCurrent_MarksItNotCurrent()
    {
        var dto = TestMapper.Instance.Map<SessionDto>(
            _session, o => o.Items[SessionMappingProfile.CurrentSessionIdKey] = Guid.NewGuid());

        dto.Current.ShouldBeFalse();
    }

    [Fact]
    public void Map_CurrentSessionIdOfTheWrongType_MarksItNotCurrent()
    {
        var dto = TestMapper.Instance.Map<SessionDto>(
            _session, o => o.Items[SessionMappingProfile.CurrentSessionIdKey] = _session.Id.ToString());

        dto.Current.ShouldBeFalse();
    }

    [Fact]
    public void Map_NoCurrentSessionIdItem_MarksItNotCurrent()
    {
        var dto = TestMapper.Instance.Map<SessionDto>(_session, o => o.Items["Unrelated"] = 1);

        dto.Current.ShouldBeFalse();
    }

    // Without options AutoMapper has no Items at all; reading them would throw.
    [Fact]
    public void Map_WithoutMappingOptions_MarksItNotCurrent()
    {
        var dto = TestMapper.Instance.Map<SessionDto>(_session);

        dto.Current.ShouldBeFalse();
    }
}
