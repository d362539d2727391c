namespace BotTriage.Core.Understanding;

/// <summary>Thrown when lexicon files are broken; carries every problem found, each as <c>file:line: message</c>.</summary>
public sealed class LexiconException : Exception
{
    public LexiconException()
        : this("The lexicons could not be loaded.")
    {
    }

    public LexiconException(string message)
        : base(message)
    {
        Errors = [];
    }

    public LexiconException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public LexiconException(IReadOnlyList<LexiconError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<LexiconError> Errors { get; }

    private static string Describe(IReadOnlyList<LexiconError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
    }
}
