using System.Collections.Immutable;

namespace BotTriage.Core.Triage;

/// <summary>One message from the bot, with the choices to offer as buttons.</summary>
public sealed record Reply(string Text)
{
    public ImmutableList<Choice> Choices { get; init; } = [];

    /// <summary>Set on the reply that presents the triage result.</summary>
    public bool IsOutcome { get; init; }
}
