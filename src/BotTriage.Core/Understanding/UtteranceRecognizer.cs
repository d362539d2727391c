using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// The recognizers together: one call finds every entity in an utterance (numbers, durations, yes/no, pain scores,
/// body locations, red flags, emergencies), ordered by position. Load once at start; thread-safe afterwards.
/// </summary>
/// <example>
/// <code>
/// var recognizer = UtteranceRecognizer.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "lexicons"));
/// var entities = recognizer.Recognize("al een week of drie last van mijn onderrug, geen koorts", "nl", today);
/// </code>
/// </example>
public sealed class UtteranceRecognizer
{
    private static readonly string[] TypeOrder =
        [EntityTypes.Emergency, EntityTypes.RedFlag, EntityTypes.BodyLocation, EntityTypes.Duration, EntityTypes.PainScore, EntityTypes.Boolean, EntityTypes.Number];

    public UtteranceRecognizer(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        Lexicons = lexicons;
        Numbers = new NumberRecognizer(lexicons);
        Durations = new DurationRecognizer(lexicons);
        Booleans = new BooleanRecognizer(lexicons);
        PainScores = new PainScoreRecognizer(lexicons);
        BodyLocations = new BodyLocationRecognizer(lexicons);
        RedFlags = new RedFlagRecognizer(lexicons);
        Emergencies = new EmergencyRecognizer(lexicons);
    }

    public LexiconSet Lexicons { get; }

    public NumberRecognizer Numbers { get; }

    public DurationRecognizer Durations { get; }

    public BooleanRecognizer Booleans { get; }

    public PainScoreRecognizer PainScores { get; }

    public BodyLocationRecognizer BodyLocations { get; }

    public RedFlagRecognizer RedFlags { get; }

    public EmergencyRecognizer Emergencies { get; }

    /// <summary>Loads the lexicons under <paramref name="lexiconDirectory"/>; throws <see cref="LexiconException"/> listing every problem.</summary>
    public static UtteranceRecognizer Load(string lexiconDirectory) => new(LexiconSet.Load(lexiconDirectory));

    /// <summary>
    /// Every entity in <paramref name="text"/>, ordered by <see cref="ModelResult.Start"/>. <paramref name="culture"/> is
    /// <c>nl</c> or <c>en</c> (<c>nl-NL</c>, <c>en-US</c> accepted); <paramref name="today"/> anchors starts such as
    /// <c>sinds januari</c>.
    /// </summary>
    public IReadOnlyList<ModelResult> Recognize(string text, string culture, DateOnly today, bool onBehalf = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text).Told(onBehalf);
        var results = new List<ModelResult>();
        // An emergency is one whoever has it: "mijn vader heeft pijn op zijn borst" is 112 as much.
        EmergencyRecognizer.Scan(tokens, lexicon, Lexicons.EmergencyCategories, results);
        if (results.Count == 0)
        {
            ScanEmergenciesInOtherLanguages(text, tokens, lexicon, results);
        }

        var flags = RedFlagRecognizer.Scan(tokens, lexicon, results);
        RedFlagRecognizer.ScanTemperatures(tokens, lexicon, results);
        BodyLocationRecognizer.Scan(tokens, lexicon, results);
        var durations = DurationRecognizer.Find(tokens, lexicon, today);
        durations.RemoveAll(d => d.Resolution.Vague && InAPainCue(tokens, lexicon, d.First, d.Last));
        foreach (var (first, last, resolution) in durations)
        {
            results.Add(tokens.Result(first, last, resolution));
        }

        DropEmergenciesSinceLongAgo(results);

        var timedWords = RedFlagRecognizer.ScanTimed(tokens, lexicon, durations, today, results, ref flags);
        RedFlagRecognizer.TimeOnsets(tokens, lexicon, flags, durations, today, results);
        RedFlagRecognizer.PastSigns(tokens, lexicon, flags, durations, today, results);
        RedFlagRecognizer.DropPartsOfTimedWords(timedWords, results);

