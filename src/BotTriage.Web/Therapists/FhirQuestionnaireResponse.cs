using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BotTriage.Bot.Sessions;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Web.Therapists;

/// <summary>
/// A session as a FHIR R4 <c>QuestionnaireResponse</c> to <see cref="FhirQuestionnaire"/>: one item per answered
/// question of the flow, each answer typed by the item's <c>value[x]</c>. Answers outside the flow (a red flag
/// mentioned unasked) have no item in the Questionnaire and are left to the JSON export. "Don't know" to a yes/no
/// question is an item without an answer.
/// </summary>
public static class FhirQuestionnaireResponse
{
    public static JsonObject Build(SessionRecord session, FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(flow);
        var items = new JsonArray();
        foreach (var state in flow.States.Where(s => !s.IsOutcome))
        {
            if (!session.State.Answers.TryGetValue(state.Id, out var answer))
            {
                continue;
            }

            var item = new JsonObject { ["linkId"] = state.Id, ["text"] = state.Question.Get(session.Culture) };
            var answers = Answers(state, answer);
            if (answers.Count > 0)
            {
                item["answer"] = answers;
            }

            items.Add(item);
        }

        return new JsonObject
        {
            ["resourceType"] = "QuestionnaireResponse",
            ["id"] = ResourceId(session.Key),
            ["identifier"] = new JsonObject
            {
                ["system"] = "https://bottriage.example/fhir/conversation/" + session.ChannelId,
                ["value"] = session.ConversationId,
            },
            ["questionnaire"] = FhirQuestionnaire.CanonicalUrl,
            ["status"] = session.Status == SessionStatus.Completed ? "completed" : session.State.Outcome is null ? "in-progress" : "stopped",
            ["authored"] = session.Updated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["language"] = session.Culture,
            ["item"] = items,
        };
    }

    private static JsonArray Answers(DialogState state, Answer answer)
    {
        var values = new List<JsonObject>();
        switch (state.Kind)
        {
            case AnswerKind.YesNo when answer.YesNo is YesNo.Yes or YesNo.No:
                values.Add(new JsonObject { ["valueBoolean"] = answer.YesNo == YesNo.Yes });
                break;
            case AnswerKind.Choice when answer.Choice is { } code:
                var label = state.Choices.FirstOrDefault(c => c.Code == code)?.Label.Nl;
                values.Add(new JsonObject { ["valueCoding"] = new JsonObject { ["system"] = FhirQuestionnaire.CodeSystem, ["code"] = code, ["display"] = label } });
                break;
            case AnswerKind.Number when answer.Number is { } number:
                values.Add(new JsonObject { ["valueDecimal"] = number });
                break;
            case AnswerKind.Scale when answer.Number is { } scale:
                values.Add(new JsonObject { ["valueInteger"] = (int)Math.Round(scale) });
                break;
            case AnswerKind.Duration when answer.Seconds is { } seconds:
                values.Add(new JsonObject
                {
                    ["valueQuantity"] = new JsonObject
                    {
                        ["value"] = Math.Round(seconds / 86400.0, 2),
                        ["unit"] = "d",
                        ["system"] = "http://unitsofmeasure.org",
                        ["code"] = "d",
                    },
                });
                break;
            case AnswerKind.BodyLocation:
                values.AddRange(answer.Locations.Select(l => new JsonObject
                {
                    ["valueCoding"] = new JsonObject
                    {
                        ["system"] = FhirQuestionnaire.CodeSystem,
                        ["code"] = l.Code,
                        ["display"] = l.Side == BodySide.Unspecified ? l.Code : $"{l.Code} ({l.Side.ToString().ToLowerInvariant()})",
                    },
                }));
                break;
            case AnswerKind.FreeText:
                var text = answer.Text ?? answer.Evidence;
                if (text.Length > 0)
                {
                    values.Add(new JsonObject { ["valueString"] = text });
                }

                break;
        }

        return new JsonArray([.. values]);
    }

    /// <summary>A FHIR id ([A-Za-z0-9-.]{1,64}) that stays the same for one conversation and does not show its id.</summary>
    private static string ResourceId(SessionKey key) =>
        "bt-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ChannelId + "\n" + key.ConversationId)), 0, 16).ToLowerInvariant();
}
