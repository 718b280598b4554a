#!/usr/bin/env bash
# Runs the prompt-injection analyzers over public LLM sample apps and writes the findings to
# eng/real-world/out/report.md (git-ignored). The repositories are never committed: export each from a
# git directory (the session's `fetch` tool puts snapshots at /work/.mirror/<owner>+<name>/repo) or pass
# checked-out directories as name=path arguments.
#   eng/real-world/run.sh                                  # the default set below, from /work/.mirror
#   eng/real-world/run.sh eShopSupport=/src/eShopSupport   # any checkout
set -euo pipefail
cd "$(dirname "$0")/../.."
out=eng/real-world/out
work=$(mktemp -d)
mkdir -p "$out"
trap 'rm -rf "$work"' EXIT

repos=("$@")
if [ ${#repos[@]} -eq 0 ]; then
  for r in dotnet+eShopSupport dotnet+ai-samples Azure-Samples+azure-search-openai-demo-csharp microsoft+semantic-kernel; do
    git_dir=/work/.mirror/$r/repo
    [ -d "$git_dir" ] || { echo "skip $r: no snapshot at $git_dir (fetch it first)" >&2; continue; }
    mkdir -p "$work/$r"
    # Only C# files: large blobs (seed data, images) may be absent from a snapshot.
    if [ "$r" = microsoft+semantic-kernel ]; then
      git --git-dir="$git_dir" archive HEAD -- 'dotnet/samples/*.cs' | tar -x -C "$work/$r"
    else
      git --git-dir="$git_dir" archive HEAD -- '*.cs' | tar -x -C "$work/$r"
    fi
    repos+=("$r=$work/$r")
  done
fi

dirs=$(IFS=';'; echo "${repos[*]}")
STRUCTUREDLLM_REALWORLD_DIRS="$dirs" STRUCTUREDLLM_REALWORLD_OUT="$PWD/$out/report.md" \
  dotnet test --project tests/StructuredLlm.Analyzers.Tests/StructuredLlm.Analyzers.Tests.csproj -c Release \
  -- --filter-class "*RealWorldRun"
echo "report: $out/report.md"
