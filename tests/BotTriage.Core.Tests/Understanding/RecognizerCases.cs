using System.Globalization;
using System.Text.Json;

namespace BotTriage.Core.Tests.Understanding;

/// <summary>
/// Reads the case files under <c>Understanding/Cases/{culture}/{type}.json</c>. They are found next to the test
/// assembly when copied there, else in the source tree above it, so the cases are edited in one place.
/// </summary>
internal static class RecognizerCases
{
    private const string CasesFolder = "Cases";
    private static readonly DateOnly DefaultToday = new(2025, 3, 15);
    private static readonly Lazy<Dictionary<string, RecognizerCase>> All = new(Load);

    public static IReadOnlyCollection<string> Ids => All.Value.Keys;

    public static IEnumerable<RecognizerCase> Cases => All.Value.Values;

    public static RecognizerCase Get(string id) => All.Value[id];

    public static string Directory()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Understanding", CasesFolder);
        if (System.IO.Directory.Exists(copied))
        {
            return copied;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var source = Path.Combine(folder.FullName, "tests", "BotTriage.Core.Tests", "Understanding", CasesFolder);
            if (System.IO.Directory.Exists(source))
            {
                return source;
            }
        }

        throw new DirectoryNotFoundException("Understanding/Cases not found next to the tests or in the source tree above them.");
    }

    private static Dictionary<string, RecognizerCase> Load()
    {
        var cases = new Dictionary<string, RecognizerCase>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(Directory(), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var culture = root.GetProperty("culture").GetString()!;
            var type = root.GetProperty("type").GetString()!;
            var today = root.TryGetProperty("today", out var fileToday) ? ParseDate(fileToday) : DefaultToday;
            var index = 0;
            foreach (var item in root.GetProperty("cases").EnumerateArray())
            {
                index++;
                var text = item.GetProperty("text").GetString()!;
                var caseToday = item.TryGetProperty("today", out var t) ? ParseDate(t) : today;
                var expected = item.GetProperty("expected").EnumerateArray().Select(e => e.Clone()).ToList();
                var id = string.Create(CultureInfo.InvariantCulture, $"{culture}/{type}#{index:D3} {text}");
                cases.Add(id, new RecognizerCase(culture, type, text, caseToday, expected));
            }
        }

        return cases;
    }

    private static DateOnly ParseDate(JsonElement value) =>
        DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
