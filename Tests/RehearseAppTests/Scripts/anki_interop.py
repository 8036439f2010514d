"""Anki's own library on the other side of Rehearse's Anki packages (the interop tests).

    anki_interop.py import PACKAGE COLLECTION
        Imports PACKAGE into COLLECTION (made if missing) with Anki's importer, scheduling
        included, and prints the collection as JSON: notes, cards, decks, review log.
    anki_interop.py build PACKAGE
        Builds a collection through Anki's API (several note types, a cloze, HTML and an
        image, a suspended, a buried and a flagged card, 1,000 reviews with FSRS on), exports
        it as PACKAGE (the latest package format) and beside it as a collection package
        (.colpkg) and its notes as plain text (.txt), and prints its cards as JSON with the
        memory states Anki computes from their review logs.
"""

import json
import os
import random
import sys

from anki.cards_pb2 import FsrsMemoryState
from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)


def dump(col, log=None):
    cutoff = col.sched.day_cutoff
    today = col.sched.today
    notes = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        notes[nid] = {
            "guid": note.guid,
            "notetype": note.note_type()["name"],
            "fields": dict(note.items()),
            "tags": note.tags,
            "mod": note.mod,
        }
    cards = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        deck = col.decks.get(card.odid or card.did)["name"]
        due_day_start = None
        if card.type == 2 or card.queue in (2, 3):
            due_day_start = cutoff + (card.due - today - 1) * 86400
        cards.append({
            "id": cid,
            "guid": notes[card.nid]["guid"],
            "ord": card.ord,
            "deck": deck,
            "type": card.type,
            "queue": card.queue,
            "due": card.due,
            "due_day_start": due_day_start,
            "ivl": card.ivl,
            "reps": card.reps,
            "lapses": card.lapses,
            "flags": card.user_flag(),
            "memory": [card.memory_state.stability, card.memory_state.difficulty] if card.memory_state else None,
        })
    revlog = [
        {"id": r[0], "cid": r[1], "ease": r[2], "ivl": r[3], "time": r[4], "type": r[5]}
        for r in col.db.all("select id, cid, ease, ivl, time, type from revlog order by id")
    ]
    return {
        "log": log,
        "notes": list(notes.values()),
        "cards": cards,
        "revlog": revlog,
        "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
    }


def import_package(package, path):
    col = Collection(path)
    request = ImportAnkiPackageRequest(
        package_path=package,
        options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, merge_notetypes=True),
    )
    out = col.import_anki_package(request).log
    log = {"new": len(out.new), "updated": len(out.updated), "duplicate": len(out.duplicate), "found": out.found_notes}
    print(json.dumps(dump(col, log)))
    col.close()


def add(col, notetype, deck, fields, tags=()):
    note = col.new_note(col.models.by_name(notetype))
    for name, value in fields.items():
        note[name] = value
    note.tags = list(tags)
    col.add_note(note, col.decks.id(deck))
    return note


