namespace BotTriage.Cli;

/// <summary>
/// The arguments of one command: <c>--name value</c> options, <c>--flag</c> switches and positional values,
/// checked against what the command accepts so a typo is an error rather than silently ignored.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandArguments()
    {
    }

    public IReadOnlyList<string> Positional { get; private set; } = [];

    /// <summary>Parses <paramref name="args"/>; returns null and writes the problem to <paramref name="error"/> when they do not fit.</summary>
    public static CommandArguments? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(flags);
        var parsed = new CommandArguments();
        var positional = new List<string>();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? inlineValue = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            if (flags.Contains(name) && inlineValue is null)
            {
                parsed._flags.Add(name);
            }
            else if (options.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    error = $"option --{name} needs a value";
                    return null;
                }

                parsed._options[name] = value;
            }
            else
            {
                error = $"unknown option --{name}";
                return null;
            }
        }

        parsed.Positional = positional;
        return parsed;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);
}
