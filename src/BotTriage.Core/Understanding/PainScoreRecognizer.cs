using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Numbers;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds pain scores (<see cref="PainScoreResolution"/>): a number out of the scale (<c>7/10</c>, <c>7 uit 10</c>),
/// a grade with an article (<c>een 7</c>, <c>like an 8</c>), or a number 0-10 that ends a clause (<c>zeven</c>).
/// Numbers that are part of a duration (<c>een week of drie</c>) or a vague amount are never scores. Thread-safe.
/// </summary>
public sealed class PainScoreRecognizer : LexiconRecognizer
{
    private static readonly DateOnly AnyDay = new(2000, 1, 1);

    // How far back a usual cue may start: "normaal gesproken ongeveer een 4".
    private const int UsualCueReach = 5;

    public PainScoreRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results) =>
        Scan(text, lexicon, DurationRecognizer.Find(text, lexicon, AnyDay), results);

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, List<(int First, int Last, DurationResolution Resolution)> durations, List<ModelResult> results)
    {
        var i = 0;
        var nextDuration = 0;
        while (i < text.Count)
        {
            while (nextDuration < durations.Count && durations[nextDuration].Last < i)
            {
                nextDuration++;
            }

            if (nextDuration < durations.Count && durations[nextDuration].First <= i)
            {
                i = durations[nextDuration].Last + 1;
                continue;
            }

            // "Geen pijn, wel stijf" is a 0; "geen pijn op de borst" is not, so the phrase must end its clause.
            if (lexicon.NoPain.TryMatch(text, i, out var noPainEnd, out _) && text.IsBreakAt(noPainEnd))
            {
                results.Add(text.Result(i, noPainEnd - 1, new PainScoreResolution(0) { InWords = true }));
                i = noPainEnd;
                continue;
            }

            // "Matig", "a lot": about that score, likewise only where the phrase ends its clause ("a lot of pain in my
            // chest" is no score).
            if (lexicon.PainWords.TryMatch(text, i, out var wordsEnd, out var worded) && text.IsBreakAt(wordsEnd))
            {
                results.Add(text.Result(i, wordsEnd - 1, new PainScoreResolution(worded) { InWords = true }));
                i = wordsEnd;
                continue;
            }

            if (TryScore(text, lexicon, i, out var end, out var score, out var bare) && !Overlaps(durations, nextDuration, end - 1))
            {
                // A usual cue after a score is its own ("3 normally") unless the score is one of the ups and downs:
                // in "af en toe 8, meestal 3" it is the next one's.
                // So is one a sometimes cue follows with no score of its own: "3 on a good day, 8 on a bad day".
                var sometimes = AfterCue(text, lexicon.SometimesCues, i)
                    || (lexicon.SometimesCues.TryMatch(text, end, out var cueEnd, out _) && (cueEnd >= text.Count || text.Tokens[cueEnd].Kind != TokenKind.Number));
                results.Add(text.Result(i, end - 1, new PainScoreResolution(score)
                {
                    Usual = AfterCue(text, lexicon.UsualCues, i) || (!sometimes && lexicon.UsualCues.TryMatch(text, end, out _, out _)),
                    Sometimes = sometimes,
                    Bare = bare,
                }));
                i = end;
            }
            else
            {
                i++;
            }
        }
    }

    // "meestal een 4", "usually around 4", "soms een 8": a cue ending at most two words before the score, in its clause.
    // (A usual cue right after it counts too: "3 normally".)
    private static bool AfterCue(TokenizedText text, PhraseTrie<bool> cues, int start)
    {
        for (var k = start - 1; k >= 0 && k >= start - UsualCueReach; k--)
        {
            if (text.Tokens[k].IsBreak)
            {
                return false;
            }

            if (cues.TryMatch(text, k, out var cueEnd, out _) && cueEnd <= start && cueEnd >= start - 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(List<(int First, int Last, DurationResolution Resolution)> durations, int next, int last) =>
        next < durations.Count && durations[next].First <= last;

    private static bool TryScore(TokenizedText text, LanguageLexicon lexicon, int i, out int end, out double score, out bool bare)
    {
        end = i;
        score = 0;
        bare = false;
        var j = i;
        var article = lexicon.PainArticles.Contains(text.Tokens[i].Id);
        if (article)
        {
            j++;
        }

        if (j >= text.Count)
        {
            return false;
        }

        // Digits written onto a word name something else: the A10 is a motorway. With an ordinal's ending written on
        // (durations.yaml dayOrdinals) they count a place in a row: the "2nd" of "a 2nd year student".
        if (text.Tokens[j].Kind == TokenKind.Number
            && (text.GluedToAWord(j) || (text.WrittenOnto(j + 1) && lexicon.DayOrdinals.Contains(text.Tokens[j + 1].Id))))
        {
            return false;
        }

        // Digits are read alone, so "7/10" is a seven out of ten rather than the fraction 0.7.
        var number = text.Tokens[j] is { Kind: TokenKind.Number } digits
            ? new NumberMatch(j, j + 1, digits.Number, false, NumberForm.Digits)
            : NumberParser.TryParse(text, lexicon, j, out var words) ? words : default;
        if (number.End == 0 || number.Form is NumberForm.Quantity or NumberForm.Fraction || !IsScore(number.Value, lexicon)
            || (number.Form == NumberForm.Words && number.Value != Math.Floor(number.Value)))
        {
            return false;
        }

        // A number right after "uit" or "/" is the scale's maximum, not a score, unless a range starts there ("van 2 tot
        // 8"); "one" after "the right" is the knee.
        if (!article && ((IsOutOfBefore(text, lexicon, i) && !StartsARange(text, lexicon, number)) || IsRangeStart(text, lexicon, i)
            || (number.Form == NumberForm.Words && i > 0 && lexicon.PronounAfter.Contains(text.Tokens[i - 1].Id))))
        {
            return false;
        }

        score = number.Value;
        var k = number.End;
        if (IsOutOf(text, lexicon, k, out end))
        {
            return true;
        }

        // "4 out of 5": a score on another scale, said on ours (8), so the note says it back as such.
        if (OutOfAnother(text, lexicon, k, out var scale, out end))
        {
            if (score > scale)
            {
                return false;
            }

            score = Math.Round(score * lexicon.ScaleMax / scale * 2, MidpointRounding.AwayFromZero) / 2;
            return true;
        }

        if (k < text.Count && lexicon.RangeJoiners.Contains(text.Tokens[k].Id) && NumberParser.TryParse(text, lexicon, k + 1, out var upper)
            && upper.Form is NumberForm.Digits or NumberForm.Words && IsScore(upper.Value, lexicon) && upper.Value > score)
        {
            score = upper.Value;
            k = upper.End;
            if (IsOutOf(text, lexicon, k, out end))
            {
                return true;
            }
        }

        var next = k < text.Count ? text.Tokens[k] : default;
        var endsClause = k >= text.Count || next.IsBreak;
        // "een 4 maar soms een 9", "meestal 4 maar soms 9", "pijn 6 en ik ben moe", "3 normally", "5 soms 9": after an
        // article, a usual cue or a word of pain, or before a usual or sometimes cue, a word may follow, when it is no
        // unit or frequency word ("meestal 3 weken", "meestal 2 keer per dag" are no scores).
        // A cue right after it is the word that follows, blocker or not ("3 on a good day").
        var cueAfter = k < text.Count && (lexicon.UsualCues.TryMatch(text, k, out _, out _) || lexicon.SometimesCues.TryMatch(text, k, out _, out _));
        if ((article || AfterCue(text, lexicon.UsualCues, i) || (i > 0 && lexicon.PainCues.Contains(text.Tokens[i - 1].Id)) || cueAfter)
            && (endsClause || cueAfter || (next.Kind == TokenKind.Word && !lexicon.Units.ContainsKey(next.Id) && (article || !lexicon.Blockers.Contains(next.Id)))))
        {
            end = k;
            return true;
        }

        // "Soms 8 soms 3", "sometimes 8 and sometimes 3": a number between two of the pain's ups and downs.
        if (!endsClause && AfterCue(text, lexicon.SometimesCues, i)
            && (lexicon.SometimesCues.TryMatch(text, k, out _, out _) || (next.Kind == TokenKind.Word && !lexicon.Units.ContainsKey(next.Id) && !lexicon.Blockers.Contains(next.Id) && lexicon.SometimesCues.TryMatch(text, k + 1, out _, out _))))
        {
            end = k;
            return true;
        }

        if (endsClause && !IsPrecededByNumberContext(text, lexicon, i))
        {
            end = k;
            bare = true;
            return true;
        }

        return false;
    }

    private static bool IsOutOf(TokenizedText text, LanguageLexicon lexicon, int k, out int end)
    {
        end = k;
        if (lexicon.OutOf.TryMatch(text, k, out var outOfEnd, out _) && outOfEnd < text.Count)
        {
            // The maximum as one digit group ("/10") or in words ("uit tien").
            var max = text.Tokens[outOfEnd] is { Kind: TokenKind.Number } digits
                ? new NumberMatch(outOfEnd, outOfEnd + 1, digits.Number, false, NumberForm.Digits)
                : NumberParser.TryParse(text, lexicon, outOfEnd, out var words) ? words : default;
            if (max.End > 0 && max.Value == lexicon.ScaleMax)
            {
                end = max.End;
                return true;
            }
        }

        return false;
    }

    // "Out of 5", "uit 5": the maximum of a scale other than the lexicon's, from 3 to 100, in words: "3/5" may be a date.
    private static bool OutOfAnother(TokenizedText text, LanguageLexicon lexicon, int k, out double scale, out int end)
    {
        (scale, end) = (0, k);
        if (k < text.Count && text.Tokens[k].Kind == TokenKind.Word && lexicon.OutOf.TryMatch(text, k, out var outOfEnd, out _) && outOfEnd < text.Count && text.Tokens[outOfEnd] is { Kind: TokenKind.Number } digits
            && digits.Number is >= 3 and <= 100 && digits.Number != lexicon.ScaleMax && digits.Number == Math.Floor(digits.Number))
        {
            // "4 van de 5 dagen" counts days, not a score.
            (scale, end) = (digits.Number, outOfEnd + 1);
            return end >= text.Count || text.Tokens[end].IsBreak || !lexicon.Units.ContainsKey(text.Tokens[end].Id);
        }

        return false;
    }

    private static bool IsScore(double value, LanguageLexicon lexicon) => value >= 0 && value <= lexicon.ScaleMax && value * 2 == Math.Floor(value * 2);

    private static bool IsOutOfBefore(TokenizedText text, LanguageLexicon lexicon, int i)
    {
        for (var start = Math.Max(0, i - 3); start < i; start++)
        {
            if (lexicon.OutOf.TryMatch(text, start, out var end, out _) && end == i)
            {
                return true;
            }
        }

        return false;
    }

    // Whether a range of scores starts with the number, other than the scale's own ("van 1 tot 10"): "van 2 tot 8".
    private static bool StartsARange(TokenizedText text, LanguageLexicon lexicon, NumberMatch number) =>
        number.Value > 1 && number.End < text.Count && lexicon.RangeJoiners.Contains(text.Tokens[number.End].Id)
        && NumberParser.TryParse(text, lexicon, number.End + 1, out var upper) && IsScore(upper.Value, lexicon) && upper.Value > number.Value;

    // The second number of a range or a list of two: "2-3", "2 of 3", and "een maand of 2, 3", whose 3 is months.
    private static bool IsRangeStart(TokenizedText text, LanguageLexicon lexicon, int i) =>
        i >= 2 && text.Tokens[i - 2].Kind == TokenKind.Number
        && (lexicon.RangeJoiners.Contains(text.Tokens[i - 1].Id) || text.TextOf(i - 1).SequenceEqual(","));

    private static bool IsPrecededByNumberContext(TokenizedText text, LanguageLexicon lexicon, int i) =>
        i > 0 && (lexicon.SinceCues.TryMatch(text, i - 1, out _, out _) || lexicon.Blockers.Contains(text.Tokens[i - 1].Id));
}
