using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds red-flag symptoms (<see cref="RedFlagResolution"/>) from the red-flag lexicon, negated when a negation cue
/// reaches the phrase or a trailing one ends its clause (see the lexicon README): <c>geen koorts</c> and <c>koorts heb
/// ik niet</c> are a negated fever. Thread-safe. The lexicon's timed words (<c>geopereerd</c>, which is a code only
/// with when it happened) need the durations and today's date: <see cref="UtteranceRecognizer"/> finds those too, this
/// recognizer alone only the phrases. A phrase that tells of someone else ("mijn moeder had kanker") is left out: see
/// <see cref="SomeoneElse"/>.
/// </summary>
public sealed class RedFlagRecognizer : LexiconRecognizer
{
    public RedFlagRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        Scan(text, lexicon, results);
        ScanTemperatures(text, lexicon, results);
    }

    // Whether a since-word (durations.yaml sinceCues) stands right before the word at `at`, or before a word of self
    // there: "since covid", "sinds mijn griep".
    private static bool AfterASince(TokenizedText text, LanguageLexicon lexicon, int at)
    {
        var before = at > 0 && lexicon.SelfWords.Contains(text.IdAt(at - 1)) ? at - 1 : at;
        for (var j = Math.Max(0, before - 2); j < before; j++)
        {
            if (lexicon.SinceCues.TryMatch(text, j, out var end, out _) && end == before)
            {
                return true;
            }
        }

        return false;
    }

    // The end of a notFlags phrase that starts at most a few words before the word at `at` and reaches past its start;
    // -1 when there is none. Looked for only where a timed word stands, which is rare.
    private static int InANotFlag(TokenizedText text, LanguageLexicon lexicon, int at)
    {
        for (var j = Math.Max(0, at - NotFlagReach); j <= at; j++)
        {
            if (lexicon.RedFlags.TryMatch(text, j, out var end, out var code) && code.Length == 0 && end > at)
            {
                return end;
            }
        }

        return -1;
    }

    private const int NotFlagReach = 6;

    /// <summary>
    /// The timed words (red-flags.yaml <c>timed</c>) in <paramref name="text"/>, with a time or without, by code and
    /// where each starts in the text: "sinds de operatie" names recent-surgery, though it tells no time.
    /// </summary>
    public IReadOnlyList<(string Code, int Start)> TimedWords(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        var words = new List<(string Code, int Start)>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (lexicon.TimedFlags.TryMatch(tokens, i, out var end, out var flag))
            {
                words.Add((flag.Code, tokens.OriginalStart(i)));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return words;
    }

    /// <summary>
    /// How long ago the time lies that a timed mention was read with: "4 weken geleden een nieuwe heup gekregen" is 4
    /// weeks, "geopereerd op 2 november" the days since then. Null when the mention holds no time.
    /// </summary>
    public DurationResolution? TimeOfMention(string mention, string culture, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(mention);
        var times = Times(tokens, lexicon, DurationRecognizer.Find(tokens, lexicon, today), today);
        return times.Count == 0 ? null : new DurationResolution(times[0].Seconds, times[0].Rough);
    }

    /// <summary>Every red-flag phrase in <paramref name="text"/>; returns where each result was found (its tokens), or null for none.</summary>
    internal static List<(int First, int End, int Result)>? Scan(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        List<(int First, int End, int Result)>? found = null;
        var i = 0;
        while (i < text.Count)
        {
            if (lexicon.RedFlags.TryMatch(text, i, out var end, out var code))
            {
                // red-flags.yaml notFlags: "per ongeluk", "the temperature in our office".
                if (code.Length == 0)
                {
                    i = end;
                    continue;
                }

                // "Geen idee of ik koorts heb": no mention either way; the question asks.
                if (SomeoneElse.Holds(text, lexicon, i, end) || ExplainedAway(text, lexicon, code, i, end) || NegationScope.IsUncertain(text, lexicon, i))
                {
                    i = NextStart(text, lexicon, i, end, code);
                    continue;
                }

                var cue = NegationScope.FindCue(text, lexicon, i);
                var negated = cue >= 0 || NegationScope.FindDenialAfter(text, lexicon, i, end) >= 0 || NegationScope.Stopped(text, lexicon, code, i, end);
                (found ??= []).Add((i, end, results.Count));
                // "6 kilo afgevallen": a count right before the phrase is part of what was told, and of the words noted.
                results.Add(text.Result(i > 0 && text.Tokens[i - 1].Kind == TokenKind.Number ? i - 1 : i, end - 1, new RedFlagResolution(code, negated) { TimesComplaint = lexicon.OnsetCodes.Contains(code), OwnTime = lexicon.OwnTimeCodes.Contains(code), CueStart = cue >= 0 ? text.OriginalStart(cue) : null }));
                i = NextStart(text, lexicon, i, end, code);
            }
            else
            {
                i++;
            }
        }

        if (found is { Count: > 1 })
        {
            DenyLists(text, lexicon, found, results);
        }

        return found;
    }

    /// <summary>
    /// "Ik kreeg gisteren een trap tegen mijn knie", "stiff calves after the marathon on sunday": a moment told in the
    /// clause of a sign the complaint starts with (red-flags.yaml <c>onset</c>, or a timed word with
    /// <c>startsComplaint</c>) is how long the complaint has lasted, as if said after a since-word. Only in a message
    /// that names no length, which says that itself. <paramref name="found"/>: where the flags were found, in tokens.
    /// </summary>
    internal static void TimeOnsets(TokenizedText text, LanguageLexicon lexicon, List<(int First, int End, int Result)>? found, List<(int First, int Last, DurationResolution Resolution)> durations, DateOnly today, List<ModelResult> results)
    {
        if (found is null || durations.Count > 0)
        {
            return;
        }

        List<(int First, int Last, long Seconds, bool Approximate)>? moments = null;
        foreach (var (first, end, index) in found)
        {
            if (results[index].Resolution is not RedFlagResolution { TimesComplaint: true, Negated: false })
            {
                continue;
            }

            moments ??= DurationRecognizer.FindMoments(text, lexicon, today, durations);
            if (Nearest(moments, first, end - 1, Clause(text, lexicon.ScopeBreaks, first, end - 1)) is { } told)
            {
                results.Add(text.Result(told.First, told.Last, new DurationResolution(told.Seconds, told.Rough) { Since = true }));
                return;
            }
        }
    }

    /// <summary>
    /// "Ik had vorige maand pijn op de borst", "passed out at the gym 2 weeks ago": a sign of emergencies.yaml
    /// <c>pastFlags</c> told in the past (a word of <c>pastTense</c> in its clause, its own words included) with a day
    /// before today in its clause (a moment, or a length followed by a word of durations.yaml <c>ago</c>) has passed.
    /// Its red flag becomes the passed sign's code, and the medical emergency found in its words goes. Words of
    /// <c>stillNow</c> right after it keep it one of now ("gisteren had ik pijn op de borst, en nu nog steeds"), and so
    /// does a time that is no day before today ("vanochtend", or "sinds gisteren", which is a length). Runs after every
    /// other use of <paramref name="found"/>: it removes results. One put long ago, by a word of <c>longAgo</c> or a
    /// length of more than a year before a word of <c>ago</c> ("als tiener ben ik een keer flauwgevallen", "fainted 10
    /// years ago"), is history: both go.
    /// </summary>
    internal static void PastSigns(TokenizedText text, LanguageLexicon lexicon, List<(int First, int End, int Result)>? found, List<(int First, int Last, DurationResolution Resolution)> durations, DateOnly today, List<ModelResult> results)
    {
        if (found is null || lexicon.PastFlags.Count == 0)
        {
            return;
        }

        List<(int First, int Last, long Seconds, bool Approximate)>? moments = null;
        List<ModelResult>? passed = null;
        List<ModelResult>? history = null;
        foreach (var (first, end, index) in found)
        {
            if (results[index].Resolution is not RedFlagResolution { Negated: false } flag || !lexicon.PastFlags.TryGetValue(flag.Code, out var code))
            {
                continue;
            }

            // Its tense and time are read in a clause that only punctuation and words joining clauses end (durations.yaml
            // sinceStops: en, maar, now): unlike a negation's scope, "wel" and "ook" do not, "ik had vorige maand wel pijn
            // op de borst".
            var clause = Clause(text, lexicon.SinceStops, first, end - 1);
            if (!InPastTense(text, lexicon, clause) || EmergencyRecognizer.StillNow(text, lexicon, end))
            {
                continue;
            }

            // A time of today beside it keeps it one of now: "vandaag flauwgevallen, net als toen ik jong was".
            moments ??= DurationRecognizer.FindMoments(text, lexicon, today, durations);
            if (LongAgo(text, lexicon, clause, durations) && !moments.Exists(m => m.First >= clause.First && m.Last <= clause.Last && m.Seconds < DurationResolution.SecondsPerDay))
            {
                (history ??= []).Add(results[index]);
                continue;
            }

            if (moments.Exists(m => m.First >= clause.First && m.Last <= clause.Last && m.Seconds >= DurationResolution.SecondsPerDay)
                || durations.Exists(d => d.First >= clause.First && d.Last < clause.Last && d.Resolution.Seconds >= DurationResolution.SecondsPerDay
                    && lexicon.AgoWords.Contains(text.IdAt(d.Last + 1)) && !d.Resolution.Since))
            {
                results[index] = results[index] with { Resolution = flag with { Code = code } };
                (passed ??= []).Add(results[index]);
            }
        }

        if (passed is not null || history is not null)
        {
            var gone = (passed ?? []).Concat(history ?? []).ToList();
            results.RemoveAll(r => (r.Resolution is EmergencyResolution { Category: EmergencyCategory.Medical } && gone.Exists(p => p.Start <= r.End && r.Start <= p.End))
                || (history is not null && history.Contains(r)));
        }
    }

    // Whether a clause puts what it tells long ago: a word of longAgo in it or in a clause joined on right after it ("maar
    // dat is lang geleden"), or more than a year before a word of ago.
    private static bool LongAgo(TokenizedText text, LanguageLexicon lexicon, (int First, int Last) clause, List<(int First, int Last, DurationResolution Resolution)> durations)
    {
        var after = clause.Last + 1;
        while (after < text.Count && text.Tokens[after].Kind == TokenKind.Punctuation)
        {
            after++;
        }

        for (var k = clause.First; k <= clause.Last; k++)
        {
            if (lexicon.LongAgo.TryMatch(text, k, out var end, out _) && end <= clause.Last + 1)
            {
                return true;
            }
        }

        // Only a clause that joins on to say so: "maar dat is lang geleden", not "als tiener ook al eens" beside one of now.
        if (after < text.Count && lexicon.SinceStops.Contains(text.IdAt(after)) && lexicon.LongAgo.TryMatch(text, after, out _, out _))
        {
            return true;
        }

        return durations.Exists(d => d.First >= clause.First && d.Last < clause.Last && d.Resolution.Seconds > DurationResolution.SecondsPerYear
            && lexicon.AgoWords.Contains(text.IdAt(d.Last + 1)) && !d.Resolution.Since);
    }

    private static bool InPastTense(TokenizedText text, LanguageLexicon lexicon, (int First, int Last) clause)
    {
        for (var k = clause.First; k <= clause.Last; k++)
        {
            if (lexicon.PastTense.Contains(text.IdAt(k)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A list of signs whose first is denied by a word before it, joined by commas and at least one word of
    /// negation.yaml <c>listJoiners</c>, is denied as a whole: "geen koorts, rillingen of gewichtsverlies", "no fever or
    /// chills". Commas alone make no such list ("geen koorts, rillingen" may tell of chills), and any other word between
    /// two signs ends it ("geen koorts of wel rillingen").
    /// </summary>
    private static void DenyLists(TokenizedText text, LanguageLexicon lexicon, List<(int First, int End, int Result)> found, List<ModelResult> results)
    {
        var head = 0;
        while (head < found.Count)
        {
            var last = head;
            var joined = false;
            while (last + 1 < found.Count && Joins(text, lexicon, found[last].End, found[last + 1].First, ref joined))
            {
                last++;
            }

            if (joined && results[found[head].Result].Resolution is RedFlagResolution { Negated: true, CueStart: { } cue })
            {
                for (var k = head + 1; k <= last; k++)
                {
                    var member = results[found[k].Result];
                    if (member.Resolution is RedFlagResolution { Negated: false, Timed: false } flag)
                    {
                        results[found[k].Result] = member with { Resolution = flag with { Negated = true, CueStart = cue } };
                    }
                }
            }

            head = last + 1;
        }
    }

    // Whether only commas and list joiners stand between two signs (at least one of them); joined tells of a joiner.
    private static bool Joins(TokenizedText text, LanguageLexicon lexicon, int from, int to, ref bool joined)
    {
        if (to <= from)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (lexicon.ListJoiners.Contains(text.IdAt(k)))
            {
                joined = true;
            }
            else if (text.TextOf(k) is not ",")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the sentence of the phrase at <paramref name="phraseStart"/> (up to a full stop, question or exclamation
    /// mark) explains the sign away with a word of red-flags.yaml <c>explained</c> for its code that is not itself
    /// denied: "4 kilo afgevallen, maar ik ben op dieet" is no unexplained weight loss; "niet op dieet" or "zonder
    /// dieet" explain nothing. A code explained only in part is so for its phrases listed as explained: "nachtzweten,
    /// ik zit in de overgang", not "koorts, ik zit in de overgang".
    /// </summary>
    private static bool ExplainedAway(TokenizedText text, LanguageLexicon lexicon, string code, int phraseStart, int phraseEnd)
    {
        if (lexicon.Explanations.Count == 0
            || (lexicon.PartlyExplained.Contains(code) && !(lexicon.ExplainedSigns.TryMatch(text, phraseStart, out var signEnd, out var sign) && signEnd == phraseEnd && sign == code)))
        {
            return false;
        }

        var (first, last) = text.SentenceOf(phraseStart, phraseStart);
        for (var k = first; k <= last; k++)
        {
            if (lexicon.Explanations.TryMatch(text, k, out _, out var explained)
                && string.Equals(explained, code, StringComparison.Ordinal)
                && NegationScope.FindCue(text, lexicon, k) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Removes the signs that a sign told with them says where they are (red-flags.yaml <c>outranks</c>): in "opeens
    /// doof gevoel in mn kruis" the sudden numbness ("opeens doof", a stroke's sign) shares its words with the saddle
    /// sign ("doof gevoel in mn kruis"), which is what it is. A denied sign outranks nothing.
    /// </summary>
    internal static void Outrank(LanguageLexicon lexicon, List<ModelResult> results)
    {
        if (lexicon.Outranks.Count == 0)
        {
            return;
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Resolution is RedFlagResolution { Negated: false } sign && lexicon.Outranks.TryGetValue(sign.Code, out var outranked))
            {
                var place = results[i];
                results.RemoveAll(other => other.Start <= place.End && place.Start <= other.End && outranked.Contains(other.Resolution switch
                {
                    RedFlagResolution flag => flag.Code,
                    EmergencyResolution emergency => emergency.Code,
                    _ => string.Empty,
                }));
                i = results.IndexOf(place);
            }
        }
    }

    /// <summary>
    /// A body temperature in digits (red-flags.yaml <c>temperature</c>): "39 graden" and "temperatuur van 38,5" are
    /// the fever code, "37 graden" the code denied, and so is "geen 39 graden". Only numbers from
    /// <see cref="TemperatureReading.Lowest"/> to <see cref="TemperatureReading.Highest"/> are read, and only with a
    /// temperature word beside them. The result spans the number and that word, and replaces a phrase of the same code
    /// that overlaps it ("a temperature of 37.2" is no fever, though "a temperature" alone is one).
    /// </summary>
    internal static void ScanTemperatures(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        if (lexicon.Temperature is not { } reading)
        {
            return;
        }

        for (var i = 0; i < text.Count; i++)
        {
            var token = text.Tokens[i];
            if (token.Kind != TokenKind.Number)
            {
                continue;
            }

            // "101F", "99.5 fahrenheit": the number in degrees Celsius, then read as any other.
            var fahrenheit = reading.Fahrenheit.TryMatch(text, i + 1, out var end, out _);
            var degrees = fahrenheit ? TemperatureReading.FromFahrenheit(token.Number) : token.Number;
            if (degrees is < TemperatureReading.Lowest or > TemperatureReading.Highest)
            {
                continue;
            }

            int first = i, last = i;
            if (fahrenheit)
            {
                (first, last) = (WordBefore(text, reading.Before, i) ?? i, end - 1);
            }
            else if (reading.After.TryMatch(text, i + 1, out end, out _))
            {
                last = end - 1;
            }
            else if (WordBefore(text, reading.Before, i) is { } before)
            {
                first = before;
            }
            else
            {
                continue;
            }

            if (SomeoneElse.Holds(text, lexicon, first, last + 1))
            {
                continue;
            }

            // The number says more than a phrase of the same code it overlaps ("a temperature of 37.2").
            var cue = NegationScope.FindCue(text, lexicon, first);
            var negated = cue >= 0 || degrees < reading.Fever;
            var result = text.Result(first, last, new RedFlagResolution(reading.Code, negated) { CueStart = cue >= 0 ? text.OriginalStart(cue) : null });
            results.RemoveAll(r => r.Resolution is RedFlagResolution flag && string.Equals(flag.Code, reading.Code, StringComparison.Ordinal) && r.Start <= result.End && result.Start <= r.End);
            results.Add(result);
        }
    }

    // The most words a temperature's word before it may have: "temperatuur was", "thermometer said".
    private const int LongestWordBefore = 4;

    // Where a phrase of words that ends right before the number at position number, or before a comma right before it
    // ("beetje verhoging, 37,4"), starts, or null.
    private static int? WordBefore(TokenizedText text, PhraseTrie<bool> words, int number)
    {
        var to = number > 0 && text.TextOf(number - 1) is "," ? number - 1 : number;
        for (var start = to - 1; start >= Math.Max(0, to - LongestWordBefore); start--)
        {
            if (words.TryMatch(text, start, out var end, out _) && end == to)
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>
    /// Where the scan goes on after a phrase of <paramref name="code"/> at <paramref name="start"/> that ends before
    /// <paramref name="end"/>: at a phrase of another code that starts inside it and reaches past it, if there is one,
    /// so that a phrase never hides another that overlaps its end ("ik lig vaak wakker van pijn": the poor sleep, and
    /// the night pain, which red flags must never lose to a phrase of context); else after it.
    /// </summary>
    private static int NextStart(TokenizedText text, LanguageLexicon lexicon, int start, int end, string code)
    {
        for (var j = start + 1; j < end; j++)
        {
            if (lexicon.RedFlags.TryMatch(text, j, out var reach, out var other) && reach > end && !string.Equals(other, code, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return end;
    }

    /// <summary>
    /// The timed words (red-flags.yaml <c>timed</c>): <c>3 weken geleden geopereerd</c> is the word's code, <c>vorig
    /// jaar geopereerd</c> the code denied (longer ago than its weeks), <c>nooit geopereerd</c> and <c>geopereerd ben ik
    /// niet</c> denied too. The time is the one nearest the word: a duration of <paramref name="durations"/> or a moment
    /// (<c>in oktober</c>). A word without either says nothing, and neither does one whose code a phrase already named.
    /// The result spans the word and its time or its negation, so its text says what it means on its own.
    /// <para>A phrase of the flags inside a timed word is part of it, as the longer phrase wins among the flags: "van de
    /// trap gevallen" is no fall of its own. The spans of the words found are returned for
    /// <see cref="DropPartsOfTimedWords"/>, which removes those phrases once nothing indexes the results any more.</para>
    /// </summary>
    internal static List<(int Start, int End)>? ScanTimed(TokenizedText text, LanguageLexicon lexicon, List<(int First, int Last, DurationResolution Resolution)> durations, DateOnly today, List<ModelResult> results, ref List<(int First, int End, int Result)>? found)
    {
        if (lexicon.TimedFlags.Count == 0)
        {
            return null;
        }

        List<(int Start, int End)>? words = null;

        List<(int First, int Last, long Seconds, bool Rough)>? times = null;
        var i = 0;
        while (i < text.Count)
        {
            if (!lexicon.TimedFlags.TryMatch(text, i, out var end, out var flag))
            {
                i++;
                continue;
            }

            // notFlags hold for timed words too: "de griep heerst op kantoor" is no flu of the person's.
            if (InANotFlag(text, lexicon, i) is var notEnd && notEnd > i)
            {
                i = notEnd;
                continue;
            }

            if (!Named(results, flag.Code) && !SomeoneElse.Holds(text, lexicon, i, end))
            {
                (words ??= []).Add(text.OriginalRange(i, end - 1));
                var (first, last) = (i, end - 1);
                var cue = NegationScope.FindCue(text, lexicon, i);
                var denialEnd = cue >= 0 ? -1 : NegationScope.FindDenialAfter(text, lexicon, i, end);
                var negated = cue >= 0 || denialEnd >= 0;
                if (cue >= 0)
                {
                    first = cue;
                }
                else if (denialEnd >= 0)
                {
                    last = denialEnd - 1;
                }
                else
                {
                    times ??= Times(text, lexicon, durations, today);
                    if (Nearest(times, first, last, flag.Untimed ? OwnClause(text, lexicon.ScopeBreaks, first, last) : text.SentenceOf(first, last)) is { } time)
                    {
                        // "Sinds mijn operatie in oktober": a rough time just past the window may still be within it.
                        // Neither yes nor no then: the question asks.
                        var window = flag.WithinWeeks * DurationResolution.SecondsPerWeek;
                        if (time.Rough && time.Seconds > window && time.Seconds <= 2 * window)
                        {
                            i = end;
                            continue;
                        }

                        negated = time.Seconds > window;

                        // "Ever since I had covid in 2022": that time is how long the complaint has lasted, and stays
                        // its own (a race's is the complaint's anyway).
                        if (flag.StartsComplaint || !(time.First <= first && time.Last >= last))
                        {
                            (first, last) = (Math.Min(first, time.First), Math.Max(last, time.Last));
                        }
                    }
                    else if (!flag.Untimed || AfterASince(text, lexicon, first))
                    {
                        // "Since covid", "sinds mijn griep" without a time: when that was is not told, so neither yes
                        // nor no; its question asks.
                        i = end;
                        continue;
                    }
                }

                if (flag.StartsComplaint)
                {
                    (found ??= []).Add((first, last + 1, results.Count));
                }

                results.Add(text.Result(first, last, new RedFlagResolution(flag.Code, negated) { Timed = true, TimesComplaint = flag.StartsComplaint, OwnTime = lexicon.OwnTimeCodes.Contains(flag.Code), CueStart = cue >= 0 ? text.OriginalStart(cue) : null }));
            }

            i = end;
        }

        return words;
    }

    /// <summary>
    /// Removes the phrases of the flags that lie inside a timed word <see cref="ScanTimed"/> found (<paramref
    /// name="words"/>): "gevallen" in "van de trap gevallen" is part of the accident, not a fall of its own.
    /// </summary>
    internal static void DropPartsOfTimedWords(List<(int Start, int End)>? words, List<ModelResult> results)
    {
        if (words is null)
        {
            return;
        }

        foreach (var (start, end) in words)
        {
            results.RemoveAll(r => r.Resolution is RedFlagResolution { Timed: false } && start <= r.Start && r.End <= end && r.End - r.Start < end - start);
        }
    }

    // The clause a timed word's time may stand in: its own, or for a word in brackets the clause the brackets stand in
    // as well, "2 jaar geleden borstkanker gehad (operatie en chemo)".
    private static (int First, int Last) OwnClause(TokenizedText text, HashSet<int> joiners, int first, int last)
    {
        var own = Clause(text, joiners, first, last);
        for (var k = first - 1; k > 0; k--)
        {
            if (text.TextOf(k) is ")")
            {
                break;
            }

            if (text.TextOf(k) is "(")
            {
                var around = Clause(text, joiners, k - 1, k - 1);
                return (around.First, own.Last);
            }
        }

        return own;
    }

    // The clause of the words from first to last: up to punctuation or a word of joiners either side (negation.yaml
    // breaks for a negation's scope).
    private static (int First, int Last) Clause(TokenizedText text, HashSet<int> joiners, int first, int last)
    {
        while (first > 0 && !text.IsBreakAt(first - 1) && !joiners.Contains(text.IdAt(first - 1)))
        {
            first--;
        }

        while (last + 1 < text.Count && !text.IsBreakAt(last + 1) && !joiners.Contains(text.IdAt(last + 1)))
        {
            last++;
        }

        return (first, last);
    }

    private static bool Named(List<ModelResult> results, string code)
    {
        foreach (var result in results)
        {
            if (result.Resolution is RedFlagResolution flag && string.Equals(flag.Code, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<(int First, int Last, long Seconds, bool Rough)> Times(TokenizedText text, LanguageLexicon lexicon, List<(int First, int Last, DurationResolution Resolution)> durations, DateOnly today)
    {
        var times = DurationRecognizer.FindMoments(text, lexicon, today, durations).ConvertAll(m => (m.First, m.Last, m.Seconds, Rough: false));
        foreach (var (first, last, resolution) in durations)
        {
            times.Add((first, last, resolution.Seconds, resolution.Approximate));
        }

        return times;
    }

    // The nearest time inside within (first and last token): the word's sentence, or for a word that is the code as of
    // now without a time (TimedFlag.Untimed) its own clause, so that "al 2 jaar rugpijn en ik heb trombose" is
    // a thrombosis now. A time that holds the word counts wherever it begins: "ever since I had covid in 2022".
    private static (int First, int Last, long Seconds, bool Rough)? Nearest(List<(int First, int Last, long Seconds, bool Rough)> times, int first, int last, (int First, int Last) within)
    {
        (int First, int Last, long Seconds, bool Rough)? nearest = null;
        var best = int.MaxValue;
        foreach (var time in times)
        {
            if ((time.First < within.First || time.Last > within.Last) && !(time.First <= first && time.Last >= last))
            {
                continue;
            }

            var distance = time.First > last ? time.First - last : time.Last < first ? first - time.Last : 0;
            if (distance < best)
            {
                (nearest, best) = (time, distance);
            }
        }

        return nearest;
    }
}
