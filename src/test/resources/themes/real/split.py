#!/usr/bin/env python3
"""The one and only split of the real families' comments into tuning.tsv and heldout.tsv.

Rule (see LABELLING.md, "The split"): comments are grouped by source page -- the source URL
without scheme, "www.", query string, fragment or trailing slash -- so that every comment from one
page lands on the same side. A group goes to the tuning part when the first 8 hex digits of
SHA-256(group key), read as an integer, are below 0.4 * 2**32; otherwise to the held-out part.
Nothing else (themes, text, speaker) enters the rule, so the split cannot be steered.

Usage:
  python3 split.py MASTER.tsv   write tuning.tsv and heldout.tsv from a combined file
  python3 split.py --check      check that tuning.tsv and heldout.tsv obey the rule
"""
import hashlib
import sys
from urllib.parse import urlsplit

HEADER = "id\tspeaker\tthemes\ttext\tsource_url\tsource_title"
TUNING_SHARE = 0.4


def group_key(url):
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    return host + parts.path.rstrip("/")


def is_tuning(url):
    digest = hashlib.sha256(group_key(url).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) < TUNING_SHARE * 2 ** 32


def read(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    assert lines[0] == HEADER, path + ": unexpected header"
    return [line.split("\t") for line in lines[1:] if line.strip()]


def write(path, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER + "\n")
        for row in sorted(rows, key=lambda r: r[0]):
            out.write("\t".join(row) + "\n")


def main():
    if sys.argv[1:] == ["--check"]:
        bad = [r[0] for r in read("tuning.tsv") if not is_tuning(r[4])]
        bad += [r[0] for r in read("heldout.tsv") if is_tuning(r[4])]
        print("split OK" if not bad else "misplaced: " + ", ".join(bad))
        sys.exit(1 if bad else 0)
    rows = read(sys.argv[1])
    write("tuning.tsv", [r for r in rows if is_tuning(r[4])])
    write("heldout.tsv", [r for r in rows if not is_tuning(r[4])])


if __name__ == "__main__":
    main()
