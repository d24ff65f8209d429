#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prints the Markdown table of every value a scenario file sets, with the tag
([src], [assume], [cal]) and reason of its comment, as docs/model.md holds it.

Usage: tools/defaults_table.py scenarios/mali_2022/baseline.yaml
"""
import re
import sys

KEY = re.compile(r"^(\s*)(- )?([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$")
TAG = re.compile(r"\[(src|assume|cal)[^\]]*\]")


def split_comment(text):
    """Value and comment of `value  # comment`, minding quotes and flow lists."""
    depth, quote = 0, None
    for i, c in enumerate(text):
        if quote:
            quote = None if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        elif c == "#" and depth == 0 and (i == 0 or text[i - 1] == " "):
            return text[:i].strip(), text[i + 1:].strip()
    return text.strip(), ""


def rows(lines):
    stack = []  # (indent, name, comment of the section line)
    faction = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = KEY.match(line)
        if not m:
            continue
        indent, item, key, rest = len(m.group(1)), m.group(2), m.group(3), m.group(4)
        if item:
            indent += 2
        while stack and stack[-1][0] >= indent:
            stack.pop()
        value, comment = split_comment(rest)
        if key == "name" and item and stack and stack[-1][1] == "factions":
            faction = value
        path = ".".join(n for _, n, _ in stack)
        if stack and stack[0][1] == "factions" and faction:
            path = "factions." + faction
        full = f"{path}.{key}" if path else key
        if value == "":
            stack.append((indent, key, comment))
            if comment:
                yield full, "(section)", comment
            continue
        # A value without a comment of its own takes its section's.
        inherited = next((c for _, _, c in reversed(stack) if TAG.search(c)), "")
        yield full, value, comment or inherited


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = f.read().splitlines()
    print("| key | value | tag | source or reason |")
    print("|---|---|---|---|")
    for key, value, comment in rows(lines):
        tag = TAG.search(comment)
        reason = re.sub(r"\s+", " ", TAG.sub("", comment)).strip(" ;,") if tag else comment
        print(f"| `{key}` | `{value}` | {tag.group(1) if tag else '—'} | {reason or '—'} |")


if __name__ == "__main__":
    main()
