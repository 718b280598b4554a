#!/usr/bin/env bash
# Side-by-side correctness (BAML b.parse, MEAI ChatResponse<T>.TryGetResult, StructuredLlm) on the corpus
# tests/StructuredLlm.Tests/Corpus/messy-outputs.jsonl, and the node timings of BAML and jsonrepair.
# Needs node >= 18 and npm (so it is not part of CI). Usage: eng/side-by-side/run.sh [--no-bench]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund || npm install --no-audit --no-fund   # an npm whose lockfile rules differ refuses ci
npx baml-cli generate --from baml_src     # writes baml_client/ (TypeScript)
npx tsc -p .                              # compiles it to dist/baml_client
node baml-score.js                        # BAML's answer per corpus case -> out/baml.jsonl
dotnet run -c Release --project SideBySide/SideBySide.csproj -- "$repo" "$here/out/side-by-side.md"
if [[ "${1:-}" != "--no-bench" ]]; then
  node bench-node.js | tee out/bench-node.md   # per-document time of BAML and jsonrepair+JSON.parse
fi
echo "tables: $here/out/side-by-side.md and $here/out/bench-node.md (copy into docs/side-by-side.md and docs/parse-benchmarks.md)"
