using System.Globalization;
using BotTriage.Core.Triage;
using BotTriage.Core.Understanding;

namespace BotTriage.Core.Tests.Understanding;

public sealed class UtteranceRecognizerTests
{
    private static readonly DateOnly Today = new(2025, 3, 15);

    [Theory]
    [InlineData("3 weken")]
    [InlineData("een paar weken")]
    [InlineData("een week of drie")]
    [InlineData("enkele maanden")]
    [InlineData("sinds januari")]
    public void ADurationWithANumberOrAStartIsNotVague(string text)
    {
        var duration = Assert.IsType<DurationResolution>(Assert.Single(SharedRecognizer.Instance.Durations.Recognize(text, "nl", Today)).Resolution);

        Assert.False(duration.Vague);
        Assert.Equal(0, duration.Unit);
    }

    // A timed word is found with or without its time; the time of a mention is how long ago it lies.
    [Theory]
    [InlineData("sinds de operatie", "recent-surgery", 0)]
    [InlineData("na mijn knieoperatie", "recent-surgery", 0)]
    [InlineData("4 weken geleden een nieuwe heup gekregen", "recent-surgery", 28)]
    [InlineData("geopereerd op 2 maart", "recent-surgery", 13)]
    [InlineData("griep gehad", "recent-infection", 0)]
    public void ATimedWordIsFoundAndItsMentionTimed(string text, string code, int days)
    {
        var recognizer = SharedRecognizer.Instance.RedFlags;

        var (found, start) = Assert.Single(recognizer.TimedWords(text, "nl"));
        var time = recognizer.TimeOfMention(text, "nl", Today);

        Assert.Equal(code, found);
        Assert.True(start >= 0 && start < text.Length);
        Assert.Equal(days == 0 ? null : days * DurationResolution.SecondsPerDay, time?.Seconds);
    }

    // A complaint whose places are all someone else's is told on their behalf; one place of the person's own is not.
    [Theory]
    [InlineData("nl", "mijn vader heeft rugpijn", true)]
    [InlineData("nl", "mijn vader is 80. Hij heeft sinds een week rugpijn", true)]
    [InlineData("nl", "mijn zoon heeft pijn aan zijn knie na het voetballen", true)]
    [InlineData("en", "my husband hurt his shoulder at the gym", true)]
    [InlineData("nl", "ik vraag het voor mijn moeder van 74. ze heeft last van haar nek", true)]
    [InlineData("en", "my dad, 78, has had lower back pain for 2 weeks", true)]
    [InlineData("nl", "mijn vader (80) heeft sinds een week rugpijn", true)]
    [InlineData("nl", "mijn man zegt dat mijn rug scheef staat", false)]
    [InlineData("nl", "mijn moeder had een hernia, nu heb ik rugpijn", false)]
    [InlineData("nl", "rugpijn sinds ik mijn zoon til", false)]
    [InlineData("nl", "hij zegt dat het stress is, mijn nek zit vast", false)]
    [InlineData("en", "my neck hurts, my wife says i snore", false)]
    [InlineData("en", "her back hurts", false)]
    public void AComplaintIsToldOnBehalfWhenAllItsPlacesAreSomeoneElses(string culture, string text, bool onBehalf) =>
        Assert.Equal(onBehalf, SharedRecognizer.Instance.ToldOnBehalf(text, culture));

    [Theory]
    [InlineData("nl", "ik vraag het voor mijn moeder", true)]
    [InlineData("nl", "hallo, ik vraag dit voor mijn vader", true)]
    [InlineData("nl", "ik typ namens mijn oma", true)]
    [InlineData("nl", "het gaat om mijn zoon, hij is 15", true)]
    [InlineData("en", "i'm asking for my mum", true)]
    [InlineData("en", "hi, this is on behalf of my husband", true)]
    [InlineData("en", "it's for my dad", true)]
    [InlineData("nl", "ik vraag het voor mijn man en mij", false)]
    [InlineData("en", "this is for my wife and me", false)]
    [InlineData("en", "asking for my husband, and i have it too", false)]
    [InlineData("nl", "ik vraag het voor mijn werk", false)]
    [InlineData("nl", "ik zorg voor mijn moeder en heb nu rugpijn", false)]
    [InlineData("nl", "ik doe dit voor mijn vrouw, zij wilde dat ik ging", false)]
    [InlineData("en", "my mum told me to come", false)]
    public void AsksForSomeoneElseOnlyWhenTheyAreNamedRightAfterTheWordsOfAsking(string culture, string text, bool asking) =>
        Assert.Equal(asking, SharedRecognizer.Instance.AsksForSomeoneElse(text, culture));

