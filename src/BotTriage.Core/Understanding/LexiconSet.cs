using System.Collections.Frozen;
using BotTriage.Core.Understanding.Lexicons;

namespace BotTriage.Core.Understanding;

/// <summary>
/// The loaded lexicons of every language under a lexicon folder (<c>dialogs/lexicons</c>): <c>codes.yaml</c> and one
/// folder per language. Load once at start; immutable and safe to share between threads afterwards.
/// </summary>
public sealed class LexiconSet
{
    private readonly Dictionary<string, LanguageLexicon> _languages;

    internal LexiconSet(Dictionary<string, LanguageLexicon> languages, Dictionary<string, EmergencyCategory> emergencyCategories, IEnumerable<string> bodyLocationCodes, IEnumerable<string> redFlagCodes, IEnumerable<string> inTheLeg)
    {
        InTheLeg = inTheLeg.ToFrozenSet(StringComparer.Ordinal);
        _languages = languages;
        EmergencyCategories = emergencyCategories;
        BodyLocationCodes = bodyLocationCodes.ToFrozenSet(StringComparer.Ordinal);
        RedFlagCodes = redFlagCodes.ToFrozenSet(StringComparer.Ordinal);
        var answered = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        foreach (var lexicon in languages.Values)
        {
            foreach (var (id, at) in lexicon.QuestionAnswerLines)
            {
                answered.TryAdd(id, at);
            }
        }

        AnsweredQuestions = answered.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The stable body-location codes of <c>codes.yaml</c>.</summary>
    public IReadOnlySet<string> BodyLocationCodes { get; }

    /// <summary>The body locations in a leg (<c>codes.yaml</c> <c>inTheLeg</c>): a leg word beside one names its limb.</summary>
    public IReadOnlySet<string> InTheLeg { get; }

    /// <summary>The stable red-flag codes of <c>codes.yaml</c>.</summary>
    public IReadOnlySet<string> RedFlagCodes { get; }

    /// <summary>
    /// The question ids that yes-no.yaml gives words of their own (its <c>questions</c>), each with the file and line
    /// of its first entry: the flow must have a yes-no question by each id.
    /// </summary>
    public IReadOnlyDictionary<string, (string File, int Line)> AnsweredQuestions { get; }

    /// <summary>The language codes with lexicons, such as <c>en</c> and <c>nl</c>.</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>The advice category of each emergency code.</summary>
    public IReadOnlyDictionary<string, EmergencyCategory> EmergencyCategories { get; }

    /// <summary>Loads and checks every lexicon file; throws <see cref="LexiconException"/> with all problems found.</summary>
    public static LexiconSet Load(string lexiconDirectory) => LexiconLoader.Load(lexiconDirectory);

    /// <summary>True when <paramref name="culture"/> (<c>nl</c>, <c>nl-NL</c>, <c>en-US</c>) has a lexicon.</summary>
    public bool Supports(string culture) => TryGet(culture, out _);

    internal LanguageLexicon Get(string culture)
    {
        if (!TryGet(culture, out var lexicon))
        {
            throw new ArgumentException($"No lexicon for culture '{culture}'; available: {string.Join(", ", _languages.Keys)}.", nameof(culture));
        }

        return lexicon;
    }

    private bool TryGet(string culture, out LanguageLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var dash = culture.IndexOfAny(['-', '_']);
        var language = (dash < 0 ? culture : culture[..dash]).ToLowerInvariant();
        return _languages.TryGetValue(language, out lexicon!);
    }
}
