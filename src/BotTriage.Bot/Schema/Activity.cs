using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotTriage.Bot.Schema;

/// <summary>
/// One Activity of the Bot Framework protocol (botframework-activity spec). Names are camelCase on the wire and read
/// case-insensitively; fields this type does not model are kept in <see cref="Properties"/> and written back (A2005).
/// Immutable: change a copy with <c>with</c>.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Speak { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public string? InputHint { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Value { get; init; }
    public string? ValueType { get; init; }
    public string? Name { get; init; }
    public string? Label { get; init; }
    public string? Code { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? TopicName { get; init; }
    public bool? HistoryDisclosed { get; init; }
    public ConversationReference? RelatesTo { get; init; }
    public string? DeliveryMode { get; init; }
    public DateTimeOffset? Expiration { get; init; }
    public string? Importance { get; init; }
    public string? CallerId { get; init; }

    /// <summary>Fields this type does not model, kept to be written back. Settable because the source generator cannot fill extension data through <c>init</c>.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>True when <see cref="Type"/> is <paramref name="type"/>, compared ordinally (A2010).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);

    /// <summary>A plain message with the given text.</summary>
    public static Activity CreateMessageActivity(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>A <c>trace</c> activity; channels other than the Emulator never show it (A6150).</summary>
    public static Activity CreateTraceActivity(string name, JsonElement? value, string? valueType, string? label) =>
        new() { Type = ActivityTypes.Trace, Name = name, Value = value, ValueType = valueType, Label = label };

    /// <summary>
    /// A message replying to this activity, addressed as the SDK's <c>CreateReply</c> does: from and recipient swapped;
    /// conversation, serviceUrl, channelId and locale copied; <c>replyToId</c> the incoming id; no id or timestamp.
    /// </summary>
    public Activity CreateReply(string? text = null) =>
        CreateMessageActivity(text).ApplyConversationReference(GetConversationReference(), isIncoming: false);

    /// <summary>The reference to this conversation, seen from the bot (this activity is the incoming one).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = ShouldOmitReplyToId(this) ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>
    /// Addresses this activity into the referenced conversation. Outgoing (the default): from the bot to the user,
    /// replying to the referenced activity; the activity's own locale wins over the reference's.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        // One copy either way: this runs for every reply of every turn.
        return this with
        {
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            Locale = Locale ?? reference.Locale,
            From = isIncoming ? reference.User : reference.Bot,
            Recipient = isIncoming ? reference.Bot : reference.User,
            Id = isIncoming ? reference.ActivityId ?? Id : Id,
            ReplyToId = isIncoming ? ReplyToId : reference.ActivityId ?? ReplyToId,
        };
    }

    // The SDK leaves replyToId off replies to a conversationUpdate on Direct Line and Web Chat: the update has no
    // message in the feed to hang the reply on.
    private static bool ShouldOmitReplyToId(Activity activity) =>
        activity.IsType(ActivityTypes.ConversationUpdate)
        && (string.Equals(activity.ChannelId, Channels.DirectLine, StringComparison.Ordinal)
            || string.Equals(activity.ChannelId, Channels.WebChat, StringComparison.Ordinal));
}
