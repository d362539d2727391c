namespace BotTriage.Bot.Privacy;

/// <summary>The append-only record of every view and export in the therapist workspace, read by the admin role.</summary>
public interface IAuditLog
{
    /// <summary>Appends one entry; completes when it is stored.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken);
}
