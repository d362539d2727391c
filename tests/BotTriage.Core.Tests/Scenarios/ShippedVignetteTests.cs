using BotTriage.Core.Dialogs;
using BotTriage.Core.Scenarios;
using BotTriage.Core.Tests.Triage;

namespace BotTriage.Core.Tests.Scenarios;

/// <summary>Every vignette shipped in <c>dialogs/vignettes</c>, one case per file, run through the engine.</summary>
public sealed class ShippedVignetteTests
{
    public static TheoryData<string> Files() => [.. FileNames()];

    /// <summary>The vignette files by their path under <c>dialogs/vignettes</c>, with forward slashes.</summary>
    public static IReadOnlyList<string> FileNames()
    {
        var errors = new List<DialogError>();
        var root = ScenarioFixtures.ShippedVignettes;
        return [.. ScriptLoader.Find(root, errors).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))];
    }

    [Fact]
    public void ShipsVignettesInDutchAndEnglish()
    {
        var files = FileNames();

        Assert.Contains(files, f => f.StartsWith("nl/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("en/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReachesTheExpectedOutcome(string file)
    {
        var errors = new List<DialogError>();
        var script = ScriptLoader.LoadFile(Path.Combine(ScenarioFixtures.ShippedVignettes, file), errors);
        Assert.Empty(errors.Select(e => e.ToString()));
        Assert.Equal(Path.GetDirectoryName(file), script!.Culture);

        var result = new ScriptRunner(Conversation.Engine).Run(script, ScenarioFixtures.Today);

        Assert.True(result.Matches, $"{file} ended at step '{result.FinalStep}':{Environment.NewLine}" + string.Join(Environment.NewLine, result.Differences.Select(d => d.Format(file, script.Kind))));
    }
}
