using System.Collections.Immutable;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// Finds and reads scripts: vignettes (<c>.yaml</c>, <c>.yml</c>) and stored transcripts (<c>.transcript</c>), from
/// files or from folders searched recursively, in a stable order. A file that cannot be read is reported as
/// <c>file:line: message</c> and the others are still read, so one run lists every problem.
/// </summary>
public static class ScriptLoader
{
    public const string TranscriptExtension = ".transcript";

    private static readonly string[] VignetteExtensions = [".yaml", ".yml"];

    /// <summary>Reads every script at the given files and folders.</summary>
    public static (ImmutableList<Script> Scripts, ImmutableList<DialogError> Errors) Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var scripts = ImmutableList.CreateBuilder<Script>();
        var errors = new List<DialogError>();
        foreach (var path in paths)
        {
            foreach (var file in Find(path, errors))
            {
                if (LoadFile(file, errors) is { } script)
                {
                    scripts.Add(script);
                }
            }
        }

        return (scripts.ToImmutable(), [.. errors]);
    }

    /// <summary>Reads one vignette or transcript; null, with the problems added to <paramref name="errors"/>, when it cannot be read.</summary>
    public static Script? LoadFile(string path, List<DialogError> errors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            if (IsTranscript(path))
            {
                return TranscriptReader.Read(path, WithoutByteOrderMark(File.ReadAllBytes(path)), errors);
            }

            if (IsVignette(path))
            {
                return VignetteReader.Read(path, errors);
            }

            errors.Add(new DialogError(path, 1, $"not a vignette (.yaml) or a transcript ({TranscriptExtension})"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new DialogError(path, 1, $"cannot be read: {e.Message}"));
            return null;
        }
    }

    /// <summary>The script files at a path: the file itself, or every script file under the folder, sorted by path.</summary>
    public static IReadOnlyList<string> Find(string path, List<DialogError> errors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(errors);
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            errors.Add(new DialogError(path, 1, "no such file or folder"));
            return [];
        }

        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => IsVignette(f) || IsTranscript(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            errors.Add(new DialogError(path, 1, $"no vignettes (.yaml) or transcripts ({TranscriptExtension}) in this folder"));
        }

        return files;
    }

    private static bool IsTranscript(string path) => path.EndsWith(TranscriptExtension, StringComparison.OrdinalIgnoreCase);

    private static bool IsVignette(string path) => VignetteExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static byte[] WithoutByteOrderMark(byte[] content) =>
        content is [0xEF, 0xBB, 0xBF, ..] ? content[3..] : content;
}
