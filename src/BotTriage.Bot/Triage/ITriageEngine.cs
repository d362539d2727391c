using BotTriage.Core.Triage;

namespace BotTriage.Bot.Triage;

/// <summary>
/// The triage engine as the bot uses it (the Core <c>TriageEngine</c> behind it): pure functions from state and
/// text to the next state and replies. An interface so bot tests can script the engine.
/// </summary>
public interface ITriageEngine
{
    /// <summary>The greeting of a new conversation in <paramref name="culture"/> (<c>nl</c> or <c>en</c>).</summary>
    TurnResult Start(string culture);

    /// <summary>One step: the person's <paramref name="userText"/> applied to <paramref name="state"/>.</summary>
    TurnResult TakeStep(TriageState state, string userText, DateOnly today);
}
