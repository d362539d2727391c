namespace BotTriage.Core.Scenarios;

/// <summary>One message the person sent, and the day it was sent on when the script knows it.</summary>
public sealed record ScriptTurn(string Text)
{
    /// <summary>The day the message was sent (transcripts); null to use the script's day.</summary>
    public DateOnly? Today { get; init; }
}
