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
        if (worded && NamedAge(tokens, lexicon) is { } named)
        {
            return named;
        }

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

    // "Ik (58)", and on someone's behalf "mijn vader van 78", "mijn moeder (80)", "my dad, 78,", "mijn moeder is 84": an
    // age told right after whom it is of (numbers.yaml ages.afterSomeone, or between brackets or commas), anywhere in the
    // message. Someone else's name counts only in a message told on their behalf.
    private static (AgeSpan Age, string Words)? NamedAge(TokenizedText tokens, LanguageLexicon lexicon)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var nameEnd = k + 1;
            var someone = tokens.OnBehalf && lexicon.OtherPeople.TryMatch(tokens, k, out nameEnd, out _);
            if (!someone && !(tokens.Tokens[k].Kind == TokenKind.Word && lexicon.SelfWords.Contains(tokens.IdAt(k))))
            {
                continue;
            }

            var after = someone ? nameEnd : k + 1;
            string? mark = null;
            if (someone && lexicon.AgeAfterSomeone.TryMatch(tokens, after, out var wordsEnd, out _))
            {
                after = wordsEnd;
            }
            else if (after < tokens.Count && tokens.Tokens[after].Kind == TokenKind.Punctuation && tokens.TextOf(after) is "(" or ",")
            {
                mark = tokens.TextOf(after).ToString();
                after++;
            }
            else
            {
                continue;
            }

            if (!TryAge(tokens, lexicon, after, out var age))
            {
                continue;
            }

            var end = age.End;
            if (lexicon.AgeAfter.TryMatch(tokens, end, out var afterEnd, out _))
            {
                end = afterEnd;
            }

            // "(58)" closes its bracket; "my dad, 78, has" its comma, or the message ends.
            var closed = mark switch
            {
                "(" => end < tokens.Count && tokens.TextOf(end) is ")",
                "," => end == tokens.Count || (tokens.Tokens[end].Kind == TokenKind.Punctuation && tokens.TextOf(end) is "," or "." or ")"),
                _ => true,
            };
            if (closed)
            {
                return (new AgeSpan(age.Age, age.Age), tokens.Span(k, (mark == "(" ? end : end - 1)));
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
        else if (Decade(tokens, lexicon, i) is { } decade)
        {
            said = decade.Said;
            i = decade.End;
            words = true;
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
    // "In my fifties", "late 60s", "begin vijftig", "in de zestig": the years of a decade, or of the part named. A round
    // number is a decade only with a word that makes it one; alone it is that age.
    private static (AgeSpan Said, int End)? Decade(TokenizedText tokens, LanguageLexicon lexicon, int start)
    {
        var k = start;
        var marked = false;
        if (lexicon.AgeDecadeBefore.TryMatch(tokens, k, out var beforeEnd, out _))
        {
            k = beforeEnd;
            marked = true;
        }

        var years = (First: 0, Last: 9);
        if (lexicon.AgeDecadeParts.TryMatch(tokens, k, out var partEnd, out var part))
        {
            k = partEnd;
            years = part;
            marked = true;
        }

        int first;
        if (lexicon.AgeDecades.TryMatch(tokens, k, out var decadeEnd, out var named))
        {
            first = named;
            k = decadeEnd;
        }
        else if (NumberParser.TryParse(tokens, lexicon, k, out var number) && !number.Approximate
            && number.Form is NumberForm.Digits or NumberForm.Words && number.Value is >= 20 and <= 90 && number.Value % 10 == 0)
        {
            first = (int)number.Value;
            k = number.End;
            if (lexicon.AgeDecadeAfter.TryMatch(tokens, k, out var afterEnd, out _))
            {
                k = afterEnd;
            }
            else if (!marked)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        return (new AgeSpan(first + years.First, first + years.Last), k);
    }

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
