using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// Decides whether a phrase is negated, NegEx-style: a negation cue (<c>geen</c>, <c>no</c>, <c>don't have</c>) at most
/// the lexicon's window of words before it, in the same clause. Punctuation and scope breaks (<c>maar</c>, <c>wel</c>,
/// <c>but</c>) end a cue's reach, so in "geen tintelingen maar wel krachtverlies" only the tingling is negated;
/// pseudo-negations (<c>geen idee</c>, <c>not sure</c>) are not cues.
/// </summary>
internal static class NegationScope
{
    private const int LongestPseudo = 3;

    public static bool IsNegated(TokenizedText text, LanguageLexicon lexicon, int phraseStart) => FindCue(text, lexicon, phraseStart) >= 0;

    /// <summary>Where the cue that negates the phrase at <paramref name="phraseStart"/> starts, or -1 when none does.</summary>
    public static int FindCue(TokenizedText text, LanguageLexicon lexicon, int phraseStart)
    {
        var stop = Math.Max(0, phraseStart - lexicon.NegationWindow);
        for (var k = phraseStart - 1; k >= stop; k--)
        {
            var token = text.Tokens[k];
            if (token.IsBreak || lexicon.ScopeBreaks.Contains(token.Id))
            {
                return -1;
            }

            for (var p = Math.Max(0, k - LongestPseudo + 1); p <= k; p++)
            {
                if (lexicon.PseudoNegations.TryMatch(text, p, out var pseudoEnd, out _) && pseudoEnd > k)
                {
                    return -1;
                }
            }

            if (lexicon.NegationCues.TryMatch(text, k, out var cueEnd, out _) && cueEnd <= phraseStart)
            {
                return k;
            }
        }

        return -1;
    }
}
