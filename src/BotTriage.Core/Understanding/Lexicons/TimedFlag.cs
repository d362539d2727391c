namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// A word that names a red-flag code only together with when it happened (<c>geopereerd</c> is <c>recent-surgery</c>
/// when it was at most <see cref="WithinWeeks"/> ago, and denied when it was longer ago).
/// </summary>
internal sealed record TimedFlag(string Code, double WithinWeeks);
