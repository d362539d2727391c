namespace BotTriage.Core.Understanding.Text;

/// <summary>What a token is made of.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
}
