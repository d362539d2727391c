-- Eight turns as a group-committing writer with the turn lock would send them: each turn takes a session-level
-- advisory lock and reads its rows (no transaction, no FOR UPDATE) in its own round trip; the eight turns' writes go
-- in one transaction and one round trip; then each turn releases its lock in a round trip of its own.
\set n0 random(1, 5000)
\set n1 random(1, 5000)
\set n2 random(1, 5000)
\set n3 random(1, 5000)
\set n4 random(1, 5000)
\set n5 random(1, 5000)
\set n6 random(1, 5000)
\set n7 random(1, 5000)
\startpipeline
SELECT pg_advisory_lock(hashtextextended('webchat/conversations/c' || :n0, 0));
SELECT state FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n0 AND expires > now();
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n0;
\endpipeline
\startpipeline
SELECT pg_advisory_lock(hashtextextended('webchat/conversations/c' || :n1, 0));
SELECT state FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n1 AND expires > now();
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n1;
\endpipeline
\startpipeline
SELECT pg_advisory_lock(hashtextextended('webchat/conversations/c' || :n2, 0));
SELECT state FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n2 AND expires > now();
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n2;
\endpipeline
\startpipeline
SELECT pg_advisory_lock(hashtextextended('webchat/conversations/c' || :n3, 0));
SELECT state FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n3 AND expires > now();
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n3;
\endpipeline
\startpipeline
SELECT pg_advisory_lock(hashtextextended('webchat/conversations/c' || :n4, 0));
SELECT state FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n4 AND expires > now();
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n4;
\endpipeline
\startpipeline
SELECT pg_advisory_lock(hashtextextended('webchat/conversations/c' || :n5, 0));
SELECT state FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n5 AND expires > now();
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n5;
\endpipeline
\startpipeline
SELECT pg_advisory_lock(hashtextextended('webchat/conversations/c' || :n6, 0));
SELECT state FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n6 AND expires > now();
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n6;
\endpipeline
\startpipeline
SELECT pg_advisory_lock(hashtextextended('webchat/conversations/c' || :n7, 0));
SELECT state FROM volatile_conversations WHERE key = 'webchat/conversations/c' || :n7 AND expires > now();
SELECT value, etag FROM bot_state WHERE key = 'webchat/conversations/c' || :n7;
\endpipeline
\startpipeline
BEGIN;
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
SELECT pg_advisory_unlock(hashtextextended('webchat/conversations/c' || :n0, 0));
SELECT pg_advisory_unlock(hashtextextended('webchat/conversations/c' || :n1, 0));
SELECT pg_advisory_unlock(hashtextextended('webchat/conversations/c' || :n2, 0));
SELECT pg_advisory_unlock(hashtextextended('webchat/conversations/c' || :n3, 0));
SELECT pg_advisory_unlock(hashtextextended('webchat/conversations/c' || :n4, 0));
SELECT pg_advisory_unlock(hashtextextended('webchat/conversations/c' || :n5, 0));
SELECT pg_advisory_unlock(hashtextextended('webchat/conversations/c' || :n6, 0));
SELECT pg_advisory_unlock(hashtextextended('webchat/conversations/c' || :n7, 0));
