namespace BotTriage.Bot.Cards;

/// <summary>
/// Partners that take the place of the practice for some routes, such as an employer's physiotherapy partner in a
/// workplace programme: a heading, and per route a line to show and, when it can be booked online, the button.
/// </summary>
public sealed record CardPartners(string Heading, IReadOnlyList<CardPartner> Entries);

/// <param name="Route">The route code this partner serves (<c>physio</c>, <c>psychologist</c>, ...).</param>
/// <param name="Line">What the card says about the partner, such as its name and phone line.</param>
/// <param name="BookingTitle">The booking button's title.</param>
/// <param name="BookingUrl">Where the button goes; null when the partner cannot be booked online.</param>
public sealed record CardPartner(string Route, string Line, string BookingTitle, Uri? BookingUrl);
