namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>A time-unit word, its length in seconds and whether it is a plural (plurals alone mean "several").</summary>
internal readonly record struct DurationUnit(long Seconds, bool Plural);
