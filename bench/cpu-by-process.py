#!/usr/bin/env python3
"""Runs a command and says how much CPU each kind of process used while it ran.

`/usr/bin/time` counts only the descendants a parent waited for, and misses chromium's helpers and a PostgreSQL server
started elsewhere; this samples every process in /proc instead, so it sees the whole machine while the command runs.
A process that starts and ends between two samples is counted in the parent that reaped it ("reaped" column); one that
was sampled while alive is counted as itself, and its parent's reaped column leaves out what was already counted.

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


def sample(names, parents):
    """CPU ticks of every live process (its own, its reaped children's), keyed by (pid, start time) so a reused pid is a new process."""
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
        if key not in names:
            names[key] = kind(pid, comm)
            parents[key] = fields[1]
        ticks[key] = (int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14]))
    return ticks


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=2.0, help="seconds between samples (default 2)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if not command:
        parser.error("give the command to run after --")

    names, parents = {}, {}
    before = sample(names, parents)
    own, reaped = collections.Counter(), collections.Counter()
    started = time.monotonic()
    child = subprocess.Popen(command)
    last = before
    while True:
        done = child.poll() is not None
        now = sample(names, parents)
        for key, (mine, children) in now.items():
            was_mine, was_children = last.get(key, (0, 0))
            own[names[key]] += mine - was_mine
            reaped[names[key]] += children - was_children
        # An exited process's parent reaps all of its time; the part already counted as the process's own comes off.
        alive_by_pid = {key[0]: key for key in now}
        for key in last.keys() - now.keys():
            parent = alive_by_pid.get(parents[key])
            if parent is not None:
                reaped[names[parent]] -= sum(last[key])
        last = now
        if done:
            break
        time.sleep(options.every)

    wall = time.monotonic() - started
    total = sum(own.values()) + sum(reaped.values())
    print(f"exit {child.returncode}, wall {wall:.0f} s, CPU {total / TICKS:.0f} s")
    print(f"{'own s':>8} {'reaped s':>9}  process")
    for name in sorted(own.keys() | reaped.keys(), key=lambda n: -(own[n] + reaped[n])):
        if own[name] + reaped[name] >= TICKS / 2:
            print(f"{own[name] / TICKS:8.1f} {reaped[name] / TICKS:9.1f}  {name}")


if __name__ == "__main__":
    main()
