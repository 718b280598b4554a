using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

namespace StructuredLlm.ParseBenchmarks;

internal static class Program
{
    // Pass BenchmarkDotNet's own arguments, e.g. `--filter '*' --job short` (docs/parse-benchmarks.md).
    private static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new NanosecondsPerByteColumn())
            .HideColumns(Column.Error, Column.StdDev)
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile));
}
