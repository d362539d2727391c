using BotTriage.Core.Understanding;

namespace BotTriage.Core.Tests.Understanding;

/// <summary>The shipped lexicons (copied next to the test assembly by the build), loaded once for all tests.</summary>
internal static class SharedRecognizer
{
    private static readonly Lazy<UtteranceRecognizer> Loaded = new(() => UtteranceRecognizer.Load(LexiconDirectory));

    public static string LexiconDirectory => Path.Combine(AppContext.BaseDirectory, "dialogs", "lexicons");

    public static UtteranceRecognizer Instance => Loaded.Value;
}
