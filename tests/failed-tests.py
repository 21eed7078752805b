#!/usr/bin/env python3
"""Lists each failed test in the TRX reports given, with the start of its message and stack.

test.sh prints this just before its totals: a failing project dumps its host's whole console output, and a reader who
sees only the end of the run (as CI's summary does) would otherwise never learn which test failed or why.
"""
import sys
import xml.etree.ElementTree as ElementTree

MESSAGE_LINES = 4
STACK_LINES = 3
# A broken fixture fails hundreds of tests alike; the first few say why, the names after them say where.
DETAILED = 5
NAMED = 25


def local_name(tag):
    return tag.rsplit("}", 1)[-1]


def first_lines(text, count):
    lines = [line.rstrip() for line in (text or "").strip().splitlines() if line.strip()]
    return lines[:count] + (["…"] if len(lines) > count else [])


def failures(path):
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        yield f"{path}: unreadable ({error})", [], []
        return
    for result in root.iter():
        if local_name(result.tag) != "UnitTestResult" or result.get("outcome") not in ("Failed", "Error", "Timeout"):
            continue
        message = stack = ""
        for child in result.iter():
            if local_name(child.tag) == "Message":
                message = child.text
            elif local_name(child.tag) == "StackTrace":
                stack = child.text
        yield result.get("testName"), first_lines(message, MESSAGE_LINES), first_lines(stack, STACK_LINES)


def main(paths):
    found = [failure for path in paths for failure in failures(path)]
    if not found:
        return
    print(f"test.sh: {len(found)} failed test(s):")
    for index, (name, message, stack) in enumerate(found[:NAMED]):
        print(f"  FAILED {name}")
        for line in (message + stack if index < DETAILED else []):
            print(f"    {line.strip()[:300]}")
    if len(found) > NAMED:
        print(f"  and {len(found) - NAMED} more")


if __name__ == "__main__":
    main(sys.argv[1:])
