using System.Text.Json;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Teams;

/// <summary>
/// The person's answer in a message: the button they pressed on a choice card, else what they typed. A card
/// button arrives as a message whose <c>value</c> holds the card's data, with the label as text (messageBack) or
/// with no text at all (a plain submit), so the value wins when it carries a choice.
/// </summary>
public static class SubmittedAnswer
{
    public static string Read(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return (activity.Value is { } value ? Choice(value) : null) ?? activity.Text ?? "";
    }

    /// <summary>The choice a card button sent in its data (<paramref name="value"/>), or null when it carries none.</summary>
    public static string? Choice(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty(CardJson.ChoiceKey, out var choice)
        && choice.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(choice.GetString())
            ? choice.GetString()
            : null;
}
