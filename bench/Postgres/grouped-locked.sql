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
-- @writes: the eight WITH statements of turns-8-per-transaction.sql, put in here by run.sh
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