    // Someone else's age after their name is an age only in a conversation on their behalf.
    [Theory]
    [InlineData("nl", "mijn moeder is 84", false, null)]
    [InlineData("nl", "mijn moeder is 84", true, 84)]
    [InlineData("en", "my dad is now 80 and has back pain", true, 80)]
    [InlineData("nl", "mijn vader van 78 heeft rugpijn", true, 78)]
    [InlineData("nl", "mijn vader van 78 heeft rugpijn", false, null)]
    [InlineData("nl", "ik typ namens mijn moeder (80), ze heeft rugpijn", true, 80)]
    [InlineData("en", "my dad, 78, has back pain", true, 78)]
    [InlineData("nl", "ik (58) heb sinds 2 weken rugpijn", false, 58)]
    public void SomeoneElsesAgeCountsOnlyOnTheirBehalf(string culture, string text, bool onBehalf, int? age) =>
        Assert.Equal(age, SharedRecognizer.Instance.Numbers.FindAge(text, culture, onBehalf)?.Age.Youngest);

    [Fact]
    public void FindsEveryAnswerInAMultiAnswerMessageOrderedByPosition()
    {
        var results = SharedRecognizer.Instance.Recognize("al een week of drie last van mijn onderrug, geen koorts", "nl", Today);

        Assert.Equal(results.OrderBy(r => r.Start).Select(r => r.Start), results.Select(r => r.Start));
        Assert.Contains(results, r => r.Resolution is DurationResolution { Seconds: 1_814_400, Approximate: true });
        Assert.Contains(results, r => r.Resolution is BodyLocationResolution { Code: "lower-back", Side: BodySide.Unspecified });
        Assert.Contains(results, r => r.Resolution is RedFlagResolution { Code: "fever", Negated: true });
    }

    [Theory]
    [InlineData("nl-NL")]
    [InlineData("NL")]
    [InlineData("nl_NL")]
    public void AcceptsRegionalCultureNames(string culture)
    {
        var results = SharedRecognizer.Instance.Recognize("geen koorts", culture, Today);

        Assert.Contains(results, r => r.Resolution is RedFlagResolution { Code: "fever", Negated: true });
    }

    // A word as long as a whole message before "en" and a place: no place of its own, and nothing breaks.
    [Fact]
    public void AVeryLongWordBeforeAJoinedPlaceIsNoPlace()
    {
        var results = SharedRecognizer.Instance.Recognize(new string('x', 200_000) + "- en onderrug", "nl", Today);

        Assert.Equal(["lower-back"], results.Select(r => r.Resolution).OfType<BodyLocationResolution>().Select(l => l.Code));
    }

    [Fact]
    public void RejectsACultureWithoutLexicon()
    {
        Assert.Throws<ArgumentException>(() => SharedRecognizer.Instance.Recognize("kein Fieber", "de-DE", Today));
    }

    [Fact]
    public void CountsStartsBackFromTheDayPassedIn()
    {
        var inMarch = SharedRecognizer.Instance.Durations.Recognize("sinds januari", "nl", new DateOnly(2025, 3, 1));
        var inJune = SharedRecognizer.Instance.Durations.Recognize("sinds januari", "nl", new DateOnly(2025, 6, 1));

        Assert.Equal(59 * DurationResolution.SecondsPerDay, Assert.IsType<DurationResolution>(Assert.Single(inMarch).Resolution).Seconds);
        Assert.Equal(151 * DurationResolution.SecondsPerDay, Assert.IsType<DurationResolution>(Assert.Single(inJune).Resolution).Seconds);
    }

