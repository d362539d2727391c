-- Eight turns as an optimistic group-committing writer would send them: each turn reads its rows and their row
-- versions (xmin) without lock or transaction in its own round trip; the writer then locks the eight conversations
-- (advisory locks in hash order) and row-locks and re-reads their versions in one round trip, and sends the eight
-- turns' writes and COMMIT in the next.
\set n0 random(1, 5000)
\set n1 random(1, 5000)
\set n2 random(1, 5000)
\set n3 random(1, 5000)
\set n4 random(1, 5000)
\set n5 random(1, 5000)
\set n6 random(1, 5000)
\set n7 random(1, 5000)
\startpipeline
SELECT state, xmin::text FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n0 AND expires > now();
SELECT value, etag, xmin::text FROM bot_state WHERE key = 'webchat/conversations/c' || :n0;
\endpipeline
\startpipeline
SELECT state, xmin::text FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n1 AND expires > now();
SELECT value, etag, xmin::text FROM bot_state WHERE key = 'webchat/conversations/c' || :n1;
\endpipeline
\startpipeline
SELECT state, xmin::text FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n2 AND expires > now();
SELECT value, etag, xmin::text FROM bot_state WHERE key = 'webchat/conversations/c' || :n2;
\endpipeline
\startpipeline
SELECT state, xmin::text FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n3 AND expires > now();
SELECT value, etag, xmin::text FROM bot_state WHERE key = 'webchat/conversations/c' || :n3;
\endpipeline
\startpipeline
SELECT state, xmin::text FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n4 AND expires > now();
SELECT value, etag, xmin::text FROM bot_state WHERE key = 'webchat/conversations/c' || :n4;
\endpipeline
\startpipeline
SELECT state, xmin::text FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n5 AND expires > now();
SELECT value, etag, xmin::text FROM bot_state WHERE key = 'webchat/conversations/c' || :n5;
\endpipeline
\startpipeline
SELECT state, xmin::text FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n6 AND expires > now();
SELECT value, etag, xmin::text FROM bot_state WHERE key = 'webchat/conversations/c' || :n6;
\endpipeline
\startpipeline
SELECT state, xmin::text FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n7 AND expires > now();
SELECT value, etag, xmin::text FROM bot_state WHERE key = 'webchat/conversations/c' || :n7;
\endpipeline
\startpipeline
BEGIN;
SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtextextended(k, 0) h FROM unnest(ARRAY['webchat/conversations/c' || :n0, 'webchat/conversations/c' || :n1, 'webchat/conversations/c' || :n2, 'webchat/conversations/c' || :n3, 'webchat/conversations/c' || :n4, 'webchat/conversations/c' || :n5, 'webchat/conversations/c' || :n6, 'webchat/conversations/c' || :n7]) k ORDER BY 1) s;
SELECT key, xmin::text FROM bot_state WHERE key = ANY(ARRAY['webchat/conversations/c' || :n0, 'webchat/conversations/c' || :n1, 'webchat/conversations/c' || :n2, 'webchat/conversations/c' || :n3, 'webchat/conversations/c' || :n4, 'webchat/conversations/c' || :n5, 'webchat/conversations/c' || :n6, 'webchat/conversations/c' || :n7]) FOR UPDATE;
SELECT key, xmin::text FROM volatile_conversations WHERE key = ANY(ARRAY['webchat/conversations/c' || :n0, 'webchat/conversations/c' || :n1, 'webchat/conversations/c' || :n2, 'webchat/conversations/c' || :n3, 'webchat/conversations/c' || :n4, 'webchat/conversations/c' || :n5, 'webchat/conversations/c' || :n6, 'webchat/conversations/c' || :n7]) AND expires > now() FOR UPDATE;
\endpipeline
\startpipeline
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n0 RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n0, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n0, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n0, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n1 RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n1, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n1, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n1, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n2 RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n2, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n2, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n2, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n3 RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n3, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n3, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n3, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n4 RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n4, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n4, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n4, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n5 RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n5, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n5, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n5, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n6 RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n6, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n6, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n6, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
WITH s AS (UPDATE bot_state SET value = repeat(md5(random()::text), 100), etag = md5(random()::text), updated = now() WHERE key = 'webchat/conversations/c' || :n7 RETURNING 1),
 x AS (INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state) VALUES ('webchat', 'c' || :n7, 'p', now(), now(), now(), 'T3', ARRAY['massage'], false, repeat(md5(random()::text), 100)) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state RETURNING 1),
 t AS (INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('webchat', 'c' || :n7, 'id', now(), repeat(md5(random()::text), 30)) RETURNING 1),
 u AS (INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched) VALUES ('webchat', 'c' || :n7, now(), now(), 3, nextval('transcripts_touched')) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_activity = excluded.last_activity, activity_count = transcripts.activity_count + excluded.activity_count, touched = excluded.touched RETURNING 1)
SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM x) + (SELECT count(*) FROM t) + (SELECT count(*) FROM u);
COMMIT;
\endpipeline
