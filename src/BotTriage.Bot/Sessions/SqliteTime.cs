using System.Globalization;

namespace BotTriage.Bot.Sessions;

/// <summary>Times as fixed-width UTC ISO-8601 text, so that text order in SQLite is time order.</summary>
internal static class SqliteTime
{
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
