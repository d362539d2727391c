using System.Text.Json;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Scenarios;

namespace BotTriage.Cli.Tests.Commands;

/// <summary>
/// Every vignette shipped in <c>dialogs/vignettes</c>, one case per file, piped through <c>bottriage chat --json</c>
/// a message per line: the contract's outcome must be the vignette's expected outcome.
/// </summary>
public sealed class VignetteChatTests
{
    private static readonly DateOnly DefaultToday = new(2026, 11, 21);

    private static string Root => Path.Combine(DialogPaths.Default, "vignettes");

    public static TheoryData<string> Files()
    {
        var errors = new List<DialogError>();
        return [.. ScriptLoader.Find(Root, errors).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))];
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ChatJsonReachesTheVignettesOutcome(string file)
    {
        var errors = new List<DialogError>();
        var script = ScriptLoader.LoadFile(Path.Combine(Root, file), errors);
        Assert.Empty(errors.Select(e => e.ToString()));
        var input = string.Concat(script!.Turns.Select(t => t.Text + "\n"));
        var today = (script.Today ?? DefaultToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (exit, output, _) = await CliRunner.RunAsync(input, "chat", "--json", "--lang", script.Culture, "--today", today);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var differences = OutcomeComparer.Compare(script.Expected, json.RootElement.GetProperty("outcome"));
        Assert.True(differences.IsEmpty, string.Join(Environment.NewLine, differences.Select(d => d.Format(file, script.Kind))));
        var said = json.RootElement.GetProperty("transcript").EnumerateArray().Where(t => t.GetProperty("from").GetString() == "user");
        Assert.Equal(script.Turns.Select(t => t.Text), said.Select(t => t.GetProperty("text").GetString()));
    }
}
