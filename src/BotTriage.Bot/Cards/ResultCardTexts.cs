using System.Globalization;
using BotTriage.Bot.Builder;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Cards;

/// <summary>
/// The card's short labels for the stable outcome codes, Dutch and English. The longer sentences (the reasons, the
/// full advice) come from the dialogs with the outcome; unknown codes are shown as they are rather than dropped.
/// </summary>
internal static class ResultCardTexts
{
    private static readonly Dictionary<string, (string Dutch, string English)> Labels = new(StringComparer.Ordinal)
    {
        ["title"] = ("Mijn advies", "My advice"),
        ["urgency.T0"] = ("Spoed: bel nu 112", "Emergency: call 112 now"),
        ["urgency.T1"] = ("Zeer dringend: bel nu de huisarts of de huisartsenpost", "Very urgent: call your GP or the out-of-hours GP now"),
        ["urgency.T2"] = ("Dringend: neem vandaag contact op met de huisarts", "Urgent: contact your GP today"),
        ["urgency.T3"] = ("Neem binnen 24 uur contact op met de huisarts", "Contact your GP within 24 hours"),
        ["urgency.T4"] = ("Maak de komende dagen een afspraak bij de huisarts", "See your GP in the coming days"),
        ["urgency.none"] = ("Geen huisarts nodig", "No GP needed first"),
        ["urgency.none.doctor-first"] = ("Overleg eerst met je arts", "Check with your doctor first"),
        ["urgency.none.doctor-first.pregnancy"] = ("Overleg eerst met je verloskundige of arts", "Check with your midwife or doctor first"),
        ["urgency.none.psychologist"] = ("Geen spoed; psycholoog via je huisarts", "No hurry; psychologist through your GP"),
        ["facts.urgency"] = ("Urgentie", "Urgency"),
        ["facts.routes"] = ("Waar je terechtkunt", "Where to go"),
        ["facts.massage"] = ("Massage die past", "Massage that fits"),
        ["reasons"] = ("Waarom", "Why"),
        ["disclaimer"] = (
            "Dit is een advies over waar je terechtkunt, geen diagnose. Twijfel je of wordt het erger? Neem contact op met je huisarts.",
            "This is advice on where to go, not a diagnosis. In doubt, or getting worse? Contact your GP."),
        ["book"] = ("Afspraak maken: {0}", "Book: {0}"),
        // A button's text must fit a phone's width: "massage in onze praktijk" does not.
        ["book.massage"] = ("Afspraak maken: massage", "Book a massage"),
        ["call112"] = ("Bel 112", "Call 112"),
        ["route.emergency-112"] = ("112", "112"),
        ["route.gp"] = ("huisarts", "GP"),
        ["route.physio"] = ("fysiotherapeut", "physiotherapist"),
        ["route.psychologist"] = ("psycholoog (via de huisarts)", "psychologist (through your GP)"),
        ["route.massage"] = ("massage in onze praktijk", "massage at our practice"),
        ["route.self-care"] = ("zelfzorg", "self-care"),
        ["massage.deep-tissue"] = ("deep tissue massage", "deep tissue massage"),
        ["massage.fascia-release"] = ("fasciatherapie", "fascia release"),
        ["massage.runners-legs"] = ("sportmassage voor de benen", "runners' legs massage"),
        ["massage.relaxation"] = ("ontspanningsmassage", "relaxation massage"),
        ["massage.oncology"] = ("oncologische massage", "oncology massage"),
    };

    /// <summary>A booking button's text: the route's own when it has one, otherwise "Afspraak maken: {route}".</summary>
    public static string Book(string route, string culture) => Labels.ContainsKey("book." + route)
        ? Get("book." + route, culture)
        : string.Format(CultureInfo.InvariantCulture, Get("book", culture), Get("route." + route, culture));

    /// <summary>The label of the result's first line (<see cref="OutcomeText.UrgencyKey"/>): its urgency, or whether to check with a doctor first.</summary>
    public static string Urgency(TriageOutcome outcome, string culture) => Get(OutcomeText.UrgencyKey(outcome)["outcome.".Length..], culture);

    public static string Get(string key, string culture) =>
        Labels.TryGetValue(key, out var label) ? (culture == CultureNames.English ? label.English : label.Dutch) : key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
