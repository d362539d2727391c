#!/usr/bin/env python3
"""Whole SQLite turns as the host's writer commits them under the load test, and what each statement adds.

statements.py times each statement on its own, on conversations picked at random from thousands. Under load the
writer sees something else: about 50 conversations under way at once, created one after another (so their rows sit
together at the end of each table), and batches of about 40 turns per transaction, each turn behind its own
savepoint. This runs exactly that: 50 conversations, batches of 40, a conversation replaced by a new one after 32
turns, every turn the host's statements (state update, session upsert by reference, summary upsert, one transcript
row carrying the summary's id). Then it runs the same again with one thing left out at a time, so the difference is
that thing's cost, and once with the transcript rows of schema version 2 (found by channel and conversation ids).
Python adds about a microsecond per call; read the figures against each other.

    python3 bench/SqliteStatements/turns.py [turns]
"""
import os
import random
import sqlite3
import sys
import tempfile
import time

from statements import SCHEMA, SESSION_BY_REFERENCE, SUMMARY, key

TURNS = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
UNDER_WAY = 50
PER_TRANSACTION = 40
TURNS_PER_CONVERSATION = 32

# statements.py's SCHEMA is version 2's; version 3 gives the summary an explicit id and finds a transcript's rows by it.
SCHEMA_2 = SCHEMA
SCHEMA_3 = (SCHEMA
            .replace("CREATE TABLE transcripts (channel_id", "CREATE TABLE transcripts (id INTEGER PRIMARY KEY, channel_id")
            .replace("activity_count INTEGER NOT NULL, PRIMARY KEY (channel_id, conversation_id));",
                     "activity_count INTEGER NOT NULL, UNIQUE (channel_id, conversation_id));")
            .replace("stored TEXT NOT NULL, activity TEXT NOT NULL);", "stored TEXT NOT NULL, activity TEXT NOT NULL, transcript INTEGER NULL);")
            .replace("ON transcript_activities (channel_id, conversation_id, seq);", "ON transcript_activities (transcript, seq);"))
assert SCHEMA_3.count("transcript, seq") == 1 and "id INTEGER PRIMARY KEY" in SCHEMA_3

STATE = "UPDATE bot_state SET value = ?, etag = 'e', updated = ? WHERE key = ? AND etag = 'e'"
TRANSCRIPT_ROW = {
    3: ("INSERT INTO transcript_activities (transcript, channel_id, conversation_id, activity_id, stored, activity) "
        "SELECT id, 'emulator', ?1, 'm1', ?2, ?3 FROM transcripts WHERE channel_id = 'emulator' AND conversation_id = ?1"),
    2: ("INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity) "
        "VALUES ('emulator', ?, 'm1', ?, ?)"),
}


def run(leave_out=None, version=3):
    folder = tempfile.mkdtemp(prefix="bottriage-turns-")
    db = sqlite3.connect(os.path.join(folder, "bottriage.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(SCHEMA_3 if version == 3 else SCHEMA_2)
    state = '{"step":"result","answers":"' + "s" * 3000 + '"}'
    turn = '[{"type":"message","text":"' + "t" * 450 + '"},{"type":"message","text":"' + "r" * 450 + '"}]'
    conversations = [""] * UNDER_WAY
    turns = [0] * UNDER_WAY
    started = [0]

    def start(slot):
        started[0] += 1
        conversations[slot] = f"run-{slot}-{started[0]}-{random.getrandbits(32):08x}"
        turns[slot] = 0
        db.execute("INSERT INTO bot_state VALUES (?, ?, 'e', 't')", (key(conversations[slot]), state))
        # Its summary too, as its first turn makes it, so that leaving out the summary's upsert leaves the row's id.
        db.execute(SUMMARY, (conversations[slot], "t"))

    db.execute("BEGIN")
    for slot in range(UNDER_WAY):
        start(slot)
    db.execute("COMMIT")

    clock = time.perf_counter()
    done = 0
    while done < TURNS:
        db.execute("BEGIN IMMEDIATE")
        for slot in random.sample(range(UNDER_WAY), PER_TRANSACTION):
            conversation = conversations[slot]
            stamp = f"2026-11-22T05:00:{done % 60:09.6f}+00:00"
            if leave_out != "savepoint":
                db.execute("SAVEPOINT w")
            if leave_out != "state":
                db.execute(STATE, (state, stamp, key(conversation)))
            if leave_out != "session":
                db.execute(SESSION_BY_REFERENCE, (conversation, stamp, key(conversation), state))
            if leave_out != "summary":
                db.execute(SUMMARY, (conversation, stamp))
            if leave_out != "transcript row":
                db.execute(TRANSCRIPT_ROW[version], (conversation, stamp, turn))
            if leave_out != "savepoint":
                db.execute("RELEASE w")
            done += 1
            turns[slot] += 1
            if turns[slot] == TURNS_PER_CONVERSATION:
                start(slot)
        db.execute("COMMIT")

    elapsed = time.perf_counter() - clock
    db.close()
    return elapsed * 1e6 / TURNS


def best(leave_out=None, version=3):
    return min(run(leave_out, version) for _ in range(3))


def main():
    print(f"SQLite {sqlite3.sqlite_version}, {UNDER_WAY} conversations under way, {PER_TRANSACTION} turns per transaction, "
          f"{TURNS} turns; best of three")
    whole = best()
    print(f"  {'a whole turn':52s} {whole:6.1f} µs")
    for part in ("state", "session", "transcript row", "summary", "savepoint"):
        without = best(part)
        print(f"  {'without the ' + part:52s} {without:6.1f} µs  ({whole - without:+.1f} for it)")
    version_2 = best(version=2)
    print(f"  {'the transcript rows of schema version 2':52s} {version_2:6.1f} µs  ({version_2 - whole:+.1f} against it)")


if __name__ == "__main__":
    main()
