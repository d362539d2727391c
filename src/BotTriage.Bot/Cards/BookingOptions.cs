namespace BotTriage.Bot.Cards;

/// <summary>
/// The <c>Booking</c> section: where a person books each route, for example <c>Booking:Routes:physio</c>. Only the
/// routes listed here get a booking button on the result card; a route without a link is advice only.
/// </summary>
public sealed class BookingOptions
{
    public const string SectionName = "Booking";

    /// <summary>Route code (<c>physio</c>, <c>massage</c>, ...) to an absolute http(s) booking address.</summary>
    public Dictionary<string, string> Routes { get; init; } = new(StringComparer.Ordinal);
}
