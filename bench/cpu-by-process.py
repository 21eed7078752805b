#!/usr/bin/env python3
"""Runs a command and says how much CPU each kind of process used while it ran.

`/usr/bin/time` counts only the descendants a parent waited for, and misses chromium's helpers and a PostgreSQL server
started elsewhere; this samples every process in /proc instead, so it sees the whole machine while the command runs.
The total is the machine's busy time from /proc/stat; what no sample saw (processes that started and ended between two
samples, such as short `cohort` runs) is the "between samples" line.

    bench/cpu-by-process.py [--every SECONDS] -- COMMAND ...

Run it on a quiet machine: anything else running is counted too.
"""
import argparse
import collections
import os
import subprocess
import time

TICKS = os.sysconf("SC_CLK_TCK")


def kind(pid, comm):
    """A name for the process: dotnet processes by the program they run, PostgreSQL's backends as one."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        args = []
    if comm == "dotnet":
        program = next((a for a in args[1:] if not a.startswith("-")), None)
        return f"dotnet {os.path.basename(program)}" if program else comm
    if comm.startswith("postgres") or (args and "postgres" in args[0]):
        return "postgres"
    return comm


def busy():
    """Ticks the machine's cores spent busy (not idle, not waiting on I/O) since boot."""
    with open("/proc/stat") as f:
        ticks = [int(t) for t in f.readline().split()[1:]]
    return sum(ticks) - ticks[3] - ticks[4]


def sample(names):
    """CPU ticks of every live process, keyed by (pid, start time) so a reused pid is a new process."""
    ticks = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        key = (pid, fields[19])
        if names.get(key, ("", None))[0] != comm:
            # A fork is first seen under its parent's name; after exec it is named again.
            names[key] = (comm, kind(pid, comm))
        ticks[key] = int(fields[11]) + int(fields[12])
    return ticks


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=2.0, help="seconds between samples (default 2)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if not command:
        parser.error("give the command to run after --")

    names = {}
    before, busy_before = sample(names), busy()
    used = collections.Counter()
    started = time.monotonic()
    child = subprocess.Popen(command)
    last = before
    while True:
        done = child.poll() is not None
        now = sample(names)
        for key, ticks in now.items():
            used[names[key][1]] += ticks - last.get(key, 0)
        last = now
        if done:
            break
        time.sleep(options.every)

    wall = time.monotonic() - started
    total = busy() - busy_before
    print(f"exit {child.returncode}, wall {wall:.0f} s, CPU {total / TICKS:.0f} s (all cores, from /proc/stat)")
    for name, ticks in used.most_common():
        if ticks >= TICKS / 2:
            print(f"{ticks / TICKS:8.1f} s  {name}")
    print(f"{(total - sum(used.values())) / TICKS:8.1f} s  between samples (processes shorter than --every)")


if __name__ == "__main__":
    main()
