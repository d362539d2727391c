namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// A word that names a red-flag code only together with when it happened (<c>geopereerd</c> is <c>recent-surgery</c>
/// when it was at most <see cref="WithinWeeks"/> ago, and denied when it was longer ago). Without a time it names
/// nothing, unless <see cref="Untimed"/>: then it is the code as of now ("trombose", but not "10 jaar geleden trombose").
/// Its time is the complaint's too only when <see cref="StartsComplaint"/> ("stijf sinds de marathon, 4 dagen geleden");
/// otherwise it is the time of that alone ("3 weken geleden geopereerd").
/// </summary>
internal sealed record TimedFlag(string Code, double WithinWeeks, bool Untimed = false, bool StartsComplaint = false);
