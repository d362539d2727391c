using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Numbers;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds how long something has lasted (<see cref="DurationResolution"/>): a count and a unit (<c>3 weken</c>,
/// <c>anderhalve maand</c>, <c>a fortnight</c>), a unit then a count (<c>een week of drie</c>), a bare plural
/// (<c>years</c>: two units, approximate), ranges (<c>2 à 3 weken</c>: the upper end, approximate), and starts after
/// a since-word (<c>sinds gisteren</c>, <c>sinds januari</c>, <c>since the marathon on Sunday</c>) counted back from
/// the <c>today</c> passed in; the clock is never read. Thread-safe.
/// </summary>
public sealed class DurationRecognizer
{
    private const int MaxWordsBeforeDate = 4;

    // After a since-word the moment may come a whole clause later, "since I twisted it playing football with friends
    // last Saturday", but not past a word that starts another (durations.yaml sinceStops).
    private const int MaxWordsAfterSince = 10;

    private const double BarePluralCount = 2;

    // The longest phrase before an age that says whose it is ("mijn leeftijd is", "i am now").
    private const int MaxAgeWordsBefore = 4;

    // The longest blocker before a count ("in verwachting van").
    private const int MaxBlockerWords = 4;

    private readonly LexiconSet _lexicons;

    public DurationRecognizer(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _lexicons = lexicons;
    }

    public IReadOnlyList<ModelResult> Recognize(string text, string culture, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = _lexicons.Get(culture);
        var results = new List<ModelResult>();
        var tokens = lexicon.Tokenize(text);
        foreach (var (first, last, resolution) in Find(tokens, lexicon, today))
        {
            results.Add(tokens.Result(first, last, resolution));
        }

        return results;
    }

    /// <summary>
    /// A short message that only says when it began ("gisteren", "vorige week", "afgelopen zondag", "in januari",
    /// "vorige maand begonnen", with durations.yaml startWords after it), read as if a since-word came first: the answer
    /// to "how long have you had it?" that names the start. Null for anything else, so that "gisteren was ik bij de
    /// huisarts" is never a duration.
    /// </summary>
    public DurationResolution? RecognizeStartAnswer(string text, string culture, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = _lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        var words = 0;
        foreach (var token in tokens.Tokens.AsSpan(0, tokens.Count))
        {
            words += token.IsBreak ? 0 : 1;
        }

        // A word of starting ("begonnen", "it started") before or after the moment allows two more words.
        var started = lexicon.StartWords.OccursIn(tokens);

        if (words == 0 || words > MaxWordsBeforeDate + (started ? 2 : 0)
            || !TryStart(tokens, lexicon, 0, MaxWordsBeforeDate, today, out var end, out var count, out var unitSeconds, out var approximate))
        {
            return SinceAnEventThen(tokens, lexicon, words, today);
        }

        if (lexicon.StartWords.TryMatch(tokens, end, out var startEnd, out _))
        {
            end = startEnd;
        }

        if (!OnlyBreaksFrom(tokens, end))
        {
            return SinceAnEventThen(tokens, lexicon, words, today);
        }

        return new DurationResolution((long)Math.Round(count * unitSeconds, MidpointRounding.AwayFromZero), approximate);
    }

    /// <summary>
    /// Whether a word of starting (durations.yaml <c>startWords</c>: "it started", "begon") stands in
    /// <paramref name="text"/> between the offsets <paramref name="from"/> and <paramref name="to"/>.
    /// </summary>
    public bool StartWordBetween(string text, string culture, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = _lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            var start = tokens.OriginalStart(i);
            if (start >= from && start < to && lexicon.StartWords.TryMatch(tokens, i, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A message that is one time unit and nothing else ("week", "weekje", "month"): one of it, about, as the answer to
    /// "how long have you had it?". Null for anything else; a unit in the plural ("weken") tells no count.
    /// </summary>
    public DurationResolution? RecognizeUnitAnswer(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = _lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        int? only = null;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens.Tokens[k].IsBreak)
            {
                continue;
            }

            if (only is not null)
            {
                return null;
            }

            only = k;
        }

        return only is { } at && TryUnit(tokens, lexicon, at, out var unit) && !unit.Plural ? new DurationResolution(unit.Seconds, Approximate: true) : null;
    }

    /// <summary>Whether the first word at or after <paramref name="position"/> is a time unit: the "uur" of "8 uur per dag".</summary>
    public bool IsUnitAfter(string text, int position, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = _lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.OriginalStart(i) >= position)
            {
                return TryUnit(tokens, lexicon, i, out _);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> says how long only in words without a size ("al heel lang", "een tijdje", "for a
    /// while": the lexicon's <c>vagueLengths</c>) or since something without a date ("sinds de marathon", "since my
    /// holiday"), which a triage can answer by asking for an estimate. Meant for a message in which no duration was found.
    /// </summary>
    public bool IsVagueLength(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = _lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (lexicon.VagueLengths.TryMatch(tokens, i, out _, out _)
                || (lexicon.SinceCues.TryMatch(tokens, i, out var sinceEnd, out _) && sinceEnd < tokens.Count && !tokens.Tokens[sinceEnd].IsBreak))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Durations as token spans [First, Last] (inclusive).</summary>
    internal static List<(int First, int Last, DurationResolution Resolution)> Find(TokenizedText text, LanguageLexicon lexicon, DateOnly today)
    {
        var found = new List<(int, int, DurationResolution)>();
        var i = 0;
        while (i < text.Count)
        {
            if (text.Tokens[i].IsBreak)
            {
                i++;
                continue;
            }

            if (i > 0 && lexicon.Blockers.Contains(text.Tokens[i - 1].Id))
            {
                // "elke 2 weken" is a frequency: skip the whole count and unit, so "weken" alone is not taken either.
                i = TryCore(text, lexicon, i, false, out var blockedEnd, out _, out _, out _, out _) ? blockedEnd : i + 1;
                continue;
            }

            var j = i;
            var since = lexicon.SinceCues.TryMatch(text, j, out var sinceEnd, out _);
            if (since)
            {
                j = sinceEnd;
            }

            var prefixed = lexicon.ApproximatePrefixes.TryMatch(text, j, out var prefixEnd, out _);
            if (prefixed)
            {
                j = prefixEnd;
            }

            // "Sinds 2/12" is a date, not two months in shorthand.
            var slashed = since ? SlashDate(text, lexicon, j, today) : null;
            var vague = false;
            if ((slashed is { } date && FromDay(date, today, out var end, out var count, out var unitSeconds, out var approximate))
                || (slashed is null && TryCore(text, lexicon, j, prefixed, out end, out count, out unitSeconds, out approximate, out vague))
                || (since && TryStart(text, lexicon, j, MaxWordsAfterSince, today, out end, out count, out unitSeconds, out approximate)))
            {
                if (!since && !prefixed && IsAge(text, lexicon, i, end, count, unitSeconds))
                {
                    i = end;
                    continue;
                }

                // "32 weken zwanger", "40 uur per week", "zwanger van 30 weken": a count of something else.
                if (!since && lexicon.BlockersAfter.TryMatch(text, end, out var blockerEnd, out _))
                {
                    i = blockerEnd;
                    continue;
                }

                if (!since && !prefixed && (BlockedBefore(text, lexicon, i) || PerCount(text, lexicon, i) || PregnancyWeeks(text, lexicon, i, end, unitSeconds)))
                {
                    i = end;
                    continue;
                }

                var parts = vague ? 0 : MoreParts(text, lexicon, ref end, unitSeconds, ref approximate);
                if (lexicon.ApproximateSuffixes.TryMatch(text, end, out var suffixEnd, out _))
                {
                    end = suffixEnd;
                    approximate = true;
                }

                var seconds = (long)Math.Round(count * unitSeconds + parts, MidpointRounding.AwayFromZero);
                found.Add((i, end - 1, new DurationResolution(seconds, approximate || prefixed) { Unit = vague ? unitSeconds : 0, Since = since }));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    // "30k steps a day", "5 coffees a day": an article's unit a few words after a number, in one clause, is how often.
    private static bool PerCount(TokenizedText text, LanguageLexicon lexicon, int start)
    {
        if (!lexicon.Articles.Contains(text.IdAt(start)))
        {
            return false;
        }

        for (var k = start - 1; k >= Math.Max(0, start - PerCountReach); k--)
        {
            if (text.Tokens[k].IsBreak)
            {
                return false;
            }

            if (text.Tokens[k].Kind == TokenKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    // How many words before "a day" a number makes it a count per day: "30k steps a day".
    private const int PerCountReach = 3;

    // Whether a blocker (durations.yaml blockersBefore) ends right before the count at `start`, or one mark before it:
    // "zwanger van 30 weken", "zwanger (30 wk)", "ik ben zwanger, 30 weken nu".
    private static bool BlockedBefore(TokenizedText text, LanguageLexicon lexicon, int start)
    {
        if (lexicon.BlockersBefore.Count == 0)
        {
            return false;
        }

        return EndsAt(lexicon.BlockersBefore, text, start > 0 && text.Tokens[start - 1].Kind == TokenKind.Punctuation ? start - 1 : start);
    }

    // Whether a phrase of `phrases`, of at most MaxBlockerWords words, ends right at token `end`.
    private static bool EndsAt(PhraseTrie<bool> phrases, TokenizedText text, int end)
    {
        for (var k = end - 1; k >= 0 && k >= end - MaxBlockerWords; k--)
        {
            if (phrases.TryMatch(text, k, out var phraseEnd, out _) && phraseEnd == end)
            {
                return true;
            }
        }

        return false;
    }

    // "Ik ben 20 weken", "I'm 20 weeks now": weeks or months right after "ik ben" (durations.yaml pregnancyBefore), with
    // nothing after them in their clause but "nu" (pregnancyAfter), are how far a pregnancy is. "Ik ben 3 weken geleden
    // geopereerd" and "ik ben 3 weken thuis" go on, and stay lengths.
    private static bool PregnancyWeeks(TokenizedText text, LanguageLexicon lexicon, int start, int end, long unitSeconds)
    {
        if (lexicon.PregnancyBefore.Count == 0 || unitSeconds is not (DurationResolution.SecondsPerWeek or DurationResolution.SecondsPerMonth))
        {
            return false;
        }

        if (lexicon.PregnancyAfter.TryMatch(text, end, out var afterEnd, out _))
        {
            end = afterEnd;
        }

        return (text.IsBreakAt(end) || lexicon.SinceStops.Contains(text.IdAt(end))) && EndsAt(lexicon.PregnancyBefore, text, start);
    }

    /// <summary>
    /// The seconds that parts joined on after a duration add ("1 maand en 2 weken", "a month and a half"): smaller
    /// units after "en" or "and", or half of the unit. Moves <paramref name="end"/> past them.
    /// </summary>
    private static double MoreParts(TokenizedText text, LanguageLexicon lexicon, ref int end, long unitSeconds, ref bool approximate)
    {
        var seconds = 0.0;
        var unit = unitSeconds;
        while (end + 1 < text.Count && text.Tokens[end].Kind == TokenKind.Word && lexicon.NumberJoiners.Contains(text.Tokens[end].Id))
        {
            if (NumberParser.TryParse(text, lexicon, end + 1, out var half) && half.Form == NumberForm.Fraction && !TryUnit(text, lexicon, half.End, out _))
            {
                seconds += half.Value * unit;
                end = half.End;
                break;
            }

            if (!TryCore(text, lexicon, end + 1, false, out var partEnd, out var count, out var partUnit, out var partApproximate, out var vague)
                || vague || partUnit >= unit)
            {
                break;
            }

            seconds += count * partUnit;
            approximate |= partApproximate;
            unit = partUnit;
            end = partEnd;
        }

        return seconds;
    }

    /// <summary>
    /// "Ik ben 54 jaar en ...", "45 jaar oud", "I am 30 years old": an age in years, not how long. The words of an age
    /// (numbers.yaml <c>ages</c>) reach past the unit ("jaar oud"), or say whose age it is before the number ("ik ben")
    /// with the clause ending at the unit, so "ik ben 3 jaar geleden gevallen" stays a time.
    /// </summary>
    private static bool IsAge(TokenizedText text, LanguageLexicon lexicon, int first, int end, double count, long unitSeconds)
    {
        if (unitSeconds != DurationResolution.SecondsPerYear || !AgeSpan.IsAge(count))
        {
            return false;
        }

        if (lexicon.AgeAfter.TryMatch(text, end - 1, out var afterEnd, out _) && afterEnd > end)
        {
            return true;
        }

        for (var k = Math.Max(0, first - MaxAgeWordsBefore); k < first; k++)
        {
            if (lexicon.AgeBefore.TryMatch(text, k, out var beforeEnd, out _) && beforeEnd == first)
            {
                return NegationScope.EndsClause(text, lexicon, end);
            }
        }

        return false;
    }

    private static bool TryCore(TokenizedText text, LanguageLexicon lexicon, int j, bool prefixed, out int end, out double count, out long unitSeconds, out bool approximate, out bool vague)
    {
        end = j;
        count = 0;
        unitSeconds = 0;
        approximate = false;
        vague = false;
        if (j >= text.Count)
        {
            return false;
        }

        // "een week of drie", "a week or two": article, unit, joiner, count.
        var k = j;
        var article = lexicon.Articles.Contains(text.Tokens[k].Id);
        if (article)
        {
            k++;
        }

        if (TryUnit(text, lexicon, k, out var unit))
        {
            if (lexicon.UnitThenNumber.Contains(text.IdAt(k + 1)) && NumberParser.TryParse(text, lexicon, k + 2, out var after) && after.Form != NumberForm.Fraction)
            {
                (end, count, unitSeconds, approximate) = (after.End, after.Value, unit.Seconds, true);
                return true;
            }

            if (article || prefixed || unit.Plural)
            {
                // "een week", "ruim een jaar" count one; a bare plural ("years") means several.
                var several = !article && unit.Plural;
                (end, count, unitSeconds, approximate, vague) = (k + 1, several ? BarePluralCount : 1, unit.Seconds, several, several);
                return true;
            }

            return false;
        }

        if (!NumberParser.TryParse(text, lexicon, j, out var number))
        {
            return false;
        }

        // "3/52": three weeks in clinical shorthand, unless a unit follows ("5/7 dagen" is a share of them).
        if (number.Form == NumberForm.Fraction && number.End - number.First == 3 && text.Tokens[number.First].Kind == TokenKind.Number
            && lexicon.SlashUnits.TryGetValue((int)text.Tokens[number.First + 2].Number, out var slashUnit)
            && number.Value is >= 0 and < 1 && text.Tokens[number.First].Number >= 1 && !TryUnit(text, lexicon, number.End, out _))
        {
            (end, count, unitSeconds) = (number.End, text.Tokens[number.First].Number, slashUnit);
            return true;
        }

        // "3/4 weken", "2/3 days": two counts in a row, the upper end, as "3-4 weken" is; "3/4 jaar" is a part of a year.
        if (TwoCountsInARow(text, lexicon, number) is { } upperCount)
        {
            (end, count, unitSeconds, approximate) = (number.End + 1, upperCount.Count, upperCount.UnitSeconds, true);
            return true;
        }

        var value = number.Value;
        approximate = number.Approximate;
        k = number.End;
        if (k < text.Count && lexicon.RangeJoiners.Contains(text.Tokens[k].Id) && NumberParser.TryParse(text, lexicon, k + 1, out var upper) && upper.Value > value)
        {
            value = upper.Value;
            approximate = true;
            k = upper.End;
        }

        if (k < text.Count && lexicon.NumberUnitJoiners.Contains(text.Tokens[k].Id) && TryUnit(text, lexicon, k + 1, out _))
        {
            k++;
        }

        if (!TryUnit(text, lexicon, k, out unit))
        {
            return false;
        }

        (end, count, unitSeconds) = (k + 1, value, unit.Seconds);
        return true;
    }

    // A fraction of digits whose denominator is one more than its numerator (2 or more), right before a unit: the upper
    // count and the unit. Not for a year's two- or three-quarters, which are said as parts of it.
    private static (double Count, long UnitSeconds)? TwoCountsInARow(TokenizedText text, LanguageLexicon lexicon, NumberMatch number)
    {
        if (number.Form != NumberForm.Fraction || number.End - number.First != 3 || text.Tokens[number.First].Kind != TokenKind.Number
            || !TryUnit(text, lexicon, number.End, out var unit))
        {
            return null;
        }

        var (lower, upper) = (text.Tokens[number.First].Number, text.Tokens[number.First + 2].Number);
        return lower >= 2 && upper == lower + 1 && (unit.Seconds != DurationResolution.SecondsPerYear || lower > 3) ? (upper, unit.Seconds) : null;
    }

    private static bool TryStart(TokenizedText text, LanguageLexicon lexicon, int j, int reach, DateOnly today, out int end, out double count, out long unitSeconds, out bool approximate)
    {
        // Only right after the since-word: further on, "7/10" is more often a pain score than a date, "the 3rd" a rank
        // and "sat" a verb.
        if ((SlashDate(text, lexicon, j, today) ?? DayAlone(text, lexicon, j, today)) is { } day)
        {
            return FromDay(day, today, out end, out count, out unitSeconds, out approximate);
        }

        // "Since sat", "since last sat".
        var dayAt = j < text.Count && lexicon.LastDayWords.TryMatch(text, j, out var lastEnd, out _) ? lastEnd : j;
        if (dayAt < text.Count && lexicon.SinceWeekdays.TryGetValue(text.Tokens[dayAt].Id, out var shortDay))
        {
            (end, count, unitSeconds, approximate) = (dayAt + 1, DaysBackTo(today, shortDay), DurationResolution.SecondsPerDay, false);
            return true;
        }

        for (var k = j; k < text.Count && k <= j + reach && !text.Tokens[k].IsBreak && (k == j || !lexicon.SinceStops.Contains(text.Tokens[k].Id)); k++)
        {
            if (TryStartAt(text, lexicon, k, today, out end, out count, out _, out unitSeconds, out approximate))
            {
                return true;
            }
        }

        (end, count, unitSeconds, approximate) = (j, 0, DurationResolution.SecondsPerDay, false);
        return false;
    }

    /// <summary>
    /// "Sinds de finish, dus gisteren", "since the race, so sunday": a since-word and an event, then the moment it was,
    /// at the end of a short message. Null for anything else.
    /// </summary>
    private static DurationResolution? SinceAnEventThen(TokenizedText tokens, LanguageLexicon lexicon, int words, DateOnly today)
    {
        if (words > MaxWordsBeforeDate + 4 || !lexicon.SinceCues.TryMatch(tokens, 0, out _, out _))
        {
            return null;
        }

        for (var k = 1; k < tokens.Count; k++)
        {
            if (!tokens.Tokens[k].IsBreak && TryStartAt(tokens, lexicon, k, today, out var end, out var count, out _, out var unitSeconds, out var approximate)
                && OnlyBreaksFrom(tokens, end))
            {
                return new DurationResolution((long)Math.Round(count * unitSeconds, MidpointRounding.AwayFromZero), approximate);
            }
        }

        return null;
    }

    // "Vorige week", "last week": a week ago, as the lexicon's relative starts say it.
    private static bool IsLastWeek(RelativeStart relative) => relative.UnitSeconds == DurationResolution.SecondsPerWeek && relative.Count == 1;

    private static bool OnlyBreaksFrom(TokenizedText tokens, int k)
    {
        for (; k < tokens.Count; k++)
        {
            if (!tokens.Tokens[k].IsBreak)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Every time in the past said as a moment rather than a length, wherever it stands (<c>vorige week</c>,
    /// <c>in oktober</c>, <c>maandag</c>, <c>in 2019</c>), as how long ago at the least: a month or a year counts from
    /// its last day (or today, when it has not ended), so "in oktober" on 5 December is 35 days ago. Those inside
    /// <paramref name="taken"/> (the durations found) are left out. For a word that needs a when, such as
    /// <c>geopereerd</c>, where the more recent reading is the careful one.
    /// </summary>
    internal static List<(int First, int Last, long Seconds, bool Approximate)> FindMoments(TokenizedText text, LanguageLexicon lexicon, DateOnly today, List<(int First, int Last, DurationResolution Resolution)> taken)
    {
        var found = new List<(int, int, long, bool)>();
        var k = 0;
        while (k < text.Count)
        {
            var inside = taken.Exists(t => t.First <= k && k <= t.Last);
            if (!inside && !text.Tokens[k].IsBreak && TryStartAt(text, lexicon, k, today, out var end, out _, out var latest, out var unitSeconds, out var approximate))
            {
                found.Add((k, end - 1, (long)Math.Round(latest * unitSeconds, MidpointRounding.AwayFromZero), approximate));
                k = end;
            }
            else
            {
                k++;
            }
        }

        return found;
    }

    // A start at token k: count is units ago from its beginning, latest from its end (a month or a year; today if it
    // has not ended). Relative starts and weekdays are one moment, so both are the same.
    private static bool TryStartAt(TokenizedText text, LanguageLexicon lexicon, int k, DateOnly today, out int end, out double count, out double latest, out long unitSeconds, out bool approximate)
    {
        (end, count, latest, unitSeconds, approximate) = (k, 0, 0, DurationResolution.SecondsPerDay, false);
        var token = text.Tokens[k];
        var todayIso = IsoDay(today);
        // "Eind vorige week": that day of the week before this one, approximate.
        if (lexicon.WeekParts.TryMatch(text, k, out var weekPartEnd, out var weekDay) && lexicon.Relative.TryMatch(text, weekPartEnd, out var partWeekEnd, out var partWeek)
            && IsLastWeek(partWeek))
        {
            (end, count, approximate) = (partWeekEnd, todayIso + 7 - weekDay, true);
            latest = count;
            return true;
        }

        // The longer phrase wins: "since the summer holidays" is no "since the summer".
        if (lexicon.Relative.TryMatch(text, k, out var relativeEnd, out var relative) && !(lexicon.Holidays.TryMatch(text, k, out var longerEnd, out _) && longerEnd > relativeEnd))
        {
            // "Vorige week zaterdag": that day of the week before this one (weeks start on Monday).
            if (IsLastWeek(relative) && relativeEnd < text.Count && lexicon.Weekdays.TryGetValue(text.Tokens[relativeEnd].Id, out var dayLastWeek))
            {
                (end, count, approximate) = (relativeEnd + 1, todayIso + 7 - dayLastWeek, false);
                latest = count;
                return true;
            }

            (end, count, latest, unitSeconds, approximate) = (relativeEnd, relative.Count, relative.Count, relative.UnitSeconds, relative.Approximate);
            return true;
        }

        if (lexicon.Weekdays.TryGetValue(token.Id, out var weekday))
        {
            // "Zaterdag vorige week", as above.
            if (k + 1 < text.Count && lexicon.Relative.TryMatch(text, k + 1, out var weekEnd, out var week) && IsLastWeek(week))
            {
                (end, count) = (weekEnd, todayIso + 7 - weekday);
                latest = count;
                return true;
            }

            (end, count) = (k + 1, DaysBackTo(today, weekday));
            latest = count;
            return true;
        }

        // "Sinds kerst" on 5 December is since last Christmas: the day's latest occurrence before today.
        if (lexicon.Holidays.TryMatch(text, k, out var holidayEnd, out var holiday))
        {
            var day = new DateOnly(today.Year, holiday.Month, holiday.Day);
            if (day >= today)
            {
                day = day.AddYears(-1);
            }

            (end, count, approximate) = (holidayEnd, today.DayNumber - day.DayNumber, true);
            latest = count;
            return true;
        }

        // "Sinds 28 november", "since the 28th of November", "since October 30th": that day, the latest up to today.
        if (DayOfMonth(text, lexicon, k, today) is { } dated)
        {
            end = dated.End;
            (count, unitSeconds, approximate) = SinceDay(dated.Day, today);
            latest = count;
            return true;
        }

        if (MonthMoment(text, lexicon, k, today) is { } month)
        {
            (end, count, approximate) = (month.End, today.DayNumber - month.From.DayNumber, true);
            latest = DaysSince(today, month.To);
            return true;
        }

        if (token is { Kind: TokenKind.Number, Length: 4 } && token.Number >= 1900 && token.Number <= today.Year)
        {
            var year = (int)token.Number;
            (end, count, approximate) = (k + 1, today.DayNumber - new DateOnly(year, 1, 1).DayNumber, true);
            latest = DaysSince(today, new DateOnly(year, 12, 31));
            return true;
        }

        return false;
    }

    // A month at k, from its first to its last day, or the one day of a part of it: "oktober", "eind oktober" (durations.yaml
    // monthParts, the day counted from), "begin vorige maand" (monthsBack), "september vorig jaar" (yearsBack). Without a
    // year, the latest such month or day that has begun before today.
    private static (DateOnly From, DateOnly To, int End)? MonthMoment(TokenizedText text, LanguageLexicon lexicon, int k, DateOnly today)
    {
        int? part = null;
        var at = k;
        if (lexicon.MonthParts.TryMatch(text, k, out var partEnd, out var partDay))
        {
            (part, at) = (partDay, partEnd);
        }

        if (at >= text.Count)
        {
            return null;
        }

        int month, end, year;
        if (lexicon.Months.TryGetValue(text.Tokens[at].Id, out month))
        {
            end = at + 1;
            if (end < text.Count && lexicon.YearsBack.TryMatch(text, end, out var yearEnd, out var yearsBack))
            {
                (year, end) = (today.Year - yearsBack, yearEnd);
            }
            else
            {
                year = month <= today.Month ? today.Year : today.Year - 1;
                if (part is { } day && new DateOnly(year, month, day) >= today)
                {
                    year--;
                }
            }
        }
        else if (part is not null && lexicon.MonthsBack.TryMatch(text, at, out var backEnd, out var monthsBack))
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsBack);
            (month, year, end) = (first.Month, first.Year, backEnd);
        }
        else
        {
            return null;
        }

        var start = new DateOnly(year, month, 1);
        if (part is { } counted)
        {
            // "Begin deze maand" on the 3rd is since the 1st (or yesterday, on the 1st).
            var day = start.AddDays(counted - 1);
            day = day < today ? day : start < today ? start : today.AddDays(-1);
            return (day, day, end);
        }

        return (start, start.AddMonths(1).AddDays(-1), end);
    }

    // A day of a month at k: a day number (with durations.yaml dayOrdinals after it and dayOf before the month) and a
    // month, or a month and a day number. The day is the latest such date before today; null when there is none at k.
    private static (DateOnly Day, int End)? DayOfMonth(TokenizedText text, LanguageLexicon lexicon, int k, DateOnly today)
    {
        int dayAt, end, month;
        if (DayNumber(text, k) is { } day)
        {
            var next = Skip(text, Skip(text, k + 1, lexicon.DayOrdinals), lexicon.DayOf);
            if (next >= text.Count || !lexicon.Months.TryGetValue(text.Tokens[next].Id, out month))
            {
                return null;
            }

            (dayAt, end) = (day, next + 1);
        }
        else if (lexicon.Months.TryGetValue(text.Tokens[k].Id, out month) && k + 1 < text.Count && DayNumber(text, k + 1) is { } after)
        {
            (dayAt, end) = (after, Skip(text, k + 2, lexicon.DayOrdinals));
        }
        else
        {
            return null;
        }

        var date = InYear(today.Year);
        return (date > today ? InYear(today.Year - 1) : date, end);

        DateOnly InYear(int year) => new(year, month, Math.Min(dayAt, DateTime.DaysInMonth(year, month)));
    }

    // A day number said alone at k, with a durations.yaml dayArticles word before it and a dayOrdinals word after it
    // ("since the 3rd", "sinds de 3e heb ik rugpijn"): that day of this month, or of the month before when it is still
    // to come. Null for anything else, and with a unit, a frequency or clock word, a month, the "of" of a month or a
    // rank's noun after it: "since the 3rd week", "since the 3rd time".
    private static (DateOnly Day, int End)? DayAlone(TokenizedText text, LanguageLexicon lexicon, int k, DateOnly today)
    {
        var at = Skip(text, k, lexicon.DayArticles);
        if (at >= text.Count || DayNumber(text, at) is not { } day || at + 1 >= text.Count || !lexicon.DayOrdinals.Contains(text.Tokens[at + 1].Id))
        {
            return null;
        }

        var end = at + 2;
        if (end < text.Count && text.Tokens[end] is { IsBreak: false, Id: var next }
            && (lexicon.Units.ContainsKey(next) || lexicon.Blockers.Contains(next) || lexicon.Months.ContainsKey(next) || lexicon.DayOf.Contains(next) || lexicon.RankNouns.Contains(next)))
        {
            return null;
        }

        var month = new DateOnly(today.Year, today.Month, 1);
        if (day > today.Day)
        {
            month = month.AddMonths(-1);
        }

        return (month.AddDays(Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)) - 1), end);
    }

    // A date written with slashes at k, day first ("28/11", "28/11/2026", "28/11/26"; "11/28" when only that order
    // makes a date): the day itself when a year is given and has passed, else its latest occurrence before today. Not
    // with a unit after it: "3/4 weken" is three or four weeks.
    private static (DateOnly Day, int End)? SlashDate(TokenizedText text, LanguageLexicon lexicon, int k, DateOnly today)
    {
        if (k + 2 >= text.Count || DayNumber(text, k) is not { } first || !NumberParser.IsMark(text, k + 1, '/') || DayNumber(text, k + 2) is not { } second)
        {
            return null;
        }

        var (day, month) = second <= 12 ? (first, second) : first <= 12 ? (second, first) : (0, 0);
        if (month == 0)
        {
            return null;
        }

        var end = k + 3;
        int? year = null;
        if (NumberParser.IsMark(text, end, '/') && end + 1 < text.Count && text.Tokens[end + 1] is { Kind: TokenKind.Number, Length: 2 or 4 } written)
        {
            year = written.Length == 2 ? 2000 + (int)written.Number : (int)written.Number;
            end += 2;
        }

        // 2000 is a leap year: "29/2" without a year is a date, the 28th in a year without one.
        if (day > DateTime.DaysInMonth(year ?? 2000, month) || year is < 1900 || TryUnit(text, lexicon, end, out _))
        {
            return null;
        }

        var date = new DateOnly(year ?? today.Year, month, Math.Min(day, DateTime.DaysInMonth(year ?? today.Year, month)));
        if (date > today)
        {
            if (year is not null)
            {
                return null;
            }

            date = date.AddYears(-1);
        }

        return (date, end);
    }

    // A start told as a day (a slash date) and where its words end, as a count of units: always found.
    private static bool FromDay((DateOnly Day, int End) date, DateOnly today, out int end, out double count, out long unitSeconds, out bool approximate)
    {
        end = date.End;
        (count, unitSeconds, approximate) = SinceDay(date.Day, today);
        return true;
    }

    // How long since a day up to today: in days, or, for today itself, part of a day as "vandaag" is (~6 hours).
    private static (double Count, long UnitSeconds, bool Approximate) SinceDay(DateOnly day, DateOnly today) =>
        day == today ? (TodaysHours, SecondsPerHour, true) : (today.DayNumber - day.DayNumber, DurationResolution.SecondsPerDay, false);

    private const double TodaysHours = 6;

    private const long SecondsPerHour = 3_600;

    private static int? DayNumber(TokenizedText text, int k) =>
        text.Tokens[k] is { Kind: TokenKind.Number, Number: >= 1 and <= 31 } token && token.Number == Math.Floor(token.Number) ? (int)token.Number : null;

    private static int Skip(TokenizedText text, int k, HashSet<int> words) =>
        k < text.Count && words.Contains(text.Tokens[k].Id) ? k + 1 : k;

    // Days back to the latest such day of the week before today (Monday is 1): a whole week on that day itself.
    private static int DaysBackTo(DateOnly today, int weekday)
    {
        var daysBack = (IsoDay(today) - weekday + 7) % 7;
        return daysBack == 0 ? 7 : daysBack;
    }

    private static int IsoDay(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;

    private static int DaysSince(DateOnly today, DateOnly day) => Math.Max(0, today.DayNumber - day.DayNumber);

    private static bool TryUnit(TokenizedText text, LanguageLexicon lexicon, int index, out DurationUnit unit)
    {
        unit = default;
        return index < text.Count && text.Tokens[index].Id >= 0 && lexicon.Units.TryGetValue(text.Tokens[index].Id, out unit);
    }
}
