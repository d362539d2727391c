#!/usr/bin/env python3
"""What each statement of a SQLite turn costs on its own.

The host's writer runs every turn's statements on one connection, so under load their native cost is what limits
SQLite. This builds a database with the host's schema (bot_state, transcripts, transcript_activities,
therapist_sessions), fills it with N conversations, then times each statement on randomly chosen conversations,
ten turns per transaction as the writer batches them under load, WAL and synchronous=NORMAL as the host sets them.
It uses Python's own SQLite library, not the host's e_sqlite3 build, and Python adds a few microseconds per call
(the "empty" line), so read the figures against each other, not as the host's.

    python3 bench/SqliteStatements/statements.py [conversations] [turns]
"""
import datetime
import os
import random
import sqlite3
import sys
import tempfile
import time

CONVERSATIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
TURNS = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
PER_TRANSACTION = 10

SCHEMA = """
CREATE TABLE bot_state (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE transcripts (channel_id TEXT NOT NULL, conversation_id TEXT NOT NULL, created TEXT NOT NULL,
    last_activity TEXT NOT NULL, activity_count INTEGER NOT NULL, PRIMARY KEY (channel_id, conversation_id));
CREATE TABLE transcript_activities (seq INTEGER PRIMARY KEY AUTOINCREMENT, channel_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL, activity_id TEXT NULL, stored TEXT NOT NULL, activity TEXT NOT NULL);
CREATE INDEX ix_transcript_activities_conversation ON transcript_activities (channel_id, conversation_id, seq);
CREATE TABLE therapist_sessions (channel_id TEXT NOT NULL, conversation_id TEXT NOT NULL, pseudonym TEXT NOT NULL,
    started TEXT NOT NULL, consented_at TEXT NOT NULL, updated TEXT NOT NULL, urgency TEXT NOT NULL,
    routes TEXT NOT NULL, has_red_flag INTEGER NOT NULL, state TEXT NOT NULL, state_key TEXT NULL,
    PRIMARY KEY (channel_id, conversation_id));
CREATE INDEX ix_therapist_sessions_started ON therapist_sessions (started);
"""

SESSION_BY_REFERENCE = """
INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state, state_key)
SELECT 'emulator', ?1, 'P-0000', ?2, ?2, ?2, 'none', ',,', 0, CASE WHEN b.key IS NULL THEN ?4 ELSE '' END, b.key
FROM (SELECT 1) LEFT JOIN bot_state b ON b.key = ?3 AND b.value = ?4
WHERE true
ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
    pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency, routes = excluded.routes,
    has_red_flag = excluded.has_red_flag, state = excluded.state, state_key = excluded.state_key
"""

SUMMARY = """
INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count) VALUES ('emulator', ?1, ?2, ?2, 2)
ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
    last_activity = excluded.last_activity, activity_count = activity_count + excluded.activity_count
"""


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


def key(conversation):
    return "emulator/conversations/" + conversation


def main():
    folder = tempfile.mkdtemp(prefix="bottriage-statements-")
    db = sqlite3.connect(os.path.join(folder, "bottriage.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(SCHEMA)

    # A finished triage's state is about 3 KB of JSON; a turn's activities (message in, replies out) about 1 KB.
    state = '{"step":"result","answers":"' + "s" * 3000 + '"}'
    turn = '[{"type":"message","text":"' + "t" * 450 + '"},{"type":"message","text":"' + "r" * 450 + '"}]'
    conversations = [f"load-{i:06d}-{random.getrandbits(32):08x}" for i in range(CONVERSATIONS)]
    db.execute("BEGIN")
    for conversation in conversations:
        stamp = now()
        db.execute("INSERT INTO bot_state VALUES (?, ?, 'e', ?)", (key(conversation), state, stamp))
        db.execute(SESSION_BY_REFERENCE, (conversation, stamp, key(conversation), state))
        db.execute(SUMMARY, (conversation, stamp))
    db.execute("COMMIT")

    def measure(name, statement):
        started = time.perf_counter()
        for _ in range(TURNS // PER_TRANSACTION):
            db.execute("BEGIN IMMEDIATE")
            for _ in range(PER_TRANSACTION):
                statement(random.choice(conversations))
            db.execute("COMMIT")
        elapsed = time.perf_counter() - started
        print(f"  {name:44s} {elapsed * 1e6 / TURNS:6.1f} µs per turn")

    print(f"SQLite {sqlite3.sqlite_version}, {CONVERSATIONS} conversations, {TURNS} turns, {PER_TRANSACTION} per transaction")
    measure("empty (Python's own cost per call)", lambda c: None)
    measure("clock text (one now())", lambda c: now())
    measure("state: UPDATE ... WHERE key AND etag", lambda c: db.execute(
        "UPDATE bot_state SET value = ?, etag = 'e', updated = ? WHERE key = ? AND etag = 'e'", (state, now(), key(c))))
    measure("session: upsert by reference", lambda c: db.execute(SESSION_BY_REFERENCE, (c, now(), key(c), state)))
    measure("session: the reference's text check alone", lambda c: db.execute(
        "SELECT b.key FROM (SELECT 1) LEFT JOIN bot_state b ON b.key = ? AND b.value = ?", (key(c), state)).fetchall())
    measure("transcript: one row for the turn", lambda c: db.execute(
        "INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) VALUES ('emulator', ?, 'm1', ?, ?)",
        (c, now(), turn)))
    measure("transcript: summary upsert", lambda c: db.execute(SUMMARY, (c, now())))
    measure("savepoint and release (one per turn in a batch)", lambda c: (db.execute("SAVEPOINT w"), db.execute("RELEASE w")))

    # What the state table cost as the WITHOUT ROWID table files before version 2 have.
    db.execute("CREATE TABLE bot_state_v1 (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated TEXT NOT NULL) WITHOUT ROWID")
    db.execute("INSERT INTO bot_state_v1 SELECT key, value, etag, updated FROM bot_state")
    measure("state: the same on a WITHOUT ROWID table", lambda c: db.execute(
        "UPDATE bot_state_v1 SET value = ?, etag = 'e', updated = ? WHERE key = ? AND etag = 'e'", (state, now(), key(c))))

    # What the transcripts' last-activity index cost before it was dropped.
    db.execute("CREATE INDEX ix_transcripts_last_activity ON transcripts (last_activity)")
    measure("transcript: summary upsert with an index on last_activity", lambda c: db.execute(SUMMARY, (c, now())))

    # A session upsert that leaves the row alone when nothing but its update time would change (not in the host).
    unchanged = SESSION_BY_REFERENCE.rstrip() + """
    WHERE (pseudonym, urgency, routes, has_red_flag, state, state_key)
        IS NOT (excluded.pseudonym, excluded.urgency, excluded.routes, excluded.has_red_flag, excluded.state, excluded.state_key)
"""
    measure("session: upsert that skips an unchanged row", lambda c: db.execute(unchanged, (c, now(), key(c), state)))

    # What the session's update-time index cost before it was dropped.
    db.execute("CREATE INDEX ix_therapist_sessions_updated ON therapist_sessions (updated)")
    measure("session: upsert with an index on updated", lambda c: db.execute(SESSION_BY_REFERENCE, (c, now(), key(c), state)))
    db.close()


if __name__ == "__main__":
    main()
