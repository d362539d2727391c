using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds red-flag symptoms (<see cref="RedFlagResolution"/>) from the red-flag lexicon, negated when a negation cue
/// reaches the phrase (see the lexicon README): <c>geen koorts</c> is a negated fever. Thread-safe.
/// </summary>
public sealed class RedFlagRecognizer : LexiconRecognizer
{
    public RedFlagRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results) =>
        Scan(text, lexicon, results);

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        var i = 0;
        while (i < text.Count)
        {
            if (lexicon.RedFlags.TryMatch(text, i, out var end, out var code))
            {
                results.Add(text.Result(i, end - 1, new RedFlagResolution(code, NegationScope.IsNegated(text, lexicon, i))));
                i = end;
            }
            else
            {
                i++;
            }
        }
    }
}