def simulate_history(col, card, rng, end, used):
    """A plausible review history ending before `end`: a first learning answer, then reviews
    at growing intervals (at most a year), lapses followed by a relearning step ten minutes
    later. Written to the review log as Anki writes it; returns the entries, the lapses and
    the last interval."""
    offsets = []
    t = 0
    interval = 0
    lapses = 0
    for step in range(rng.randrange(15, 35)):
        ease = rng.choice([1, 2, 3, 3, 3, 4]) if step == 0 else rng.choices([1, 2, 3, 4], [12, 15, 63, 10])[0]
        kind = 0 if step == 0 else 1
        if kind == 1 and ease == 1:
            lapses += 1
            interval = max(1, interval // 3)
        else:
            growth = {1: 1.0, 2: 1.2, 3: 2.3, 4: 3.1}[ease]
            interval = min(365, max(1, int(interval * growth) or ease - 1 or 1))
        offsets.append((t, ease, interval, kind))
        if kind == 1 and ease == 1:
            t += 600 + rng.randrange(0, 300)
            offsets.append((t, 3, interval, 2))
        t += interval * 86400 + rng.randrange(-20000, 20000)
    shift = end - rng.randrange(1, interval + 1) * 86400 - offsets[-1][0]
    entries = []
    for o, e, i, k in offsets:
        stamp = int((shift + o) * 1000)
        while stamp in used:
            stamp += 1
        used.add(stamp)
        entries.append((stamp, card.id, e, i, 0, 2500, rng.randrange(1500, 30000), k))
    for entry in entries:
        col.db.execute("insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?,?,-1,?,?,?,?,?,?)", *entry)
    return entries, lapses, interval


def build(package):
    rng = random.Random(11)
    folder = os.path.dirname(os.path.abspath(package))
    col = Collection(os.path.join(folder, "built.anki2"))
    col.set_config("fsrs", True)
    col.media.write_data("diagram.png", b"\x89PNG\r\n\x1a\n" + bytes(64))

    add(col, "Basic", "Interview::Python", {"Front": "What does the <b>GIL</b> protect?", "Back": "CPython's object memory &amp; reference counts.<br>One thread runs bytecode at a time."}, ["python", "gil"])
    add(col, "Basic (and reversed card)", "Interview::Python", {"Front": "list.append", "Back": "adds one item to the end of a list"})
    add(col, "Basic (type in the answer)", "Interview::Python", {"Front": "Keyword that makes a generator?", "Back": "yield"})
    add(col, "Cloze", "Interview::SQL", {"Text": "{{c1::INNER JOIN}} keeps matching rows; {{c2::LEFT JOIN::which join?}} keeps every left row.", "Back Extra": "Both are ANSI SQL."})
    add(col, "Basic", "Interview::SQL", {"Front": "Explain this plan <img src=\"diagram.png\">", "Back": "An index scan on <i>users</i>."})
    reviewed = [
        add(col, "Basic", "Interview::Drills", {"Front": f"Drill question {i}", "Back": f"Drill answer {i}"})
        for i in range(40)
    ]
    col.sched.suspend_cards([col.get_note(col.find_notes('"Front:list.append"')[0]).cards()[1].id])
    col.sched.bury_cards([col.get_note(col.find_notes('"Front:Keyword that makes a generator?"')[0]).cards()[0].id], manual=True)
    col.set_user_flag_for_cards(2, [col.get_note(col.find_notes('"Front:What does the <b>GIL</b> protect?"')[0]).cards()[0].id])

    now = col.sched.day_cutoff - 86400 + 3600
    total = 0
    used = set()
    for note in reviewed:
        card = note.cards()[0]
        entries, lapses, interval = simulate_history(col, card, rng, now, used)
        total += len(entries)
        card = col.get_card(card.id)
        card.type = 2
        card.queue = 2
        card.ivl = interval
        last_time = entries[-1][0] / 1000
        days_ago = int((col.sched.day_cutoff - last_time) // 86400)
        card.due = col.sched.today - days_ago + interval
        card.reps = len(entries)
        card.lapses = lapses
        col.update_card(card)
        state = col.compute_memory_state(card.id)
        card = col.get_card(card.id)
        card.memory_state = FsrsMemoryState(stability=state.stability, difficulty=state.difficulty)
        col.update_card(card)
    # One card in learning, due in ten minutes.
    learning = reviewed[-1].cards()[0]
    learning = col.get_card(learning.id)
    learning.type = 1
    learning.queue = 1
    learning.due = now + 600
    learning.ivl = 0
    learning.left = 1
    col.update_card(learning)

    problems, _ = col.fix_integrity()
    print(problems, file=sys.stderr)
    col.export_anki_package(
        out_path=package,
        options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False),
        limit=None,
    )
    result = dump(col)
    for card in result["cards"]:
        state = col.compute_memory_state(card["id"])
        card["computed"] = [state.stability, state.difficulty] if state.stability else None
    result["reviews"] = total
    # Its notes as text (File > Export > Notes in Plain Text), with every column Anki can add.
    col.export_note_csv(out_path=os.path.splitext(package)[0] + ".txt", limit=None, with_html=True, with_tags=True,
                        with_deck=True, with_notetype=True, with_guid=True)
    # The whole collection too, as a collection package (File > Export > Anki Collection Package),
    # which closes the collection.
    col.export_collection_package(os.path.splitext(package)[0] + ".colpkg", include_media=True, legacy=False)
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1] == "import":
        import_package(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "build":
        build(sys.argv[2])
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
