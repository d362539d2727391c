using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// The live Direct Line conversations, in memory: bounded in number (the least recently active goes first) and
/// dropped after <see cref="DirectLineOptions.ConversationIdleMinutes"/> without activity.
/// </summary>
public sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _createLock = new();

    public int Count => _conversations.Count;

    /// <summary>
    /// The conversation, created when new; <c>Created</c> says which. A created log numbers its activities after
    /// <paramref name="startAfter"/>.
    /// </summary>
    public (DirectLineConversation Conversation, bool Created) GetOrCreate(string id, string userId, string serviceUrl, long startAfter = 0)
    {
        if (TryGet(id) is { } existing)
        {
            return (existing, false);
        }

        lock (_createLock)
        {
            if (_conversations.TryGetValue(id, out existing))
            {
                return (existing, false);
            }

            var now = timeProvider.GetUtcNow();
            Sweep(now);
            var settings = options.Value;
            while (_conversations.Count >= settings.MaxConversations)
            {
                var oldest = _conversations.Values.MinBy(c => c.LastActive);
                if (oldest is null)
                {
                    break;
                }

                _conversations.TryRemove(oldest.Id, out _);
            }

            var conversation = new DirectLineConversation(id, userId, serviceUrl, settings.MaxActivitiesPerConversation, now, startAfter);
            _conversations[id] = conversation;
            return (conversation, true);
        }
    }

    /// <summary>The live conversation with <paramref name="id"/>, or null when unknown or idle too long.</summary>
    public DirectLineConversation? TryGet(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        if (IsExpired(conversation, timeProvider.GetUtcNow()))
        {
            _conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(id, conversation));
            return null;
        }

        return conversation;
    }

    /// <summary>Drops every conversation idle for too long.</summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var conversation in _conversations.Values)
        {
            if (IsExpired(conversation, now))
            {
                _conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation));
            }
        }
    }

    private bool IsExpired(DirectLineConversation conversation, DateTimeOffset now) =>
        now - conversation.LastActive > TimeSpan.FromMinutes(options.Value.ConversationIdleMinutes);
}
