using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Triage;

/// <summary>The bot's view of the Core <see cref="TriageEngine"/>, built once from the validated dialogs.</summary>
public sealed class CoreTriageEngine(DialogSet dialogs) : ITriageEngine
{
    private readonly TriageEngine _engine = new(dialogs);

    public TurnResult Start(string culture) => _engine.Start(culture);

    public TurnResult TakeStep(TriageState state, string userText, DateOnly today) => _engine.Step(state, userText, today);
}
