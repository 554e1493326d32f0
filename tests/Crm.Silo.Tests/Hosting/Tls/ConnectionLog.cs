using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Tests.Hosting.Tls;

/// <summary>What one silo's connection-security layer (Orleans.Connections.Security) logged at warning or above.</summary>
public sealed class ConnectionLog : ILoggerProvider
{
    private const string SecurityCategory = "Orleans.Connections.Security";

    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName.StartsWith(SecurityCategory, StringComparison.Ordinal) ? _entries : null);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string>? entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => entries is not null && logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries!.Enqueue(formatter(state, exception));
            }
        }
    }
}
