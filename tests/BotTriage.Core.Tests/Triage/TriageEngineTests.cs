using System.Text.Json;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

public sealed class TriageEngineTests
{
    private static readonly string[] FirstAnswers = ["ja", "nek", "3 weken", "nee"];

    [Fact]
    public void OpensWithTheAssistantNoticeAndTheConsentQuestion()
    {
        Conversation.Start()
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
    public void RoutesToTheGpWhenFeverIsReported()
    {
        var chat = Conversation.Start().SendAll("ja", "onderrug", "3 weken", "nee", "nee", "nee", "nee", "ja");

        var outcome = chat.State.Outcome!;

        Assert.Contains("gp", outcome.Routes);
        Assert.Contains("fever", outcome.RedFlags);
        Assert.Equal("T2", outcome.Urgency);
        Assert.DoesNotContain("massage", outcome.Routes);
        Assert.True(outcome.Completed);
        Assert.Contains(outcome.Reasons, r => r.Rule == "fever" && r.Evidence.Contains("ja"));
    }

    [Fact]
    public void SuggestsRunnersLegsMassageForStiffCalvesInEnglish()
    {
        var chat = Conversation.Start("en").SendAll("yes", "my calves", "since yesterday", "no", "no", "no", "no");

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
    }

    [Fact]
    public void SendsALongLastingBackComplaintToPhysioAndMassage()
    {
        var chat = Conversation.Start().SendAll("ja", "lage rug", "al een half jaar", "nee", "nee", "nee", "nee", "nee");

        var outcome = chat.State.Outcome!;

        Assert.Equal(["physio", "massage"], outcome.Routes);
        Assert.Equal(["deep-tissue"], outcome.MassageTypes);
        Assert.Contains(outcome.Reasons, r => r.Rule == "chronic" && r.Evidence.Any(e => e.Contains("half jaar", StringComparison.Ordinal)));
    }

    [Fact]
    public void TakesSeveralAnswersFromOneMessageAndSkipsTheirQuestions()
    {
        var chat = Conversation.Start().Send("ja").SkipReplies();

        chat.Send("al een week of drie last van mijn onderrug, geen koorts")
            .AssertReply("Ik noteer: onderrug, ongeveer 3 weken en geen koorts.")
            .AssertReplyContains("kracht kwijtgeraakt")
            .SendAll("nee", "nee", "nee")
            .Send("nee")
            .AssertReply("Dank je wel voor je antwoorden. Dit is mijn advies.");

        Assert.Equal("no", chat.State.Answers["rf-fever"].YesNo!.Value.ToString().ToLowerInvariant());
        Assert.Equal(3 * 604_800, chat.State.Answers["duration"].Seconds);
        Assert.True(chat.State.Answers["duration"].Approximate);
    }

    [Fact]
    public void NotesWhatItUnderstoodWhenAMessageAnswersLaterQuestionsOnly()
    {
        Conversation.Start().Send("ik heb sinds gisteren last van mijn nek")
            .AssertReply("Ik noteer: nek en 1 dag.")
            .AssertReplyContains("bewaren")
            .AssertStep("consent");
    }

    [Fact]
    public void LetsThePersonCorrectAnEarlierAnswerInTheirOwnWords()
    {
        var chat = Conversation.Start().SendAll("ja", "nek", "3 weken");

        chat.Send("nee, het is eigenlijk 3 maanden")
            .AssertReply("Ik pas het aan: 3 maanden.")
            .AssertReplyContains("kracht kwijtgeraakt")
            .AssertStep("rf-sudden-weakness");

        Assert.Equal(3 * 2_592_000, chat.State.Answers["duration"].Seconds);
        Assert.False(chat.State.Answers.ContainsKey("rf-sudden-weakness"));
    }

    [Theory]
    [InlineData("nl", "ik heb opeens hele erge pijn op de borst", "Bel nu 112")]
    [InlineData("nl", "ik wil niet meer leven", "0800-0113")]
    [InlineData("en", "I have chest pain", "Call 112 now")]
    [InlineData("en", "I want to kill myself", "0800-0113")]
    public void InterruptsWithEmergencyAdviceAtAnyStep(string culture, string message, string advice)
    {
        foreach (var answersBefore in new[] { 0, 1, 2, 4 })
        {
            var chat = Conversation.Start(culture).SendAll([.. FirstAnswers.Take(answersBefore)]);

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
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🙂🙂🙂")]
    [InlineData("asdkjh qwpoeiru zxmcnv")]
    [InlineData("‏مرحبا بالعالم‎")]
    public void ReasksWithAnExampleWhenNothingIsUnderstood(string message)
    {
        Conversation.Start().SendAll("ja").Send(message)
            .AssertReply("Dat begreep ik niet helemaal. Noem de plek, bijvoorbeeld 'onderrug', 'nek' of 'linkerkuit'.")
            .AssertReplyContains("Waar heb je last van?")
            .AssertStep("location");
    }

    [Fact]
    public void SurvivesAVeryLongMessageAndContinues()
    {
        var chat = Conversation.Start().SendAll("ja");

        chat.Send(new string('x', 10_000)).AssertReplyContains("Dat begreep ik niet").SkipReplies()
            .Send("onderrug").AssertReplyContains("Hoe lang");

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
        var chat = Conversation.Start().SendAll("ja", "nek");

        chat.Send("terug").AssertReplyContains("Waar heb je last van?").AssertStep("location")
            .Send("kuiten").AssertReplyContains("Hoe lang");

        Assert.Equal("calf", chat.State.Answers["location"].Locations.Single().Code);
    }

    [Fact]
    public void SaysThereIsNoPreviousQuestionAtTheStart()
    {
        Conversation.Start().Send("back")
            .AssertReply("Dit is de eerste vraag; er is geen vorige.")
            .AssertReplyContains("bewaren");
    }

    [Fact]
    public void HelpExplainsAndAsksTheSameQuestionAgain()
    {
        Conversation.Start().SendAll("ja").Send("help")
            .AssertReplyContains("'terug'")
            .AssertReplyContains("Waar heb je last van?")
            .AssertStep("location");
    }

    [Fact]
    public void RestartBeginsAgainFromTheConsentQuestion()
    {
        var chat = Conversation.Start().SendAll("ja", "nek");

        chat.Send("opnieuw").AssertReply("We beginnen opnieuw.").AssertReplyContains("bewaren").AssertStep("consent");

        Assert.Empty(chat.State.Answers);
    }

    [Fact]
    public void StopEndsWithAnIncompleteOutcome()
    {
        var chat = Conversation.Start().SendAll("ja");

        chat.Send("stop").AssertReplyContains("we stoppen hier");

        Assert.False(chat.State.Outcome!.Completed);
        Assert.False(chat.State.Outcome.Emergency);
    }

    [Fact]
    public void SwitchesLanguageAndAsksTheCurrentQuestionInIt()
    {
        var chat = Conversation.Start().SendAll("ja");

        chat.Send("english").AssertReply("We will continue in English.").AssertReplyContains("Where is the complaint?")
            .Send("nederlands").AssertReply("We gaan verder in het Nederlands.").AssertReplyContains("Waar heb je last van?");

        Assert.Equal("nl", chat.State.Culture);
    }

    [Fact]
    public void ErasesAfterConfirmationAndStartsAgain()
    {
        var chat = Conversation.Start().SendAll("ja", "nek");

        chat.Send("verwijder mijn gegevens").AssertReplyContains("verwijder").Send("ja").AssertReplyContains("verwijderd");

        Assert.True(chat.LastTurn!.EraseRequested);
        Assert.Empty(chat.State.Answers);
        Assert.Equal("consent", chat.State.Step);
    }

    [Fact]
    public void KeepsEverythingWhenErasureIsDeclined()
    {
        var chat = Conversation.Start().SendAll("ja", "nek");

        chat.Send("delete my data").SkipReplies().Send("nee").AssertReplyContains("verwijder niets").AssertReplyContains("Hoe lang");

        Assert.False(chat.LastTurn!.EraseRequested);
        Assert.Equal("duration", chat.State.Step);
        Assert.True(chat.State.Answers.ContainsKey("location"));
    }

    [Fact]
    public void SaysTheQuestionnaireIsFinishedAfterTheResult()
    {
        Conversation.Start().SendAll("ja", "nek", "2 dagen", "nee", "nee", "nee", "nee", "nee")
            .Send("en nu?").AssertReply("Deze vragenlijst is klaar. Typ 'opnieuw' om opnieuw te beginnen.");
    }

    [Fact]
    public void RecordsARedFlagMentionedInPassingAndSendsToTheGp()
    {
        var chat = Conversation.Start().SendAll("ja", "onderrug", "2 weken", "nee", "nee", "nee", "nee");

        chat.Send("nee, maar ik ben wel 10 kilo afgevallen zonder reden en heb koorts gehad");

        Assert.Contains("gp", chat.State.Outcome!.Routes);
    }

    [Fact]
    public void RoundTripsTheStateThroughJsonWithoutLoss()
    {
        var chat = Conversation.Start().SendAll("ja", "linker kuit en onderrug", "ongeveer 3 weken", "nee", "weet ik niet", "nee", "nee", "ja");

        var json = JsonSerializer.Serialize(chat.State, TriageJsonContext.Default.TriageState);
        var back = JsonSerializer.Deserialize(json, TriageJsonContext.Default.TriageState)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, TriageJsonContext.Default.TriageState));
        Assert.Equal(chat.State.Answers.Keys, back.Answers.Keys);
        Assert.Equal(chat.State.Outcome!.Routes, back.Outcome!.Routes);
        Assert.Equal(chat.State.Answers["location"].Locations, back.Answers["location"].Locations);
        Assert.Contains("\"step\":\"result\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinuesAConversationFromItsStoredState()
    {
        var first = Conversation.Start().SendAll("ja", "nek");
        var stored = JsonSerializer.Serialize(first.State, TriageJsonContext.Default.TriageState);

        var resumed = Conversation.Engine.Step(JsonSerializer.Deserialize(stored, TriageJsonContext.Default.TriageState)!, "3 weken", Conversation.Today);

        Assert.Equal("rf-sudden-weakness", resumed.State.Step);
    }

    [Fact]
    public void GivesTheSameOutcomeForTheSameAnswers()
    {
        string[] script = ["ja", "nek en schouders", "4 maanden", "nee", "ja", "nee", "nee", "nee"];

        var first = Conversation.Start().SendAll(script).State.Outcome;
        var second = Conversation.Start().SendAll(script).State.Outcome;

        Assert.Equal(JsonSerializer.Serialize(first, TriageJsonContext.Default.TriageOutcome), JsonSerializer.Serialize(second, TriageJsonContext.Default.TriageOutcome));
    }
}
