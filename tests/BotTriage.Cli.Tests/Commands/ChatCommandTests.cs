using System.Text.Json;

namespace BotTriage.Cli.Tests.Commands;

public sealed class ChatCommandTests
{
    [Fact]
    public async Task PrintsTheJsonContractWithGpAndFeverForAScriptedDutchChat()
    {
        var (exit, output, _) = await CliRunner.RunAsync("nee\nja\nnederlands\nonderrug\n3 weken\n4\neen beetje\n" + string.Concat(Enumerable.Repeat("nee\n", 7)) + "ja\n" + string.Concat(Enumerable.Repeat("nee\n", 8)), "chat", "--json", "--today", "2026-11-21");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var outcome = json.RootElement.GetProperty("outcome");
        Assert.Equal("T2", outcome.GetProperty("urgency").GetString());
        Assert.Contains("gp", outcome.GetProperty("routes").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["fever"], outcome.GetProperty("redFlags").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(outcome.GetProperty("massageTypes").EnumerateArray());
        Assert.True(outcome.GetProperty("completed").GetBoolean());
        Assert.False(outcome.GetProperty("emergency").GetBoolean());
        var reason = outcome.GetProperty("reasons")[0];
        Assert.Equal("fever", reason.GetProperty("rule").GetString());
        Assert.Equal(JsonValueKind.String, reason.GetProperty("text").ValueKind);
        Assert.Equal(JsonValueKind.Array, reason.GetProperty("evidence").ValueKind);
        Assert.Equal(["koorts of je erg ziek voelen: ja"], reason.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        var transcript = json.RootElement.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Equal("bot", transcript[0].GetProperty("from").GetString());
        Assert.Equal("user", transcript[1].GetProperty("from").GetString());
        Assert.Equal("nee", transcript[1].GetProperty("text").GetString());
        Assert.Equal(23, transcript.Count(t => t.GetProperty("from").GetString() == "user"));
    }

    [Fact]
    public async Task ReachesAMassageOutcomeInEnglish()
    {
        var (exit, output, _) = await CliRunner.RunAsync("no\nyes\nenglish\nmy calves are stiff since the marathon, about 4 days\n3\na little\n" + string.Concat(Enumerable.Repeat("no\n", 13)) + string.Concat(Enumerable.Repeat("not at all\n", 4)) + string.Concat(Enumerable.Repeat("no\n", 6)), "chat", "--lang", "en", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var outcome = json.RootElement.GetProperty("outcome");
        Assert.Equal("none", outcome.GetProperty("urgency").GetString());
        Assert.Contains("massage", outcome.GetProperty("routes").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["runners-legs"], outcome.GetProperty("massageTypes").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task PrintsEachReplyWhenScriptedWithoutJson()
    {
        var (exit, output, _) = await CliRunner.RunAsync("nee\nja\nnederlands\nonderrug\n", "chat");

        Assert.Equal(0, exit);
        Assert.Contains("Mag ik je antwoorden bewaren", output, StringComparison.Ordinal);
        Assert.Contains("[ja] [nee] [weet ik niet]", output, StringComparison.Ordinal);
        Assert.Contains("Waar heb je last van?", output, StringComparison.Ordinal);
        Assert.EndsWith("Hoe lang heb je er al last van?" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepsGoingAfterEmptyEmojiLongAndGibberishLines()
    {
        var script = string.Join('\n', ["nee", "ja", "nederlands", "", "🤷‍♀️", new string('a', 10_000), "blorf zinkel", "nek", "2 weken", "4", "een beetje", .. Enumerable.Repeat("nee", 14), .. Enumerable.Repeat("helemaal niet", 4), .. Enumerable.Repeat("nee", 6)]) + "\n";

        var (exit, output, _) = await CliRunner.RunAsync(script, "chat", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("outcome").GetProperty("completed").GetBoolean());
        var texts = json.RootElement.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToList();
        Assert.Equal(3, texts.Count(t => t.StartsWith("Dat begreep ik niet", StringComparison.Ordinal)));
        Assert.Equal(1, texts.Count(t => t.StartsWith("Het lukt me nog niet", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReportsAnIncompleteOutcomeWhenTheInputEndsEarly()
    {
        var (exit, output, _) = await CliRunner.RunAsync("nee\n", "chat", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("outcome").GetProperty("completed").GetBoolean());
        Assert.Equal("none", json.RootElement.GetProperty("outcome").GetProperty("urgency").GetString());
    }

    [Theory]
    [InlineData("--lang", "fr")]
    [InlineData("--today", "21-11-2026")]
    [InlineData("--colour")]
    public async Task RefusesBadArgumentsWithTheUsageExitCode(params string[] args)
    {
        var (exit, _, error) = await CliRunner.RunAsync("", ["chat", .. args]);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("Usage: bottriage chat", error, StringComparison.Ordinal);
    }
}
