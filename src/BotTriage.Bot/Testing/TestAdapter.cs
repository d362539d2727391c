using System.Collections.Concurrent;
using System.Globalization;
using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Testing;

/// <summary>
/// The SDK's TestAdapter: runs turns through the same middleware and bot without HTTP, as channel <c>test</c>
/// (serviceUrl <c>https://test.com</c>, user <c>user1</c>, bot <c>bot</c>), and queues what the bot sends.
/// </summary>
public class TestAdapter : BotAdapter
{
    private readonly ConcurrentQueue<Activity> _replies = new();
    private int _nextId;

    public TestAdapter(string channelId = Channels.Test, string conversationId = "Convo1")
    {
        Conversation = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.com",
            User = new ChannelAccount("user1", "User1"),
            Bot = new ChannelAccount("bot", "Bot"),
            Conversation = new ConversationAccount(conversationId, "Conversation1"),
            Locale = "nl-NL",
        };
    }

    /// <summary>Who talks to whom; change it with <c>with</c> to test another channel, user or locale.</summary>
    public ConversationReference Conversation { get; set; }

    /// <summary>Everything the bot sent, oldest first, until a test takes it.</summary>
    public IReadOnlyCollection<Activity> ActiveQueue => _replies;

    /// <summary>An activity from the user, addressed to the bot, with a fresh id and timestamp.</summary>
    public Activity MakeActivity(string? text = null) =>
        Activity.CreateMessageActivity(text).ApplyConversationReference(Conversation, isIncoming: true) with
        {
            Id = NextId(),
            Timestamp = DateTimeOffset.UtcNow,
        };

    /// <summary>Runs one turn; the given activity gets the conversation's addressing where it has none.</summary>
    public Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var incoming = activity with
        {
            Type = activity.Type ?? ActivityTypes.Message,
            ChannelId = activity.ChannelId ?? Conversation.ChannelId,
            ServiceUrl = activity.ServiceUrl ?? Conversation.ServiceUrl,
            From = activity.From ?? Conversation.User,
            Recipient = activity.Recipient ?? Conversation.Bot,
            Conversation = activity.Conversation ?? Conversation.Conversation,
            Locale = activity.Locale ?? Conversation.Locale,
            Id = activity.Id ?? NextId(),
            Timestamp = activity.Timestamp ?? DateTimeOffset.UtcNow,
        };
        return RunPipelineAsync(new TurnContext(this, incoming), callback, cancellationToken);
    }

    public Task SendTextToBotAsync(string text, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(MakeActivity(text), callback, cancellationToken);

    /// <summary>Takes the oldest reply, or null when there is none.</summary>
    public Activity? GetNextReply() => _replies.TryDequeue(out var reply) ? reply : null;

    protected override Task<ResourceResponse> DeliverAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var sent = activity with { Id = activity.Id ?? NextId(), Timestamp = activity.Timestamp ?? DateTimeOffset.UtcNow };
        _replies.Enqueue(sent);
        return Task.FromResult(new ResourceResponse(sent.Id));
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
