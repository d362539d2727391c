using BotTriage.Bot.Privacy;

namespace BotTriage.Bot.Tests.Privacy;

/// <summary>The behaviour every <see cref="IAuditLog"/> must have; each provider's test class inherits it.</summary>
public abstract class AuditLogContractTests : IDisposable
{
    private IAuditLog? _log;

    protected IAuditLog Log => _log ??= CreateLog();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract IAuditLog CreateLog();

    protected virtual void Dispose(bool disposing)
    {
    }

    [Fact]
    public async Task ListsEntriesNewestFirstWithWhoWhatAndWhen()
    {
        var time = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        await Log.AppendAsync(new AuditEntry(time, "anna", "view", "webchat", "c1"), CancellationToken.None);
        await Log.AppendAsync(new AuditEntry(time.AddMinutes(1), "bram", "export-fhir", "webchat", "c2"), CancellationToken.None);
        await Log.AppendAsync(new AuditEntry(time.AddMinutes(2), "anna", "list"), CancellationToken.None);

        var entries = await Log.ListAsync(0, 10, CancellationToken.None);

        Assert.Equal(
            [new AuditEntry(time.AddMinutes(2), "anna", "list"), new AuditEntry(time.AddMinutes(1), "bram", "export-fhir", "webchat", "c2"), new AuditEntry(time, "anna", "view", "webchat", "c1")],
            entries);
        Assert.Equal(["export-fhir"], (await Log.ListAsync(1, 1, CancellationToken.None)).Select(e => e.Action));
    }
}
