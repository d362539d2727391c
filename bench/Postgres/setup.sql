-- The tables a consented turn writes, as PostgresMigration leaves them (versions 1-6), filled with 5,000
-- conversations whose state and session are 3.2 KB each.
SET client_min_messages = warning;
DROP TABLE IF EXISTS bot_state, volatile_conversations, therapist_sessions, transcripts, transcript_activities;
DROP SEQUENCE IF EXISTS transcripts_touched;
CREATE TABLE bot_state (key text PRIMARY KEY, value text NOT NULL, etag text NOT NULL, updated timestamptz NOT NULL);
CREATE UNLOGGED TABLE volatile_conversations (key text PRIMARY KEY, state text NULL, pending jsonb NOT NULL DEFAULT '[]', expires timestamptz NOT NULL);
CREATE INDEX ON volatile_conversations (expires);
CREATE SEQUENCE transcripts_touched;
CREATE TABLE transcripts (channel_id text, conversation_id text, created timestamptz NOT NULL, last_activity timestamptz NOT NULL,
    activity_count integer NOT NULL, touched bigint NOT NULL, PRIMARY KEY (channel_id, conversation_id));
CREATE TABLE transcript_activities (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, channel_id text NOT NULL,
    conversation_id text NOT NULL, activity_id text NULL, stored timestamptz NOT NULL, activity text NOT NULL);
CREATE INDEX ON transcript_activities (channel_id, conversation_id, seq);
CREATE TABLE therapist_sessions (channel_id text, conversation_id text, seq bigint GENERATED ALWAYS AS IDENTITY,
    pseudonym text NOT NULL, started timestamptz NOT NULL, consented_at timestamptz NOT NULL, updated timestamptz NOT NULL,
    urgency text NOT NULL, routes text[] NOT NULL, has_red_flag boolean NOT NULL, state text NOT NULL,
    PRIMARY KEY (channel_id, conversation_id));
CREATE INDEX ON therapist_sessions (started DESC, seq DESC);
DO $$ BEGIN
    ALTER TABLE bot_state ALTER COLUMN value SET COMPRESSION lz4;
    ALTER TABLE therapist_sessions ALTER COLUMN state SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN NULL;
END $$;
INSERT INTO bot_state SELECT 'webchat/conversations/c' || i, repeat(md5(i::text), 100), md5(i::text), now() FROM generate_series(1, 5000) i;
INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state)
    SELECT 'webchat', 'c' || i, 'p' || i, now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(i::text), 100) FROM generate_series(1, 5000) i;
INSERT INTO transcripts SELECT 'webchat', 'c' || i, now(), now(), 1, nextval('transcripts_touched') FROM generate_series(1, 5000) i;
VACUUM ANALYZE;
