using BotTriage.Bot.Sessions;
using BotTriage.Bot.State;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Privacy;

/// <summary>Deletes everything kept about one conversation: its state, its transcript and its session.</summary>
public sealed class ConversationEraser(
    ConversationStateStore conversations,
    ITranscriptStore transcripts,
    ISessionStore sessions,
    ILogger<ConversationEraser> logger)
{
    /// <summary>Erases the conversation (and the person's stored language when <paramref name="userId"/> is known); true when a session or transcript was there.</summary>
    public async Task<bool> EraseAsync(string channelId, string conversationId, string? userId, CancellationToken cancellationToken)
    {
        await conversations.EraseAsync(channelId, conversationId, userId, cancellationToken).ConfigureAwait(false);
        var transcript = await transcripts.DeleteAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
        var session = await sessions.DeleteAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
        PrivacyLog.Erased(logger, channelId, conversationId, transcript, session);
        return transcript || session;
    }
}
