using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>Keeps every log entry the app writes, with its scopes, so tests can read the audit trail.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, EventId EventId, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);

    private sealed class RecordingLogger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    values[key] = value;
                }
            }

            provider._scopes.ForEachScope(
                (scope, bag) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> scopePairs)
                    {
                        foreach (var (key, value) in scopePairs)
                        {
                            bag.TryAdd(key, value);
                        }
                    }
                },
                values);
            provider.Entries.Enqueue(new LogEntry(category, eventId, logLevel, formatter(state, exception), values));
        }
    }
}
