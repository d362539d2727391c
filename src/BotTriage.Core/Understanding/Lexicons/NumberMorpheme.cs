namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>A number word or a part of a compound number word, with its value (the denominator for a fraction).</summary>
internal readonly record struct NumberMorpheme(double Value, MorphemeKind Kind);
