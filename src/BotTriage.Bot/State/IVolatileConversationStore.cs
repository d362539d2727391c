using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.State;

/// <summary>
/// Where what may not be durable waits, with sliding expiry: the state of a conversation whose person has not
/// consented (yet, or at all) and the transcript activities held until the consent answer. One instance keeps it in
/// its memory (<see cref="VolatileConversationCache"/>); instances behind one endpoint share it in their database,
/// outside its durable log, so any instance can take the conversation's next turn.
/// </summary>
public interface IVolatileConversationStore
{
    Task<TriageState?> GetStateAsync(string key, CancellationToken cancellationToken);

    Task SetStateAsync(string key, TriageState state, CancellationToken cancellationToken);

    /// <summary>Forgets the conversation's state but keeps held transcript activities for the transcript logger.</summary>
    Task RemoveStateAsync(string key, CancellationToken cancellationToken);

    Task HoldTranscriptAsync(string key, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Returns and forgets the held transcript activities, oldest first.</summary>
    Task<IReadOnlyList<Activity>> TakePendingTranscriptAsync(string key, CancellationToken cancellationToken);
}
