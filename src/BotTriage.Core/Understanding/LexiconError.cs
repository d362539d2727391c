namespace BotTriage.Core.Understanding;

/// <summary>One problem in a lexicon file: the file (relative to the lexicon folder, with <c>/</c>), the 1-based line and what is wrong.</summary>
public sealed record LexiconError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Message}";
}
