using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Testing;

/// <summary>
/// The SDK's TestFlow: a conversation script that reads like the chat. Steps run in order on
/// <see cref="StartTestAsync"/>; every assertion throws <see cref="TestFlowException"/> with what was expected
/// and what came.
/// </summary>
public sealed class TestFlow
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);

    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;
    private readonly List<Func<CancellationToken, Task>> _steps;

    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync)
    {
    }

    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
        : this(adapter, callback, [])
    {
    }

    private TestFlow(TestAdapter adapter, BotCallbackHandler callback, List<Func<CancellationToken, Task>> steps)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(callback);
        _adapter = adapter;
        _callback = callback;
        _steps = steps;
    }

    /// <summary>The user sends <paramref name="text"/>.</summary>
    public TestFlow Send(string text) => Then(ct => _adapter.SendTextToBotAsync(text, _callback, ct));

    /// <summary>The user sends <paramref name="activity"/>, addressed like any other.</summary>
    public TestFlow Send(Activity activity) => Then(ct => _adapter.ProcessActivityAsync(activity, _callback, ct));

    /// <summary>The channel adds the user to the conversation.</summary>
    public TestFlow SendConversationUpdate() => Then(ct => _adapter.ProcessActivityAsync(
        new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [_adapter.Conversation.User!],
        },
        _callback,
        ct));

    public TestFlow AssertReply(string expectedText) => AssertReply(reply =>
    {
        if (!string.Equals(reply.Text, expectedText, StringComparison.Ordinal))
        {
            throw new TestFlowException($"Expected reply \"{expectedText}\" but got \"{reply.Text}\" ({reply.Type}).");
        }
    });

    /// <summary>The next reply passes <paramref name="validate"/>, which throws when it does not.</summary>
    public TestFlow AssertReply(Action<Activity> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        return Then(async ct => validate(await NextReplyAsync(ct).ConfigureAwait(false)));
    }

    public TestFlow AssertReplyContains(string expected) => AssertReply(reply =>
    {
        if (reply.Text is null || !reply.Text.Contains(expected, StringComparison.Ordinal))
        {
            throw new TestFlowException($"Expected a reply containing \"{expected}\" but got \"{reply.Text}\".");
        }
    });

    public TestFlow AssertReplyOneOf(params string[] candidates) => AssertReply(reply =>
    {
        if (!candidates.Contains(reply.Text, StringComparer.Ordinal))
        {
            throw new TestFlowException($"Expected one of [{string.Join(" | ", candidates)}] but got \"{reply.Text}\".");
        }
    });

    /// <summary>Nothing more was sent by the turns so far.</summary>
    public TestFlow AssertNoReply() => Then(_ =>
    {
        var reply = _adapter.GetNextReply();
        return reply is null ? Task.CompletedTask : throw new TestFlowException($"Expected no reply but got \"{reply.Text}\" ({reply.Type}).");
    });

    /// <summary>Runs the script.</summary>
    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken).ConfigureAwait(false);
        }
    }

    private TestFlow Then(Func<CancellationToken, Task> step) => new(_adapter, _callback, [.. _steps, step]);

    private async Task<Activity> NextReplyAsync(CancellationToken cancellationToken)
    {
        // Turns complete before the next step runs, so a reply is normally there already; the wait covers replies a
        // middleware sends from the background, and a missing reply fails after the timeout instead of hanging.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        while (true)
        {
            if (_adapter.GetNextReply() is { } reply)
            {
                return reply;
            }

            try
            {
                await Task.Delay(10, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TestFlowException("Expected a reply but none came.");
            }
        }
    }
}
