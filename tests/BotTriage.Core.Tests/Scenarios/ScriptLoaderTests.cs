using BotTriage.Core.Dialogs;
using BotTriage.Core.Scenarios;

namespace BotTriage.Core.Tests.Scenarios;

public sealed class ScriptLoaderTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "bottriage-scripts-" + Guid.NewGuid().ToString("N"));

    public ScriptLoaderTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void ReadsAVignetteWithItsTurnsDayAndExpectations()
    {
        var errors = new List<DialogError>();

        var script = ScriptLoader.LoadFile(ScenarioFixtures.File("vignettes/matching.yaml"), errors);

        Assert.Empty(errors);
        Assert.NotNull(script);
        Assert.Equal("Pijn op de borst bij de eerste vraag", script.Name);
        Assert.Equal(ScriptKind.Vignette, script.Kind);
        Assert.Equal("nl", script.Culture);
        Assert.Equal(new DateOnly(2026, 11, 21), script.Today);
        Assert.Equal(["ik heb pijn op de borst"], script.Turns.Select(t => t.Text));
        Assert.Equal(["completed", "emergency", "massageTypes", "redFlags", "routes", "urgency"], script.Expected.Fields.Keys);
        Assert.False(script.Expected.Complete);
        Assert.Equal("T0", script.Expected.Fields["urgency"].Value.GetString());
        Assert.Equal(8, script.Expected.Fields["urgency"].Line);
    }

    [Fact]
    public void FindsScriptsInNestedFoldersInPathOrder()
    {
        var (scripts, errors) = ScriptLoader.Load([Path.Combine(ScenarioFixtures.Folder, "vignettes")]);

        Assert.Empty(errors);
        Assert.Equal(["matching.yaml", "differing.yaml"], scripts.Select(s => Path.GetFileName(s.File)));
    }

    [Fact]
    public void ReportsBrokenYamlWithItsLineAndKeepsReadingTheOtherFiles()
    {
        var broken = ScenarioFixtures.File("broken.yaml");

        var (scripts, errors) = ScriptLoader.Load([broken, ScenarioFixtures.File("vignettes/matching.yaml")]);

        var error = Assert.Single(errors);
        Assert.Equal(broken, error.File);
        Assert.Equal(5, error.Line);
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal("Pijn op de borst bij de eerste vraag", Assert.Single(scripts).Name);
    }

    [Fact]
    public void RejectsAnUnknownExpectationKeyOnItsLine()
    {
        var errors = new List<DialogError>();

        var script = ScriptLoader.LoadFile(ScenarioFixtures.File("unknown-key.yaml"), errors);

        Assert.Null(script);
        var error = Assert.Single(errors);
        Assert.Equal(9, error.Line);
        Assert.Contains("unknown key 'redflags'", error.Message, StringComparison.Ordinal);
        Assert.Contains("redFlags", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryProblemOfAVignetteWithItsLine()
    {
        var path = Write("problems.yaml", """
            name: Problems
            culture: de
            today: 21-11-2026
            turn: [ja]
            expect:
              urgency: T9
              routes: gp
              emergency: maybe
              reasons: [fever]
            """);
        var errors = new List<DialogError>();

        var script = ScriptLoader.LoadFile(path, errors);

        Assert.Null(script);
        Assert.All(errors, e => Assert.Equal(path, e.File));
        Assert.Equal(
            [
                "1: the vignette has no 'turns'",
                "2: culture must be nl or en, not 'de'",
                "3: today must be a date as YYYY-MM-DD, not '21-11-2026'",
                "4: the vignette has an unknown key 'turn'",
                "6: 'expect' has no 'massageTypes'",
                "6: 'urgency' must be one of T0, T1, T2, T3, T4, none",
                "7: 'routes' must be a list of codes, such as [a, b] or []",
                "8: 'emergency' must be true or false",
                "9: 'reasons' cannot be expected in a vignette",
            ],
            errors.Select(e => $"{e.Line}: {e.Message}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RejectsTurnsThatAreNotSingleLinesOfText()
    {
        var path = Write("turns.yaml", """
            name: Turns
            culture: en
            turns:
              - yes
              - { text: neck }
              - |
                two
                lines
            expect: { urgency: none, routes: [], massageTypes: [] }
            """);
        var errors = new List<DialogError>();

        Assert.Null(ScriptLoader.LoadFile(path, errors));

        Assert.Equal(["5: each turn must be a message as text", "6: a turn must be a single line"], errors.Select(e => $"{e.Line}: {e.Message}"));
    }

    [Fact]
    public void AcceptsContraindicationsBeforeTheOutcomeCarriesThem()
    {
        var path = Write("contra.yaml", "name: C\nculture: en\nturns: [yes]\nexpect: { urgency: none, routes: [], massageTypes: [], contraindications: [pregnancy] }\n");
        var errors = new List<DialogError>();

        var script = ScriptLoader.LoadFile(path, errors);

        Assert.Empty(errors);
        Assert.Equal(["pregnancy"], script!.Expected.Fields["contraindications"].Value.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void ReadsATranscriptsUserMessagesAsTurnsAndItsOutcomeEventAsThePreviousOutcome()
    {
        var path = ScenarioFixtures.File("changed-outcome.transcript");
        var errors = new List<DialogError>();

        var script = ScriptLoader.LoadFile(path, errors);

        Assert.Empty(errors);
        Assert.NotNull(script);
        Assert.Equal(ScriptKind.Transcript, script.Kind);
        Assert.Equal("changed-outcome", script.Name);
        Assert.Equal("nl", script.Culture);
        Assert.Equal(["ja", "druk op de borst"], script.Turns.Select(t => t.Text));
        Assert.All(script.Turns, t => Assert.Equal(new DateOnly(2026, 11, 20), t.Today));
        Assert.True(script.Expected.Complete);
        Assert.Equal("T3", script.Expected.Fields["urgency"].Value.GetString());
        Assert.Equal(8, script.Expected.Line);
    }

    [Fact]
    public void LeavesOutTheMessageThatOpenedTheConversationAndTakesTheLanguageFromTheBot()
    {
        var path = Write("opened.transcript", """
            [
              {"type": "message", "from": {"id": "u", "role": "user"}, "text": "hi", "locale": "nl-NL"},
              {"type": "message", "from": {"id": "b", "role": "bot"}, "text": "Hello!", "locale": "en-US"},
              {"type": "message", "from": {"id": "u", "role": "user"}, "text": "yes", "localTimestamp": "2026-03-01T23:30:00+01:00", "timestamp": "2026-03-01T22:30:00Z"},
              {"type": "typing", "from": {"id": "b", "role": "bot"}}
            ]
            """);
        var errors = new List<DialogError>();

        var script = ScriptLoader.LoadFile(path, errors);

        Assert.Empty(errors);
        Assert.Equal("en", script!.Culture);
        var turn = Assert.Single(script.Turns);
        Assert.Equal("yes", turn.Text);
        Assert.Equal(new DateOnly(2026, 3, 1), turn.Today);
        Assert.Equal("none", script.Expected.Fields["urgency"].Value.GetString());
        Assert.False(script.Expected.Fields["completed"].Value.GetBoolean());
    }

    [Theory]
    [InlineData("[\n  {\"type\": \"message\"},\n  {\"type\": \n", 4, "invalid JSON")]
    [InlineData("{\"activities\": []}", 1, "a transcript is a JSON array")]
    [InlineData("[\n  {\"type\": \"message\"},\n  42\n]", 3, "transcript entry 1 is not an activity object")]
    [InlineData("[\n  {\"type\": \"event\", \"name\": \"bottriage.outcome\", \"value\": \"T2\"}\n]", 2, "the bottriage.outcome event has no outcome object")]
    public void ReportsAnUnreadableTranscriptWithItsLine(string content, int line, string message)
    {
        var path = Write("bad.transcript", content);
        var errors = new List<DialogError>();

        Assert.Null(ScriptLoader.LoadFile(path, errors));

        var error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsMissingPathsEmptyFoldersAndOtherFiles()
    {
        var empty = Path.Combine(_scratch, "empty");
        Directory.CreateDirectory(empty);
        var missing = Path.Combine(_scratch, "missing");
        var other = Write("notes.txt", "ja");

        var (scripts, errors) = ScriptLoader.Load([empty, missing, other]);

        Assert.Empty(scripts);
        Assert.Equal(
            [
                $"{empty}:1: no vignettes (.yaml) or transcripts (.transcript) in this folder",
                $"{missing}:1: no such file or folder",
                $"{other}:1: not a vignette (.yaml) or a transcript (.transcript)",
            ],
            errors.Select(e => e.ToString()));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, content);
        return path;
    }
}
