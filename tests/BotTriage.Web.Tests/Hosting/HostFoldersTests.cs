using System.Diagnostics;
using System.Net;
using System.Reflection;
using BotTriage.Testing;
using BotTriage.Web.Hosting;

namespace BotTriage.Web.Tests.Hosting;

/// <summary>
/// The build output runs from any folder: started elsewhere it still reads its own appsettings.json and serves the
/// chat page's scripts from its own wwwroot.
/// </summary>
public sealed class HostFoldersTests
{
    [Fact]
    public void TheAppsOwnFolderIsTheContentRootOnlyWhenTheCurrentFolderHasNoSettingsAndNoneIsConfigured()
    {
        using var current = new TempDirectory();
        using var app = new TempDirectory();
        File.WriteAllText(app.File("appsettings.json"), "{}");
        static string? None(string name) => null;

        Assert.Equal(app.Path, HostFolders.ContentRoot([], current.Path, app.Path, None));
        Assert.Null(HostFolders.ContentRoot(["--contentRoot", current.Path], current.Path, app.Path, None));
        Assert.Null(HostFolders.ContentRoot(["--contentroot=/srv/bot"], current.Path, app.Path, None));
        Assert.Null(HostFolders.ContentRoot([], current.Path, app.Path, name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/bot" : null));

        File.WriteAllText(current.File("appsettings.json"), "{}");
        Assert.Null(HostFolders.ContentRoot([], current.Path, app.Path, None));
        File.Delete(current.File("appsettings.json"));
        File.Delete(app.File("appsettings.json"));
        Assert.Null(HostFolders.ContentRoot([], current.Path, app.Path, None));
    }

    [Fact]
    public async Task TheBuiltServerStartedFromAnotherFolderServesTheChatPageWithItsScripts()
    {
        using var folder = new TempDirectory();
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet", [BuiltServer(), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataDirectory"] = folder.File("data");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilHealthyAsync(client, server, output);

            foreach (var path in new[] { "/", "/chat.js", "/chat.css", "/embed.js", "/logo.svg", "/lib/webchat.js" })
            {
                using var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            }

            // appsettings.json was read: ASP.NET Core's per-request lines are at Warning there, Information without it.
            Assert.DoesNotContain(output, line => line.Contains("WebRootPath was not found", StringComparison.Ordinal));
            Assert.DoesNotContain(output, line => line.Contains("Request starting", StringComparison.Ordinal));
            Assert.Contains(output, line => line.Contains("BotTriage listening on", StringComparison.Ordinal));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    // The server this test project was built with, in the web project's own build folder (which holds its wwwroot).
    private static string BuiltServer()
    {
        var root = RepositoryFolder.Find();
        Assert.NotNull(root);
        var configuration = typeof(HostFoldersTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var server = Path.Combine(root, "src", "BotTriage.Web", "bin", configuration, framework, "BotTriage.Web.dll");
        Assert.True(File.Exists(server), $"{server} is not built");
        return server;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process server, IEnumerable<string> output)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(server.HasExited, "the server exited: " + string.Join('\n', output));
            try
            {
                using var health = await client.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("the server did not answer /healthz within 30 s: " + string.Join('\n', output));
    }
}
