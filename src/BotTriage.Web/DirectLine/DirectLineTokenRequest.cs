using BotTriage.Bot.Schema;

namespace BotTriage.Web.DirectLine;

/// <summary>The optional body of <c>/tokens/generate</c> and <c>/conversations</c>: the user and the locale.</summary>
public sealed record DirectLineTokenRequest(ChannelAccount? User = null, string? Locale = null);
