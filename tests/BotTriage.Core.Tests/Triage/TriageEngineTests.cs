using System.Globalization;
using System.Text.Json;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Tests.Dialogs;
using BotTriage.Core.Triage;
using BotTriage.Core.Understanding;

namespace BotTriage.Core.Tests.Triage;

public sealed class TriageEngineTests
{
    /// <summary>The emergency screen, consent and language: what every Dutch conversation answers first.</summary>
    private static readonly string[] Welcome = ["nee", "ja", "nederlands"];
    private static readonly Lazy<DialogSet> ShippedDialogs = new(() => DialogLoader.LoadDirectory(DialogPaths.Default));

    // An English conversation up to the neck's first red-flag question.
    private static readonly string[] EnglishToTheFirstRedFlag = ["no", "yes", "english", "neck", "3 weeks", "4", "a little"];

    private static readonly string[] FirstAnswers = ["nee", "ja", "nederlands", "nek", "3 weken", "4"];

    /// <summary>The red-flag questions asked for the neck, from sudden weakness to numbness, all answered no.</summary>
    private static readonly string[] NeckRedFlagsNo = [.. Enumerable.Repeat("nee", 13)];

    /// <summary>After the red flags: contraindications, PHQ-2, GAD-2, fear of movement, worrying and context, all low.</summary>
    private static readonly string[] RestLow = ["nee", "helemaal niet", "helemaal niet", "helemaal niet", "helemaal niet", "nee", "nee", "nee", "nee", "nee", "nee"];

    private static Conversation AtRedFlags(string location = "nek", string duration = "3 weken") =>
        Conversation.Start().SendAll([.. Welcome, location, duration, "4", "een beetje"]);

    [Fact]
    public void AsksTheEmergencyScreenBeforeAnythingElse()
    {
        Conversation.Start()
            .AssertReply(r =>
            {
                Assert.Contains("pijn op de borst", r.Text, StringComparison.Ordinal);
                Assert.Equal(["ja", "nee", "weet ik niet"], r.Choices.Select(c => c.Label));
            })
            .AssertStep("emergency-screen");
    }

    [Fact]
    public void GivesThe112AdviceAtOnceWhenTheEmergencyScreenIsAnsweredYes()
    {
        var chat = Conversation.Start();

        chat.Send("ja").AssertReply(r =>
        {
            Assert.Contains("Bel nu 112", r.Text, StringComparison.Ordinal);
            Assert.True(r.IsOutcome);
        });

        Assert.True(chat.State.Outcome!.Emergency);
        Assert.False(chat.State.Outcome.Completed);
        Assert.Equal(["emergency-112"], chat.State.Outcome.Routes);
        Assert.Equal("T0", chat.State.Outcome.Urgency);
    }

    // The screen asks about now: a yes about chest pain that has passed is that sign's, noted (the GP today), and the
    // screen is asked again.
    [Theory]
    [InlineData("en", "yes I had chest pain last week but it's gone now")]
    [InlineData("en", "yes, I fainted yesterday")]
    public void AYesAboutAPassedSignIsNoYesToTheScreen(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message);

