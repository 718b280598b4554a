using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

namespace StructuredLlm.ParseBenchmarks;

internal static class Program
{
    // Pass BenchmarkDotNet's own arguments, e.g. `--filter '*' --job short` (docs/parse-benchmarks.md).
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--probe")
        {
            Probe.Run();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new NanosecondsPerByteColumn())
            .HideColumns(Column.Error, Column.StdDev)
            .WithBuildTimeout(TimeSpan.FromMinutes(10)) // the out-of-process build of the whole graph is slow on a shared 2-core box
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile));
    }
}
