using Microsoft.Extensions.Logging;

namespace Digest.Tests.Summaries.Language;

/// <summary>One log entry: its level, its message template and the formatted message.</summary>
internal sealed record LogEntry(LogLevel Level, string Template, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>A logger that keeps what is logged, to check what operators would read.</summary>
internal sealed class LogSink<T> : ILogger<T>
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<LogEntry> Warnings => Entries.Where(e => e.Level == LogLevel.Warning).ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        var entry = new LogEntry(
            logLevel,
            values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string ?? "",
            formatter(state, exception),
            values.Where(v => v.Key != "{OriginalFormat}").ToDictionary(v => v.Key, v => v.Value));
        lock (_lock)
        {
            _entries.Add(entry);
        }
    }
}
