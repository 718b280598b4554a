#!/usr/bin/env bash
# Issue 2's generator cost in a real csc build: one project with the benchmark's 500 annotated records (each with
# [LlmOutput], and all listed by one [JsonSerializable] context), so our generator and System.Text.Json's (from the
# SDK's targeting pack) run in the same compiler process over the same compilation, as they would in a user's build.
# `-p:ReportAnalyzer=true` makes csc report each generator's wall time. Run 0 only warms up and is not counted.
#   eng/generator-bench/run.sh [runs=5] [server|noserver]
# server (default): the compiler server is kept, so both generators are jitted once (the inner-loop build);
# noserver: a fresh csc process per build, which jits both generators every time (a CI build).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${1:-5}
mode=${2:-server}
work=${BENCH_WORK:-$(mktemp -d)}
out=$root/eng/generator-bench/out
mkdir -p "$out" "$work/proj"

dotnet build src/StructuredLlm.Generators/StructuredLlm.Generators.csproj -c Release -v:q -nologo
dotnet build tests/StructuredLlm.Benchmarks -c Release -v:q -nologo
# A private copy of the generator (the compiler server caches analyzer assemblies by path).
built=src/StructuredLlm.Generators/bin/Release/netstandard2.0/StructuredLlm.Generators.dll
hash=$(sha256sum "$built" | cut -c1-12)
mkdir -p "$work/generator-$hash"
cp "$built" "$work/generator-$hash/"
echo "generator: commit $(git rev-parse --short HEAD)$(git diff --quiet -- src/StructuredLlm.Generators || echo ' + local changes'), dll $hash" | tee "$out/generator.txt"

# Two projects over the same 500 records, so each generator pays for its own binding as in the in-process benchmark
# (in one shared compilation the first generator to ask would bind the records for both):
#   ours/: the records with [LlmOutput] and our generator; stj/: the same files plus the [JsonSerializable] context,
#   without our generator. Other generators of the SDK run in both and find nothing to do.
rm -rf "$work/ours" "$work/stj"
for p in ours stj; do
  dotnet tests/StructuredLlm.Benchmarks/bin/Release/net10.0/StructuredLlm.Benchmarks.dll --write-sources "$work/$p/src"
done
rm "$work/ours/src/Context.cs"
write_project() { # name, extra items
  cat > "$work/$1/GeneratorBench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <LangVersion>latest</LangVersion>
    <ImplicitUsings>disable</ImplicitUsings>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <ReportAnalyzer>true</ReportAnalyzer>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/StructuredLlm/StructuredLlm.csproj" />
    $2
  </ItemGroup>
</Project>
XML
}
write_project ours "<Analyzer Include=\"$work/generator-$hash/StructuredLlm.Generators.dll\" />"
write_project stj ""
for p in ours stj; do
  dotnet restore "$work/$p/GeneratorBench.csproj" -v:q -nologo
  dotnet build "$work/$p/GeneratorBench.csproj" -c Release --no-restore -v:q -nologo > /dev/null # the runtime, once
done

server=(-p:UseSharedCompilation=true)
if [ "$mode" = noserver ]; then server=(-p:UseSharedCompilation=false); fi
dotnet build-server shutdown > /dev/null 2>&1 || true
rm -f "$out"/*.log
: > "$out/load.txt"
# Alternated, so a change in the machine's load hits both alike.
for i in $(seq 0 "$runs"); do
  for p in ours stj; do
    echo "run $i $p: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
    dotnet build "$work/$p/GeneratorBench.csproj" -c Release --no-restore --no-dependencies --no-incremental -nologo \
      -v:detailed -clp:PerformanceSummary "${server[@]}" > "$out/$p-$i.log" 2>&1 || { tail -30 "$out/$p-$i.log"; exit 1; }
  done
done
echo "end: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
python3 "$root/eng/generator-bench/summarize.py" "$out" "$runs"
