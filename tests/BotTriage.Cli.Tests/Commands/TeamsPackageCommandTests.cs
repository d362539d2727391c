using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BotTriage.Bot.Teams;
using BotTriage.Cli.Commands;

namespace BotTriage.Cli.Tests.Commands;

public sealed partial class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "5d7c2f3e-8a1b-4c6d-9e0f-1a2b3c4d5e6f";
    private const string Domain = "bottriage.praktijk.example.nl";

    private static readonly string[] Urls =
        ["--website-url", "https://praktijk.example.nl", "--privacy-url", "https://praktijk.example.nl/privacy", "--terms-url", "https://praktijk.example.nl/voorwaarden"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bottriage-teams-");

    private string Zip => Path.Combine(_folder.FullName, "teams.zip");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task WritesAManifestWithEverythingSchema122Requires()
    {
        var (exit, output, error) = await RunAsync("--app-id", AppId, "--domain", Domain, "--out", Zip);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("manifest 1.22", output, StringComparison.Ordinal);
        var files = ReadZip(Zip);
        Assert.Equal(["color.png", "en-US.json", "manifest.json", "outline.png"], files.Keys.Order(StringComparer.Ordinal));
        var manifest = JsonDocument.Parse(files["manifest.json"]).RootElement;
        foreach (var field in (string[])["manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor"])
        {
            Assert.True(manifest.TryGetProperty(field, out _), field);
        }

        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json", manifest.GetProperty("$schema").GetString());
        Assert.Equal("1.22", manifest.GetProperty("manifestVersion").GetString());
        Assert.Matches(Guid(), manifest.GetProperty("id").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", manifest.GetProperty("version").GetString());
        var bot = Assert.Single(manifest.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(["personal"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal([Domain], manifest.GetProperty("validDomains").EnumerateArray().Select(s => s.GetString()));
        Assert.InRange(manifest.GetProperty("name").GetProperty("short").GetString()!.Length, 1, 30);
        Assert.InRange(manifest.GetProperty("description").GetProperty("short").GetString()!.Length, 1, 80);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", manifest.GetProperty("accentColor").GetString());
        Assert.Equal("https://praktijk.example.nl/privacy", manifest.GetProperty("developer").GetProperty("privacyUrl").GetString());
        var english = JsonDocument.Parse(files["en-US.json"]).RootElement;
        Assert.StartsWith("Describe your complaint", english.GetProperty("description.short").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrawsTheIconsAtTheSizesTeamsRequires()
    {
        await RunAsync("--app-id", AppId, "--domain", Domain, "--out", Zip);

        var files = ReadZip(Zip);
        Assert.Equal((192, 192, 8, 6), Header(files["color.png"]));
        Assert.Equal((32, 32, 8, 6), Header(files["outline.png"]));
        var outline = Pixels(files["outline.png"], 32);
        var visible = Enumerable.Range(0, 32 * 32).Where(i => outline[(i * 4) + 3] != 0).ToList();
        Assert.NotEmpty(visible);
        Assert.All(visible, i => Assert.Equal([255, 255, 255, 255], outline.AsSpan(i * 4, 4).ToArray()));
        Assert.Contains(Enumerable.Range(0, 32 * 32), i => outline[(i * 4) + 3] == 0);
        var color = Pixels(files["color.png"], 192);
        Assert.Equal([0x2E, 0x7D, 0x6B, 0xFF], color.AsSpan(0, 4).ToArray());
    }

    [Fact]
    public async Task TakesNameDescriptionAndColourFromTheSettingsFileWithOptionsOnTop()
    {
        var settings = Path.Combine(_folder.FullName, "appsettings.json");
        await File.WriteAllTextAsync(settings, """
            {
              "Teams": {
                "AllowedTenants": ["72f988bf-86f1-41af-91ab-2d7cd011db47"],
                "AppName": "Vitaal",
                "ShortDescription": "Je klacht, de juiste plek.",
                "AccentColor": "#123456",
                "DeveloperName": "Praktijk De Rug",
                "WebsiteUrl": "https://derug.example.nl",
                "PrivacyUrl": "https://derug.example.nl/privacy",
                "TermsOfUseUrl": "https://derug.example.nl/voorwaarden"
              }
            }
            """);

        var (exit, _, error) = await CliRunner.RunAsync("", "teams-package", "--app-id", AppId, "--domain", Domain, "--out", Zip, "--config", settings, "--name", "Vitaal Plus");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var files = ReadZip(Zip);
        var manifest = JsonDocument.Parse(files["manifest.json"]).RootElement;
        Assert.Equal("Vitaal Plus", manifest.GetProperty("name").GetProperty("short").GetString());
        Assert.Equal("Je klacht, de juiste plek.", manifest.GetProperty("description").GetProperty("short").GetString());
        Assert.Equal("#123456", manifest.GetProperty("accentColor").GetString());
        Assert.Equal("Praktijk De Rug", manifest.GetProperty("developer").GetProperty("name").GetString());
        Assert.Equal([0x12, 0x34, 0x56, 0xFF], Pixels(files["color.png"], 192).AsSpan(0, 4).ToArray());
    }

    [Fact]
    public async Task BuildsAValidPackageFromTheSampleSettings()
    {
        var sample = SampleSettings();

        var (exit, _, error) = await CliRunner.RunAsync("", "teams-package", "--app-id", AppId, "--domain", Domain, "--out", Zip, "--config", sample);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var manifest = JsonDocument.Parse(ReadZip(Zip)["manifest.json"]).RootElement;
        Assert.Equal("https://praktijk.example.nl/privacy", manifest.GetProperty("developer").GetProperty("privacyUrl").GetString());
    }

    [Theory]
    [InlineData("--app-id", "bottriage-bot", "manifest.json: id: 'bottriage-bot' is not a GUID")]
    [InlineData("--app-id", "bottriage-bot", "manifest.json: bots[0].botId: 'bottriage-bot' is not the bot's Microsoft App ID")]
    [InlineData("--domain", "https://bot.example.nl/api/messages", "manifest.json: validDomains[0]: 'https://bot.example.nl/api/messages' is not a host name")]
    [InlineData("--name", "BotTriage voor de hele organisatie", "manifest.json: name.short: is 34 characters; at most 30 are allowed")]
    [InlineData("--accent-color", "green", "manifest.json: accentColor: 'green' is not a colour of the form #RRGGBB")]
    [InlineData("--version", "1.0", "manifest.json: version: '1.0' is not a version of the form MAJOR.MINOR.PATCH")]
    [InlineData("--privacy-url", "http://praktijk.example.nl/privacy", "manifest.json: developer.privacyUrl: 'http://praktijk.example.nl/privacy' is not an absolute https URL")]
    public async Task RefusesAnInvalidManifestWithAClearErrorAndWritesNothing(string option, string value, string expected)
    {
        var args = new Dictionary<string, string> { ["--app-id"] = AppId, ["--domain"] = Domain, ["--out"] = Zip };
        args[option] = value;

        var (exit, _, error) = await RunAsync([.. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("no package was written", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Zip));
        Assert.Empty(_folder.GetFiles());
    }

    [Fact]
    public async Task AsksForTheDevelopersUrlsWhenNoneAreConfigured()
    {
        var (exit, _, error) = await CliRunner.RunAsync("", "teams-package", "--app-id", AppId, "--domain", Domain, "--out", Zip);

        Assert.Equal(1, exit);
        Assert.Contains("manifest.json: developer.termsOfUseUrl: is required (an https URL)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--app-id", AppId)]
    [InlineData("--domain", Domain)]
    public async Task NeedsBothTheAppIdAndTheDomain(string option, string value)
    {
        var (exit, _, error) = await CliRunner.RunAsync("", "teams-package", option, value);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("--app-id and --domain are required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsASettingsFileThatIsNotJson()
    {
        var settings = Path.Combine(_folder.FullName, "broken.json");
        await File.WriteAllTextAsync(settings, "{ \"Teams\": { \"AppName\": ");

        var (exit, _, error) = await RunAsync("--app-id", AppId, "--domain", Domain, "--out", Zip, "--config", settings);

        Assert.Equal(1, exit);
        Assert.Contains($"cannot read settings {settings}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public void FindsIconsOfTheWrongSizeOrColour()
    {
        var files = new Dictionary<string, byte[]>(TeamsPackageCommand.Build(AppId, Domain, "1.0.0", WithUrls()))
        {
            ["color.png"] = TeamsPackagePng.Encode(64, 64, new byte[64 * 64 * 4]),
            ["outline.png"] = TeamsPackagePng.Encode(32, 32, [.. Enumerable.Repeat((byte)128, 32 * 32 * 4)]),
        };

        var errors = TeamsPackageValidator.Validate(files);

        Assert.Contains("manifest.json: icons.color: 'color.png' is 64x64; Teams requires 192x192", errors);
        Assert.Contains("manifest.json: icons.outline: 'outline.png' must be white on a transparent background", errors);
    }

    [Fact]
    public void PassesThePackageItBuilds()
    {
        Assert.Empty(TeamsPackageValidator.Validate(TeamsPackageCommand.Build(AppId, Domain, "2.3.14", WithUrls())));
    }

    private static TeamsOptions WithUrls() => new()
    {
        WebsiteUrl = "https://praktijk.example.nl",
        PrivacyUrl = "https://praktijk.example.nl/privacy",
        TermsOfUseUrl = "https://praktijk.example.nl/voorwaarden",
    };

    /// <summary>Runs the command with the developer's URLs added, unless the test gives its own.</summary>
    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        CliRunner.RunAsync("", ["teams-package", .. args, .. UrlsNotIn(args)]);

    private static string[] UrlsNotIn(string[] args)
    {
        var kept = new List<string>();
        for (var i = 0; i < Urls.Length; i += 2)
        {
            if (!args.Contains(Urls[i]))
            {
                kept.Add(Urls[i]);
                kept.Add(Urls[i + 1]);
            }
        }

        return [.. kept];
    }

    private static string SampleSettings()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "appsettings.sample.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("appsettings.sample.json not found above the test folder.");
    }

    private static Dictionary<string, byte[]> ReadZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[entry.FullName] = copy.ToArray();
        }

        return files;
    }

    /// <summary>Width, height, bit depth and colour type from the IHDR chunk, read here independently of the encoder.</summary>
    private static (int, int, int, int) Header(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png.AsSpan(0, 8).ToArray());
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8)));
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[24], png[25]);
    }

    /// <summary>Checks every chunk's CRC and inflates the image data of an unfiltered RGBA PNG.</summary>
    private static byte[] Pixels(byte[] png, int size)
    {
        using var data = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var chunk = png.AsSpan(offset + 4, 4 + length);
            Assert.Equal(Crc(chunk), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length)));
            if (Encoding.ASCII.GetString(png, offset + 4, 4) == "IDAT")
            {
                data.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        data.Position = 0;
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        var raw = new byte[size * ((size * 4) + 1)];
        zlib.ReadExactly(raw);
        Assert.Equal(-1, zlib.ReadByte());
        var pixels = new List<byte>(size * size * 4);
        for (var y = 0; y < size; y++)
        {
            Assert.Equal(0, raw[y * ((size * 4) + 1)]);
            pixels.AddRange(raw.AsSpan((y * ((size * 4) + 1)) + 1, size * 4).ToArray());
        }

        return [.. pixels];
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Guid();
}
