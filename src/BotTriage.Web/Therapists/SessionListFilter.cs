using System.Globalization;
using System.Text;
using BotTriage.Bot.Sessions;

namespace BotTriage.Web.Therapists;

/// <summary>The list's filters as typed in the query string, kept as text so a bad value is shown back, not lost.</summary>
internal sealed record SessionListFilter(string? Urgency, string? Route, string? RedFlag, string? From, string? To, string? Channel, string? Query, int Page)
{
    /// <summary>The store query for these filters, or the error that names the bad value (HTML, already encoded).</summary>
    public SessionQuery? ToQuery(TimeZoneInfo zone, int pageSize, out string? error)
    {
        error = null;
        bool? redFlag = RedFlag switch { null or "" => null, "yes" => true, "no" => false, _ => null };
        if (RedFlag is not (null or "" or "yes" or "no"))
        {
            error = Html.T($"Rode vlag '{RedFlag}' is geen ja/nee-filter.", "Red flag must be yes or no.");
            return null;
        }

        if (!TryDate(From, zone, out var from) || !TryDate(To, zone, out var to))
        {
            error = Html.T("Een datum moet de vorm JJJJ-MM-DD hebben.", "A date must look like YYYY-MM-DD.");
            return null;
        }

        return new SessionQuery
        {
            Urgency = Blank(Urgency),
            Route = Blank(Route),
            HasRedFlag = redFlag,
            From = from,
            To = to?.AddDays(1),
            ChannelId = Blank(Channel),
            ConversationId = Blank(Query),
            Skip = (Math.Max(Page, 1) - 1) * pageSize,
            Take = pageSize,
        };
    }

    public string QueryString(int page)
    {
        var query = new StringBuilder("/therapists?page=").Append(page.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in new[] { ("urgency", Urgency), ("route", Route), ("redflag", RedFlag), ("from", From), ("to", To), ("channel", Channel), ("q", Query) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Append('&').Append(name).Append('=').Append(Html.Url(value));
            }
        }

        return query.ToString();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool TryDate(string? text, TimeZoneInfo zone, out DateTimeOffset? start)
    {
        start = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        var local = date.ToDateTime(TimeOnly.MinValue);
        start = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }
}
