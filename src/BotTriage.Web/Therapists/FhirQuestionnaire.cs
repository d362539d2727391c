using System.Text.Json.Nodes;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Web.Therapists;

/// <summary>
/// The FHIR R4 <c>Questionnaire</c> of the triage, generated from the flow in <c>dialogs/</c>: one item per question
/// (outcome states are not questions), its <c>linkId</c> the state id, its text in Dutch, its type from the kind of answer.
/// </summary>
public static class FhirQuestionnaire
{
    /// <summary>The canonical URL that every exported <c>QuestionnaireResponse.questionnaire</c> points at.</summary>
    public const string CanonicalUrl = "https://bottriage.example/fhir/Questionnaire/triage";

    /// <summary>The code system of the choice answers and body locations.</summary>
    public const string CodeSystem = "https://bottriage.example/fhir/CodeSystem/triage";

    public static JsonObject Build(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var items = new JsonArray();
        foreach (var state in flow.States.Where(s => !s.IsOutcome))
        {
            var item = new JsonObject
            {
                ["linkId"] = state.Id,
                ["text"] = state.Question.Nl,
                ["type"] = ItemType(state.Kind),
                ["required"] = false,
            };
            if (state.Kind == AnswerKind.BodyLocation)
            {
                item["repeats"] = true;
            }

            if (state.Kind == AnswerKind.Choice)
            {
                item["answerOption"] = new JsonArray([.. state.Choices.Select(c => (JsonNode?)new JsonObject
                {
                    ["valueCoding"] = new JsonObject { ["system"] = CodeSystem, ["code"] = c.Code, ["display"] = c.Label.Nl },
                })]);
            }

            items.Add(item);
        }

        return new JsonObject
        {
            ["resourceType"] = "Questionnaire",
            ["id"] = "triage",
            ["url"] = CanonicalUrl,
            ["name"] = "BotTriage",
            ["title"] = "BotTriage intake en triage",
            ["status"] = "active",
            ["language"] = "nl",
            ["subjectType"] = new JsonArray("Patient"),
            ["item"] = items,
        };
    }

    /// <summary>The FHIR item type for a kind of answer; the response's <c>value[x]</c> follows from it.</summary>
    public static string ItemType(AnswerKind kind) => kind switch
    {
        AnswerKind.YesNo => "boolean",
        AnswerKind.Choice => "choice",
        AnswerKind.Number => "decimal",
        AnswerKind.Scale => "integer",
        AnswerKind.Duration => "quantity",
        AnswerKind.BodyLocation => "choice",
        _ => "string",
    };
}
