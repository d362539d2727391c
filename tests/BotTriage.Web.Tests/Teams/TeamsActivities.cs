using System.Globalization;
using System.Text.Json.Nodes;

namespace BotTriage.Web.Tests.Teams;

/// <summary>
/// Activities shaped as Microsoft Teams sends them through Azure Bot Service: the bot as <c>28:{appId}</c>, the
/// person as <c>29:…</c> with an Entra object id, the tenant in <c>channelData.tenant.id</c> and
/// <c>conversation.tenantId</c>, <c>conversationType</c>, the regional serviceUrl, and no <c>locale</c>.
/// </summary>
public sealed class TeamsActivities(string appId, string serviceUrl)
{
    public const string UserId = "29:1q2w3e4r5t6y7u8i9o0pLkJhGfDsA";
    public const string UserObjectId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

    private int _nextId;

    public string BotId => "28:" + appId;

    public JsonObject Message(string? text, string tenantId, string conversationId, string conversationType = "personal", JsonObject? value = null)
    {
        var activity = Base("message", tenantId, conversationId, conversationType);
        activity["textFormat"] = "plain";
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    /// <summary>A card button press: Teams sends the card's data as <c>value</c>, here without any text.</summary>
    public JsonObject Submit(string choice, string tenantId, string conversationId) =>
        Message(null, tenantId, conversationId, value: new JsonObject { ["bottriageChoice"] = choice });

    /// <summary>The personal-scope install: the bot and the person in <c>membersAdded</c>.</summary>
    public JsonObject Install(string tenantId, string conversationId, bool withUser = true)
    {
        var activity = Base("conversationUpdate", tenantId, conversationId, "personal");
        var members = new JsonArray { new JsonObject { ["id"] = BotId } };
        if (withUser)
        {
            members.Add(new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserObjectId });
        }

        activity["membersAdded"] = members;
        return activity;
    }

    /// <summary>The bot added to a team's channel, with the team in channelData.</summary>
    public JsonObject TeamInstall(string tenantId, string conversationId)
    {
        var activity = Base("conversationUpdate", tenantId, conversationId, "channel");
        activity["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotId } };
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        activity["channelData"]!["team"] = new JsonObject { ["id"] = conversationId, ["name"] = "Sales", ["aadGroupId"] = "1a2b3c4d-0000-4000-8000-00000000abcd" };
        return activity;
    }

    private JsonObject Base(string type, string tenantId, string conversationId, string conversationType)
    {
        var isGroup = conversationType != "personal";
        var conversation = new JsonObject { ["conversationType"] = conversationType, ["tenantId"] = tenantId, ["id"] = conversationId };
        if (isGroup)
        {
            conversation["isGroup"] = true;
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = "17" + Interlocked.Increment(ref _nextId).ToString("D11", CultureInfo.InvariantCulture),
            ["timestamp"] = "2025-03-03T08:15:00.123Z",
            ["localTimestamp"] = "2025-03-03T09:15:00.123+01:00",
            ["localTimezone"] = "Europe/Amsterdam",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Anna de Vries", ["aadObjectId"] = UserObjectId },
            ["conversation"] = conversation,
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "BotTriage" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
    }
}
