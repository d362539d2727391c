using System.Text.Json;
using System.Text.Json.Nodes;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Sessions;

namespace BotTriage.Web.Therapists;

/// <summary>The JSON export of a session: its ids, times and status, the outcome (the README's contract) and the answers.</summary>
internal static class SessionJsonExport
{
    public static JsonObject Build(SessionRecord session)
    {
        var state = JsonSerializer.SerializeToNode(session.State, BotJsonContext.Default.TriageState)!.AsObject();
        return new JsonObject
        {
            ["channelId"] = session.ChannelId,
            ["conversationId"] = session.ConversationId,
            ["pseudonym"] = session.Pseudonym,
            ["culture"] = session.Culture,
            ["started"] = session.Started,
            ["consentedAt"] = session.ConsentedAt,
            ["updated"] = session.Updated,
            ["status"] = session.Status.ToString().ToLowerInvariant(),
            ["outcome"] = session.State.Outcome is { } outcome ? JsonSerializer.SerializeToNode(outcome, BotJsonContext.Default.TriageOutcome) : null,
            ["answers"] = state["answers"]?.DeepClone() ?? new JsonObject(),
            ["path"] = new JsonArray([.. FlowPath.Steps(session.State).Select(s => (JsonNode?)JsonValue.Create(s))]),
        };
    }
}
