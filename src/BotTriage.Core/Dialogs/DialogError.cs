using System.Globalization;

namespace BotTriage.Core.Dialogs;

/// <summary>One problem in a dialog file, located by file and line.</summary>
public sealed record DialogError(string File, int Line, string Message)
{
    /// <summary>The <c>file:line: message</c> form printed by <c>bottriage check-dialogs</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Message}");
}
