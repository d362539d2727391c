using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Sessions;

/// <summary>
/// One consented triage as the therapist workspace reads it: the conversation's ids, a pseudonym for the person,
/// when consent was given and when the session last changed, and the triage state itself (answers, path, outcome).
/// The list's columns (status, urgency, routes, red flags, locations) are derived from the state.
/// </summary>
public sealed record SessionRecord
{
    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    /// <summary>A stable, non-reversible label for the person (never the channel's user id or name).</summary>
    public required string Pseudonym { get; init; }

    /// <summary>When the first consented turn was recorded; kept across updates.</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>When the person agreed that their answers may be kept: the consent record.</summary>
    public required DateTimeOffset ConsentedAt { get; init; }

    public required DateTimeOffset Updated { get; init; }

    public required TriageState State { get; init; }

    /// <summary>
    /// <see cref="State"/> as the JSON text that was just stored with the conversation, when the writer has it (empty
    /// otherwise): a store keeps these bytes rather than serializing the state a second time in the same turn.
    /// </summary>
    public ReadOnlyMemory<byte> StateJson { get; init; }

    /// <summary>The state's JSON text for a store to keep: <see cref="StateJson"/> when given, else serialized now.</summary>
    public ReadOnlyMemory<byte> StateJsonToStore() =>
        StateJson.IsEmpty ? JsonSerializer.SerializeToUtf8Bytes(State, BotJsonContext.Default.TriageState) : StateJson;

    public SessionKey Key => new(ChannelId, ConversationId);

    public string Culture => State.Culture;

    public SessionStatus Status => State.Outcome switch
    {
        { Emergency: true } => SessionStatus.Emergency,
        { Completed: true } => SessionStatus.Completed,
        _ => SessionStatus.Abandoned,
    };

    /// <summary><c>T0</c>..<c>T4</c>, or <c>none</c> (also while there is no result).</summary>
    public string Urgency => State.Outcome?.Urgency ?? "none";

    public ImmutableList<string> Routes => State.Outcome?.Routes ?? [];

    /// <summary>The outcome's red flags, plus those mentioned in a session that has no result yet.</summary>
    public ImmutableList<string> RedFlags =>
    [
        .. (State.Outcome?.RedFlags ?? [])
            .Concat(State.Answers.Where(a => a.Key.StartsWith("redflag.", StringComparison.Ordinal) && a.Value.YesNo == YesNo.Yes).Select(a => a.Key["redflag.".Length..]))
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Whether <see cref="RedFlags"/> has any, without building the list (every turn's session write asks).</summary>
    public bool HasRedFlag
    {
        get
        {
            if (State.Outcome is { RedFlags.IsEmpty: false })
            {
                return true;
            }

            foreach (var (key, answer) in State.Answers)
            {
                if (answer.YesNo == YesNo.Yes && key.StartsWith("redflag.", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Every body location answered, with its side, in answer order, each once.</summary>
    public ImmutableList<BodyLocation> Locations => [.. State.Answers.Values.SelectMany(a => a.Locations).Distinct()];
}
