using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds emergency phrases (<see cref="EmergencyResolution"/>) anywhere in a message. A medical emergency phrase that
/// is negated (<c>geen pijn op de borst</c>, <c>pijn op de borst heb ik niet</c>) is not an emergency (the red-flag
/// recognizer still reports it, negated); a suicidal phrase is reported whatever negation comes before or after it,
/// because "nee ik wil dood" must never be missed. A phrase of emergencies.yaml <c>past</c> ("hartaanval gehad", "my
/// dad had a stroke") is history and no emergency now. Thread-safe.
/// </summary>
public sealed class EmergencyRecognizer : LexiconRecognizer
{
    public EmergencyRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results) =>
        Scan(text, lexicon, Lexicons.EmergencyCategories, results);

    /// <summary>
    /// Adds the emergencies of <paramref name="text"/> to <paramref name="results"/>; the spans of the past ones
    /// (emergencies.yaml <c>past</c>), as offsets in the message, go to <paramref name="past"/> when it is given.
    /// </summary>
    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, IReadOnlyDictionary<string, EmergencyCategory> categories, List<ModelResult> results, List<ModelResult>? past = null)
    {
        var i = 0;
        while (i < text.Count)
        {
            if (lexicon.Emergencies.TryMatch(text, i, out var end, out var code))
            {
                // emergencies.yaml past: "2 jaar geleden een hartaanval gehad" is history, not an emergency now, unless
                // words right after it say it still is ("gisteren pijn op de borst, en nu nog steeds"): then the
                // emergency inside it counts.
                if (code.Length == 0 && StillNow(text, lexicon, end))
                {
                    if (!lexicon.Emergencies.TryMatchExcept(text, i, string.Empty, out end, out code))
                    {
                        i++;
                        continue;
                    }
                }

                if (code.Length == 0)
                {
                    past?.Add(text.Result(i, end - 1, new EmergencyResolution(code, EmergencyCategory.Medical)));
                    i = end;
                    continue;
                }

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

    /// <summary>Whether <paramref name="text"/> says the person is not safe now (emergencies.yaml <c>unsafe</c>).</summary>
    public bool SaysUnsafe(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        return lexicon.Unsafe.Count > 0 && lexicon.Unsafe.OccursIn(lexicon.Tokenize(text));
    }

    // Whether words of stillNow follow a past phrase that ends at from, with at most a comma or a joining word between
    // ("gisteren pijn op de borst, en nu nog steeds"), and end their clause: "a heart attack years ago and still have
    // back pain" says nothing of now about the heart attack.
    internal static bool StillNow(TokenizedText text, LanguageLexicon lexicon, int from)
    {
        for (var k = from; k < text.Count && k < from + StillNowReach; k++)
        {
            var still = lexicon.StillNow.TryMatch(text, k, out var end, out _);
            if (still && (end >= text.Count || NegationScope.EndsClause(text, lexicon, end)))
            {
                return true;
            }

            if (!still && text.TextOf(k) is not "," && !lexicon.ScopeBreaks.Contains(text.IdAt(k)))
            {
                return false;
            }
        }

        return false;
    }

    private const int StillNowReach = 3;
}
