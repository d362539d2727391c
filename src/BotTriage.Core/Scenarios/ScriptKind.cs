namespace BotTriage.Core.Scenarios;

/// <summary>Where a script came from, which decides what its expected outcome means.</summary>
public enum ScriptKind
{
    /// <summary>A written vignette: the expected outcome is what a clinician decided it should be.</summary>
    Vignette,

    /// <summary>A stored conversation: the expected outcome is the one the bot gave at the time.</summary>
    Transcript,
}
