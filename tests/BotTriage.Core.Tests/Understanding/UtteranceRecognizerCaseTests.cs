using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BotTriage.Core.Tests.Understanding;

public sealed class UtteranceRecognizerCaseTests
{
    private static readonly string[] Types = ["number", "duration", "boolean", "painScore", "bodyLocation", "redFlag", "emergency"];

    public static TheoryData<string> CaseIds => [.. RecognizerCases.Ids];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void RecognizesTheCaseFileUtterance(string id)
    {
        var testCase = RecognizerCases.Get(id);

        var actual = SharedRecognizer.Instance.Recognize(testCase.Text, testCase.Culture, testCase.Today)
            .Where(e => e.TypeName == testCase.Type)
            .Select(ToJson)
            .ToList();

        var message = $"{id}\nexpected: [{string.Join(", ", testCase.Expected.Select(e => e.GetRawText()))}]\nactual:   [{string.Join(", ", actual.Select(a => a.GetRawText()))}]";
        Assert.True(actual.Count == testCase.Expected.Count, message);
        for (var i = 0; i < actual.Count; i++)
        {
            foreach (var property in testCase.Expected[i].EnumerateObject())
            {
                Assert.True(actual[i].TryGetProperty(property.Name, out var value) && SameValue(property.Value, value), $"{property.Name} differs\n{message}");
            }
        }
    }

    [Fact]
    public void CaseFilesCoverEveryTypeInBothLanguagesWithHundredsOfCases()
    {
        var cases = RecognizerCases.Cases.ToList();

        Assert.True(cases.Count >= 300, $"only {cases.Count.ToString(CultureInfo.InvariantCulture)} cases");
        foreach (var culture in new[] { "nl", "en" })
        {
            foreach (var type in Types)
            {
                Assert.Contains(cases, c => c.Culture == culture && c.Type == type && c.Expected.Count > 0);
                Assert.Contains(cases, c => c.Culture == culture && c.Type == type && c.Expected.Count == 0);
            }
        }
    }

    private static JsonElement ToJson(BotTriage.Core.Understanding.ModelResult entity)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            entity.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        return document.RootElement.Clone();
    }

    private static bool SameValue(JsonElement expected, JsonElement actual) => expected.ValueKind switch
    {
        JsonValueKind.Number => actual.ValueKind == JsonValueKind.Number && Math.Abs(expected.GetDouble() - actual.GetDouble()) < 1e-9,
        _ => expected.ValueKind == actual.ValueKind && expected.GetRawText() == actual.GetRawText(),
    };
}
