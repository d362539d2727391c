-- A consented turn as PostgresDatabase.RunTurnAsync sends it: BEGIN, the advisory lock, the pre-consent row and
-- the state row FOR UPDATE in one round trip; the state, session, transcript row and summary writes and COMMIT in the
-- next. The values are made on the server (3.2 KB states, a 1 KB transcript row).
\set n random(1, 5000)
\startpipeline
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('webchat/conversations/c' || :n, 0));
UPDATE volatile_conversations SET expires = now() + interval '60 minutes' WHERE key = 'webchat/conversations/c' || :n AND expires > now() RETURNING state;
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n FOR UPDATE;
\endpipeline
\startpipeline
UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n;
INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state;
INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n, 'id', now(), repeat(md5(random()::text), 30));
INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched;
COMMIT;
\endpipeline
