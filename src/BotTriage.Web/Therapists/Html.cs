using System.Globalization;
using System.Text.Encodings.Web;

namespace BotTriage.Web.Therapists;

/// <summary>HTML-encoding and the bilingual labels of the workspace pages: Dutch first, English second.</summary>
internal static class Html
{
    /// <summary>Encodes any text for an element or an attribute value; every value that is not a literal goes through here.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A label in Dutch with its English beside it.</summary>
    public static string T(string dutch, string english) => $"{E(dutch)} <span class=\"en\" lang=\"en\">{E(english)}</span>";

    public static string Url(string text) => UrlEncoder.Default.Encode(text);

    public static string SessionUrl(string path, string channelId, string conversationId) =>
        $"{path}?channel={Url(channelId)}&id={Url(conversationId)}";

    public static string Time(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string UrgencyBadge(string urgency) =>
        $"<span class=\"badge urgency-{E(urgency.ToLowerInvariant())}\">{E(urgency)}</span>";
}
