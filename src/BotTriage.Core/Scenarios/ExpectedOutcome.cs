using System.Collections.Immutable;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// What a script expects of the outcome, field by field, in the names of the outcome contract (<c>urgency</c>,
/// <c>routes</c>, ...). A vignette names only the fields it cares about; a transcript's previous outcome is compared
/// whole (<see cref="Complete"/>), so a field the content adds later shows up as a difference too.
/// </summary>
public sealed record ExpectedOutcome(ImmutableSortedDictionary<string, ExpectedValue> Fields, bool Complete)
{
    /// <summary>The line to report a difference in a field on when the script does not name that field.</summary>
    public int Line { get; init; } = 1;
}
