namespace BotTriage.Bot.Storage.Postgres;

/// <summary>One step of the PostgreSQL schema: applied once, in version order, inside its own transaction.</summary>
internal sealed record PostgresMigration(int Version, string Description, string Sql)
{
    /// <summary>Every schema step, oldest first. Append new steps; never edit one that has shipped.</summary>
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "state and transcripts", """
            CREATE TABLE bot_state (
                key text NOT NULL PRIMARY KEY,
                value text NOT NULL,
                etag text NOT NULL,
                updated timestamptz NOT NULL
            );
            CREATE SEQUENCE transcripts_touched;
            CREATE TABLE transcripts (
                channel_id text NOT NULL,
                conversation_id text NOT NULL,
                created timestamptz NOT NULL,
                last_activity timestamptz NOT NULL,
                activity_count integer NOT NULL,
                touched bigint NOT NULL,
                PRIMARY KEY (channel_id, conversation_id)
            );
            CREATE INDEX ix_transcripts_last_activity ON transcripts (last_activity DESC, touched DESC);
            CREATE TABLE transcript_activities (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                channel_id text NOT NULL,
                conversation_id text NOT NULL,
                activity_id text NULL,
                stored timestamptz NOT NULL,
                activity text NOT NULL
            );
            CREATE INDEX ix_transcript_activities_conversation ON transcript_activities (channel_id, conversation_id, seq);
            """),

        // UNLOGGED: never in the write-ahead log, so never in replicas, WAL archives or point-in-time backups, and
        // emptied by crash recovery. What waits for consent is meant to be forgotten, not recovered.
        new(2, "volatile state before consent", """
            CREATE UNLOGGED TABLE volatile_conversations (
                key text NOT NULL PRIMARY KEY,
                state text NULL,
                pending jsonb NOT NULL DEFAULT '[]',
                expires timestamptz NOT NULL
            );
            CREATE INDEX ix_volatile_conversations_expires ON volatile_conversations (expires);
            """),
        new(3, "therapist sessions and audit", """
            CREATE TABLE therapist_sessions (
                channel_id text NOT NULL,
                conversation_id text NOT NULL,
                seq bigint GENERATED ALWAYS AS IDENTITY,
                pseudonym text NOT NULL,
                started timestamptz NOT NULL,
                consented_at timestamptz NOT NULL,
                updated timestamptz NOT NULL,
                urgency text NOT NULL,
                routes text[] NOT NULL,
                has_red_flag boolean NOT NULL,
                state text NOT NULL,
                PRIMARY KEY (channel_id, conversation_id)
            );
            CREATE INDEX ix_therapist_sessions_started ON therapist_sessions (started DESC, seq DESC);
            CREATE INDEX ix_therapist_sessions_updated ON therapist_sessions (updated);
            CREATE TABLE therapist_audit (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                time timestamptz NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                channel_id text NULL,
                conversation_id text NULL
            );
            CREATE INDEX ix_therapist_audit_time ON therapist_audit (time DESC, seq DESC);
            """),

        // Every turn changes a session's update time; with an index on it, no update of the row could stay on its
        // page without touching the indexes. Only retention (rare) looks sessions up by it, and scans.
        new(4, "no index on the session's update time", """
            DROP INDEX IF EXISTS ix_therapist_sessions_updated;
            """),

        // A stored state (about 3 KB) is over the size at which PostgreSQL compresses a value, and every turn writes
        // one: LZ4 compresses it in a fraction of the CPU time of the default pglz. A server built without LZ4 keeps
        // pglz. Values already stored stay as they are until they are written again.
        new(5, "state compressed with LZ4", """
            DO $$
            BEGIN
                ALTER TABLE bot_state ALTER COLUMN value SET COMPRESSION lz4;
                ALTER TABLE therapist_sessions ALTER COLUMN state SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported THEN
                RAISE NOTICE 'LZ4 is not available on this server; stored states keep the default compression';
            END
            $$;
            """),

        // Every turn changes a transcript's last activity; without an index on it the summary's update can stay on
        // its page (a HOT update) and leave the primary key's index alone. Only the transcript list (no page of the
        // app uses it) and retention (rare) order or filter by it, and scan.
        new(6, "no index on the transcript's last activity", """
            DROP INDEX IF EXISTS ix_transcripts_last_activity;
            """),

        // The web host's data-protection keys, so a cookie protected by one instance opens on every other.
        new(7, "data protection keys", """
            CREATE TABLE IF NOT EXISTS data_protection_keys (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL,
                xml text NOT NULL
            );
            """),

        // Failed workspace sign-ins per name (a digest), counted by every instance (ILoginFailureStore).
        new(8, "login failures", """
            CREATE TABLE IF NOT EXISTS login_failures (
                name text PRIMARY KEY,
                failures integer NOT NULL,
                last_failure timestamptz NOT NULL,
                locked_until timestamptz NULL
            );
            """),

        // Requests per client address (a digest) and minute, counted by every instance (IRateLimitCounter). UNLOGGED:
        // a count that lives for a minute need not survive a crash, and stays out of replicas and backups.
        new(9, "rate limit counts", """
            CREATE UNLOGGED TABLE IF NOT EXISTS rate_limit_counts (
                key text PRIMARY KEY,
                window_start timestamptz NOT NULL,
                requests integer NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_rate_limit_counts_window ON rate_limit_counts (window_start);
            """),
    ];
}
