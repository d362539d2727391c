namespace BotTriage.Bot.Privacy;

/// <summary><see cref="IAuditLog"/> in process memory, for development and tests; gone on restart.</summary>
public sealed class MemoryAuditLog : IAuditLog
{
    private readonly List<AuditEntry> _entries = [];
    private readonly Lock _lock = new();

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            // Appended in order, so newest first is the list reversed; the sort keeps that order within a tick.
            IReadOnlyList<AuditEntry> page = [.. Enumerable.Reverse(_entries).OrderByDescending(e => e.Time).Skip(skip).Take(take)];
            return Task.FromResult(page);
        }
    }
}
