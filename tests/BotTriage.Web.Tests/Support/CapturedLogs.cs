using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BotTriage.Web.Tests.Support;

/// <summary>A logger provider that keeps every entry a host writes (category, level, message), for tests that read the log.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>
    /// The one entry that matches, waiting for it up to <paramref name="timeout"/>: the host's start line is written by
    /// an <c>ApplicationStarted</c> callback on the app's own thread, which may run just after the test host reports
    /// that the app started.
    /// </summary>
    public (string Category, LogLevel Level, string Message) WaitForOne(Func<(string Category, LogLevel Level, string Message), bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + timeout;
        while (!_entries.Any(match) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        return Assert.Single(Entries, e => match(e));
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
