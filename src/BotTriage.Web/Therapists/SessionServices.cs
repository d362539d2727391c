using BotTriage.Bot.Privacy;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.Transcripts;
using BotTriage.Core.Dialogs;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Therapists;

/// <summary>What the session pages and exports need, bound as one parameter; finding a session also audits the access.</summary>
internal sealed class SessionServices(
    ISessionStore sessions,
    ITranscriptStore transcripts,
    IAuditLog audit,
    DialogSet dialogs,
    IOptions<TherapistOptions> options,
    TimeProvider timeProvider)
{
    public ITranscriptStore Transcripts => transcripts;

    public DialogSet Dialogs => dialogs;

    public IOptions<TherapistOptions> Options => options;

    /// <summary>The session, after recording that <paramref name="context"/>'s user is about to see it; null when there is none.</summary>
    public async Task<SessionRecord?> FindAsync(HttpContext context, string? channelId, string? conversationId, string action)
    {
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId))
        {
            return null;
        }

        var session = await sessions.GetAsync(channelId, conversationId, context.RequestAborted);
        if (session is not null)
        {
            await audit.AppendAsync(new AuditEntry(timeProvider.GetUtcNow(), context.User.Identity?.Name ?? "", action, channelId, conversationId), context.RequestAborted);
        }

        return session;
    }
}
