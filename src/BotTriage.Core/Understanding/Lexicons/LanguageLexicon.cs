using BotTriage.Core.Triage;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>Everything one language's lexicon files say, compiled for matching. Immutable once loaded.</summary>
internal sealed class LanguageLexicon
{
    private readonly Dictionary<string, NumberMorpheme>.AlternateLookup<ReadOnlySpan<char>> _morphemeLookup;
    private readonly Dictionary<string, LocationEntry>.AlternateLookup<ReadOnlySpan<char>> _locationWordLookup;

    public LanguageLexicon(string name)
    {
        Name = name;
        RedFlags = new() { GapStops = NegationWords };
        TimedFlags = new() { GapStops = NegationWords };
        // An emergency is one whoever has it: "mijn vader heeft pijn op zijn borst" is 112 as much.
        Emergencies = new() { GapStops = NegationWords, AliasesAlways = true };
        _morphemeLookup = Morphemes.GetAlternateLookup<ReadOnlySpan<char>>();
        _locationWordLookup = LocationWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    public Vocabulary Vocabulary { get; } = new();

    public char DecimalSeparator { get; set; } = '.';

    public char GroupSeparator { get; set; } = ',';

    public Dictionary<string, NumberMorpheme> Morphemes { get; } = new(StringComparer.Ordinal);

    public int MaxMorphemeLength { get; set; }

    public HashSet<int> Articles { get; } = [];

    public HashSet<int> NumberJoiners { get; } = [];

    public PhraseTrie<double> Quantities { get; } = new();

    /// <summary>The words before and after a number that make it an age said as the whole answer (numbers.yaml <c>ages</c>).</summary>
    public PhraseTrie<bool> AgeBefore { get; } = new();

    public PhraseTrie<bool> AgeAfter { get; } = new();

    /// <summary>The words that make an age a bound: "ouder dan" 50, "onder de" 20, "tussen" 20 en 50.</summary>
    public PhraseTrie<bool> AgeOlder { get; } = new();

    public PhraseTrie<bool> AgeYounger { get; } = new();

    public PhraseTrie<bool> AgeBetween { get; } = new();

    /// <summary>
    /// An age by its decade (numbers.yaml <c>ages</c>): the decade as a word ("fifties" 50), the words before it ("in my",
    /// "in de"), a part of it ("late" its years 7 to 9) and the words after a round number that make it one ("50s").
    /// </summary>
    public PhraseTrie<int> AgeDecades { get; } = new();

    public PhraseTrie<bool> AgeDecadeBefore { get; } = new();

    public PhraseTrie<(int First, int Last)> AgeDecadeParts { get; } = new();

    public PhraseTrie<bool> AgeDecadeAfter { get; } = new();

    public Dictionary<int, DurationUnit> Units { get; } = [];

    public PhraseTrie<bool> ApproximatePrefixes { get; } = new();

    public PhraseTrie<bool> ApproximateSuffixes { get; } = new();

    public PhraseTrie<bool> SinceCues { get; } = new();

    /// <summary>Words after a day number (durations.yaml <c>dayOrdinals</c>): the "th" of "28th".</summary>
    public HashSet<int> DayOrdinals { get; } = [];

    /// <summary>Words between a day number and its month (durations.yaml <c>dayOf</c>): the "of" of "28th of November".</summary>
    public HashSet<int> DayOf { get; } = [];

    /// <summary>Words before a day number said without its month (durations.yaml <c>dayArticles</c>): the "the" of "since the 3rd".</summary>
    public HashSet<int> DayArticles { get; } = [];

    /// <summary>
    /// Words after a day number said alone that make it a rank, not a day (durations.yaml <c>rankNouns</c>): the
    /// "time" of "since the 3rd time".
    /// </summary>
    public HashSet<int> RankNouns { get; } = [];

    /// <summary>Words before a short day name that say it is the last one (durations.yaml <c>lastDayWords</c>): "since last sat".</summary>
    public PhraseTrie<bool> LastDayWords { get; } = new();

    /// <summary>Words after a moment that say it was when it began (durations.yaml <c>startWords</c>): "vorige maand begonnen".</summary>
    public PhraseTrie<bool> StartWords { get; } = new();

    /// <summary>Words past which a since-word's moment is not looked for (durations.yaml <c>sinceStops</c>): "en", "and".</summary>
    public HashSet<int> SinceStops { get; } = [];

    /// <summary>Words after a length that make it a time before today (durations.yaml <c>ago</c>): "2 weken geleden".</summary>
    public HashSet<int> AgoWords { get; } = [];

    /// <summary>How long in words without a size: "al heel lang", "for a while" (durations.yaml <c>vagueLengths</c>).</summary>
    public PhraseTrie<bool> VagueLengths { get; } = new();

    public HashSet<int> UnitThenNumber { get; } = [];

    public HashSet<int> RangeJoiners { get; } = [];

    public HashSet<int> NumberUnitJoiners { get; } = [];

    public HashSet<int> Blockers { get; } = [];

    /// <summary>Words after a count and its unit that make it no duration (durations.yaml <c>blockersAfter</c>): "32 weken zwanger", "40 uur per week".</summary>
    public PhraseTrie<bool> BlockersAfter { get; } = new();

    /// <summary>
    /// Words right before a count, a mark between them or not, that make it no duration (durations.yaml
    /// <c>blockersBefore</c>): "zwanger van 30 weken", "zwanger (30 wk)".
    /// </summary>
    public PhraseTrie<bool> BlockersBefore { get; } = new();

    /// <summary>
    /// Words right before a count of weeks or months that ends its clause, which make it a pregnancy's length
    /// (durations.yaml <c>pregnancyBefore</c>): "ik ben 20 weken", "I'm 20 weeks now".
    /// </summary>
    public PhraseTrie<bool> PregnancyBefore { get; } = new();

    /// <summary>Words that may follow such a count before its clause ends (durations.yaml <c>pregnancyAfter</c>): "nu", "now".</summary>
    public PhraseTrie<bool> PregnancyAfter { get; } = new();

    /// <summary>
    /// Clinical shorthand for a length, a count over a denominator, by the denominator's unit in seconds (durations.yaml
    /// <c>slashUnits</c>): "3/52" is three weeks, "2/12" two months, "5/7" five days.
    /// </summary>
    public Dictionary<int, long> SlashUnits { get; } = [];

    public PhraseTrie<RelativeStart> Relative { get; } = new();

    public Dictionary<int, int> Weekdays { get; } = [];

    /// <summary>
    /// Short names of days of the week that are also other words, read only right after a since-word (durations.yaml
    /// <c>sinceWeekdays</c>, Monday is 1): "since sat", not "I sat".
    /// </summary>
    public Dictionary<int, int> SinceWeekdays { get; } = [];

    public Dictionary<int, int> Months { get; } = [];

    /// <summary>A part of a month before it, as the day counted from (durations.yaml <c>monthParts</c>): "eind" the 25th.</summary>
    public PhraseTrie<int> MonthParts { get; } = new();

    /// <summary>
    /// A part of a week before "vorige week" / "last week", as the day of that week it is counted from (durations.yaml
    /// <c>weekParts</c>, Monday is 1): "eind vorige week" is its Friday.
    /// </summary>
    public PhraseTrie<int> WeekParts { get; } = new();

    /// <summary>A month said by how many months back it is, after a part (durations.yaml <c>monthsBack</c>): "vorige maand".</summary>
    public PhraseTrie<int> MonthsBack { get; } = new();

    /// <summary>A month's year, after it, in years back (durations.yaml <c>yearsBack</c>): "vorig jaar".</summary>
    public PhraseTrie<int> YearsBack { get; } = new();

    /// <summary>Phrases for a day of the year (durations.yaml <c>holidays</c>): "kerst" and "new year" (25 December, 1 January).</summary>
    public PhraseTrie<(int Month, int Day)> Holidays { get; } = new();

    public PhraseTrie<BooleanResolution> Answers { get; } = new();

    /// <summary>Answers that count only where a clause ends (yes-no.yaml <c>clauseFinal</c>): "I have." but not "I have a fever".</summary>
    public PhraseTrie<bool> ClauseFinalAnswers { get; } = new();

    /// <summary>Words that open a question about the question asked (yes-no.yaml <c>askingBack</c>): "wat bedoel je", "what counts as".</summary>
    public PhraseTrie<bool> AskingBack { get; } = new();

    /// <summary>Words that may come before <see cref="AskingBack"/> (yes-no.yaml <c>askingOpeners</c>): "sorry", "eh".</summary>
    public PhraseTrie<bool> AskingOpeners { get; } = new();

    /// <summary>The first words of <see cref="AskingBack"/> and <see cref="AskingOpeners"/>, lower case: a message that opens otherwise asks nothing back, and is not read for it.</summary>
    public HashSet<string> AskingFirstWords { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// yes-no.yaml's <c>questions</c>: by question id, words that answer that one question while it is asked ("vooral
    /// 's nachts" to whether the pain is worse at night), and nothing anywhere else.
    /// </summary>
    public Dictionary<string, PhraseTrie<YesNo>> QuestionAnswers { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each id of <see cref="QuestionAnswers"/> is, for the flow's check of it.</summary>
    public Dictionary<string, (string File, int Line)> QuestionAnswerLines { get; } = new(StringComparer.Ordinal);

    public PhraseTrie<bool> OutOf { get; } = new();

    public PhraseTrie<bool> NoPain { get; } = new();

    /// <summary>
    /// How bad in words, with the score each stands for (pain-score.yaml <c>words</c>): "matig" is about a 5, for the
    /// pain question only, when the phrase ends its clause.
    /// </summary>
    public PhraseTrie<int> PainWords { get; } = new();

    /// <summary>Words before a pain score that make it the usual one: "meestal", "usually" (pain-score.yaml <c>usualCues</c>).</summary>
    public PhraseTrie<bool> UsualCues { get; } = new();

    /// <summary>
    /// Words before a pain score that make it one of its ups and downs: "soms", "sometimes", "op slechte dagen"
    /// (pain-score.yaml <c>sometimesCues</c>).
    /// </summary>
    public PhraseTrie<bool> SometimesCues { get; } = new();

    public HashSet<int> PainArticles { get; } = [];

    /// <summary>Words right before a number that make it a score (pain-score.yaml <c>cues</c>): "pijn 6 en ik ben moe".</summary>
    public HashSet<int> PainCues { get; } = [];

    /// <summary>Words after which a number in words is a pronoun, not a score (pain-score.yaml <c>pronounAfter</c>): "the right one".</summary>
    public HashSet<int> PronounAfter { get; } = [];

    public int ScaleMax { get; set; } = 10;

    public PhraseTrie<LocationEntry> Locations { get; } = new();

    /// <summary>Single-word location phrases, for taking compounds apart (<c>linkerkuitkramp</c>).</summary>
    public Dictionary<string, LocationEntry> LocationWords { get; } = new(StringComparer.Ordinal);

    public PhraseTrie<BodySide?> Sides { get; } = new();

    /// <summary>Sides written short (body-locations.yaml <c>shortSides</c>): "R shoulder", "li knie"; only right before a place.</summary>
    public PhraseTrie<BodySide?> ShortSides { get; } = new();

    /// <summary>
    /// Words that take a side but are no place of their own (body-locations.yaml <c>sideTakers</c>): the "left" of
    /// "lower back and left leg" is the leg's, not the back's.
    /// </summary>
    public PhraseTrie<bool> SideTakers { get; } = new();

    public List<KeyValuePair<string, BodySide>> SidePrefixes { get; } = [];

    public List<string> CompoundSuffixes { get; } = [];

    public PhraseTrie<bool> NegationCues { get; } = new();

    public PhraseTrie<bool> PseudoNegations { get; } = new();

    /// <summary>Denials that follow what they deny and end its clause (negation.yaml <c>after</c>): "koorts heb ik niet".</summary>
    public PhraseTrie<bool> TrailingNegations { get; } = new();

    public HashSet<int> ScopeBreaks { get; } = [];

    /// <summary>
    /// Words that close what a cue before them denies, so that its reach ends there (negation.yaml <c>closers</c>): the
    /// "gedaan" of "niks gedaan opeens doof gevoel", where the numbness is told, not denied.
    /// </summary>
    public HashSet<int> NegationClosers { get; } = [];

    /// <summary>Words that join a list (negation.yaml <c>listJoiners</c>): a denial before its first sign reaches every sign of it.</summary>
    public HashSet<int> ListJoiners { get; } = [];

    /// <summary>Words that leave a sign after them undecided (negation.yaml <c>uncertain</c>): "geen idee of ik koorts heb".</summary>
    public PhraseTrie<bool> Uncertain { get; } = new();

    public int NegationWindow { get; set; } = 5;

    /// <summary>A body temperature in digits that names a code (red-flags.yaml <c>temperature</c>), or null.</summary>
    public TemperatureReading? Temperature { get; set; }

    /// <summary>Names of someone else (red-flags.yaml <c>someoneElse.people</c>): "mijn moeder", "my husband".</summary>
    public PhraseTrie<bool> OtherPeople { get; } = new();

    /// <summary>
    /// Verbs a warning sign's phrase may start with that a Dutch clause can put further on (words.yaml
    /// <c>verbLast</c>): "praat onduidelijk" matches "dat ik onduidelijk praat".
    /// </summary>
    public HashSet<int> VerbLastWords { get; } = [];

    /// <summary>
    /// Words of a body part that a side prefix joins into one word (words.yaml <c>sided</c>), each with its compounds:
    /// "arm" with "linkerarm" and "rechterarm". A sign's phrase with such a word holds for the compounds too.
    /// </summary>
    public Dictionary<int, int[]> SidedWords { get; } = [];

    /// <summary>
    /// Words that say the person asks for the one named right after them (red-flags.yaml <c>someoneElse.askingFor</c>):
    /// "ik vraag het voor", "on behalf of".
    /// </summary>
    public PhraseTrie<bool> AskingFor { get; } = new();

    /// <summary>Words of the person themself (red-flags.yaml <c>someoneElse.self</c>): "ik", "mijn", "I", "my".</summary>
    public HashSet<int> SelfWords { get; } = [];

    /// <summary>Words of someone telling what they saw of the person (red-flags.yaml <c>someoneElse.reporting</c>): "gemerkt", "says".</summary>
    public HashSet<int> ReportingWords { get; } = [];

    /// <summary>Words of someone else's before a place (red-flags.yaml <c>someoneElse.theirs</c>): "haar", "his".</summary>
    public HashSet<int> TheirWords { get; } = [];

    /// <summary>
    /// The person's own word each word of someone else's stands for in a message told on their behalf (red-flags.yaml
    /// <c>someoneElse.theirs</c>): "pijn op zijn borst" is read as "pijn op mijn borst" too.
    /// </summary>
    public Dictionary<int, int> OnBehalfAliases { get; } = [];

    /// <summary>Words after a name of someone else before their age (numbers.yaml <c>ages.afterSomeone</c>): "is", "is now".</summary>
    public PhraseTrie<bool> AgeAfterSomeone { get; } = new();

    /// <summary>Words that start a clause about the name before them (red-flags.yaml <c>someoneElse.relative</c>): "die", "who".</summary>
    public HashSet<int> RelativeWords { get; } = [];

    /// <summary>Words that say the person has it as well (red-flags.yaml <c>someoneElse.selfToo</c>): "ik ook", "me too".</summary>
    public PhraseTrie<bool> SelfToo { get; } = new();

    public PhraseTrie<string> RedFlags { get; }

    /// <summary>The negation cues of one word (negation.yaml): a gap in a sign's or an emergency's phrase never skips them.</summary>
    public HashSet<int> NegationWords { get; } = [];

    /// <summary>
    /// Words after which a place is where the pain spreads to, not a complaint of its own (body-locations.yaml
    /// <c>radiating</c>): "straalt uit naar", "tot in mijn".
    /// </summary>
    public PhraseTrie<bool> Radiating { get; } = new();

    /// <summary>
    /// Words that join two places whose shared part is said once (body-locations.yaml <c>placeJoiners</c>):
    /// "boven- en onderrug", "linker- en rechterknie", "upper and lower back".
    /// </summary>
    public HashSet<int> PlaceJoiners { get; } = [];

    /// <summary>
    /// Phrases that begin with a place's word but tell a time when a year or a month follows them and no word of the
    /// person themself comes before (body-locations.yaml <c>notLocationsBeforeADate</c>): "back in 2019", "back in march".
    /// </summary>
    public PhraseTrie<bool> NotLocationsBeforeADate { get; } = new();

    /// <summary>
    /// Words that explain a sign away when its sentence has them, each with the code it explains (red-flags.yaml
    /// <c>explained</c>): "op dieet" for weight loss.
    /// </summary>
    public PhraseTrie<string> Explanations { get; } = new();

    /// <summary>
    /// The codes whose explaining words explain only some of their phrases away (red-flags.yaml <c>explained</c> with
    /// <c>signs</c> and <c>by</c>): night sweats from the menopause are no fever, "koorts" beside the menopause still is.
    /// </summary>
    public HashSet<string> PartlyExplained { get; } = new(StringComparer.Ordinal);

    /// <summary>The phrases of a <see cref="PartlyExplained"/> code that its explaining words explain away, with that code.</summary>
    public PhraseTrie<string> ExplainedSigns { get; } = new();

    /// <summary>
    /// Red-flag codes that tell where a sign sharing their words is, each with the codes of those signs, red flags or
    /// emergencies (red-flags.yaml <c>outranks</c>): "opeens doof gevoel in mn kruis" is sudden numbness in the
    /// saddle, the saddle sign, not a stroke's.
    /// </summary>
    public Dictionary<string, HashSet<string>> Outranks { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that are a red-flag code only with a time (red-flags.yaml <c>timed</c>): <c>geopereerd</c>.</summary>
    public PhraseTrie<TimedFlag> TimedFlags { get; }

    /// <summary>
    /// Signs a complaint starts with (red-flags.yaml <c>onset</c>): a time told in their clause is the complaint's,
    /// "uitgegleden, 2 dagen geleden".
    /// </summary>
    public HashSet<string> OnsetCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// States and histories whose time is their own (red-flags.yaml <c>ownTime</c>): a length in a clause of its own
    /// right after one is its time, "zwanger van mijn tweede, 30 weken nu".
    /// </summary>
    public HashSet<string> OwnTimeCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Medicines that the words before or after them (<see cref="StoppedBefore"/>, <see cref="StoppedAfter"/>,
    /// red-flags.yaml <c>stopped</c>) deny: "gestopt met ascal", "ik gebruik ascal niet meer". Of a sign, the same words
    /// leave it standing.
    /// </summary>
    public HashSet<string> StoppedCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>The words after a medicine that tell it was stopped (red-flags.yaml <c>stopped</c>): "niet meer".</summary>
    public PhraseTrie<bool> StoppedAfter { get; } = new();

    /// <summary>The words right before a medicine that tell it was stopped (red-flags.yaml <c>stopped</c>): "gestopt met".</summary>
    public PhraseTrie<bool> StoppedBefore { get; } = new();

    public PhraseTrie<string> Emergencies { get; }

    /// <summary>Words right after a past emergency that make it one of now (emergencies.yaml <c>stillNow</c>): "gisteren pijn op de borst, en nu nog steeds".</summary>
    public PhraseTrie<bool> StillNow { get; } = new();

    /// <summary>
    /// Words that say the person is not safe now (emergencies.yaml <c>unsafe</c>): "ik ben niet veilig", "I'm not safe".
    /// After the 113 advice they get 112 first.
    /// </summary>
    public PhraseTrie<bool> Unsafe { get; } = new();

    /// <summary>
    /// A sign's red-flag code and the code of that sign once it has passed (emergencies.yaml <c>pastFlags</c>):
    /// chest-pain and past-chest-pain.
    /// </summary>
    public Dictionary<string, string> PastFlags { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The timed codes whose mention longer ago is no clean no at their own question (red-flags.yaml timed
    /// <c>pastUnsure</c>): "I had a DVT in that leg last year" to whether there is a thrombosis now is a don't-know.
    /// </summary>
    public HashSet<string> PastUnsureCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that tell a sign in the past (emergencies.yaml <c>pastTense</c>): "had", "gehad", "flauwgevallen".</summary>
    public HashSet<int> PastTense { get; } = [];

    /// <summary>
    /// Words that put a sign of <see cref="PastFlags"/> told in the past long ago (emergencies.yaml <c>longAgo</c>):
    /// "als tiener", "a long time ago". Such a sign is history, no sign at all.
    /// </summary>
    public PhraseTrie<bool> LongAgo { get; } = new();

    public bool TryMorpheme(ReadOnlySpan<char> text, out NumberMorpheme morpheme) => _morphemeLookup.TryGetValue(text, out morpheme);

    public bool TryLocationWord(ReadOnlySpan<char> text, out LocationEntry entry) => _locationWordLookup.TryGetValue(text, out entry!);

    public TokenizedText Tokenize(string text) =>
        Tokenizer.Tokenize(text, Vocabulary, DecimalSeparator, GroupSeparator, OnBehalfAliases.Count > 0 ? OnBehalfAliases : null);
}
