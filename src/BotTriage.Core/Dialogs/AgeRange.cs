using BotTriage.Core.Triage;
using BotTriage.Core.Understanding;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// The ages that make a yes-no question's answer a yes when the person answers with an age (flow.yaml
/// <c>yes-for-age</c>): under <see cref="Under"/> or over <see cref="Over"/>. "Jonger dan 20 of ouder dan 50" is
/// under 20, over 50; an age of 20 or 50 is a no.
/// </summary>
public sealed record AgeRange(int? Under, int? Over)
{
    /// <summary>
    /// Yes when every age <paramref name="said"/> allows makes the answer a yes ("62", "ouder dan 50"), no when none
    /// does ("45", "tussen 20 en 50"), and null when the ages said reach both ("ouder dan 20").
    /// </summary>
    public YesNo? Answer(AgeSpan said) =>
        said.Oldest < Under || said.Youngest > Over ? YesNo.Yes
        : !(said.Youngest < Under) && !(said.Oldest > Over) ? YesNo.No
        : null;
}
