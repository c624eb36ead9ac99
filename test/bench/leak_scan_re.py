"""Python `re` baseline for the leaked-credential workspace scan benchmark (test/bench/leakScan.ts).

Walks a directory, reads every file as UTF-8, and runs the SAME two patterns the extension's
scanner uses (passed in as JSON so they can't drift): access key IDs (doc examples ending in
EXAMPLE skipped) and named secret access keys (re.IGNORECASE, entropy floor, ...EXAMPLE
skipped). Prints one JSON line: files, bytes, findings by kind, seconds (read+scan) and
seconds of scanning alone.

usage: python3 leak_scan_re.py DIR PATTERNS_JSON
"""
import collections
import json
import math
import os
import re
import sys
import time


def entropy(value):
    counts = collections.Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def main():
    root = sys.argv[1]
    spec = json.loads(sys.argv[2])
    key_re = re.compile(spec["accessKeyId"])
    secret_re = re.compile(spec["secretAccessKey"], re.IGNORECASE)
    floor = spec["entropyFloor"]
    files = 0
    size = 0
    ids = 0
    secrets = 0
    scan_seconds = 0.0
    started = time.perf_counter()
    for directory, _dirs, names in os.walk(root):
        for name in names:
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                text = handle.read()
            files += 1
            size += len(text.encode("utf-8"))
            t = time.perf_counter()
            for m in key_re.finditer(text):
                if not m.group(0).endswith("EXAMPLE"):
                    ids += 1
            for m in secret_re.finditer(text):
                value = m.group(2)
                if "EXAMPLE" not in value and entropy(value) >= floor:
                    secrets += 1
            scan_seconds += time.perf_counter() - t
    total = time.perf_counter() - started
    print(json.dumps({"files": files, "bytes": size, "ids": ids, "secrets": secrets, "seconds": total, "scanSeconds": scan_seconds}))


if __name__ == "__main__":
    main()
