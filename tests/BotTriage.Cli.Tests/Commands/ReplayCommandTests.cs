using System.Text.Json;
using BotTriage.Core.Dialogs;

namespace BotTriage.Cli.Tests.Commands;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly ReplayFixtures _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReplaysTheShippedVignettesWithoutDifferences()
    {
        var folder = Path.Combine(DialogPaths.Default, "vignettes");
        var count = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Count();

        var (exit, output, error) = await CliRunner.RunAsync("", "replay", "--today", "2026-11-21", folder);

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Equal($"{count} replayed: {count} match, 0 differ; 0 unreadable{Environment.NewLine}", output);
    }

    [Fact]
    public async Task ListsEveryDifferingFieldWithFileAndLineAndExitsWithOne()
    {
        var matching = _files.Write("a/matching.yaml", ReplayFixtures.Matching);
        var differing = _files.Write("b/differing.yaml", ReplayFixtures.Differing);

        var (exit, output, _) = await CliRunner.RunAsync("", "replay", _files.Folder);

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                $"{differing}:9: emergency: expected false, actual true",
                $"{differing}:7: routes: expected [gp, physio], actual [emergency-112]",
                $"{differing}:6: urgency: expected T3, actual T0",
                "2 replayed: 1 match, 1 differ; 0 unreadable",
            ],
            Lines(output));
        Assert.DoesNotContain(matching, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsWhatChangedSinceAStoredTranscript()
    {
        var transcript = _files.Write("stored/c-1.transcript", ReplayFixtures.ChangedTranscript);

        var (exit, output, _) = await CliRunner.RunAsync("", "replay", transcript);

        Assert.Equal(1, exit);
        var lines = Lines(output);
        Assert.Contains($"{transcript}:5: urgency: previous T3, now T0", lines);
        Assert.Contains($"{transcript}:5: routes: previous [gp], now [emergency-112]", lines);
        Assert.Contains($"{transcript}:5: emergency: previous false, now true", lines);
        Assert.Equal("1 replayed: 0 match, 1 differ; 0 unreadable", lines[^1]);
    }

    [Fact]
    public async Task ListsUnreadableFilesWithTheirLineReplaysTheRestAndExitsWithTwo()
    {
        var broken = _files.Write("broken.yaml", "name: Broken\nculture: nl\nturns:\n  - ja: nee: ja\n");
        var typo = _files.Write("typo.yaml", ReplayFixtures.Matching.Replace("emergency: true", "emergancy: true", StringComparison.Ordinal));
        _files.Write("ok.yaml", ReplayFixtures.Matching);

        var (exit, output, error) = await CliRunner.RunAsync("", "replay", _files.Folder);

        Assert.Equal(2, exit);
        var errors = Lines(error);
        Assert.Equal(2, errors.Count);
        Assert.StartsWith($"{broken}:4: invalid YAML", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"{typo}:9: 'expect' has an unknown key 'emergancy'", errors[1], StringComparison.Ordinal);
        Assert.Equal(["1 replayed: 1 match, 0 differ; 2 unreadable"], Lines(output));
    }

    [Fact]
    public async Task ReportsTheDifferencesAsJsonForTools()
    {
        var differing = _files.Write("differing.yaml", ReplayFixtures.Differing);
        var missing = Path.Combine(_files.Folder, "missing");

        var (exit, output, _) = await CliRunner.RunAsync("", "replay", "--json", differing, missing);

        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(output);
        var script = Assert.Single(json.RootElement.GetProperty("scripts").EnumerateArray());
        Assert.Equal(differing, script.GetProperty("file").GetString());
        Assert.Equal("vignette", script.GetProperty("kind").GetString());
        Assert.False(script.GetProperty("matches").GetBoolean());
        var routes = script.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("field").GetString() == "routes");
        Assert.Equal(7, routes.GetProperty("line").GetInt32());
        Assert.Equal(["gp", "physio"], routes.GetProperty("expected").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["emergency-112"], routes.GetProperty("actual").EnumerateArray().Select(r => r.GetString()));
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(missing, error.GetProperty("file").GetString());
        Assert.Equal("no such file or folder", error.GetProperty("message").GetString());
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("replayed").GetInt32());
        Assert.Equal(1, summary.GetProperty("differed").GetInt32());
        Assert.Equal(1, summary.GetProperty("unreadable").GetInt32());
    }

    [Fact]
    public async Task NeverPrintsWhatThePersonTyped()
    {
        var transcript = _files.Write("private.transcript", ReplayFixtures.ChangedTranscript.Replace("druk op de borst", "Kwartelkoning druk op de borst", StringComparison.Ordinal));

        var (_, text, textError) = await CliRunner.RunAsync("", "replay", transcript);
        var (_, json, jsonError) = await CliRunner.RunAsync("", "replay", "--json", transcript);

        Assert.DoesNotContain("Kwartelkoning", text + textError + json + jsonError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReplaysAgainstTheDialogsFolderItIsGiven()
    {
        var matching = _files.Write("matching.yaml", ReplayFixtures.Matching);
        var missing = Path.Combine(_files.Folder, "no-dialogs");

        var (good, goodOutput, _) = await CliRunner.RunAsync("", "replay", "--dialogs", DialogPaths.Default, matching);
        var (bad, badOutput, badError) = await CliRunner.RunAsync("", "replay", "--dialogs", missing, matching);

        Assert.Equal(0, good);
        Assert.Equal(["1 replayed: 1 match, 0 differ; 0 unreadable"], Lines(goodOutput));
        Assert.Equal(2, bad);
        Assert.Equal("", badOutput);
        Assert.Equal([$"{missing}:1: dialogs folder does not exist"], Lines(badError));
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    [InlineData("--verbose", "x.yaml")]
    [InlineData("--today", "21-11-2026", "x.yaml")]
    [InlineData("--dialogs")]
    public async Task RejectsWrongUsageWithSixtyFour(params string[] args)
    {
        var (exit, output, error) = await CliRunner.RunAsync("", ["replay", .. args]);

        Assert.Equal(64, exit);
        Assert.Equal("", output);
        Assert.Contains("Usage: bottriage replay", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsListedInTheHelp()
    {
        var (exit, output, _) = await CliRunner.RunAsync("", "help");

        Assert.Equal(0, exit);
        Assert.Contains("  replay ", output, StringComparison.Ordinal);
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
}
