namespace BotTriage.Core.Tests.Safety;

/// <summary>An emergency phrase from a lexicon, as typed, with whether its advice is the suicide line.</summary>
internal sealed record EmergencyPhrase(string Culture, string Code, string Text, bool Suicidal)
{
    public override string ToString() => $"{Culture}/{Code}: {Text}";
}
