using BotTriage.Core.Dialogs;
using BotTriage.Core.Tests.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

/// <summary>
/// A choice question understands more than its buttons: the words the dialogs list beside each choice ("nooit" for
/// "helemaal niet"), a phrase inside a longer one counting as the longer ("niet vaak" is not "vaak"), and every yes and
/// no when its choices are yes and no. Two choices named at once is no answer, and the question is asked again.
/// </summary>
public sealed class ChoiceAnswerTests
{
    private static readonly string[] Welcome = ["nee", "ja", "nederlands"];

    private static readonly string[] MoodSteps = ["phq-interest", "phq-down", "gad-nervous", "gad-worry"];

    [Theory]
    [InlineData("nooit", "not-at-all")]
    [InlineData("eigenlijk nooit", "not-at-all")]
    [InlineData("soms", "several-days")]
    [InlineData("niet vaak", "several-days")]
    [InlineData("vaak", "more-than-half")]
    [InlineData("niet altijd", "more-than-half")]
    [InlineData("elke dag", "nearly-every-day")]
    [InlineData("eigenlijk bijna elke dag wel", "nearly-every-day")]
    [InlineData("bijna elke dag", "nearly-every-day")]
    [InlineData("never", "not-at-all")]
    [InlineData("now and then", "several-days")]
    [InlineData("not every day", "more-than-half")]
    [InlineData("2", "more-than-half")]
    [InlineData("niet veel", "several-days")]
    [InlineData("heel veel", "more-than-half")]
    [InlineData("no", "not-at-all")]
    [InlineData("not really", "not-at-all")]
    [InlineData("niet echt", "not-at-all")]
    [InlineData("quite a lot", "more-than-half")]
    [InlineData("not a lot", "several-days")]
    [InlineData("once", "several-days")]
    [InlineData("een keer", "several-days")]
    [InlineData("hardly", "not-at-all")]
    [InlineData("nauwelijks", "not-at-all")]
    [InlineData("de helft van de tijd", "more-than-half")]
    [InlineData("half the time", "more-than-half")]
    [InlineData("eigenlijk de hele dag", "nearly-every-day")]
    [InlineData("every single day", "nearly-every-day")]
    [InlineData("all the bloody time", "nearly-every-day")]
    [InlineData("rarely", "several-days")]
    [InlineData("zelden", "several-days")]
    [InlineData("valt wel mee", "several-days")]
    [InlineData("ongeveer de helft", "more-than-half")]
    [InlineData("ja heel vaak", "more-than-half")]
    [InlineData("no interest in anything really", "nearly-every-day")]
    [InlineData("heb eigenlijk nergens zin in", "nearly-every-day")]
    public void AFrequencyInTheirOwnWordsAnswersThePhqQuestion(string text, string expected)
    {
        var chat = AtPhqInterest();

        chat.Send(text);

        Assert.Equal(expected, chat.State.Answers["phq-interest"].Choice);
        chat.AssertStep("phq-down");
    }

