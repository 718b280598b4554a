#!/usr/bin/env bash
# In-process companion to run.sh: rebuilds one project's compilation from the csc command line in a run.sh build log,
# times compile (generators + emit) and the two analyzers with CompilationWithAnalyzers telemetry, then profiles the
# StructuredLlm analyzer per callback. Needs a run.sh log first (BENCH_WORK must point at the same export).
#   BENCH_WORK=/tmp/skb eng/analyzer-bench/profile.sh [runs=3] [assembly=Microsoft.SemanticKernel.Abstractions.dll] [project=SemanticKernel.Abstractions]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
assembly=${2:-Microsoft.SemanticKernel.Abstractions.dll}
project=${3:-SemanticKernel.Abstractions}
log=$(ls eng/analyzer-bench/out/run-*.log | tail -1)
dotnet build src/StructuredLlm.Analyzers/StructuredLlm.Analyzers.csproj -c Release -v:q -nologo
dotnet build eng/analyzer-bench/AnalyzerBench/AnalyzerBench.csproj -c Release -v:q -nologo
dotnet eng/analyzer-bench/AnalyzerBench/bin/Release/net10.0/AnalyzerBench.dll "$log" "$assembly" \
  "$BENCH_WORK/dotnet/src/$project" "$PWD/src/StructuredLlm.Analyzers/bin/Release/netstandard2.0/StructuredLlm.Analyzers.dll" "$runs"
