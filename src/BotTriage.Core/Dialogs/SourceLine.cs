namespace BotTriage.Core.Dialogs;

/// <summary>Where a definition was written, for error messages.</summary>
public sealed record SourceLine(string File, int Line);