    [Theory]
    [InlineData("niet zo erg", "a-little")]
    [InlineData("niet veel", "a-little")]
    [InlineData("veel", "a-lot")]
    [InlineData("erg veel eigenlijk", "a-lot")]
    [InlineData("best wel", "moderately")]
    [InlineData("geen last", "not-at-all")]
    [InlineData("valt wel mee", "a-little")]
    [InlineData("het gaat wel", "a-little")]
    [InlineData("best erg", "moderately")]
    [InlineData("best veel", "moderately")]
    [InlineData("ik heb er vrij veel last van", "moderately")]
    [InlineData("pretty bad", "moderately")]
    [InlineData("terrible", "a-lot")]
    [InlineData("it's ok", "a-little")]
    [InlineData("no", "not-at-all")]
    [InlineData("ik heb er veel last van", "a-lot")]
    [InlineData("niet veel last eigenlijk", "a-little")]
    [InlineData("ik kan bijna niks meer", "a-lot")]
    [InlineData("ik kan niets meer", "a-lot")]
    [InlineData("ontzettend", "a-lot")]
    [InlineData("nogal", "moderately")]
    [InlineData("ik kan niet meer werken", "a-lot")]
    [InlineData("I can't work anymore", "a-lot")]
    [InlineData("kinda", "a-little")]
    [InlineData("veel, kan niet voetballen", "a-lot")]
    [InlineData("heel veel, nee wacht, een beetje", "a-little")]
    [InlineData("nou veel, ik kan niet eens mijn kind optillen", "a-lot")]
    [InlineData("matig. zitten gaat slecht", "moderately")]
    [InlineData("it's ruining my life", "a-lot")]
    [InlineData("het verpest mijn leven", "a-lot")]
    [InlineData("'t is lastig", "moderately")]
    [InlineData("serieus veel", "a-lot")]
    [InlineData("middle", "moderately")]
    [InlineData("so-so", "moderately")]
    [InlineData("meh", "a-little")]
    [InlineData("it's doing my head in", "a-lot")]
    [InlineData("a fair bit", "moderately")]
    [InlineData("heaps", "a-lot")]
    [InlineData("it's bearable", "a-little")]
    [InlineData("much", "a-lot")]
    [InlineData("not much", "a-little")]
    public void HowMuchItBothersThemInTheirOwnWords(string text, string expected)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "3 weken", "4"]);
        chat.AssertStep("bother");

        chat.Send(text);

        Assert.Equal(expected, chat.State.Answers["bother"].Choice);
    }

    [Fact]
    public void ACorrectedFrequencyIsTheLaterOneAndLeavesHowLongAlone()
    {
        var chat = AtPhqInterest();
        var duration = chat.State.Answers["duration"];

        chat.Send("een paar dagen, nee wacht, bijna elke dag");

        Assert.Equal("nearly-every-day", chat.State.Answers["phq-interest"].Choice);
        Assert.Equal(duration, chat.State.Answers["duration"]);
    }

    [Theory]
    [InlineData("soms, maar ook vaak")]
    [InlineData("geen idee")]
    public void TwoChoicesOrNoneAtAllAreAskedAgain(string text)
    {
        var chat = AtPhqInterest();

        chat.Send(text).AssertReplyContains("Kies een van deze antwoorden");

        Assert.False(chat.State.Answers.ContainsKey("phq-interest"));
        chat.AssertStep("phq-interest");
    }

    [Theory]
    [InlineData("ik werk veel achter de computer")]
    [InlineData("I work a lot at my desk")]
    [InlineData("ik slaap niet veel")]
    public void HowMuchOfSomethingElseIsNoFrequency(string text)
    {
        var chat = AtPhqInterest();

        // Asked again, with "Ik noteer: achter de computer." first where the message answers another question.
        chat.Send(text);
        Assert.Contains("weinig zin in of plezier", chat.LastTurn!.Replies[^1].Text, StringComparison.Ordinal);

        Assert.False(chat.State.Answers.ContainsKey("phq-interest"));
    }

    // Right after the pain score, a bare number to how much it bothers is out of ten as well, not a choice's points.
    [Theory]
    [InlineData("8", "a-lot")]
    [InlineData("7/10", "a-lot")]
    [InlineData("5", "moderately")]
    [InlineData("2", "a-little")]
    [InlineData("3", "a-little")]
    [InlineData("0", "not-at-all")]
    [InlineData("matig", "moderately")]
    public void ANumberToHowMuchItBothersIsOutOfTen(string text, string expected)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "3 weken", "4"]);
        chat.AssertStep("bother");

        chat.Send(text);

        Assert.Equal(expected, chat.State.Answers["bother"].Choice);
        Assert.NotEqual("bother", chat.State.Step);
    }

    // "Ik werk veel" tells how much of something else; "matig, soms heel veel" names two choices, the first in a clause
    // of its own.
    [Theory]
    [InlineData("ik werk veel")]
    [InlineData("matig, soms heel veel")]
    public void HowMuchOfSomethingElseOrTwoChoicesIsNoBother(string text)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "3 weken", "4"]);

        chat.Send(text);

        Assert.False(chat.State.Answers.ContainsKey("bother"));
        chat.AssertStep("bother");
    }

    [Fact]
    public void AYesNoChoiceUnderstandsEveryYesAndNo()
    {
        using var dialogs = new DialogsFolder();
        dialogs.Replace("flow.yaml", "    enabled: false", "    enabled: true");
        var engine = new TriageEngine(DialogLoader.LoadDirectory(dialogs.Path));
        var chat = Conversation.Start(engine: engine).SendAll([.. Welcome, "nek", "3 weken", "4", "een beetje", .. Enumerable.Repeat("nee", 13)]);
        chat.SendAll("nee", "helemaal niet", "helemaal niet", "helemaal niet", "helemaal niet", "nee", "nee");
        chat.AssertStep("sb-leg-pain");

        chat.SendAll("klopt", "welnee");

        Assert.Equal("yes", chat.State.Answers["sb-leg-pain"].Choice);
        Assert.Equal("no", chat.State.Answers["sb-neck-shoulder"].Choice);
    }

    // "Ja" to how often: how often, then, with the buttons, and no "I did not understand"; "nah" is not at all.
    [Theory]
    [InlineData("ja", "Hoe vaak ongeveer, in de afgelopen twee weken?")]
    [InlineData("ja hoor", "Hoe vaak ongeveer, in de afgelopen twee weken?")]
    public void AYesToHowOftenAsksHowOften(string text, string asked)
    {
        var chat = AtPhqInterest();

        chat.Send(text).AssertReply(r =>
        {
            Assert.Equal(asked, r.Text);
            Assert.Equal(4, r.Choices.Count);
        });

        chat.AssertStep("phq-interest");
        Assert.Equal(0, chat.State.Misses);
        chat.Send("bijna elke dag");
        Assert.Equal("nearly-every-day", chat.State.Answers["phq-interest"].Choice);
    }

    [Theory]
    [InlineData("nah")]
    [InlineData("not rly")]
    [InlineData("nee hoor")]
    public void ANoToHowOftenIsNotAtAll(string text)
    {
        var chat = AtPhqInterest();

        chat.Send(text);

        Assert.Equal("not-at-all", chat.State.Answers["phq-interest"].Choice);
    }

    [Fact]
    public void TheMoodQuestionAskedAgainLeavesOutItsOpening()
    {
        var chat = AtPhqInterest();

        chat.Send("paars").AssertReplyContains("Kies een van deze antwoorden").AssertReply("Hoe vaak had je de afgelopen twee weken weinig zin in of plezier bij de dingen die je doet?");
    }

    // "Nooit" inside a wish never to wake up is no frequency: the message gets the suicide prevention advice.
    [Theory]
    [InlineData("ik wil slapen en nooit meer wakker worden")]
    [InlineData("soms denk ik dat het niet meer hoeft voor mij")]
    [InlineData("ik wil t leven niet meer")]
    public void AWishNotToLiveAtTheMoodQuestionGetsTheSuicidePreventionAdvice(string text)
    {
        var chat = AtPhqInterest();

        chat.Send(text).AssertReplyContains("0800-0113");

        Assert.False(chat.State.Answers.ContainsKey("phq-interest"));
    }

    [Theory]
    [InlineData("i never stop worrying", "nearly-every-day")]
    [InlineData("can never switch off", "nearly-every-day")]
    [InlineData("ik kan nooit stoppen met piekeren", "nearly-every-day")]
    [InlineData("never", "not-at-all")]
    public void NeverStoppingIsEveryDayToTheWorryQuestion(string text, string expected)
    {
        var chat = AtPhqInterest().SendAll("nooit", "nooit", "nooit").AssertStep("gad-worry");

        chat.Send(text);

        Assert.Equal(expected, chat.State.Answers["gad-worry"].Choice);
    }

    // How it is said in their own words, with no frequency, tells the most of it: "ik geniet nergens meer van", "mn hoofd
    // staat nooit stil" (whose "nooit" is no never), "every day, i see no point in anything" (whose "no" is no no).
    [Theory]
    [InlineData("phq-interest", "ik geniet nergens meer van")]
    [InlineData("phq-interest", "every day, no motivation at all")]
    [InlineData("phq-down", "ik zit er helemaal doorheen")]
    [InlineData("phq-down", "every day, i see no point in anything")]
    [InlineData("gad-nervous", "ik kom nooit tot rust")]
    [InlineData("gad-worry", "mn hoofd staat nooit stil")]
    [InlineData("gad-worry", "ik pieker me suf")]
    public void AMoodToldInTheirOwnWordsIsNearlyEveryDay(string step, string text)
    {
        var chat = AtPhqInterest();
        foreach (var _ in MoodSteps.TakeWhile(s => s != step))
        {
            chat.Send("nooit");
        }

        chat.AssertStep(step).Send(text);

        Assert.Equal("nearly-every-day", chat.State.Answers[step].Choice);
    }

    [Theory]
    [InlineData("ik kan helemaal niks meer")]
    [InlineData("ik kan er niks meer door")]
    public void NotBeingAbleToDoAnythingBothersALot(string text)
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "3 weken", "8"]).AssertStep("bother");

        chat.Send(text);

        Assert.Equal("a-lot", chat.State.Answers["bother"].Choice);
    }

    private static Conversation AtPhqInterest()
    {
        var chat = Conversation.Start().SendAll([.. Welcome, "nek", "3 weken", "4", "een beetje", .. Enumerable.Repeat("nee", 13), "nee"]);
        chat.AssertStep("phq-interest");
        return chat;
    }
}
