using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Scenarios;
using BotTriage.Core.Triage;

namespace BotTriage.Cli.Commands;

/// <summary>
/// <c>bottriage replay [--dialogs DIR] [--json] [--today YYYY-MM-DD] PATH...</c>: runs every vignette and stored
/// transcript under the paths against a dialogs folder and lists each outcome field that differs from the expected
/// (vignette) or previous (transcript) outcome, so a change to the clinical content is checked before it goes live.
/// Exit codes: 0 all match, 1 some differ, 2 some input could not be read (listed as <c>file:line: message</c>),
/// 64 wrong usage. Only codes are printed, never what the person typed.
/// </summary>
internal sealed class ReplayCommand(TimeProvider clock) : ICommand
{
    /// <summary>Exit code when a script or the dialogs folder cannot be read.</summary>
    public const int Unreadable = 2;

    private const string Usage = "Usage: bottriage replay [--dialogs DIR] [--json] [--today YYYY-MM-DD] PATH...";

    // The report goes to a terminal or a tool, never into HTML, so codes and Dutch file names stay readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ReplayCommand()
        : this(TimeProvider.System)
    {
    }

    public string Name => "replay";

    public string Summary => "run vignettes and transcripts against the dialogs and list every outcome that changed [--dialogs DIR] [--json] PATH...";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleIo io, CancellationToken cancellationToken)
    {
        var parsed = CommandArguments.Parse(args, ["dialogs", "today"], ["json"], out var problem);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (parsed is null || parsed.Positional.Count == 0
            || (parsed.Option("today") is { } day && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today)))
        {
            await io.Error.WriteLineAsync($"bottriage replay: {problem ?? (parsed is { Positional.Count: 0 } ? "name at least one vignette, transcript or folder" : "--today must be a date as YYYY-MM-DD")}. {Usage}").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        if (await DialogsOption.LoadAsync(parsed.Option("dialogs"), io).ConfigureAwait(false) is not { } dialogs)
        {
            return Unreadable;
        }

        var (scripts, errors) = ScriptLoader.Load(parsed.Positional);
        var runner = new ScriptRunner(new TriageEngine(dialogs));
        var results = new List<ScriptResult>(scripts.Count);
        foreach (var script in scripts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(runner.Run(script, today));
        }

        if (parsed.Flag("json"))
        {
            await io.Out.WriteLineAsync(ToJson(results, errors)).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(results, errors, io).ConfigureAwait(false);
        }

        return errors.Count > 0 ? Unreadable : results.TrueForAll(r => r.Matches) ? 0 : 1;
    }

    private static async Task WriteTextAsync(List<ScriptResult> results, IReadOnlyList<DialogError> errors, ConsoleIo io)
    {
        foreach (var error in errors)
        {
            await io.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
        }

        foreach (var result in results.Where(r => !r.Matches))
        {
            foreach (var difference in result.Differences)
            {
                await io.Out.WriteLineAsync(difference.Format(result.Script.File, result.Script.Kind)).ConfigureAwait(false);
            }
        }

        await io.Out.WriteLineAsync(SummaryLine(results, errors)).ConfigureAwait(false);
    }

    private static string SummaryLine(List<ScriptResult> results, IReadOnlyList<DialogError> errors)
    {
        var differ = results.Count(r => !r.Matches);
        var unreadable = errors.Select(e => e.File).Distinct(StringComparer.Ordinal).Count();
        return string.Create(CultureInfo.InvariantCulture, $"{results.Count} replayed: {results.Count - differ} match, {differ} differ; {unreadable} unreadable");
    }

    /// <summary>
    /// <c>{"scripts": [{"file", "name", "kind", "matches", "finalStep", "differences": [{"field", "line", "expected",
    /// "actual"}]}], "errors": [{"file", "line", "message"}], "summary": {"replayed", "matched", "differed", "unreadable"}}</c>;
    /// lists as sorted codes, an absent value as null.
    /// </summary>
    private static string ToJson(List<ScriptResult> results, IReadOnlyList<DialogError> errors)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("scripts");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("file", result.Script.File);
                writer.WriteString("name", result.Script.Name);
                writer.WriteString("kind", result.Script.Kind == ScriptKind.Transcript ? "transcript" : "vignette");
                writer.WriteBoolean("matches", result.Matches);
                writer.WriteString("finalStep", result.FinalStep);
                writer.WriteStartArray("differences");
                foreach (var difference in result.Differences)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", difference.Field);
                    writer.WriteNumber("line", difference.Line);
                    WriteValue(writer, "expected", difference.Expected);
                    WriteValue(writer, "actual", difference.Actual);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                writer.WriteString("file", error.File);
                writer.WriteNumber("line", error.Line);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            var differ = results.Count(r => !r.Matches);
            writer.WriteStartObject("summary");
            writer.WriteNumber("replayed", results.Count);
            writer.WriteNumber("matched", results.Count - differ);
            writer.WriteNumber("differed", differ);
            writer.WriteNumber("unreadable", errors.Select(e => e.File).Distinct(StringComparer.Ordinal).Count());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        writer.WritePropertyName(name);
        if (value is { } present)
        {
            present.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
