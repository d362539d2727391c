using BotTriage.Core.Triage;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// Plays a script through the engine exactly as a chat would: the welcome, then every turn in order, whatever the
/// bot replied, and compares the outcome at the end with the expected one. A conversation that has no result after
/// its last turn has the empty outcome (not completed, urgency <c>none</c>), as <c>bottriage chat --json</c> reports.
/// </summary>
public sealed class ScriptRunner
{
    private readonly TriageEngine _engine;

    public ScriptRunner(TriageEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>Runs the script; <paramref name="today"/> is the day for turns whose script names none.</summary>
    public ScriptResult Run(Script script, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(script);
        var state = _engine.Start(script.Culture).State;
        foreach (var turn in script.Turns)
        {
            state = _engine.Step(state, turn.Text, turn.Today ?? script.Today ?? today).State;
        }

        var outcome = state.Outcome ?? new TriageOutcome();
        var json = OutcomeContract.ToJson(outcome);
        return new ScriptResult(script, outcome, json, OutcomeComparer.Compare(script.Expected, json)) { FinalStep = state.Step };
    }
}
