using System.Text.Json;

namespace BotTriage.Cli.Tests.Commands;

public sealed class RecognizeCommandTests
{
    [Fact]
    public async Task PrintsDurationLocationAndNegatedFeverForTheDutchExample()
    {
        var (exit, output, _) = await RunAsync("", "recognize", "--lang", "nl", "--today", "2025-03-15", "al een week of drie last van mijn onderrug, geen koorts");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("al een week of drie last van mijn onderrug, geen koorts", json.RootElement.GetProperty("text").GetString());
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        var duration = Assert.Single(entities, e => e.GetProperty("type").GetString() == "duration");
        Assert.Equal(1814400, duration.GetProperty("value").GetInt64());
        Assert.True(duration.GetProperty("approximate").GetBoolean());
        Assert.Equal("een week of drie", duration.GetProperty("text").GetString());
        Assert.Equal(3, duration.GetProperty("start").GetInt32());
        Assert.Equal(18, duration.GetProperty("end").GetInt32());
        var location = Assert.Single(entities, e => e.GetProperty("type").GetString() == "bodyLocation");
        Assert.Equal("lower-back", location.GetProperty("value").GetString());
        Assert.Equal("unspecified", location.GetProperty("side").GetString());
        var fever = Assert.Single(entities, e => e.GetProperty("type").GetString() == "redFlag");
        Assert.Equal("fever", fever.GetProperty("value").GetString());
        Assert.True(fever.GetProperty("negated").GetBoolean());
    }

    [Fact]
    public async Task PrintsTheSameForTheEnglishEquivalent()
    {
        var (exit, output, _) = await RunAsync("", "recognize", "--lang", "en", "--today", "2025-03-15", "I've had it in my lower back for about three weeks, no fever");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        var duration = Assert.Single(entities, e => e.GetProperty("type").GetString() == "duration");
        Assert.Equal(1814400, duration.GetProperty("value").GetInt64());
        Assert.True(duration.GetProperty("approximate").GetBoolean());
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "bodyLocation" && e.GetProperty("value").GetString() == "lower-back");
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "redFlag" && e.GetProperty("value").GetString() == "fever" && e.GetProperty("negated").GetBoolean());
    }

    [Fact]
    public async Task PrintsOneJsonLinePerInputLineWithoutText()
    {
        var (exit, output, _) = await RunAsync("ja hoor\nik wil niet meer leven\n7/10\n", "recognize", "--lang", "nl-NL");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(3, lines.Length);
        using var yes = JsonDocument.Parse(lines[0]);
        Assert.True(yes.RootElement.GetProperty("entities")[0].GetProperty("value").GetBoolean());
        using var suicidal = JsonDocument.Parse(lines[1]);
        var emergency = suicidal.RootElement.GetProperty("entities")[0];
        Assert.Equal("emergency", emergency.GetProperty("type").GetString());
        Assert.Equal("suicidal", emergency.GetProperty("value").GetString());
        Assert.Equal("suicide", emergency.GetProperty("category").GetString());
        using var score = JsonDocument.Parse(lines[2]);
        Assert.Contains(score.RootElement.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "painScore" && e.GetProperty("value").GetDouble() == 7);
    }

    [Fact]
    public async Task WritesUnknownAsAStringForDontKnow()
    {
        var (_, output, _) = await RunAsync("", "recognize", "--lang", "en", "no idea");

        using var json = JsonDocument.Parse(output);
        Assert.Equal("unknown", json.RootElement.GetProperty("entities")[0].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("--colour")]
    [InlineData("--today", "15-03-2025")]
    [InlineData("--today")]
    public async Task RejectsWrongUsageWithExitCode64(params string[] options)
    {
        var (exit, output, error) = await RunAsync("", ["recognize", "--lang", "nl", .. options, "tekst"]);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.StartsWith("bottriage recognize: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiresALanguage()
    {
        var (exit, _, error) = await RunAsync("", "recognize", "hallo");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("--lang is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectsALanguageWithoutLexicon()
    {
        var (exit, _, error) = await RunAsync("", "recognize", "--lang", "de", "hallo");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("no lexicon for language 'de'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsBrokenLexiconsFromAnotherDialogsFolderWithExitCode1()
    {
        var dialogs = Path.Combine(Path.GetTempPath(), "bottriage-dialogs-" + Guid.NewGuid().ToString("N"));
        var lexicons = Path.Combine(dialogs, "lexicons");
        Directory.CreateDirectory(lexicons);
        await File.WriteAllTextAsync(Path.Combine(lexicons, "codes.yaml"), "bodyLocations: [knee\n");
        try
        {
            var (exit, output, error) = await RunAsync("", "recognize", "--lang", "nl", "--dialogs", dialogs, "knie");

            Assert.Equal(1, exit);
            Assert.Empty(output);
            Assert.Contains("codes.yaml:2: malformed YAML", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dialogs, recursive: true);
        }
    }

    [Fact]
    public async Task IsListedInHelp()
    {
        var (_, output, _) = await RunAsync("", "help");

        Assert.Contains("recognize", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(args, new ConsoleIo(stdin, stdout, stderr, false), CancellationToken.None);

        return (exit, stdout.ToString(), stderr.ToString());
    }
}
