#!/usr/bin/env python3
"""Drives `rehearse study` in a pseudo-terminal, as a person at a keyboard would.

    pty_session.py REHEARSE DB "COMMAND ARGS" MARKER=>KEYS... FINAL

The command runs with `--db DB`; each MARKER=>KEYS step types KEYS once the screen shows
MARKER; the script then waits for FINAL and prints everything the program wrote.
"""
import os
import pty
import select
import sys
import time

rehearse, db, command, *steps, final = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(rehearse, [rehearse, *command.split(), "--db", db])

screen = b""


def read_until(marker, timeout=20.0):
    global screen
    deadline = time.time() + timeout
    while marker.encode() not in screen:
        remaining = deadline - time.time()
        if remaining <= 0:
            raise SystemExit(f"timed out waiting for {marker!r}; screen:\n{screen.decode(errors='replace')}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk


for step in steps:
    wait_for, keys = step.split("=>", 1)
    keys = keys.replace("\\n", "\n")
    read_until(wait_for)
    screen_marker = len(screen)
    os.write(fd, keys.encode())
    # Consume what the keys produced before the next step looks for its marker.
    time.sleep(0.15)
    ready, _, _ = select.select([fd], [], [], 0.5)
    if ready:
        try:
            screen += os.read(fd, 65536)
        except OSError:
            pass

read_until(final)
_, status = os.waitpid(pid, 0)
sys.stdout.write(screen.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
