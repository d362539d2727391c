using BotTriage.Bot.Triage;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Hosting.Placeholders;

// Stands in for the Core triage engine until it is merged; the integrator replaces it with the engine loaded from
// the dialogs. It only says the triage is not available, so nothing pretends to give advice.
internal sealed class PlaceholderTriageEngine : ITriageEngine
{
    public TurnResult Start(string culture) => new(new TriageState { Step = "unavailable", Culture = culture }, [Unavailable(culture)]);

    public TurnResult TakeStep(TriageState state, string userText, DateOnly today) => new(state with { Turn = state.Turn + 1 }, [Unavailable(state.Culture)]);

    private static Reply Unavailable(string culture) =>
        new(culture == "en" ? "The triage is not available yet." : "De triage is nog niet beschikbaar.");
}
