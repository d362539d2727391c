using System.IO.Compression;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Chat;

/// <summary>
/// The chat page's scripts and styles go out compressed when the browser accepts it, and byte for byte the files
/// served; the page itself and the chat's token and Direct Line answers never are.
/// </summary>
public sealed class StaticAssetCompressionTests : IDisposable
{
    private readonly BotTriageFactory _factory = new();
    private readonly HttpClient _client;

    public StaticAssetCompressionTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task WebChatsBundleIsSentCompressedAndUnchanged(string encoding)
    {
        var plain = await GetAsync("/lib/webchat.js", null);

        using var compressed = await SendAsync("/lib/webchat.js", encoding);
        var body = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.True(body.Length * 2 < plain.Length, $"{body.Length} of {plain.Length} bytes");
        Assert.Equal(plain, Decompress(body, encoding));
    }

    [Theory]
    [InlineData("/chat.js")]
    [InlineData("/chat.css")]
    [InlineData("/embed.js")]
    [InlineData("/logo.svg")]
    public async Task ThePagesOwnFilesAreCompressedToo(string path)
    {
        var plain = await GetAsync(path, null);

        using var compressed = await SendAsync(path, "br");

        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        Assert.Equal(plain, Decompress(await compressed.Content.ReadAsByteArrayAsync(), "br"));
    }

    [Fact]
    public async Task ABrowserThatAcceptsNoEncodingGetsThePlainFile()
    {
        using var response = await SendAsync("/lib/webchat.js", null);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(new FileInfo(Path.Combine(FindWebRoot(), "lib", "webchat.js")).Length, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task ThePageAndTheVisitorsTokenAreNeverCompressed()
    {
        using var page = await SendAsync("/", "br, gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/token");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var token = await _client.SendAsync(request);

        Assert.True(page.IsSuccessStatusCode);
        Assert.True(token.IsSuccessStatusCode);
        Assert.Empty(page.Content.Headers.ContentEncoding);
        Assert.Empty(token.Content.Headers.ContentEncoding);
        Assert.Contains("\"token\"", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        var response = await _client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return response;
    }

    private async Task<byte[]> GetAsync(string path, string? acceptEncoding)
    {
        using var response = await SendAsync(path, acceptEncoding);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }

    private string FindWebRoot() => _factory.Get<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath;
}
