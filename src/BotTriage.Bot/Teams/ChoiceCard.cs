using System.Text.Json.Nodes;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Teams;

/// <summary>
/// The choices of a question as an Adaptive Card 1.5, for when there are more than Teams shows as suggested actions
/// (three). Each button is an <c>Action.Submit</c> whose data Teams delivers as <c>messageBack</c>: the label as the
/// message text, shown in the chat as the person's answer, and <c>{"bottriageChoice": label}</c> as the value, which
/// <see cref="SubmittedAnswer"/> reads back.
/// </summary>
public static class ChoiceCard
{
    public static Attachment Create(string prompt, IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var actions = new JsonArray();
        foreach (var label in labels)
        {
            actions.Add(SubmitAction(label));
        }

        var card = CardJson.NewCard([CardJson.TextBlock(prompt)]);
        card["actions"] = actions;
        return new Attachment { ContentType = CardJson.AdaptiveCardContentType, Content = CardJson.ToElement(card) };
    }

    /// <summary>A copy of an Adaptive Card attachment with a submit button per label added to its actions.</summary>
    public static Attachment WithSubmitActions(Attachment card, IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(labels);
        var content = card.Content is { } element ? JsonNode.Parse(element.GetRawText())!.AsObject() : CardJson.NewCard([]);
        if (content["actions"] is not JsonArray actions)
        {
            actions = [];
            content["actions"] = actions;
        }

        foreach (var label in labels)
        {
            actions.Add(SubmitAction(label));
        }

        return card with { Content = CardJson.ToElement(content) };
    }

    private static JsonObject SubmitAction(string label) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = label,
        ["data"] = new JsonObject
        {
            ["msteams"] = new JsonObject
            {
                ["type"] = "messageBack",
                ["text"] = label,
                ["displayText"] = label,
            },
            [CardJson.ChoiceKey] = label,
        },
    };
}
