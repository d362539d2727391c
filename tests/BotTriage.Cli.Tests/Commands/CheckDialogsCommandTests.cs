using BotTriage.Core.Dialogs;

namespace BotTriage.Cli.Tests.Commands;

public sealed class CheckDialogsCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bottriage-check-" + Guid.NewGuid().ToString("N"));

    public CheckDialogsCommandTests() => CopyDirectory(DialogPaths.Default, _folder);

    [Fact]
    public async Task SaysTheShippedDialogsAreValid()
    {
        var (exit, output, _) = await CliRunner.RunAsync("", "check-dialogs", DialogPaths.Default);

        Assert.Equal(0, exit);
        Assert.Contains(": OK (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsAnUnreachableStateAMissingEnglishTextAndADanglingTransitionWithLines()
    {
        var flow = Path.Combine(_folder, "flow.yaml");
        var text = await File.ReadAllTextAsync(flow);
        text = text.Replace("  - id: result\n", "  - id: orphan\n    kind: yes-no\n    question:\n      nl: Wees?\n      en: Orphan?\n    next:\n      - to: result\n\n  - id: result\n", StringComparison.Ordinal)
            .Replace("      en: How long have you had it?\n", "", StringComparison.Ordinal)
            .Replace("      - to: rf-night-pain", "      - on: yes\n        to: rf-nightpain\n      - to: rf-night-pain", StringComparison.Ordinal);
        await File.WriteAllTextAsync(flow, text);
        var lines = text.Split('\n');
        int LineOf(string s) => Array.FindIndex(lines, l => l.StartsWith(s, StringComparison.Ordinal)) + 1;

        var (exit, output, error) = await CliRunner.RunAsync("", "check-dialogs", _folder);

        Assert.Equal(1, exit);
        var printed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, printed.Length);
        Assert.Contains($"{flow}:{LineOf("      nl: Hoe lang")}: 'question' of state 'duration' is missing its English (en) text", printed);
        Assert.Contains($"{flow}:{LineOf("        to: rf-nightpain") - 1}: unknown state 'rf-nightpain' in a transition of state 'rf-weight-loss'", printed);
        Assert.Contains($"{flow}:{LineOf("  - id: orphan")}: state 'orphan' is unreachable from the start 'emergency-screen'", printed);
        Assert.Contains("3 error(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsABrokenLexiconUnderItsOwnPath()
    {
        await File.AppendAllTextAsync(Path.Combine(_folder, "lexicons", "codes.yaml"), "\nnonsense: [\n");

        var (exit, output, _) = await CliRunner.RunAsync("", "check-dialogs", _folder);

        Assert.Equal(1, exit);
        Assert.Contains(Path.Combine(_folder, "lexicons", "codes.yaml") + ":", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
