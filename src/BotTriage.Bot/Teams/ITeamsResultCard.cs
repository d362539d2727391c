using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Teams;

/// <summary>The triage result as a card Teams can render (Adaptive Card 1.5).</summary>
public interface ITeamsResultCard
{
    /// <param name="outcome">The result.</param>
    /// <param name="culture">The conversation's language, <c>nl</c> or <c>en</c>.</param>
    /// <param name="workplace">The person's workplace programme, when their tenant has one.</param>
    Attachment Create(TriageOutcome outcome, string culture, WorkplaceOptions? workplace);
}
