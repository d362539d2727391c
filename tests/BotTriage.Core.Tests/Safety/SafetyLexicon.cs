using BotTriage.Core.Dialogs;
using YamlDotNet.RepresentationModel;

namespace BotTriage.Core.Tests.Safety;

/// <summary>
/// The words the generated conversations are made of, read from the shipped lexicons so the walks grow with them:
/// yes/no answers, body locations, red flags, duration units and the emergency phrases with their advice category.
/// </summary>
internal sealed class SafetyLexicon
{
    private static readonly Lazy<SafetyLexicon> Shipped = new(() => new SafetyLexicon(Path.Combine(DialogPaths.Default, DialogLoader.LexiconDirectory)));

    private readonly Dictionary<string, Words> _languages = new(StringComparer.Ordinal);

    private SafetyLexicon(string directory)
    {
        var categories = Mapping(Load(Path.Combine(directory, "codes.yaml")), "emergencies")
            .Children.ToDictionary(c => Text(c.Key), c => Text(c.Value), StringComparer.Ordinal);
        foreach (var culture in new[] { Cultures.Dutch, Cultures.English })
        {
            var folder = Path.Combine(directory, culture);
            var yesNo = (YamlMappingNode)Load(Path.Combine(folder, "yes-no.yaml"));
            var locations = Mapping(Load(Path.Combine(folder, "body-locations.yaml")), "locations");
            var units = Mapping(Load(Path.Combine(folder, "durations.yaml")), "units");
            var flags = Mapping(Load(Path.Combine(folder, "red-flags.yaml")), "flags");
            var emergencies = Mapping(Load(Path.Combine(folder, "emergencies.yaml")), "emergencies");
            _languages[culture] = new Words(
                [.. yesNo.Children.Values.SelectMany(List)],
                [.. locations.Children.Values.SelectMany(l => List(((YamlMappingNode)l).Children[new YamlScalarNode("phrases")]))],
                [.. units.Children.Values.SelectMany(u => List(((YamlMappingNode)u).Children[new YamlScalarNode("plural")]))],
                [.. flags.Children.Values.SelectMany(List)],
                [.. emergencies.Children.SelectMany(e => List(e.Value).Select(p => new EmergencyPhrase(culture, Text(e.Key), Typed(p), categories[Text(e.Key)] == "suicide")))]);
        }
    }

    public static SafetyLexicon Default => Shipped.Value;

    public Words this[string culture] => _languages[culture];

    public IEnumerable<EmergencyPhrase> Emergencies => _languages.Values.SelectMany(w => w.Emergencies);

    /// <summary>A phrase as someone would type it: the lexicon's <c>...</c> (a gap of up to three words) left out.</summary>
    private static string Typed(string phrase) =>
        string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "..."));

    private static YamlNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Mapping(YamlNode root, string key) => (YamlMappingNode)((YamlMappingNode)root).Children[new YamlScalarNode(key)];

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static IEnumerable<string> List(YamlNode node) => node is YamlSequenceNode list ? list.Select(Text) : [];

    /// <summary>The phrases of one language.</summary>
    public sealed record Words(
        IReadOnlyList<string> Answers,
        IReadOnlyList<string> Locations,
        IReadOnlyList<string> DurationUnits,
        IReadOnlyList<string> RedFlags,
        IReadOnlyList<EmergencyPhrase> Emergencies);
}
