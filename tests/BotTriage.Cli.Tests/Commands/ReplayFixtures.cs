namespace BotTriage.Cli.Tests.Commands;

/// <summary>
/// A scratch folder of scripts for <c>bottriage replay</c>, deleted on dispose. The scripts lean on what holds for
/// every flow (an emergency phrase interrupts at once), so they keep working while the triage content changes.
/// </summary>
internal sealed class ReplayFixtures : IDisposable
{
    public const string Matching = """
        name: Pijn op de borst
        culture: nl
        turns:
          - ik heb pijn op de borst
        expect:
          urgency: T0
          routes: [emergency-112]
          massageTypes: []
          emergency: true
        """;

    public const string Differing = """
        name: Chest pain expected as a GP visit
        culture: en
        turns:
          - I have chest pain
        expect:
          urgency: T3
          routes: [gp, physio]
          massageTypes: []
          emergency: false
        """;

    /// <summary>A stored conversation whose recorded outcome (T3, GP) the emergency phrase no longer gives.</summary>
    public const string ChangedTranscript = """
        [
          {"type": "message", "from": {"id": "u", "role": "user"}, "text": "hoi", "timestamp": "2026-11-20T09:00:00Z"},
          {"type": "message", "from": {"id": "b", "role": "bot"}, "locale": "nl-NL", "text": "Hallo!", "timestamp": "2026-11-20T09:00:01Z"},
          {"type": "message", "from": {"id": "u", "role": "user"}, "text": "druk op de borst", "timestamp": "2026-11-20T09:00:10Z"},
          {"type": "event", "name": "bottriage.outcome", "from": {"id": "b", "role": "bot"},
           "value": {"urgency": "T3", "routes": ["gp"], "massageTypes": [], "redFlags": [], "reasons": [], "completed": true, "emergency": false}}
        ]
        """;

    public ReplayFixtures()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "bottriage-replay-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
