#!/usr/bin/env python3
"""Turns BenchmarkDotNet's CSV report of the scaling runs into the table of docs/parse-benchmarks.md:
ns per byte at 1 KB, 32 KB and 1 MB, and the growth of the time per byte from 1 KB to 1 MB (target <= 2x).
Usage: scaling-table.py <BenchmarkRun-...-report.csv>"""
import csv, sys

rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
table = {}
for r in rows:
    if r['Type'] not in ('ScalingBenchmarks', 'ScalingStjBenchmarks') or not r.get('ns/B') or r['ns/B'] == '-':
        continue
    shape = r['Shape'] if r['Type'] == 'ScalingBenchmarks' else 'clean'
    table.setdefault((shape, r['Method']), {})[int(r['Size'])] = float(r['ns/B'])

print('| shape | method | ns/B at 1 KB | 32 KB | 1 MB | growth 1 KB → 1 MB | growth 32 KB → 1 MB |')
print('|---|---|---:|---:|---:|---:|---:|')
for (shape, method), v in sorted(table.items()):
    a, b, c = v.get(1 << 10), v.get(1 << 15), v.get(1 << 20)
    if None in (a, b, c):
        continue
    print(f'| {shape} | {method} | {a:.2f} | {b:.2f} | {c:.2f} | {c / a:.2f}× | {c / b:.2f}× |')
