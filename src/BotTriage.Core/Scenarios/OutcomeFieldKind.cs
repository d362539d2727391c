namespace BotTriage.Core.Scenarios;

/// <summary>How a field of the outcome contract is written in a vignette and compared.</summary>
public enum OutcomeFieldKind
{
    /// <summary>A code such as the urgency, compared exactly.</summary>
    Text,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,

    Number,

    /// <summary>A list of codes, compared as a set: order and repeats do not matter.</summary>
    Codes,

    /// <summary>Anything else (the reasons): compared in transcripts, not written in vignettes.</summary>
    Other,
}
