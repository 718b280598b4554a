#!/usr/bin/env bash
# Ten fresh processes per library, each timing its very first schema request with a Stopwatch.
cd "$(dirname "$0")/../.." && dll=tests/StructuredLlm.Benchmarks/bin/Release/net10.0/StructuredLlm.Benchmarks.dll
for i in $(seq 10); do for w in ours meai njsonschema; do dotnet "$dll" --first-call "$w"; done; done
