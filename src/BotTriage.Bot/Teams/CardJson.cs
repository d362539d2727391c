using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotTriage.Bot.Teams;

/// <summary>Turns a card or channel data built as a <see cref="JsonNode"/> into the element an activity carries.</summary>
internal static class CardJson
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The highest Adaptive Card version Teams renders.</summary>
    public const string TeamsCardVersion = "1.5";

    /// <summary>The data key a choice button sends its answer under.</summary>
    public const string ChoiceKey = "bottriageChoice";

    public static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    public static JsonObject NewCard(JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = TeamsCardVersion,
        ["body"] = body,
    };

    public static JsonObject TextBlock(string text, bool bold = false, string? size = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }
}
