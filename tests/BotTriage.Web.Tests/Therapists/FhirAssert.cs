using System.Globalization;
using System.Text.Json;

namespace BotTriage.Web.Tests.Therapists;

/// <summary>Checks the elements FHIR R4 requires of a QuestionnaireResponse, and that each answer's value[x] fits its item's type.</summary>
public static class FhirAssert
{
    private static readonly string[] Statuses = ["in-progress", "completed", "amended", "entered-in-error", "stopped"];

    public static void ValidQuestionnaireResponse(JsonElement resource, string questionnaireUrl, IReadOnlyDictionary<string, string> itemTypes)
    {
        Assert.Equal("QuestionnaireResponse", resource.GetProperty("resourceType").GetString());
        Assert.Matches("^[A-Za-z0-9\\-\\.]{1,64}$", resource.GetProperty("id").GetString());
        Assert.Contains(resource.GetProperty("status").GetString(), Statuses);
        Assert.Equal(questionnaireUrl, resource.GetProperty("questionnaire").GetString());
        Assert.True(DateTimeOffset.TryParseExact(resource.GetProperty("authored").GetString(), "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        foreach (var item in resource.GetProperty("item").EnumerateArray())
        {
            var linkId = item.GetProperty("linkId").GetString()!;
            Assert.True(itemTypes.TryGetValue(linkId, out var type), $"linkId '{linkId}' is not an item of the Questionnaire");
            if (!item.TryGetProperty("answer", out var answers))
            {
                continue;
            }

            foreach (var answer in answers.EnumerateArray())
            {
                var values = answer.EnumerateObject().Where(p => p.Name.StartsWith("value", StringComparison.Ordinal)).ToList();
                var value = Assert.Single(values);
                Assert.Equal(ExpectedValue(type), value.Name);
            }
        }
    }

    private static string ExpectedValue(string itemType) => itemType switch
    {
        "boolean" => "valueBoolean",
        "choice" => "valueCoding",
        "decimal" => "valueDecimal",
        "integer" => "valueInteger",
        "quantity" => "valueQuantity",
        _ => "valueString",
    };
}
