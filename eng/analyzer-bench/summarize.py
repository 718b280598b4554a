"""Summarizes the -p:ReportAnalyzer=true sections of eng/analyzer-bench/out/run-N.log (runs 1..N; run 0 is warm-up)."""
import re
import sys

out, runs = sys.argv[1], int(sys.argv[2])
OURS = "StructuredLlm.Analyzers.PromptInjectionAnalyzer"
CA3001 = "ReviewCodeForSqlInjectionVulnerabilities (CA3001)"


def seconds(text):
    return 0.0 if text.startswith("<") else float(text)


print("| run | Csc total (s) | all analyzers (s) | StructuredLlm (s) | CA3001 (s) | ours / Csc | ours / CA3001 |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for i in range(1, runs + 1):
    text = open(f"{out}/run-{i}.log", encoding="utf-8").read()
    csc = int(re.search(r"^\s*(\d+) ms  Csc\s", text, re.M).group(1)) / 1000
    total = sum(float(m) for m in re.findall(r"Total analyzer execution time: ([\d.]+) seconds", text))
    ours = sum(seconds(m) for m in re.findall(r"^\s*(<?[\d.]+)\s+<?\d+\s+" + re.escape(OURS), text, re.M))
    ca = sum(seconds(m) for m in re.findall(r"^\s*(<?[\d.]+)\s+<?\d+\s+\S+" + re.escape(CA3001), text, re.M))
    ratio_ca = f"{ours / ca:.0f}x" if ca > 0 else "CA3001 < 1 ms"
    print(f"| {i} | {csc:.1f} | {total:.1f} | {ours:.3f} | {ca:.3f} | {100 * ours / csc:.1f}% | {ratio_ca} |")
