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
    /// The age <paramref name="text"/> states as the whole message: a whole number from 1 to 120, with only the
    /// lexicon's words for an age around it ("ik ben 62", "45 jaar oud", "I'm 45", "62"), after a yes or no if any
    /// ("nee, ik ben 35"). Null for anything else: "ouder dan 50", "ruim 50", "ik word 50", "een stuk of 50", "mijn
    /// vader is 62". Approximate numbers and fractions are no age.
    /// </summary>
    public int? RecognizeAge(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
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

        if (lexicon.AgeBefore.TryMatch(tokens, i, out var beforeEnd, out _))
        {
            i = beforeEnd;
        }

        if (!NumberParser.TryParse(tokens, lexicon, i, out var number) || number.Approximate
            || number.Form is not (NumberForm.Digits or NumberForm.Words) || number.Value is < 1 or > 120 || number.Value != Math.Floor(number.Value))
        {
            return null;
        }

        i = number.End;
        if (lexicon.AgeAfter.TryMatch(tokens, i, out var afterEnd, out _))
        {
            i = afterEnd;
        }

        while (i < tokens.Count && tokens.Tokens[i].Kind == TokenKind.Punctuation)
        {
            i++;
        }

        return i == tokens.Count ? (int)number.Value : null;
    }

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        var i = 0;
        while (i < text.Count)
        {
            if (NumberParser.TryParse(text, lexicon, i, out var match))
            {
                results.Add(text.Result(match.First, match.End - 1, new NumberResolution(match.Value, match.Approximate)));
                i = match.End;
            }
            else
            {
                i++;
            }
        }
    }
}
