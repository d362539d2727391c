namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>A start said relative to today (<c>gisteren</c>, <c>last week</c>): how many units ago.</summary>
internal readonly record struct RelativeStart(double Count, long UnitSeconds, bool Approximate);
