#!/usr/bin/env bash
# In-process bench on a code base that cannot restore here: one compilation of a snapshot's .cs files (exported from a
# git directory into a temporary folder, never committed) against the .NET and ASP.NET Core shared frameworks and the
# packages the analyzer tests reference (Microsoft.Extensions.AI, Semantic Kernel, OpenAI); times binding, the
# StructuredLlm analyzer and NetAnalyzers' CA3001 (from the SDK) on the same compilation.
#   eng/analyzer-bench/dir.sh [runs=3] [git-dir=/work/.mirror/dotnet+eShopSupport/repo] [path-in-repo=src]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
git_dir=${2:-/work/.mirror/dotnet+eShopSupport/repo}
path=${3:-src}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Only C# files: large blobs may be absent from a snapshot (git archive would stop at the first one).
git --git-dir="$git_dir" archive HEAD -- "$path/*.cs" | tar -x -C "$work"

dotnet build src/StructuredLlm.Analyzers/StructuredLlm.Analyzers.csproj -c Release -v:q -nologo
dotnet build tests/StructuredLlm.Analyzers.Tests/StructuredLlm.Analyzers.Tests.csproj -c Release -v:q -nologo
dotnet build eng/analyzer-bench/AnalyzerBench/AnalyzerBench.csproj -c Release -v:q -nologo
sdk=$(dotnet --list-sdks | tail -1 | awk '{print $2 "/" $1}' | tr -d '[]')
netcore=$(ls -d "$(dirname "$sdk")"/../shared/Microsoft.NETCore.App/* | tail -1)
aspnet=$(ls -d "$(dirname "$sdk")"/../shared/Microsoft.AspNetCore.App/* | tail -1)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"
dotnet eng/analyzer-bench/AnalyzerBench/bin/Release/net10.0/AnalyzerBench.dll --dir "$(basename "$(dirname "$git_dir")" | sed 's/+/\//')" "$work/$path" \
  "$PWD/src/StructuredLlm.Analyzers/bin/Release/netstandard2.0/StructuredLlm.Analyzers.dll" "$runs" \
  "$sdk/Sdks/Microsoft.NET.Sdk/analyzers/Microsoft.CodeAnalysis.NetAnalyzers.dll" \
  "$netcore" "$aspnet" "$PWD/tests/StructuredLlm.Analyzers.Tests/bin/Release/net10.0"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"
