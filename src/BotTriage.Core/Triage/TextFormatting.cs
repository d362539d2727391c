using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>Fills the <c>{0}</c> placeholders of a text from dialogs/texts.yaml in the conversation's culture.</summary>
internal static class TextFormatting
{
    public static string Format(this string template, string culture, params object[] values) =>
        string.Format(Cultures.Format(culture), template, values);
}
