using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Builder;

/// <summary>
/// What the HTTP endpoint answers after a turn: 200 with nothing, 200 with the buffered replies for
/// <c>expectReplies</c>, or an invoke's status and body.
/// </summary>
public sealed record TurnResponse(int Status, ExpectedReplies? ExpectedReplies = null, InvokeResponse? Invoke = null)
{
    public static TurnResponse Ok { get; } = new(200);

    /// <summary>The state store could not be reached: nothing was saved, and the channel should retry.</summary>
    public static TurnResponse ServiceUnavailable { get; } = new(503);
}
