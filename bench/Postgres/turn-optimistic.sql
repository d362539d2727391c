-- A turn that reads without a lock or transaction and writes in one statement, checked at commit: the shape of an
-- optimistic turn.
\set n random(1, 5000)
\startpipeline
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n;
\endpipeline
\startpipeline
BEGIN;
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
COMMIT;
\endpipeline
