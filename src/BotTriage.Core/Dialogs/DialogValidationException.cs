namespace BotTriage.Core.Dialogs;

/// <summary>Thrown when a dialogs folder cannot be loaded; carries every problem found, not just the first.</summary>
public sealed class DialogValidationException : Exception
{
    public DialogValidationException()
        : this([])
    {
    }

    public DialogValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public DialogValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public DialogValidationException(IReadOnlyList<DialogError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<DialogError> Errors { get; }

    private static string Describe(IReadOnlyList<DialogError> errors) =>
        errors.Count == 0 ? "The dialogs are invalid." : string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
}
