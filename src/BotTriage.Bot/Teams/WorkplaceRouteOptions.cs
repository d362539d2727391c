namespace BotTriage.Bot.Teams;

/// <summary>Where one route leads for a workplace: the partner's name in both languages, a booking link, a phone line.</summary>
public sealed class WorkplaceRouteOptions
{
    public string NameDutch { get; set; } = "";

    public string NameEnglish { get; set; } = "";

    /// <summary>The partner's booking page; an absolute https URL, or empty when there is only a phone line.</summary>
    public string BookingUrl { get; set; } = "";

    /// <summary>The partner's phone line as people dial it, or empty.</summary>
    public string Phone { get; set; } = "";
}
