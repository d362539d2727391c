namespace BotTriage.Bot.Schema;

/// <summary>The body answered to an <c>expectReplies</c> request: the turn's replies in order.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
