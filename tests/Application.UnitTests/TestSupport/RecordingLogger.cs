using Microsoft.Extensions.Logging;

namespace ShopEase.Application.UnitTests.TestSupport;

internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message);

/// <summary>Keeps every entry, so a test can read what would have reached the log.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries => _entries;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Add(new LogEntry(logLevel, eventId, formatter(state, exception)));
}
