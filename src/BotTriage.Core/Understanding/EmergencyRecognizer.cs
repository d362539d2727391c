using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds emergency phrases (<see cref="EmergencyResolution"/>) anywhere in a message. A medical emergency phrase that
/// is negated (<c>geen pijn op de borst</c>) is not an emergency (the red-flag recognizer still reports it, negated);
/// a suicidal phrase is reported even after a negation cue, because "nee ik wil dood" must never be missed. Thread-safe.
/// </summary>
public sealed class EmergencyRecognizer
{
    private readonly LexiconSet _lexicons;

    public EmergencyRecognizer(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _lexicons = lexicons;
    }

    public IReadOnlyList<ModelResult> Recognize(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = _lexicons.Get(culture);
        var results = new List<ModelResult>();
        Scan(lexicon.Tokenize(text), lexicon, _lexicons.EmergencyCategories, results);
        return results;
    }

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, IReadOnlyDictionary<string, EmergencyCategory> categories, List<ModelResult> results)
    {
        var i = 0;
        while (i < text.Count)
        {
            if (lexicon.Emergencies.TryMatch(text, i, out var end, out var code))
            {
                var category = categories.GetValueOrDefault(code);
                if (category == EmergencyCategory.Suicide || !NegationScope.IsNegated(text, lexicon, i))
                {
                    results.Add(text.Result(i, end - 1, new EmergencyResolution(code, category)));
                }

                i = end;
            }
            else
            {
                i++;
            }
        }
    }
}
