using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// One WebSocket on a conversation's <c>streamUrl</c>: sends each new ActivitySet as a text frame and an empty frame
/// when nothing happened for a while, ignores what the client sends (DirectLineJS pings with empty frames) and ends
/// when the client closes, the request is aborted, the token expires, or a newer stream on the same conversation
/// replaces it (closed with <c>collision</c>).
/// </summary>
internal static class DirectLineStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task<string> RunAsync(WebSocket socket, DirectLineConversation conversation, long watermark, DateTimeOffset expiresAt, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var replaced = conversation.OpenStream();
        try
        {
            return await RunAsync(socket, conversation, watermark, expiresAt, aborted, replaced.Token);
        }
        finally
        {
            conversation.CloseStream(replaced);
        }
    }

    private static async Task<string> RunAsync(WebSocket socket, DirectLineConversation conversation, long watermark, DateTimeOffset expiresAt, CancellationToken aborted, CancellationToken replaced)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted, replaced);
        closed.CancelAfter(expiresAt - DateTimeOffset.UtcNow is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
        var receiving = ReceiveUntilClosedAsync(socket, closed);
        try
        {
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var changed = conversation.WaitForChangeAsync(closed.Token);
                var set = conversation.Read(watermark, includeTyping: true);
                if (set.Activities.Count > 0)
                {
                    await SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(set, DirectLineJsonContext.Default.DirectLineActivitySet), closed.Token);
                }

                watermark = long.Parse(set.Watermark, NumberStyles.None, CultureInfo.InvariantCulture);
                if (await Task.WhenAny(changed, Task.Delay(KeepAlive, closed.Token)) != changed)
                {
                    await SendAsync(socket, [], closed.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client left or the token expired: a normal end.
        }
        catch (WebSocketException)
        {
            return "connection lost";
        }

        await closed.CancelAsync();
        await receiving;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            var reason = aborted.IsCancellationRequested ? "aborted" : replaced.IsCancellationRequested ? "collision" : "token expired";
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                return "connection lost";
            }

            return reason;
        }

        return "closed by the client";
    }

    private static Task SendAsync(WebSocket socket, byte[] frame, CancellationToken cancellationToken) =>
        socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await closed.CancelAsync();
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            await closed.CancelAsync();
        }
    }
}
