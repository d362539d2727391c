namespace BotTriage.Core.Dialogs;

/// <summary>A text in Dutch and English; every text in dialogs/ has both.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    /// <summary>The text for a conversation's culture (<c>nl</c> or <c>en</c>); Dutch for anything else.</summary>
    public string Get(string culture) => Cultures.IsEnglish(culture) ? En : Nl;
}
