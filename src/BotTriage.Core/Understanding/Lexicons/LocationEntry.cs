namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>A body-location phrase's code (empty for a phrase that only looks like a location), and whether the phrase is a plural (both sides).</summary>
internal sealed record LocationEntry(string Code, bool Plural);
