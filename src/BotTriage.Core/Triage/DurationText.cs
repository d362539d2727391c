using System.Globalization;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>Says a duration the way a person would: "ongeveer 3 weken", "1,5 maand", "2 days".</summary>
public static class DurationText
{
    private static readonly (long Seconds, string Singular, string Plural)[] Units =
    [
        (31_536_000, "unit.year", "unit.years"),
        (2_592_000, "unit.month", "unit.months"),
        (604_800, "unit.week", "unit.weeks"),
        (86_400, "unit.day", "unit.days"),
        (3_600, "unit.hour", "unit.hours"),
    ];

    private static readonly (long Seconds, string Singular, string Plural) Week = Array.Find(Units, u => u.Seconds == Understanding.DurationResolution.SecondsPerWeek);

    public static string Format(long seconds, bool approximate, string culture, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        // Whole weeks up to twelve stay weeks, as people count them ("8 weken", not "ongeveer 2 maanden"); anything else
        // in the largest unit it reaches.
        var (unitSeconds, singular, plural) = seconds > 0 && seconds % Week.Seconds == 0 && seconds <= 12 * Week.Seconds ? Week
            : Array.Find(Units, u => seconds >= u.Seconds) is { Seconds: > 0 } unit ? unit : Units[^1];
        var amount = Math.Round(seconds / (double)unitSeconds * 2, MidpointRounding.AwayFromZero) / 2;
        if (amount == 0)
        {
            amount = 1;
        }

        var number = amount.ToString("0.#", Cultures.Format(culture));
        var text = string.Create(CultureInfo.InvariantCulture, $"{number} {texts.Get(amount == 1 ? singular : plural, culture)}");
        return approximate ? texts.Get("answer.about", culture).Format(culture, text) : text;
    }
}
