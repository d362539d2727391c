namespace BotTriage.Bot.Sessions;

/// <summary>
/// A page of the session list with its filters; null filters match everything. <see cref="From"/> is inclusive and
/// <see cref="To"/> exclusive, both on <see cref="SessionRecord.Started"/>. <see cref="ConversationId"/> matches any
/// part of the id.
/// </summary>
public sealed record SessionQuery
{
    public string? Urgency { get; init; }

    public string? Route { get; init; }

    public bool? HasRedFlag { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? ChannelId { get; init; }

    public string? ConversationId { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 25;
}
