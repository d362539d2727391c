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

    public static string Format(long seconds, bool approximate, string culture, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var (unitSeconds, singular, plural) = Array.Find(Units, u => seconds >= u.Seconds) is { Seconds: > 0 } unit ? unit : Units[^1];
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