        Assert.Null(chat.State.Outcome);
        Assert.Equal("emergency-screen", chat.State.Step);
        chat.Send("no").SkipReplies().SendAll("yes", "english", "upper back", "2 weeks", "4", "a little");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        Assert.Equal("T2", chat.State.Outcome!.Urgency);
    }

    [Fact]
    public void OpensWithTheAssistantNoticeAndTheConsentQuestionAfterTheScreen()
    {
        Conversation.Start().Send("nee")
            .AssertReply(r =>
            {
                Assert.Contains("geautomatiseerd", r.Text, StringComparison.Ordinal);
                Assert.Contains("geen diagnose", r.Text, StringComparison.Ordinal);
                Assert.Contains("112", r.Text, StringComparison.Ordinal);
                Assert.Equal(["ja", "nee", "weet ik niet"], r.Choices.Select(c => c.Label));
            })
            .AssertStep("consent");
    }

    [Fact]
    public void SwitchesToTheLanguageThePersonChooses()
    {
        var chat = Conversation.Start().SendAll("nee", "ja");

        chat.Send("english").AssertReply("We will continue in English.").AssertReplyContains("Where is the complaint?");

        Assert.Equal("en", chat.State.Culture);
        Assert.Equal("location", chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "ik heb al 3 weken rugpijn", "nl", null, "Ik noteer: onderrug en 3 weken.")]
    [InlineData("nl", "I have had back pain for 3 weeks", "en", "We will continue in English.", "Noted: lower back and 3 weeks.")]
    [InlineData("en", "al 3 weken pijn in mijn nek", "nl", "We gaan verder in het Nederlands.", "Ik noteer: nek en 3 weken.")]
    [InlineData("en", "my neck hurts", "en", null, "Noted: neck.")]
    public void AComplaintToldAtTheLanguageQuestionGoesOnInTheLanguageItIsWrittenIn(string start, string message, string culture, string? switched, string note)
    {
        var chat = Conversation.Start(start).SendAll(start == "en" ? ["no", "yes"] : ["nee", "ja"]);

        chat.Send(message);
        if (switched is not null)
        {
            chat.AssertReply(switched);
        }

        chat.AssertReply(note);

        Assert.Equal(culture, chat.State.Culture);
        Assert.Equal(culture, chat.State.Answers["language"].Choice);
        Assert.NotEqual("language", chat.State.Step);
        Assert.DoesNotContain(chat.LastTurn!.Replies, r => r.Text.Contains("'english'", StringComparison.Ordinal) || r.Text.Contains("'nederlands'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "pijn in mijn benen", "nl", null, "Waar in je benen precies?", "kuiten", "Ik noteer: kuit (beide kanten).")]
    [InlineData("nl", "pain in my legs", "en", "We will continue in English.", "Where in your legs exactly?", "calves", "Noted: calf (both sides).")]
    [InlineData("en", "mijn benen doen pijn", "nl", "We gaan verder in het Nederlands.", "Waar in je benen precies?", "kuiten", "Ik noteer: kuit (beide kanten).")]
    [InlineData("nl", "ik ben zo gespannen", "nl", null, "Waar in je lijf voel je die spanning vooral?", "nek en schouders", "Ik noteer: nek, schouder (beide kanten).")]
    public void LegsOrTensionToldAtTheLanguageQuestionAskWhereExactlyInTheLanguageTheyAreWrittenIn(string start, string message, string culture, string? switched, string asked, string place, string note)
    {
        var chat = Conversation.Start(start).SendAll(start == "en" ? ["no", "yes"] : ["nee", "ja"]);

        chat.Send(message);
        if (switched is not null)
        {
            chat.AssertReply(switched);
        }

        chat.AssertReplyContains(asked).AssertStep("location");
        Assert.Equal(culture, chat.State.Answers["language"].Choice);
        Assert.DoesNotContain(chat.LastTurn!.Replies, r => r.Text.Contains("Waar heb je last van?", StringComparison.Ordinal) || r.Text.Contains("Where is the complaint?", StringComparison.Ordinal));

        chat.Send(place).AssertReply(note).AssertStep("duration");
    }

    [Theory]
    [InlineData("nl", "nee")]
    [InlineData("nl", "hè?")]
    [InlineData("en", "huh")]
    public void AMessageThatToldNothingStillGetsTheLanguageQuestionAgain(string start, string message)
    {
        var chat = Conversation.Start(start).SendAll(start == "en" ? ["no", "yes"] : ["nee", "ja"]);

        chat.Send(message).AssertStep("language");

        Assert.False(chat.State.Answers.ContainsKey("language"));
    }

    [Fact]
    public void RoutesToTheGpWhenFeverIsReported()
    {
        var chat = AtRedFlags("onderrug").SendAll("nee", "nee", "nee", "nee", "nee", "nee", "nee", "ja", "nee", "nee", "nee", "nee", "nee", "nee", "nee", "nee");

        var outcome = chat.State.Outcome!;

        Assert.Equal(["gp"], outcome.Routes);
        Assert.Contains("fever", outcome.RedFlags);
        Assert.Contains("fever", outcome.Contraindications);
        Assert.Equal("T2", outcome.Urgency);
        Assert.True(outcome.Completed);

        // A plain "ja" is quoted with what the question asked about; words of the person's own as they are.
        Assert.Contains(outcome.Reasons, r => r.Rule == "fever" && r.Evidence.SequenceEqual(["koorts of je erg ziek voelen: ja"]));
        var inWords = AtRedFlags("onderrug").SendAll("nee", "nee", "nee", "nee", "nee", "nee", "nee", "ja, al twee dagen koorts", "nee", "nee", "nee", "nee", "nee", "nee", "nee", "nee");
        Assert.Contains(inWords.State.Outcome!.Reasons, r => r.Rule == "fever" && r.Evidence.Contains("ja, al twee dagen koorts"));
    }

    [Theory]
    [InlineData("nl", "nee, geen koorts, maar ik voel me wel echt heel ziek")]
    [InlineData("en", "no fever, but I feel really ill")]
    public void FeelingVeryIllAnswersTheFeverQuestionWhichAsksAboutIt(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message).AssertStep("rf-very-unwell");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-fever"].YesNo);
        Assert.Equal("T2", chat.State.Outcome!.Urgency);
        Assert.DoesNotContain("massage", chat.State.Outcome.Routes);
    }

    [Theory]
    [InlineData("en", "never felt so ill in my life")]
    [InlineData("nl", "hondsberoerd")]
    [InlineData("nl", "38 komma 5")]
    [InlineData("en", "38 point 5")]
    public void WordsOfFeelingVeryIllToTheFeverQuestionAreAYesToIt(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-fever"].YesNo);
        Assert.NotEqual("rf-fever", chat.State.Step);
    }

    [Theory]
    [InlineData("en", "no wait actually i fell off a ladder last month")]
    [InlineData("nl", "nee wacht, ik ben eigenlijk vorige maand van de ladder gevallen")]
    public void ACorrectionThatTellsTheSignAskedAboutIsAYesToIt(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-major-trauma");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-major-trauma"].YesNo);
        Assert.NotEqual("rf-major-trauma", chat.State.Step);
    }

    [Fact]
    public void AReasonOnHowManySignsThereAreQuotesEachOfThem()
    {
        var chat = Conversation.Start("en").SendAll("no", "yes", "english");

        chat.Send("lower back, about 5 weeks. i've lost like 8 kilos without dieting and i wake up at night from the pain");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var combined = Assert.Single(chat.State.Outcome!.Reasons, r => r.Rule == "signs-combined");
        Assert.Equal(["lost like 8 kilos", "wake up at night from the pain"], combined.Evidence);
    }

    // A sign a rule reports (a first episode at 55) is quoted by the answers it rests on, each once.
    [Fact]
    public void ASignARuleReportsIsQuotedByItsAnswersEachOnce()
    {
        var chat = Started("en").SendAll("mid back", "3 weeks", "6", "moderately");
        chat.AnswerPlainlyUntil(s => s.Step == "rf-night-pain");
        chat.Send("yes, I wake up from it, turning does not help");
        chat.AnswerPlainlyUntil(s => s.Step == "first-episode");
        chat.Send("yes");
        chat.AnswerPlainlyUntil(s => s.Step == "age-first");
        chat.Send("I am 55");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var combined = Assert.Single(chat.State.Outcome!.Reasons, r => r.Rule == "signs-combined");
        Assert.Equal(["yes, I wake up from it, turning does not help", "first back trouble like this: yes", "I am 55"], combined.Evidence);
    }

    // Each mention of one sign in a message is quoted: the swelling and the dark urine both tell the GP of damaged muscle.
    [Fact]
    public void EveryMentionOfASignIsQuoted()
    {
        var chat = Started("nl").Send("na crossfit gisteren zijn mijn bovenarmen enorm opgezwollen en mijn plas is bruin");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var reason = Assert.Single(chat.State.Outcome!.Reasons, r => r.Rule == "dark-urine");
        Assert.Equal(["enorm opgezwollen, plas is bruin"], reason.Evidence);
    }

    [Fact]
    public void AsksOnlyTheRedFlagsThatFitTheLocation()
    {
        var calf = AtRedFlags("kuit", "2 dagen").SkipReplies();
        var back = AtRedFlags("onderrug", "2 dagen").SkipReplies();

        var calfAsked = Walk(calf, 14).ToList();
        var backAsked = Walk(back, 15).ToList();

        Assert.Contains("rf-calf-thrombosis", calfAsked);
        Assert.DoesNotContain("rf-neck-dizziness", calfAsked);
        Assert.Contains("rf-bladder-bowel", backAsked);
        Assert.DoesNotContain("rf-calf-thrombosis", backAsked);
        Assert.DoesNotContain("rf-no-improvement", backAsked);
    }

    [Fact]
    public void AsksAboutBladderAndSaddleForThePelvisAndTheCalfButNotForAKneeAlone()
    {
        var knee = Walk(AtRedFlags("knie", "2 dagen").SkipReplies(), 40).ToList();
        var pelvis = Walk(AtRedFlags("bekken", "2 dagen").SkipReplies(), 40).ToList();
        var calf = Walk(AtRedFlags("kuit", "2 dagen").SkipReplies(), 40).ToList();

        Assert.DoesNotContain("rf-bladder-bowel", knee);
        Assert.DoesNotContain("rf-saddle-numbness", knee);
        Assert.Contains("rf-leg-weakness", knee);
        Assert.Contains("rf-bladder-bowel", pelvis);
        Assert.Contains("rf-saddle-numbness", pelvis);
        Assert.Contains("rf-bladder-bowel", calf);
    }

    [Fact]
    public void ChecksAVeryUrgentAnswerBeforeShowingTheResult()
    {
        var chat = AtRedFlags();

        chat.Send("ja").AssertReply(r =>
        {
            Assert.StartsWith("Voordat ik je mijn advies geef", r.Text, StringComparison.Ordinal);
            Assert.Contains("Klopt het dat je plotseling kracht of gevoel bent kwijtgeraakt", r.Text, StringComparison.Ordinal);
        });
        Assert.Null(chat.State.Outcome);

        chat.Send("ja").AssertReply(r => Assert.StartsWith("Mijn advies:\nSpoed: bel nu 112.", r.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        Assert.Equal("T0", chat.State.Outcome!.Urgency);
        Assert.Equal(["emergency-112"], chat.State.Outcome.Routes);
        Assert.Contains("rf-sudden-weakness", chat.State.Confirmed);
    }

    // A second check after the first is one more thing, not "one thing" again.
    [Fact]
    public void ASecondCheckIsOneMoreThing()
    {
        var chat = Started("nl").Send("mijn onderrug, sinds gisteren kan ik mijn plas niet goed ophouden en mijn benen tintelen allebei");
        chat.AnswerPlainlyUntil(s => s.Step == TriageEngine.ConfirmStep);
        var first = chat.State.Confirming;

        chat.Send("ja").AssertStep(TriageEngine.ConfirmStep).AssertReply(r => Assert.StartsWith("Nog één ding: klopt het dat", r.Text, StringComparison.Ordinal));

        Assert.NotEqual(first, chat.State.Confirming);
    }

    // A sign of the screen told beside its no, in a clause that puts the verb last, is asked about at once: a yes is 112.
    [Fact]
    public void ASignOfTheScreenToldWithItsVerbLastBesideANoIsAskedAboutAtOnce()
    {
        var chat = Conversation.Start("nl");

        chat.Send("nee, maar mijn vrouw zegt dat ik sinds vanmiddag onduidelijk praat").AssertReplyContains("Ik noteer: onduidelijk praat.").AssertReplyContains("Heb je nú een van deze klachten");
        Assert.Null(chat.State.Outcome);

        chat.Send("ja");
        Assert.True(chat.State.Outcome is { Emergency: true, Urgency: "T0" });
    }

    [Fact]
    public void GoesBackToTheQuestionWhenTheCheckIsAnsweredNo()
    {
        var chat = AtRedFlags().Send("ja");

        chat.Send("nee")
            .AssertReply("Goed dat je het zegt. Dan stel ik die vraag nog een keer.")
            .AssertReplyContains("kracht of gevoel kwijtgeraakt")
            .AssertStep("rf-sudden-weakness");
        Assert.False(chat.State.Answers.ContainsKey("rf-sudden-weakness"));

        chat.SendAll([.. NeckRedFlagsNo, .. RestLow]);
        Assert.Equal("none", chat.State.Outcome!.Urgency);
        Assert.Empty(chat.State.Outcome.RedFlags);
    }

    [Fact]
    public void TakesAYesToTheQuestionAskedAgainAfterANoAtTheCheckWithoutCheckingAgain()
    {
        var chat = AtRedFlags().Send("ja").Send("nee").AssertStep("rf-sudden-weakness");

        chat.Send("ja").AssertReply(r => Assert.StartsWith("Mijn advies:\nSpoed: bel nu 112.", r.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal));

        Assert.Null(chat.State.Confirming);
        Assert.Equal("T0", chat.State.Outcome!.Urgency);
        Assert.Equal(["emergency-112"], chat.State.Outcome.Routes);
    }

    [Fact]
    public void AsksNoContraindicationsPsychosocialOrContextQuestionsOnceARedFlagRulesMassageOut()
    {
        var chat = AtRedFlags().SendAll("nee", "nee", "nee", "nee", "nee", "nee", "ja");

        var asked = Walk(chat, 8).ToList();

        Assert.DoesNotContain(asked, s => s.StartsWith("ci-", StringComparison.Ordinal) || s.StartsWith("phq", StringComparison.Ordinal) || s == "sport");
        Assert.Equal(["gp"], chat.State.Outcome!.Routes);
    }

    [Fact]
    public void RulesOutTheMassageTypesAContraindicationForbids()
    {
        var chat = AtRedFlags().SendAll([.. NeckRedFlagsNo, "ja", "nee", "ja", "nee", "nee", "nee", "nee", "nee", "nee", "nee", "nee", .. RestLow[1..]]);

        var outcome = chat.State.Outcome!;

        Assert.Equal(["blood-thinners"], outcome.Contraindications);
        Assert.Equal(["relaxation"], outcome.MassageTypes);
        Assert.DoesNotContain("deep-tissue", outcome.MassageTypes);
    }

    [Fact]
    public void SumsPhq2AndGad2AndRoutesAHighScoreToThePsychologist()
    {
        var chat = AtRedFlags().SendAll([.. NeckRedFlagsNo, "nee", "meer dan de helft van de dagen", "2", "een paar dagen", "helemaal niet", "nee", "nee", "nee", "nee", "nee", "nee"]);

        var outcome = chat.State.Outcome!;

        Assert.Equal(4, outcome.Scores["phq2"]);
        Assert.Equal(1, outcome.Scores["gad2"]);
        Assert.Equal((int)chat.State.Answers["pain"].Number!.Value, outcome.Scores["pain"]);
        Assert.Contains("psychologist", outcome.Routes);
        Assert.Contains("relaxation", outcome.MassageTypes);

        // Each answer quoted with what its question asks, in a few words; one that added no points ("helemaal niet") is
        // no reason.
        var evidence = Assert.Single(outcome.Reasons, r => r.Rule == "psychosocial-high").Evidence;
        Assert.Contains("weinig zin of plezier: meer dan de helft van de dagen", evidence);
        Assert.DoesNotContain(evidence, e => e.Contains("Hoe vaak", StringComparison.Ordinal));
        Assert.Equal(3, evidence.Count);
        Assert.DoesNotContain(evidence, e => e.EndsWith("helemaal niet", StringComparison.Ordinal));
    }

    [Fact]
    public void LeavesTheStartBackModuleOutByDefault()
    {
        var chat = AtRedFlags().SendAll([.. NeckRedFlagsNo, .. RestLow]);

        Assert.False(Conversation.Engine is null);
        Assert.DoesNotContain(chat.State.History, s => s.StartsWith("sb-", StringComparison.Ordinal));
        Assert.False(chat.State.Outcome!.Scores.ContainsKey("startback"));
    }

    [Fact]
    public void AsksTheStartBackQuestionsAndRoutesOnTheirScoresWhenAPracticeSwitchesTheModuleOn()
    {
        using var dialogs = new DialogsFolder();
        dialogs.Replace("flow.yaml", "    enabled: false", "    enabled: true");
        var engine = new TriageEngine(DialogLoader.LoadDirectory(dialogs.Path));
        string[] lowMood = ["nee", "helemaal niet", "helemaal niet", "helemaal niet", "helemaal niet", "nee", "nee"];
        string[] context = ["nee", "nee", "nee", "nee"];

        var chat = Conversation.Start(engine: engine).SendAll([.. Welcome, "nek", "3 weken", "4", "een beetje", .. NeckRedFlagsNo, .. lowMood]);
        chat.AssertStep("sb-leg-pain");
        chat.SendAll([.. Enumerable.Repeat("ja", 9), .. context]);

        var outcome = chat.State.Outcome!;
        Assert.Equal(9, chat.State.History.Count(s => s.StartsWith("sb-", StringComparison.Ordinal)));
        Assert.Equal(9, outcome.Scores["startback"]);
        Assert.Equal(5, outcome.Scores["startback-psych"]);
        Assert.Contains(outcome.Reasons, r => r.Rule == "startback-high");
        Assert.Contains("psychologist", outcome.Routes);
        Assert.Contains("physio", outcome.Routes);
    }

    [Theory]
    [InlineData("nl", "mijn benen zijn stijf na de marathon", "Waar in je benen precies?")]
    [InlineData("en", "my legs are stiff after the marathon", "Where in your legs exactly?")]
    public void AsksWhereInTheLegsWhenThePersonNamesOnlyTheirLegs(string culture, string text, string question)
    {
        string[] welcome = culture == "en" ? ["no", "yes", "english"] : Welcome;
        var chat = Conversation.Start(culture).SendAll(welcome);

        // The marathon is noted (it answers whether the person runs); where in the legs is asked, no "didn't understand".
        chat.Send(text);
        Assert.StartsWith(question, chat.LastTurn!.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, chat.LastTurn.Replies.Count);
        Assert.Equal(YesNo.Yes, chat.State.Answers["sport"].YesNo);
        chat.AssertStep("location");
        Assert.Equal(0, chat.State.Misses);

        chat.Send(culture == "en" ? "calves and hamstrings" : "kuiten en hamstrings").AssertStep("duration");
        Assert.Equal(["calf", "hamstrings"], chat.State.Answers["location"].Locations.Select(l => l.Code));
    }

    [Fact]
    public void AsksWhereInTheLegForOneSideOfThem()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("mijn rechterbeen").AssertStep("location");

        Assert.StartsWith("Waar in je benen precies?", chat.LastTurn!.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(0, chat.State.Misses);
    }

    [Theory]
    [InlineData("nl", "ik ben de laatste tijd erg gespannen", "Waar in je lijf voel je die spanning vooral?", "overal")]
    [InlineData("en", "I'm so stressed out lately", "Where in your body do you feel that tension most?", "neck and shoulders")]
    public void AsksWhereTheTensionIsWhenThePersonNamesNoPlace(string culture, string text, string question, string place)
    {
        string[] welcome = culture == "en" ? ["no", "yes", "english"] : Welcome;
        var chat = Conversation.Start(culture).SendAll(welcome);

        // "Stressed out" answers the question on stress, and is noted; where the tension is felt is asked.
        chat.Send(text);
        Assert.StartsWith(question, chat.LastTurn!.Replies[^1].Text, StringComparison.Ordinal);
        Assert.InRange(chat.LastTurn.Replies.Count, 1, 2);
        chat.AssertStep("location");
        Assert.Equal(0, chat.State.Misses);

        chat.Send(place).AssertStep("duration");
        Assert.NotEmpty(chat.State.Answers["location"].Locations);

        // Tension with a place answers at once.
        Conversation.Start().SendAll(Welcome).Send("veel spanning in mijn kaak").AssertStep("duration");
    }

    [Fact]
    public void NotesWhatElseTheLegsMessageSaidAndThenAsksWhereInTheLegs()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("mijn benen, al 3 weken");

        Assert.Collection(
            chat.LastTurn!.Replies,
            noted => Assert.Equal("Ik noteer: 3 weken.", noted.Text),
            asked => Assert.StartsWith("Waar in je benen precies?", asked.Text, StringComparison.Ordinal));
        chat.Send("kuiten").AssertStep("pain");
    }

    [Theory]
    [InlineData("nl", "gisteren", 86_400L)]
    [InlineData("nl", "vorige week", 604_800L)]
    [InlineData("nl", "afgelopen zondag", 518_400L)]
    [InlineData("en", "yesterday", 86_400L)]
    [InlineData("en", "last Sunday", 518_400L)]
    public void AnswersHowLongWithWhenItBegan(string culture, string text, long seconds)
    {
        string[] welcome = culture == "en" ? ["no", "yes", "english"] : Welcome;
        var chat = Conversation.Start(culture).SendAll([.. welcome, culture == "en" ? "neck" : "nek"]);
        chat.AssertStep("duration");

        chat.Send(text);

        Assert.Equal(seconds, chat.State.Answers["duration"].Seconds);
        chat.AssertStep("pain");
    }

    [Theory]
    [InlineData("gisteren was ik bij de huisarts")]
    [InlineData("sinds de marathon")]
    public void ASentenceThatOnlyMentionsADayIsNoDuration(string text)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);

        chat.Send(text);

        Assert.False(chat.State.Answers.ContainsKey("duration"));
        chat.AssertStep("duration");
    }

    [Fact]
    public void SuggestsRunnersLegsMassageForStiffCalvesInEnglish()
    {
        var chat = Conversation.Start("en").SendAll(["no", "yes", "english", "my calves", "since yesterday", "3", "a little", .. Enumerable.Repeat("no", 11), "not at all", "not at all", "not at all", "not at all", "no", "no", "no", "no", "no"]);

        chat.Send("no")
            .AssertReply("Thank you for your answers. This is my advice.")
            .AssertReply(r =>
            {
                Assert.True(r.IsOutcome);
                Assert.Contains("runners' legs massage", r.Text, StringComparison.Ordinal);
                Assert.Contains("not a diagnosis", r.Text, StringComparison.Ordinal);
            });
        Assert.Equal(["massage", "self-care"], chat.State.Outcome!.Routes);
        Assert.Equal(["runners-legs"], chat.State.Outcome.MassageTypes);
        Assert.Equal("none", chat.State.Outcome.Urgency);
        // The place is the reason; the "no" to sport, which the rule's other branch looks at, is not.
        Assert.Equal(["calves"], chat.State.Outcome.Reasons.Single(r => r.Rule == "runners-legs").Evidence);
    }

    // Several answers in one message are taken and their questions skipped; "geen koorts" denies only part of the
    // question about fever, chills and feeling very ill, so that one is asked, saying what was told.
    [Fact]
    public void TakesSeveralAnswersFromOneMessageAndSkipsTheirQuestions()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("al een week of drie last van mijn onderrug, geen koorts")
            .AssertReply("Ik noteer: onderrug, ongeveer 3 weken en geen koorts.")
            .AssertReplyContains("Hoeveel pijn");

        Assert.False(chat.State.Answers.ContainsKey("rf-fever"));
        Assert.Equal(3 * 604_800, chat.State.Answers["duration"].Seconds);
        Assert.True(chat.State.Answers["duration"].Approximate);

        chat.SendAll("5", "matig").AnswerPlainlyUntil(s => s.Step == "rf-fever");
        Assert.StartsWith("Je zei al: geen koorts. Deze vraag gaat over meer: Heb je koorts", chat.LastTurn!.Replies[^1].Text, StringComparison.Ordinal);
    }

    // A no to one part of a question about several signs leaves the question to ask: "no problems peeing" says nothing
    // of stool.
    [Theory]
    [InlineData("en", "lower back, no problems peeing", "rf-bladder-bowel", "You already said: no problems peeing. This question covers more:")]
    [InlineData("nl", "onderrug, geen tintelingen", "rf-numbness", "Je zei al: geen tintelingen. Deze vraag gaat over meer:")]
    [InlineData("en", "my neck is tight, im not pregnant btw", "ci-any", "You already said: not pregnant. This question covers more: A few things")]
    [InlineData("nl", "onderrug, ik gebruik geen bloedverdunners", "ci-any", "Je zei al: geen bloedverdunners. Deze vraag gaat over meer: Nog een paar dingen")]
    public void ANoToPartOfAQuestionAboutSeveralSignsLeavesItToAsk(string culture, string message, string question, string opening)
    {
        var chat = Started(culture);

        chat.Send(message);
        Assert.False(chat.State.Answers.ContainsKey(question));

        chat.SendAll(culture == "en" ? ["3 weeks", "5", "a bit"] : ["3 weken", "5", "matig"]).AnswerPlainlyUntil(s => s.Step == question);
        Assert.StartsWith(opening, chat.LastTurn!.Replies[^1].Text, StringComparison.Ordinal);
        chat.Send(culture == "en" ? "yes" : "ja");
        Assert.Equal(YesNo.Yes, chat.State.Answers[question].YesNo);
    }

    // "De A10" to how bad the pain is names a motorway: asked again.
    [Theory]
    [InlineData("nl", "ik rij elke dag over de A10")]
    [InlineData("en", "A2")]
    public void DigitsWrittenOntoAWordAreNoPainScore(string culture, string answer)
    {
        var chat = Started(culture).Send(culture == "en" ? "lower back" : "onderrug").Send(culture == "en" ? "3 weeks" : "3 weken");
        chat.AssertStep("pain");

        chat.Send(answer);

        Assert.False(chat.State.Answers.ContainsKey("pain"));
        chat.AssertStep("pain");
    }

    // A time unit alone to how long is one of it, roughly; in the plural it tells no count, and how many is asked.
    [Theory]
    [InlineData("nl", "week", 604_800L)]
    [InlineData("nl", "weekje", 604_800L)]
    [InlineData("nl", "n weekje", 604_800L)]
    [InlineData("nl", "maand", 2_592_000L)]
    [InlineData("en", "week", 604_800L)]
    [InlineData("en", "a month", 2_592_000L)]
    [InlineData("nl", "weken", null)]
    public void ATimeUnitAloneToHowLongIsOneOfIt(string culture, string answer, long? seconds)
    {
        var chat = Started(culture).Send(culture == "en" ? "calves" : "kuiten");

        chat.Send(answer);

        Assert.Equal(seconds, chat.State.Answers.TryGetValue("duration", out var duration) ? duration.Seconds : null);
    }

    // An infection years ago is no recent infection; one of last week is, whatever the no to the question about
    // a weakened immune system.
    [Theory]
    [InlineData("en", "neck pain and fatigue ever since I had covid in 2022", "none")]
    [InlineData("nl", "nekpijn sinds ik vorige week griep had", "T2")]
    public void AnInfectionCountsWhenItWasRecent(string culture, string message, string urgency)
    {
        var chat = Started(culture).Send(message);

        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        Assert.Contains("rf-infection-risk", asked);
        Assert.Equal(urgency, chat.State.Outcome!.Urgency);
        Assert.Equal(urgency == "T2", chat.State.Outcome.RedFlags.Contains("recent-infection"));
    }

    // An accident may have broken something when it was in the past three months: one of years ago that started the
    // complaint is history, and a recent one counts, however long the complaint is.
    [Theory]
    [InlineData("en", "lower back, I fell off my bike 5 years ago", false)]
    [InlineData("nl", "nekpijn sinds een auto-ongeluk 3 jaar geleden", false)]
    [InlineData("nl", "rugpijn al 2 jaar, vorige week van de trap gevallen", true)]
    [InlineData("en", "back pain for 2 years, I fell down the stairs last week", true)]
    public void AnAccidentCountsWhenItWasRecent(string culture, string message, bool counts)
    {
        var chat = Started(culture).Send(message);

        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        Assert.DoesNotContain("rf-major-trauma", asked);
        Assert.Equal(counts, chat.State.Outcome!.RedFlags.Contains("major-trauma"));
        Assert.Equal(counts ? "T2" : "none", chat.State.Outcome.Urgency);
    }

    [Theory]
    [InlineData("pijn in mijn onderrug, koorts heb ik niet")]
    [InlineData("pijn in mijn onderrug, koorts niet")]
    public void ReadsADenialAfterWhatItDenies(string message)
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send(message).AssertReply("Ik noteer: onderrug en geen koorts.").AssertReplyContains("Hoe lang");

        Assert.Equal("geen koorts", chat.State.PartlyDenied!["rf-fever"]);
    }

    [Fact]
    public void TakesTheRightOneAsASideNotAsAPainScore()
    {
        var chat = Conversation.Start("en").SendAll(["no", "yes", "english"]);

        chat.Send("my knee, the right one, since yesterday").AssertReply("Noted: knee (right) and 1 day.").AssertReplyContains("How much pain");

        Assert.Equal("right", chat.State.Answers["location"].Locations.Single().Side.ToString().ToLowerInvariant());
        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    [Theory]
    [InlineData("nl", "nee, maar ik heb wel kanker gehad", "Ik noteer: nee en kanker gehad.")]
    [InlineData("en", "no, but I had cancer years ago", "Noted: no and cancer.")]
    public void NotesAPlainNoToTheQuestionAskedApartFromTheFlagBesideIt(string culture, string message, string noted)
    {
        var chat = AtBackQuestion(culture, "rf-infection-risk");

        chat.Send(message).AssertReply(noted);

        Assert.Equal(YesNo.No, chat.State.Answers["rf-infection-risk"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["cancer-history"].YesNo);
    }

    // Fear of moving and the thought that it never gets better, told with the complaint, answer their questions.
    [Theory]
    [InlineData("nl", "rugpijn al 5 maanden, durf haast niet meer te bewegen, denk dat het nooit meer overgaat")]
    [InlineData("en", "back pain for 5 months, I hardly dare to move and I think it will never go away")]
    public void FearOfMovingAndNeverGettingBetterToldWithTheComplaintAreTaken(string culture, string message)
    {
        var chat = Started(culture).Send(message);

        // Answered plainly ("nee") from here on: were either asked, its yes would be a no now.
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        Assert.Equal(YesNo.Yes, chat.State.Answers["fear-movement"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["catastrophising"].YesNo);
        Assert.Contains("fear-and-worry", chat.State.Outcome!.Reasons.Select(r => r.Rule));
        Assert.Empty(chat.State.Outcome.RedFlags);
    }

    // "Toch wel" right before another sign is that sign's yes, not this question's; said alone, or with this question's
    // own sign, or as "ja, ..." beside another sign, it answers this question.
    [Theory]
    [InlineData("rf-leg-weakness", "wacht, ik heb toch wel een beetje koorts gehad gisteren", null)]
    [InlineData("rf-leg-weakness", "toch wel", YesNo.Yes)]
    [InlineData("rf-leg-weakness", "ja, en ook koorts", YesNo.Yes)]
    [InlineData("rf-fever", "ik heb toch wel een beetje koorts", YesNo.Yes)]
    [InlineData("rf-night-pain", "wel wat koorts gehad", null)]
    public void AWelRightBeforeAnotherSignIsThatSignsYes(string step, string message, YesNo? answer)
    {
        var chat = AtBackQuestion("nl", step);

        chat.Send(message);

        Assert.Equal(answer, chat.State.Answers.GetValueOrDefault(step)?.YesNo);
        Assert.Equal(message.Contains("koorts", StringComparison.Ordinal), RedFlags.Reported(ShippedDialogs.Value.Flow, chat.State.Answers).Contains("fever"));
    }

    // The question asks about a weakened immune system, injecting drugs and a recent infection: a yes that names one of
    // the others is that sign alone; a plain yes, or one that names the immune system too, is the question's own.
    [Theory]
    [InlineData("en", "yes I had the flu two weeks ago", new[] { "recent-infection" })]
    [InlineData("nl", "ja, twee weken geleden griep gehad", new[] { "recent-infection" })]
    [InlineData("en", "yes, I inject drugs", new[] { "iv-drug-use" })]
    [InlineData("nl", "ja", new[] { "immune-suppression" })]
    [InlineData("en", "yes, I take prednisone and had the flu last week", new[] { "immune-suppression", "recent-infection" })]
    public void AYesNamingAnotherSignTheQuestionAsksAboutRecordsThatSign(string culture, string message, string[] signs)
    {
        var chat = AtBackQuestion(culture, "rf-infection-risk");

        chat.Send(message).AssertStep("cancer-history");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var outcome = chat.State.Outcome!;
        Assert.Equal("T2", outcome.Urgency);
        Assert.Equal(signs.Order(StringComparer.Ordinal), outcome.RedFlags.Order(StringComparer.Ordinal));
        Assert.Contains("infection-risk", outcome.Reasons.Select(r => r.Rule));
    }

    [Theory]
    [InlineData("nl", "ik heb zeker geen koorts")]
    [InlineData("en", "I definitely don't have a fever")]
    public void AWordThatStrengthensTheDenialOfAnotherFlagIsNoYesToTheQuestionAsked(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "trauma-minor");

        chat.Send(message).AssertStep("trauma-minor");

        Assert.False(chat.State.Answers.ContainsKey("trauma-minor"));
        Assert.True(chat.State.PartlyDenied!.ContainsKey("rf-fever"));
    }

    [Theory]
    [InlineData("ja nee", YesNo.No)]
    [InlineData("ja, nee", YesNo.No)]
    [InlineData("ja nee eigenlijk wel", YesNo.Yes)]
    [InlineData("ja", YesNo.Yes)]
    public void JaNeeIsANo(string message, YesNo expected)
    {
        var chat = AtBackQuestion("nl", "trauma-minor");

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["trauma-minor"].YesNo);
    }

    [Theory]
    [InlineData("nl", "nooit kanker gehad", "Ik noteer: nooit kanker gehad.")]
    [InlineData("en", "never had cancer", "Noted: never had cancer.")]
    public void TakesTheDenialOfAnotherFlagAsNoAnswerToTheQuestionAsked(string culture, string message, string noted)
    {
        var chat = AtBackQuestion(culture, "rf-infection-risk");

        chat.Send(message).AssertReply(noted).AssertReplyContains(culture == "en" ? "immune system" : "afweer").AssertNoReply().AssertStep("rf-infection-risk");

        Assert.False(chat.State.Answers.ContainsKey("rf-infection-risk"));
        Assert.Equal(YesNo.No, chat.State.Answers["cancer-history"].YesNo);
    }

    [Theory]
    [InlineData("nl", "nee, ik heb last van mijn onderrug", "Ik noteer: geen spoed en onderrug.")]
    [InlineData("en", "no, my neck hurts", "Noted: no emergency and neck.")]
    public void NotesANoToTheEmergencyScreenInItsOwnWords(string culture, string message, string noted)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertReply(noted);

        Assert.Equal(YesNo.No, chat.State.Answers["emergency-screen"].YesNo);
    }

    [Theory]
    [InlineData("nl", "ja, chemo", "Je zei eerder nee, maar ik noteer nu: chemo.", "Ik noteer: ja.")]
    [InlineData("en", "yes, chemo", "You said no earlier, but I now note: chemo.", "Noted: yes.")]
    public void SaysThatASignReportedAfterAnEarlierNoChangesThatAnswerAndHowTheQuestionAskedWasAnswered(string culture, string message, string said, string noted)
    {
        var chat = AtBackQuestion(culture, "rf-widespread-pain");
        Assert.Equal(YesNo.No, chat.State.Answers["rf-infection-risk"].YesNo);

        chat.Send(message).AssertReply(said).AssertReply(noted);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-infection-risk"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-widespread-pain"].YesNo);
    }

    [Theory]
    [InlineData("nl", "ja, ik gebruik eliquis", "Ik noteer: eliquis. Je 'ja' hoort volgens mij bij wat je noemde; los daarvan vraag ik het nog een keer.", "ci-blood-thinners")]
    [InlineData("en", "yes I'm on eliquis", "Noted: eliquis. I think your 'yes' goes with what you mentioned; apart from that, I will ask once more.", "ci-blood-thinners")]
    [InlineData("nl", "ja, hele dag achter de laptop", "Ik noteer: achter de laptop. Je 'ja' hoort volgens mij bij wat je noemde; los daarvan vraag ik het nog een keer.", "desk-work")]
    public void AYesBesideASignOfAnotherQuestionNotesThatSignAndAsksTheQuestionOnceMore(string culture, string message, string said, string told)
    {
        var asked = told == "desk-work" ? "rf-night-pain" : "rf-infection-risk";
        var chat = AtBackQuestion(culture, asked);

        chat.Send(message).AssertReply(said);

        Assert.Equal(YesNo.Yes, chat.State.Answers[told].YesNo);
        Assert.False(chat.State.Answers.ContainsKey(asked));
        chat.AssertStep(asked);
        Assert.Equal(0, chat.State.Misses);

        chat.Send(Cultures.IsEnglish(culture) ? "no" : "nee");
        Assert.Equal(YesNo.No, chat.State.Answers[asked].YesNo);
    }

    [Theory]
    [InlineData("nl", "ja borstkanker zei ik toch", "Dat had ik al genoteerd: borstkanker. Je 'ja' hoort volgens mij bij wat je noemde; los daarvan vraag ik het nog een keer.")]
    [InlineData("en", "yes, breast cancer like I said", "I had already noted that: breast cancer. I think your 'yes' goes with what you mentioned; apart from that, I will ask once more.")]
    public void AYesThatRemindsOfASignToldBeforeIsNoAnswerToTheQuestionAsked(string culture, string message, string said)
    {
        var english = Cultures.IsEnglish(culture);
        var chat = Conversation.Start(culture).SendAll(english
            ? ["no", "yes", "english", "my left arm is swollen and heavy, I had breast cancer last year", "4 months", "4", "a little"]
            : [.. Welcome, "mijn linkerarm is dik en zwaar, borstkanker gehad vorig jaar", "4 maanden", "4", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "ci-any");
        Assert.Equal(YesNo.Yes, chat.State.Answers["cancer-history"].YesNo);

        chat.Send(message).AssertReply(said).AssertStep("ci-any");

        Assert.False(chat.State.Answers.ContainsKey("ci-any"));
        Assert.Equal(0, chat.State.Misses);
        chat.Send(english ? "no" : "nee");
        Assert.Equal(YesNo.No, chat.State.Answers["ci-any"].YesNo);
    }

    [Theory]
    [InlineData("nl", "ja, en ik gebruik eliquis", "ci-blood-thinners")]
    [InlineData("nl", "ja, ik gebruik ook eliquis", "ci-blood-thinners")]
    [InlineData("en", "yes and I lost 6 kilos", "rf-weight-loss")]
    [InlineData("nl", "ja, ik ben wel 5 kilo afgevallen", "rf-weight-loss")]
    [InlineData("nl", "ja had een blaasontsteking", null)]
    public void AYesJoinedToASignOfAnotherQuestionOrBesideAWarningSignAnswersBoth(string culture, string message, string? told)
    {
        var chat = AtBackQuestion(culture, "rf-infection-risk");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-infection-risk"].YesNo);
        if (told is not null)
        {
            Assert.Equal(YesNo.Yes, chat.State.Answers[told].YesNo);
        }
    }

    [Theory]
    [InlineData("nl", "nee, maar mijn arm voelt ineens slap")]
    [InlineData("nl", "nee hoor, alleen ben ik net flauwgevallen")]
    [InlineData("en", "no, but my face is drooping")]
    [InlineData("nl", "ik kan mijn arm nu niet bewegen")]
    [InlineData("en", "not now, but my arm suddenly went weak an hour ago")]
    [InlineData("nl", "nee. wel moeite met praten sinds een uur")]
    public void ASignOfThe112TierAnswersTheEmergencyScreenWhateverTheNoBesideIt(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message);

        Assert.Contains(chat.State.Step, (string[])["emergency", "@emergency"]);
        Assert.Contains(chat.LastTurn!.Replies, r => r.Text.Contains("112", StringComparison.Ordinal));
    }

    // A sign of the 112 tier that the screen does not ask about, beside its plain no, is checked at once; a no to the
    // check asks its question, and then the welcome.
    [Theory]
    [InlineData("nl", "nee, heb wel last van mn nek en zie soms dubbel", "ja")]
    [InlineData("en", "no, but my neck hurts and I'm seeing double", "yes")]
    [InlineData("nl", "nee, heb wel last van mn nek en zie soms dubbel", "nee")]
    public void AnotherSignOfThe112TierBesideTheScreensNoIsCheckedAtOnce(string culture, string message, string check)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertStep(TriageEngine.ConfirmStep);
        chat.Send(check);

        if (check is "ja" or "yes")
        {
            Assert.Equal("T0", chat.State.Outcome?.Urgency);
            return;
        }

        chat.AssertStep("rf-neck-dizziness").Send("nee").AssertStep("consent");
    }

    [Theory]
    [InlineData("nl", "nu niet, maar gisteren had ik pijn op de borst", "past-chest-pain")]
    [InlineData("en", "not right now, but I had chest pain yesterday", "past-chest-pain")]
    [InlineData("en", "not right now, had chest pain yesterday though", "past-chest-pain")]
    [InlineData("nl", "nee, maar ik had vorige maand wel pijn op de borst", "past-chest-pain")]
    [InlineData("en", "no, I had chest pain 2 weeks ago", "past-chest-pain")]
    [InlineData("nl", "nu niet meer, gisteren was ik even flauwgevallen", "past-collapse")]
    [InlineData("nl", "nee, wel vorige week op mijn werk flauwgevallen", "past-collapse")]
    [InlineData("en", "not now, I fainted yesterday", "past-collapse")]
    [InlineData("en", "no, passed out at the gym last month though", "past-collapse")]
    public void ChestPainOrAFaintThatHasPassedIsNoEmergencyButTheGpToday(string culture, string message, string code)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertStep("consent");

        chat.SendAll(culture == "en" ? ["yes", "English", "shoulder blades", "3 days"] : ["ja", "Nederlands", "schouderblad", "3 dagen"]);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        Assert.Contains(code, chat.State.Outcome!.RedFlags);
        Assert.Equal("T2", chat.State.Outcome.Urgency);
        Assert.Equal(["gp"], chat.State.Outcome.Routes);
    }

    [Theory]
    [InlineData("en", "no, but my arm feels weak after the gym", "sudden-weakness", "arm feels weak")]
    [InlineData("en", "no but I cant feel my left arm since an hour", "sudden-weakness", "cant feel my left arm")]
    public void ASignToldApartFromTheScreensNotNowGetsTheSignsOneByOneAndIsCheckedLater(string culture, string message, string code, string words)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertReplyContains(words).AssertStep("emergency-doubt");

        Assert.Equal(YesNo.Unknown, chat.State.Answers["emergency-screen"].YesNo);
        Assert.DoesNotContain(chat.LastTurn!.Replies, r => r.Text.Contains("112", StringComparison.Ordinal));
        chat.Send(culture == "en" ? "no" : "nee").AssertStep("consent");
        chat.Send(culture == "en" ? "yes" : "ja");
        chat.Send(culture == "en" ? "English" : "Nederlands");

        // A place inside the sign is not the complaint's: the place is still asked. The sign is checked before the result.
        chat.AssertStep("location").Send(culture == "en" ? "lower back" : "onderrug");
        Assert.Equal(["lower-back"], chat.State.Answers["location"].Locations.Select(l => l.Code));
        chat.AnswerPlainlyUntil(s => s.Step == TriageEngine.ConfirmStep);
        chat.Send(culture == "en" ? "yes" : "ja");
        Assert.Contains(code, chat.State.Outcome!.RedFlags);
        Assert.Equal("T0", chat.State.Outcome.Urgency);
    }

    // Told with the complaint, a faint that has passed is noted and asks nothing more: no check, since it is no 112.
    [Theory]
    [InlineData("nl", "pijn in mijn onderrug sinds 3 weken en gister even flauwgevallen, nu gaat het weer prima", "flauwgevallen")]
    [InlineData("en", "lower back pain for 3 weeks, fainted at the gym last month", "fainted")]
    public void AFaintThatHasPassedToldWithTheComplaintIsTheGpTodayWithoutACheck(string culture, string message, string noted)
    {
        var chat = Started(culture);

        chat.Send(message).AssertReplyContains(noted);
        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.DoesNotContain(TriageEngine.ConfirmStep, asked);
        Assert.Contains("past-collapse", chat.State.Outcome!.RedFlags);
        Assert.Equal("T2", chat.State.Outcome.Urgency);
        Assert.Equal(["gp"], chat.State.Outcome.Routes);
    }

    // "Bijna niet" and "amper" hold a no's words, but the breath that is barely there is the emergency.
    [Theory]
    [InlineData("nl", "ik kan echt bijna niet ademen help")]
    [InlineData("nl", "k krijg amper lucht")]
    [InlineData("nl", "nee, ik heb geen pijn op de borst, maar ik kan amper ademen")]
    public void BreathBarelyThereAtTheEmergencyScreenIs112(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertStep(TriageEngine.EmergencyStep).AssertReplyContains("Bel nu 112");

        Assert.True(chat.State.Outcome!.Emergency);
    }

    // Someone else who has the emergency now, told at the screen, gets 112 as much; a past one of theirs does not.
    [Theory]
    [InlineData("en", "no but my husband does", true)]
    [InlineData("en", "not me, my wife does", true)]
    [InlineData("nl", "nee, maar mijn man wel", true)]
    [InlineData("en", "no, my husband had that last year", false)]
    [InlineData("en", "no, my son has asthma", false)]
    [InlineData("nl", "nee, mijn zoon heeft astma", false)]
    public void AnEmergencyOfSomeoneElseToldAtTheScreenIs112(string culture, string message, bool emergency)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message);

        Assert.Equal(emergency, chat.State.Outcome is { Emergency: true });
        Assert.Equal(emergency ? TriageEngine.EmergencyStep : "consent", chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "nee hoor, ik ben alleen een beetje kortademig bij het traplopen")]
    [InlineData("nl", "nee, geen pijn op de borst")]
    public void AMildOrDeniedSignIsNoYesToTheEmergencyScreen(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message);

        Assert.Equal(YesNo.No, chat.State.Answers["emergency-screen"].YesNo);
        Assert.Equal("consent", chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "ik heb 2 jaar geleden borstkanker gehad", "cancer-history")]
    [InlineData("en", "I had breast cancer two years ago", "cancer-history")]
    public void ACancerHistoryToldAfterAnEarlierNoChangesThatAnswer(string culture, string message, string question)
    {
        var chat = AtBackQuestion(culture, "ci-any");
        Assert.Equal(YesNo.No, chat.State.Answers[question].YesNo);

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers[question].YesNo);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        Assert.Equal("T2", chat.State.Outcome!.Urgency);
    }

    [Theory]
    [InlineData("nl", "ja, ik heb 2 jaar geleden een hartaanval gehad")]
    [InlineData("nl", "ja, ik heb 5 jaar geleden een tia gehad")]
    [InlineData("en", "yes, I had a heart attack two years ago")]
    public void AHeartAttackOrStrokeOfThePastIsHistoryNotAnEmergency(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "ci-any");

        chat.Send(message);

        Assert.NotEqual(TriageEngine.EmergencyStep, chat.State.Step);
        Assert.DoesNotContain(chat.LastTurn!.Replies, r => r.Text.Contains("112", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "ik heb 10 jaar geleden trombose gehad", "none")]
    [InlineData("en", "I had a DVT ten years ago", "none")]
    [InlineData("nl", "ik heb trombose", "T2")]
    public void AThrombosisLongAgoIsNoThrombosisNow(string culture, string message, string urgency)
    {
        var chat = AtBackQuestion(culture, "ci-any");

        chat.Send(message);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal(urgency, chat.State.Outcome!.Urgency);
    }

    [Theory]
    [InlineData("nl", "5 jaar geleden chemo gehad", YesNo.No)]
    [InlineData("nl", "chemo tot vorig jaar", YesNo.No)]
    [InlineData("en", "I had chemo years ago, in 2015", YesNo.No)]
    [InlineData("nl", "ik krijg nu chemo", YesNo.Yes)]
    [InlineData("en", "finished chemo last month", YesNo.Yes)]
    public void ChemotherapyIsCancerHistoryButAWeakenedImmuneSystemOnlyForAWhile(string culture, string message, YesNo immune)
    {
        var chat = AtBackQuestion(culture, "rf-infection-risk");

        chat.Send(message);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal(immune, chat.State.Answers["rf-infection-risk"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["cancer-history"].YesNo);
        Assert.Equal(immune == YesNo.Yes, chat.State.Outcome!.RedFlags.Contains("immune-suppression"));
        Assert.Contains("cancer-history", chat.State.Outcome.RedFlags);
        Assert.Equal("T2", chat.State.Outcome.Urgency);
    }

    [Theory]
    [InlineData("nl", "Hallo, ik zou graag willen weten welke massage bij mij past")]
    [InlineData("nl", "ja hoi, ik heb last van mijn rug")]
    [InlineData("nl", "Goedemorgen! Ok dus ik heb sinds een week nekpijn")]
    [InlineData("en", "hi, sure let's start")]
    [InlineData("en", "hi yes I have a question about my back")]
    public void AGreetingOrAWordOfAgreementIsNoYesToTheEmergencyScreen(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertStep("emergency-screen");

        Assert.False(chat.State.Answers.ContainsKey("emergency-screen"));
    }

    [Theory]
    [InlineData("nl", "een beetje")]
    [InlineData("nl", "soms")]
    [InlineData("en", "a bit")]
    [InlineData("en", "sometimes")]
    public void ASoftenedYesToTheEmergencyScreenAsksTheSignsOneByOne(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertStep("emergency-doubt");

        Assert.Equal(YesNo.Unknown, chat.State.Answers["emergency-screen"].YesNo);
        Assert.NotEqual(TriageEngine.EmergencyStep, chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "een beetje benauwd maar dat heb ik altijd")]
    [InlineData("en", "a little short of breath but I always have that")]
    public void ASignThePersonAlwaysHasIsNotedAndTheScreenAskedAgain(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertStep("emergency-screen");

        Assert.NotEqual(TriageEngine.EmergencyStep, chat.State.Step);
        Assert.Equal(YesNo.Yes, chat.State.Answers[RedFlags.ExtraKey("breathlessness")].YesNo);
    }

    [Theory]
    [InlineData("nl", "ja")]
    [InlineData("nl", "ok ja")]
    [InlineData("en", "yes")]
    public void APlainYesToTheEmergencyScreenStillGetsTheEmergencyAdvice(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message);

        Assert.Contains(chat.LastTurn!.Replies, r => r.Text.Contains("112", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "weet ik niet", "huisartsenpost", "ja", "@emergency")]
    [InlineData("nl", "geen idee", "huisartsenpost", "nee, ik heb alleen rugpijn", "consent")]
    [InlineData("nl", "weet ik niet", "huisartsenpost", "weet ik niet", "consent")]
    [InlineData("nl", "weet ik niet", "huisartsenpost", "mijn arm voelt ineens slap", "@emergency")]
    [InlineData("en", "don't know", "out-of-hours", "yes", "@emergency")]
    [InlineData("en", "not sure", "out-of-hours", "no", "consent")]
    public void ADontKnowToTheEmergencyScreenGetsTheSignsOneByOneAndWhomToCallInDoubt(string culture, string unsure, string advice, string answer, string step)
    {
        var chat = Conversation.Start(culture);

        chat.Send(unsure).AssertStep("emergency-doubt").AssertReplyContains(advice);
        chat.Send(answer).AssertStep(step);

        if (step == "@emergency")
        {
            Assert.Contains(chat.LastTurn!.Replies, r => r.Text.Contains("112", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(YesNo.Unknown, chat.State.Answers["emergency-screen"].YesNo);
        }
    }

    // Still in doubt the second time: the advice is the GP or the out-of-hours GP now, with that doubt as its reason,
    // however plainly the rest is answered.
    [Theory]
    [InlineData("nl", "weet ik niet")]
    [InlineData("en", "not sure")]
    public void DoubtAtTheEmergencyScreenTwiceEndsWithTheGpNow(string culture, string unsure)
    {
        var chat = Conversation.Start(culture).SendAll(unsure, unsure).AssertStep("consent");

        chat.SendAll(culture == "en" ? ["yes", "English", "lower back", "3 weeks", "5", "a bit"] : ["ja", "Nederlands", "onderrug", "3 weken", "5", "matig"]);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal("T1", chat.State.Outcome!.Urgency);
        Assert.Equal(["gp"], chat.State.Outcome.Routes);
        Assert.Contains("unsure-emergency-screen", chat.State.Outcome.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void AGreetingIsNoYesWhenTheEmergencySignsAreAskedAgain()
    {
        var chat = Conversation.Start().Send("weet ik niet").SkipReplies();

        chat.Send("ja hoi").AssertStep("emergency-doubt");

        Assert.False(chat.State.Answers.ContainsKey("emergency-doubt"));
    }

    [Fact]
    public void NotesConsentInItsOwnWords()
    {
        var chat = Conversation.Start().Send("nee").SkipReplies();

        chat.Send("ja, al 3 weken").AssertReply("Ik noteer: je toestemming om je antwoorden te bewaren en 3 weken.");
    }

    [Theory]
    [InlineData("nl", "nee", "Prima, dan bewaar ik niets.")]
    [InlineData("en", "no thanks", "That's fine, then I keep nothing.")]
    public void ANoToKeepingTheAnswersIsSaidBack(string culture, string answer, string said)
    {
        var chat = Conversation.Start(culture).Send(culture == "en" ? "no" : "nee").SkipReplies();

        chat.Send(answer).AssertReply(r => Assert.StartsWith(said, r.Text, StringComparison.Ordinal));

        Assert.Equal(YesNo.No, chat.State.Answers["consent"].YesNo);
    }

    [Theory]
    [InlineData("nek", "ja, ik tennis", false)]
    [InlineData("onderrug", "ja", false)]
    [InlineData("kuiten", "ja, ik loop hard", true)]
    [InlineData("hamstrings", "ja, ik voetbal", true)]
    public void AsksAboutARecentRaceOnlyForTheLegs(string location, string sport, bool asked)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, location, "2 weken", "4", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "sport");

        chat.Send(sport);

        Assert.Equal(YesNo.Yes, chat.State.Answers["sport"].YesNo);
        Assert.Equal(asked, chat.State.Step == "race");
    }

    [Theory]
    [InlineData("nl", "ik heb 38,5 graden", YesNo.Yes)]
    [InlineData("nl", "gisteren 39 graden gemeten", YesNo.Yes)]
    [InlineData("nl", "37 graden", YesNo.No)]
    [InlineData("en", "39 degrees last night", YesNo.Yes)]
    [InlineData("en", "temperature is 36.8", YesNo.No)]
    public void ATemperatureInDigitsAnswersTheFeverQuestion(string culture, string message, YesNo expected)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["rf-fever"].YesNo);
    }

    [Theory]
    [InlineData("nl", "nee, mijn moeder heeft borstkanker gehad")]
    [InlineData("nl", "nee maar mijn vader wel")]
    [InlineData("en", "no, but my mum had cancer")]
    public void ARelativesCancerIsNoYesToTheCancerQuestion(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "cancer-history");

        chat.Send(message);

        Assert.Equal(YesNo.No, chat.State.Answers["cancer-history"].YesNo);
        Assert.NotEqual("cancer-history", chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "mijn moeder had kanker", "Ik vraag het over jou zelf, niet over iemand anders.")]
    [InlineData("nl", "ja mijn moeder", "Ik vraag het over jou zelf, niet over iemand anders.")]
    [InlineData("en", "my dad had cancer", "I am asking about you, not about someone else.")]
    [InlineData("en", "yes, my dad did", "I am asking about you, not about someone else.")]
    public void ARelativesCancerAloneLeavesTheCancerQuestionOpenAndSaysWhomItIsAbout(string culture, string message, string said)
    {
        var chat = AtBackQuestion(culture, "cancer-history");

        chat.Send(message).AssertStep("cancer-history").AssertReplyContains(said);

        Assert.False(chat.State.Answers.ContainsKey("cancer-history"));
    }

    [Theory]
    [InlineData("nl", "ja, mijn vrouw heeft het ook gemerkt")]
    [InlineData("en", "yes, my wife noticed it too")]
    public void AYesWithSomeoneWhoNoticedItIsThePersonsYes(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-fever"].YesNo);
    }

    [Theory]
    [InlineData("nl", "mijn moeder had kanker, ik ook")]
    [InlineData("en", "my mum had cancer and so did I")]
    public void CancerOfARelativeAndThePersonIsAYes(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "cancer-history");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["cancer-history"].YesNo);
    }

    // A back complaint of two months answered plainly up to the question asked at step.
    // Past the emergency screen, the consent and the language question.
    private static Conversation Started(string culture) =>
        Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

    // At the question step, its replies read: past the questions before it (a lower back of two months after the
    // language question), each answered plainly.
    private static Conversation AtStep(string culture, string step)
    {
        var chat = Conversation.Start(culture).Send(culture == "en" ? "no" : "nee");
        if (step != "consent")
        {
            chat.Send(culture == "en" ? "yes" : "ja");
        }

        if (step is not ("consent" or "language"))
        {
            chat.SendAll(culture == "en" ? ["english", "lower back", "2 months"] : ["nederlands", "onderrug", "2 maanden"]);
        }

        chat.AnswerPlainlyUntil(s => s.Step == step);
        return chat.AssertStep(step).SkipReplies();
    }

    // The numbness question asks about a feeling that does not go away: one told in passing with words of coming and
    // going in its part of the sentence, or the part after it, is asked about, not taken; one told without such words is.
    [Theory]
    [InlineData("nl", "pols en hand rechts, 's nachts tintelingen in mijn vingers", false)]
    [InlineData("nl", "onderrug, mijn been slaapt soms in bij lang zitten", false)]
    [InlineData("en", "lower back, my leg sometimes falls asleep when i sit", false)]
    [InlineData("nl", "onderrug, af en toe tintelingen in mijn been", false)]
    [InlineData("nl", "nek, ik heb tintelingen, maar die gaan weer over", false)]
    [InlineData("en", "neck, tingling that comes and goes", false)]
    [InlineData("nl", "onderrug en een doof gevoel in mijn been", true)]
    [InlineData("nl", "onderrug en een doof gevoel in mijn been, 3 weken, soms een 6", true)]
    [InlineData("nl", "onderrug, soms pijn en een doof gevoel in mijn been", false)]
    public void NumbnessThatComesAndGoesIsAskedAboutNotTaken(string culture, string message, bool taken)
    {
        var chat = Started(culture);

        chat.Send(message);

        Assert.Equal(taken, chat.State.Answers.ContainsKey("rf-numbness"));
        if (!taken)
        {
            chat.AnswerPlainlyUntil(s => s.Step == "rf-numbness");
            chat.AssertStep("rf-numbness");
        }
    }

    // "Ja, vorige week de halve van Egmond" to the question about dark urine after a race: the yes is about the race.
    [Theory]
    [InlineData("nl", "achterkant bovenbeen rechts, 4 dagen", "ja, vorige week de halve van egmond")]
    [InlineData("en", "back of my right thigh, 4 days", "yes, I ran the half last sunday")]
    public void AYesThatNamesOnlyTheRaceIsNoYesToDarkUrine(string culture, string complaint, string message)
    {
        var chat = Started(culture).Send(complaint).SkipReplies();
        chat.AnswerPlainlyUntil(s => s.Step == "rf-dark-urine");

        chat.Send(message).AssertStep("rf-dark-urine");

        Assert.False(chat.State.Answers.ContainsKey("rf-dark-urine"));
        Assert.Equal(YesNo.Yes, chat.State.Answers["race"].YesNo);
    }

    [Theory]
    [InlineData("en", "pain", "7, actually more like 4", 4)]
    [InlineData("nl", "pain", "4, nee wacht 8", 8)]
    [InlineData("nl", "pain", "soms een 8, meestal een 4", 4)]
    [InlineData("en", "pain", "about a 7 on bad days, 3 normally", 3)]
    [InlineData("nl", "pain", "op slechte dagen een 7, een 4 meestal", 4)]
    [InlineData("en", "duration", "3 weeks, no wait, 3 months", 3 * 2_592_000)]
    [InlineData("en", "duration", "2 weeks, I mean 2 months", 2 * 2_592_000)]
    [InlineData("nl", "duration", "2 weken, sorry, 5 weken", 5 * 604_800)]
    [InlineData("en", "duration", "3 weeks, no 3 months", 3 * 2_592_000)]
    [InlineData("en", "pain", "9, no 6", 6)]
    [InlineData("en", "pain", "nine, no, six", 6)]
    public void ANumberOrLengthCorrectedInTheAnswerIsTheLaterOne(string culture, string step, string message, long expected)
    {
        var chat = Started(culture).Send(culture == "en" ? "lower back" : "onderrug").SkipReplies();
        if (step == "pain")
        {
            chat.Send(culture == "en" ? "3 weeks" : "3 weken").SkipReplies();
        }

        chat.AssertStep(step).Send(message);

        Assert.Equal(expected, step == "pain" ? (long)chat.State.Answers["pain"].Number!.Value : chat.State.Answers["duration"].Seconds);
    }

    // A length corrected in the message that names the place too: the later one.
    [Theory]
    [InlineData("en", "my lower back, 3 weeks, no wait, actually more like 3 months", 3 * 2_592_000)]
    [InlineData("nl", "pijn in mn onderrug, al 3 weken, nee wacht, eigenlijk al 3 maanden", 3 * 2_592_000)]
    [InlineData("en", "my lower back, 2 days, sorry, 2 weeks", 2 * 604_800)]
    public void ALengthCorrectedBesideThePlaceIsTheLaterOne(string culture, string message, long expected)
    {
        var chat = Started(culture);

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["duration"].Seconds);
    }

    // The time of a sign told later is how long the sign has been there, not the complaint.
    [Theory]
    [InlineData("en", "oh wait, yes I can't hold my urine since monday")]
    [InlineData("nl", "nee, maar ik heb sinds gisteren koorts")]
    public void TheTimeOfASignToldLaterIsNotHowLongTheComplaintHasLasted(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-saddle-numbness");
        var weeks = chat.State.Answers["duration"].Seconds;

        chat.Send(message);

        Assert.Equal(weeks, chat.State.Answers["duration"].Seconds);
        Assert.Contains(chat.State.Answers.Values, a => a.YesNo == YesNo.Yes);
    }

    // How bad in words at the pain question is about a score, said back with its number; in passing it is none.
    [Theory]
    [InlineData("nl", "matig", 5, "Ik noteer: matig (ongeveer 5/10).")]
    [InlineData("en", "really bad", 8, "Noted: really bad (about 8/10).")]
    public void PainInWordsIsAboutAScoreAndSaidBack(string culture, string message, int score, string noted)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["lower back", "3 weeks"] : ["onderrug", "3 weken"]).AssertStep("pain");

        chat.Send(message).AssertReply(noted).AssertStep("bother");

        Assert.Equal(score, chat.State.Answers["pain"].Number);
        Assert.False(Started(culture).Send(culture == "en" ? "lower back, moderate" : "onderrug, matig").State.Answers.ContainsKey("pain"));
    }

    [Theory]
    [InlineData("-3")]
    [InlineData(" -8")]
    public void ANegativeNumberIsNoPainScore(string message)
    {
        var chat = Started("nl").SendAll("onderrug", "3 weken").AssertStep("pain");

        chat.Send(message).AssertStep("pain");

        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    [Fact]
    public void ANumberBesidePainInWordsIsTheScore()
    {
        var chat = Started("en").SendAll("lower back", "3 weeks").AssertStep("pain");

        chat.Send("pretty bad, like an 8");

        Assert.Equal(8, chat.State.Answers["pain"].Number);
    }

    // A fall or a slip starts the complaint: the time told with it is how long the complaint has lasted.
    [Theory]
    [InlineData("en", "mid back since I slipped on the ice 2 days ago", 2)]
    [InlineData("en", "mid back, slipped on the ice 2 days ago", 2)]
    [InlineData("nl", "onderrug, 3 dagen geleden uitgegleden", 3)]
    public void TheTimeOfAFallIsHowLongTheComplaintHasLasted(string culture, string message, int days)
    {
        var chat = Started(culture);

        chat.Send(message).AssertStep("pain");

        Assert.Equal(days * 86_400L, chat.State.Answers["duration"].Seconds);
        Assert.Equal(YesNo.Yes, chat.State.Answers["trauma-minor"].YesNo);
    }

    // After a no to the check of a sign told in passing, the sign's question is asked again: a yes to it gets the 112
    // advice at once, before the question it was told at.
    [Fact]
    public void AYesToTheSignAskedAgainAfterItsCheckGetsTheAdviceAtOnce()
    {
        var chat = Started("en").SendAll("lower back", "3 weeks").AssertStep("pain");

        chat.Send("chest hurts").AssertStep(TriageEngine.ConfirmStep);
        chat.Send("no").AssertStep("rf-chest-pain");
        chat.Send("yes");

        Assert.Equal("T0", chat.State.Outcome?.Urgency);
    }

    // "Why?" or "what do you mean?" at the check: why it is asked, or what its question means, and the check again;
    // an answer after the question back counts.
    [Theory]
    [InlineData("en", "chest hurts", "rf-chest-pain", "why?", "confirm.why")]
    [InlineData("nl", "ik zie dubbel", "rf-neck-dizziness", "waarom vraag je dat?", "confirm.why")]
    [InlineData("en", "chest hurts", "rf-chest-pain", "what do you mean?", null)]
    [InlineData("nl", "ik zie dubbel", "rf-neck-dizziness", "wat bedoel je", null)]
    public void AQuestionBackAtTheCheckIsAnsweredAndTheCheckAskedAgain(string culture, string sign, string question, string message, string? text)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["lower back", "3 weeks"] : ["onderrug", "3 weken"]).AssertStep("pain");
        chat.Send(sign).AssertStep(TriageEngine.ConfirmStep);
        var misses = chat.State.Misses;

        chat.Send(message)
            .AssertReplyContains(text is null ? (ShippedDialogs.Value.Flow[question].Explain ?? ShippedDialogs.Value.Flow[question].Why)!.Get(culture) : ShippedDialogs.Value.Texts.Get(text, culture))
            .AssertReplyContains(ShippedDialogs.Value.Flow[question].Confirm!.Get(culture))
            .AssertStep(TriageEngine.ConfirmStep);
        Assert.Equal(misses, chat.State.Misses);

        chat.Send(culture == "en" ? "what do you mean? oh yes, that's right" : "wat bedoel je? o ja, dat klopt");
        Assert.Equal("T0", chat.State.Outcome?.Urgency);
    }

    // Help, another language or an erasure called off at the check: the check is asked again, so a yes after it
    // answers what the person can see.
    [Theory]
    [InlineData("help")]
    [InlineData("english please")]
    [InlineData("verwijder mijn gegevens", "nee")]
    public void AfterACommandAtTheCheckTheCheckIsAskedAgain(params string[] messages)
    {
        var chat = Started("nl").SendAll("onderrug", "3 weken").AssertStep("pain");
        chat.Send("ik zie dubbel").AssertStep(TriageEngine.ConfirmStep);

        chat.SendAll(messages);

        var confirm = ShippedDialogs.Value.Flow["rf-neck-dizziness"].Confirm!.Get(chat.State.Culture);
        Assert.Contains(confirm, chat.LastTurn!.Replies[^1].Text, StringComparison.Ordinal);
        chat.AssertStep(TriageEngine.ConfirmStep);
    }

    // "Verder" after "stop" goes on where the conversation was: the question it stopped at, or the check.
    [Fact]
    public void ContinueAfterStopGoesOnWhereTheConversationWas()
    {
        var chat = Started("nl").SendAll("onderrug", "3 weken").AssertStep("pain");
        chat.Send("stop").AssertStep(TriageEngine.StoppedStep);

        chat.Send("verder").AssertReply(ShippedDialogs.Value.Texts.Get("stopped.resumed", "nl")).AssertStep("pain");
        chat.Send("5").AssertStep("bother");
        Assert.Null(chat.State.Outcome);

        chat.Send("ik zie dubbel").AssertStep(TriageEngine.ConfirmStep);
        chat.Send("stop").Send("verder").AssertStep(TriageEngine.ConfirmStep);
        chat.Send("ja");
        Assert.Equal("T0", chat.State.Outcome!.Urgency);
    }

    // Going on said in a sentence of its own words, with "ok", "toch" or "maar" around it.
    [Theory]
    [InlineData("nl", "ok toch maar verder")]
    [InlineData("nl", "oke, verder")]
    [InlineData("nl", "ok maar verder")]
    [InlineData("en", "ok let's go on")]
    public void ContinueSaidInOtherWordsAfterStopGoesOn(string culture, string message)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["lower back", "3 weeks"] : ["onderrug", "3 weken"]).AssertStep("pain");
        chat.Send("stop").AssertStep(TriageEngine.StoppedStep);

        chat.Send(message).AssertReply(ShippedDialogs.Value.Texts.Get("stopped.resumed", culture)).AssertStep("pain");
    }

    // Anything else after a stop at a question: it was stopped, not finished, so how to go on is said once more.
    [Fact]
    public void AMessageAfterStopThatIsNoCommandSaysHowToGoOn()
    {
        var chat = Started("nl").SendAll("onderrug", "3 weken").AssertStep("pain");
        chat.Send("stop").AssertStep(TriageEngine.StoppedStep);

        chat.Send("hallo?").AssertReply(ShippedDialogs.Value.Texts.Get("stopped.again", "nl")).AssertNoReply().AssertStep(TriageEngine.StoppedStep);
        chat.Send("verder").AssertStep("pain");
    }

    // Stopped at the check of an answer that means 112: the stop says to call 112 if it is so.
    [Fact]
    public void StoppingAtTheCheckOfA112AnswerSaysToCall112()
    {
        var chat = Started("nl").SendAll("onderrug", "3 weken").AssertStep("pain");
        chat.Send("ik zie dubbel").AssertStep(TriageEngine.ConfirmStep);

        chat.Send("stop");

        Assert.Equal(ShippedDialogs.Value.Texts.Get("stopped.unconfirmed.emergency", "nl"), chat.LastTurn!.Replies[^1].Text);
    }

    // A sign without a question of its own, left out after a no to its check: the question it was told at is asked.
    [Fact]
    public void AfterANoToTheCheckTheQuestionTheSignWasToldAtIsAskedAgain()
    {
        var chat = Started("en").SendAll("lower back", "3 weeks").AssertStep("pain");

        chat.Send("i cant talk properly since an hour").AssertStep(TriageEngine.ConfirmStep);
        chat.Send("no").SkipReplies();

        chat.AssertStep("pain");
        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    // A shoulder that will not lift the arm is mostly a stiff shoulder: checked as the sign of a stroke it may be, not
    // advised 112 at once; "ineens" keeps it an emergency.
    [Theory]
    [InlineData("nl", "linkerschouder, kan mn arm niet meer optillen", "nee", false)]
    [InlineData("en", "left shoulder, i can't lift my arm anymore", "no", false)]
    [InlineData("nl", "linkerschouder, kan mijn arm niet meer optillen", "ja", true)]
    public void AnArmThatWillNotLiftIsCheckedBeforeAnyAdvice(string culture, string message, string check, bool emergency)
    {
        var chat = Started(culture);

        chat.Send(message).AssertStep(TriageEngine.ConfirmStep);
        Assert.Null(chat.State.Outcome);

        chat.Send(check);
        Assert.Equal(emergency, chat.State.Outcome is { Urgency: "T0" });
        Assert.Equal(emergency, chat.State.Outcome is not null);
    }

    [Fact]
    public void AnArmThatSuddenlyWillNotLiftIsAnEmergencyAtOnce()
    {
        var chat = Started("nl");

        chat.Send("ik kan mijn arm ineens niet meer optillen");

        Assert.Equal(TriageEngine.EmergencyStep, chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "nee wacht, toch wel", "ja")]
    [InlineData("nl", "nee, oh wacht, ja", "ja")]
    [InlineData("nl", "bij de vorige vraag bedoelde ik ja", "ja")]
    [InlineData("en", "no wait, actually yes", "yes")]
    [InlineData("en", "oh, for the previous question I meant yes", "yes")]
    public void AYesOrNoThatTakesBackTheAnswerJustGivenAsksTheQuestionBeforeAgain(string culture, string message, string yes)
    {
        var chat = AtStep(culture, "rf-major-trauma");
        var before = chat.State.History[^2];
        Assert.Equal(YesNo.No, chat.State.Answers[before].YesNo);

        chat.Send(message)
            .AssertReplyContains(ShippedDialogs.Value.Texts.Get("reask.previous", culture))
            .AssertReplyContains(ShippedDialogs.Value.Flow[before].Question.Get(culture))
            .AssertStep(before);
        Assert.False(chat.State.Answers.ContainsKey(before));
        Assert.False(chat.State.Answers.ContainsKey("rf-major-trauma"));

        chat.Send(yes).AssertStep(TriageEngine.ConfirmStep);
        chat.Send(yes);
        Assert.Contains(ShippedDialogs.Value.Flow[before].Signals[0], chat.State.Outcome!.RedFlags);
        Assert.DoesNotContain("major-trauma", chat.State.Outcome.RedFlags);
    }

    // The question taken back is the one last answered as asked, not one answered in passing ("onderrug, geen koorts")
    // that the history passes; and once asked again, the same words at the next question are about that one.
    [Fact]
    public void TakingBackGoesToTheQuestionLastAnsweredAndOnlyOnce()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug, niet gevallen", "3 weken", "5", "best veel"]);
        Assert.Equal(YesNo.No, chat.State.Answers["trauma-minor"].YesNo);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-infection-risk");
        var asked = chat.State.LastAnswered;
        Assert.NotEqual("trauma-minor", asked);

        chat.Send("nee wacht, toch wel").AssertStep(asked!);
        chat.Send("nee").AssertStep("rf-infection-risk");
        chat.Send("nee wacht, toch wel");

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-infection-risk"].YesNo);
        Assert.Equal(YesNo.No, chat.State.Answers[asked!].YesNo);
    }

    [Theory]
    [InlineData("nl", "ja, oh wacht, nee")]
    [InlineData("nl", "eigenlijk wel")]
    [InlineData("en", "actually yes, I fell off a ladder")]
    public void AnAnswerThatDoesNotTakeBackTheOneJustGivenIsThisQuestions(string culture, string message)
    {
        var chat = AtStep(culture, "rf-major-trauma");
        var before = chat.State.History[^2];

        chat.Send(message);

        Assert.Equal(YesNo.No, chat.State.Answers[before].YesNo);
        Assert.NotEqual(before, chat.State.Step);
    }

    [Theory]
    [InlineData("en", "bother", "what counts as a lot?", "gets in the way of what you do")]
    [InlineData("nl", "bother", "wat is veel?", "hindert bij wat je doet")]
    [InlineData("nl", "pain", "wat bedoel je?", "het cijfer van een gewone dag")]
    [InlineData("nl", "ci-any", "sorry, telt ascal ook?", "ascal")]
    [InlineData("en", "rf-saddle-numbness", "not sure what you mean", "bicycle saddle")]
    [InlineData("en", "rf-night-pain", "how do you mean?", "does not ease when you change position")]
    [InlineData("en", "rf-sudden-weakness", "what do you mean", "can be a sign of a stroke. I mean something that started all at once")]
    [InlineData("nl", "phq-interest", "hoe bedoel je", "Er is geen goed of fout antwoord")]
    [InlineData("nl", "consent", "waarom?", "niemand anders, ook je werkgever niet")]
    [InlineData("nl", "rf-both-legs", "wat is uitstralen?", "vanuit je rug uitstraalt")]
    public void AQuestionBackIsAnsweredWithWhatTheQuestionMeansAndTheQuestionIsAskedAgain(string culture, string step, string message, string explained)
    {
        var chat = AtStep(culture, step);
        var misses = chat.State.Misses;

        // The question again, in short where it has a short form (the consent question without the whole welcome).
        var question = ShippedDialogs.Value.Flow[step];
        chat.Send(message).AssertReplyContains(explained).AssertReplyContains((question.Again ?? question.Question).Get(culture)).AssertStep(step);

        Assert.False(chat.State.Answers.ContainsKey(step));
        Assert.Equal(misses, chat.State.Misses);
    }

    // "Waarom wil je dat weten?": why the question is asked, not what it means; the question's own why, or one for what
    // it is about.
    [Theory]
    [InlineData("nl", "rf-sudden-weakness", "waarom wil je dat weten?", "een teken van een beroerte kan zijn.")]
    [InlineData("en", "cancer-history", "why?", "a massage after cancer is done differently.")]
    [InlineData("nl", "rf-night-pain", "hoezo?", "eerst door een huisarts bekeken moeten worden")]
    [InlineData("en", "ci-any", "what's that got to do with it?", "massage can do harm with some conditions")]
    [InlineData("nl", "phq-down", "waar is dat voor?", "hoe het met je gaat")]
    [InlineData("en", "language", "why do you ask", "the language you are most comfortable with")]
    [InlineData("en", "rf-night-pain", "y do u ask", "should first be seen by a GP")]
    [InlineData("en", "rf-night-pain", "what does that have to do with my back?", "should first be seen by a GP")]
    public void AQuestionAskingWhyIsAnsweredWithWhyTheQuestionIsAskedAlone(string culture, string step, string message, string why)
    {
        var chat = AtStep(culture, step);
        var question = ShippedDialogs.Value.Flow[step];

        chat.Send(message).AssertReplyContains(why).AssertReply(question.Question.Get(culture)).AssertStep(step);

        Assert.False(chat.State.Answers.ContainsKey(step));
        Assert.Equal(0, chat.State.Misses);
        if (question.Explain is { } meaning)
        {
            Assert.DoesNotContain(meaning.Get(culture), chat.LastTurn!.Replies[0].Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("nl", "wat bedoel je, ik heb wel moeite met plassen")]
    [InlineData("en", "what do you mean? i do have trouble peeing since sunday")]
    public void ASignOfTheQuestionToldAfterAQuestionBackAnswersIt(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-bladder-bowel");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-bladder-bowel"].YesNo);
        Assert.NotEqual("rf-bladder-bowel", chat.State.Step);
    }

    [Fact]
    public void TheRoughLengthsMeanTheSameInBothLanguages()
    {
        foreach (var key in Vocabulary.RoughLengthTexts)
        {
            var dutch = Conversation.Start().SendAll([.. Welcome, "nek"]).Send(ShippedDialogs.Value.Texts.Get(key, "nl"));
            var english = Conversation.Start("en").SendAll("no", "yes", "english", "neck").Send(ShippedDialogs.Value.Texts.Get(key, "en"));
            Assert.Equal(dutch.State.Answers["duration"].Seconds, english.State.Answers["duration"].Seconds);
        }
    }

    [Theory]
    [InlineData("nl", "waarom kan ik ineens moeilijk plassen?", "rf-bladder-bowel")]
    [InlineData("en", "what is this tingling in both legs", "rf-both-legs")]
    public void AnotherSignToldInAQuestionBackCounts(string culture, string message, string question)
    {
        var chat = AtBackQuestion(culture, "rf-night-pain");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers[question].YesNo);
    }

    [Theory]
    [InlineData("en", "what's bothering me is numbness in my leg", "rf-numbness")]
    [InlineData("nl", "wat ik heb is vooral 's nachts pijn", "rf-night-pain")]
    public void AnAnswerThatOpensLikeAQuestionIsReadAsOne(string culture, string message, string question)
    {
        var chat = AtBackQuestion(culture, "rf-night-pain");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers[question].YesNo);
    }

    [Fact]
    public void ASignToldAfterAQuestionBackStillCountsButNotWhatTheQuestionAsksAbout()
    {
        var chat = AtBackQuestion("nl", "rf-night-pain");

        chat.Send("wat bedoel je? ik heb wel koorts sinds gisteren").AssertReplyContains("koorts");

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-fever"].YesNo);
        Assert.False(chat.State.Answers.ContainsKey("rf-night-pain"));

        chat = AtBackQuestion("en", "ci-any");
        chat.Send("what is a blood thinner? does aspirin count?").AssertReplyContains("aspirin taken daily").AssertStep("ci-any");

        Assert.False(chat.State.Answers.ContainsKey("ci-blood-thinners"));
    }

    [Theory]
    [InlineData("nl", "weet ik niet")]
    [InlineData("nl", "geen idee")]
    [InlineData("en", "dunno")]
    [InlineData("en", "not sure")]
    [InlineData("nl", "kweenie")]
    [InlineData("en", "i cant remember")]
    public void ADontKnowToHowLongGetsRoughLengthsAsButtonsEachOfWhichAnswers(string culture, string unsure)
    {
        string[] start = culture == "en" ? ["no", "yes", "english", "lower back"] : [.. Welcome, "onderrug"];
        var buttons = Conversation.Start(culture).SendAll(start).AssertStep("duration").Send(unsure).AssertStep("duration").LastTurn!.Replies[^1].Choices;

        Assert.Equal(4, buttons.Count);
        Assert.Equal(0, Conversation.Start(culture).SendAll(start).Send(unsure).State.Misses);
        var weeks = new List<double>();
        foreach (var button in buttons)
        {
            var chat = Conversation.Start(culture).SendAll(start).Send(unsure).Send(button.Label).AssertStep("pain");
            weeks.Add(chat.State.Answers["duration"].Seconds!.Value / (7 * 24 * 3600.0));
        }

        // From days to more than a year, longer each time.
        Assert.True(weeks[0] < 1 && weeks[^1] >= 52, string.Join(", ", weeks));
        Assert.Equal(weeks.Order(), weeks);
    }

    // A second "weet ik niet" after the rough lengths: how long is not known, the questions go on, and the result says
    // why it suggests what it does without a length.
    [Theory]
    [InlineData("nl", "weet ik niet")]
    [InlineData("en", "idk")]
    public void ASecondDontKnowToHowLongGoesOnWithoutALength(string culture, string unsure)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck"] : [.. Welcome, "nek"]);

        chat.Send(unsure).AssertStep("duration");
        chat.Send(unsure).AssertStep("pain");

        Assert.Equal(YesNo.Unknown, chat.State.Answers["duration"].YesNo);
        Assert.Null(chat.State.Answers["duration"].Seconds);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        var outcome = chat.State.Outcome!;
        Assert.Contains(outcome.Reasons, r => r.Rule == "duration-unknown");
        Assert.Contains("physio", outcome.Routes);
        Assert.Contains("relaxation", outcome.MassageTypes);
    }

    [Theory]
    [InlineData("nl", "nergens echt, ik wil gewoon even ontspannen")]
    [InlineData("nl", "ik heb geen klachten")]
    [InlineData("en", "no complaints at all tbh, just want a relaxing massage")]
    [InlineData("en", "nowhere")]
    public void NoComplaintAsksNothingAboutAComplaintAndGivesARelaxationMassage(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome).AssertStep("location");

        chat.Send(message);
        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal(["no-complaint"], chat.State.Answers["location"].Locations.Select(l => l.Code));
        Assert.DoesNotContain("duration", asked);
        Assert.DoesNotContain("pain", asked);
        Assert.DoesNotContain("rf-sudden-weakness", asked);
        Assert.Contains("rf-fever", asked);
        Assert.Contains("ci-any", asked);
        Assert.Contains("phq-interest", asked);
        Assert.Equal("none", chat.State.Outcome!.Urgency);
        Assert.Equal(["relaxation"], chat.State.Outcome.MassageTypes);
    }

    [Theory]
    [InlineData("nl", "mijn nek, ik wil gewoon ontspannen", "neck")]
    [InlineData("en", "just want to relax, my shoulders are tight", "shoulder")]
    public void APlaceNamedWithTheWishToRelaxIsTheComplaint(string culture, string message, string place)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertStep("duration");

        Assert.Equal([place], chat.State.Answers["location"].Locations.Select(l => l.Code));
    }

    [Fact]
    public void NoComplaintWithACancerHistoryGetsTheOncologyMassageAndNoDurationFromTheCancersTime()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nergens, ik wil gewoon ontspannen"]).AssertStep("rf-fever");

        chat.Send("nee").AssertStep("cancer-history").Send("ja, borstkanker 2 jaar geleden");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.False(chat.State.Answers.ContainsKey("duration"));
        Assert.Contains("oncology", chat.State.Outcome!.MassageTypes);
        Assert.DoesNotContain("physio", chat.State.Outcome.Routes);
        Assert.True(chat.State.Outcome.DoctorFirst);
    }

    [Theory]
    [InlineData("oh, en ook mijn onderrug eigenlijk", "lower-back")]
    [InlineData("nee hoor, al zitten mijn schouders wel vast", "shoulder")]
    public void APlaceToldAfterNoComplaintIsTheComplaintAfterAll(string message, string place)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nergens"]).AssertStep("rf-fever");

        chat.Send(message);

        Assert.Equal([place], chat.State.Answers["location"].Locations.Select(l => l.Code));
        Assert.Equal("duration", chat.State.Step);
    }

    [Theory]
    [InlineData("en", "of course not", YesNo.No)]
    [InlineData("nl", "natuurlijk niet", YesNo.No)]
    [InlineData("nl", "echt niet", YesNo.No)]
    [InlineData("en", "ok", null)]
    [InlineData("en", "no problem", null)]
    [InlineData("en", "that's fine", null)]
    [InlineData("nl", "prima", null)]
    [InlineData("nl", "is goed", null)]
    [InlineData("nl", "👍", null)]
    [InlineData("en", "👍🏼", null)]
    [InlineData("nl", "👎", YesNo.No)]
    [InlineData("en", "🤷", YesNo.Unknown)]
    public void AgreementIsNoYesToASignAndOfCourseNotIsANo(string culture, string message, YesNo? expected)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers.TryGetValue("rf-fever", out var answer) ? answer.YesNo : null);
        Assert.Equal(expected is null, chat.State.Step == "rf-fever");
    }

    // "Misschien" or a question about the data at the consent question: what keeping the answers means, and the
    // question in short, without the whole welcome again and without "I did not understand".
    [Theory]
    [InlineData("en", "maybe")]
    [InlineData("nl", "weet ik niet")]
    [InlineData("nl", "wat gebeurt er met mijn gegevens?")]
    [InlineData("en", "will my employer see this?")]
    public void ConsentIsAskedAgainWithWhatKeepingMeansAfterADontKnow(string culture, string message)
    {
        var chat = Conversation.Start(culture).Send(culture == "en" ? "no" : "nee").AssertStep("consent").SkipReplies();
        var consent = ShippedDialogs.Value.Flow["consent"];

        chat.Send(message).AssertReply(consent.Hint!.Get(culture)).AssertReply(consent.Again!.Get(culture)).AssertStep("consent");

        Assert.False(chat.State.Answers.ContainsKey("consent"));
        Assert.Equal(0, chat.State.Misses);
    }

    [Theory]
    [InlineData("en", "ok")]
    [InlineData("nl", "prima")]
    [InlineData("nl", "👍")]
    [InlineData("en", "👌")]
    public void AgreementIsAYesToConsent(string culture, string message)
    {
        var chat = Conversation.Start(culture).Send(culture == "en" ? "no" : "nee").AssertStep("consent");

        chat.Send(message);

        Assert.True(chat.State.ConsentGiven);
    }

    // A yes or no taken back in the same message: the later one counts, and a yes taken back from a question about a
    // sign is asked again rather than taken as no. (Here the question before was answered with the other one than the
    // message starts with; when it starts with the same, it may take that answer back, and the question before is asked
    // again: AYesOrNoThatTakesBackTheAnswerJustGivenAsksTheQuestionBeforeAgain.)
    [Theory]
    [InlineData("nl", "nee, oh wacht, toch wel", YesNo.Yes)]
    [InlineData("nl", "nee eigenlijk ja", YesNo.Yes)]
    [InlineData("nl", "nee ja toch wel, 38.5 gisteren", YesNo.Yes)]
    [InlineData("en", "no wait yes", YesNo.Yes)]
    [InlineData("en", "no... well actually sometimes", YesNo.Yes)]
    [InlineData("nl", "ja, oh nee toch niet", null)]
    [InlineData("en", "yes? i mean no", null)]
    [InlineData("nl", "ja, maar eigenlijk niet zo erg", null)]
    [InlineData("nl", "nee joh, ja soms", null)]
    [InlineData("nl", "nee, jawel", null)]
    [InlineData("en", "nope, sometimes though", null)]
    [InlineData("nl", "ja nee", YesNo.No)]
    [InlineData("nl", "nee", YesNo.No)]
    public void AYesOrNoTakenBackInTheSameMessageGivesWayToTheLaterOne(string culture, string message, YesNo? expected)
    {
        // Past a fall (trauma-minor), the question before the fever is about thin bones: answered yes or no to differ
        // from the message's first word.
        var english = culture == "en";
        var chat = AtBackQuestion(culture, "trauma-minor").Send(english ? "yes" : "ja").AssertStep("fragile-bones");
        var startsWithNo = ShippedDialogs.Value.Recognizer.Recognize(message, culture, new DateOnly(2026, 12, 6))
            .First(e => e.Resolution is BooleanResolution).Resolution is BooleanResolution { Value: YesNo.No };
        chat.Send(startsWithNo ? (english ? "yes" : "ja") : (english ? "no" : "nee")).AssertStep("rf-fever");

        chat.Send(message);

        if (expected is { } value)
        {
            Assert.Equal(value, chat.State.Answers["rf-fever"].YesNo);
        }
        else
        {
            Assert.False(chat.State.Answers.ContainsKey("rf-fever"));
            chat.AssertStep("rf-fever");
        }
    }

    [Theory]
    [InlineData("nl", "weet ik niet")]
    [InlineData("en", "not sure")]
    public void UnsureOfFragileBonesAfterAFallIsForTheGpWithinADayBeforeAnyMassage(string culture, string unsure)
    {
        var english = culture == "en";
        var chat = AtBackQuestion(culture, "trauma-minor").Send(english ? "yes" : "ja").AssertStep("fragile-bones");

        chat.Send(unsure);
        chat.AnswerPlainlyUntil(_ => false);

        var outcome = chat.State.Outcome!;
        Assert.Equal("T3", outcome.Urgency);
        Assert.Contains(outcome.Reasons, r => r.Rule == "fall-unsure-bones");
        Assert.DoesNotContain("massage", outcome.Routes);
    }

    [Theory]
    [InlineData("en", "not really pain, just a bit tight")]
    [InlineData("nl", "niet echt pijn, meer strak")]
    public void TightnessToTheChestQuestionIsAYes(string culture, string message)
    {
        var english = culture == "en";
        var chat = Conversation.Start(culture).SendAll(english ? ["no", "yes", "english", "upper back", "2 weeks", "5", "a bit"] : [.. Welcome, "bovenrug", "2 weken", "5", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-chest-pain");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-chest-pain"].YesNo);
    }

    [Fact]
    public void LongTermPrednisoneToldWithALiftIsForTheGpToday()
    {
        var chat = Conversation.Start("en").SendAll(["no", "yes", "english"]);

        chat.Send("Ive been on prednisolone for my COPD for about a year, and yesterday I bent over to pick up my grandson and felt something go in my lower back");
        chat.SendAll("since yesterday", "7", "a lot").AnswerPlainlyUntil(_ => false);

        Assert.Equal(YesNo.Yes, chat.State.Answers["fragile-bones"].YesNo);
        Assert.Equal("T2", chat.State.Outcome!.Urgency);
        Assert.Contains(chat.State.Outcome.Reasons, r => r.Rule == "fall-with-fragile-bones");
    }

    [Theory]
    [InlineData("en", "yes, picking up my grandson")]
    [InlineData("nl", "ja, tilde mijn kleinzoon op")]
    public void LiftingSomeoneElseIsTheLiftOfThePersonAsked(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "trauma-minor");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["trauma-minor"].YesNo);
        chat.AssertStep("fragile-bones");
    }

    [Fact]
    public void AFeverTakenBackAtTheQuestionOnlyAFeverOpensGoesOnToTheNext()
    {
        var chat = AtBackQuestion("nl", "rf-fever");
        chat.Send("ja").AssertStep("rf-very-unwell");

        chat.Send("oh nee sorry verkeerd geklikt, geen koorts").AssertReply("Ik pas het aan: geen koorts.");

        Assert.Equal(YesNo.No, chat.State.Answers["rf-fever"].YesNo);
        Assert.NotEqual("rf-very-unwell", chat.State.Step);
        Assert.DoesNotContain("rf-very-unwell", chat.State.Answers.Keys);
    }

    [Fact]
    public void ALiftToldBesideANoToFallingIsAYesToTheQuestionAboutFallsAndLifts()
    {
        var chat = AtBackQuestion("nl", "trauma-minor");

        chat.Send("nee gevallen niet, alleen die zware tas getild");

        Assert.Equal(YesNo.Yes, chat.State.Answers["trauma-minor"].YesNo);
        chat.AssertStep("fragile-bones");
    }

    [Theory]
    [InlineData("nl", "nee, oh wacht, toch wel")]
    [InlineData("en", "no wait, yes")]
    public void AScreenAnsweredNoAndThenYesInOneMessageIsAnEmergency(string culture, string message)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message);

        Assert.Contains(chat.State.Step, (string[])["emergency", "@emergency"]);
    }

    [Theory]
    [InlineData("nl", "bovenrug", "ja, in mijn borst, zei ik toch")]
    [InlineData("en", "upper back", "yes, in my chest, like i said")]
    public void AReminderOfWhatWasToldCorrectsNothing(string culture, string place, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", place, "2 days", "6", "a lot"] : [.. Welcome, place, "2 dagen", "6", "veel"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-chest-pain");
        var where = chat.State.Answers["location"];

        chat.Send(message);

        Assert.Equal(where, chat.State.Answers["location"]);
        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-chest-pain"].YesNo);
    }

    // A place told beside one the question does not fit still gets the question: numbness in an arm is asked with "neck
    // and headaches", as with the neck alone.
    [Theory]
    [InlineData("en", "neck and headaches")]
    [InlineData("nl", "nek en hoofdpijn")]
    [InlineData("nl", "nek")]
    public void NumbnessInAnArmOrLegIsAskedWhenAnyPlaceFitsIt(string culture, string places)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", places, "2 weeks", "5", "a lot"] : [.. Welcome, places, "2 weken", "5", "veel"]);

        chat.AnswerPlainlyUntil(s => s.Step is "rf-numbness" or "ci-any");

        chat.AssertStep("rf-numbness");
    }

    [Theory]
    [InlineData("en", "my lower back is wrecked after the rotterdam marathon yesterday")]
    [InlineData("nl", "mijn onderrug is kapot na de marathon van gisteren")]
    public void DarkUrineIsAskedAfterARaceWhateverThePlace(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", message] : [.. Welcome, message]);
        Assert.Equal(YesNo.Yes, chat.State.Answers["race"].YesNo);

        chat.AnswerPlainlyUntil(s => s.Step is "rf-dark-urine" or "ci-any");

        chat.AssertStep("rf-dark-urine");
    }

    // To how long, a number alone is no pain score in passing: "zeven" asks again, "months, like 5 or 6" is five months.
    [Theory]
    [InlineData("nl", "zeven", 0)]
    [InlineData("en", "months, like 5 or 6", 5)]
    [InlineData("nl", "al maanden, een maand of 5", 5)]
    public void ANumberAloneToHowLongIsNoPainScore(string culture, string message, int months)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck"] : [.. Welcome, "nek"]);

        chat.Send(message);

        Assert.False(chat.State.Answers.ContainsKey("pain"));
        if (months == 0)
        {
            chat.AssertStep("duration");
        }
        else
        {
            Assert.Equal(months * DurationResolution.SecondsPerMonth, chat.State.Answers["duration"].Seconds);
            chat.AssertStep("pain");
        }
    }

    // The time of an operation is the complaint's when the complaint began with it.
    [Theory]
    [InlineData("nl", "rechterknie", "sinds mijn operatie 2 weken geleden", 2)]
    [InlineData("en", "knee", "pain after my surgery 3 weeks ago", 3)]
    public void AComplaintSinceAnOperationIsAsOldAsTheOperation(string culture, string place, string message, int weeks)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", place] : [.. Welcome, place]);

        chat.Send(message);

        Assert.Equal(weeks * DurationResolution.SecondsPerWeek, chat.State.Answers["duration"].Seconds);
        chat.AssertStep("pain");
    }

    // "Zwanger van mn 2e, 30 wk nu", "all clear 4 yrs": a length told in a clause of its own right after a state or
    // history is its time, and how long the complaint has lasted is still asked. Told with the place, or in another
    // sentence, it is the complaint's.
    [Theory]
    [InlineData("nl", "zwanger van mn 2e, 30 wk nu. bekken doet zeer bij omdraaien in bed", 0)]
    [InlineData("nl", "borstkanker gehad, al 4 jaar schoon. nu rugpijn", 0)]
    [InlineData("en", "breast cancer survivor (all clear 4 yrs), now my right shoulder is stiff", 0)]
    [InlineData("en", "on blood thinners, 10 years now, and my neck hurts", 0)]
    [InlineData("nl", "ik ben zwanger. rugpijn, al 3 weken", 3)]
    [InlineData("en", "on blood thinners. neck pain for 3 weeks", 3)]
    [InlineData("en", "had breast cancer, all clear now, low back pain for 3 weeks", 3)]
    public void ALengthToldRightAfterAStateOrHistoryIsItsOwn(string culture, string message, int weeks)
    {
        var chat = Started(culture);

        chat.Send(message);

        if (weeks == 0)
        {
            Assert.False(chat.State.Answers.ContainsKey("duration"));
            chat.AssertStep("duration");
        }
        else
        {
            Assert.Equal(weeks * DurationResolution.SecondsPerWeek, chat.State.Answers["duration"].Seconds);
        }
    }

    // "Sinds de operatie" to how long, after the operation was told with its time: the complaint is as old as that.
    // Told without a time, it is not known, and an estimate is asked for.
    [Theory]
    [InlineData("nl", "heb 4 weken geleden een nieuwe heup gekregen, nu stijf en pijn in mn bovenbeen", "sinds de operatie", 4)]
    [InlineData("en", "had knee surgery 3 weeks ago, now my thigh is stiff", "since the surgery", 3)]
    [InlineData("en", "my thigh is stiff", "ever since my surgery", 0)]
    public void SinceTheOperationToHowLongIsAsLongAsItsTimeTold(string culture, string message, string since, int weeks)
    {
        var chat = Started(culture).Send(message).AssertStep("duration");

        chat.Send(since);

        if (weeks == 0)
        {
            Assert.False(chat.State.Answers.ContainsKey("duration"));
            chat.AssertStep("duration");
        }
        else
        {
            Assert.Equal(weeks * DurationResolution.SecondsPerWeek, chat.State.Answers["duration"].Seconds);
            chat.AssertStep("pain");
        }
    }

    [Fact]
    public void APainScoreWithItsWordsToHowLongIsStillNoted()
    {
        var chat = Conversation.Start("nl").SendAll([.. Welcome, "nek"]);

        chat.Send("3 weken, pijn een 7");

        Assert.Equal(7, chat.State.Answers["pain"].Number);
    }

    // A sign that means 112, told in passing before its own question: checked and advised at once, not after the
    // questions in between; after a no to the check, those questions are still asked.
    [Theory]
    [InlineData("en", "like an 8, and since this morning my left arm and leg feel weak and numb")]
    [InlineData("nl", "een 8, en mijn linkerarm voelt sinds vanochtend krachteloos")]
    public void ASignMeaning112ToldInPassingIsCheckedAtOnce(string culture, string message)
    {
        string[] start = culture == "en" ? ["no", "yes", "english", "neck", "2 weeks"] : [.. Welcome, "nek", "2 weken"];
        var chat = Conversation.Start(culture).SendAll(start).AssertStep("pain");

        chat.Send(message);

        Assert.NotNull(chat.State.Confirming);
        Assert.False(chat.State.Answers.ContainsKey("bother"));
        chat.Send(culture == "en" ? "yes" : "ja");
        Assert.Equal("T0", chat.State.Outcome!.Urgency);

        var denied = Conversation.Start(culture).SendAll(start).Send(message).Send(culture == "en" ? "no" : "nee").AssertStep("rf-sudden-weakness");
        denied.Send(culture == "en" ? "no" : "nee").AssertStep("bother");
    }

    [Theory]
    [InlineData("en", "whatever")]
    [InlineData("en", "idk")]
    [InlineData("nl", "maakt niet uit")]
    [InlineData("nl", "weet ik niet")]
    [InlineData("en", "idc")]
    public void LeavingTheLanguageToTheBotGoesOnInTheConversationsLanguage(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes"] : ["nee", "ja"]).AssertStep("language");

        chat.Send(message).AssertStep("location");

        Assert.Equal(culture, chat.State.Answers["language"].Choice);
        Assert.Equal(0, chat.State.Misses);
    }

    // "Where in your legs?" answered with the whole leg: the questions about legs are asked, as for a calf.
    [Theory]
    [InlineData("en", "my left leg", "the whole leg")]
    [InlineData("nl", "mijn linkerbeen", "overal in mijn been")]
    public void TheWholeLegGetsTheQuestionsAboutLegs(string culture, string first, string whole)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);
        chat.Send(first).AssertStep("location");

        chat.Send(whole).AssertStep("duration");
        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal("leg", chat.State.Answers["location"].Locations.Single().Code);
        Assert.Contains("rf-calf-thrombosis", asked);
        Assert.Contains("rf-leg-weakness", asked);
    }

    // "Sorry, actually my arm did go weak suddenly" at a later question: the sign is raised over its earlier no and
    // checked at once; the arm is where the sign is, and the complaint's place stays the neck.
    [Theory]
    [InlineData("en", "sorry, actually my arm did go weak suddenly")]
    [InlineData("nl", "sorry, eigenlijk: mijn linkerarm voelt sinds vanochtend krachteloos")]
    public void ASignMeaning112CorrectedLaterIsCheckedAtOnceAndMovesNoPlace(string culture, string message)
    {
        var chat = AtStep(culture, "phq-interest");
        var where = chat.State.Answers["location"];

        chat.Send(message);

        Assert.NotNull(chat.State.Confirming);
        Assert.Equal(where, chat.State.Answers["location"]);
        chat.Send(culture == "en" ? "yes" : "ja");
        Assert.Equal("T0", chat.State.Outcome!.Urgency);
    }

    [Theory]
    [InlineData("en", "rf-sudden-weakness", "what do you mean by lost feeling?", "rf-numbness")]
    [InlineData("en", "rf-numbness", "what do you mean, like pins and needles?", "rf-numbness")]
    [InlineData("nl", "rf-sudden-weakness", "wat bedoel je met gevoel kwijt, zoals tintelingen?", "rf-numbness")]
    public void ASignInAQuestionAboutWhatTheQuestionMeansIsNotTold(string culture, string step, string message, string sign)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message).AssertStep(step);

        Assert.False(chat.State.Answers.ContainsKey(sign));
        Assert.Null(chat.State.Outcome);
        Assert.Equal(0, chat.State.Misses);
    }

    // The chest named as a place asks about chest pain at once, before how long: a no goes back to how long and the
    // question is not asked again; a yes is checked and advised as 112. A chest added later is asked about next.
    [Theory]
    [InlineData("nl", "pijn in mn rug en op mn borst")]
    [InlineData("nl", "borst")]
    [InlineData("en", "my back and my chest")]
    public void TheChestNamedAsAPlaceAsksAboutChestPainAtOnce(string culture, string place)
    {
        var english = culture == "en";
        var chat = Conversation.Start(culture).SendAll(english ? ["no", "yes", "english"] : Welcome);

        chat.Send(place).AssertStep("rf-chest-pain");
        chat.Send(english ? "no" : "nee").AssertStep("duration");
        chat.Send(english ? "3 weeks" : "3 weken").AssertStep("pain");
        var answered = chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.DoesNotContain("rf-chest-pain", answered);
        Assert.Equal(YesNo.No, chat.State.Answers["rf-chest-pain"].YesNo);
        Assert.True(chat.State.Outcome!.Completed);

        var yes = Conversation.Start(culture).SendAll(english ? ["no", "yes", "english"] : Welcome).Send(place).Send(english ? "yes" : "ja");
        Assert.Equal("rf-chest-pain", yes.State.Confirming);
        yes.Send(english ? "yes" : "ja");
        Assert.Equal("T0", yes.State.Outcome!.Urgency);
    }

    [Theory]
    [InlineData("en", "5, also my chest", "pain")]
    [InlineData("en", "also my chest", "pain")]
    [InlineData("nl", "ook mijn borst", "bother")]
    public void AChestToldLaterIsAskedAboutNext(string culture, string message, string step)
    {
        var english = culture == "en";
        var chat = Conversation.Start(culture).SendAll(english ? ["no", "yes", "english", "neck", "3 weeks"] : [.. Welcome, "nek", "3 weken", "5"]).AssertStep(step);

        chat.Send(message).AssertStep("rf-chest-pain");
        chat.Send(english ? "no" : "nee");

        Assert.NotEqual("rf-chest-pain", chat.State.Step);
        Assert.Null(chat.State.Outcome);
        Assert.Equal(step == "pain" && message.StartsWith('5') ? "bother" : step, chat.State.Step);
    }

    // A hot, swollen calf told at a later question, with its time inside the words, is the thrombosis sign: no massage.
    [Fact]
    public void AHotSwollenCalfToldLaterWithItsTimeIsNoMassage()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken", "5", "matig"]);
        chat.AnswerPlainlyUntil(s => s.Step == "stress-sleep");
        Assert.Equal("stress-sleep", chat.State.Step);

        chat.Send("ja veel stress, en mijn linkerkuit is sinds een paar dagen dik, warm en rood");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Contains("calf-thrombosis", chat.State.Outcome!.RedFlags);
        Assert.DoesNotContain("massage", chat.State.Outcome.Routes);
    }

    // "Since covid" says the complaint began with it, not when: no recent infection is noted, and the infection
    // question asks; a no there stands.
    [Theory]
    [InlineData("en", "since covid")]
    [InlineData("nl", "sinds mijn griep")]
    public void AnInfectionTheComplaintBeganWithWithoutATimeIsNoRecentOne(string culture, string message)
    {
        var english = culture == "en";
        var chat = Conversation.Start(culture).SendAll(english ? ["no", "yes", "english", "lower back"] : [.. Welcome, "onderrug"]);

        chat.Send(message).Send(english ? "2 years" : "2 jaar");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal(YesNo.No, chat.State.Answers["rf-infection-risk"].YesNo);
        Assert.DoesNotContain("recent-infection", chat.State.Outcome!.RedFlags);
    }

    // Dizzy only on standing up is no dizziness of the neck's arteries: a no to that question, and the flow goes on.
    [Theory]
    [InlineData("en", "only a bit lightheaded when i stand up too fast", YesNo.No)]
    [InlineData("nl", "alleen een beetje licht in mijn hoofd als ik snel opsta", YesNo.No)]
    [InlineData("en", "yes, the room is spinning", YesNo.Yes)]
    public void DizzyOnlyOnStandingUpIsNoToTheNeckDizzinessQuestion(string culture, string message, YesNo expected)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck", "3 weeks", "5", "a little"] : [.. Welcome, "nek", "3 weken", "5", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-neck-dizziness");

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["rf-neck-dizziness"].YesNo);
        Assert.NotEqual("rf-neck-dizziness", chat.State.Step);
    }

    // An injury the complaint would start with, told with a time that makes it an old one, keeps that time: it is not
    // how long the complaint has lasted, which is asked. A fresh one's time is the complaint's. So does a sign whose
    // words hold its time, beside another place; the sign's place alone is the complaint's.
    [Theory]
    [InlineData("nl", "enkel verzwikt vorig jaar maar nu gaat het om mijn rug", "duration", null)]
    [InlineData("en", "sprained my ankle last year, now it's my lower back", "duration", null)]
    [InlineData("en", "i sprained my ankle 3 days ago", "pain", 3)]
    [InlineData("nl", "onderrug, en mijn linkerkuit is sinds een paar dagen dik en warm", "duration", null)]
    [InlineData("nl", "mijn linkerkuit is sinds een paar dagen dik en warm", "pain", 2)]
    public void AnOldInjurysTimeIsNotTheComplaints(string culture, string message, string step, int? days)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertStep(step);

        Assert.Equal(days, chat.State.Answers.TryGetValue("duration", out var duration) ? (int?)(duration.Seconds / 86400) : null);
    }

    [Theory]
    [InlineData("en", "what do you mean by chest pressure?")]
    [InlineData("nl", "wat bedoel je met een drukkend gevoel op de borst?")]
    public void AskingWhatTheChestQuestionMeansIsExplainedNotAdvisedAs112(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck", "3 weeks", "5", "a little"] : [.. Welcome, "nek", "3 weken", "5", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-chest-pain");

        chat.Send(message).AssertStep("rf-chest-pain");

        Assert.Null(chat.State.Outcome);
        chat.Send(culture == "en" ? "yes" : "ja");
        Assert.Equal("rf-chest-pain", chat.State.Confirming);
    }

    [Theory]
    [InlineData("wat bedoel je met pijn op de borst?", false)]
    [InlineData("wat bedoel je? ik heb nu pijn op de borst", true)]
    [InlineData("waarom vraag je dat, ik heb pijn op de borst", true)]
    public void AtTheScreenAskingWhatChestPainMeansIsExplainedButChestPainToldIs112(string message, bool emergency)
    {
        var chat = Conversation.Start();

        chat.Send(message);

        Assert.Equal(emergency, chat.State.Outcome is { Emergency: true });
    }

    [Fact]
    public void AskingWhatChestPainMeansAtAQuestionAboutSomethingElseIs112()
    {
        var chat = AtBackQuestion("en", "rf-fever");

        chat.Send("what do you mean by chest pain?");

        Assert.True(chat.State.Outcome is { Emergency: true });
    }

    // On to the result with plain answers, a check of a very urgent sign answered yes.
    private static void ToTheResultConfirmed(Conversation chat, string culture)
    {
        chat.AnswerPlainlyUntil(s => s.Step == TriageEngine.ConfirmStep || s.Outcome is { Completed: true });
        if (chat.State.Step == TriageEngine.ConfirmStep)
        {
            chat.Send(culture == "en" ? "yes" : "ja");
        }
    }

    // A question about an emergency by its name tells none: what to do when a sign is there now, and the question again.
    [Theory]
    [InlineData("en", "rf-sudden-weakness", "what is a stroke?")]
    [InlineData("en", "rf-fever", "could this be a heart attack?")]
    [InlineData("nl", "rf-fever", "kan dit een hartaanval zijn?")]
    [InlineData("nl", "rf-sudden-weakness", "wat is een beroerte?")]
    public void AQuestionAboutAnEmergencyByItsNameIsAnsweredAndAskedAgain(string culture, string step, string message)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message)
            .AssertReplyContains(ShippedDialogs.Value.Texts.Get("aside.emergency-question", culture))
            .AssertReplyContains(ShippedDialogs.Value.Flow[step].Question.Get(culture))
            .AssertStep(step);
        Assert.Null(chat.State.Outcome);
        Assert.False(chat.State.Answers.ContainsKey(step));
    }

    [Theory]
    [InlineData("en", "could this be a heart attack? I have crushing chest pain")]
    [InlineData("nl", "ik denk dat ik een hartaanval krijg?")]
    [InlineData("nl", "is dit een hartaanval? mijn arm voelt zo raar")]
    public void AnEmergencyToldBesideAQuestionAboutOneIsOne(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message).AssertStep(TriageEngine.EmergencyStep);
    }

    // A question back about a word of the question names nothing: "what is thrombosis?" is no thrombosis.
    [Theory]
    [InlineData("en", "ci-any", "what is thrombosis?")]
    [InlineData("en", "rf-fever", "is a cold an infection?")]
    [InlineData("nl", "rf-fever", "is een verkoudheid een infectie?")]
    public void AQuestionBackAboutAWordOfTheQuestionNamesNothing(string culture, string step, string message)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message).AssertStep(step);

        Assert.Null(chat.State.Outcome);
        Assert.DoesNotContain(chat.State.Answers.Values, a => a.Evidence is { } told && told.Contains(message.TrimEnd('?'), StringComparison.Ordinal));
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);
        Assert.Empty(chat.State.Outcome!.RedFlags);
    }

    // "There" in an answer to whether the saddle is numb is the saddle.
    [Theory]
    [InlineData("en", "none, I can't feel anything there")]
    [InlineData("nl", "nee, ik voel daar helemaal niks")]
    public void NoFeelingThereIsAYesToTheSaddleQuestion(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-saddle-numbness");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-saddle-numbness"].YesNo);
    }

    // A length said instead of the one told corrects it, at any question: "niet 3 weken maar 3 maanden".
    [Theory]
    [InlineData("nl", "het is niet 3 weken maar 3 maanden")]
    [InlineData("nl", "nee. oh wacht, het is niet 3 weken maar 3 maanden, sorry")]
    [InlineData("en", "it's not 3 weeks but 3 months")]
    public void ALengthSaidInsteadOfTheOneToldCorrectsIt(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks", "5", "a little"] : [.. Welcome, "onderrug", "3 weken", "5", "een beetje"]);
        var step = chat.State.Step;
        Assert.Equal(21 * 86400L, chat.State.Answers["duration"].Seconds);

        chat.Send(message);

        Assert.True(chat.State.Answers["duration"].Seconds > 12 * 7 * 86400L);
        Assert.Equal(step, chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "niet 3 weken maar 3 maanden")]
    [InlineData("en", "not 3 weeks but 3 months")]
    public void ALengthSaidInsteadOfAnotherAtTheLengthQuestionIsTheLength(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "lower back"] : [.. Welcome, "onderrug"]).AssertStep("duration");

        chat.Send(message);

        Assert.True(chat.State.Answers["duration"].Seconds > 12 * 7 * 86400L);
    }

    // A day told with how the complaint started is how long it has lasted: "bij deadliften schoot het gisteren in mn
    // onderrug" is a day, and the length is not asked.
    [Theory]
    [InlineData("nl", "bij deadliften schoot het gisteren in mn onderrug", 1)]
    [InlineData("nl", "bij de sprint eergisteren trok er iets in mijn linker hamstring", 2)]
    [InlineData("en", "felt something pop in my lower back yesterday", 1)]
    public void ADayToldWithHowItStartedIsTheLength(string culture, string message, int days)
    {
        var chat = Started(culture).Send(message);

        Assert.NotEqual("duration", chat.State.Step);
        Assert.Equal(days * 86400L, chat.State.Answers["duration"].Seconds);
    }

    private static Conversation AtBackQuestion(string culture, string step)
    {
        string[] first = culture == "en" ? ["no", "yes", "english", "lower back", "2 months", "5", "a little"] : [.. Welcome, "onderrug", "2 maanden", "5", "een beetje"];
        var chat = Conversation.Start(culture).SendAll(first);
        chat.AnswerPlainlyUntil(s => s.Step == step);
        return chat;
    }

    // A mood question is asked only without warning signs: one told instead of its answer closes it, and the flow goes
    // on past it to the result, which the sign decides.
    [Theory]
    [InlineData("phq-interest")]
    [InlineData("gad-worry")]
    public void AWarningSignToldInsteadOfAMoodAnswerGoesOnPastTheQuestion(string step)
    {
        var chat = AtBackQuestion("en", step);

        chat.Send("calf feels swollen and red");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.False(chat.State.Answers.ContainsKey(step));
        Assert.Contains("calf-thrombosis", chat.State.Outcome!.RedFlags);
        Assert.Equal("T2", chat.State.Outcome.Urgency);
    }

    // A warning sign told late, in its own words, in answer to a question about something else: it wins, whatever yes
    // or no stands beside it.
    [Theory]
    [InlineData("nl", "stress-sleep", "o ja wat ik nog vergat: sinds gisteren voelt mijn rechterbeen slap en ik sleep een beetje met mn voet", "leg-weakness", "T1")]
    [InlineData("en", "fear-movement", "yes, because my left leg has gotten really weak this week", "leg-weakness", "T1")]
    [InlineData("en", "desk-work", "yes, and my right foot has been dragging since yesterday, I trip over it", "leg-weakness", "T1")]
    [InlineData("nl", "cancer-history", "nee geen kanker meer, ben 3 jaar terug klaar met de behandeling", "cancer-history", "T2")]
    public void AWarningSignToldLateInItsOwnWordsWins(string culture, string step, string message, string code, string urgency)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message);
        ToTheResultConfirmed(chat, culture);

        Assert.Contains(code, chat.State.Outcome!.RedFlags);
        Assert.Equal(urgency, chat.State.Outcome.Urgency);
    }

    // "Maybe, I'm not sure" to the check of a sign that means 112 is not knowing it, as "weet ik niet" to its question
    // is: the GP now, with 112 once it is certain. The check of a sign for the GP now keeps the sign.
    [Theory]
    [InlineData("en", "rf-sudden-weakness", "a little bit in my left leg maybe", "maybe, I'm not sure", "T1")]
    [InlineData("nl", "rf-sudden-weakness", "ja een beetje in mn linkerbeen", "weet ik niet", "T1")]
    [InlineData("nl", "rf-bladder-bowel", "ja", "weet ik niet zeker", "T1")]
    public void AnUnsureCheckOfASignFor112IsTheGpNow(string culture, string step, string sign, string unsure, string urgency)
    {
        var chat = AtBackQuestion(culture, step);
        chat.Send(sign);
        chat.AnswerPlainlyUntil(s => s.Step == TriageEngine.ConfirmStep);

        chat.Send(unsure);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal(urgency, chat.State.Outcome!.Urgency);
        Assert.False(chat.State.Outcome.Emergency);
    }

    // What was noted at the list, named again to whether anything else applies, with a yes or without: said to be
    // noted, and asked once more.
    [Theory]
    [InlineData("en", "yes, tamoxifen", "tamoxifen", "I had already noted that: tamoxifen.")]
    [InlineData("nl", "ja, ik heb een stent", "de stent", "Dat had ik al genoteerd: stent.")]
    [InlineData("en", "yes, tamoxifen", "yes, the tamoxifen", "I had already noted that: tamoxifen.")]
    [InlineData("nl", "ja, ik heb een stent", "ja de stent dus", "Dat had ik al genoteerd: stent.")]
    public void AContraindicationNamedAgainToAnythingElseIsSaidToBeNoted(string culture, string list, string again, string reply)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["upper back stiff for 4 months", "5", "a lot"] : ["bovenrug stijf sinds 4 maanden", "5", "matig"]);
        chat.AnswerPlainlyUntil(s => s.Step == "ci-any");
        chat.Send(list).AssertStep("ci-more");

        chat.Send(again).AssertReply(reply).AssertStep("ci-more");

        Assert.Equal(0, chat.State.Misses);
        chat.Send(culture == "en" ? "no" : "nee");
        Assert.NotEqual("ci-more", chat.State.Step);
    }

    // A yes to whether anything else applies, with what does: the note names that, not the yes, and the questions of the
    // list are asked one by one.
    [Theory]
    [InlineData("nl", "ja, ik heb een stent", "ja de stent, en ik slik bloedverdunners", "Ik noteer: bloedverdunners.")]
    [InlineData("en", "yes, tamoxifen", "yes, and I'm on blood thinners", "Noted: blood thinners.")]
    public void AYesToAnythingElseWithWhatAppliesNotesWhatApplies(string culture, string list, string more, string reply)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["upper back stiff for 4 months", "5", "a lot"] : ["bovenrug stijf sinds 4 maanden", "5", "matig"]);
        chat.AnswerPlainlyUntil(s => s.Step == "ci-any");
        chat.Send(list).AssertStep("ci-more");

        chat.Send(more).AssertReply(reply);

        Assert.Equal(YesNo.Yes, chat.State.Answers["ci-more"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["ci-blood-thinners"].YesNo);
    }

    // A strain told with the complaint is a fresh injury: no deep or sports massage, and its day is the complaint's.
    [Theory]
    [InlineData("nl", "hamstring verrekt bij de sprint gisteren tijdens voetbal")]
    [InlineData("en", "pulled my hamstring sprinting yesterday at football")]
    public void AStrainToldWithTheComplaintIsAFreshInjury(string culture, string message)
    {
        var chat = Started(culture).SendAll(message);

        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.DoesNotContain("duration", asked);
        Assert.Contains("fresh-injury", chat.State.Outcome!.Contraindications);
        Assert.DoesNotContain("runners-legs", chat.State.Outcome.MassageTypes);
        Assert.DoesNotContain("deep-tissue", chat.State.Outcome.MassageTypes);
    }

    // A headache with vomiting or a change in sight is the GP today; in pregnancy the GP or midwife now, after the check.
    [Theory]
    [InlineData("nl", "hoofdpijn elke ochtend al 2 weken, soms moet ik er ook van overgeven", "T2", "vomiting")]
    [InlineData("en", "headaches every morning for 2 weeks and I throw up", "T2", "vomiting")]
    [InlineData("nl", "zwanger, 34 weken, heel erge hoofdpijn sinds gisteren en ik zie sterretjes", "T1", "vision-change")]
    [InlineData("en", "34 weeks pregnant, bad headache since yesterday and I keep seeing stars", "T1", "vision-change")]
    public void AHeadacheWithVomitingOrAChangeInSightIsTheGp(string culture, string message, string urgency, string code)
    {
        var chat = Started(culture).SendAll(message);

        ToTheResultConfirmed(chat, culture);

        Assert.Contains(code, chat.State.Outcome!.RedFlags);
        Assert.Equal(urgency, chat.State.Outcome.Urgency);
        Assert.Equal(["gp"], chat.State.Outcome.Routes);
    }

    // Recovery after an operation of the past six weeks is guided by the surgeon or physiotherapist: no "it often passes
    // by itself", and no warmth advice for a fresh strain either.
    [Theory]
    [InlineData("en", "had a total knee replacement on my right knee 4 weeks ago, thigh is super tight", "after-surgery")]
    [InlineData("nl", "hamstring verrekt bij de sprint gisteren tijdens voetbal", "fresh-strain")]
    public void NoPassesByItselfAfterAnOperationOrAFreshStrain(string culture, string message, string rule)
    {
        var chat = Started(culture).SendAll(message);

        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.DoesNotContain(chat.State.Outcome!.Reasons, r => r.Rule == "recent");
        Assert.Contains(chat.State.Outcome.Reasons, r => r.Rule == rule);
    }

    // "Zei ik al" alone reminds, and is a yes; beside a yes or no, that answer counts.
    [Theory]
    [InlineData("nl", "nee, zei ik al", YesNo.No)]
    [InlineData("en", "no, I already said", YesNo.No)]
    [InlineData("nl", "zei ik toch al", YesNo.Yes)]
    public void WordsThatRemindAreAYesOnlyAlone(string culture, string message, YesNo expected)
    {
        var chat = AtBackQuestion(culture, "rf-bladder-bowel");

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["rf-bladder-bowel"].YesNo);
    }

    // A blow to the head on blood thinners can bleed later: the GP today, whatever else is told.
    [Theory]
    [InlineData("nl", "ben gisteren gevallen en stootte mn hoofd tegen de kast, gebruik sintrom, nu nekpijn")]
    [InlineData("en", "tripped yesterday and banged my head on the door, I'm on warfarin, now my neck hurts")]
    public void ABlowToTheHeadOnBloodThinnersIsTheGpToday(string culture, string message)
    {
        var chat = Started(culture).SendAll(message);

        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Contains("head-injury", chat.State.Outcome!.RedFlags);
        Assert.Contains("blood-thinners", chat.State.Outcome.Contraindications);
        Assert.Equal("T2", chat.State.Outcome.Urgency);
        Assert.Equal(["gp"], chat.State.Outcome.Routes);
    }

    // Long-term prednisone weakens the immune system: told in passing with back pain, it answers that question yes.
    [Theory]
    [InlineData("nl", "slik al jaren prednison voor mn longen en heb nu sinds paar dagen rugpijn", "prednison")]
    [InlineData("en", "been on prednisone for years for my lungs, now lower back pain for a few days", "prednisone")]
    public void LongTermPrednisoneWithBackPainIsAWeakenedImmuneSystem(string culture, string message, string words)
    {
        var chat = Started(culture).SendAll(message);

        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.DoesNotContain("rf-infection-risk", asked);
        Assert.Equal(words, chat.State.Answers["rf-infection-risk"].Evidence);
        Assert.Contains("immune-suppression", chat.State.Outcome!.RedFlags);
        Assert.Equal("T2", chat.State.Outcome.Urgency);
    }

    [Fact]
    public void NoPrednisoneSaysNothingOfAWeakenedImmuneSystem()
    {
        var chat = AtBackQuestion("nl", "rf-infection-risk");

        chat.Send("ik slik geen prednison").AssertStep("rf-infection-risk");
        chat.Send("ja, ik krijg chemo");

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-infection-risk"].YesNo);
    }

    // Dark urine after a race is asked only of someone who raced, or sports and has a complaint in the legs: with the
    // warning signs when that was told before, after the questions about sport when it is said there, and never of
    // someone who does not sport.
    [Theory]
    [InlineData("nl", "mijn knie")]
    [InlineData("en", "my knee")]
    public void DarkUrineIsNotAskedOfSomeoneWhoDoesNotSport(string culture, string place)
    {
        var chat = Started(culture).Send(place);

        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Contains("sport", chat.State.History);
        Assert.DoesNotContain(chat.State.History, s => s.StartsWith("rf-dark-urine", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "ja", "ja, best donker")]
    [InlineData("en", "yes", "yes, brownish")]
    public void DarkUrineIsAskedAfterTheQuestionsAboutSportWhenTheySportThere(string culture, string yes, string dark)
    {
        var chat = Started(culture).Send(culture == "en" ? "my calves" : "mijn kuiten");
        chat.AnswerPlainlyUntil(s => s.Step == "sport");

        chat.Send(yes).AssertStep("race").Send(yes).AssertStep("rf-dark-urine-late").Send(dark);

        Assert.DoesNotContain("rf-dark-urine", chat.State.History);
        Assert.Equal("T2", chat.State.Outcome!.Urgency);
        Assert.Contains("dark-urine", chat.State.Outcome.RedFlags);
    }

    [Theory]
    [InlineData("nl", "mijn kuiten, sinds de marathon van zondag")]
    [InlineData("en", "my calves, since the marathon on sunday")]
    public void DarkUrineIsAskedWithTheWarningSignsAfterARaceToldBefore(string culture, string complaint)
    {
        var chat = Started(culture).Send(complaint);

        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.True(asked.IndexOf("rf-dark-urine") is > 0 and var at && at < asked.IndexOf("ci-any"));
        Assert.DoesNotContain("rf-dark-urine-late", asked);
    }

    [Theory]
    [InlineData("nl", "nee dat niet, alleen bruin")]
    [InlineData("en", "not like cola, just brown")]
    public void BrownUrineAfterARaceIsAYesToDarkUrine(string culture, string message)
    {
        var chat = Started(culture).SendAll(culture == "en" ? "ran a marathon on sunday, both calves are very sore" : "zondag een marathon gelopen, beide kuiten doen zeer");
        chat.AnswerPlainlyUntil(s => s.Step == "rf-dark-urine");

        chat.AssertStep("rf-dark-urine").Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-dark-urine"].YesNo);
    }

    [Theory]
    [InlineData("en", "not suddenly, it's been getting weaker over the past weeks")]
    [InlineData("en", "no, it came on gradually")]
    [InlineData("nl", "niet plotseling, het wordt al weken langzaam zwakker")]
    [InlineData("nl", "nee, het ging geleidelijk")]
    public void WeaknessThatCameOnSlowlyIsANoToSuddenWeaknessAndTheLegIsAskedAfter(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-sudden-weakness");

        chat.Send(message);

        Assert.Equal(YesNo.No, chat.State.Answers["rf-sudden-weakness"].YesNo);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-leg-weakness");
        chat.AssertStep("rf-leg-weakness");
    }

    // Answers in own words that hold the sign asked about: no "I didn't quite get that" again and again.
    [Theory]
    [InlineData("en", "rf-bladder-bowel", "not really but I've had to go more often and it's hard to get going")]
    [InlineData("en", "rf-bladder-bowel", "I can't really feel when I need to go anymore")]
    [InlineData("nl", "rf-bladder-bowel", "het komt moeilijk op gang")]
    public void AnAnswerThatTellsTheSignInOwnWordsIsAYes(string culture, string step, string message)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers[step].YesNo);
    }

    [Theory]
    [InlineData("en", "it's been getting weaker, like I said")]
    [InlineData("nl", "het wordt steeds zwakker")]
    public void ALegGettingWeakerInOwnWordsIsAYesToLosingStrength(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-leg-weakness");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-leg-weakness"].YesNo);
    }

    [Theory]
    [InlineData("nl", "rf-night-pain", "vooral 's nachts", YesNo.Yes)]
    [InlineData("nl", "rf-bladder-bowel", "plassen gaat gewoon normaal", YesNo.No)]
    [InlineData("nl", "rf-night-pain", "'s nachts wel", YesNo.Yes)]
    [InlineData("nl", "rf-night-pain", "ik kan 's nachts niet slapen van de pijn", YesNo.Yes)]
    [InlineData("nl", "rf-night-pain", "'s ochtends en 's nachts", YesNo.Yes)]
    [InlineData("nl", "rf-night-pain", "'s nachts niet", YesNo.No)]
    [InlineData("nl", "rf-night-pain", "niet 's nachts", YesNo.No)]
    [InlineData("nl", "rf-night-pain", "alleen 's ochtends", YesNo.No)]
    [InlineData("nl", "rf-night-pain", "ja, alleen 's ochtends", YesNo.No)]
    [InlineData("en", "rf-night-pain", "mostly at night", YesNo.Yes)]
    [InlineData("en", "rf-night-pain", "not at night", YesNo.No)]
    [InlineData("en", "rf-night-pain", "only during the day", YesNo.No)]
    [InlineData("en", "rf-night-pain", "only when I lie on it", YesNo.No)]
    [InlineData("en", "rf-night-pain", "yes but only because I can't get comfy, if I turn over it's fine", YesNo.No)]
    [InlineData("nl", "rf-night-pain", "alleen als ik verkeerd lig", YesNo.No)]
    [InlineData("nl", "rf-bladder-bowel", "ja ik moet constant plassen haha maar dat hoort bij de zwangerschap toch", YesNo.No)]
    [InlineData("nl", "rf-weight-loss", "ja een paar kilo, maar ik ben bewust aan het lijnen", YesNo.No)]
    [InlineData("en", "rf-weight-loss", "she did lose quite a lot of weight actually, she's not been dieting", YesNo.Yes)]
    [InlineData("nl", "rf-no-improvement", "het gaat al wat beter", YesNo.No)]
    [InlineData("nl", "rf-no-improvement", "hetzelfde eigenlijk", YesNo.Yes)]
    [InlineData("nl", "rf-no-improvement", "soms beter, soms erger", YesNo.Yes)]
    [InlineData("nl", "rf-no-improvement", "niet echt beter", YesNo.Yes)]
    [InlineData("nl", "rf-no-improvement", "nauwelijks beter", YesNo.Yes)]
    [InlineData("en", "rf-no-improvement", "a bit better", YesNo.No)]
    [InlineData("en", "rf-no-improvement", "about the same", YesNo.Yes)]
    [InlineData("en", "rf-no-improvement", "not really better", YesNo.Yes)]
    [InlineData("nl", "rf-no-improvement", "nee het wordt erger", YesNo.Yes)]
    [InlineData("nl", "rf-no-improvement", "nee erger", YesNo.Yes)]
    [InlineData("en", "rf-no-improvement", "no its worse", YesNo.Yes)]
    [InlineData("en", "rf-no-improvement", "no it's getting worse", YesNo.Yes)]
    [InlineData("nl", "rf-no-improvement", "nee", YesNo.No)]
    [InlineData("nl", "rf-no-improvement", "niet echt", YesNo.No)]
    [InlineData("nl", "rf-no-improvement", "ja", YesNo.Yes)]
    [InlineData("en", "rf-no-improvement", "no", YesNo.No)]
    [InlineData("en", "rf-no-improvement", "yes", YesNo.Yes)]
    [InlineData("nl", "rf-night-pain", "nee 's nachts niet", YesNo.No)]
    [InlineData("nl", "rf-night-pain", "nooit 's nachts", YesNo.No)]
    [InlineData("nl", "first-episode", "ik heb het al vaker gehad", YesNo.No)]
    [InlineData("nl", "first-episode", "af en toe", YesNo.No)]
    [InlineData("nl", "first-episode", "niet de eerste keer", YesNo.No)]
    [InlineData("nl", "rf-major-trauma", "was geen harde val hoor", YesNo.No)]
    [InlineData("en", "cancer-history", "i dont have cancer now but had it in 2019", YesNo.Yes)]
    [InlineData("en", "cancer-history", "no, im in remission", YesNo.Yes)]
    [InlineData("nl", "cancer-history", "nee, maar vroeger wel", YesNo.Yes)]
    [InlineData("nl", "cancer-history", "nee, nooit", YesNo.No)]
    [InlineData("en", "earlier-care", "yes, they found nothing", YesNo.Yes)]
    [InlineData("en", "rf-fever", "no fever, just feel rubbish", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "geen koorts, maar ik voel me rot", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "geen koorts", YesNo.No)]
    [InlineData("nl", "rf-fever", "38,5", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "37,2", YesNo.No)]
    [InlineData("en", "rf-fever", "38.5", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "nee, maar gisteren wel 38,5 gehad", YesNo.Yes)]
    [InlineData("en", "rf-fever", "no, but it was 38.6 last night", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "ja, 37,2 maar wel koude rillingen", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "nee, 37,2", YesNo.No)]
    [InlineData("nl", "rf-fever", "nee hoor, al 38 jaar nooit gehad", YesNo.No)]
    [InlineData("nl", "first-episode", "nee, nog nooit gehad", YesNo.Yes)]
    [InlineData("en", "first-episode", "it keeps coming back", YesNo.No)]
    [InlineData("en", "first-episode", "no, never before", YesNo.Yes)]
    [InlineData("nl", "earlier-care", "ja, de huisarts denkt aan een hernia", YesNo.No)]
    [InlineData("nl", "earlier-care", "ja, bij de fysio, maar die vond niks", YesNo.Yes)]
    [InlineData("nl", "earlier-care", "nee, daar ben ik nog niet geweest", YesNo.No)]
    [InlineData("en", "earlier-care", "yes, my GP thinks it's a slipped disc", YesNo.No)]
    [InlineData("en", "earlier-care", "yes, the scan was clear", YesNo.Yes)]
    [InlineData("nl", "earlier-care", "ja bij de POH GGZ", YesNo.No)]
    [InlineData("nl", "earlier-care", "ja, niks gevonden", YesNo.Yes)]
    [InlineData("en", "earlier-care", "yes, I see a psychologist", YesNo.No)]
    [InlineData("nl", "rf-both-legs", "soms een beetje in mijn rechterbeen", YesNo.No)]
    [InlineData("nl", "rf-both-legs", "ja, in allebei", YesNo.Yes)]
    [InlineData("en", "rf-both-legs", "sometimes a bit in my right leg", YesNo.No)]
    [InlineData("en", "rf-both-legs", "yes, both legs", YesNo.Yes)]
    [InlineData("nl", "rf-both-legs", "nee alleen in mn linkerbeen, maar nu sinds vandaag ook rechts", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "niet echt, 38,5 gemeten", YesNo.Yes)]
    [InlineData("en", "rf-both-legs", "no just my left leg, but since today the right too", YesNo.Yes)]
    [InlineData("nl", "rf-weight-loss", "ja maar dat was de bedoeling, ik ben op dieet", YesNo.No)]
    [InlineData("en", "rf-weight-loss", "yes but I'm on a diet", YesNo.No)]
    [InlineData("nl", "rf-fever", "alleen nachtzweten door de overgang", YesNo.No)]
    [InlineData("en", "rf-fever", "just night sweats from the menopause", YesNo.No)]
    [InlineData("nl", "rf-fever", "ja ik heb koorts, ik zit ook in de overgang", YesNo.Yes)]
    [InlineData("en", "rf-fever", "yes fever, and I'm menopausal too", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "koorts, en ik zit ook in de overgang", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "38,5 en ik zit in de overgang", YesNo.Yes)]
    [InlineData("nl", "rf-fever", "dat denk ik niet", YesNo.No)]
    [InlineData("nl", "rf-fever", "ik geloof van niet", YesNo.No)]
    [InlineData("nl", "rf-fever", "nvt", YesNo.No)]
    [InlineData("en", "rf-fever", "negative", YesNo.No)]
    [InlineData("nl", "rf-numbness", "soms even, gaat weer over", YesNo.No)]
    [InlineData("nl", "rf-bladder-bowel", "ik moet vaak plassen", YesNo.No)]
    [InlineData("en", "rf-bladder-bowel", "dribbling", YesNo.Yes)]
    [InlineData("en", "rf-bladder-bowel", "peeing feels weird", YesNo.Yes)]
    [InlineData("nl", "rf-widespread-pain", "alleen in mijn rug en nek", YesNo.No)]
    [InlineData("en", "rf-widespread-pain", "only in my back and neck", YesNo.No)]
    [InlineData("en", "rf-bladder-bowel", "I need to pee more often lately", YesNo.No)]
    [InlineData("en", "rf-numbness", "sometimes, but it wears off", YesNo.No)]
    [InlineData("nl", "rf-bladder-bowel", "mijn plas heb ik niet meer onder controle", YesNo.Yes)]
    [InlineData("nl", "rf-bladder-bowel", "ik heb nog nooit zo vaak in mijn broek geplast", YesNo.Yes)]
    [InlineData("nl", "rf-bladder-bowel", "nee eigenlijk niet, alleen plas ik soms een beetje in mijn broek", YesNo.Yes)]
    [InlineData("nl", "rf-bladder-bowel", "niet echt, ik moet wel persen om te kunnen plassen", YesNo.Yes)]
    [InlineData("nl", "rf-saddle-numbness", "als ik me afveeg voel ik niet zo veel", YesNo.Yes)]
    [InlineData("nl", "rf-saddle-numbness", "mijn penis voelt doof", YesNo.Yes)]
    [InlineData("nl", "rf-leg-weakness", "traplopen kan ik niet meer, mijn been is te zwak", YesNo.Yes)]
    [InlineData("en", "rf-leg-weakness", "I didn't at first, but now walking is getting harder", YesNo.Yes)]
    [InlineData("en", "rf-leg-weakness", "I've never walked this badly, my foot drags", YesNo.Yes)]
    [InlineData("en", "rf-saddle-numbness", "my penis feels numb", YesNo.Yes)]
    [InlineData("en", "rf-sudden-weakness", "my arm went numb for a few minutes yesterday but it's fine now", YesNo.Yes)]
    [InlineData("en", "rf-sudden-weakness", "had it last week for 10 minutes, now gone", YesNo.Yes)]
    [InlineData("nl", "rf-sudden-weakness", "mijn arm was gisteren een paar minuten slap, ging weer over", YesNo.Yes)]
    [InlineData("nl", "rf-sudden-weakness", "vorige week 10 minuten lang, nu weg", YesNo.Yes)]
    [InlineData("en", "rf-sudden-weakness", "no, i'm fine", YesNo.No)]
    [InlineData("nl", "rf-leg-weakness", "sinds gisteren kan ik niet goed lopen", YesNo.Yes)]
    [InlineData("en", "ci-any", "nothing from the list, only i take the pill and an antidepressant", YesNo.No)]
    [InlineData("nl", "ci-any", "niks van het lijstje, alleen de pil", YesNo.No)]
    [InlineData("en", "rf-sudden-weakness", "no but my right arm has felt weak and heavy since an hour ago", YesNo.Yes)]
    [InlineData("en", "rf-sudden-weakness", "no, but my face feels a bit numb on the left since this morning", YesNo.Yes)]
    [InlineData("nl", "rf-bladder-bowel", "sinds vorige week kan ik slecht plassen", YesNo.Yes)]
    [InlineData("nl", "rf-sudden-weakness", "nee, heel even niet", YesNo.No)]
    public void ReadsWordsThatAnswerOnlyTheQuestionAsked(string culture, string step, string message, YesNo expected)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers[step].YesNo);
        Assert.NotEqual(step, chat.State.Step);
    }

    // Red urine after beetroot is the beetroot's colour, a no to the dark-urine question; tea-coloured urine is a yes.
    [Theory]
    [InlineData("en", "yes but I ate beetroot yesterday", YesNo.No)]
    [InlineData("nl", "ja, maar ik heb bietjes gegeten", YesNo.No)]
    [InlineData("en", "yes, like strong tea", YesNo.Yes)]
    public void RedUrineAfterBeetrootIsNoDarkUrine(string culture, string message, YesNo expected)
    {
        var english = culture == "en";
        var chat = Conversation.Start(culture).SendAll(english ? ["no", "yes", "english", "calves, after the marathon yesterday", "1 day", "4", "a little"] : [.. Welcome, "kuiten, na de marathon gisteren", "1 dag", "4", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-dark-urine");

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["rf-dark-urine"].YesNo);
    }

    [Theory]
    [InlineData("en", "rf-calf-thrombosis", "no, just the swelling i mentioned")]
    [InlineData("nl", "rf-calf-thrombosis", "nee, alleen de zwelling")]
    public void WordsOfTheSignAskedAboutBesideANoAnswerTheLegQuestionsWithAYes(string culture, string step, string message)
    {
        var english = culture == "en";
        var chat = Conversation.Start(culture).SendAll(english ? ["no", "yes", "english", "left calf", "3 days", "5", "a lot"] : [.. Welcome, "linkerkuit", "3 dagen", "5", "veel"]);
        chat.AnswerPlainlyUntil(s => s.Step == step);

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers[step].YesNo);
    }

    [Theory]
    [InlineData("en", "not like cola, more like strong tea")]
    [InlineData("en", "no not cola, just dark brown")]
    [InlineData("nl", "geen cola, meer als sterke thee")]
    public void WordsOfDarkUrineBesideANoAreAYesAfterARace(string culture, string message)
    {
        var english = culture == "en";
        var chat = Conversation.Start(culture).SendAll(english ? ["no", "yes", "english", "left calf, since the marathon on sunday", "5", "a lot"] : [.. Welcome, "linkerkuit, sinds de marathon van zondag", "5", "veel"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-dark-urine");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-dark-urine"].YesNo);
    }

    [Theory]
    [InlineData("nl", "ik ben 62", YesNo.Yes)]
    [InlineData("nl", "45", YesNo.No)]
    [InlineData("nl", "19", YesNo.Yes)]
    [InlineData("nl", "20", YesNo.No)]
    [InlineData("nl", "50", YesNo.No)]
    [InlineData("nl", "51 jaar", YesNo.Yes)]
    [InlineData("nl", "Ik ben 67 jaar oud.", YesNo.Yes)]
    [InlineData("nl", "tweeënzestig", YesNo.Yes)]
    [InlineData("nl", "nee, ik ben 67", YesNo.Yes)]
    [InlineData("nl", "ja, 35", YesNo.No)]
    [InlineData("en", "I'm 45", YesNo.No)]
    [InlineData("en", "62 years old", YesNo.Yes)]
    [InlineData("en", "I am 17", YesNo.Yes)]
    [InlineData("en", "no, I'm 38", YesNo.No)]
    [InlineData("nl", "ouder dan 50", YesNo.Yes)]
    [InlineData("nl", "ik ben ruim 50", YesNo.Yes)]
    [InlineData("nl", "onder de 20", YesNo.Yes)]
    [InlineData("nl", "tussen de 20 en 50", YesNo.No)]
    [InlineData("en", "over 50", YesNo.Yes)]
    [InlineData("nl", "ze is 84 dat zei ik al", YesNo.Yes)]
    [InlineData("en", "she's 84", YesNo.Yes)]
    [InlineData("en", "mid fifties", YesNo.Yes)]
    [InlineData("en", "in my forties", YesNo.No)]
    [InlineData("en", "late teens", YesNo.Yes)]
    [InlineData("nl", "eind vijftig", YesNo.Yes)]
    [InlineData("nl", "ik ben een dertiger", YesNo.No)]
    [InlineData("en", "I told you, I am 72", YesNo.Yes)]
    [InlineData("nl", "zei ik toch, 45", YesNo.No)]
    public void ReadsAnAgeAsTheAnswerToTheAgeQuestion(string culture, string message, YesNo expected)
    {
        var chat = AtAgeQuestion(culture);

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["age-first"].YesNo);
        Assert.NotEqual("age-first", chat.State.Step);
    }

    // A decade the line of the age question falls in is neither yes nor no: the person is told so and asked again.
    [Theory]
    [InlineData("en", "in my fifties", "The age I am asking about falls right within that.")]
    [InlineData("nl", "in de vijftig", "Daar valt de grens waar ik naar vraag net in.")]
    public void ADecadeAcrossTheLineOfTheAgeQuestionIsAskedAgain(string culture, string message, string reply)
    {
        var chat = AtAgeQuestion(culture);

        chat.Send(message).AssertReplyContains(reply).AssertStep("age-first");
        chat.Send(culture == "en" ? "I'm 53" : "53");

        Assert.Equal(YesNo.Yes, chat.State.Answers["age-first"].YesNo);
    }

    // A length after a state whose time is its own is that state's, unless a word of starting comes between them.
    [Theory]
    [InlineData("en", "lower back, I'm 28 weeks pregnant and it started 2 weeks ago", 2)]
    [InlineData("nl", "onderrug, ik ben 28 weken zwanger en het begon 2 weken geleden", 2)]
    [InlineData("en", "lower back, pregnant with my second, 30 weeks now", null)]
    public void ALengthAfterAStateWithItsOwnTimeIsTheComplaintsWhenItSaysItStarted(string culture, string message, int? weeks)
    {
        var chat = Started(culture).AssertStep("location");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["ci-pregnancy"].YesNo);
        Assert.Equal(weeks * DurationResolution.SecondsPerWeek, chat.State.Answers.GetValueOrDefault("duration")?.Seconds);
    }

    // A score told with the day it belongs to, after it, is one of the pain's ups and downs: told only so, the worst.
    [Theory]
    [InlineData("en", "3 on a good day, 8 on a bad day", 8)]
    [InlineData("nl", "een 4 op goede dagen, een 8 op slechte dagen", 8)]
    [InlineData("en", "5 sometimes 9", 5)]
    [InlineData("en", "quite a bit", 6)]
    public void AScoreWithTheDayItBelongsToAfterItIsOneOfThePainsUpsAndDowns(string culture, string message, double score)
    {
        var chat = AtStep(culture, "pain");

        chat.Send(message);

        Assert.Equal(score, chat.State.Answers["pain"].Number);
    }

    [Theory]
    [InlineData("nl", "ouder dan 20")]
    [InlineData("nl", "jonger dan 50")]
    [InlineData("nl", "ik word 50")]
    [InlineData("nl", "mijn vader is 62")]
    [InlineData("nl", "ik ben 62,5")]
    [InlineData("en", "over 30")]
    [InlineData("en", "I'm about 50")]
    public void AsksAgainForAnAgeThatIsNotPlainlySaid(string culture, string message)
    {
        var chat = AtAgeQuestion(culture);

        chat.Send(message).AssertStep("age-first").AssertReplyContains(culture == "en" ? "or tell me your age." : "of noem je leeftijd.");

        Assert.False(chat.State.Answers.ContainsKey("age-first"));
    }

    [Fact]
    public void ReadsAnAgeOrAQuestionsOwnWordsInTheOtherLanguage()
    {
        var chat = AtAgeQuestion("nl");

        chat.Send("I'm 62");

        Assert.Equal(YesNo.Yes, chat.State.Answers["age-first"].YesNo);
        chat = AtBackQuestion("nl", "rf-night-pain");

        chat.Send("only in the morning");

        Assert.Equal(YesNo.No, chat.State.Answers["rf-night-pain"].YesNo);
    }

    // A mention is quoted whole or not at all inside brackets: "(operatie en bestraling)" is not cut to "(operatie".
    [Fact]
    public void AMentionIsNeverQuotedUpToAnOpenBracket()
    {
        var chat = Started("nl");

        chat.Send("ik ben vorig jaar behandeld voor borstkanker (operatie en bestraling), nu al maanden stijve schouders en nek, pijn 4");

        var noted = chat.LastTurn!.Replies[0].Text;
        Assert.StartsWith("Ik noteer:", noted, StringComparison.Ordinal);
        Assert.Contains("borstkanker", noted, StringComparison.Ordinal);
        Assert.DoesNotContain("(operatie", noted, StringComparison.Ordinal);
        Assert.All(chat.State.Answers.Values, a => Assert.Equal(a.Evidence.Count(c => c == '('), a.Evidence.Count(c => c == ')')));
    }

    // A no to whether a GP, a physiotherapist or a scan found nothing is said back in words, not as a bare "nee" after
    // the person's "ja, bij de huisarts".
    [Fact]
    public void ANoToWhetherNothingWasFoundIsSaidBackInWords()
    {
        var chat = AtBackQuestion("nl", "earlier-care");

        chat.Send("ja bij de huisarts, die dacht aan een hernia. sinds gisteren kan ik ook slecht plassen");

        Assert.Equal(YesNo.No, chat.State.Answers["earlier-care"].YesNo);
        chat.AssertReplyContains("slecht plassen").AssertReplyContains("Ik noteer: nog niet onderzocht, of er is iets gevonden.");
    }

    [Theory]
    [InlineData("nl", "ja, ik ben 55", "Ik noteer: de eerste keer en 55 jaar.", YesNo.Yes)]
    [InlineData("nl", "ja hoor, ik ben 35 jaar", "Ik noteer: de eerste keer en 35 jaar.", YesNo.No)]
    [InlineData("nl", "ja, en ik ben ouder dan 50", "Ik noteer: de eerste keer en ouder dan 50.", YesNo.Yes)]
    [InlineData("en", "yes, I'm 62", "Noted: the first time and 62 years old.", YesNo.Yes)]
    [InlineData("en", "yes, 62", null, null)]
    public void AnAgeToldWithTheFirstTimeAnswersTheAgeQuestionToo(string culture, string message, string? note, YesNo? age)
    {
        var chat = AtBackQuestion(culture, "first-episode");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["first-episode"].YesNo);
        if (note is null)
        {
            chat.AssertStep("age-first");
            return;
        }

        chat.AssertReply(note);
        Assert.Equal(age, chat.State.Answers["age-first"].YesNo);
        Assert.NotEqual("age-first", chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "ik ben 68 en heb sinds 2 weken voor het eerst van mijn leven rugpijn", "Ik noteer: onderrug, 2 weken, voor het eerst van mijn leven rugpijn en 68 jaar.")]
    [InlineData("en", "I'm 68 and it's the first time I've had back pain, since 2 weeks", "Noted: lower back, 2 weeks, first time I've had back pain and 68 years old.")]
    public void AFirstEpisodeAndAnAgeToldWithTheComplaintAreNotAskedAgain(string culture, string message, string note)
    {
        var chat = Started(culture);

        chat.Send(message).AssertReply(note);
        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.DoesNotContain("first-episode", asked);
        Assert.DoesNotContain("age-first", asked);
        Assert.Equal("T4", chat.State.Outcome!.Urgency);
        Assert.Contains(chat.State.Outcome.Reasons, r => r.Rule == "first-episode-age");
    }

    // A first episode at an age the GP wants to see is named for the GP beside a more urgent sign, whose reason is the
    // one shown.
    [Theory]
    [InlineData("nl", "ik ben 67 en heb sinds 2 weken voor het eerst van mijn leven rugpijn", "borstkanker gehad", "voor het eerst zulke rugklachten")]
    [InlineData("en", "I'm 67 and it's the first time I've had back pain, since 2 weeks", "I had breast cancer", "back trouble like this for the first time")]
    public void AFirstEpisodeAtThatAgeIsNamedForTheGpBesideAMoreUrgentSign(string culture, string message, string cancer, string named)
    {
        var chat = Started(culture);
        chat.Send(message);
        chat.AnswerPlainlyUntil(s => s.Step == "cancer-history");

        chat.Send(cancer);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var outcome = chat.State.Outcome!;
        Assert.Equal("T2", outcome.Urgency);
        Assert.Equal(["cancer-history", "first-episode"], outcome.RedFlags.Order(StringComparer.Ordinal));
        Assert.Contains(chat.LastTurn!.Replies, r => r.IsOutcome && r.Text.Contains(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "10 jaar")]
    [InlineData("nl", "tussen de 2 en 3 jaar")]
    [InlineData("en", "10 years")]
    public void ADurationInYearsIsNoAge(string culture, string duration)
    {
        var chat = Started(culture);
        chat.Send(culture == "en" ? "lower back" : "onderrug").Send(duration);

        Assert.False(chat.State.Answers.ContainsKey("age-first"));
        chat.AnswerPlainlyUntil(s => s.Step == "first-episode");
        chat.Send(culture == "en" ? "yes" : "ja").AssertStep("age-first");
    }

    [Theory]
    [InlineData("nl", "ik heb soms druk op de borst door de werkdruk")]
    [InlineData("en", "I sometimes get chest pain when I'm stressed")]
    [InlineData("nl", "soms een drukkend gevoel op de borst als ik de trap op loop, maar dat zal wel conditie zijn")]
    public void ChestPainThatComesSometimesIsCheckedBeforeItSendsTo112(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message);

        Assert.NotEqual(TriageEngine.EmergencyStep, chat.State.Step);
        chat.AnswerPlainlyUntil(s => s.Step == TriageEngine.ConfirmStep || s.Outcome is not null);
        Assert.Equal(TriageEngine.ConfirmStep, chat.State.Step);
        chat.Send(culture == "en" ? "yes" : "ja");
        Assert.Equal("T0", chat.State.Outcome!.Urgency);
    }

    [Theory]
    [InlineData("nl", "overal eigenlijk", "ja", "T4")]
    [InlineData("nl", "mijn hele lijf is gespannen", "nee", "none")]
    [InlineData("en", "pain all over my body", "yes", "T4")]
    public void PainAllOverIsAskedWhetherItIsPainOrTension(string culture, string place, string answer, string urgency)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", place, "2 years", "6", "a little"] : [.. Welcome, place, "2 jaar", "6", "een beetje"]);

        chat.AnswerPlainlyUntil(s => s.Step == "rf-widespread-whole");
        chat.Send(answer);
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        Assert.Equal(urgency, chat.State.Outcome!.Urgency);
        Assert.Equal(urgency != "none", chat.State.Outcome.RedFlags.Contains("widespread-pain"));
    }

    [Theory]
    [InlineData("nl", "tussen de 5 en 7")]
    [InlineData("en", "between 5 and 7")]
    public void APainScoreAsARangeIsNoAge(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"]).AssertStep("pain");

        chat.Send(message);

        Assert.NotEqual("pain", chat.State.Step);
        Assert.False(chat.State.Answers.ContainsKey("age-first"));
    }

    [Theory]
    [InlineData("nl", "nee, ik ben 55")]
    [InlineData("en", "no, I'm 62")]
    public void AnAgeOverFiftyIsNoSignWhenItIsNotTheFirstTime(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "first-episode");

        chat.Send(message);

        Assert.Equal(YesNo.No, chat.State.Answers["first-episode"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["age-first"].YesNo);
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);
        Assert.DoesNotContain(chat.State.Outcome!.Reasons, r => r.Rule is "first-episode-age" or "signs-combined");
        Assert.Equal("none", chat.State.Outcome.Urgency);
    }

    [Fact]
    public void AnAgeToldEarlierIsNotAskedAgain()
    {
        var chat = Conversation.Start("nl").SendAll([.. Welcome]);

        chat.Send("ik ben 62").AssertReply("Ik noteer: 62 jaar.");
        chat.SendAll("onderrug", "3 weken", "4", "een beetje");
        chat.AnswerPlainlyUntil(s => s.Step == "first-episode");
        chat.Send("ja");

        Assert.NotEqual("age-first", chat.State.Step);
        Assert.Equal(YesNo.Yes, chat.State.Answers["age-first"].YesNo);
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);
        Assert.Contains(chat.State.Outcome!.Reasons, r => r.Rule == "first-episode-age");
    }

    [Theory]
    [InlineData("nl", "rf-fever", "geen koorts maar wel koude rillingen")]
    [InlineData("nl", "rf-fever", "koorts niet, wel rillingen")]
    [InlineData("nl", "rf-weight-loss", "niet bewust afgevallen, maar wel 5 kilo kwijt")]
    [InlineData("nl", "rf-numbness", "geen tintelingen, wel een doof gevoel in mijn been")]
    [InlineData("en", "rf-fever", "no fever but I do have chills")]
    public void ASymptomToldBesideTheDenialOfAnotherWordForItIsAYes(string culture, string step, string message)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers[step].YesNo);
    }

    [Fact]
    public void ASymptomToldWithTheComplaintBesideTheDenialOfAnotherWordForItIsAYes()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("onderrug, geen koorts maar wel rillingen");

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-fever"].YesNo);
    }

    [Theory]
    [InlineData("nl", "rf-sudden-weakness", "weet ik niet", "T1", "unsure-emergency-sign")]
    [InlineData("en", "rf-sudden-weakness", "not sure", "T1", "unsure-emergency-sign")]
    [InlineData("nl", "rf-fever", "weet niet, niet gemeten", "T3", "unsure-urgent-sign")]
    [InlineData("en", "rf-bladder-bowel", "not sure", "T2", "unsure-nerve-sign")]
    [InlineData("nl", "rf-saddle-numbness", "weet niet, misschien een beetje", "T2", "unsure-nerve-sign")]
    [InlineData("nl", "rf-night-pain", "weet ik niet", "T4", "unsure-sign")]
    public void AFlagsQuestionAnsweredWithDontKnowSendsToTheGp(string culture, string step, string message, string urgency, string rule)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var outcome = chat.State.Outcome!;
        Assert.Equal(urgency, outcome.Urgency);
        Assert.Contains("gp", outcome.Routes);
        Assert.Empty(outcome.RedFlags);
        var reason = Assert.Single(outcome.Reasons, r => r.Rule == rule);
        var sign = ShippedDialogs.Value.Texts.Get(TextCatalog.RedFlagNameKey(ShippedDialogs.Value.Flow[step].RedFlag!), culture);
        Assert.Equal([$"{sign}: {message}"], reason.Evidence);
        Assert.Equal(urgency == "T4", outcome.Routes.Contains("massage"));
    }

    // A bare "yes" given before a switch to Dutch is quoted as "ja", in the language of the question beside it.
    [Fact]
    public void ABareYesInTheOtherLanguageIsQuotedInTheConversationsLanguage()
    {
        var chat = AtBackQuestion("en", "rf-bladder-bowel");
        chat.Send("yes").AssertStep("rf-rapid-worsening");
        chat.Send("no").AssertStep(TriageEngine.ConfirmStep);

        chat.Send("nederlands graag").Send("ja");

        var evidence = chat.State.Outcome!.Reasons.SelectMany(r => r.Evidence).ToList();
        Assert.Contains($"{ShippedDialogs.Value.Texts.Get(TextCatalog.RedFlagNameKey("bladder-bowel"), "nl")}: ja", evidence);
    }

    [Fact]
    public void AFlagsQuestionAnsweredNoLeavesNoDoubt()
    {
        var chat = AtBackQuestion("nl", "rf-sudden-weakness");

        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal("none", chat.State.Outcome!.Urgency);
        Assert.DoesNotContain(chat.State.Outcome.Reasons, r => r.Rule.StartsWith("unsure", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAgeToldWithTheComplaintIsNotHowLongItLasts()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("ik ben 54 jaar en heb sinds 6 weken last van mijn onderrug");

        Assert.Equal(6 * 7 * 86400, chat.State.Answers["duration"].Seconds);
    }

    [Theory]
    [InlineData("8 weken")]
    [InlineData("8 uur per dag")]
    public void ANumberOfATimeIsNoPainScore(string message)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken"]).AssertStep("pain");

        chat.Send(message).AssertStep("pain");

        Assert.False(chat.State.Answers.ContainsKey("pain"));
        Assert.Equal(3 * 7 * 86400, chat.State.Answers["duration"].Seconds);
    }

    [Theory]
    [InlineData("nl", "ja", "het wordt per uur erger", YesNo.Yes)]
    [InlineData("nl", "ja", "nee, heel geleidelijk", YesNo.No)]
    [InlineData("en", "yes", "it gets worse by the hour", YesNo.Yes)]
    public void ReadsHowFastItWorsensInTheirOwnWords(string culture, string yes, string message, YesNo expected)
    {
        var chat = AtBackQuestion(culture, "rf-bladder-bowel");
        chat.Send(yes).AssertStep("rf-rapid-worsening");

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["rf-rapid-worsening"].YesNo);
    }

    [Fact]
    public void AnAgeAnswersNoOtherQuestion()
    {
        var chat = AtBackQuestion("nl", "rf-night-pain");

        chat.Send("ik ben 62").AssertStep("rf-night-pain");

        Assert.False(chat.State.Answers.ContainsKey("rf-night-pain"));
    }

    // The age question, asked after a first episode of lower back pain.
    private static Conversation AtAgeQuestion(string culture)
    {
        var chat = AtBackQuestion(culture, "first-episode");
        chat.Send(culture == "en" ? "yes" : "ja").AssertStep("age-first");
        return chat;
    }

    [Theory]
    [InlineData("nl", "rf-no-improvement", "niet erger")]
    [InlineData("en", "rf-no-improvement", "not worse")]
    [InlineData("nl", "rf-night-pain", "'s ochtends niet")]
    public void AsksAgainWhenTheWordsOfTheQuestionAskedSayNeitherYesNorNo(string culture, string step, string message)
    {
        var chat = AtBackQuestion(culture, step);

        chat.Send(message).AssertStep(step);

        Assert.False(chat.State.Answers.ContainsKey(step));
    }

    [Fact]
    public void ASignToldInPassingAsksTheQuestionItOpenedBeforeGoingOn()
    {
        var chat = AtBackQuestion("nl", "rf-night-pain");

        chat.Send("'s nachts zweten").AssertStep("rf-very-unwell");

        Assert.False(chat.State.Answers.ContainsKey("rf-night-pain"));
        chat.Send("nee").AssertStep("rf-night-pain");
    }

    [Theory]
    [InlineData("nl", "oh en ook mijn onderrug trouwens, een 5", "Ik noteer: 5/10 en nek, onderrug.")]
    [InlineData("en", "oh and my lower back too, a 5", "Noted: 5/10 and neck, lower back.")]
    public void APlaceToldAsOneMoreJoinsThePlacesAndAsksItsQuestions(string culture, string message, string note)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck", "2 weeks"] : [.. Welcome, "nek", "2 weken"]);

        chat.Send(message).AssertReply(note);

        Assert.Equal(["neck", "lower-back"], chat.State.Answers["location"].Locations.Select(l => l.Code));
        var asked = new List<string>();
        while (chat.State.Outcome is null && asked.Count < 60)
        {
            asked.Add(chat.State.Step);
            chat.Send(chat.State.Step == "bother" ? (culture == "en" ? "a little" : "een beetje") : (culture == "en" ? "no" : "nee"));
        }

        Assert.Contains("rf-bladder-bowel", asked);
        Assert.Contains("rf-saddle-numbness", asked);
    }

    // "Actually" beside "too" corrects nothing: the place joins the others.
    [Theory]
    [InlineData("en", "my lower back hurts too actually", "Noted: neck, lower back.")]
    [InlineData("nl", "ik heb ook last van mijn onderrug eigenlijk", "Ik noteer: nek, onderrug.")]
    public void APlaceToldAsOneMoreWithAWordOfCorrectionStillJoinsThePlaces(string culture, string message, string note)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck", "2 weeks"] : [.. Welcome, "nek", "2 weken"]);

        chat.Send(message).AssertReply(note).AssertStep("pain");

        Assert.Equal(["neck", "lower-back"], chat.State.Answers["location"].Locations.Select(l => l.Code));
    }

    [Fact]
    public void APlaceToldLaterOpensTheQuestionsForItThatWerePassedBy()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "2 weken", "4", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "ci-any");
        Assert.False(chat.State.Answers.ContainsKey("rf-bladder-bowel"));

        chat.Send("mijn onderrug doet trouwens ook pijn").AssertReply("Ik noteer: nek, onderrug.").AssertStep("rf-bladder-bowel");

        chat.Send("ja").AssertStep("rf-rapid-worsening");
        chat.Send("nee").AssertReplyContains("Klopt het dat");
        chat.Send("ja");
        Assert.Equal("T1", chat.State.Outcome!.Urgency);
    }

    [Theory]
    [InlineData("nl", "rug en been", "Ik noteer: onderrug.", "kuit en bovenbeen", new[] { "lower-back", "calf", "thigh" })]
    [InlineData("nl", "pijn in mijn rug die uitstraalt naar mijn been", "Ik noteer: onderrug.", "weet ik niet", new[] { "lower-back", "leg" })]
    [InlineData("nl", "knie en been", "Ik noteer: knie.", "alleen de knie", new[] { "knee" })]
    [InlineData("en", "back and leg", "Noted: lower back.", "my calf", new[] { "lower-back", "calf" })]
    [InlineData("nl", "rug en been", "Ik noteer: onderrug.", "beide", new[] { "lower-back", "leg" })]
    [InlineData("nl", "ischias links", "Ik noteer: onderrug (links).", "achterkant bovenbeen", new[] { "lower-back", "hamstrings" })]
    [InlineData("en", "sciatica", "Noted: lower back.", "back of the thigh and calf", new[] { "lower-back", "hamstrings", "calf" })]
    [InlineData("en", "back and leg", "Noted: lower back.", "all over", new[] { "lower-back", "leg" })]
    [InlineData("en", "back and leg", "Noted: lower back.", "back and leg", new[] { "lower-back", "leg" })]
    public void TheLegsNamedBesideAPlaceAreAskedWhereAndJoinThePlaces(string culture, string message, string note, string where, string[] places)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertReply(note).AssertReplyContains(culture == "en" ? "Where in your legs exactly?" : "Waar in je benen precies?").AssertStep("location");

        chat.Send(where).AssertStep("duration");
        Assert.Equal(places, chat.State.Answers["location"].Locations.Select(l => l.Code));
        Assert.False(chat.State.LegsAsked);
    }

    [Theory]
    [InlineData("nl", "kuitpijn linkerbeen", "calf")]
    [InlineData("nl", "pijn in mijn kuit van mijn rechterbeen", "calf")]
    [InlineData("en", "calf pain left leg", "calf")]
    [InlineData("en", "left leg, mostly the shin", "shin")]
    public void ALegWordBesideAPlaceInTheLegNamesItsLimbAndWhereInTheLegsIsNotAsked(string culture, string message, string place)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertStep("duration");

        Assert.Equal([place], chat.State.Answers["location"].Locations.Select(l => l.Code));
        Assert.False(chat.State.LegsAsked);
    }

    [Fact]
    public void WhileWhereInTheLegsIsAskedOtherAnswersAreNotedAndThatQuestionIsAskedAgain()
    {
        var chat = Conversation.Start("en").SendAll(["no", "yes", "english", "back and leg"]);

        chat.Send("it's been 3 weeks").AssertReply("Noted: 3 weeks.").AssertReplyContains("Where in your legs exactly?").AssertStep("location");
        chat.Send("what do you mean?").AssertReplyContains("Where in your legs exactly?").AssertStep("location");
        chat.Send("xyzzy").AssertReplyContains("I did not quite understand that. Where in your legs exactly?").AssertStep("location");
        Assert.Equal(1, chat.State.Misses);

        chat.Send("my calf").AssertStep("pain");
        Assert.Equal(["lower-back", "calf"], chat.State.Answers["location"].Locations.Select(l => l.Code));
    }

    [Fact]
    public void ASideSaidApartFromThePlaceInTheLegsIsThatPlacesSide()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "rug en been"]);

        chat.Send("links, in mn kuit").AssertStep("duration");

        Assert.Equal([new BodyLocation("lower-back"), new BodyLocation("calf", BodySide.Left)], chat.State.Answers["location"].Locations);
    }

    [Theory]
    [InlineData("nl", "links", BodySide.Left)]
    [InlineData("nl", "allebei", BodySide.Both)]
    [InlineData("nl", "beide benen", BodySide.Both)]
    [InlineData("en", "both legs", BodySide.Both)]
    public void ASideToldToWhereInTheLegsIsTheLegOnThatSide(string culture, string message, BodySide side)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "my legs"] : [.. Welcome, "mijn benen"]);
        Assert.True(chat.State.LegsAsked);

        chat.Send(message).AssertStep("duration");

        Assert.Equal([new BodyLocation("leg", side)], chat.State.Answers["location"].Locations);
        // Where the legs hurt, not pain spreading into both legs.
        Assert.DoesNotContain("rf-both-legs", chat.State.Answers.Keys);
        Assert.DoesNotContain(RedFlags.ExtraKey("both-legs"), chat.State.Answers.Keys);
    }

    // The side said with the legs is the side of the places named in them next, also after another answer in between.
    [Theory]
    [InlineData("en", "left leg, it is heavy", "my whole leg", new[] { "leg:Left" })]
    [InlineData("en", "lower back and left leg", "calf and knee", new[] { "lower-back:Unspecified", "calf:Left", "knee:Left" })]
    [InlineData("nl", "onderrug en linkerbeen", "kuit", new[] { "lower-back:Unspecified", "calf:Left" })]
    [InlineData("nl", "pijn in mijn rechterbeen", "weet ik niet", new[] { "leg:Right" })]
    [InlineData("nl", "rechterschouder en been", "kuit", new[] { "shoulder:Right", "calf:Unspecified" })]
    [InlineData("nl", "linkerbeen", "rechts, in mijn kuit", new[] { "calf:Right" })]
    public void TheSideSaidWithTheLegsIsThatOfThePlacesInThem(string culture, string message, string where, string[] places)
    {
        var chat = Started(culture).Send(message).SkipReplies();
        Assert.True(chat.State.LegsAsked);
        chat.Send(culture == "en" ? "3 months" : "3 maanden").AssertStep("location");

        chat.Send(where);

        Assert.Equal(places, chat.State.Answers["location"].Locations.Select(l => $"{l.Code}:{l.Side}"));
        Assert.Equal(BodySide.Unspecified, chat.State.LegsSide);
    }

    // A place in a leg the pain spreads to is no complaint of its own, but the leg it runs into joins the places, on
    // its side; a place in the leg named as the complaint stays as it is.
    [Theory]
    [InlineData("en", "lower back, radiating to my left calf", new[] { "lower-back:Unspecified", "leg:Left" })]
    [InlineData("nl", "onderrug, straalt uit naar mijn rechterkuit", new[] { "lower-back:Unspecified", "leg:Right" })]
    [InlineData("en", "my lower back and it shoots down into my foot", new[] { "lower-back:Unspecified", "leg:Unspecified" })]
    [InlineData("en", "my knee, it goes down to my foot", new[] { "knee:Unspecified" })]
    [InlineData("en", "my lower back and it goes down in my hamstrings", new[] { "lower-back:Unspecified", "leg:Unspecified" })]
    [InlineData("nl", "pijn in mn onderrug en nu straalt het uit naar mn linkerbeen tot in mn tenen", new[] { "lower-back:Unspecified", "leg:Left" })]
    [InlineData("en", "lower back, radiating down my left leg", new[] { "lower-back:Unspecified", "leg:Left" })]
    [InlineData("nl", "onderrug, straalt uit naar mijn linkerbeen", new[] { "lower-back:Unspecified", "leg:Left" })]
    public void TheLegThePainSpreadsIntoJoinsThePlaces(string culture, string message, string[] places)
    {
        var chat = Started(culture).Send(message);

        Assert.Equal(places, chat.State.Answers["location"].Locations.Select(l => $"{l.Code}:{l.Side}"));
    }

    // The whole leg told to where in the legs, after the leg the pain runs into was noted on its side, is that leg.
    [Fact]
    public void TheWholeLegAfterTheLegThePainRunsIntoIsThatLeg()
    {
        var chat = Started("nl").Send("pijn in mn onderrug en nu straalt het uit naar mn linkerbeen tot in mn tenen");
        chat.AssertStep("location");

        chat.Send("mijn hele been");

        Assert.Equal(["lower-back:Unspecified", "leg:Left"], chat.State.Answers["location"].Locations.Select(l => $"{l.Code}:{l.Side}"));
    }

    [Fact]
    public void BackPainRunningIntoALegIsForAPhysiotherapistToExamine()
    {
        var chat = Started("en").SendAll("lower back, radiating to my left calf", "8 weeks");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Contains("back-into-leg", chat.State.Outcome!.Reasons.Select(r => r.Rule));
        Assert.Contains("physio", chat.State.Outcome.Routes);
    }

    // Told in passing at another question, the leg beside the places joins them on its side; where in it is asked only
    // at the question where.
    [Theory]
    [InlineData("nl", "nee, ik heb last van mijn onderrug en linkerbeen", "Ik noteer: geen spoed en onderrug, hele been (links).")]
    [InlineData("en", "no, my lower back and left leg hurt", "Noted: no emergency and lower back, whole leg (left).")]
    [InlineData("nl", "nee, mijn onderrug en benen", "Ik noteer: geen spoed en onderrug, hele been.")]
    public void ALegToldInPassingBesideThePlacesJoinsThem(string culture, string message, string noted)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message).AssertReply(noted);

        Assert.Contains("leg", chat.State.Answers["location"].Locations.Select(l => l.Code));
    }

    // "Nee" or "weet ik niet" to where in the legs is the leg as a whole, said back and quoted by that name.
    [Theory]
    [InlineData("nl", "rug en benen", "nee", "Ik noteer: onderrug, hele been.", "rug, hele been")]
    [InlineData("en", "back and legs", "don't know", "Noted: lower back, whole leg.", "back, whole leg")]
    public void NoToWhereInTheLegsIsTheWholeLegByName(string culture, string message, string answer, string noted, string evidence)
    {
        var chat = Started(culture).Send(message).SkipReplies();

        chat.Send(answer).AssertReply(noted);

        Assert.Equal(evidence, chat.State.Answers["location"].Evidence);
    }

    [Fact]
    public void BothLegsToldWithNumbnessAfterARaceAreTheSignNotWhereTheLegsAreStiff()
    {
        var chat = Conversation.Start("en").SendAll(["no", "yes", "english"]);

        chat.Send("my legs. ran a marathon yesterday. both legs are numb and tingling");

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-both-legs"].YesNo);
    }

    [Fact]
    public void BothLegsToWhereInTheLegsBesideTheBackLeavesTheQuestionAboutBothLegsToAsk()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "rug en been"]);

        chat.Send("allebei mijn benen").AssertStep("duration");

        Assert.Equal([new BodyLocation("lower-back"), new BodyLocation("leg", BodySide.Both)], chat.State.Answers["location"].Locations);
        Assert.DoesNotContain("rf-both-legs", chat.State.Answers.Keys);
        chat.SendAll("3 weken", "5", "matig").AnswerPlainlyUntil(s => s.Step == "rf-both-legs");
        Assert.Equal("rf-both-legs", chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "mijn hele been")]
    [InlineData("nl", "rug, en mijn been is ineens slap")]
    [InlineData("en", "lower back, it has been bad")]
    public void LegsNamedAsThePlaceOrInASignOrAnEnglishBeenAskNothingMore(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message);

        Assert.NotEqual("location", chat.State.Step);
        Assert.False(chat.State.LegsAsked);
    }

    [Fact]
    public void AnEnglishBeenIsNoLeg()
    {
        var chat = Conversation.Start("en").SendAll(["no", "yes", "english"]);

        chat.Send("it has been hurting").AssertReplyContains("Name the place").AssertStep("location");

        Assert.DoesNotContain(chat.LastTurn!.Replies, r => r.Text.Contains("legs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "ja, 39 graden en barstende hoofdpijn", "Ik noteer: 39 graden en nek, hoofd.")]
    [InlineData("en", "yes, 39 and a terrible headache", "Noted: fever and neck, head.")]
    [InlineData("nl", "ja, en barstende hoofdpijn", "Ik noteer: koorts en nek, hoofd.")]
    public void AHeadacheToldWithAFeverJoinsThePlacesSoFeverWithAStiffNeckIsForTheGpNow(string culture, string message, string note)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "stiff neck", "3 days", "6", "a lot"] : [.. Welcome, "stijve nek", "3 dagen", "6", "veel"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-fever");

        chat.Send(message).AssertReply(note).AssertStep(TriageEngine.ConfirmStep);
        Assert.Equal("rf-fever", chat.State.Confirming);
        Assert.Equal(["neck", "head"], chat.State.Answers["location"].Locations.Select(l => l.Code));
        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-fever"].YesNo);

        chat.Send(culture == "en" ? "yes" : "ja");
        Assert.Equal("T1", chat.State.Outcome!.Urgency);
        Assert.Contains(chat.State.Outcome.Reasons, r => r.Rule == "fever-head-and-neck");
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void AWarningSignThatMeansTheGpNowIsAdvisedWithoutTheQuestionsLeft(string culture)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "stiff neck", "3 days", "6", "a lot"] : [.. Welcome, "stijve nek", "3 dagen", "6", "veel"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-fever");

        chat.Send(culture == "en" ? "yes, and a bad headache" : "ja, en hoofdpijn").AssertStep(TriageEngine.ConfirmStep);
        chat.Send(culture == "en" ? "yes" : "ja");

        Assert.Equal("T1", chat.State.Outcome!.Urgency);
        Assert.Equal("result", chat.State.Step);
        // Neither how unwell, nor the contraindications, nor how the person is doing were asked.
        Assert.DoesNotContain("rf-very-unwell", chat.State.Answers.Keys);
        Assert.DoesNotContain("phq-interest", chat.State.Answers.Keys);
        Assert.DoesNotContain("phq-interest", chat.State.History);
    }

    [Fact]
    public void AWarningSignThatMeansTheGpNowToldEarlyStillGetsTheQuestionsThatCouldMeanAnEmergency()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "stijve nek en hoofdpijn, en ik heb koorts", "3 dagen", "6", "veel"]);

        chat.AssertStep("rf-sudden-weakness");
        chat.Send("nee").AssertStep("rf-neck-dizziness");
        chat.Send("nee").AssertStep("rf-chest-pain");
        // The fever question was never asked: the check says what it is about, not what was answered to it.
        chat.Send("nee").AssertReplyContains("Klopt het dat je koorts of koude rillingen hebt, of je erg ziek voelt?").AssertStep(TriageEngine.ConfirmStep);
        Assert.Equal("rf-fever", chat.State.Confirming);
        Assert.DoesNotContain("rf-clumsy-hands", chat.State.History);

        chat.Send("ja");
        Assert.Equal("T1", chat.State.Outcome!.Urgency);
    }

    [Fact]
    public void AnUnsureEmergencyScreenAloneStillGoesThroughEveryQuestion()
    {
        // Its question already said to call the GP when in doubt: the rest of the triage is still asked.
        var chat = Conversation.Start().SendAll(["weet ik niet", "weet ik niet", "ja", "nederlands", "rugpijn", "3 dagen", "6", "veel"]);

        chat.AnswerPlainlyUntil(s => s.Step == "phq-interest" || s.Outcome is not null);

        Assert.Equal("phq-interest", chat.State.Step);
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);
        Assert.Equal("T1", chat.State.Outcome!.Urgency);
        Assert.Contains(chat.State.Outcome.Reasons, r => r.Rule == "unsure-emergency-screen");
    }

    [Theory]
    [InlineData("nee, wel barstende hoofdpijn")]
    [InlineData("wat bedoel je met koorts? ik heb wel hoofdpijn")]
    public void AHeadacheToldWithoutAFeverIsNoPlaceOfTheComplaint(string message)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "stijve nek", "3 dagen", "6", "veel"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-fever");

        chat.Send(message);

        Assert.Equal(["neck"], chat.State.Answers["location"].Locations.Select(l => l.Code));
    }

    [Theory]
    [InlineData("nee wacht, het is mijn linkerschouder")]
    [InlineData("oeps, ik bedoel mijn linkerschouder")]
    public void ACorrectionWithoutTheWordsOfTheQuestionAskedChangesTheAnswerAndAsksAgain(string message)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "pijn in mijn rechterschouder sinds 2 weken", "5"]).AssertStep("bother");

        chat.Send(message).AssertReply("Ik pas het aan: schouder (links).").AssertStep("bother");

        Assert.False(chat.State.Answers.ContainsKey("bother"));
        Assert.Equal([new BodyLocation("shoulder", BodySide.Left)], chat.State.Answers["location"].Locations);
    }

    [Theory]
    [InlineData("nl", "linkerknie, nee sorry, rechterknie", "knee", BodySide.Right)]
    [InlineData("nl", "mijn nek, nee wacht, mijn onderrug", "lower-back", BodySide.Unspecified)]
    [InlineData("nl", "mijn linkerknie, oh nee wacht de rechter", "knee", BodySide.Right)]
    [InlineData("nl", "rechterschouder, oeps ik bedoel links", "shoulder", BodySide.Left)]
    [InlineData("en", "my left knee, oh no wait the right one", "knee", BodySide.Right)]
    [InlineData("en", "neck, sorry I mean lower back", "lower-back", BodySide.Unspecified)]
    [InlineData("en", "left knee, no right", "knee", BodySide.Right)]
    [InlineData("en", "left knee. No, right knee", "knee", BodySide.Right)]
    public void APlaceOrSideTakenBackInTheAnswerIsReplacedByTheOneAfterIt(string culture, string message, string code, BodySide side)
    {
        var chat = Started(culture);

        chat.Send(message).AssertStep("duration");

        Assert.Equal([new BodyLocation(code, side)], chat.State.Answers["location"].Locations);
    }

    [Theory]
    [InlineData("nl", "pols en hand rechts", "wrist-hand", BodySide.Right)]
    [InlineData("nl", "linkerknie en rechterknie", "knee", BodySide.Both)]
    [InlineData("en", "my left knee and my right knee", "knee", BodySide.Both)]
    [InlineData("nl", "linker- en rechterknie", "knee", BodySide.Both)]
    [InlineData("nl", "rechter- en linkerschouder", "shoulder", BodySide.Both)]
    [InlineData("nl", "linkerpols en ook de rechter", "wrist-hand", BodySide.Both)]
    [InlineData("en", "my left knee and also the right", "knee", BodySide.Both)]
    public void OnePlaceNamedTwiceIsOnePlace(string culture, string message, string code, BodySide side)
    {
        var chat = Started(culture);

        chat.Send(message);

        Assert.Equal([new BodyLocation(code, side)], chat.State.Answers["location"].Locations);
    }

    // A denied fever beside a told chill or illness: the sign told counts, and the fever question is not asked.
    [Theory]
    [InlineData("lower back 3 weeks, no fever just feel awful and weak")]
    [InlineData("lower back 3 weeks, not feverish but shivery at night")]
    [InlineData("lower back, 5 days. been running a temp since yesterday")]
    public void AChillOrIllnessToldBesideADeniedFeverIsAYesToTheFeverQuestion(string message)
    {
        var chat = Started("en");

        chat.Send(message);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-fever"].YesNo);
    }

    // The part two places share said once: both places are noted.
    [Theory]
    [InlineData("nl", "boven- en onderrug", "Ik noteer: bovenrug, onderrug.")]
    [InlineData("en", "upper and lower back", "Noted: upper back, lower back.")]
    public void TwoPlacesThatShareTheirLastPartAreBothNoted(string culture, string message, string noted)
    {
        var chat = Started(culture);

        chat.Send(message).AssertReply(noted).AssertReplyContains(culture == "nl" ? "Hoe lang" : "How long");
    }

    // "Overal eigenlijk, rug nek schouders": everywhere, and those places; whether it is pain everywhere or a tense
    // feeling is asked once, and a no to that is no widespread pain.
    [Fact]
    public void EverywhereWithPlacesIsAskedOnceWhetherItIsPainAndANoCounts()
    {
        var chat = Started("nl");

        chat.Send("overal eigenlijk, rug nek schouders").AssertReply("Ik noteer: hele lichaam, onderrug, nek, schouder (beide kanten).");
        Assert.Contains(chat.State.Answers["location"].Locations, l => l.Code == "whole-body");

        var asked = chat.SendAll("jaren", "7", "heel veel").AnswerPlainlyUntil(s => s.Step == "rf-widespread-whole");
        Assert.DoesNotContain("rf-widespread-pain", asked);
        chat.Send("nee, vooral stijf");
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        Assert.DoesNotContain("widespread-pain", chat.State.Outcome!.RedFlags);
    }

    [Theory]
    [InlineData("en", "neck, and actually my shoulders too", 2)]
    [InlineData("en", "lower back, oh wait, and my neck too", 2)]
    [InlineData("en", "lower back, sorry, and my neck", 2)]
    [InlineData("nl", "mijn nek en eigenlijk ook mijn schouders", 2)]
    [InlineData("nl", "linkerknie, sorry, rechts ook een beetje", 1)]
    [InlineData("en", "my neck, sorry, and also my shoulders", 2)]
    public void APlaceAddedAfterACorrectionCueKeepsTheOneBefore(string culture, string message, int places)
    {
        var chat = Started(culture);

        chat.Send(message).AssertStep("duration");

        Assert.Equal(places, chat.State.Answers["location"].Locations.Count);
        Assert.NotEqual(BodySide.Right, chat.State.Answers["location"].Locations[0].Side);
    }

    [Fact]
    public void WordsOfOneQuestionAnswerNothingBeforeItIsAsked()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("mijn onderrug, vooral 's nachts, al 2 maanden");

        Assert.True(chat.State.Answers.ContainsKey("location"));
        Assert.False(chat.State.Answers.ContainsKey("rf-night-pain"));
    }

    [Theory]
    [InlineData("nl", "nee, geen pijn op de borst", "ja", "nederlands")]
    [InlineData("nl", "pijn op de borst heb ik niet", "ja", "nederlands")]
    [InlineData("en", "no, no chest pain", "yes", "english")]
    public void NeverTakesThePlaceOfADeniedSymptomAsWhereTheComplaintIs(string culture, string screen, string consent, string language)
    {
        var chat = Conversation.Start(culture);

        chat.Send(screen).SkipReplies().SendAll(consent, language);

        chat.AssertStep("location");
        Assert.False(chat.State.Answers.ContainsKey("location"));
    }

    [Theory]
    [InlineData("nl", "pijn in mijn onderrug, niet afgevallen en geen koorts", "Ik noteer: onderrug, geen koorts en niet afgevallen.")]
    [InlineData("nl", "Onderrug. Geen koorts.", "Ik noteer: onderrug en geen koorts.")]
    [InlineData("nl", "onderrug, koorts heb ik niet", "Ik noteer: onderrug en geen koorts.")]
    [InlineData("en", "lower back, I haven't lost weight", "Noted: lower back and haven't lost weight.")]
    public void NotesADeniedSymptomWithTheWordThatDeniesIt(string culture, string message, string noted)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertReply(noted);
    }

    [Fact]
    public void KeepsAFlagWhoseDenialMayBeOfSomethingElse()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("pijn in mijn onderrug, koorts niet gemeten").AssertReply("Ik noteer: onderrug en koorts.");

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-fever"].YesNo);
    }

    [Theory]
    [InlineData("pijn op de borst heb ik niet", false)]
    [InlineData("pijn op de borst nee", false)]
    [InlineData("pijn op de borst heb ik niet eerder gehad", true)]
    [InlineData("chest pain no", false)]
    public void ReadsTheEmergencyScreenDeniedAfterItsWords(string message, bool emergency)
    {
        var chat = Conversation.Start(message.StartsWith("chest", StringComparison.Ordinal) ? "en" : "nl");

        chat.Send(message);

        Assert.Equal(emergency, chat.State.Outcome?.Emergency ?? false);
        if (!emergency)
        {
            chat.AssertStep("consent");
        }
    }

    [Fact]
    public void NotesWhatItUnderstoodWhenAMessageAnswersLaterQuestionsOnly()
    {
        Conversation.Start().Send("nee").Send("ik heb sinds gisteren last van mijn nek")
            .AssertReply("Ik noteer: nek en 1 dag.")
            .AssertReplyContains("bewaren")
            .AssertStep("consent");
    }

    [Fact]
    public void LetsThePersonCorrectAnEarlierAnswerInTheirOwnWords()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "3 weken"]);

        chat.Send("nee, het is eigenlijk 3 maanden")
            .AssertReply("Ik pas het aan: 3 maanden.")
            .AssertReplyContains("Hoeveel pijn")
            .AssertStep("pain");

        Assert.Equal(3 * 2_592_000, chat.State.Answers["duration"].Seconds);
    }

    [Theory]
    [InlineData("nl", "english", "drukkende pijn op de borst", "Call 112 now")]
    [InlineData("nl", "english", "ik wil niet meer leven", "0800-0113")]
    [InlineData("en", "dutch", "I can't breathe", "Bel nu 112")]
    [InlineData("en", "dutch", "I want to kill myself", "0800-0113")]
    public void InterruptsWithEmergencyAdviceInEitherLanguageAfterASwitch(string culture, string switchTo, string message, string advice)
    {
        string[] first = culture == "en" ? ["no", "yes", "english", "neck"] : [.. FirstAnswers.Take(4)];
        var chat = Conversation.Start(culture).SendAll(first).SendAll(switchTo);

        chat.Send(message).AssertReply(r => Assert.Contains(advice, r.Text, StringComparison.Ordinal));

        Assert.True(chat.State.Outcome!.Emergency);
    }

    [Theory]
    [InlineData("nl", "ik heb opeens hele erge pijn op de borst", "Bel nu 112")]
    [InlineData("nl", "ik wil niet meer leven", "0800-0113")]
    [InlineData("en", "I have chest pain", "Call 112 now")]
    [InlineData("en", "I want to kill myself", "0800-0113")]
    [InlineData("en", "most days, ive even had thoughts of taking my own life", "0800-0113")]
    [InlineData("nl", "ik heb gedachten om mezelf van het leven te beroven", "0800-0113")]
    [InlineData("en", "yes, I took too many pills last night", "Call 112 now")]
    [InlineData("en", "I want to die and I took all my pills", "Call 112 now")]
    [InlineData("nl", "ik wil dood en heb al mijn pillen geslikt", "Bel nu 112")]
    [InlineData("nl", "ik heb hoofdpijn als nooit tevoren", "Bel nu 112")]
    public void InterruptsWithEmergencyAdviceAtAnyStep(string culture, string message, string advice)
    {
        foreach (var answersBefore in new[] { 0, 1, 2, 3, 4, 6 })
        {
            string[] first = culture == "en" ? ["no", "yes", "english", "neck", "3 weeks", "4"] : FirstAnswers;
            var chat = Conversation.Start(culture).SendAll([.. first.Take(answersBefore)]);

            chat.Send(message).AssertReply(r =>
            {
                Assert.Contains(advice, r.Text, StringComparison.Ordinal);
                Assert.True(r.IsOutcome);
            });

            Assert.True(chat.State.Outcome!.Emergency);
            Assert.Equal(["emergency-112"], chat.State.Outcome.Routes);
            Assert.Equal("T0", chat.State.Outcome.Urgency);
        }
    }

    [Fact]
    public void InterruptsWithEmergencyAdviceWhileAVeryUrgentAnswerIsBeingChecked()
    {
        var chat = AtRedFlags().Send("ja");

        chat.Send("ik krijg geen lucht meer en heb pijn op de borst").AssertReplyContains("Bel nu 112");

        Assert.True(chat.State.Outcome!.Emergency);
    }

    [Fact]
    public void GivesBoth113NumbersAnd112ForSuicidalThoughts()
    {
        Conversation.Start().Send("ik wil niet meer leven").AssertReply(r =>
        {
            Assert.Contains("113", r.Text, StringComparison.Ordinal);
            Assert.Contains("0800-0113", r.Text, StringComparison.Ordinal);
            Assert.Contains("112", r.Text, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("nl", "Ik ben hardloper en heb sinds 2 weken last van mijn hamstrings rechts", "4, het is vooral stijf na het hardlopen")]
    [InlineData("en", "I'm a runner and my right hamstrings have hurt for 2 weeks", "4, mostly stiff after running")]
    public void AContextToldAgainInOtherWordsIsNoChangeOfAnEarlierNo(string culture, string first, string again)
    {
        var chat = Started(culture).Send(first);
        Assert.Equal(YesNo.Yes, chat.State.Answers["sport"].YesNo);

        chat.Send(again);

        Assert.All(chat.LastTurn!.Replies, r => Assert.DoesNotContain(culture == "en" ? "You said no earlier" : "Je zei eerder nee", r.Text, StringComparison.Ordinal));
        Assert.Equal(4, chat.State.Answers["pain"].Number);
        Assert.Equal(YesNo.Yes, chat.State.Answers["sport"].YesNo);
    }

    [Theory]
    [InlineData("nl", "nee, niet echt rood, wel dik en warm", YesNo.Yes)]
    [InlineData("nl", "nee, niet dik", YesNo.No)]
    [InlineData("en", "not really red, but swollen and warm", YesNo.Yes)]
    public void ASwollenWarmCalfIsTheThrombosisSignWithoutRedness(string culture, string answer, YesNo expected)
    {
        var chat = Started(culture).Send(culture == "en" ? "left calf" : "linkerkuit").Send(culture == "en" ? "4 days" : "4 dagen");
        chat.AnswerPlainlyUntil(s => s.Step == "rf-calf-thrombosis");

        chat.Send(answer);

        Assert.Equal(expected, chat.State.Answers["rf-calf-thrombosis"].YesNo);
    }

    [Theory]
    [InlineData("nl", "kuiten")]
    [InlineData("en", "calves")]
    public void AComplaintInTheLegsAloneIsNotAskedAboutPainSpreadingIntoBothLegsNorAboutThrombosisTwice(string culture, string place)
    {
        var chat = Started(culture).Send(place).Send(culture == "en" ? "2 days" : "2 dagen");

        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        Assert.DoesNotContain("rf-both-legs", asked);
        Assert.Contains("rf-calf-thrombosis", asked);
        Assert.DoesNotContain("ci-thrombosis", asked);
        Assert.Contains("rf-both-legs", Started(culture).Send(culture == "en" ? "lower back" : "onderrug").Send(culture == "en" ? "2 weeks" : "2 weken").AnswerPlainlyUntil(s => s.Outcome is not null));
    }

    // "Both legs" to where in the legs, after a marathon told before, is where the legs are stiff: no sign of the
    // nerves, and no call to the GP now.
    [Theory]
    [InlineData("en", "my legs are stiff and heavy after running the marathon on sunday", "both legs", "my calves and thighs", "since sunday")]
    [InlineData("nl", "mijn benen zijn stijf na de marathon van zondag", "allebei mijn benen", "kuiten en bovenbenen", "sinds zondag")]
    public void BothLegsAfterARaceToldBeforeIsNoSignOfTheNerves(string culture, string first, string legs, string places, string since)
    {
        var chat = Started(culture).Send(first).Send(legs);

        Assert.False(chat.State.Answers.ContainsKey("rf-both-legs"));
        chat.Send(places).Send(since).AnswerPlainlyUntil(s => s.Outcome is not null);
        Assert.Equal("none", chat.State.Outcome!.Urgency);
        Assert.Contains("runners-legs", chat.State.Outcome.MassageTypes);
    }

    // Both legs sore after football is explained as after a run is: no sign of the nerves asked back.
    [Fact]
    public void BothLegsSoreAfterFootballIsNoSignOfTheNerves()
    {
        var chat = Started("nl").Send("beide benen doen zeer na het voetballen").Send("2 dagen");

        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        Assert.DoesNotContain(TriageEngine.ConfirmStep, asked);
        Assert.DoesNotContain("both-legs", chat.State.Outcome!.RedFlags);
        Assert.Equal("none", chat.State.Outcome.Urgency);
    }

    // Numbness in both legs, told to another question after a marathon, is the sign of both legs all the same.
    [Theory]
    [InlineData("en", "sore calves after the marathon on sunday", "3 days", "yes, numbness in both legs")]
    [InlineData("nl", "pijnlijke kuiten na de marathon van zondag", "3 dagen", "ja, een doof gevoel in allebei mijn benen")]
    public void NumbnessInBothLegsAfterARaceIsTheSign(string culture, string first, string since, string numb)
    {
        var chat = Started(culture).Send(first).Send(since).Send("5").Send("2");
        chat.AnswerPlainlyUntil(s => s.Step == "rf-numbness");

        chat.Send(numb);

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-both-legs"].YesNo);
    }

    [Theory]
    [InlineData("nl", "hetzelfde eigenlijk", false)]
    [InlineData("nl", "het wisselt een beetje", false)]
    [InlineData("nl", "nee", false)]
    [InlineData("nl", "ja, steeds erger", true)]
    [InlineData("en", "about the same really", false)]
    [InlineData("en", "yes, it's getting worse", true)]
    public void ALongStandingComplaintThatStaysTheSameKeepsItsWayToPhysioAndMassage(string culture, string answer, bool toTheGp)
    {
        var chat = Started(culture).Send(culture == "en" ? "neck and shoulders" : "nek en schouders").Send(culture == "en" ? "6 months" : "6 maanden");
        var asked = chat.AnswerPlainlyUntil(s => s.Step == "rf-getting-worse");
        Assert.DoesNotContain("rf-no-improvement", asked);

        chat.Send(answer);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var outcome = chat.State.Outcome!;
        Assert.Equal(toTheGp, outcome.RedFlags.Contains("no-improvement"));
        Assert.Equal(toTheGp ? "T4" : "none", outcome.Urgency);
        Assert.Equal(!toTheGp, outcome.Routes.Contains("physio") && outcome.Routes.Contains("massage"));
    }

    [Fact]
    public void AComplaintOfOneToThreeMonthsIsStillAskedWhetherItStayedTheSame()
    {
        var chat = Started("nl").Send("onderrug").Send("6 weken");

        var asked = chat.AnswerPlainlyUntil(s => s.Step == "rf-no-improvement");

        Assert.DoesNotContain("rf-getting-worse", asked);
        chat.Send("hetzelfde of erger");
        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-no-improvement"].YesNo);
    }

    [Theory]
    [InlineData("nl", "hetzelfde of erger", YesNo.Yes)]
    [InlineData("nl", "beter geworden", YesNo.No)]
    [InlineData("nl", "weet ik niet", YesNo.Unknown)]
    [InlineData("en", "the same or worse", YesNo.Yes)]
    [InlineData("en", "got better", YesNo.No)]
    public void TheEitherOrQuestionOnImprovementHasButtonsThatSayWhatTheyAnswer(string culture, string button, YesNo expected)
    {
        var chat = AtBackQuestion(culture, "rf-no-improvement");

        Assert.Contains(button, chat.LastTurn!.Replies[^1].Choices.Select(c => c.Label));
        chat.Send(button);

        Assert.Equal(expected, chat.State.Answers["rf-no-improvement"].YesNo);
    }

    // A thrombosis of last year, told to the question about one now, is no clean no: the GP within a day, no massage
    // before that. One of ten years ago in a message with no such question stays history.
    [Theory]
    [InlineData("en", "right calf", "I had a DVT in that leg last year")]
    [InlineData("nl", "rechterkuit", "ik heb vorig jaar trombose in dat been gehad")]
    public void AThrombosisOfLastYearIsNoCleanNoToTheThrombosisQuestion(string culture, string place, string told)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", place, "2 weeks", "4", "a little"] : [.. Welcome, place, "2 weken", "4", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "rf-calf-thrombosis");

        chat.Send(told);

        Assert.Equal(YesNo.Unknown, chat.State.Answers["rf-calf-thrombosis"].YesNo);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        Assert.Equal("T3", chat.State.Outcome!.Urgency);
        Assert.DoesNotContain("massage", chat.State.Outcome.Routes);
    }

    // "Go back" in a first clause of its own goes back, whatever the rest says; "back" in an answer does not.
    [Theory]
    [InlineData("en", "go back, I want to change my answer", true)]
    [InlineData("nl", "ga terug, ik wil mijn antwoord veranderen", true)]
    [InlineData("en", "no, my back is fine otherwise", false)]
    public void BackInAFirstClauseOfItsOwnGoesBack(string culture, string message, bool back)
    {
        var chat = AtBackQuestion(culture, "rf-fever");
        var before = chat.State.History[^2];

        chat.Send(message);

        Assert.Equal(back, chat.State.Step == before);
    }

    // "Nergens" with a sign told after it is no relaxation wish: the sign is noted and where it is asked.
    [Theory]
    [InlineData("nl", "eigenlijk nergens, maar mijn rechterbeen wordt steeds slapper", "leg-weakness")]
    [InlineData("en", "nowhere really, but my right leg keeps getting weaker", "leg-weakness")]
    public void NowhereWithASignToldAfterItIsAComplaintAfterAll(string culture, string told, string sign)
    {
        var chat = Started(culture);

        chat.Send(told);

        Assert.False(chat.State.Answers.TryGetValue("location", out var place) && place.Locations is [{ Code: "no-complaint" }]);
        Assert.Equal(YesNo.Yes, chat.State.Answers[$"rf-{sign}"].YesNo);
    }

    // "Nergens" with a context told after it stays the wish to relax.
    [Theory]
    [InlineData("nl", "nergens, ik wil gewoon ontspannen want ik zit de hele dag achter een bureau")]
    [InlineData("en", "nowhere, I just want to relax after running my marathon")]
    public void NowhereWithAContextToldAfterItIsNoComplaint(string culture, string told)
    {
        var chat = Started(culture);

        chat.Send(told);

        Assert.Equal("no-complaint", chat.State.Answers["location"].Locations.Single().Code);
    }

    // A faint of long ago is history: no 112, and the questions go on.
    [Theory]
    [InlineData("nl", "als tiener ben ik een keer flauwgevallen")]
    [InlineData("en", "I fainted as a teenager")]
    public void AFaintOfLongAgoIsNoEmergencyAndNoSign(string culture, string told)
    {
        var chat = Started(culture);
        chat.Send(culture == "en" ? "neck, 3 weeks, pain 4" : "nek, 3 weken, pijn 4");

        chat.Send(told);

        Assert.Null(chat.State.Outcome);
        Assert.DoesNotContain(chat.State.Answers.Values, a => a.Evidence.Contains(culture == "en" ? "fainted" : "flauwgevallen", StringComparison.Ordinal) && a.YesNo == YesNo.Yes);
    }

    // A calf described swollen on one side, at the list of what rules out a massage after the thrombosis question got a no:
    // the GP today and no massage.
    [Theory]
    [InlineData("en", "yes, it is hot, red and swollen on one side only")]
    [InlineData("nl", "ja, hij is warm, rood en dik aan één kant")]
    public void ACalfSwollenOnOneSideToldAtTheListAfterANoIsAThrombosisSign(string culture, string told)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "my left calf", "4 days", "6", "moderately"] : [.. Welcome, "linkerkuit", "4 dagen", "6", "best veel"]);
        chat.AnswerPlainlyUntil(s => s.Step == "ci-any");
        Assert.Equal(YesNo.No, chat.State.Answers["rf-calf-thrombosis"].YesNo);

        chat.Send(told);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.Equal("T2", chat.State.Outcome!.Urgency);
        Assert.DoesNotContain("massage", chat.State.Outcome.Routes);
    }

    // A length in the other language is read in it, where a vague one is asked about in this one.
    [Theory]
    [InlineData("en", "sinds 2 maanden", 60)]
    [InlineData("en", "al 3 weken", 21)]
    public void ALengthInTheOtherLanguageIsReadInIt(string culture, string told, int days)
    {
        var chat = Started(culture).Send("lower back").AssertStep("duration");

        chat.Send(told).AssertStep("pain");

        Assert.Equal(days * 86400L, chat.State.Answers["duration"].Seconds);
        Started(culture).Send("lower back").Send("sinds een tijdje").AssertStep("duration");
    }

    // "Vlaams" chooses Dutch; "geen zin in niks" is little interest nearly every day.
    [Fact]
    public void FlemishIsDutchAndNoInterestInAnythingIsNearlyEveryDay()
    {
        var chat = Conversation.Start().SendAll("nee", "ja").AssertStep("language");
        chat.Send("vlaams").AssertStep("location");
        Assert.Equal("nl", chat.State.Culture);

        chat.SendAll("nek", "3 weken", "4", "een beetje").AnswerPlainlyUntil(s => s.Step == "phq-interest");
        chat.Send("geen zin in niks");

        Assert.Equal("nearly-every-day", chat.State.Answers["phq-interest"].Choice);
    }

    // A side alone said as a correction at a later question is the one place's side; the question is asked again.
    [Theory]
    [InlineData("nl", "pijn in mn rechterschouder", "nee wacht, het is links", "Ik pas het aan: schouder (links).")]
    [InlineData("en", "right shoulder", "sorry, it's the left one", "I have changed it: shoulder (left).")]
    public void ASideAloneSaidAsACorrectionLaterIsThePlacesSide(string culture, string place, string correction, string reply)
    {
        var chat = Started(culture).Send(place).AssertStep("duration");

        chat.Send(correction).AssertReply(reply).AssertStep("duration");

        Assert.Equal(BodySide.Left, chat.State.Answers["location"].Locations.Single().Side);
        Assert.Equal(0, chat.State.Misses);
        chat.Send(culture == "en" ? "left" : "links").AssertStep("duration");
        Assert.Equal(1, chat.State.Misses);
    }

    // A slip of the button takes back the answer just given: the question before is asked once more.
    [Theory]
    [InlineData("nl", "oeps, verkeerde knop, ik bedoelde nee")]
    [InlineData("en", "oops, wrong button, I meant no")]
    public void AWrongButtonTakesBackTheAnswerBefore(string culture, string slip)
    {
        var chat = AtBackQuestion(culture, "rf-fever");
        chat.Send(culture == "en" ? "yes" : "ja");
        Assert.NotEqual("rf-fever", chat.State.Step);

        chat.Send(slip).AssertStep("rf-fever");
    }

    // "Go back" whose rest corrects an answer with what it names puts that answer right where the person is; a length
    // said without a correction word still goes back.
    [Theory]
    [InlineData("en", "go back, I meant my right shoulder", "I have changed it: shoulder (right).", "right", 21)]
    [InlineData("nl", "terug, ik bedoelde mijn rechterschouder", "Ik pas het aan: schouder (rechts).", "right", 21)]
    [InlineData("en", "go back, sorry, I meant 3 months", "I have changed it: 3 months.", "left", 90)]
    public void GoBackWithACorrectionPutsTheAnswerRight(string culture, string message, string reply, string side, int days)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "left shoulder", "3 weeks"] : [.. Welcome, "linkerschouder", "3 weken"]);
        chat.AssertStep("pain");

        chat.Send(message).AssertReply(reply).AssertStep("pain");

        Assert.Equal(side, chat.State.Answers["location"].Locations.Single().Side.ToString().ToLowerInvariant());
        Assert.Equal(days * 86400L, chat.State.Answers["duration"].Seconds);
        chat.Send(culture == "en" ? "go back, it was 3 months" : "terug, het was 3 maanden").AssertStep("duration");
    }

    // A place told with how long is the complaint's too: it joins the places named before, here at the first question.
    [Theory]
    [InlineData("nl", "onderrug al 3 dagen", "Ik noteer: 3 dagen en schouder, onderrug.")]
    [InlineData("en", "lower back for 3 days", "Noted: 3 days and shoulder, lower back.")]
    public void APlaceToldWithHowLongJoinsThePlacesNamedBefore(string culture, string message, string note)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no, but my shoulder is stiff", "yes", "english"] : ["nee, wel last van mijn schouder", "ja", "nederlands"]);
        chat.AssertStep("duration");

        chat.Send(message).AssertReply(note).AssertStep("pain");

        Assert.Equal(["shoulder", "lower-back"], chat.State.Answers["location"].Locations.Select(l => l.Code));
        Assert.Equal(3 * 86400L, chat.State.Answers["duration"].Seconds);
    }

    // Of two lengths, one in a clause that says the complaint got worse is since when it did, not how long it has lasted.
    [Theory]
    [InlineData("nl", "rugpijn sinds 2 dagen erger, begon 3 weken geleden", 21)]
    [InlineData("nl", "onderrug, erger sinds gisteren, begonnen 3 weken geleden", 21)]
    [InlineData("en", "lower back, worse since yesterday, started 3 weeks ago", 21)]
    [InlineData("en", "lower back for 3 weeks, not worse since yesterday", 21)]
    [InlineData("nl", "rugpijn, sinds 2 dagen", 2)]
    public void ALengthOfAWorseningIsNotHowLongTheComplaintHasLasted(string culture, string message, int days)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertStep("pain");

        Assert.Equal(days * 86400L, chat.State.Answers["duration"].Seconds);
    }

    [Theory]
    [InlineData("en", "it hurts 24/7")]
    [InlineData("nl", "het doet 24/7 pijn")]
    public void AroundTheClockIsNoPainScore(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"]).AssertStep("pain");

        chat.Send(message).AssertStep("pain");

        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    // Scores written as a school grade: two with a slash are a range, read as its upper end ("6/7" elsewhere may be six
    // days), and a minus is the same number ("zes min" elsewhere may be six minutes).
    [Theory]
    [InlineData("nl", "een 6/7", 7)]
    [InlineData("nl", "een zes min", 6)]
    [InlineData("nl", "6 min.", 6)]
    [InlineData("nl", "6/7", 7)]
    [InlineData("en", "like a 5/6", 6)]
    [InlineData("nl", "7/10", 7)]
    public void ScoresWrittenAsAGradeAreRead(string culture, string message, double score)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"]).AssertStep("pain");

        chat.Send(message);

        Assert.Equal(score, chat.State.Answers["pain"].Number);
    }

    [Fact]
    public void MinutesToThePainQuestionAreNoScore()
    {
        var chat = Conversation.Start("nl").SendAll([.. Welcome, "onderrug", "3 weken"]).AssertStep("pain");

        chat.Send("het begon 5 min geleden").AssertStep("pain");

        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    // A stop in a first clause of its own stops, whatever the rest says.
    [Theory]
    [InlineData("en", "forget it, i'll just call the practice")]
    [InlineData("nl", "laat maar, ik bel de praktijk wel")]
    public void StopInAFirstClauseOfItsOwnStops(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message).AssertStep(TriageEngine.StoppedStep);
    }

    [Theory]
    [InlineData("nl", "laat maar, het is eigenlijk al 3 maanden")]
    [InlineData("en", "forget it, it's actually been 3 months")]
    public void AStopFollowedByACorrectionIsNone(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-fever");

        chat.Send(message);

        Assert.NotEqual(TriageEngine.StoppedStep, chat.State.Step);
    }

    // A score in words beside a don't-know is no score: the question is asked again, asking for a usual day.
    [Theory]
    [InlineData("nl", "geen idee, wisselt heel erg")]
    [InlineData("en", "no idea, it varies a lot, sometimes really bad")]
    public void AScoreInWordsBesideADontKnowIsNoScore(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck", "5 weeks"] : [.. Welcome, "nek", "5 weken"]).AssertStep("pain");

        chat.Send(message);

        chat.AssertStep("pain");
        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    // A stop at a question about mood ("i give up" to whether they feel hopeless) names 113 as well; elsewhere it does not.
    [Theory]
    [InlineData("en", "phq-down", "i give up", true)]
    [InlineData("nl", "gad-worry", "ik stop", true)]
    [InlineData("en", "rf-fever", "i give up", false)]
    [InlineData("nl", "rf-bladder-bowel", "laat maar, ik hoef niet meer", false)]
    [InlineData("nl", "rf-fever", "hou maar op", false)]
    [InlineData("en", "rf-fever", "never mind", false)]
    public void AStopAtAMoodQuestionNames113(string culture, string step, string stop, bool named)
    {
        var chat = AtBackQuestion(culture, step).AssertStep(step);

        chat.Send(stop);

        Assert.Equal(TriageEngine.StoppedStep, chat.State.Step);
        Assert.Equal(named, chat.LastTurn!.Replies.Any(r => r.Text.Contains("0800-0113", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("nl", "ik wil niet meer leven", "ik wil niet verder")]
    [InlineData("en", "I want to kill myself", "stop")]
    public void AStopAfterTheSuicidePreventionAdviceNames113Again(string culture, string message, string stop)
    {
        string[] start = culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"];
        var chat = Conversation.Start(culture).SendAll(start).Send(message).AssertStep(TriageEngine.EmergencyStep);

        chat.Send(stop);

        Assert.Equal(TriageEngine.StoppedStep, chat.State.Step);
        Assert.Contains(chat.LastTurn!.Replies, r => r.Text.Contains("0800-0113", StringComparison.Ordinal));
    }

    // Suicidal words told of someone else get the 113 advice for those close to them, and a no to going on is no sign of
    // being unsafe; the person's own words keep the advice to them.
    [Theory]
    [InlineData("nl", "mijn zus heeft suïcidale gedachten", "Wat naar dat je je zorgen maakt om iemand")]
    [InlineData("nl", "mijn zoon zegt dat hij dood wil", "Wat naar dat je je zorgen maakt om iemand")]
    [InlineData("en", "my son says he wants to die", "I am sorry you are worried about someone")]
    [InlineData("en", "my teenage son wants to die", "I am sorry you are worried about someone")]
    [InlineData("nl", "mijn puber wil dood", "Wat naar dat je je zorgen maakt om iemand")]
    [InlineData("en", "my wife is talking about killing herself", "I am sorry you are worried about someone")]
    [InlineData("nl", "mijn moeder zegt dat ik zelfmoordgedachten heb", "Wat naar dat je je zo voelt")]
    [InlineData("en", "my husband says i talk about wanting to die", "I am sorry you feel this way")]
    [InlineData("en", "i want to die", "I am sorry you feel this way")]
    [InlineData("en", "he says he wants to die", "I am sorry you are worried about someone")]
    [InlineData("en", "she keeps saying she wants to kill herself", "I am sorry you are worried about someone")]
    [InlineData("nl", "hij zegt dat hij dood wil", "Wat naar dat je je zorgen maakt om iemand")]
    [InlineData("nl", "ze wil dood", "Wat naar dat je je zorgen maakt om iemand")]
    [InlineData("nl", "wil dood", "Wat naar dat je je zo voelt")]
    [InlineData("en", "he says i want to die", "I am sorry you feel this way")]
    [InlineData("nl", "ze zeggen dat ik dood wil", "Wat naar dat je je zo voelt")]
    public void SuicidalWordsOfSomeoneElseGetTheAdviceForThoseCloseToThem(string culture, string message, string advice)
    {
        string[] start = culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"];
        var chat = Conversation.Start(culture).SendAll(start).Send(message).AssertStep(TriageEngine.EmergencyStep);

        Assert.StartsWith(advice, chat.LastTurn!.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("0800-0113", chat.LastTurn.Replies[0].Text, StringComparison.Ordinal);
        Assert.True(chat.State.Outcome!.Emergency);
        var theirs = advice.StartsWith("Wat naar dat je je zorgen", StringComparison.Ordinal) || advice.StartsWith("I am sorry you are worried", StringComparison.Ordinal);
        Assert.Equal(theirs ? "emergency-suicide-someone-else" : "emergency-suicide", chat.State.Outcome.Reasons[0].Rule);

        chat.Send(culture == "en" ? "no" : "nee").AssertStep(TriageEngine.EmergencyStep);
        Assert.Contains("0800-0113", chat.LastTurn!.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(theirs, chat.LastTurn.Replies[0].Text.Contains(culture == "en" ? "someone close" : "als naaste", StringComparison.Ordinal));
        chat.Send(culture == "en" ? "continue" : "verder").AssertStep("pain");
    }

    // After the 113 advice asks whether they are safe, "not safe" gets 112 first, plainly; a plain no gets the numbers
    // as before.
    [Theory]
    [InlineData("nl", "ik wil niet meer leven", "nee, ik voel me niet veilig", "Bel nu 112.")]
    [InlineData("en", "I want to kill myself", "no I'm not safe", "Call 112 now.")]
    [InlineData("nl", "ik wil er eigenlijk een einde aan maken", "ik voel me niet zo veilig", "Bel nu 112.")]
    [InlineData("en", "i want to end things", "i'm in danger", "Call 112 now.")]
    public void NotSafeAfterTheSuicidePreventionAdviceGets112First(string culture, string message, string unsafeNow, string first)
    {
        string[] start = culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"];
        var chat = Conversation.Start(culture).SendAll(start).Send(message).AssertStep(TriageEngine.EmergencyStep);

        chat.Send(unsafeNow);

        Assert.StartsWith(first, chat.LastTurn!.Replies[0].Text, StringComparison.Ordinal);
        chat.Send(culture == "en" ? "no" : "nee");
        Assert.DoesNotContain(chat.LastTurn!.Replies, r => r.Text.StartsWith(first, StringComparison.Ordinal));
        Assert.Contains(chat.LastTurn!.Replies, r => r.Text.Contains("0800-0113", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "ik word gek van de pijn, ik wil dood", "verder", "Goed, we gaan verder.")]
    [InlineData("nl", "ik wil niet meer leven", "verder met de vragen", "Goed, we gaan verder.")]
    [InlineData("en", "I want to kill myself", "continue", "Alright, let's go on.")]
    public void GoesOnWithTheQuestionsAfterTheSuicidePreventionAdviceWhenThePersonWantsTo(string culture, string message, string goOn, string resumed)
    {
        string[] first = culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"];
        var chat = Conversation.Start(culture).SendAll(first).AssertStep("pain");

        chat.Send(message)
            .AssertReplyContains("0800-0113")
            .AssertReply(r => Assert.Equal(["continue"], r.Choices.Select(c => c.Code)))
            .AssertNoReply();
        chat.Send(culture == "en" ? "what do you mean" : "wat bedoel je")
            .AssertReplyContains("0800-0113")
            .AssertReply(r => Assert.Single(r.Choices))
            .AssertStep(TriageEngine.EmergencyStep);
        chat.Send(goOn).AssertReplyContains(resumed).AssertReplyContains(culture == "en" ? "How much pain" : "Hoeveel pijn").AssertStep("pain");
        Assert.Null(chat.State.Outcome);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var outcome = chat.State.Outcome!;
        Assert.False(outcome.Emergency);
        Assert.Equal("suicide-advice-earlier", outcome.Reasons[0].Rule);
        Assert.Contains("0800-0113", outcome.Reasons[0].Text, StringComparison.Ordinal);
        Assert.True(chat.State.ContinuedAfterSuicideAdvice);

        // The GP within a day, not "you do not need to see a GP first".
        Assert.Equal("T3", outcome.Urgency);
        Assert.Contains("gp", outcome.Routes);
    }

    [Theory]
    [InlineData("nl", "ja", true)]
    [InlineData("nl", "ja ik ben veilig", true)]
    [InlineData("nl", "oké, verder maar", true)]
    [InlineData("en", "yes I'm safe", true)]
    [InlineData("nl", "nee", false)]
    [InlineData("nl", "nee ik ben niet veilig", false)]
    [InlineData("en", "no I'm not safe", false)]
    public void AYesToWhetherThePersonIsSafeGoesOnAndANoGivesTheNumbersAgain(string culture, string answer, bool goesOn)
    {
        string[] first = culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"];
        var chat = Conversation.Start(culture).SendAll(first).Send(culture == "en" ? "I don't want to be here anymore" : "ik wil er niet meer zijn");

        chat.Send(answer);

        if (goesOn)
        {
            chat.AssertStep("pain");
            Assert.Null(chat.State.Outcome);
            return;
        }

        chat.AssertReply(r =>
        {
            Assert.Contains("0800-0113", r.Text, StringComparison.Ordinal);
            Assert.Contains("112", r.Text, StringComparison.Ordinal);
        }).AssertNoReply().AssertStep(TriageEngine.EmergencyStep);
        Assert.True(chat.State.Outcome!.Emergency);
    }

    [Theory]
    [InlineData("nl", "ik ben niet suïcidaal, gewoon moe van de pijn")]
    [InlineData("nl", "geen zelfmoordgedachten hoor")]
    [InlineData("en", "I'm not suicidal, just tired of the pain")]
    [InlineData("en", "no suicidal thoughts")]
    public void ASuicidalWordDeniedInSoManyWordsIsNoEmergency(string culture, string message)
    {
        string[] first = culture == "en" ? ["no", "yes", "english", "lower back", "3 weeks"] : [.. Welcome, "onderrug", "3 weken"];
        var chat = Conversation.Start(culture).SendAll(first);

        chat.Send(message);

        Assert.Null(chat.State.Outcome);
        Assert.NotEqual(TriageEngine.EmergencyStep, chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "mijn rug doet al 3 maanden pijn en eerlijk gezegd zie ik het soms niet meer zitten", "ja")]
    [InlineData("en", "my lower back hurts for 3 months and honestly sometimes I think I'd be better off dead", "continue")]
    public void KeepsWhatTheMessageWithTheSuicidalWordsToldAboutTheComplaint(string culture, string message, string goOn)
    {
        var chat = Started(culture);

        chat.Send(message).AssertReplyContains("0800-0113");
        chat.Send(goOn).AssertStep("pain");

        Assert.Equal([new BodyLocation("lower-back", BodySide.Unspecified)], chat.State.Answers["location"].Locations);
        Assert.Equal(3 * 2_592_000L, chat.State.Answers["duration"].Seconds);
    }

    [Fact]
    public void AtAYesNoQuestionTheWordsOfDespairAnswerNothing()
    {
        var chat = AtBackQuestion("nl", "rf-night-pain");

        chat.Send("ik wil niet meer leven").AssertReplyContains("0800-0113");
        chat.Send("ja").AssertStep("rf-night-pain");

        Assert.False(chat.State.Answers.ContainsKey("rf-night-pain"));
    }

    // Going on after the 113 advice: the result's reasons for it quote the words that led to it.
    [Fact]
    public void TheResultAfterGoingOnQuotesTheWordsThatLedToThe113Advice()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken"]).Send("ik wil er niet meer zijn").Send("verder").AssertStep("pain");

        chat.SendAll("5", "matig").AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        var reasons = chat.State.Outcome!.Reasons.Where(r => r.Rule.StartsWith("suicide", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Equal(["ik wil er niet meer zijn"], r.Evidence));
    }

    [Fact]
    public void InterruptsAgainWhenSuicidalThoughtsComeBackAfterGoingOn()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken"]).Send("ik wil dood").Send("verder").AssertStep("pain");

        chat.Send("ik wil echt niet meer leven").AssertReplyContains("0800-0113");

        Assert.True(chat.State.Outcome!.Emergency);
        Assert.Equal(TriageEngine.EmergencyStep, chat.State.Step);
    }

    [Fact]
    public void DoesNotGoOnAfterTheAdviceToCall112()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken"]).Send("ik heb opeens hele erge pijn op de borst");

        chat.Send("verder").AssertReplyContains("Bel nu 112").AssertReplyContains("opnieuw").AssertNoReply();

        Assert.True(chat.State.Outcome!.Emergency);
        Assert.Equal(TriageEngine.EmergencyStep, chat.State.Step);
    }

    [Fact]
    public void VerderIsNoCommandWhileAQuestionWaits()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken"]);

        chat.Send("verder").AssertStep("pain");

        Assert.False(chat.State.ContinuedAfterSuicideAdvice);
        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🙂🙂🙂")]
    [InlineData("asdkjh qwpoeiru zxmcnv")]
    [InlineData("‏مرحبا بالعالم‎")]
    public void ReasksWithAnExampleWhenNothingIsUnderstood(string message)
    {
        Conversation.Start().SendAll(Welcome).Send(message)
            .AssertReply("Dat begreep ik niet helemaal. Noem de plek, bijvoorbeeld 'onderrug', 'nek' of 'linkerkuit'. Heb je nergens last van en wil je vooral ontspannen, zeg dan 'nergens'.")
            .AssertReplyContains("Waar heb je last van?")
            .AssertStep("location");
    }

    [Fact]
    public void OffersAWayOutOnTheThirdMessageInARowThatIsNotUnderstood()
    {
        const string Stuck = "Het lukt me nog niet om je antwoord te begrijpen. Noem de plek, bijvoorbeeld 'onderrug', 'nek' of 'linkerkuit'. Heb je nergens last van en wil je vooral ontspannen, zeg dan 'nergens'. Typ 'help'";
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("blorf").AssertReplyContains("Dat begreep ik niet helemaal.")
            .Send("zinkel").AssertReplyContains("Dat begreep ik niet helemaal.")
            .Send("qwerty").AssertReply(r =>
            {
                Assert.StartsWith(Stuck, r.Text, StringComparison.Ordinal);
                Assert.Contains("huisarts", r.Text, StringComparison.Ordinal);
                Assert.EndsWith("Bij spoed bel je 112.", r.Text, StringComparison.Ordinal);
            })
            .AssertReplyContains("Waar heb je last van?").AssertStep("location");
        Assert.Equal(3, chat.State.Misses);

        chat.Send("blorf").AssertReplyContains("Dat begreep ik niet helemaal.")
            .Send("zinkel").AssertReplyContains("Dat begreep ik niet helemaal.")
            .Send("qwerty").AssertReplyContains("Het lukt me nog niet");
    }

    [Fact]
    public void AnUnderstoodMessageStartsTheCountOfMessagesNotUnderstoodAgain()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "blorf", "zinkel", "nek"]);
        Assert.Equal(0, chat.State.Misses);

        chat.Send("blorf").AssertReplyContains("Dat begreep ik niet helemaal.")
            .Send("zinkel").AssertReplyContains("Dat begreep ik niet helemaal.")
            .Send("help").AssertReplyContains("Ik stel je een paar vragen");
        Assert.Equal(0, chat.State.Misses);

        chat.Send("qwerty").AssertReplyContains("Dat begreep ik niet helemaal.");
        Assert.Equal(1, chat.State.Misses);
    }

    [Fact]
    public void AGreetingIsSaidBackAndTheQuestionAskedAgain()
    {
        var chat = Conversation.Start();
        var first = chat.State.Step;

        // The chat page asks its first question before the person types; "Hallo!" is not an answer it failed to read.
        chat.Send("Hallo!").AssertReply("Hallo!").AssertReply(r => Assert.StartsWith("Eerst even dit", r.Text, StringComparison.Ordinal)).AssertNoReply();
        Assert.Equal(first, chat.State.Step);
        Assert.Empty(chat.State.Answers);

        chat.Send("blorf").Send("goedemorgen").AssertReply("Hallo!");
        Assert.Equal(0, chat.State.Misses);

        Conversation.Start("en").Send("good morning").AssertReply("Hello!");
    }

    [Fact]
    public void ThanksAreAnsweredDuringTheTriageAndAfterTheResultButNotAfterEmergencyAdvice()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);
        var before = chat.State.Answers;
        chat.Send("bedankt").AssertReply("Graag gedaan!").AssertReply("Hoe lang heb je er al last van?").AssertNoReply();
        Assert.Equal(before, chat.State.Answers);
        chat.AssertStep("duration");

        Conversation.Start("en").Send("thank you").AssertReply("You're welcome!");

        var stopped = Conversation.Start().SendAll([.. Welcome, "stop"]);
        Assert.NotNull(stopped.State.Outcome);
        stopped.Send("dank je wel!").AssertReply("Graag gedaan, en beterschap!").AssertReply(ShippedDialogs.Value.Texts.Get("stopped.again", "nl")).AssertNoReply();

        var emergency = Conversation.Start().Send("ja");
        var advice = emergency.LastTurn!.Replies[^1].Text;
        emergency.Send("bedankt").AssertReply(advice);
    }

    [Fact]
    public void HowManyQuestionsAreLeftIsTheUsualWayThroughCounted()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]).AssertStep("duration");
        var before = chat.State;

        chat.Send("hoeveel vragen nog?");
        var said = chat.LastTurn!.Replies[0].Text;
        Assert.StartsWith("Nog ongeveer ", said, StringComparison.Ordinal);
        Assert.Contains("Hoe lang heb je er al last van?", chat.LastTurn.Replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(before.Answers, chat.State.Answers);
        chat.AssertStep("duration");
        var left = int.Parse(said["Nog ongeveer ".Length..said.IndexOf(' ', "Nog ongeveer ".Length)], CultureInfo.InvariantCulture);

        // Answered the plainest way (no, the first choice, no pain), the result comes after exactly that many questions.
        var asked = chat.AnswerPlainlyUntil(_ => false).Count;

        Assert.Equal(left, asked);
    }

    [Fact]
    public void HowManyQuestionsAreLeftAtTheLastOneAndInEnglish()
    {
        var english = Conversation.Start("en").Send("how many more questions?");
        Assert.StartsWith("About ", english.LastTurn!.Replies[0].Text, StringComparison.Ordinal);

        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "1 week", "0", "helemaal niet"]);
        chat.AnswerPlainlyUntil(s => s.Step == "earlier-care");
        chat.AssertStep("earlier-care").Send("hoe lang duurt dit nog").AssertReply("Dit is de laatste vraag, als er niets bijzonders naar voren komt.");

        // After the result the question is read as any other message.
        chat.Send("nee");
        Assert.NotNull(chat.State.Outcome);
        chat.Send("hoeveel vragen nog").AssertReply(r => Assert.DoesNotContain("ongeveer", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void AGreetingBesideAnAnswerIsTheAnswerAndAfterTheResultNoGreeting()
    {
        var chat = Conversation.Start();
        var first = chat.State.Step;
        chat.Send("hoi, nee");
        Assert.Equal(YesNo.No, chat.State.Answers[first].YesNo);
        Assert.NotEqual(first, chat.State.Step);

        // Once the result is given, a greeting gets what any other message then gets: here the emergency advice again.
        var emergency = Conversation.Start().Send("ja");
        Assert.NotNull(emergency.State.Outcome);
        var advice = emergency.LastTurn!.Replies[^1].Text;
        emergency.Send("hallo").AssertReply(advice);

        // While an erasure is checked, a greeting is read as any answer but yes: nothing is erased, and the triage goes on.
        var erasing = Conversation.Start().SendAll(Welcome).Send("verwijder mijn gegevens");
        Assert.Equal(TriageEngine.EraseStep, erasing.State.Step);
        erasing.Send("hallo");
        Assert.False(erasing.LastTurn!.EraseRequested);
        Assert.DoesNotContain(erasing.LastTurn.Replies, r => r.Text == "Hallo!");
        erasing.AssertStep("location");
    }

    [Fact]
    public void CountsMessagesNotUnderstoodWhileAVeryUrgentAnswerIsChecked()
    {
        var chat = Conversation.Start().SendAll([.. FirstAnswers, "een beetje", "ja"]);
        Assert.Equal(TriageEngine.ConfirmStep, chat.State.Step);

        chat.SendAll("blorf", "zinkel").Send("qwerty")
            .AssertReply("Het lukt me nog niet om je antwoord te begrijpen. Je kunt antwoorden met ja, nee of weet ik niet. Typ 'help' voor uitleg of 'stop' om te stoppen. Wil je liever iemand spreken, bel dan de praktijk; twijfel je over je klachten, bel je huisarts. Bij spoed bel je 112.")
            .AssertReplyContains("Klopt het dat");
    }

    [Fact]
    public void NotesAMentionThatAnswersTwoQuestionsOnceByItsWords()
    {
        var chat = AtContraindications();

        chat.Send("ja, botontkalking").AssertReply("Ik noteer: botontkalking.");

        Assert.Equal(YesNo.Yes, chat.State.Answers["ci-osteoporosis"].YesNo);
    }

    private static Conversation AtContraindications()
    {
        var chat = AtRedFlags();
        chat.AnswerPlainlyUntil(s => s.Step == "ci-any");
        return chat.AssertStep("ci-any");
    }

    [Fact]
    public void NamingAContraindicationAnswersTheScreenAndItsOwnQuestion()
    {
        var chat = AtContraindications();

        chat.Send("ik gebruik bloedverdunners").AssertReply("Ik noteer: bloedverdunners.").AssertReplyContains("trombose");
        Assert.Equal(YesNo.Yes, chat.State.Answers["ci-any"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["ci-blood-thinners"].YesNo);

        chat.AnswerPlainlyUntil(_ => false);

        Assert.Contains("blood-thinners", chat.State.Outcome!.Contraindications);
        Assert.DoesNotContain("deep-tissue", chat.State.Outcome.MassageTypes);
    }

    [Fact]
    public void AScreenIsAYesWhenAnyNamedContraindicationIsNotDeniedAndANoWhenAllAre()
    {
        var mixed = AtContraindications().Send("geen bloedverdunners, wel zwanger").AssertReply("Ik noteer: zwanger en geen bloedverdunners.");
        Assert.Equal((YesNo.Yes, YesNo.No, YesNo.Yes), (mixed.State.Answers["ci-any"].YesNo, mixed.State.Answers["ci-blood-thinners"].YesNo, mixed.State.Answers["ci-pregnancy"].YesNo));

        var denied = AtContraindications().Send("nee, geen bloedverdunners").AssertReply("Ik noteer: geen bloedverdunners.");
        Assert.Equal(YesNo.No, denied.State.Answers["ci-any"].YesNo);
        Assert.StartsWith("phq", denied.State.Step, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOperationWithItsTimeAnswersTheSurgeryQuestionByTheSixWeeks()
    {
        var recent = AtContraindications().Send("ik ben 3 weken geleden geopereerd").AssertReply("Ik noteer: 3 weken geleden geopereerd.").AssertReplyContains("trombose");
        Assert.Equal((YesNo.Yes, YesNo.Yes), (recent.State.Answers["ci-any"].YesNo, recent.State.Answers["ci-surgery"].YesNo));

        // Long ago is a no to the surgery question, noted as said; whether the rest of the screen applies is still
        // unknown, so its questions come (the surgery one is answered).
        var old = AtContraindications().Send("ik ben vorig jaar geopereerd").AssertReply("Ik noteer: vorig jaar geopereerd.").AssertReplyContains("trombose");
        Assert.Equal((YesNo.Unknown, YesNo.No), (old.State.Answers["ci-any"].YesNo, old.State.Answers["ci-surgery"].YesNo));
        for (var i = 0; i < 10 && old.State.Step.StartsWith("ci-", StringComparison.Ordinal); i++)
        {
            Assert.NotEqual("ci-surgery", old.State.Step);
            old.Send("nee");
        }

        Assert.StartsWith("phq", old.State.Step, StringComparison.Ordinal);

        // A yes beside it stays a yes.
        var yes = AtContraindications().Send("ja, ik ben vorig jaar geopereerd");
        Assert.Equal((YesNo.Yes, YesNo.No), (yes.State.Answers["ci-any"].YesNo, yes.State.Answers["ci-surgery"].YesNo));

        var never = AtContraindications().Send("ik ben nooit geopereerd").AssertReply("Ik noteer: nooit geopereerd.");
        Assert.Equal(YesNo.No, never.State.Answers["ci-surgery"].YesNo);
    }

    [Fact]
    public void AnOperationWithoutATimeIsNotReadAsEither()
    {
        var chat = AtContraindications().Send("ik ben geopereerd");

        Assert.False(chat.State.Answers.ContainsKey("ci-surgery"));
        chat.AssertStep("ci-any");
    }

    [Theory]
    [InlineData("back")]
    [InlineData("Back.")]
    public void BackToWhereTheComplaintIsIsThePlaceNotTheCommand(string message)
    {
        var chat = Conversation.Start("en").SendAll(["no", "yes", "english"]).AssertStep("location");

        chat.Send(message).AssertReply("Noted: lower back.").AssertReplyContains("How long").AssertStep("duration");

        Assert.Equal("lower-back", Assert.Single(chat.State.Answers["location"].Locations).Code);
        chat.Send("back").AssertStep("location");
    }

    [Theory]
    [InlineData("nl", "I don't speak Dutch", "en")]
    [InlineData("nl", "english please", "en")]
    [InlineData("en", "ik spreek geen Engels", "nl")]
    public void ALanguageAskedForBeforeTheLanguageQuestionAnswersIt(string start, string message, string culture)
    {
        var chat = Conversation.Start(start);

        chat.Send(message);
        chat.SendAll(start == "en" ? ["no", "yes"] : ["nee", "ja"]);

        Assert.Equal(culture, chat.State.Culture);
        Assert.Equal(culture, chat.State.Answers["language"].Choice);
        chat.AssertStep("location");
    }

    [Theory]
    [InlineData("verwijder mijn data")]
    [InlineData("ik wil dat je alles wist")]
    [InlineData("please erase everything")]
    [InlineData("actually, please delete my data")]
    [InlineData("could you delete my data please?")]
    [InlineData("ik wil graag mijn gegevens verwijderen")]
    [InlineData("kunnen jullie mijn data verwijderen?")]
    [InlineData("ik wil niet dat jullie dit opslaan, wis alles aub")]
    [InlineData("can you delete my data please, i changed my mind")]
    [InlineData("i want my data deleted")]
    [InlineData("please erase everything i told you")]
    [InlineData("can you forget what i said")]
    [InlineData("vergeet wat ik heb gezegd")]
    [InlineData("ik wil toch niet dat je mijn antwoorden bewaart")]
    [InlineData("ik wil niet dat mijn antwoorden bewaard worden")]
    [InlineData("actually I don't want you to store my answers")]
    public void MoreWaysToAskForErasureAreUnderstood(string message)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);

        chat.Send(message).AssertStep(TriageEngine.EraseStep);
    }

    // "Gisteren pas", "pas vanochtend": when it began, with a word that stresses how recent it is.
    [Theory]
    [InlineData("gisteren pas", 86_400)]
    [InlineData("pas vanochtend", 21_600)]
    public void AStartStressedAsRecentAnswersHowLong(string message, long seconds)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);

        chat.Send(message).AssertStep("pain");

        Assert.Equal(seconds, chat.State.Answers["duration"].Seconds);
    }

    // A correction that tells a sign with its time ("sinds vorige week") tells the sign's time, not the complaint's.
    [Fact]
    public void ACorrectedSignWithATimeLeavesHowLongTheComplaintHasLasted()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken", "5", "matig", "nee", "nee"]);

        chat.Send("oh wacht, plassen gaat eigenlijk wel wat moeilijker sinds vorige week");

        Assert.Equal(3 * 604_800, chat.State.Answers["duration"].Seconds);
        Assert.Contains(chat.State.Answers, a => a.Value.Evidence.Contains("plassen gaat eigenlijk wel wat moeilijker", StringComparison.Ordinal) && a.Value.YesNo == YesNo.Yes);
    }

    // Words to forget what was said, followed by a number or a correction, put an answer right: nothing is erased.
    [Theory]
    [InlineData("nl", "vergeet wat ik zei, het is een 4", 4)]
    [InlineData("en", "forget what i said, it's a 4", 4)]
    [InlineData("en", "forget what I said, actually it's more like six", 6)]
    public void ForgettingWhatWasSaidWithANewAnswerCorrectsIt(string culture, string message, int score)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck", "3 weeks"] : [.. Welcome, "nek", "3 weken"]);
        chat.AssertStep("pain");

        chat.Send(message).AssertStep("bother");

        Assert.Equal(score, chat.State.Answers["pain"].Number);
    }

    // A question about the employer, the price, what the bot is or booking, asked instead of an answer, is answered in a
    // line; the question comes again, and no miss is counted.
    [Theory]
    [InlineData("nl", "ziet mijn werkgever wat ik hier invul?", "Nee. Je werkgever ziet niets van dit gesprek.")]
    [InlineData("en", "will my boss see this?", "No. Your employer sees nothing of this conversation.")]
    [InlineData("nl", "hoeveel kost een massage eigenlijk?", "Over prijzen en wat je verzekering vergoedt")]
    [InlineData("en", "is it covered by my insurance?", "The practice will gladly tell you about prices")]
    [InlineData("nl", "is dit ernstig?", "Dat kan ik niet zeggen, want ik stel geen diagnose.")]
    [InlineData("nl", "wordt dit gedeeld met hr?", "Nee. Je werkgever ziet niets van dit gesprek.")]
    [InlineData("nl", "is dit anoniem?", "Alleen de therapeuten van de praktijk lezen je antwoorden")]
    [InlineData("en", "who can read this?", "Only the practice's therapists read your answers")]
    [InlineData("nl", "moet ik naar de spoedeisende hulp?", "Dat kan ik niet zeggen, want ik stel geen diagnose.")]
    [InlineData("en", "should i see a doctor?", "I can't tell you that, as I don't make a diagnosis.")]
    [InlineData("nl", "kan mijn teamleider dit zien?", "Nee. Je werkgever ziet niets van dit gesprek.")]
    [InlineData("nl", "kan mijn chef dit lezen", "Nee. Je werkgever ziet niets van dit gesprek.")]
    [InlineData("nl", "krijgt mijn werkgever dit te zien", "Nee. Je werkgever ziet niets van dit gesprek.")]
    [InlineData("en", "can my manager read this", "No. Your employer sees nothing of this conversation.")]
    [InlineData("en", "does my boss get to see my answers", "No. Your employer sees nothing of this conversation.")]
    [InlineData("nl", "ben jij een robot?", "Ik ben een geautomatiseerde assistent, geen mens en geen arts.")]
    [InlineData("nl", "ik wil liever met een mens praten", "Wil je liever iemand spreken, bel dan de praktijk.")]
    [InlineData("en", "are you a bot?", "I am an automated assistant, not a person and not a doctor.")]
    [InlineData("nl", "kan ik ook gewoon een afspraak maken?", "Dan zeg ik waar je het beste terechtkunt en of een massage nu past, en maak je de afspraak")]
    [InlineData("en", "can I just book an appointment?", "Then I tell you where best to go and whether a massage fits now, and you book")]
    public void AQuestionAboutTheEmployerOrThePriceIsAnsweredAndTheQuestionAskedAgain(string culture, string message, string reply)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertReplyContains(reply).AssertStep("location");

        Assert.Equal(0, chat.State.Misses);
        chat.Send(culture == "en" ? "neck" : "nek").AssertStep("duration");
    }

    // Such a question in a message that answers too gets its line before the next question; "is dit ernstig?" to how bad
    // gives no score.
    [Theory]
    [InlineData("nl", "hoi, ik chat via teams. mag mijn leidinggevende dit zien? ik zit al een tijdje met rugklachten", "Nee. Je werkgever ziet niets van dit gesprek.", "duration")]
    [InlineData("en", "lower back pain 3 weeks, is this serious?", "I can't tell you that, as I don't make a diagnosis.", "pain")]
    [InlineData("nl", "ik heb sinds 3 weken last van mijn nek door het werk, mijn baas mag hier echt niks van weten hoor", "Nee. Je werkgever ziet niets van dit gesprek.", "pain")]
    [InlineData("en", "neck pain for 3 weeks from work, my manager must not know about this", "No. Your employer sees nothing of this conversation.", "pain")]
    public void AQuestionBesideAnAnswerIsAnsweredToo(string culture, string message, string line, string step)
    {
        var chat = Started(culture);

        chat.Send(message).AssertStep(step);

        var replies = chat.LastTurn!.Replies;
        Assert.Single(replies, r => r.Text.Contains(line, StringComparison.Ordinal));
        Assert.Contains(line, replies[^2].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "ik heb nekpijn sinds 3 weken, mijn baas zegt dat ik te veel zit")]
    [InlineData("en", "neck pain for 3 weeks, my manager says I sit too much")]
    public void TheEmployerNamedWithoutAWorryGetsNoLine(string culture, string message)
    {
        var chat = Started(culture);

        chat.Send(message).AssertStep("pain");

        Assert.DoesNotContain(chat.LastTurn!.Replies, r => r.Text.Contains(culture == "en" ? "Your employer sees nothing" : "Je werkgever ziet niets", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "is dit ernstig? ik ben echt bang dat het iets ergs is")]
    [InlineData("en", "is this serious? it really hurts")]
    public void IsThisSeriousToHowBadIsNoScore(string culture, string message)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["lower back", "2 weeks"] : ["onderrug", "2 weken"]).AssertStep("pain");

        chat.Send(message).AssertStep("pain");

        Assert.False(chat.State.Answers.ContainsKey("pain"));
        Assert.Equal(0, chat.State.Misses);
    }

    // Words of deleting and of data in one message ask before anything goes: a no goes on where the person was.
    [Fact]
    public void AnErasureInOtherWordsIsAskedFirstAndANoGoesOn()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]).AssertStep("duration");

        chat.Send("kunnen jullie mijn data verwijderen?").AssertStep(TriageEngine.EraseStep);
        chat.Send("nee toch niet");

        chat.AssertStep("duration");
        Assert.Equal(["neck"], chat.State.Answers["location"].Locations.Select(l => l.Code));
    }

    [Theory]
    [InlineData("alles doet pijn sinds 2 weken")]
    [InlineData("mijn nek, de fysio heeft alles al geprobeerd")]
    public void DataOrEverythingWithoutAWordToDeleteIsNoErasure(string message)
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send(message);

        Assert.NotEqual(TriageEngine.EraseStep, chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "kunnen we in het engels verder?", "en")]
    [InlineData("en", "can we switch to dutch?", "nl")]
    [InlineData("en", "could we continue in Dutch please", "nl")]
    public void ALanguageAskedForWithPoliteWordsAroundItIsSwitchedTo(string culture, string message, string switchedTo)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck"] : [.. Welcome, "nek"]);

        chat.Send(message).AssertStep("duration");

        Assert.Equal(switchedTo, chat.State.Culture);
    }

    [Theory]
    [InlineData("kun je stoppen met de vragen?")]
    [InlineData("could you stop asking please")]
    public void AStopAskedForWithPoliteWordsStops(string message)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);

        chat.Send(message);

        Assert.Equal(TriageEngine.StoppedStep, chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "ik wil graag een massage")]
    [InlineData("nl", "nu even niet")]
    [InlineData("en", "please, my neck")]
    public void PoliteWordsAloneMakeNoCommand(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message);

        Assert.Equal(culture, chat.State.Culture);
        Assert.NotEqual(TriageEngine.EraseStep, chat.State.Step);
    }

    [Fact]
    public void AMessageOnlyTheOtherLanguageUnderstandsIsTakenAndTheLanguageOfferedOnce()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]).AssertStep("duration");

        chat.Send("about 3 weeks")
            .AssertReply("I read your message as English. Would you rather go on in English? Then type 'english'.")
            .AssertReplyContains("Hoeveel pijn");
        Assert.Equal(3 * DurationResolution.SecondsPerWeek, chat.State.Answers["duration"].Seconds);
        Assert.True(chat.State.OtherLanguageOffered);
        Assert.Equal("nl", chat.State.Culture);

        chat.Send("a 5").AssertReplyContains("Hoeveel last");
        Assert.Equal(5, chat.State.Answers["pain"].Number);

        var english = Conversation.Start("en").SendAll(["no", "yes", "english"]).AssertStep("location");
        english.Send("mijn onderrug").AssertReply("Ik heb je bericht als Nederlands gelezen. Wil je liever in het Nederlands verder? Typ dan 'nederlands'.")
            .AssertReply("Noted: lower back.").AssertReplyContains("How long");
        Assert.Equal("lower-back", Assert.Single(english.State.Answers["location"].Locations).Code);
    }

    [Fact]
    public void AMessageNeitherLanguageUnderstandsIsReaskedWithoutTheOffer()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]).Send("asdf qwerty");

        chat.AssertReplyContains("Dat begreep ik niet helemaal").AssertReplyContains("Hoe lang");
        Assert.False(chat.State.OtherLanguageOffered);

        // English would read "heel" as a place, but the message is Dutch.
        var dutch = Conversation.Start().SendAll(Welcome).Send("het doet heel erg pijn");
        dutch.AssertReplyContains("Dat begreep ik niet helemaal").AssertReplyContains("Waar heb je last");
        Assert.False(dutch.State.Answers.ContainsKey("location"));
    }

    [Fact]
    public void SometimesBeforeASymptomIsAboutThatSymptomNotAYes()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken", "6", "valt mee", "nee", "nee"]).AssertStep("rf-saddle-numbness");

        // Tingling that comes and goes is not the lasting kind the numbness question asks about: that is asked later.
        chat.Send("ik heb soms tintelingen in mijn been");
        chat.AssertStep("rf-saddle-numbness");
        Assert.False(chat.State.Answers.ContainsKey("rf-saddle-numbness"));
        Assert.False(chat.State.Answers.ContainsKey("rf-numbness"));

        // On its own, or before a break, it is still a softened yes.
        chat.Send("soms, vooral 's avonds");
        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-saddle-numbness"].YesNo);
    }

    [Fact]
    public void TheNoInsideASymptomIsNoAnswer()
    {
        var chat = Conversation.Start("en").SendAll(EnglishToTheFirstRedFlag);
        var question = chat.State.Step;

        // Weakness in the leg, noted as said; whether it came suddenly is asked again, never taken as a no.
        chat.Send("no strength in my leg").AssertReply("Noted: no strength in my leg.");
        Assert.Equal(question, chat.State.Step);
        Assert.False(chat.State.Answers.ContainsKey(question));
    }

    // Sudden numbness in the saddle is the saddle sign, which the GP sees today, not a stroke's sudden numbness and 112.
    [Theory]
    [InlineData("nl", "onderrug, niks gedaan opeens doof gevoel in mn kruis", "Ik noteer: onderrug en doof gevoel in mn kruis.")]
    [InlineData("nl", "onderrug, plotseling gevoelloos in mijn kruis", "Ik noteer: onderrug en gevoelloos in mijn kruis.")]
    [InlineData("en", "lower back, suddenly numb in my groin", "Noted: lower back, groin and numb in my groin.")]
    public void SuddenNumbnessInTheSaddleIsTheSaddleSign(string culture, string message, string noted)
    {
        var chat = Started(culture).Send(message).AssertReply(noted).AssertStep("duration");

        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-saddle-numbness"].YesNo);
        Assert.False(chat.State.Answers.ContainsKey("rf-sudden-weakness"));
        Assert.Null(chat.State.Outcome);
    }

    // A place in words only the other language knows answers where, in a message of this one; the rest stays this
    // language's: "been" in English is no leg, and a rug is no back.
    [Theory]
    [InlineData("en", "i have rugpijn", new[] { "lower-back" }, "Noted: lower back.")]
    [InlineData("en", "i've been having pain in my hoofd", new[] { "head" }, "Noted: head.")]
    [InlineData("en", "pain in my kuit and my nek", new[] { "calf", "neck" }, "Noted: calf, neck.")]
    [InlineData("nl", "ik heb back pain", new[] { "lower-back" }, "Ik noteer: onderrug.")]
    public void APlaceInTheOtherLanguagesWordsAnswersWhere(string culture, string message, string[] places, string noted)
    {
        var chat = Started(culture).Send(message).AssertReply(noted).AssertStep("duration");

        Assert.Equal(places, chat.State.Answers["location"].Locations.Select(l => l.Code));
        Assert.Equal(culture, chat.State.Culture);
    }

    [Theory]
    [InlineData("en", "i spilled tea on the rug")]
    [InlineData("nl", "ik leg het wel uit")]
    public void AWordOfThisLanguageIsNoPlaceOfTheOther(string culture, string message)
    {
        var chat = Started(culture).Send(message).AssertStep("location");

        Assert.False(chat.State.Answers.ContainsKey("location"));
    }

    [Fact]
    public void ASymptomThatStartsWithGeenIsNotedWhole()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken", "6", "valt mee", "nee", "nee"]).AssertStep("rf-saddle-numbness");

        // Numbness in the leg, which is not this question: noted as said ("geen gevoel", not "gevoel").
        chat.Send("ik heb geen gevoel in mijn been").AssertReply("Ik noteer: geen gevoel.");
        chat.AssertStep("rf-saddle-numbness");

        chat.Send("ik heb geen gevoel rond mijn billen");
        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-saddle-numbness"].YesNo);
    }

    [Fact]
    public void AMentionThatAnswersTwoLaterQuestionsIsNotedOnce()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug", "3 weken", "6", "valt mee", "nee", "nee"]).AssertStep("rf-saddle-numbness");

        // The pregnancy answers the contraindication list and its own question; the question asked now it does not.
        chat.Send("ik ben 12 weken zwanger").AssertReply("Ik noteer: zwanger.");
        chat.AssertStep("rf-saddle-numbness");
        Assert.Equal(YesNo.Yes, chat.State.Answers["ci-pregnancy"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["ci-any"].YesNo);
    }

    [Theory]
    [InlineData("nl", "schouder", "nek")]
    [InlineData("nl", "kaak", "nek")]
    [InlineData("nl", "bovenrug", "nek")]
    [InlineData("en", "shoulder", "neck")]
    [InlineData("en", "head", "neck")]
    public void TheRedFlagQuestionsOfAComplaintNearTheNeckDoNotCallItANeckComplaint(string culture, string place, string neck)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "nl" ? [.. Welcome, place, "3 weken", "4", "een beetje"] : ["no", "yes", "english", place, "3 weeks", "4", "a little"]);
        var asked = new List<string>();
        for (var i = 0; i < 12 && chat.State.Step.StartsWith("rf-", StringComparison.Ordinal); i++)
        {
            asked.Add(chat.State.Step);
            Assert.DoesNotContain(neck, chat.LastTurn!.Replies[^1].Text, StringComparison.OrdinalIgnoreCase);
            chat.Send(culture == "nl" ? "nee" : "no");
        }

        Assert.Contains("rf-neck-dizziness", asked);
    }

    [Theory]
    [InlineData("nl", "knie, ik kan niet meer hardlopen", "sport", YesNo.Yes)]
    [InlineData("nl", "kuit, sinds de marathon van vorig jaar", "race", YesNo.No)]
    [InlineData("nl", "kuit, sinds de marathon van vorig jaar", "sport", YesNo.Yes)]
    [InlineData("nl", "nek en schouders van het vele zitten achter de computer", "desk-work", YesNo.Yes)]
    [InlineData("nl", "mijn nek, geen stress maar ik slaap slecht", "stress-sleep", YesNo.Yes)]
    [InlineData("nl", "kuit, geen stress en ik slaap goed", "stress-sleep", YesNo.No)]
    [InlineData("en", "stiff calves after the marathon last Sunday", "race", YesNo.Yes)]
    [InlineData("en", "knee, I can't run anymore", "sport", YesNo.Yes)]
    [InlineData("en", "neck, I sit at my desk all day and I'm stressed", "desk-work", YesNo.Yes)]
    [InlineData("en", "neck, I sit at my desk all day and I'm stressed", "stress-sleep", YesNo.Yes)]
    public void ContextToldWithTheComplaintAnswersItsQuestionAndIsNoRedFlag(string culture, string complaint, string question, YesNo expected)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "nl" ? Welcome : ["no", "yes", "english"]).Send(complaint);

        Assert.Equal(expected, chat.State.Answers[question].YesNo);
        Assert.DoesNotContain(chat.State.Answers.Keys, key => RedFlags.TryGetExtraCode(key, out _));
    }

    [Fact]
    public void ContextToldWithTheComplaintNeverHidesARedFlag()
    {
        // "lig vaak wakker" is poor sleep; "wakker van pijn", which overlaps it, is night pain, and red flags win.
        var chat = Conversation.Start().SendAll(Welcome).Send("onderrug, ik lig vaak wakker van pijn");

        Assert.Equal(YesNo.Yes, chat.State.Answers["stress-sleep"].YesNo);
        Assert.Equal(YesNo.Yes, chat.State.Answers["rf-night-pain"].YesNo);
    }

    [Theory]
    [InlineData("nl", "ik kreeg gisteren een trap tegen mijn knie", 1)]
    [InlineData("nl", "mijn rug, maandag verkeerd getild", 5)]
    [InlineData("en", "I got kicked in the knee on thursday", 2)]
    public void WhenTheFallOrKickAComplaintStartedWithHappenedIsHowLongItHasLasted(string culture, string message, int days)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertStep("pain");

        Assert.Equal(days * DurationResolution.SecondsPerDay, chat.State.Answers["duration"].Seconds);
        Assert.Equal(YesNo.Yes, chat.State.Answers["trauma-minor"].YesNo);
    }

    [Fact]
    public void ARaceToldWithTheComplaintIsNotedOnceAndNotAskedAgain()
    {
        var chat = Conversation.Start().SendAll(Welcome)
            .Send("stijve kuiten en hamstrings na de marathon van zondag")
            .AssertReply("Ik noteer: kuit (beide kanten), hamstrings (beide kanten), 6 dagen en marathon van zondag.")
            .AssertStep("pain");

        chat.SendAll("4", "een beetje");
        var asked = chat.AnswerPlainlyUntil(_ => false);

        Assert.NotNull(chat.State.Outcome);
        Assert.DoesNotContain("sport", asked);
        Assert.DoesNotContain("race", asked);
        Assert.Contains(chat.State.Outcome!.Reasons, r => r.Rule == "after-a-race");
    }

    [Theory]
    [InlineData("nl", "wisselend", "Dat begreep ik niet helemaal. Een schatting is goed; wisselt het, noem dan wat je meestal hebt.")]
    [InlineData("nl", "weet ik niet", "Dat begreep ik niet helemaal. Een schatting is goed;")]
    [InlineData("en", "it varies", "I did not quite understand that. An estimate is fine; if it varies, give what you usually have.")]
    public void APainWithoutANumberIsAskedForAnEstimate(string culture, string text, string start)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "nl" ? [.. Welcome, "nek", "3 weken"] : ["no", "yes", "english", "neck", "3 weeks"]).AssertStep("pain");

        chat.Send(text).AssertReply(r => Assert.StartsWith(start, r.Text, StringComparison.Ordinal));
        chat.AssertStep("pain");
        chat.Send("6").AssertStep("bother");
    }

    [Theory]
    [InlineData("nl", "wat doen jullie met mijn gegevens?", "alleen de therapeuten van de praktijk")]
    [InlineData("nl", "waarom?", "ook je werkgever niet")]
    [InlineData("en", "why?", "only the practice's therapists")]
    public void AQuestionAboutConsentIsAnsweredWithWhatKeepingMeans(string culture, string text, string fragment)
    {
        var chat = Conversation.Start(culture).Send(culture == "nl" ? "nee" : "no").AssertStep("consent");

        chat.Send(text).AssertReplyContains(fragment);
        chat.AssertStep("consent");
        Assert.False(chat.State.Answers.ContainsKey("consent"));
        Assert.False(chat.State.ConsentGiven);
    }

    [Theory]
    [InlineData("nl", "alleen paracetamol", "Dat begreep ik niet helemaal. Hier telt alleen wat in het lijstje staat.")]
    [InlineData("nl", "ik heb suikerziekte", "Dat begreep ik niet helemaal. Hier telt alleen wat in het lijstje staat.")]
    [InlineData("en", "just paracetamol", "I did not quite understand that. Only what is on the list counts here.")]
    public void TheContraindicationListSaysWhatCountsWhenAnAnswerIsNotOnIt(string culture, string text, string start)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "nl" ? [.. Welcome, "schouder", "3 weken", "4", "een beetje"] : ["no", "yes", "english", "shoulder", "3 weeks", "4", "a little"]);
        chat.AnswerPlainlyUntil(s => s.Step == "ci-any");

        chat.AssertStep("ci-any");
        chat.Send(text).AssertReply(r => Assert.StartsWith(start, r.Text, StringComparison.Ordinal)).AssertReplyContains(culture == "nl" ? "Geldt een van deze voor jou" : "Does any of these apply to you");
        chat.AssertStep("ci-any");
        Assert.False(chat.State.Answers.ContainsKey("ci-any"));

        // Other questions keep the hint of their kind.
        Conversation.Start().Send("blorf").AssertReply("Dat begreep ik niet helemaal. Je kunt antwoorden met ja, nee of weet ik niet.");
    }

    [Fact]
    public void AShortEnglishAnswerCountsOnlyWhereItsClauseEnds()
    {
        var chat = Conversation.Start("en").SendAll(EnglishToTheFirstRedFlag);
        var question = chat.State.Step;

        // Not a yes to the question asked: it is about the fever, which is noted.
        chat.Send("I have a fever").AssertReply("Noted: fever.");
        Assert.Equal(question, chat.State.Step);
        Assert.False(chat.State.Answers.ContainsKey(question));

        chat.Send("I don't have that");
        Assert.Equal(YesNo.No, chat.State.Answers[question].YesNo);
    }

    [Theory]
    [InlineData("prima")]
    [InlineData("Prima!")]
    [InlineData("goed hoor")]
    [InlineData("fine")]
    public void AQuestionsOwnYesWordsAnswerItAlone(string text)
    {
        var chat = Conversation.Start().Send("nee").AssertStep("consent");

        chat.Send(text);

        Assert.Equal(YesNo.Yes, chat.State.Answers["consent"].YesNo);
        Assert.True(chat.State.ConsentGiven);

        // Not a yes elsewhere: at a red-flag question "prima" means "I'm fine".
        var redFlag = AtRedFlags();
        var question = redFlag.State.Step;
        redFlag.Send(text);
        Assert.False(redFlag.State.Answers.ContainsKey(question));
    }

    [Fact]
    public void AQuestionsOwnYesWordsAreNotTakenInsideALongerMessage()
    {
        var chat = Conversation.Start().Send("nee").Send("niet prima");

        Assert.False(chat.State.Answers.ContainsKey("consent"));
        chat.AssertStep("consent");
    }

    [Theory]
    [InlineData("sinds de finish dus gisteren", 1)]
    [InlineData("sinds de marathon, dus zaterdag", 7)]
    public void SinceAnEventAndThenWhenItWasIsHowLong(string message, int days)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "kuiten"]).AssertStep("duration");

        chat.Send(message).AssertStep("pain");

        Assert.Equal(days * DurationResolution.SecondsPerDay, chat.State.Answers["duration"].Seconds);
    }

    [Fact]
    public void ARaceLastWeekWithTheComplaintIsHowLongItHasLasted()
    {
        // Conversation.Today is a Saturday: the Saturday of the week before is seven days ago.
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("vorige week zaterdag halve marathon gelopen, sindsdien hamstrings links stijf").AssertStep("pain");

        Assert.Equal(7 * DurationResolution.SecondsPerDay, chat.State.Answers["duration"].Seconds);
    }

    [Fact]
    public void HowLongWithoutASizeGetsARequestForAnEstimate()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]).AssertStep("duration");

        chat.Send("al heel lang").AssertReply("Hoe lang ongeveer? Een schatting is goed, bijvoorbeeld '3 weken', '4 maanden' of '2 jaar'.").AssertNoReply();
        chat.AssertStep("duration");

        chat.Send("4 maanden").AssertReplyContains("Hoeveel pijn");
        Assert.Equal(4 * DurationResolution.SecondsPerMonth, chat.State.Answers["duration"].Seconds);

        // The first time is no miss. Said again, it is one, with the rough lengths to choose from each time, so that the
        // way out comes as after any three messages a question cannot take, and the question is never asked endlessly.
        var again = Conversation.Start().SendAll([.. Welcome, "nek", "een tijdje"]);
        Assert.Equal(0, again.State.Misses);
        again.Send("een tijdje").AssertReplyContains("Dat begreep ik niet helemaal.").AssertReply(r => Assert.Contains(r.Choices, c => c.Label == "een paar maanden")).AssertNoReply();
        Assert.Equal(1, again.State.Misses);
        again.SendAll("een tijdje").Send("sinds de finish").AssertReplyContains("Typ 'help' voor uitleg of 'stop' om te stoppen.");
        Assert.Equal(3, again.State.Misses);

        var english = Conversation.Start("en").SendAll(["no", "yes", "english", "neck"]).Send("for a while");
        english.AssertReply("About how long? An estimate is fine, for example '3 weeks', '4 months' or '2 years'.");

        // "For ages" is no count of years either.
        Conversation.Start("en").SendAll(["no", "yes", "english", "neck"]).Send("been like this for ages").AssertReply(r => Assert.StartsWith("About how long?", r.Text, StringComparison.Ordinal));

        // In the other language it is asked the same way, in the conversation's own.
        Conversation.Start().SendAll([.. Welcome, "nek"]).Send("for a while").AssertReply(r => Assert.StartsWith("Hoe lang ongeveer?", r.Text, StringComparison.Ordinal));
        Conversation.Start("en").SendAll(["no", "yes", "english", "neck"]).Send("al heel lang").AssertReply(r => Assert.StartsWith("About how long?", r.Text, StringComparison.Ordinal));

        // Since something without a date is asked the same way.
        Conversation.Start().SendAll([.. Welcome, "nek"]).Send("sinds de marathon").AssertReply("Ik noteer: marathon.").AssertReply(r => Assert.StartsWith("Hoe lang ongeveer?", r.Text, StringComparison.Ordinal));
        Conversation.Start("en").SendAll(["no", "yes", "english", "neck"]).Send("since my holiday").AssertReply(r => Assert.StartsWith("About how long?", r.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "3 dagen", "several-days")]
    [InlineData("nl", "twee of drie dagen", "several-days")]
    [InlineData("nl", "10 dagen", "more-than-half")]
    [InlineData("nl", "13 dagen", "nearly-every-day")]
    [InlineData("en", "2 days", "several-days")]
    [InlineData("nl", "3", "nearly-every-day")]
    public void ANumberOfDaysPicksTheChoiceOfHowOftenNotTheScore(string culture, string message, string expected)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck", "2 weeks", "4", "a little"] : [.. Welcome, "nek", "2 weken", "4", "een beetje"]);
        chat.AnswerPlainlyUntil(s => s.Step == "phq-interest");

        chat.Send(message);

        Assert.Equal(expected, chat.State.Answers["phq-interest"].Choice);
    }

    [Fact]
    public void TheSecondNumberOfARangeOfMonthsIsNoPainScore()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]).AssertStep("duration");

        chat.Send("een maand of 2, 3").AssertStep("pain");

        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    [Theory]
    [InlineData("nl", "eergisteren begonnen", 2)]
    [InlineData("nl", "het is vorige week begonnen", 7)]
    [InlineData("en", "it started the day before yesterday", 2)]
    [InlineData("nl", "begin november begonnen", 16)]
    [InlineData("nl", "eind oktober", 27)]
    [InlineData("en", "it started in late October", 27)]
    public void AMomentWithAWordOfStartingAnswersHowLong(string culture, string message, int days)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english", "neck"] : [.. Welcome, "nek"]).AssertStep("duration");

        chat.Send(message).AssertStep("pain");

        Assert.Equal(days * 86400L, chat.State.Answers["duration"].Seconds);
    }

    [Theory]
    [InlineData("soms een 8 maar meestal een 4", 4)]
    [InlineData("meestal 4 maar soms 9", 4)]
    [InlineData("een 8 als het erg is, meestal een 5", 5)]
    [InlineData("een 6, soms een 8", 6)]
    public void ThePainQuestionTakesTheUsualPain(string text, int expected)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "3 weken"]).AssertStep("pain");

        chat.Send(text);

        Assert.Equal(expected, chat.State.Answers["pain"].Number);
    }

    // Told only as its ups and downs, the pain is the worst of them; a usual pain or one told plainly beside them wins.
    [Theory]
    [InlineData("nl", "soms 8 soms 3", 8)]
    [InlineData("nl", "soms 3, soms 8", 8)]
    [InlineData("nl", "soms een 3 en soms een 8", 8)]
    [InlineData("nl", "af en toe 8 meestal 3", 3)]
    [InlineData("nl", "een 4, op slechte dagen een 7", 4)]
    [InlineData("en", "sometimes 3 sometimes 8", 8)]
    [InlineData("en", "on good days 3, on bad days 8", 8)]
    [InlineData("en", "sometimes 8 but usually 3", 3)]
    [InlineData("nl", "s ochtends 8 s avonds 3", 8)]
    [InlineData("en", "in the morning 8, in the evening 3", 8)]
    [InlineData("nl", "5 soms 9", 5)]
    [InlineData("nl", "pijn is 3 maar soms 9", 3)]
    [InlineData("nl", "een 4, soms een 8", 4)]
    [InlineData("en", "it's a 3 but sometimes 9", 3)]
    [InlineData("nl", "soms 9", 9)]
    [InlineData("nl", "niet veel pijn", 3)]
    public void ThePainsUpsAndDownsCountAtTheirWorst(string culture, string text, int expected)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["neck", "3 weeks"] : ["nek", "3 weken"]).AssertStep("pain");

        chat.Send(text);

        Assert.Equal(expected, chat.State.Answers["pain"].Number);
    }

    [Fact]
    public void NoPainInWordsAnswersThePainQuestionButIsNotTakenInPassing()
    {
        var screen = Conversation.Start().Send("nee, geen pijn");
        Assert.False(screen.State.Answers.ContainsKey("pain"));

        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "2 weken"]);
        chat.AssertStep("pain").Send("geen pijn, wel stijf").AssertReplyContains("Hoeveel last");

        Assert.Equal(0, chat.State.Answers["pain"].Number);
    }

    [Fact]
    public void NotesPlacesByTheNamesTheyWereUnderstoodAs()
    {
        Conversation.Start().SendAll("nee", "ja").Send("linkerkuit en rechterknie sinds 2 dagen")
            .AssertReply("Ik noteer: kuit (links), knie (rechts) en 2 dagen.");
        Conversation.Start().SendAll("no", "yes", "english").Send("my left calf, for 3 days")
            .AssertReply("Noted: calf (left) and 3 days.");
    }

    [Fact]
    public void TakesNoSideFromAPersonWhoLeftOrFromTwoPeopleWithTheSameComplaint()
    {
        Conversation.Start().SendAll("no", "yes", "english").Send("lower back pain since my husband left, for 3 weeks")
            .AssertReply("Noted: lower back and 3 weeks.");
        Conversation.Start().SendAll("nee", "ja").Send("mijn vader en ik hebben allebei rugpijn, al 3 weken")
            .AssertReply("Ik noteer: onderrug en 3 weken.");
    }

    [Fact]
    public void AsksHowManyWeeksForADurationWithoutANumberAndReadsABareNumberInWeeks()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug"]);

        chat.Send("al weken").AssertReply("Hoeveel weken ongeveer? Een schatting is goed, bijvoorbeeld '3' of '10 weken'.").AssertNoReply().AssertStep("duration");
        chat.Send("8").AssertReplyContains("Hoeveel pijn");

        var duration = chat.State.Answers["duration"];
        Assert.Equal(8 * DurationResolution.SecondsPerWeek, duration.Seconds);
        Assert.True(duration.Approximate);
        Assert.False(chat.State.Answers.ContainsKey("pain"));
        Assert.Null(chat.State.DurationUnitAsked);
        Assert.Equal(0, chat.State.Misses);
    }

    [Fact]
    public void AsksHowManyWeeksStraightAwayForADurationWithoutANumberToldWithThePlace()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("ik heb al weken last van mijn onderrug")
            .AssertReply("Ik noteer: onderrug.").AssertReply("Hoeveel weken ongeveer? Een schatting is goed, bijvoorbeeld '3' of '10 weken'.").AssertNoReply().AssertStep("duration");

        Assert.False(chat.State.Answers.ContainsKey("duration"));
        Assert.Equal("lower-back", chat.State.Answers["location"].Locations.Single().Code);

        chat.Send("8").AssertReplyContains("Hoeveel pijn");
        Assert.Equal(8 * DurationResolution.SecondsPerWeek, chat.State.Answers["duration"].Seconds);
        Assert.False(chat.State.Answers.ContainsKey("pain"));
        Assert.Null(chat.State.DurationUnitAsked);
    }

    [Fact]
    public void AsksHowManyMonthsStraightAwayAfterANoteInEnglish()
    {
        var chat = Conversation.Start("en").SendAll(["no", "yes", "english"]);

        chat.Send("my neck and shoulders, for months, a lot of work pressure")
            .AssertReply("Noted: neck, shoulder (both sides) and work pressure.")
            .AssertReply("About how many months? An estimate is fine, for example '2' or 'half a year'.").AssertNoReply();

        chat.Send("half a year").AssertReplyContains("How much pain");
        Assert.Equal(DurationResolution.SecondsPerYear / 2, chat.State.Answers["duration"].Seconds);
    }

    [Fact]
    public void AsksHowManyMonthsOnceAndTakesASecondVagueAnswerOrDontKnowAsTheLeastItMeans()
    {
        var again = Conversation.Start().SendAll([.. Welcome, "onderrug"]);
        again.Send("al maanden").AssertReply("Hoeveel maanden ongeveer? Een schatting is goed, bijvoorbeeld '2' of 'een half jaar'.");
        again.Send("al maanden").AssertReplyContains("Hoeveel pijn");
        Assert.Equal(2 * DurationResolution.SecondsPerMonth, again.State.Answers["duration"].Seconds);

        var unsure = Conversation.Start().SendAll([.. Welcome, "onderrug", "al maanden"]);
        unsure.Send("weet ik niet").AssertReplyContains("Hoeveel pijn");
        Assert.Equal(2 * DurationResolution.SecondsPerMonth, unsure.State.Answers["duration"].Seconds);
        Assert.Equal("weet ik niet", unsure.State.Answers["duration"].Evidence);
    }

    [Theory]
    [InlineData("al jaren", 2 * DurationResolution.SecondsPerYear)]
    [InlineData("al dagen", 2 * DurationResolution.SecondsPerDay)]
    [InlineData("een paar weken", 2 * DurationResolution.SecondsPerWeek)]
    public void TakesDaysYearsAndCountedWeeksWithoutAskingHowMany(string said, long seconds)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "onderrug"]);

        chat.Send(said).AssertReplyContains("Hoeveel pijn");

        Assert.Equal(seconds, chat.State.Answers["duration"].Seconds);
    }

    [Fact]
    public void AsksHowManyWeeksInEnglish()
    {
        var chat = Conversation.Start().SendAll(["no", "yes", "english", "lower back"]);

        chat.Send("for weeks").AssertReply("About how many weeks? An estimate is fine, for example '3' or '10 weeks'.");
        chat.Send("about 9").AssertReplyContains("How much pain");

        Assert.Equal(9 * DurationResolution.SecondsPerWeek, chat.State.Answers["duration"].Seconds);
    }

    [Fact]
    public void SurvivesAVeryLongMessageAndContinues()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send(new string('x', 10_000)).AssertReplyContains("Dat begreep ik niet").SkipReplies()
            .Send("onderrug").AssertReply("Ik noteer: onderrug.").AssertReplyContains("Hoe lang");

        Assert.Equal("duration", chat.State.Step);
    }

    [Fact]
    public void ExplainsYesNoAnswersWhenAYesNoQuestionIsNotUnderstood()
    {
        Conversation.Start().Send("blauw")
            .AssertReply("Dat begreep ik niet helemaal. Je kunt antwoorden met ja, nee of weet ik niet.")
            .AssertReply(r => Assert.Equal(3, r.Choices.Count));
    }

    [Fact]
    public void GoesBackToThePreviousQuestionAndTakesANewAnswer()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);

        chat.Send("terug").AssertReplyContains("Waar heb je last van?").AssertStep("location")
            .Send("kuiten").AssertReply("Ik noteer: kuit (beide kanten).").AssertReplyContains("Hoe lang");

        Assert.Equal("calf", chat.State.Answers["location"].Locations.Single().Code);
    }

    [Fact]
    public void SaysThereIsNoPreviousQuestionAtTheStart()
    {
        Conversation.Start().Send("back")
            .AssertReply("Dit is de eerste vraag; er is geen vorige.")
            .AssertReplyContains("pijn op de borst");
    }

    [Fact]
    public void HelpExplainsAndAsksTheSameQuestionAgain()
    {
        Conversation.Start().SendAll(Welcome).Send("help")
            .AssertReplyContains("'terug'")
            .AssertReplyContains("Waar heb je last van?")
            .AssertStep("location");
    }

    [Fact]
    public void RestartBeginsAgainFromTheEmergencyScreen()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);

        chat.Send("opnieuw").AssertReply("We beginnen opnieuw.").AssertReplyContains("pijn op de borst").AssertStep("emergency-screen");

        // Only the language chosen stays: it is not asked again.
        Assert.Equal(["language"], chat.State.Answers.Keys);
        chat.SendAll("nee", "ja").AssertStep("location");
    }

    [Fact]
    public void StopEndsWithAnIncompleteOutcome()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("stop").AssertReplyContains("we stoppen hier");

        Assert.False(chat.State.Outcome!.Completed);
        Assert.False(chat.State.Outcome.Emergency);
    }

    [Theory]
    [InlineData("nl", "ik ben 32 weken zwanger en heb sinds 2 weken pijn in mijn bekken", 14)]
    [InlineData("nl", "ik werk 40 uur per week achter een bureau en heb al 2 weken nekpijn", 14)]
    [InlineData("nl", "ik heb 10 jaar geleden een hernia gehad en nu weer rugpijn sinds een week", 7)]
    [InlineData("en", "I had a slipped disc 10 years ago and my back hurts again since a week", 7)]
    [InlineData("en", "my son was born 8 months ago and my upper back has hurt for 2 weeks from carrying him", 14)]
    [InlineData("en", "I had prostate cancer 5 years ago. For 3 weeks now my lower back hurts", 21)]
    [InlineData("nl", "onderrug al 2 weken, en sinds gisteren kan ik moeilijk plassen", 14)]
    [InlineData("en", "my calves are stiff since the marathon, about 4 days", 4)]
    public void TakesTheComplaintsOwnDurationOfSeveral(string culture, string message, int days)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message);

        Assert.Equal(days * 86400L, chat.State.Answers["duration"].Seconds);
    }

    [Theory]
    [InlineData("en", "ran 30km last sunday, hamstrings tight. had knee surgery 3 weeks ago btw")]
    [InlineData("en", "finished chemo for breast cancer 3 months ago, my shoulders are tight")]
    [InlineData("nl", "mijn knie is 3 weken geleden geopereerd en nu zijn mijn kuiten stijf")]
    public void TheTimeOfAnOperationOrChemoIsNotTheComplaintsDuration(string culture, string message)
    {
        var chat = Conversation.Start(culture).SendAll(culture == "en" ? ["no", "yes", "english"] : Welcome);

        chat.Send(message).AssertStep("duration");

        Assert.False(chat.State.Answers.ContainsKey("duration"));
    }

    [Theory]
    [InlineData("kan het ook in het engels?")]
    [InlineData("engels graag")]
    [InlineData("switch to english")]
    public void AnAskForTheOtherLanguageInAFewWordsSwitchesToIt(string message)
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send(message).AssertReply("We will continue in English.");

        Assert.Equal("en", chat.State.Culture);
    }

    [Fact]
    public void SwitchesLanguageAndAsksTheCurrentQuestionInIt()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("english").AssertReply("We will continue in English.").AssertReplyContains("Where is the complaint?")
            .Send("nederlands").AssertReply("We gaan verder in het Nederlands.").AssertReplyContains("Waar heb je last van?");

        Assert.Equal("nl", chat.State.Culture);
    }

    // Naming what applies from the list of contraindications asks once whether anything else does, not item by item.
    [Theory]
    [InlineData("nl", "ja, ik gebruik ascal", "nee", false)]
    [InlineData("en", "yes, I'm pregnant", "no", false)]
    [InlineData("nl", "ja, ik gebruik ascal", "ja", true)]
    [InlineData("nl", "ja, behandeling voor kanker gehad", "nee", false)]
    public void ANamedContraindicationAsksOnceForTheRest(string culture, string message, string more, bool itemByItem)
    {
        var chat = AtStep(culture, "ci-any");

        chat.Send(message).AssertStep("ci-more");
        chat.Send(more);

        Assert.Equal(itemByItem, chat.State.Step.StartsWith("ci-", StringComparison.Ordinal));
        Assert.NotEmpty(TriageRouter.Route(ShippedDialogs.Value, chat.State).Contraindications);
    }

    [Fact]
    public void APlainYesToTheListAsksItemByItem()
    {
        var chat = AtStep("nl", "ci-any");

        chat.Send("ja");

        Assert.Equal("ci-thrombosis", chat.State.Step);
    }

    [Theory]
    [InlineData("nl", "stop", "huisartsenpost")]
    [InlineData("en", "stop", "out-of-hours")]
    public void StoppingWhileAnUrgentAnswerIsCheckedStillSaysWhatToDo(string culture, string stop, string advice)
    {
        var chat = AtStep(culture, "rf-bladder-bowel");
        chat.Send(culture == "en" ? "yes" : "ja");
        chat.AnswerPlainlyUntil(s => s.Step == TriageEngine.ConfirmStep);
        chat.AssertStep(TriageEngine.ConfirmStep).SkipReplies();

        chat.Send(stop).AssertReplyContains("112").AssertReplyContains(advice);

        Assert.Equal(TriageEngine.StoppedStep, chat.State.Step);
    }

    // A sign told after the result is noted and the result worked out again; anything else still hears it is finished.
    [Theory]
    [InlineData("en", "wait, I forgot to say I have a fever", "fever", "T2")]
    [InlineData("nl", "oh, ik ben vergeten te zeggen dat ik koorts heb", "fever", "T2")]
    public void ASignToldAfterTheResultChangesIt(string culture, string message, string flag, string urgency)
    {
        var chat = AtBackQuestion(culture, "rf-fever");
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);
        Assert.Equal("none", chat.State.Outcome!.Urgency);
        chat.SkipReplies();

        // Fever opens whether the person is very unwell: asked first, then the result again.
        chat.Send(message).AssertReplyContains(culture == "en" ? "Noted" : "Ik noteer").AssertStep("rf-very-unwell");
        chat.Send(culture == "en" ? "no" : "nee");

        Assert.Contains(flag, chat.State.Outcome!.RedFlags);
        Assert.Equal(urgency, chat.State.Outcome.Urgency);
        chat.SkipReplies().Send(culture == "en" ? "ok" : "oké").AssertReplyContains(ShippedDialogs.Value.Texts.Get("finished", culture));
    }

    [Fact]
    public void AContraindicationToldAfterTheResultAsksForTheRestOfTheListThenGivesTheResult()
    {
        var chat = AtBackQuestion("nl", "rf-fever");
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);
        chat.SkipReplies();

        chat.Send("o ja, ik ben zwanger").AssertReply("Ik noteer: zwanger.").AssertStep("ci-more");
        chat.Send("nee");

        Assert.NotNull(chat.State.Outcome);
        Assert.Contains("pregnancy", chat.State.Outcome!.Contraindications);
        Assert.True(chat.State.Outcome.DoctorFirst);
    }

    // A very urgent sign told after the result is checked first; either answer to the check gives a result again (a
    // no asks the sign's question once more).
    [Theory]
    [InlineData("since yesterday I can't hold my pee", "yes", "T1")]
    [InlineData("oh and i've been seeing double since this morning", "no", "none")]
    [InlineData("oh and i've been seeing double since this morning", "no wait, actually yes", "T0")]
    public void AnUrgentSignToldAfterTheResultIsCheckedAndTheResultGivenAgain(string message, string check, string urgency)
    {
        var chat = AtBackQuestion("en", "rf-fever");
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        // What the sign opens ("are these getting worse quickly?") is asked before the check.
        chat.Send(message);
        chat.AnswerPlainlyUntil(s => s.Step == TriageEngine.ConfirmStep);
        chat.AssertStep(TriageEngine.ConfirmStep).Send(check);
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        Assert.Equal(urgency, chat.State.Outcome?.Urgency);
    }

    [Fact]
    public void AFaintThatHasPassedToldAfterTheResultGivesTheGpTodayWithoutACheck()
    {
        var chat = AtBackQuestion("en", "rf-fever");
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        chat.Send("oh and I fainted yesterday").AssertReply("I am adding: fainted yesterday. That may change my advice; here it is again.");

        Assert.Equal("T2", chat.State.Outcome?.Urgency);
        Assert.Contains("past-collapse", chat.State.Outcome!.RedFlags);
    }

    [Fact]
    public void TheCheckOfAnUrgentAnswerTakesTheLaterOfTwoAnswers()
    {
        var chat = AtStep("en", "rf-sudden-weakness");

        chat.Send("yes").AssertStep(TriageEngine.ConfirmStep);
        chat.Send("no wait, actually yes");

        Assert.Equal("T0", chat.State.Outcome?.Urgency);
    }

    [Fact]
    public void TakingBackTheAnswerToTheListAtTheFirstMoodQuestionAsksTheListAgain()
    {
        var chat = AtStep("en", "ci-any");
        chat.Send("no").AssertStep("phq-interest");

        chat.Send("no wait, actually yes").AssertStep("ci-any");

        Assert.False(chat.State.Answers.ContainsKey("ci-any"));
        Assert.False(chat.State.Answers.ContainsKey("phq-interest"));
    }

    [Fact]
    public void TakingBackTheLastAnswerAfterTheResultAsksThatQuestionAgain()
    {
        var chat = AtBackQuestion("en", "rf-fever");
        chat.AnswerPlainlyUntil(s => s.Outcome is not null);
        var last = chat.State.History[^2];

        chat.Send("no wait, actually yes").AssertStep(last);

        Assert.Null(chat.State.Outcome);
        Assert.False(chat.State.Answers.ContainsKey(last));
    }

    [Fact]
    public void ABareNumberToTheFirstQuestionIsNoPainScore()
    {
        var chat = Conversation.Start("en");

        chat.Send("7").AssertStep("emergency-screen");

        Assert.False(chat.State.Answers.ContainsKey("pain"));
    }

    // "Wat nu?" after the advice: the advice once more.
    [Theory]
    [InlineData("nl", "wat nu?", "Mijn advies:")]
    [InlineData("en", "how do I book?", "My advice:")]
    public void WhatNowAfterTheAdviceGivesTheAdviceAgain(string culture, string message, string advice)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["lower back", "3 weeks", "5", "a bit"] : ["onderrug", "3 weken", "5", "matig"]);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        chat.Send(message);

        Assert.StartsWith(advice, chat.LastTurn!.Replies.Single().Text, StringComparison.Ordinal);
    }

    // Asked to book a massage after a result for the GP: why not yet, then the advice; after one with a massage, the
    // advice, which says where to go.
    [Theory]
    [InlineData("nl", true, "kan ik niet gewoon een massage boeken?")]
    [InlineData("en", true, "can I just book a massage?")]
    [InlineData("nl", false, "kan ik een afspraak maken?")]
    public void BookingAfterTheAdviceSaysWhetherAMassageCanBeBooked(string culture, bool fever, string message)
    {
        var chat = AtBackQuestion(culture, "rf-fever");
        chat.Send(fever ? (culture == "en" ? "yes, 39 degrees" : "ja, 39 graden") : (culture == "en" ? "no" : "nee"));
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        Assert.Equal(fever, !chat.State.Outcome!.Routes.Contains("massage"));
        chat.SkipReplies();

        chat.Send(message);

        var replies = chat.LastTurn!.Replies.Select(r => r.Text).ToList();
        Assert.Equal(fever ? 2 : 1, replies.Count);
        Assert.Equal(fever, replies[0] == ShippedDialogs.Value.Texts.Get("aside.booking.no-massage", culture));
        Assert.StartsWith(culture == "en" ? "My advice:" : "Mijn advies:", replies[^1], StringComparison.Ordinal);
    }

    // Who reads the answers, asked after the advice, is answered as before it; "what did you note?" shows the advice.
    [Theory]
    [InlineData("en", "will my boss see this?", "aside.employer")]
    [InlineData("nl", "wie kan mijn antwoorden lezen?", "aside.privacy")]
    [InlineData("en", "what did you note?", null)]
    public void QuestionsAfterTheAdviceAreAnswered(string culture, string message, string? aside)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["lower back", "3 weeks", "5", "moderately"] : ["onderrug", "3 weken", "5", "matig"]);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        chat.SkipReplies();

        chat.Send(message);

        var reply = chat.LastTurn!.Replies.Single().Text;
        if (aside is null)
        {
            Assert.StartsWith("My advice:", reply, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(ShippedDialogs.Value.Texts.Get(aside, culture), reply);
        }
    }

    // After an accident or hard fall told, whether there was a small fall is not asked.
    [Fact]
    public void TheSmallFallIsNotAskedAfterAnAccident()
    {
        var chat = Started("nl").Send("rugpijn, gisteren van de trap gevallen");

        var asked = chat.AnswerPlainlyUntil(s => s.Outcome is not null);

        Assert.DoesNotContain("trauma-minor", asked);
        Assert.Equal("T2", chat.State.Outcome!.Urgency);
    }

    // Numbness in the saddle only after a long bike ride, which passes, is a no to the saddle question.
    [Theory]
    [InlineData("nl", "alleen na lang fietsen, dan gaat het weer weg")]
    [InlineData("en", "only after cycling, it wears off after")]
    public void SaddleNumbnessOnlyAfterCyclingIsANo(string culture, string message)
    {
        var chat = AtBackQuestion(culture, "rf-saddle-numbness");

        chat.Send(message);

        Assert.Equal(YesNo.No, chat.State.Answers["rf-saddle-numbness"].YesNo);
    }

    // Something told after the advice that leaves it the same is noted, and the advice is not shown again; what changes
    // it shows it again.
    [Fact]
    public void SomethingToldAfterTheAdviceShowsItAgainOnlyWhenItChanges()
    {
        var chat = AtBackQuestion("nl", "rf-fever");
        chat.Send("ja, 39 graden");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        var advice = chat.State.Outcome!;
        chat.SkipReplies();

        chat.Send("ik slaap slecht maar dat komt door mijn man die snurkt");

        Assert.Equal("Ik noteer nog: slaap slecht. Mijn advies blijft hetzelfde; je therapeut leest het.", chat.LastTurn!.Replies.Single().Text);
        Assert.Equal(advice.Urgency, chat.State.Outcome!.Urgency);
        Assert.Equal(YesNo.Yes, chat.State.Answers["stress-sleep"].YesNo);

        chat.Send("en ik heb ook trombose");

        Assert.Contains(chat.LastTurn!.Replies, r => r.Text.StartsWith("Mijn advies:", StringComparison.Ordinal));
    }

    // Thanks after the advice: a kind word, without "the questionnaire is finished" beside it.
    [Fact]
    public void ThanksAfterTheAdviceIsAnsweredKindlyAlone()
    {
        var chat = Started("nl").SendAll("onderrug", "3 weken", "5", "matig");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        chat.Send("bedankt!").AssertReply(ShippedDialogs.Value.Texts.Get("thanks.done", "nl")).AssertNoReply();
    }

    // Another language after the advice: the advice once more, in that language.
    [Fact]
    public void AnotherLanguageAfterTheAdviceShowsTheAdviceInIt()
    {
        var chat = Started("nl").SendAll("onderrug", "3 weken", "5", "matig");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        var routes = chat.State.Outcome!.Routes;

        chat.Send("english please");

        Assert.Equal("en", chat.State.Culture);
        Assert.Equal(routes, chat.State.Outcome!.Routes);
        Assert.Contains(chat.LastTurn!.Replies, r => r.Text.StartsWith("My advice:", StringComparison.Ordinal));
        Assert.All(chat.State.Outcome.Reasons, r => Assert.Equal(ShippedDialogs.Value.Rules.Single(rule => rule.Id == r.Rule).Reason.Get("en"), r.Text));
    }

    // Everyday words for the commands, as the whole message.
    [Theory]
    [InlineData("en", "please delete all my info", TriageEngine.EraseStep)]
    [InlineData("nl", "vergeet alles wat ik zei", TriageEngine.EraseStep)]
    [InlineData("nl", "ik trek mijn toestemming in", TriageEngine.EraseStep)]
    [InlineData("en", "I withdraw my consent", TriageEngine.EraseStep)]
    [InlineData("en", "don't store my answers", TriageEngine.EraseStep)]
    [InlineData("en", "can I go back?", "duration")]
    [InlineData("nl", "een vraag terug", "duration")]
    [InlineData("en", "let's start again from scratch", "emergency-screen")]
    [InlineData("nl", "helemaal opnieuw", "emergency-screen")]
    [InlineData("en", "i'm done", TriageEngine.StoppedStep)]
    [InlineData("nl", "ik ben klaar", TriageEngine.StoppedStep)]
    public void CommandsInEverydayWords(string culture, string message, string step)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["lower back", "3 weeks"] : ["onderrug", "3 weken"]).AssertStep("pain");

        chat.Send(message);

        Assert.Equal(step, chat.State.Step);
    }

    [Theory]
    [InlineData("en", "i don't understand")]
    [InlineData("en", "can you repeat the question")]
    [InlineData("en", "huh?")]
    [InlineData("nl", "kun je de vraag herhalen?")]
    [InlineData("nl", "huh?")]
    public void NotUnderstandingTheQuestionGetsItExplained(string culture, string message)
    {
        var chat = Started(culture).SendAll(culture == "en" ? ["lower back", "3 weeks"] : ["onderrug", "3 weken"]).AssertStep("pain").SkipReplies();
        var misses = chat.State.Misses;

        chat.Send(message).AssertReplyContains(ShippedDialogs.Value.Flow["pain"].Explain!.Get(culture)).AssertStep("pain");

        Assert.Equal(misses, chat.State.Misses);
    }

    [Fact]
    public void ErasesAfterConfirmationAndStartsAgain()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);

        chat.Send("verwijder mijn gegevens").AssertReplyContains("verwijder").Send("ja").AssertReplyContains("verwijderd");

        Assert.True(chat.LastTurn!.EraseRequested);
        Assert.Empty(chat.State.Answers);
        Assert.Equal("emergency-screen", chat.State.Step);
    }

    [Fact]
    public void KeepsEverythingWhenErasureIsDeclined()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek"]);

        chat.Send("delete my data").SkipReplies().Send("nee").AssertReplyContains("verwijder niets").AssertReplyContains("Hoe lang");

        Assert.False(chat.LastTurn!.EraseRequested);
        Assert.Equal("duration", chat.State.Step);
        Assert.True(chat.State.Answers.ContainsKey("location"));
    }

    [Fact]
    public void SaysTheQuestionnaireIsFinishedAfterTheResult()
    {
        AtRedFlags().SendAll([.. NeckRedFlagsNo, .. RestLow])
            .Send("hallo daar").AssertReply("Deze vragenlijst is klaar. Typ 'opnieuw' om opnieuw te beginnen.");
    }

    [Fact]
    public void RecordsARedFlagMentionedInPassingAndSendsToTheGp()
    {
        var chat = AtRedFlags("onderrug", "2 weken").SendAll("nee", "nee", "nee", "nee", "nee");

        chat.Send("nee, maar ik ben wel 10 kilo afgevallen zonder reden en heb koorts gehad").SendAll([.. Enumerable.Repeat("nee", 20)]);

        Assert.Contains("gp", chat.State.Outcome!.Routes);
        Assert.Contains("weight-loss", chat.State.Outcome.RedFlags);
    }

    [Fact]
    public void LeavesOutASignToldInPassingThatTheCheckSaysIsNotSo()
    {
        var chat = Conversation.Start().SendAll(Welcome);

        chat.Send("nek, en het werd zwart voor mijn ogen").AssertStep(TriageEngine.ConfirmStep);
        chat.AssertReplyContains("Ik noteer").AssertReplyContains("Klopt het dat dit voor je geldt: 'zwart voor mijn ogen'?");
        chat.Send("nee").AssertReply("Goed dat je het zegt. Dan laat ik dat weg.");
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });

        Assert.DoesNotContain("collapse", chat.State.Outcome!.RedFlags);
    }

    [Theory]
    [InlineData("nl", "nek, en het werd zwart voor mijn ogen", "collapse", "T0")]
    [InlineData("nl", "nek, en ik ben een beetje kortademig sinds de griep", "breathlessness", "T2")]
    public void ASignOfTheEmergencyScreenToldAfterItIsARedFlagInPassing(string culture, string message, string code, string urgency)
    {
        var chat = Conversation.Start(culture).SendAll([.. Welcome, message, "2 weken", "4", "een beetje"]);

        Assert.Equal(YesNo.No, chat.State.Answers["emergency-screen"].YesNo);
        ToTheResultConfirmed(chat, culture);

        Assert.Contains(code, chat.State.Outcome!.RedFlags);
        Assert.Equal(urgency, chat.State.Outcome.Urgency);
    }

    // A complaint told on someone else's behalf makes the conversation about them: the bot says the questions are about
    // the person with the complaint, and what is told of them (the father's fever, the mother's age) is noted as the
    // subject's. The flag is kept with the state.
    [Theory]
    [InlineData("nl", "mijn vader heeft sinds 2 weken rugpijn en koorts", "rf-fever", "Je vraagt dit voor iemand anders")]
    [InlineData("en", "my dad has had back pain for 2 weeks and a fever", "rf-fever", "asking for someone else")]
    [InlineData("nl", "mn moeder is 84 en heeft sinds 2 wk pijn in haar onderrug", "age-first", "Je vraagt dit voor iemand anders")]
    [InlineData("en", "my dad is 80 and he has had back pain for a week", "age-first", "asking for someone else")]
    [InlineData("nl", "mijn vader van 78 heeft voor het eerst van zijn leven rugpijn, sinds 2 weken, onderin", "age-first", "Je vraagt dit voor iemand anders")]
    [InlineData("nl", "ik vraag het voor mijn moeder van 74. ze heeft al een half jaar last van haar onderrug", "age-first", "Je vraagt dit voor iemand anders")]
    public void AComplaintToldOnSomeonesBehalfIsAboutThem(string culture, string message, string answered, string reply)
    {
        var chat = Started(culture);

        chat.Send(message);

        Assert.Contains(chat.LastTurn!.Replies, r => r.Text.Contains(reply, StringComparison.Ordinal));
        Assert.True(chat.State.OnBehalf);
        Assert.Equal(YesNo.Yes, chat.State.Answers[answered].YesNo);
        var json = JsonSerializer.Serialize(chat.State, TriageJsonContext.Default.TriageState);
        Assert.True(JsonSerializer.Deserialize(json, TriageJsonContext.Default.TriageState)!.OnBehalf);

        chat.Send("5");
        Assert.DoesNotContain(chat.LastTurn!.Replies, r => r.Text.Contains(reply, StringComparison.Ordinal));
    }

    // A warning sign of someone else's told before any place, with nothing of the person's, is told on their behalf:
    // it is noted as the subject's, the bot says who 'je' is, and still asks where. Their history alone is no
    // complaint, and the question is asked again about the person.
    [Theory]
    [InlineData("nl", "mijn moeder kan haar plas niet ophouden", "rf-bladder-bowel", "Je vraagt dit voor iemand anders")]
    [InlineData("en", "my mum can't hold her pee anymore", "rf-bladder-bowel", "asking for someone else")]
    [InlineData("nl", "mijn vader heeft koorts", "rf-fever", "Je vraagt dit voor iemand anders")]
    [InlineData("en", "asking for my husband, he has lost a lot of weight", "rf-weight-loss", "asking for someone else")]
    [InlineData("nl", "ik vraag het voor mijn man, hij kan zijn plas niet ophouden", "rf-bladder-bowel", "Je vraagt dit voor iemand anders")]
    public void ASignOfSomeoneElsesBeforeThePlaceIsToldOnTheirBehalf(string culture, string message, string answered, string reply)
    {
        var chat = Started(culture);

        chat.Send(message);

        Assert.True(chat.State.OnBehalf);
        Assert.Equal(YesNo.Yes, chat.State.Answers[answered].YesNo);
        Assert.Contains(chat.LastTurn!.Replies, r => r.Text.Contains(reply, StringComparison.Ordinal));
        chat.AssertStep("location");
    }

    // Saying whom the person asks for, before the place is known, makes the conversation about them too: said at once,
    // with the question asked again, and not "I didn't quite get that". Their words then read as the person's.
    [Theory]
    [InlineData("nl", "ik vraag het voor mijn moeder", "ze heeft pijn op haar borst", "Je vraagt dit voor iemand anders")]
    [InlineData("en", "i'm asking for my dad", "he has pain in his chest", "asking for someone else")]
    public void SayingWhomThePersonAsksForMakesTheConversationAboutThem(string culture, string message, string sign, string reply)
    {
        var chat = Started(culture);

        chat.Send(message).AssertStep("location");

        Assert.True(chat.State.OnBehalf);
        Assert.Equal(2, chat.LastTurn!.Replies.Count);
        Assert.Contains(reply, chat.LastTurn.Replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(0, chat.State.Misses);

        chat.Send(sign);
        Assert.True(chat.State.Outcome is { Emergency: true });
    }

    [Theory]
    [InlineData("nl", "hallo, ik vraag dit voor mijn vader", "Je vraagt dit voor iemand anders")]
    [InlineData("nl", "hi, I'm asking for my dad", "Je vraagt dit voor iemand anders")]
    [InlineData("en", "hoi, ik vraag het voor mijn moeder", "asking for someone else")]
    public void AGreetingThatSaysWhomThePersonAsksForIsNoMessageNotUnderstood(string culture, string message, string reply)
    {
        var chat = Conversation.Start(culture);

        chat.Send(message);

        Assert.True(chat.State.OnBehalf);
        Assert.Contains(reply, chat.LastTurn!.Replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.LastTurn.Replies, r => r.Text.Contains("begreep ik niet", StringComparison.Ordinal) || r.Text.Contains("did not quite understand", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "mijn moeder had kanker")]
    [InlineData("en", "my mother had cancer")]
    [InlineData("en", "I've lost weight, my dad had cancer")]
    public void SomeoneElsesHistoryBeforeThePlaceIsNoComplaintOnTheirBehalf(string culture, string message)
    {
        var chat = Started(culture);

        chat.Send(message);

        Assert.False(chat.State.OnBehalf);
        Assert.False(chat.State.Answers.ContainsKey("cancer-history"));
        chat.AssertStep("location");
    }

    // On someone's behalf, what is told of them in their words counts as the person's own phrases would: "pijn op zijn
    // borst" later in the chat is 112, and "pulled his hamstring on saturday" a fresh strain of that day.
    [Theory]
    [InlineData("nl", "mijn vader heeft sinds 2 weken rugpijn", "hij heeft nu ook pijn op zijn borst")]
    [InlineData("en", "my dad has had back pain for 2 weeks", "he has pain in his chest now")]
    public void ASignToldInTheirWordsOnTheirBehalfCounts(string culture, string complaint, string sign)
    {
        var chat = Started(culture).Send(complaint).Send("5");

        chat.Send(sign);

        Assert.True(chat.State.Outcome is { Emergency: true });
    }

    [Fact]
    public void AStrainToldInTheirWordsOnTheirBehalfIsAFreshInjury()
    {
        var chat = Started("en");

        chat.Send("my son pulled his hamstring on saturday at football");

        Assert.True(chat.State.OnBehalf);
        // Conversation.Today is a Saturday: "on saturday" is the one before.
        Assert.Equal(DurationResolution.SecondsPerWeek, chat.State.Answers["duration"].Seconds);
        chat.AnswerPlainlyUntil(s => s.Outcome is { Completed: true });
        Assert.Contains("fresh-injury", chat.State.Outcome!.Contraindications);
    }

    // The person's own complaint beside someone else's history is theirs: nothing of the other is noted, and the
    // conversation stays about the person.
    [Theory]
    [InlineData("nl", "ik heb rugpijn en mijn moeder had kanker")]
    [InlineData("nl", "mijn moeder had een hernia, nu heb ik rugpijn")]
    [InlineData("en", "i have back pain, my dad had cancer")]
    [InlineData("en", "lower back pain since lifting my son")]
    public void AComplaintOfOnesOwnBesideSomeoneElseIsNotOnTheirBehalf(string culture, string message)
    {
        var chat = Started(culture);

        chat.Send(message);

        Assert.False(chat.State.OnBehalf);
        Assert.False(chat.State.Answers.ContainsKey("cancer-history"));
        Assert.True(chat.State.Answers.ContainsKey("location"));
    }

    [Fact]
    public void RoundTripsTheStateThroughJsonWithoutLoss()
    {
        var chat = AtRedFlags("linker kuit en onderrug", "ongeveer 3 weken").Send("ja").Send("ja");

        var json = JsonSerializer.Serialize(chat.State, TriageJsonContext.Default.TriageState);
        var back = JsonSerializer.Deserialize(json, TriageJsonContext.Default.TriageState)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, TriageJsonContext.Default.TriageState));
        Assert.Equal(chat.State.Answers.Keys, back.Answers.Keys);
        Assert.Equal(chat.State.Outcome!.Routes, back.Outcome!.Routes);
        Assert.Equal(chat.State.Confirmed, back.Confirmed);
        Assert.Equal(chat.State.Answers["location"].Locations, back.Answers["location"].Locations);
        Assert.Contains("\"step\":\"result\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinuesAConversationFromItsStoredState()
    {
        var first = Conversation.Start().SendAll([.. Welcome, "nek"]);
        var stored = JsonSerializer.Serialize(first.State, TriageJsonContext.Default.TriageState);

        var resumed = Conversation.Engine.Step(JsonSerializer.Deserialize(stored, TriageJsonContext.Default.TriageState)!, "3 weken", Conversation.Today);

        Assert.Equal("pain", resumed.State.Step);
    }

    [Fact]
    public void GivesTheSameOutcomeForTheSameAnswers()
    {
        string[] script = [.. Welcome, "nek en schouders", "4 maanden", "6", "matig", .. NeckRedFlagsNo, "nee", .. RestLow];

        var first = Conversation.Start().SendAll(script).State.Outcome;
        var second = Conversation.Start().SendAll(script).State.Outcome;

        Assert.NotNull(first);
        Assert.Equal(JsonSerializer.Serialize(first, TriageJsonContext.Default.TriageOutcome), JsonSerializer.Serialize(second, TriageJsonContext.Default.TriageOutcome));
    }

    /// <summary>Answers "nee" to every question from here and lists the steps that were asked.</summary>
    private static IEnumerable<string> Walk(Conversation chat, int answers)
    {
        for (var i = 0; i < answers && chat.State.Outcome is null; i++)
        {
            yield return chat.State.Step;
            chat.Send("nee");
        }
    }
}
