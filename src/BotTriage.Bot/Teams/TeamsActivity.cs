using System.Text.Json;
using System.Text.Json.Nodes;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Teams;

/// <summary>
/// What Teams puts in an activity beyond the common schema: the tenant (<c>channelData.tenant.id</c>, or
/// <c>conversation.tenantId</c>) and the kind of conversation (<c>personal</c>, <c>groupChat</c>, <c>channel</c>).
/// </summary>
public static class TeamsActivity
{
    public const string Personal = "personal";

    public static bool IsTeams(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.ChannelId, Channels.MsTeams, StringComparison.Ordinal);
    }

    /// <summary>The Microsoft 365 tenant the activity comes from, or null when Teams did not say.</summary>
    public static string? TenantId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(id.GetString()))
        {
            return id.GetString();
        }

        return string.IsNullOrWhiteSpace(activity.Conversation?.TenantId) ? null : activity.Conversation.TenantId;
    }

    /// <summary>
    /// True for a one-to-one chat with the bot. Teams marks it <c>conversationType: personal</c>; an activity without
    /// a type counts as personal unless it says <c>isGroup</c>.
    /// </summary>
    public static bool IsPersonal(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = activity.Conversation;
        if (conversation?.IsGroup == true)
        {
            return false;
        }

        return conversation?.ConversationType is null
            || string.Equals(conversation.ConversationType, Personal, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the bot itself is among the members an update adds (an install into a chat or team).</summary>
    public static bool AddsTheBot(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        return botId is not null && (activity.MembersAdded ?? []).Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal));
    }

    /// <summary>The <c>channelData</c> that tags a reply with its tenant, as Teams itself tags messages.</summary>
    public static JsonElement TenantChannelData(string tenantId) =>
        CardJson.ToElement(new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } });
}
