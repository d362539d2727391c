using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Numbers;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>Finds numbers (<see cref="NumberResolution"/>) in Dutch or English text. Thread-safe.</summary>
public sealed class NumberRecognizer : LexiconRecognizer
{
    public NumberRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results) =>
        Scan(text, lexicon, results);

    /// <summary>
    /// The ages <paramref name="text"/> says the person is, as the whole message: one age from 1 to 120 with only the
    /// lexicon's words for an age around it ("ik ben 62", "45 jaar oud", "I'm 45", "62"), or a bound ("ouder dan 50",
    /// "onder de 20", "tussen 20 en 50"), after a yes or no if any ("nee, ik ben 35"). Null for anything else: "ik word
    /// 50", "een stuk of 50", "mijn vader is 62", "62,5". With <paramref name="worded"/>, what a message to another
    /// question can say of the age in passing: only an age said with words for an age ("ik ben 55", "45 jaar oud") or
    /// as "ouder dan" or "jonger dan", not a bare number, "tussen de 5 en 7" (a pain score as much as an age) or "10
    /// jaar" (a duration as much as an age); and it may be one clause of a longer message ("ik ben 68 en heb voor het
    /// eerst rugpijn"). Told <paramref name="onBehalf"/> of someone else, their age after their name is an age in words:
    /// "mijn moeder is 84".
    /// </summary>
    public AgeSpan? RecognizeAge(string text, string culture, bool worded = false, bool onBehalf = false) => Find(text, culture, worded, onBehalf)?.Age;

    /// <summary>The age said in passing (<see cref="RecognizeAge"/> with worded) and the words that say it: "ik ben 68".</summary>
    public (AgeSpan Age, string Words)? FindAge(string text, string culture, bool onBehalf = false) => Find(text, culture, worded: true, onBehalf);

    private (AgeSpan Age, string Words)? Find(string text, string culture, bool worded, bool onBehalf)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text).Told(onBehalf);
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens.Tokens[i].Kind == TokenKind.Punctuation)
            {
                i++;
            }
            else if (lexicon.Answers.TryMatch(tokens, i, out var answerEnd, out _))
            {
                i = answerEnd;
            }
            else
            {
                break;
            }
        }

        for (var k = i; k < tokens.Count; k++)
        {
            var clauseStart = k == i || (NegationScope.EndsClause(tokens, lexicon, k - 1) && !NegationScope.EndsClause(tokens, lexicon, k));
            if (clauseStart && ReadAge(tokens, lexicon, k, worded) is { } read)
            {
                var end = read.End;
                while (end < tokens.Count && tokens.Tokens[end].Kind == TokenKind.Punctuation)
                {
                    end++;
                }

                if (end == tokens.Count || (worded && NegationScope.EndsClause(tokens, lexicon, read.End)))
                {
                    return (read.Said, tokens.Span(k, read.End - 1));
                }
            }

            if (!worded)
            {
                break;
            }
        }

        return null;
    }

    // The age said from token start on, and where it ends; with worded, only one said with words for an age.
    private static (AgeSpan Said, int End)? ReadAge(TokenizedText tokens, LanguageLexicon lexicon, int start, bool worded)
    {
        var i = start;
        var words = false;
        if (lexicon.AgeBefore.TryMatch(tokens, i, out var beforeEnd, out _))
        {
            i = beforeEnd;
            words = true;
        }
        else if (tokens.OnBehalf && lexicon.OtherPeople.TryMatch(tokens, i, out var nameEnd, out _) && lexicon.AgeAfterSomeone.TryMatch(tokens, nameEnd, out var isEnd, out _))
        {
            i = isEnd;
            words = true;
        }

        AgeSpan said;
        if (lexicon.AgeOlder.TryMatch(tokens, i, out var olderEnd, out _) && TryAge(tokens, lexicon, olderEnd, out var above))
        {
            said = new AgeSpan(above.Age + 1, AgeSpan.MaxAge);
            i = above.End;
            words = true;
        }
        else if (lexicon.AgeYounger.TryMatch(tokens, i, out var youngerEnd, out _) && TryAge(tokens, lexicon, youngerEnd, out var below))
        {
            said = new AgeSpan(AgeSpan.MinAge, below.Age - 1);
            i = below.End;
            words = true;
        }
        else if (lexicon.AgeBetween.TryMatch(tokens, i, out var betweenEnd, out _) && TryAge(tokens, lexicon, betweenEnd, out var low)
            && low.End < tokens.Count && lexicon.NumberJoiners.Contains(tokens.Tokens[low.End].Id) && TryAge(tokens, lexicon, low.End + 1, out var high))
        {
            said = new AgeSpan(Math.Min(low.Age, high.Age), Math.Max(low.Age, high.Age));
            i = high.End;
        }
        else if (TryAge(tokens, lexicon, i, out var age))
        {
            said = new AgeSpan(age.Age, age.Age);
            i = age.End;
        }
        else
        {
            return null;
        }

        if (lexicon.AgeAfter.TryMatch(tokens, i, out var afterEnd, out _))
        {
            // "10 jaar" alone is a duration as much as an age; "10 jaar oud" is an age.
            words |= afterEnd - i > 1 || !lexicon.Units.ContainsKey(tokens.Tokens[i].Id);
            i = afterEnd;
        }

        return said.Youngest <= said.Oldest && (words || !worded) ? (said, i) : null;
    }

    // A whole number of years from 1 to 120, written in digits or words: no vague amount, fraction or decimal.
    private static bool TryAge(TokenizedText tokens, LanguageLexicon lexicon, int index, out (int Age, int End) age)
    {
        age = default;
        if (!NumberParser.TryParse(tokens, lexicon, index, out var number) || number.Approximate
            || number.Form is not (NumberForm.Digits or NumberForm.Words) || !AgeSpan.IsAge(number.Value))
        {
            return false;
        }

        age = ((int)number.Value, number.End);
        return true;
    }

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        var i = 0;
        while (i < text.Count)
        {
            if (NumberParser.TryParse(text, lexicon, i, out var match))
            {
                // Digits written onto a word name something else: "de A10", "L5".
                if (!(match.Form == NumberForm.Digits && text.GluedToAWord(match.First)))
                {
                    results.Add(text.Result(match.First, match.End - 1, new NumberResolution(match.Value, match.Approximate)));
                }

                i = match.End;
            }
            else
            {
                i++;
            }
        }
    }
}
