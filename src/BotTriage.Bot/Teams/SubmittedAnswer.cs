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
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(CardJson.ChoiceKey, out var choice)
            && choice.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(choice.GetString()))
        {
            return choice.GetString()!;
        }

        return activity.Text ?? "";
    }
}
