using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Tests.Dialogs;

/// <summary>A temporary copy of the shipped dialogs folder that a test can break on purpose.</summary>
public sealed class DialogsFolder : IDisposable
{
    public DialogsFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bottriage-dialogs-" + Guid.NewGuid().ToString("N"));
        Copy(DialogPaths.Default, Path);
    }

    public string Path { get; }

    /// <summary>Replaces one exact piece of a file (it must occur exactly once) and returns the 1-based line it is on.</summary>
    public int Replace(string file, string oldText, string newText)
    {
        var path = System.IO.Path.Combine(Path, file);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldText}' is not in {file}");
        Assert.Equal(index, text.LastIndexOf(oldText, StringComparison.Ordinal));
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
        return LineOf(text, index);
    }

    /// <summary>The 1-based line of the first occurrence of a text in a file.</summary>
    public int Line(string file, string text)
    {
        var content = File.ReadAllText(System.IO.Path.Combine(Path, file));
        var index = content.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in {file}");
        return LineOf(content, index);
    }

    public void Write(string file, string content) => File.WriteAllText(System.IO.Path.Combine(Path, file), content);

    public IReadOnlyList<string> Errors() => [.. DialogLoader.Check(Path).Errors.Select(e => e.ToString())];

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            Copy(directory, System.IO.Path.Combine(to, System.IO.Path.GetFileName(directory)));
        }
    }
}
