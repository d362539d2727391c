using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// Decides whether a phrase tells of someone else: "mijn moeder had kanker", "my wife is pregnant". Its clause (up to
/// punctuation, or a joining word such as "en" before a name or a word of the person) names another person
/// (red-flags.yaml <c>someoneElse.people</c>) and holds no word of the person themself (<c>self</c>) outside that
/// name, and the message does not say the person has it too (<c>selfToo</c>).
/// A word of the person that a negation follows ("maar ik niet", "but I didn't") is no claim of theirs. Whenever the
/// person could be the one meant, the phrase stays theirs: "mijn vrouw zegt dat ik koorts heb", "mijn moeder en ik
/// hebben het allebei", "mijn moeder had kanker, ik ook", and so does a clause with a word of someone reporting
/// (<c>reporting</c>: "mijn vrouw heeft het ook gemerkt" is about the person). A clause that starts with a relative word
/// (<c>relative</c>: "die", "who") right after a name, with a comma or without, is that name's: "mijn moeder, die
/// borstkanker had", "ik zorg voor mijn vader die kanker heeft".
/// </summary>
internal static class SomeoneElse
{
    // How far after a word of the person a negation still takes its claim back: "ik niet", "ik zelf niet", "I didn't".
    private const int DenialReach = 2;

    /// <summary>Whether the phrase from <paramref name="phraseStart"/> up to (not including) <paramref name="phraseEnd"/> is someone else's.</summary>
    public static bool Holds(TokenizedText text, LanguageLexicon lexicon, int phraseStart, int phraseEnd)
    {
        if (text.OnBehalf)
        {
            return false;
        }

        // "Ik zorg voor mijn vader die kanker heeft": a relative clause right after a name is that name's, comma or not.
        var first = phraseStart;
        while (first > 0 && !text.Tokens[first - 1].IsBreak && !StartsAnother(text, lexicon, first - 1) && !(first < phraseStart && lexicon.RelativeWords.Contains(text.Tokens[first].Id) && NameEndsAt(text, lexicon, first)))
        {
            first--;
        }

        return IsAboutSomeoneElse(text, lexicon, first, phraseEnd);
    }

    /// <summary>
    /// Whether the words right after a yes at <paramref name="from"/> (the rest of its clause, or the next clause when
    /// the yes ends its own) tell of someone else: "ja, mijn moeder", "yes my dad did". Then the yes is theirs, not an
    /// answer of the person's.
    /// </summary>
    public static bool Follows(TokenizedText text, LanguageLexicon lexicon, int from)
    {
        if (text.OnBehalf)
        {
            return false;
        }

        var first = from;
        while (first < text.Count && text.Tokens[first].IsBreak)
        {
            first++;
        }

        return first < text.Count && IsAboutSomeoneElse(text, lexicon, first, first);
    }

    // The clause from first (its start) that reaches at least to reach: it names someone else and nothing of the person.
    private static bool IsAboutSomeoneElse(TokenizedText text, LanguageLexicon lexicon, int first, int reach)
    {
        if (lexicon.OtherPeople.Count == 0)
        {
            return false;
        }

        var last = reach;
        while (last < text.Count && !text.Tokens[last].IsBreak && !StartsAnother(text, lexicon, last))
        {
            last++;
        }

        var named = AboutTheNameBefore(text, lexicon, first);
        for (var k = first; k < last; k++)
        {
            if (lexicon.OtherPeople.TryMatch(text, k, out var end, out _) && end <= last)
            {
                named = true;
                k = end - 1;
            }
            else if (lexicon.ReportingWords.Contains(text.Tokens[k].Id)
                || (lexicon.SelfWords.Contains(text.Tokens[k].Id) && !TakenBack(text, lexicon, k, last)))
            {
                return false;
            }
        }

        return named && !lexicon.SelfToo.OccursIn(text);
    }

    // The longest name of someone else looked for before a relative clause: "mijn schoonmoeder", "m'n halfbroer".
    private const int LongestName = 4;

    // A clause that starts with a relative word (someoneElse.relative: "die", "who") right after a name, with its comma
    // or without, tells of that name: "mijn moeder, die borstkanker had, ...", "mijn vader die kanker heeft".
    private static bool AboutTheNameBefore(TokenizedText text, LanguageLexicon lexicon, int first) =>
        first >= 1 && lexicon.RelativeWords.Contains(text.Tokens[first].Id)
        && (NameEndsAt(text, lexicon, first) || (first >= 2 && text.Tokens[first - 1].IsBreak && NameEndsAt(text, lexicon, first - 1)));

    // Whether a name of someone else ends right before token k.
    private static bool NameEndsAt(TokenizedText text, LanguageLexicon lexicon, int k)
    {
        for (var start = k - 1; start >= Math.Max(0, k - LongestName); start--)
        {
            if (lexicon.OtherPeople.TryMatch(text, start, out var end, out _) && end == k)
            {
                return true;
            }
        }

        return false;
    }

    // A joining word (negation.yaml breaks: "en", "maar") right before a name or a word of the person starts another
    // clause: "ik heb rugpijn en mijn moeder had kanker", "mijn dochter heeft koorts en ik heb rugpijn".
    private static bool StartsAnother(TokenizedText text, LanguageLexicon lexicon, int k)
    {
        if (!lexicon.ScopeBreaks.Contains(text.Tokens[k].Id) || k + 1 >= text.Count)
        {
            return false;
        }

        return lexicon.OtherPeople.TryMatch(text, k + 1, out _, out _) || lexicon.SelfWords.Contains(text.Tokens[k + 1].Id);
    }

    private static bool TakenBack(TokenizedText text, LanguageLexicon lexicon, int self, int clauseEnd)
    {
        for (var k = self + 1; k <= self + DenialReach && k < clauseEnd; k++)
        {
            if (lexicon.NegationCues.TryMatch(text, k, out _, out _))
            {
                return true;
            }
        }

        return false;
    }
}
