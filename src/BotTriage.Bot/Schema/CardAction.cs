using System.Text.Json;

namespace BotTriage.Bot.Schema;

/// <summary>A button: <c>imBack</c> sends <see cref="Value"/> back as the user's text.</summary>
public sealed record CardAction
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Image { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }

    /// <summary>An <c>imBack</c> button whose title and value are both <paramref name="label"/>.</summary>
    public static CardAction ImBack(string label) => new()
    {
        Type = ActionTypes.ImBack,
        Title = label,
        Value = JsonSerializer.SerializeToElement(label, BotJsonContext.Default.String),
    };
}
