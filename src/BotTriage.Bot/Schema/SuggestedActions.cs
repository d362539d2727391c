namespace BotTriage.Bot.Schema;

/// <summary>Buttons shown with a message, for the recipients in <see cref="To"/> (everyone when absent).</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }
    public IReadOnlyList<CardAction>? Actions { get; init; }
}