        PainScoreRecognizer.Scan(tokens, lexicon, durations, results);
        BooleanRecognizer.Scan(tokens, lexicon, results);
        NumberRecognizer.Scan(tokens, lexicon, results);
        RedFlagRecognizer.Outrank(lexicon, results);
        results.Sort(static (a, b) =>
        {
            var byStart = a.Start.CompareTo(b.Start);
            return byStart != 0 ? byStart : Array.IndexOf(TypeOrder, a.TypeName).CompareTo(Array.IndexOf(TypeOrder, b.TypeName));
        });
        return results;
    }

    // "3 on good days, 8 on bad days": the days of a pain cue (pain-score.yaml sometimesCues, usualCues) are no length.
    private static bool InAPainCue(TokenizedText tokens, LanguageLexicon lexicon, int first, int last)
    {
        for (var k = Math.Max(0, first - 4); k <= first; k++)
        {
            if ((lexicon.SometimesCues.TryMatch(tokens, k, out var end, out _) && end > last)
                || (lexicon.UsualCues.TryMatch(tokens, k, out end, out _) && end > last))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Bloedverdunners sinds mijn herseninfarct in 2019", "since my stroke in 2019": a medical emergency named in a
    /// since-length as when something began, two weeks ago or longer, is one of the past, not of now. Suicidal words
    /// always count.
    /// </summary>
    private static void DropEmergenciesSinceLongAgo(List<ModelResult> results)
    {
        results.RemoveAll(e => e.Resolution is EmergencyResolution { Category: EmergencyCategory.Medical }
            && results.Exists(d => d.Resolution is DurationResolution { Since: true } since && since.Seconds >= 2 * DurationResolution.SecondsPerWeek
                && d.Start < e.Start && e.End <= d.End));
    }

    /// <summary>
    /// Whether <paramref name="text"/> tells of a complaint on behalf of someone else: it names a place of the body
    /// that is theirs, and none that is the person's. A place is someone else's in a clause that is someone else's
    /// ("mijn vader heeft rugpijn", "my mum's knee"), or in a sentence part with a word of theirs (red-flags.yaml
    /// <c>someoneElse.theirs</c>: "haar", "hij", "his") and none of the person's, in a message that names someone else
    /// ("mijn moeder is 84 en heeft pijn in haar rug", "ik vraag het voor mijn moeder. ze heeft last van haar nek"), or
    /// in a sentence that starts with someone else's name and holds no word of the person's ("my dad, 78, has back
    /// pain"). Any other place is the person's: "mijn moeder had een hernia, nu heb ik rugpijn" is not on her behalf.
    /// </summary>
    public bool ToldOnBehalf(string text, string culture) => ToldOnBehalf(text, culture, Told.Places);

    /// <summary>
    /// <see cref="ToldOnBehalf(string, string)"/> for the warning signs of a message that names no place: every sign
    /// in it is someone else's, by the same reading ("asking for my husband, he has lost a lot of weight").
    /// </summary>
    public bool SignsToldOnBehalf(string text, string culture) => ToldOnBehalf(text, culture, Told.Signs);

    /// <summary>
    /// <see cref="ToldOnBehalf(string, string)"/> for the suicidal words of a message: every one is someone else's, by
    /// the same reading ("mijn zus heeft suïcidale gedachten", "my son says he wants to die"), except that a word of
    /// theirs needs no name: "he says he wants to die", "ze wil dood" are someone else's too.
    /// </summary>
    public bool SuicideToldOnBehalf(string text, string culture) => ToldOnBehalf(text, culture, Told.Suicide);

    private enum Told
    {
        Places,
        Signs,
        Suicide,
    }

    private bool ToldOnBehalf(string text, string culture, Told what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        bool? named = null;
        var theirs = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            int end;
            var found = what switch
            {
                Told.Signs => lexicon.RedFlags.TryMatch(tokens, i, out end, out var sign) && sign.Length > 0,
                Told.Suicide => lexicon.Emergencies.TryMatch(tokens, i, out end, out var emergency)
                    && Lexicons.EmergencyCategories.GetValueOrDefault(emergency) == EmergencyCategory.Suicide,
                _ => BodyLocationRecognizer.TryPlace(tokens, lexicon, i, out end, out var entry, out _) && entry.Code.Length > 0,
            };
            if (!found)
            {
                continue;
            }

            if (SomeoneElse.Holds(tokens, lexicon, i, end) || OfTheSentencesSubject(tokens, lexicon, i)
                || (InTheirSentencePart(tokens, lexicon, i, end) && (what == Told.Suicide || (named ??= lexicon.OtherPeople.OccursIn(tokens)))))
            {
                theirs = true;
            }
            else
            {
                return false;
            }

            i = end - 1;
        }

        return theirs;
    }

    // Whether the sentence of the word at `at` starts with someone else's name and holds no word of the person's outside
    // names: "my dad, 78, has had back pain", "mijn vader (80) heeft rugpijn".
    private static bool OfTheSentencesSubject(TokenizedText tokens, LanguageLexicon lexicon, int at)
    {
        var (first, last) = tokens.SentenceOf(at, at);
        if (!lexicon.OtherPeople.TryMatch(tokens, first, out _, out _))
        {
            return false;
        }

        for (var k = first; k <= last; k++)
        {
            if (lexicon.OtherPeople.TryMatch(tokens, k, out var nameEnd, out _))
            {
                k = nameEnd - 1;
            }
            else if (lexicon.SelfWords.Contains(tokens.IdAt(k)))
            {
                return false;
            }
        }

        return true;
    }

    // Whether the sentence part of the words from first up to end (up to punctuation) holds a word of someone else's and
    // none of the person's outside a name: "mijn vader is 80 en hij heeft rugpijn", not "nu heb ik rugpijn".
    private static bool InTheirSentencePart(TokenizedText tokens, LanguageLexicon lexicon, int first, int end)
    {
        while (first > 0 && !tokens.IsBreakAt(first - 1))
        {
            first--;
        }

        while (end < tokens.Count && !tokens.IsBreakAt(end))
        {
            end++;
        }

        var theirs = false;
        for (var k = first; k < end; k++)
        {
            if (lexicon.OtherPeople.TryMatch(tokens, k, out var nameEnd, out _))
            {
                k = nameEnd - 1;
                continue;
            }

            var id = tokens.IdAt(k);
            if (lexicon.SelfWords.Contains(id))
            {
                return false;
            }

            theirs |= lexicon.TheirWords.Contains(id);
        }

        return theirs;
    }

    /// <summary>
    /// Whether <paramref name="text"/> says the person asks for someone else (red-flags.yaml <c>someoneElse.askingFor</c>
    /// right before a name of <c>people</c>): "ik vraag het voor mijn moeder", "asking on behalf of my dad". Not when
    /// the person is named beside them ("voor mijn man en mij") or says they have it too.
    /// </summary>
    public bool AsksForSomeoneElse(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        if (lexicon.AskingFor.Count == 0)
        {
            return false;
        }

        var tokens = lexicon.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (lexicon.AskingFor.TryMatch(tokens, i, out var end, out _) && lexicon.OtherPeople.TryMatch(tokens, end, out var nameEnd, out _))
            {
                var besideThem = nameEnd + 1 < tokens.Count && lexicon.PlaceJoiners.Contains(tokens.Tokens[nameEnd].Id)
                    && lexicon.SelfWords.Contains(tokens.Tokens[nameEnd + 1].Id);
                return !besideThem && !lexicon.SelfToo.OccursIn(tokens);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> tells of someone else and not of the person (red-flags.yaml
    /// <c>someoneElse</c>): "mijn moeder had het", "yes, my dad". A message about the person too is not.
    /// </summary>
    public bool NamesSomeoneElse(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (lexicon.OtherPeople.TryMatch(tokens, i, out var end, out _) && SomeoneElse.Holds(tokens, lexicon, i, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the clauses of <paramref name="text"/> break, as offsets in it: at punctuation and at joining words
    /// (negation.yaml <c>breaks</c>: en, maar, and, but). Two places with no break between them are in one clause: in
    /// "mijn zoon is 8 maanden geleden geboren en mijn rug doet al 2 weken pijn", the back and the 2 weeks.
    /// </summary>
    public IReadOnlyList<int> ClauseBreaks(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        var breaks = new List<int>();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (NegationScope.EndsClause(tokens, lexicon, k))
            {
                breaks.Add(tokens.OriginalStart(k));
            }
        }

        return breaks;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is more <paramref name="language"/> than <paramref name="than"/>: more of its
    /// words are known only to <paramref name="language"/>'s lexicons than only to the other's. "about 3 weeks" is
    /// English rather than Dutch; "het doet heel erg pijn" is not, though English reads "heel" as a place.
    /// </summary>
    public bool IsRather(string text, string language, string than)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(language);
        var other = Lexicons.Get(than);
        var tokens = lexicon.Tokenize(text);
        var lean = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.Tokens[i].Kind != Text.TokenKind.Word)
            {
                continue;
            }

            var known = tokens.Tokens[i].Id >= 0;
            var knownToOther = other.Vocabulary.Find(tokens.TextOf(i)) >= 0;
            lean += known == knownToOther ? 0 : known ? 1 : -1;
        }

        return lean > 0;
    }

    /// <summary>
    /// Whether every word of <paramref name="text"/> inside each of <paramref name="spans"/> (entities found in it) is
    /// unknown to <paramref name="language"/>'s lexicons, and each holds a word: "rugpijn" in "i have rugpijn" is no
    /// English at all, where "back" is English as much as Dutch.
    /// </summary>
    public bool UnknownTo(string text, IReadOnlyList<ModelResult> spans, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var tokens = Lexicons.Get(language).Tokenize(text);
        var words = new int[spans.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.Tokens[i].Kind != Text.TokenKind.Word)
            {
                continue;
            }

            var at = tokens.OriginalStart(i);
            for (var s = 0; s < spans.Count; s++)
            {
                if (at >= spans[s].Start && at <= spans[s].End)
                {
                    if (tokens.Tokens[i].Id >= 0)
                    {
                        return false;
                    }

                    words[s]++;
                }
            }
        }

        return Array.TrueForAll(words, count => count > 0);
    }

    /// <summary>
    /// Someone who switched language may still call for help in their own: an emergency phrase in any language the
    /// lexicons know interrupts, whatever language the conversation is in. What the conversation's own language reads
    /// as a past emergency (emergencies.yaml <c>past</c>: "een tia gehad") stays history in the other languages too.
    /// </summary>
    private void ScanEmergenciesInOtherLanguages(string text, TokenizedText tokens, LanguageLexicon current, List<ModelResult> results)
    {
        List<ModelResult>? past = null;
        foreach (var language in Lexicons.Languages)
        {
            var other = Lexicons.Get(language);
            if (ReferenceEquals(other, current))
            {
                continue;
            }

            EmergencyRecognizer.Scan(other.Tokenize(text), other, Lexicons.EmergencyCategories, results);
            if (results.Count == 0)
            {
                continue;
            }

            if (past is null)
            {
                past = [];
                EmergencyRecognizer.Scan(tokens, current, Lexicons.EmergencyCategories, [], past);
            }

            results.RemoveAll(found => past.Exists(history => history.Start <= found.End && found.Start <= history.End));
            if (results.Count > 0)
            {
                return;
            }
        }
    }
}
