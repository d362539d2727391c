using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BotTriage.Bench.Load;

/// <summary>
/// The load test's own client: one thread keeps every connection's request outstanding, waits for replies with one
/// poll over all the sockets, and answers each reply with the conversation's next turn. Each connection walks one
/// conversation at a time (<see cref="ConversationScript"/>), a new conversation id and user per conversation, and
/// every reply is checked for the text the script expects, and for the outcome event on the last turn.
/// </summary>
/// <remarks>
/// wrk needs a thread per connection for a Lua state per conversation; on two cores shared with the server its 50
/// threads and their wake-ups cost about as much CPU as a third of the server's. One thread that finds several
/// replies ready per poll costs far less, and leaves the cores to what is measured. It speaks just enough HTTP/1.1
/// for this server: one request at a time per connection, replies with Content-Length or chunked bodies.
/// </remarks>
internal static class SocketClient
{
    private static readonly byte[] OutcomeEvent = "\"name\":\"bottriage.outcome\""u8.ToArray();

    /// <summary>Drives the server for <paramref name="seconds"/> and returns what was measured.</summary>
    /// <param name="port">The server's port on 127.0.0.1.</param>
    /// <param name="connections">How many connections, each with one turn outstanding at most.</param>
    /// <param name="seconds">How long to measure.</param>
    /// <param name="run">A prefix for this run's conversation ids.</param>
    /// <param name="script">The conversation every connection walks.</param>
    /// <param name="rate">
    /// 0: closed loop, each connection sends its next turn as soon as its reply is checked, as fast as the server
    /// answers. Above 0: open loop at this many turns per second across all the connections, sent on a fixed
    /// schedule to whichever connection is free; a turn's latency runs from the time the schedule gave it, so a turn
    /// that had to wait for a free connection counts that wait too (no coordinated omission).
    /// </param>
    public static LoadResult Run(int port, int connections, int seconds, string run, ConversationScript script, double rate = 0)
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        var tally = new Tally();
        var all = new Connection[connections];
        var bySocket = new Dictionary<Socket, Connection>(connections, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < connections; i++)
        {
            all[i] = new Connection(endpoint, $"{run}-{i + 1}-", script, tally);
            bySocket[all[i].Socket] = all[i];
        }

        var started = Stopwatch.GetTimestamp();
        var end = started + (seconds * Stopwatch.Frequency);
        var open = rate > 0;
        var free = new Queue<Connection>(connections);
        long scheduled = 0;
        foreach (var connection in all)
        {
            if (open)
            {
                free.Enqueue(connection);
            }
            else
            {
                connection.Send(started);
            }
        }

        // The schedule's turn number n is due at started + n / rate.
        long DueAt(long n) => started + (long)(n * Stopwatch.Frequency / rate);

        var ready = new List<Socket>(connections);
        var timeout = 10 * Stopwatch.Frequency;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            while (open && free.Count > 0 && DueAt(scheduled) <= now && DueAt(scheduled) < end)
            {
                free.Dequeue().Send(DueAt(scheduled));
                scheduled++;
            }

            if (now >= end)
            {
                break;
            }

            // Closed loop: wake for replies. Open loop: also when the schedule's next turn is due and a connection is free.
            var wait = open && free.Count > 0 ? Math.Max(0, (DueAt(scheduled) - now) * 1_000_000 / Stopwatch.Frequency) : 100_000;
            ready.Clear();
            foreach (var connection in all)
            {
                ready.Add(connection.Socket);
            }

            Socket.Select(ready, null, null, (int)Math.Min(wait, 100_000));
            foreach (var socket in ready)
            {
                var connection = bySocket[socket];
                if (!connection.Receive(end))
                {
                    bySocket.Remove(socket);
                    connection.Reconnect();
                    bySocket[connection.Socket] = connection;
                }

                if (!connection.Waiting)
                {
                    Next(connection);
                }
            }

