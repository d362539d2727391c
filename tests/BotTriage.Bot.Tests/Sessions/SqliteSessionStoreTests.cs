using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Sessions;

public sealed class SqliteSessionStoreTests : SessionStoreContractTests
{
    private readonly SqliteFiles _files = new();

    protected override ISessionStore CreateStore() => new SqliteSessionStore(_files.Open(_files.File("bottriage.db")));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _files.Dispose();
        }
    }

    [Fact]
    public async Task SessionsSurviveARestartOnTheSameFile()
    {
        var path = _files.File("restart.db");
        await new SqliteSessionStore(_files.Open(path)).UpsertAsync(Session("c1"), Token);
        _files.CloseLast();

        var read = await new SqliteSessionStore(_files.Open(path)).GetAsync("webchat", "c1", Token);

        Assert.Equal("pijn in mijn onderrug", read!.State.Answers["complaint"].Text);
    }

    [Fact]
    public async Task ASessionOfTheStoredStateRefersToItsRowInsteadOfCopyingIt()
    {
        var path = _files.File("reference.db");
        var session = Session("c1");
        var (sessions, _, stateJson) = await WithStateRowAsync(path, session);

        await sessions.UpsertAsync(session with { StateJson = stateJson }, Token);

        Assert.Equal(("", "webchat/conversations/c1"), await RawStateAsync(path, "c1"));
        Assert.Equal("pijn in mijn onderrug", (await sessions.GetAsync("webchat", "c1", Token))!.State.Answers["complaint"].Text);
        Assert.Equal(["c1"], (await sessions.QueryAsync(new SessionQuery(), Token)).Items.Select(s => s.ConversationId));
    }

    [Fact]
    public async Task ASessionWhoseStateDiffersFromTheStoredRowKeepsItsOwnCopy()
    {
        var path = _files.File("copy.db");
        var (sessions, _, _) = await WithStateRowAsync(path, Session("c1", said: "eerder"));

        await sessions.UpsertAsync(Session("c1", said: "nu"), Token);

        var (state, stateKey) = await RawStateAsync(path, "c1");
        Assert.Null(stateKey);
        Assert.Contains("\"nu\"", state, StringComparison.Ordinal);
        Assert.Equal("nu", (await sessions.GetAsync("webchat", "c1", Token))!.State.Answers["complaint"].Text);
    }

    [Fact]
    public async Task ASessionWhoseReferencedStateIsGoneIsNotListed()
    {
        var session = Session("c1");
        var (sessions, storage, stateJson) = await WithStateRowAsync(_files.File("gone.db"), session);
        await sessions.UpsertAsync(session with { StateJson = stateJson }, Token);
        await sessions.UpsertAsync(Session("c2"), Token);

        // An erasure deletes the state first and the session after it.
        await storage.DeleteAsync(["webchat/conversations/c1"], Token);

        Assert.Null(await sessions.GetAsync("webchat", "c1", Token));
        var page = await sessions.QueryAsync(new SessionQuery(), Token);
        Assert.Equal(["c2"], page.Items.Select(s => s.ConversationId));
        Assert.Equal(1, page.Total);
        Assert.True(await sessions.DeleteAsync("webchat", "c1", Token));
    }

    [Fact]
    public async Task AFileFromBeforeStateReferencesKeepsItsSessions()
    {
        var path = _files.File("older.db");
        var state = JsonSerializer.Serialize(Session("old").State, BotJsonContext.Default.TriageState);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE therapist_sessions (
                    channel_id TEXT NOT NULL, conversation_id TEXT NOT NULL, pseudonym TEXT NOT NULL, started TEXT NOT NULL,
                    consented_at TEXT NOT NULL, updated TEXT NOT NULL, urgency TEXT NOT NULL, routes TEXT NOT NULL,
                    has_red_flag INTEGER NOT NULL, state TEXT NOT NULL, PRIMARY KEY (channel_id, conversation_id));
                INSERT INTO therapist_sessions VALUES ('webchat', 'old', 'P-0000', '2026-01-02T03:04:05.0000000+00:00',
                    '2026-01-02T03:04:05.0000000+00:00', '2026-01-02T03:04:05.0000000+00:00', 'none', ',,', 0, $state);
                """;
            command.Parameters.AddWithValue("$state", state);
            await command.ExecuteNonQueryAsync(Token);
        }

        var sessions = new SqliteSessionStore(_files.Open(path));
        await sessions.UpsertAsync(Session("new"), Token);

        Assert.Equal("pijn in mijn onderrug", (await sessions.GetAsync("webchat", "old", Token))!.State.Answers["complaint"].Text);
        Assert.Equal(2, (await sessions.QueryAsync(new SessionQuery(), Token)).Total);
    }

    // A session store and the state storage on one file, the conversation's state row holding the session's state.
    private async Task<(SqliteSessionStore Sessions, SqliteStorage Storage, byte[] StateJson)> WithStateRowAsync(string path, SessionRecord session)
    {
        var database = _files.Open(path);
        var storage = new SqliteStorage(database, Clock, NullLogger<SqliteStorage>.Instance);
        var stateJson = JsonSerializer.SerializeToUtf8Bytes(session.State, BotJsonContext.Default.TriageState);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [$"{session.ChannelId}/conversations/{session.ConversationId}"] = new(stateJson) }, Token);
        return (new SqliteSessionStore(database), storage, stateJson);
    }

    // The session row's own state text and state_key, as stored.
    private async Task<(string State, string? StateKey)> RawStateAsync(string path, string conversationId)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, state_key FROM therapist_sessions WHERE conversation_id = $conversation;";
        command.Parameters.AddWithValue("$conversation", conversationId);
        await using var reader = await command.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
