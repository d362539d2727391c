using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// Decides whether a phrase is negated, NegEx-style: a negation cue (<c>geen</c>, <c>no</c>, <c>don't have</c>) at most
/// the lexicon's window of words before it, in the same clause. Punctuation and scope breaks (<c>maar</c>, <c>wel</c>,
/// <c>but</c>) end a cue's reach, so in "geen tintelingen maar wel krachtverlies" only the tingling is negated;
/// so do words that close the deed a cue denies (<c>niks gedaan</c>, <c>niet gevallen</c>); pseudo-negations
/// (<c>geen idee</c>, <c>not sure</c>) are not cues. A denial may also follow the phrase, as Dutch often
/// has it (<c>koorts heb ik niet</c>), but only right after it and ending its clause (see <see cref="FindDenialAfter"/>).
/// </summary>
internal static class NegationScope
{
    private const int LongestPseudo = 3;

    /// <summary>Whether the token at <paramref name="k"/> ends a clause: punctuation, a joining word (negation.yaml <c>breaks</c>) or the message's edge.</summary>
    public static bool EndsClause(TokenizedText text, LanguageLexicon lexicon, int k) =>
        text.IsBreakAt(k) || lexicon.ScopeBreaks.Contains(text.IdAt(k));

    /// <summary>
    /// Whether a word of uncertainty (negation.yaml <c>uncertain</c>) reaches the phrase at <paramref name="phraseStart"/>
    /// from before, in its clause and window: "geen idee of ik koorts heb" says neither yes nor no of the fever.
    /// </summary>
    public static bool IsUncertain(TokenizedText text, LanguageLexicon lexicon, int phraseStart)
    {
        if (lexicon.Uncertain.Count == 0)
        {
            return false;
        }

        var stop = Math.Max(0, phraseStart - lexicon.NegationWindow - 3);
        for (var k = phraseStart - 1; k >= stop; k--)
        {
            if (lexicon.Uncertain.TryMatch(text, k, out var end, out _) && end <= phraseStart)
            {
                return true;
            }

            if (EndsClause(text, lexicon, k))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether the phrase from <paramref name="phraseStart"/> up to (not including) <paramref name="phraseEnd"/> is denied, before or after.</summary>
    public static bool IsNegated(TokenizedText text, LanguageLexicon lexicon, int phraseStart, int phraseEnd) =>
        FindCue(text, lexicon, phraseStart) >= 0 || FindDenialAfter(text, lexicon, phraseStart, phraseEnd) >= 0;

    /// <summary>Where the cue that negates the phrase at <paramref name="phraseStart"/> starts, or -1 when none does.</summary>
    public static int FindCue(TokenizedText text, LanguageLexicon lexicon, int phraseStart)
    {
        var stop = Math.Max(0, phraseStart - lexicon.NegationWindow);
        for (var k = phraseStart - 1; k >= stop; k--)
        {
            if (EndsClause(text, lexicon, k) || ClosesADenial(text, lexicon, k))
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
                return LongerCueStart(text, lexicon, k);
            }
        }

        return -1;
    }

    // Whether the word at k closes what a cue before it denies (negation.yaml closers): not when a list joiner follows it,
    // since "niet gevallen of flauwgevallen" denies both.
    private static bool ClosesADenial(TokenizedText text, LanguageLexicon lexicon, int k) =>
        lexicon.NegationClosers.Contains(text.IdAt(k)) && !(k + 1 < text.Count && lexicon.ListJoiners.Contains(text.IdAt(k + 1)));

    // Where a longer cue that reaches over the one at k starts ("zeker geen", whose "zeker" is then no yes of its own).
    private static int LongerCueStart(TokenizedText text, LanguageLexicon lexicon, int k)
    {
        for (var p = Math.Max(0, k - 2); p < k; p++)
        {
            if (lexicon.NegationCues.TryMatch(text, p, out var end, out _) && end > k)
            {
                return p;
            }
        }

        return k;
    }

    /// <summary>
    /// Whether the medicine <paramref name="code"/> named from <paramref name="phraseStart"/> to
    /// <paramref name="phraseEnd"/> is told as stopped (red-flags.yaml <c>stopped</c>): by the words right before it
    /// ("gestopt met ascal"), or by those right after it that end the clause ("ik gebruik ascal niet meer").
    /// </summary>
    public static bool Stopped(TokenizedText text, LanguageLexicon lexicon, string code, int phraseStart, int phraseEnd)
    {
        if (!lexicon.StoppedCodes.Contains(code))
        {
            return false;
        }

        if (lexicon.StoppedAfter.TryMatch(text, phraseEnd, out var end, out _) && EndsClause(text, lexicon, end))
        {
            return true;
        }

        for (var start = Math.Max(0, phraseStart - 4); start < phraseStart; start++)
        {
            if (lexicon.StoppedBefore.TryMatch(text, start, out var before, out _) && before == phraseStart)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The end (exclusive) of a trailing negation (negation.yaml <c>after</c>: <c>heb ik niet</c>, <c>niet</c>,
    /// <c>nee</c>) right after the phrase from <paramref name="phraseStart"/> to <paramref name="phraseEnd"/> that ends
    /// the clause: the message ends there, or punctuation or a scope break follows ("koorts heb ik niet", "tintelingen
    /// niet, wel krachtverlies"); else -1. Anything else after it leaves the phrase standing, since the denial may be
    /// of something else: "koorts niet gemeten", "koorts heb ik niet meer". So does a phrase that holds a negation
    /// of its own, which the words after it agree with rather than deny: "geen gevoel in mijn been nee", "wordt niet
    /// beter nee". When in doubt, the flag stands.
    /// </summary>
    public static int FindDenialAfter(TokenizedText text, LanguageLexicon lexicon, int phraseStart, int phraseEnd)
    {
        // "Kanker? Nee, gelukkig niet": a sign asked back and then denied needs no end of the clause after the denial.
        if (!lexicon.TrailingNegations.TryMatch(text, phraseEnd, out var end, out _)
            || !(EndsClause(text, lexicon, end) || text.TextOf(phraseEnd) is "?" or ":"))
        {
            return -1;
        }

        for (var k = phraseStart; k < phraseEnd; k++)
        {
            if (lexicon.NegationCues.TryMatch(text, k, out var cueEnd, out _) && cueEnd <= phraseEnd)
            {
                return -1;
            }
        }

        return end;
    }
}
