namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>What a part of a number word does.</summary>
internal enum MorphemeKind
{
    /// <summary>A value below one hundred (<c>drie</c>, <c>twintig</c>).</summary>
    Value,

    /// <summary>Multiplies what precedes it (<c>honderd</c>, <c>thousand</c>).</summary>
    Multiplier,

    /// <summary>Joins parts (<c>en</c> in <c>tweeëntwintig</c>, <c>and</c>, <c>-</c>).</summary>
    Joiner,

    /// <summary>A denominator (<c>half</c> = 2, <c>derde</c> = 3, <c>quarter</c> = 4).</summary>
    Fraction,

    /// <summary>A word with a value of its own that does not combine (<c>anderhalf</c>).</summary>
    Fixed,
}
