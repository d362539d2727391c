using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BotTriage.Core.Understanding;

namespace BotTriage.Cli.Commands;

/// <summary>
/// <c>bottriage recognize --lang nl|en [--today YYYY-MM-DD] [--dialogs DIR] [TEXT]</c>: prints the entities found in
/// TEXT as JSON, or one JSON line per standard-input line when TEXT is absent.
/// </summary>
internal sealed class RecognizeCommand : ICommand
{
    private const string Usage = "usage: bottriage recognize --lang nl|en [--today YYYY-MM-DD] [--dialogs DIR] [TEXT]";

    // The output goes to a terminal or a file, never into HTML, so accented letters may stay readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "recognize";

    public string Summary => "print the entities (numbers, durations, red flags...) found in text, as JSON";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleIo io, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);

        string? language = null;
        string? dialogs = null;
        var today = DateOnly.FromDateTime(DateTime.Now);
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--lang" or "--today" or "--dialogs")
            {
                if (i + 1 >= args.Count)
                {
                    return await UsageErrorAsync(io, $"option '{arg}' needs a value").ConfigureAwait(false);
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--lang":
                        language = value;
                        break;
                    case "--dialogs":
                        dialogs = value;
                        break;
                    default:
                        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
                        {
                            return await UsageErrorAsync(io, $"--today must be a date as YYYY-MM-DD, not '{value}'").ConfigureAwait(false);
                        }

                        break;
                }
            }
            else if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                return await UsageErrorAsync(io, $"unknown option '{arg}'").ConfigureAwait(false);
            }
            else
            {
                words.Add(arg);
            }
        }

        if (language is null)
        {
            return await UsageErrorAsync(io, "--lang is required").ConfigureAwait(false);
        }

        var lexiconDirectory = dialogs is null
            ? Path.Combine(AppContext.BaseDirectory, "dialogs", "lexicons")
            : Path.Combine(dialogs, "lexicons");
        UtteranceRecognizer recognizer;
        try
        {
            recognizer = UtteranceRecognizer.Load(lexiconDirectory);
        }
        catch (LexiconException e)
        {
            foreach (var error in e.Errors)
            {
                await io.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
            }

            await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bottriage recognize: {e.Errors.Count} lexicon error(s)")).ConfigureAwait(false);
            return 1;
        }

        if (!recognizer.Lexicons.Supports(language))
        {
            return await UsageErrorAsync(io, $"no lexicon for language '{language}' (available: {string.Join(", ", recognizer.Lexicons.Languages.Order(StringComparer.Ordinal))})").ConfigureAwait(false);
        }

        var buffer = new ArrayBufferWriter<byte>();
        if (words.Count > 0)
        {
            await io.Out.WriteLineAsync(ToJson(recognizer, string.Join(' ', words), language, today, buffer)).ConfigureAwait(false);
            return 0;
        }

        while (await io.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            await io.Out.WriteLineAsync(ToJson(recognizer, line, language, today, buffer)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The command's JSON contract: <c>{"text": "...", "entities": [{"type", "start", "end", "text", "value", ...}]}</c>.</summary>
    internal static string ToJson(UtteranceRecognizer recognizer, string text, string language, DateOnly today, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteStartArray("entities");
            foreach (var entity in recognizer.Recognize(text, language, today))
            {
                entity.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static async Task<int> UsageErrorAsync(ConsoleIo io, string message)
    {
        await io.Error.WriteLineAsync($"bottriage recognize: {message}").ConfigureAwait(false);
        await io.Error.WriteLineAsync(Usage).ConfigureAwait(false);
        return CommandLine.UsageError;
    }
}
