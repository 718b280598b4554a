"""Summarizes eng/generator-bench/run.sh: per build, the csc task's time, all generators' time and the measured
generator's own time (csc's ReportAnalyzer block), then medians over the counted runs (run 0 is the warm-up)."""
import re
import statistics
import sys

out, runs = sys.argv[1], int(sys.argv[2])
GENERATORS = {"ours": "StructuredLlm.Generators.StructuredLlmGenerator",
              "stj": "System.Text.Json.SourceGeneration.JsonSourceGenerator"}


def parse(path, generator):
    text = open(path, encoding="utf-8", errors="replace").read()
    total = re.search(r"Total generator execution time: ([0-9.]+) seconds", text)
    own = re.search(r"^\s+([0-9.]+)\s+\d+\s+" + re.escape(generator) + r"\s*$", text, re.M)
    csc = re.search(r"^\s+([0-9.]+) ms\s+Csc\s+\d+ calls", text, re.M)
    if not (total and own):
        raise SystemExit(f"{path}: no ReportAnalyzer generator block for {generator}")
    return float(csc.group(1)) / 1000 if csc else None, float(total.group(1)), float(own.group(1))


rows = {p: [] for p in GENERATORS}
print("| run | project | Csc task (s) | all generators (s) | its generator (s) |")
print("|---|---|---:|---:|---:|")
for i in range(runs + 1):
    for p, g in GENERATORS.items():
        csc, total, own = parse(f"{out}/{p}-{i}.log", g)
        if i > 0:
            rows[p].append(own)
        cs = f"{csc:.2f}" if csc is not None else "?"
        print(f"| {i}{' (warm-up)' if i == 0 else ''} | {p} | {cs} | {total:.3f} | {own:.3f} |")
ours, stj = statistics.median(rows["ours"]), statistics.median(rows["stj"])
print(f"\nmedian over runs 1..{runs}: ours {ours:.3f} s, System.Text.Json {stj:.3f} s, ratio {ours / stj:.2f}x")
pairs = [o / s for o, s in zip(rows["ours"], rows["stj"])]
print("per-run ratios (ours / stj, same round): " + ", ".join(f"{r:.2f}" for r in pairs))
