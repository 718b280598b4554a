using System;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using StructuredLlm.Json;

namespace StructuredLlm.ParseBenchmarks;

/// <summary>
/// A quick stopwatch probe of the clean scaling shape (not BenchmarkDotNet): ns/B and GC counts per parse at each
/// size, for ours, a reader that only skips (locate + scan + tokenizer, no objects), and STJ source-gen.
/// Run: <c>dotnet …/StructuredLlm.ParseBenchmarks.dll --probe</c>.
/// </summary>
internal static class Probe
{
    public static void Run()
    {
        Console.WriteLine($"gc: server={System.Runtime.GCSettings.IsServerGC} latency={System.Runtime.GCSettings.LatencyMode}");
        foreach (int size in Environment.GetEnvironmentVariable("PROBE_SIZES") is { } ps ? Array.ConvertAll(ps.Split(','), int.Parse) : new[] { 1 << 10, 1 << 15, 1 << 18, 1 << 20 })
        {
            var utf8 = Encoding.UTF8.GetBytes(Inputs.Scaling("clean", size));
            Measure("ours", size, utf8, () => LogBatch.LlmInfo.Parse(utf8.AsSpan()).Success);
            if (Environment.GetEnvironmentVariable("PROBE_ALL") is not null) Measure("skip", size, utf8, () => LlmParser.Parse<object?>(utf8.AsSpan(), SkipRead).Success);
            Measure("stj", size, utf8, () => JsonSerializer.Deserialize(utf8, BenchJsonContext.Default.LogBatch) is not null);
            if (Environment.GetEnvironmentVariable("PROBE_ALL") is not null) Measure("stjReader", size, utf8, () => { var r = new Utf8JsonReader(utf8); while (r.Read()) { } return true; });
        }
    }

    private static bool SkipRead(ref Utf8JsonReader reader, LlmReadContext context, out object? value)
    {
        reader.Skip();
        value = null;
        return true;
    }

    private static void Measure(string name, int size, byte[] utf8, Func<bool> f)
    {
        if (!f()) throw new InvalidOperationException(name);
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 300) f(); // past tiered JIT
        sw.Restart();
        for (int i = 0; i < 20; i++) f();
        double oneMs = Math.Max(1e-4, sw.Elapsed.TotalMilliseconds / 20);
        int n = (int)Math.Clamp(80 / oneMs, 3, 1_000_000); // ~80 ms per round, 5 rounds
        double best = double.MaxValue, bestCpu = double.MaxValue;
        var proc = System.Diagnostics.Process.GetCurrentProcess();
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        long alloc = GC.GetAllocatedBytesForCurrentThread();
        var pause = GC.GetTotalPauseDuration();
        int total = 0;
        for (int round = 0; round < 7; round++)
        {
            proc.Refresh();
            var cpu0 = proc.TotalProcessorTime;
            sw.Restart();
            for (int i = 0; i < n; i++) f();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds * 1e6 / n);
            proc.Refresh();
            bestCpu = Math.Min(bestCpu, (proc.TotalProcessorTime - cpu0).TotalMilliseconds * 1e6 / n);
            total += n;
        }
        Console.WriteLine($"{name,-10} {size,8} {utf8.Length,8} B  {best / utf8.Length,7:F3} ns/B  cpu {bestCpu / utf8.Length,7:F3} ns/B  alloc {(GC.GetAllocatedBytesForCurrentThread() - alloc) / total,9} B  gc0 {(GC.CollectionCount(0) - g0) / (double)total:F3} gc1 {(GC.CollectionCount(1) - g1) / (double)total:F3} gc2 {(GC.CollectionCount(2) - g2) / (double)total:F3}  pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds * 1e6 / total / utf8.Length:F3} ns/B");
    }
}