            now = Stopwatch.GetTimestamp();
            foreach (var connection in all)
            {
                if (connection.Waiting && now - connection.SentAt > timeout)
                {
                    tally.SocketErrors++;
                    bySocket.Remove(connection.Socket);
                    connection.Reconnect();
                    bySocket[connection.Socket] = connection;
                    Next(connection);
                }
            }
        }

        // Replies still on their way when the time is up are not counted; closing the connections ends them.
        foreach (var connection in all)
        {
            connection.Socket.Dispose();
        }

        var latencies = tally.Latencies;
        latencies.Sort();
        return new LoadResult(
            latencies.Count,
            (double)(end - started) / Stopwatch.Frequency,
            tally.Errors,
            tally.Conversations,
            Percentile(latencies, 50),
            Percentile(latencies, 99),
            latencies.Count > 0 ? latencies[^1] / 1000.0 : 0,
            tally.SocketErrors,
            tally.Non2xx,
            open ? (long)Math.Ceiling(seconds * rate) - scheduled : 0);

        // A connection whose reply is in (or which was opened again) sends its next turn now (closed loop) or waits
        // for the schedule (open loop).
        void Next(Connection connection)
        {
            if (open)
            {
                free.Enqueue(connection);
            }
            else if (Stopwatch.GetTimestamp() is var at && at < end)
            {
                connection.Send(at);
            }
        }
    }

    // Latencies are kept in microseconds; the result is in milliseconds.
    private static double Percentile(List<int> sorted, int percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * percent / 100.0) - 1)] / 1000.0;

    private sealed class Tally
    {
        public List<int> Latencies { get; } = new(1 << 20);

        public long Errors { get; set; }

        public long SocketErrors { get; set; }

        public long Non2xx { get; set; }

        public long Conversations { get; set; }
    }

    private sealed class Connection
    {
        // A reply is a few kilobytes; anything near this size is an error of its own.
        private const int BufferSize = 512 * 1024;

        private readonly IPEndPoint _endpoint;
        private readonly string _prefix;
        private readonly ConversationScript _script;
        private readonly Tally _tally;
        private readonly byte[] _received = new byte[BufferSize];
        private readonly byte[] _body = new byte[BufferSize];
        private readonly byte[] _request = new byte[16 * 1024];
        private int _filled;
        private long _conversation;
        private long _messageId;
        private int _step;
        private ConversationScript.Language _language = null!;
        private string[] _texts = [];

        public Connection(IPEndPoint endpoint, string prefix, ConversationScript script, Tally tally)
        {
            _endpoint = endpoint;
            _prefix = prefix;
            _script = script;
            _tally = tally;
            Socket = Open();
            NewConversation();
        }

        public Socket Socket { get; private set; }

        public bool Waiting { get; private set; }

        /// <summary>When the turn now outstanding was due: its latency is measured from here.</summary>
        public long DueAt { get; private set; }

        /// <summary>When the turn now outstanding was sent.</summary>
        public long SentAt { get; private set; }

        public void Send(long dueAt)
        {
            _messageId++;
            var id = _prefix + _conversation.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = "{\"type\":\"message\",\"id\":\"m" + _messageId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + "\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"from\":{\"id\":\"user-" + id
                + "\",\"name\":\"load\"},\"recipient\":{\"id\":\"bot\"},\"conversation\":{\"id\":\"" + id + "\"},\"locale\":\""
                + _language.Locale + "\",\"deliveryMode\":\"expectReplies\",\"text\":\"" + _texts[_step] + "\"}";
            var bodyLength = Encoding.UTF8.GetByteCount(body);
            var head = "POST /api/messages HTTP/1.1\r\nHost: " + _endpoint + "\r\nContent-Type: application/json\r\nContent-Length: "
                + bodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n";
            var length = Encoding.ASCII.GetBytes(head, _request);
            length += Encoding.UTF8.GetBytes(body, _request.AsSpan(length));
            _filled = 0;
            Waiting = true;
            DueAt = dueAt;
            SentAt = Stopwatch.GetTimestamp();
            var sent = 0;
            while (sent < length)
            {
                sent += Socket.Send(_request, sent, length - sent, SocketFlags.None);
            }
        }

        /// <summary>Reads what arrived; on a whole reply, checks it and moves the conversation on (<see cref="Waiting"/> is then false).</summary>
        /// <returns>False when the connection failed and must be opened again.</returns>
        public bool Receive(long end)
        {
            var read = Socket.Receive(_received.AsSpan(_filled), SocketFlags.None, out var error);
            if (error != SocketError.Success || read == 0 || !Waiting)
            {
                _tally.SocketErrors++;
                return false;
            }

            _filled += read;
            var parsed = TryParse(out var status, out var bodyLength);
            if (parsed is null)
            {
                return true;
            }

            var now = Stopwatch.GetTimestamp();
            Waiting = false;
            if (parsed == false)
            {
                _tally.SocketErrors++;
                return false;
            }

            if (now >= end)
            {
                return true;
            }

            _tally.Latencies.Add((int)((now - DueAt) * 1_000_000 / Stopwatch.Frequency));
            var body = _body.AsSpan(0, bodyLength);
            var expect = _language.Turns[_step].Expect;
            var ok = status == 200 && (expect is null || body.IndexOf(expect) >= 0);
            var last = _step == _texts.Length - 1;
            if (ok && last)
            {
                ok = body.IndexOf(OutcomeEvent) >= 0;
            }

            if (!ok)
            {
                if (status != 200)
                {
                    _tally.Non2xx++;
                }
                else
                {
                    _tally.Errors++;
                }

                if (_tally.Errors + _tally.Non2xx <= 3)
                {
                    Console.Error.WriteLine($"unexpected reply at step {_step + 1} ({status}): {Encoding.UTF8.GetString(body[..Math.Min(300, body.Length)])}");
                }

                NewConversation();
            }
            else if (last)
            {
                _tally.Conversations++;
                NewConversation();
            }
            else
            {
                _step++;
            }

            return true;
        }

        /// <summary>Opens the connection again, with a new conversation, and sends nothing yet.</summary>
        public void Reconnect()
        {
            Socket.Dispose();
            Socket = Open();
            Waiting = false;
            NewConversation();
        }

        private Socket Open()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Connect(_endpoint);
            return socket;
        }

        private void NewConversation()
        {
            _conversation++;
            (_language, _texts) = _script.For(_conversation);
            _step = 0;
        }

        // Null: not all of the reply is here yet. False: not a reply this client understands.
        private bool? TryParse(out int status, out int bodyLength)
        {
            status = 0;
            bodyLength = 0;
            var data = _received.AsSpan(0, _filled);
            var headerEnd = data.IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0)
            {
                return _filled < BufferSize ? null : false;
            }

            var headers = data[..(headerEnd + 2)];
            if (!headers.StartsWith("HTTP/1.1 "u8) || !Utf8Parser.TryParse(headers[9..], out status, out _))
            {
                return false;
            }

            var position = headerEnd + 4;
            var contentLength = headers.IndexOf("\r\nContent-Length: "u8);
            if (contentLength >= 0)
            {
                if (!Utf8Parser.TryParse(headers[(contentLength + 18)..], out int length, out _) || length > BufferSize)
                {
                    return false;
                }

                if (_filled - position < length)
                {
                    return null;
                }

                data.Slice(position, length).CopyTo(_body);
                bodyLength = length;
                return true;
            }

            if (headers.IndexOf("\r\nTransfer-Encoding: chunked\r\n"u8) < 0)
            {
                // No body (a status without one).
                return true;
            }

            while (true)
            {
                var lineEnd = data[position..].IndexOf("\r\n"u8);
                if (lineEnd < 0)
                {
                    return null;
                }

                if (!Utf8Parser.TryParse(data.Slice(position, lineEnd), out int size, out _, 'x'))
                {
                    return false;
                }

                position += lineEnd + 2;
                if (_filled - position < size + 2)
                {
                    return null;
                }

                if (size == 0)
                {
                    return true;
                }

                if (bodyLength + size > BufferSize)
                {
                    return false;
                }

                data.Slice(position, size).CopyTo(_body.AsSpan(bodyLength));
                bodyLength += size;
                position += size + 2;
            }
        }
    }
}

/// <summary>One run's figures; <paramref name="Behind"/>: turns of an open-loop schedule never sent because no connection was free.</summary>
internal sealed record LoadResult(long Requests, double Seconds, long Errors, long Conversations, double P50, double P99, double Max, long SocketErrors, long Non2xx, long Behind = 0);
