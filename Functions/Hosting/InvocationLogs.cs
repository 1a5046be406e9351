using Microsoft.Extensions.Logging;

namespace Digest.Hosting;

/// <summary>
/// Collects the log lines written during one invocation, so the handler can return them in the response's
/// <c>Logs</c> (the host writes them to the function's own log). Lines carry the formatted message only; log
/// templates never include email addresses or article text.
/// </summary>
public sealed class InvocationLogs : ILoggerProvider
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Starts collecting for the current invocation; dispose the result to stop.</summary>
    public static Collector Begin() => new();

    public ILogger CreateLogger(string categoryName) => new CollectingLogger();

    public void Dispose()
    {
    }

    /// <summary>The lines of one invocation.</summary>
    public sealed class Collector : IDisposable
    {
        private readonly List<string>? previous = Current.Value;
        private readonly List<string> lines = [];

        internal Collector() => Current.Value = lines;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (lines)
                {
                    return lines.ToArray();
                }
            }
        }

        public void Dispose() => Current.Value = previous;
    }

    private sealed class CollectingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && Current.Value is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && Current.Value is { } lines)
            {
                lock (lines)
                {
                    lines.Add($"{logLevel}: {formatter(state, exception)}");
                }
            }
        }
    }
}
