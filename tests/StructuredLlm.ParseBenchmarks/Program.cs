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
        if (args.Length > 1 && args[0] == "--loop")
        {
            Loop(args[1]);
            return;
        }
        if (args.Length > 1 && args[0] == "--repairs")
        {
            // the repair records a messy document's parse returns (what the messy benchmarks pay to make)
            foreach (var repair in Ticket.LlmInfo.Parse(Inputs.Messy(args[1])).Repairs) Console.WriteLine(repair);
            return;
        }
        if (args.Length > 1 && args[0] == "--alloc-types")
        {
            AllocationTypes.Run(Runner(args[1]));
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new NanosecondsPerByteColumn())
            .HideColumns(Column.Error, Column.StdDev)
            .WithBuildTimeout(TimeSpan.FromMinutes(10)) // the out-of-process build of the whole graph is slow on a shared 2-core box
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile));
    }

    /// <summary>
    /// `--loop NAME`: one clean benchmark (e.g. Ticket_Ours_Utf8) or messy one (`DOC/NAME`, e.g. fenced/Ours_Utf8) in a
    /// plain loop, 3 s of warm-up then the best of 15 rounds, in this process only: run it in several fresh processes to
    /// see launch-to-launch differences, or under a profiler.
    /// </summary>
    private static void Loop(string name)
    {
        var run = Runner(name);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (int.TryParse(Environment.GetEnvironmentVariable("LOOP_WARMUP_OPS"), out var warmup))
        {
            // a fixed amount of work (for `perf stat -e instructions`, which a busy machine does not change)
            for (var i = 0; i < warmup; i++) run();
        }
        else
        {
            while (watch.ElapsedMilliseconds < 3000) run();
        }
        var best = double.MaxValue;
        int Ops = int.TryParse(Environment.GetEnvironmentVariable("LOOP_OPS"), out var o) ? o : 20_000; // fewer (with more rounds) on a busy machine
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("LOOP_ROUNDS"), out var r) ? r : 15; // more for a profiler
        for (var round = 0; round < rounds; round++)
        {
            watch.Restart();
            for (var i = 0; i < Ops; i++)
            {
                run();
            }
            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / Ops);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            run();
        }
        long allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        Console.WriteLine(FormattableString.Invariant($"{name}\t{best:F1} ns/op (best of {rounds} rounds of {Ops})\t{allocated} B/op"));
    }

    /// <summary>A benchmark body by name: a clean one (Ticket_Ours_Utf8) or a messy one (`DOC/NAME`, e.g. fenced/Ours_Utf8).</summary>
    private static Func<object?> Runner(string name)
    {
        var slash = name.IndexOf('/');
        if (slash >= 0)
        {
            var messy = new MessyBenchmarks { Doc = name.Substring(0, slash) };
            messy.Setup();
            var method = typeof(MessyBenchmarks).GetMethod(name.Substring(slash + 1)) ?? throw new ArgumentException("no benchmark " + name);
            return method.CreateDelegate<Func<object?>>(messy);
        }
        var benchmarks = new CleanBenchmarks();
        benchmarks.Setup();
        var clean = typeof(CleanBenchmarks).GetMethod(name) ?? throw new ArgumentException("no benchmark " + name);
        return clean.CreateDelegate<Func<object?>>(benchmarks);
    }
}
