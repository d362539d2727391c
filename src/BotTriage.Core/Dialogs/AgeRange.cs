namespace BotTriage.Core.Dialogs;

/// <summary>
/// The ages that make a yes-no question's answer a yes when the person answers with an age (flow.yaml
/// <c>yes-for-age</c>): under <see cref="Under"/> or over <see cref="Over"/>. "Jonger dan 20 of ouder dan 50" is
/// under 20, over 50; an age of 20 or 50 is a no.
/// </summary>
public sealed record AgeRange(int? Under, int? Over)
{
    /// <summary>True when <paramref name="age"/> makes the answer a yes.</summary>
    public bool IsYes(int age) => age < Under || age > Over;
}
