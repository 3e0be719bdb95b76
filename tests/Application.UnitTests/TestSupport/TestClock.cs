using Microsoft.Extensions.Time.Testing;

namespace ShopEase.Application.UnitTests.TestSupport;

internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
