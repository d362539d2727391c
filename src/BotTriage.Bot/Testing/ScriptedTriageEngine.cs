using System.Globalization;
using BotTriage.Bot.Triage;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Testing;

/// <summary>
/// A three-question stand-in for the triage engine, for host tests that must not depend on the dialog content:
/// consent (ja/nee), complaint, pain 0-10, then a result. Every text is also appended to the free-text answer
/// <c>said</c>, so tests can see which turns were applied and in what order. <c>wis</c>/<c>erase</c> asks for
/// erasure, <c>english</c>/<c>nederlands</c> switches language, and <c>boom</c> throws.
/// </summary>
public sealed class ScriptedTriageEngine : ITriageEngine
{
    public TurnResult Start(string culture) =>
        new(new TriageState { Step = "consent", Culture = culture }, [Ask(culture, "Welkom! Mogen we je antwoorden bewaren voor de therapeut?", "Welcome! May we keep your answers for the therapist?", Yes(culture), No(culture))]);

    public TurnResult TakeStep(TriageState state, string userText, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(userText);
        var text = userText.Trim();
        var word = text.ToLowerInvariant();
        if (word == "boom")
        {
            throw new InvalidOperationException("Scripted failure.");
        }

        var said = state.Answers.TryGetValue("said", out var previous) ? previous.Text + "|" + text : text;
        var next = state with
        {
            Turn = state.Turn + 1,
            History = state.History.Add(state.Step),
            Answers = state.Answers.SetItem("said", new Answer { Kind = AnswerKind.FreeText, Text = said, Evidence = text }),
        };
        var culture = state.Culture;

        switch (word)
        {
            case "wis" or "erase":
                return new TurnResult(next, [Say(culture, "Je gegevens zijn verwijderd.", "Your data was deleted.")]) { EraseRequested = true };
            case "english":
                return new TurnResult(next with { Culture = "en" }, [Say("en", "", "We'll continue in English.")]);
            case "nederlands":
                return new TurnResult(next with { Culture = "nl" }, [Say("nl", "We gaan verder in het Nederlands.", "")]);
        }

        switch (state.Step)
        {
            case "consent" when word is "ja" or "yes" or "nee" or "no":
                var consent = new Answer { Kind = AnswerKind.YesNo, YesNo = word is "ja" or "yes" ? YesNo.Yes : YesNo.No, Evidence = text };
                return new TurnResult(
                    next with { Step = "complaint", Answers = next.Answers.SetItem("consent", consent) },
                    [Say(culture, "Wat is je klacht?", "What is your complaint?")]);
            case "consent":
                return new TurnResult(next, [Ask(culture, "Antwoord met ja of nee.", "Please answer yes or no.", Yes(culture), No(culture))]);
            case "complaint":
                return new TurnResult(
                    next with { Step = "pain", Answers = next.Answers.SetItem("complaint", new Answer { Kind = AnswerKind.FreeText, Text = text, Evidence = text }) },
                    [Ask(culture, "Hoe erg is de pijn, van 0 tot 10?", "How bad is the pain, from 0 to 10?", new Choice("3", "3"), new Choice("5", "5"), new Choice("7", "7"), new Choice("9", "9"))]);
            case "pain" when double.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var pain):
                var outcome = new TriageOutcome
                {
                    Urgency = pain >= 8 ? "T3" : "none",
                    Routes = pain >= 8 ? ["gp"] : ["physio"],
                    Reasons = [new OutcomeReason("pain-level", "Pain reported") { Evidence = [text] }],
                    Completed = true,
                };
                return new TurnResult(
                    next with { Step = "done", Outcome = outcome },
                    [Say(culture, "Advies: " + outcome.Routes[0], "Advice: " + outcome.Routes[0]) with { IsOutcome = true }]);
            case "pain":
                return new TurnResult(next, [Say(culture, "Geef een getal van 0 tot 10.", "Give a number from 0 to 10.")]);
            default:
                return new TurnResult(next, [Say(culture, "De triage is klaar.", "The triage is done.")]);
        }
    }

    private static Reply Say(string culture, string dutch, string english) => new(culture == "en" ? english : dutch);

    private static Reply Ask(string culture, string dutch, string english, params Choice[] choices) =>
        Say(culture, dutch, english) with { Choices = [.. choices] };

    private static Choice Yes(string culture) => culture == "en" ? new Choice("yes", "Yes") : new Choice("yes", "Ja");

    private static Choice No(string culture) => culture == "en" ? new Choice("no", "No") : new Choice("no", "Nee");
}