    [Theory]
    [InlineData("sinds kerst", "nl", "2026-12-05", 345)]
    [InlineData("sinds kerst", "nl", "2026-12-30", 5)]
    [InlineData("since christmas", "en", "2027-01-10", 16)]
    [InlineData("sinds koningsdag", "nl", "2026-05-01", 4)]
    public void AHolidayIsItsLatestDayBeforeToday(string text, string culture, string today, int days)
    {
        var found = SharedRecognizer.Instance.Durations.Recognize(text, culture, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(days * DurationResolution.SecondsPerDay, Assert.IsType<DurationResolution>(Assert.Single(found).Resolution).Seconds);
    }

    [Fact]
    public void EachRecognizerWorksAlone()
    {
        var lexicons = SharedRecognizer.Instance.Lexicons;

        Assert.Equal(22, Assert.IsType<NumberResolution>(Assert.Single(new NumberRecognizer(lexicons).Recognize("tweeëntwintig", "nl")).Resolution).Value);
        Assert.Equal(YesNo.Unknown, Assert.IsType<BooleanResolution>(Assert.Single(new BooleanRecognizer(lexicons).Recognize("geen idee", "nl")).Resolution).Value);
        Assert.Equal(8, Assert.IsType<PainScoreResolution>(Assert.Single(new PainScoreRecognizer(lexicons).Recognize("like an 8", "en")).Resolution).Value);
        Assert.Equal("calf", Assert.IsType<BodyLocationResolution>(Assert.Single(new BodyLocationRecognizer(lexicons).Recognize("calves", "en")).Resolution).Code);
        Assert.Equal("numbness", Assert.IsType<RedFlagResolution>(Assert.Single(new RedFlagRecognizer(lexicons).Recognize("tintelingen", "nl")).Resolution).Code);
        Assert.Equal(EmergencyCategory.Suicide, Assert.IsType<EmergencyResolution>(Assert.Single(new EmergencyRecognizer(lexicons).Recognize("I want to kill myself", "en")).Resolution).Category);
        Assert.Equal(1_209_600, Assert.IsType<DurationResolution>(Assert.Single(new DurationRecognizer(lexicons).Recognize("a fortnight", "en", Today)).Resolution).Seconds);
    }

    [Theory]
    [InlineData("62", "nl", "62-62")]
    [InlineData("ik ben 62", "nl", "62-62")]
    [InlineData("Ik ben 45 jaar oud!", "nl", "45-45")]
    [InlineData("nee, ik ben net 50", "nl", "50-50")]
    [InlineData("vijfenveertig jaar", "nl", "45-45")]
    [InlineData("ouder dan 50", "nl", "51-120")]
    [InlineData("ik ben ruim 50", "nl", "51-120")]
    [InlineData("onder de 20", "nl", "1-19")]
    [InlineData("tussen de 20 en 50", "nl", "20-50")]
    [InlineData("I'm 45", "en", "45-45")]
    [InlineData("yes, 62 years old", "en", "62-62")]
    [InlineData("age 19", "en", "19-19")]
    [InlineData("over 50", "en", "51-120")]
    [InlineData("between 50 and 20", "en", "20-50")]
    [InlineData("in de vijftig", "nl", "50-59")]
    [InlineData("ik ben begin 60", "nl", "60-63")]
    [InlineData("eind vijftig", "nl", "57-59")]
    [InlineData("ik ben een zestiger", "nl", "60-69")]
    [InlineData("achter in de 40", "nl", "47-49")]
    [InlineData("mid fifties", "en", "54-56")]
    [InlineData("I'm in my late 60s", "en", "67-69")]
    [InlineData("in my 50's", "en", "50-59")]
    [InlineData("early forties", "en", "40-43")]
    [InlineData("late teens", "en", "17-19")]
    [InlineData("60s", "en", "60-69")]
    [InlineData("jaren 60", "nl", null)]
    [InlineData("midden 45", "nl", null)]
    [InlineData("een stuk of 50", "nl", null)]
    [InlineData("ik word 50", "nl", null)]
    [InlineData("ik ben 62 en heb rugpijn", "nl", null)]
    [InlineData("mijn vader is 62", "nl", null)]
    [InlineData("ik ben 62,5", "nl", null)]
    [InlineData("ik ben een", "nl", null)]
    [InlineData("jonger dan 1", "nl", null)]
    [InlineData("0", "nl", null)]
    [InlineData("130", "nl", null)]
    [InlineData("nee", "nl", null)]
    [InlineData("a couple", "en", null)]
    public void ReadsAnAgeOnlyWhenItIsTheWholeMessage(string text, string culture, string? ages)
    {
        var said = SharedRecognizer.Instance.Numbers.RecognizeAge(text, culture);

        Assert.Equal(ages, said is { } span ? string.Create(CultureInfo.InvariantCulture, $"{span.Youngest}-{span.Oldest}") : null);
    }

    [Theory]
    [InlineData("ik ben 55", "nl", "55-55")]
    [InlineData("ja, 62 jaar oud", "nl", "62-62")]
    [InlineData("ouder dan 50", "nl", "51-120")]
    [InlineData("I'm 45", "en", "45-45")]
    [InlineData("62", "nl", null)]
    [InlineData("ja, 62", "nl", null)]
    [InlineData("yes, 45", "en", null)]
    [InlineData("tussen de 5 en 7", "nl", null)]
    [InlineData("tussen de 20 en 30 jaar oud", "nl", "20-30")]
    [InlineData("tussen de 2 en 3 jaar", "nl", null)]
    [InlineData("between 5 and 7", "en", null)]
    [InlineData("10 jaar", "nl", null)]
    [InlineData("ongeveer 10 jaar", "nl", null)]
    [InlineData("45 jaar oud", "nl", "45-45")]
    [InlineData("ik ben 45 jaar", "nl", "45-45")]
    [InlineData("10 years", "en", null)]
    [InlineData("I'm 45 years old", "en", "45-45")]
    [InlineData("ik ben 68 en heb voor het eerst rugpijn", "nl", "68-68")]
    [InlineData("al 3 weken rugpijn, ik ben 45, nooit eerder gehad", "nl", "45-45")]
    [InlineData("rugpijn en ik ben ouder dan 50", "nl", "51-120")]
    [InlineData("I'm 68 and this is my first back pain", "en", "68-68")]
    [InlineData("ik ben 3 weken geleden gevallen", "nl", null)]
    [InlineData("ik ben 30 jaar getrouwd", "nl", null)]
    [InlineData("ik ben 38 weken zwanger", "nl", null)]
    [InlineData("mijn vader is 62 en heeft ook rugpijn", "nl", null)]
    public void ReadsAnAgeInPassingOnlyWhenItIsSaidInWords(string text, string culture, string? ages)
    {
        var said = SharedRecognizer.Instance.Numbers.RecognizeAge(text, culture, worded: true);

        Assert.Equal(ages, said is { } span ? string.Create(CultureInfo.InvariantCulture, $"{span.Youngest}-{span.Oldest}") : null);
    }

    [Theory]
    [InlineData("ik ben 68 en heb voor het eerst rugpijn", "nl", "ik ben 68")]
    [InlineData("Al 3 weken rugpijn. Ik ben 45 jaar oud!", "nl", "Ik ben 45 jaar oud")]
    [InlineData("yes, I'm 62", "en", "I'm 62")]
    public void GivesTheWordsThatSayTheAge(string text, string culture, string words)
    {
        Assert.Equal(words, SharedRecognizer.Instance.Numbers.FindAge(text, culture)?.Words);
    }

    [Theory]
    [InlineData("wat bedoel je met veel?", "nl", true)]
    [InlineData("Sorry, telt ascal ook?", "nl", true)]
    [InlineData("eh, ik snap de vraag niet", "nl", true)]
    [InlineData("hoezo?", "nl", true)]
    [InlineData("geen idee wat je bedoelt", "nl", true)]
    [InlineData("heel veel", "nl", false)]
    [InlineData("geen idee", "nl", false)]
    [InlineData("ja, maar wat bedoel je", "nl", false)]
    [InlineData("what counts as a lot?", "en", true)]
    [InlineData("um, does aspirin count?", "en", true)]
    [InlineData("not sure what you mean", "en", true)]
    [InlineData("a lot", "en", false)]
    [InlineData("not sure", "en", false)]
    [InlineData("sorry", "en", false)]
    public void KnowsAQuestionBackOnlyByTheWordsItOpensWith(string text, string culture, bool asking)
    {
        Assert.Equal(asking, SharedRecognizer.Instance.Booleans.FindQuestionBack(text, culture) is not null);
    }

    [Theory]
    [InlineData("telt ascal ook?", "nl", "?")]
    [InlineData("wat bedoel je? ik heb wel koorts", "nl", "? ik heb wel koorts")]
    [InlineData("what is a blood thinner? I take aspirin", "en", "? I take aspirin")]
    public void GivesWhatFollowsTheClauseOfAQuestionBack(string text, string culture, string after)
    {
        Assert.Equal(after, text[SharedRecognizer.Instance.Booleans.FindQuestionBack(text, culture)!.Value..]);
    }

    [Fact]
    public void ReportsSpansInTheOriginalTextWithAnInclusiveEnd()
    {
        const string Text = "Ik heb één 😀 tweeëntwintig";

        var number = SharedRecognizer.Instance.Numbers.Recognize(Text, "nl")[^1];

        Assert.Equal("tweeëntwintig", number.Text);
        Assert.Equal(Text.IndexOf("twee", StringComparison.Ordinal), number.Start);
        Assert.Equal(Text.Length - 1, number.End);
    }

    [Fact]
    public void MatchesDecomposedAccentsAndHiddenCharacters()
    {
        var decomposed = SharedRecognizer.Instance.Numbers.Recognize("twee\u0065\u0308ntwintig", "nl");
        var hidden = SharedRecognizer.Instance.RedFlags.Recognize("geen ko\u200Borts", "nl");

        Assert.Equal(22, Assert.IsType<NumberResolution>(Assert.Single(decomposed).Resolution).Value);
        Assert.Equal(new RedFlagResolution("fever", true) { CueStart = 0 }, Assert.Single(hidden).Resolution);
    }

    [Fact]
    public void GivesTheSameResultsFromManyThreads()
    {
        string[] messages = ["al een week of drie last van mijn onderrug, geen koorts", "since Sunday my calves are killing me", "een 7", "ik wil niet meer leven"];
        var expected = messages.Select(m => SharedRecognizer.Instance.Recognize(m, m.StartsWith("since", StringComparison.Ordinal) ? "en" : "nl", Today)).ToList();

        var mismatches = 0;
        Parallel.For(0, 4000, i =>
        {
            var message = messages[i % messages.Length];
            var actual = SharedRecognizer.Instance.Recognize(message, message.StartsWith("since", StringComparison.Ordinal) ? "en" : "nl", Today);
            if (!actual.SequenceEqual(expected[i % messages.Length]))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void NoCaseUtteranceReadsAsTheOtherLanguage()
    {
        // The recognizer cases are what people write in each language, hundreds of them: none may lean towards the
        // other one, or the other language would be tried on it.
        var leaning = RecognizerCases.Cases
            .Where(c => SharedRecognizer.Instance.IsRather(c.Text, c.Culture == "nl" ? "en" : "nl", c.Culture))
            .Select(c => $"{c.Culture}: {c.Text}")
            .Distinct()
            .ToList();

        Assert.True(leaning.Count == 0, string.Join("\n", leaning));
    }

    [Theory]
    [InlineData("about 3 weeks", "en", "nl", true)]
    [InlineData("mijn onderrug", "nl", "en", true)]
    [InlineData("het doet heel erg pijn", "en", "nl", false)]
    [InlineData("12", "en", "nl", false)]
    [InlineData("blorf zinkel", "en", "nl", false)]
    public void TellsWhichLanguageAMessageIsRather(string text, string language, string than, bool expected) =>
        Assert.Equal(expected, SharedRecognizer.Instance.IsRather(text, language, than));
}
