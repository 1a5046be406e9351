using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Digest.Tests.Mail;

/// <summary>A log that keeps every formatted line and exception message, to check what a log would show.</summary>
internal sealed class CollectingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Lines.Enqueue(formatter(state, exception));
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            Lines.Enqueue(inner.Message);
        }
    }
}
