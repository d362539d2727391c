using BotTriage.Bot.Sessions;
using BotTriage.Bot.State;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Privacy;

/// <summary>
/// One retention run: deletes the sessions not changed within <see cref="PrivacyOptions.RetentionDays"/>, the
/// conversation state of each, and every transcript idle as long. Durable state exists only with consent, and every
/// consented conversation has a session, so the sessions name every state to delete. Logs counts, never content.
/// </summary>
public sealed class RetentionSweeper(
    ISessionStore sessions,
    ITranscriptStore transcripts,
    ConversationStateStore conversations,
    IOptions<PrivacyOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionSweeper> logger)
{
    public async Task<RetentionResult> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var expired = await sessions.DeleteOlderThanAsync(cutoff, cancellationToken).ConfigureAwait(false);
        foreach (var key in expired)
        {
            await conversations.EraseAsync(key.ChannelId, key.ConversationId, null, cancellationToken).ConfigureAwait(false);
            await transcripts.DeleteAsync(key.ChannelId, key.ConversationId, cancellationToken).ConfigureAwait(false);
        }

        var idleTranscripts = await transcripts.DeleteOlderThanAsync(cutoff, cancellationToken).ConfigureAwait(false);
        var result = new RetentionResult(cutoff, expired.Count, expired.Count, idleTranscripts);
        PrivacyLog.RetentionRun(logger, options.Value.RetentionDays, result.Sessions, result.States, result.Transcripts);
        return result;
    }
}
