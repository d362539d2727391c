using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds emergency phrases (<see cref="EmergencyResolution"/>) anywhere in a message. A medical emergency phrase that
/// is negated (<c>geen pijn op de borst</c>, <c>pijn op de borst heb ik niet</c>) is not an emergency (the red-flag
/// recognizer still reports it, negated); a suicidal phrase is reported whatever negation comes before or after it,
/// because "nee ik wil dood" must never be missed. Thread-safe.
/// </summary>
public sealed class EmergencyRecognizer : LexiconRecognizer
{
    public EmergencyRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results) =>
        Scan(text, lexicon, Lexicons.EmergencyCategories, results);

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, IReadOnlyDictionary<string, EmergencyCategory> categories, List<ModelResult> results)
    {
        var i = 0;
        while (i < text.Count)
        {
            if (lexicon.Emergencies.TryMatch(text, i, out var end, out var code))
            {
                var category = categories.GetValueOrDefault(code);
                if (category == EmergencyCategory.Suicide || !NegationScope.IsNegated(text, lexicon, i, end))
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
