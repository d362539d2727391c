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
-- @writes: the eight WITH statements of turns-8-per-transaction.sql, put in here by run.sh
COMMIT;
\endpipeline
