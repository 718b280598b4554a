#!/usr/bin/env bash
# Measures the prompt-injection analyzer (SLLM1001..) against NetAnalyzers' CA3001 (SQL injection taint rule) in one
# real build of microsoft/semantic-kernel's dotnet/src/Connectors/Connectors.OpenAI (which compiles
# SemanticKernel.Abstractions, SemanticKernel.Core and Connectors.OpenAI), with -p:ReportAnalyzer=true.
# The repository is exported from a git snapshot (the session's `fetch` puts it at /work/.mirror/…/repo) into a
# temporary directory and is never committed. Writes eng/analyzer-bench/out/run-N.log and prints a summary table.
#   eng/analyzer-bench/run.sh [runs=3] [git-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${1:-3}
git_dir=${2:-/work/.mirror/microsoft+semantic-kernel/repo}
out=$root/eng/analyzer-bench/out
mkdir -p "$out"
: > "$out/load.txt"
work=${BENCH_WORK:-$(mktemp -d)}

dotnet build src/StructuredLlm.Analyzers/StructuredLlm.Analyzers.csproj -c Release -v:q -nologo
# A private copy, so that rebuilding the analyzer while the bench runs does not change what is measured.
# One folder per build of it: the compiler server caches analyzer assemblies by path.
built=src/StructuredLlm.Analyzers/bin/Release/netstandard2.0/StructuredLlm.Analyzers.dll
hash=$(sha256sum "$built" | cut -c1-12)
mkdir -p "$work/analyzer-$hash"
cp "$built" "$work/analyzer-$hash/"
analyzer=$work/analyzer-$hash/StructuredLlm.Analyzers.dll
echo "analyzer: commit $(git rev-parse --short HEAD)$(git diff --quiet -- src/StructuredLlm.Analyzers || echo ' + local changes'), dll $hash" | tee "$out/analyzer.txt"

if [ ! -d "$work/dotnet/src" ]; then
  # Only what the build needs; large binary blobs may be absent from a snapshot.
  git --git-dir="$git_dir" archive HEAD -- dotnet/src dotnet/Directory.Build.props dotnet/Directory.Build.targets \
    dotnet/Directory.Packages.props dotnet/nuget.config dotnet/global.json dotnet/nuget \
    ':(exclude)*.pdf' ':(exclude)*.png' ':(exclude)*.jpg' | tar -x -C "$work"
  touch "$work/.gitignore" # the repository's props find RepoRoot by the .gitignore above them
  # Adaptations to what NuGet serves here (each makes the compile smaller, so the ratio below is conservative):
  # the CentralPackageVersions SDK is not served (the SDK's own central package management reads
  # Directory.Packages.props anyway), and its Release-only `dotnet format` target is dropped;
  echo '<Project />' > "$work/dotnet/Directory.Build.targets"
  # the exact Roslynator 4.13.1 / Moq.Analyzers 0.3.1 pins are not served: those global analyzers are removed.
  python3 - "$work/dotnet/Directory.Packages.props" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding='utf-8-sig').read()
s = re.sub(r'\s*<PackageReference Include="(Moq\.Analyzers|Roslynator\.[A-Za-z.]+)">.*?</PackageReference>', '', s, flags=re.S)
open(p, 'w', encoding='utf-8').write(s)
PY
fi

proj=$work/dotnet/src/Connectors/Connectors.OpenAI/Connectors.OpenAI.csproj
# One target framework; no package validation (its 1.79.0 baseline packages are not served).
props=(-p:TargetFrameworks=net10.0 -p:EnablePackageValidation=false -p:TreatWarningsAsErrors=false
  -p:ReportAnalyzer=true -p:StructuredLlmAnalyzerPath="$analyzer"
  -p:CustomAfterMicrosoftCommonTargets="$root/eng/analyzer-bench/bench.targets")
dotnet restore "$proj" "${props[@]}" -v:q -nologo

# Run 0 warms the compiler server (VBCSCompiler) and is not counted.
for i in $(seq 0 "$runs"); do
  echo "run $i: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
  dotnet build "$proj" -c Debug --no-restore --no-incremental -nologo -v:detailed -clp:PerformanceSummary \
    "${props[@]}" > "$out/run-$i.log" 2>&1 || { tail -30 "$out/run-$i.log"; exit 1; }
done
echo "end: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
python3 "$root/eng/analyzer-bench/summarize.py" "$out" "$runs"
