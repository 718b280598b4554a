extern alias generator;

using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;

namespace StructuredLlm.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--verify-incremental"])
        {
            return VerifyIncremental();
        }
        if (args is ["--measure-alloc", ..])
        {
            return MeasureAllocations(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3, args.Length > 2 ? args[2] : "");
        }
        if (args is ["--measure-steps", ..])
        {
            return MeasureSteps(args.Length > 1 ? args[1] : "");
        }
        if (args is ["--step-times", ..])
        {
            return StepTimes(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
        }
        if (args is ["--dump", var directory, ..])
        {
            return Dump(directory, args is [_, _, "stj"]);
        }
        if (args is ["--write-sources", var target])
        {
            // The same 503 files as the in-process compilation, for a real csc build (eng/generator-bench/run.sh).
            System.IO.Directory.CreateDirectory(target);
            foreach (var (path, text) in GeneratorHarness.Sources())
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(target, path), text);
            }
            return 0;
        }
        if (args is ["--first-call", var which])
        {
            return FirstCall(which);
        }
        // The machine is shared: BenchmarkDotNet's default 2-minute limit for building its boilerplate is too short.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    /// <summary>
    /// Runs each generator on the 500-record compilation, then again after an unrelated edit, and prints
    /// the run reasons of every tracked output. Fails (exit 1) if our generator regenerates anything.
    /// </summary>
    private static int VerifyIncremental()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var edited = GeneratorHarness.WithUnrelatedEdit(compilation, 1);
        Console.WriteLine($"System.Text.Json generator: {GeneratorHarness.StjGeneratorPath}");
        var failed = false;
        foreach (var (name, create) in new (string, Func<IIncrementalGenerator>)[] { ("StructuredLlm", GeneratorHarness.Ours), ("System.Text.Json", GeneratorHarness.SystemTextJson) })
        {
            var driver = GeneratorHarness.CreateDriver(create(), track: true).RunGenerators(compilation);
            var first = driver.GetRunResult().Results.Single();
            Console.WriteLine($"{name}: first run generated {first.GeneratedSources.Length} files, {first.Diagnostics.Length} diagnostics, exception: {first.Exception?.Message ?? "none"}");
            foreach (var d in first.Diagnostics.GroupBy(d => d.Id))
            {
                Console.WriteLine($"  {d.Key} x{d.Count()}: {d.First().GetMessage(CultureInfo.InvariantCulture)}");
            }

            var second = driver.RunGenerators(edited).GetRunResult().Results.Single();
            var outputs = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
                .GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
            var steps = second.TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => $"{s.Key}[{string.Join(",", s.Value.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}"))}]");
            Console.WriteLine($"{name}: after an unrelated edit, outputs: {string.Join(" ", outputs)}");
            Console.WriteLine($"{name}: tracked steps: {string.Join(" ", steps)}");
            if (name == "StructuredLlm")
            {
                // The diagnostics report reruns on every compilation change (it locates diagnostics in the compilation's
                // trees) and adds no source; every output step that adds sources must be skipped.
                var regenerated = second.TrackedOutputSteps.SelectMany(s => s.Value)
                    .Where(step => !step.Inputs.Any(i => i.Source.Name == "DiagnosticsReport")).SelectMany(s => s.Outputs)
                    .Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
                // Our own tracked steps (TrackingNames), not Roslyn's internal ForAttributeWithMetadataName/Compilation steps.
                string[] ours = ["Parse", "ProfileLimits", "Diagnostics", "Models", "Features", "ModelsWithFeatures", "RegistryEntries", "Registry"];
                var stepsChanged = second.TrackedSteps.Where(s => ours.Contains(s.Key)).SelectMany(s => s.Value).SelectMany(s => s.Outputs)
                    .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified or IncrementalStepRunReason.Removed);
                Console.WriteLine($"{name}: regenerated outputs: {regenerated}; new/modified/removed outputs of our tracked steps: {stepsChanged}");
                failed |= regenerated != 0 || stepsChanged != 0 || second.TrackedOutputSteps.IsEmpty;
            }
        }
        return failed ? 1 : 0;
    }

    /// <summary>Files and characters each generator emits for the benchmark compilation (its drivers die afterwards).</summary>
    private static void PrintOutputSizes(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        var ours = GeneratorHarness.CreateDriver(GeneratorHarness.Ours()).RunGenerators(compilation);
        var stj = GeneratorHarness.CreateDriver(GeneratorHarness.SystemTextJson()).RunGenerators(compilation);
        foreach (var (name, driver) in new[] { ("StructuredLlm", ours), ("System.Text.Json", stj) })
        {
            var sources = driver.GetRunResult().Results.Single().GeneratedSources;
            var readers = sources.Where(s => s.HintName.EndsWith(".LlmReader.g.cs", StringComparison.Ordinal)).Sum(s => s.SourceText.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {sources.Length} files, {sources.Sum(s => s.SourceText.Length) / 1024.0:F0} K chars ({readers / 1024.0:F0} K in *.LlmReader.g.cs)"));
        }
    }

    /// <summary>
    /// A quick, load-independent cross-check of the MemoryDiagnoser column: bytes allocated (all threads) by each
    /// benchmark body (same compilation and driver options as <see cref="GeneratorBenchmarks"/>), after a warm-up run.
    /// </summary>
    private static int MeasureAllocations(int repetitions, string only)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var edited = GeneratorHarness.WithUnrelatedEdit(compilation, 1);
        // Bind everything once so the first measured scenario does not pay for metadata loading.
        _ = compilation.GetDiagnostics();
        PrintOutputSizes(compilation);

        // The first-run drivers the edit scenarios start from are made when the first of those runs, so a full run has only
        // the compilation on the heap; FIRST_RUNS_ON_HEAP=1 makes them first, as this harness did before 2026-11-28 (see
        // GeneratorBenchmarks.FirstRunsOnHeap: the full-run ratio depends on it). Here the second edit scenario still has the
        // first one's driver on the heap; BenchmarkDotNet runs each in a process of its own.
        var ours = new Lazy<GeneratorDriver>(() => GeneratorHarness.CreateDriver(GeneratorHarness.Ours()).RunGenerators(compilation));
        var stj = new Lazy<GeneratorDriver>(() => GeneratorHarness.CreateDriver(GeneratorHarness.SystemTextJson()).RunGenerators(compilation));
        if (Environment.GetEnvironmentVariable("FIRST_RUNS_ON_HEAP") == "1")
        {
            _ = ours.Value;
            _ = stj.Value;
        }
        var scenarios = new (string Name, Func<GeneratorDriver> Run)[]
        {
            ("System.Text.Json generator, full run", () => GeneratorHarness.CreateDriver(GeneratorHarness.SystemTextJson()).RunGenerators(compilation.Clone())),
            ("StructuredLlm generator, full run", () => GeneratorHarness.CreateDriver(GeneratorHarness.Ours()).RunGenerators(compilation.Clone())),
            ("System.Text.Json generator, unrelated edit", () => stj.Value.RunGenerators(edited.Clone())),
            ("StructuredLlm generator, unrelated edit", () => ours.Value.RunGenerators(edited.Clone())),
        };
        using var listener = Environment.GetEnvironmentVariable("GC_EVENTS") == "1" ? new GcListener() : null;
        foreach (var (name, run) in scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            run();
            long min = long.MaxValue;
            var stopwatch = new Stopwatch();
            for (var i = 0; i < repetitions; i++)
            {
                GC.Collect();
                long before = GC.GetTotalAllocatedBytes(true);
                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
                TimeSpan paused = GC.GetTotalPauseDuration();
                listener?.Recording = true;
                stopwatch.Restart();
                GC.KeepAlive(run());
                stopwatch.Stop();
                listener?.Recording = false;
                listener?.Flush();
                min = Math.Min(min, GC.GetTotalAllocatedBytes(true) - before);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {(GC.GetTotalAllocatedBytes(true) - before) / 1048576.0:F2} MB, {stopwatch.Elapsed.TotalMilliseconds:F0} ms, " +
                    $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen0/1/2), paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms"));
            }
        }
        return 0;
    }

    /// <summary>
    /// Exact bytes (this thread) of each of our generator's pieces over the 500 specs of the first run: the parse is
    /// measured by the driver (not separable here), the emitters and the limit check are called directly.
    /// </summary>
    private static int MeasureSteps(string only)
    {
        const int Passes = 12;
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.Ours(), track: true).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        var parsed = result.TrackedSteps["Parse"].SelectMany(s => s.Outputs).Select(o => (generator::StructuredLlm.Generators.Model.ParseResult)o.Value).ToArray();
        var specs = parsed.Select(p => p.Spec!).ToArray();
        var features = new generator::StructuredLlm.Generators.Model.CompilationFeatures("Bench", true, true, true);
        void Measure(string name, Action<int> body)
        {
            if (!name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            // Bytes from the second pass; time as the best of ten passes after two warm ones (a rough guide on a
            // quiet machine only; BenchmarkDotNet's full-run benchmark is the measurement).
            long bytes = 0;
            var best = double.MaxValue;
            for (var pass = 0; pass < Passes; pass++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var stopwatch = Stopwatch.StartNew();
                for (var i = 0; i < specs.Length; i++)
                {
                    body(i);
                }
                stopwatch.Stop();
                if (pass == 1)
                {
                    bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                }
                if (pass >= 2)
                {
                    best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {bytes / 1048576.0,8:F2} MB {best,8:F2} ms"));
        }
        long infoChars = 0, readerChars = 0;
        Measure("ProfileLimits.Check", i => generator::StructuredLlm.Generators.Diagnostics.ProfileLimits.Check(parsed[i], default));
        Measure("InfoEmitter.EmitInfoText", i => infoChars += generator::StructuredLlm.Generators.Emit.InfoEmitter.EmitInfoText(specs[i], features).Length);
        Measure("ReaderEmitter.EmitText", i => readerChars += generator::StructuredLlm.Generators.Emit.ReaderEmitter.EmitText(specs[i], features).Length);
        var texts = specs.Select(s => generator::StructuredLlm.Generators.Emit.ReaderEmitter.Emit(s, features)).ToArray();
        Measure("SourceText.From (readers)", i => Microsoft.CodeAnalysis.Text.SourceText.From(texts[i], System.Text.Encoding.UTF8));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"info {infoChars / Passes / 1024.0:F0} K chars, readers {readerChars / Passes / 1024.0:F0} K chars per pass ({(infoChars + readerChars) / Passes * 2:N0} bytes as strings, both)"));
        return 0;
    }

    /// <summary>
    /// Where each generator's full run goes: the driver's own per-step times (tracking on), summed per step name, as the
    /// median over <paramref name="runs"/> fresh runs after two warm ones. A guide to what to work on (tracking adds its
    /// own cost), not a measurement: BenchmarkDotNet's full-run benchmark is that.
    /// </summary>
    private static int StepTimes(int runs)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        _ = compilation.GetDiagnostics();
        foreach (var (name, create) in new (string, Func<IIncrementalGenerator>)[] { ("StructuredLlm", GeneratorHarness.Ours), ("System.Text.Json", GeneratorHarness.SystemTextJson) })
        {
            var samples = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<double>>(StringComparer.Ordinal);
            for (var run = 0; run < runs + 2; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var driver = GeneratorHarness.CreateDriver(create(), track: true).RunGenerators(compilation.Clone());
                stopwatch.Stop();
                if (run < 2)
                {
                    continue;
                }
                var result = driver.GetRunResult().Results.Single();
                void Add(string key, double ms)
                {
                    if (!samples.TryGetValue(key, out var list))
                    {
                        samples[key] = list = new();
                    }
                    list.Add(ms);
                }
                Add("(wall) RunGenerators", stopwatch.Elapsed.TotalMilliseconds);
                Add("(driver) generator total", driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
                foreach (var step in result.TrackedSteps.Concat(result.TrackedOutputSteps))
                {
                    Add(step.Key, step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds));
                }
                // Parsing the added files into trees is not part of RunGenerators (the trees are parsed when the updated
                // compilation needs them), so it is timed apart: the compiler pays it in a build, for both generators.
                var parseOptions = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)compilation.SyntaxTrees.First().Options;
                stopwatch.Restart();
                foreach (var source in result.GeneratedSources)
                {
                    _ = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source.SourceText, parseOptions, source.HintName).GetRoot();
                }
                Add("(separately) parse the generated files", stopwatch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"{name} (median of {runs} runs, ms):");
            foreach (var (key, list) in samples.OrderByDescending(p => p.Value.Sum()))
            {
                list.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key,-40} {list[list.Count / 2],8:F1}"));
            }
        }
        return 0;
    }

    /// <summary>Writes every file our generator emits for the 500-record compilation to a folder (to read, or diff before/after).</summary>
    private static int Dump(string directory, bool systemTextJson)
    {
        System.IO.Directory.CreateDirectory(directory);
        var generator = systemTextJson ? GeneratorHarness.SystemTextJson() : GeneratorHarness.Ours();
        var result = GeneratorHarness.CreateDriver(generator).RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();
        foreach (var source in result.GeneratedSources)
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(directory, source.HintName), source.SourceText.ToString());
        }
        var characters = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
        Console.WriteLine($"{result.GeneratedSources.Length} files, {characters:N0} characters, {result.Diagnostics.Length} diagnostics, exception: {result.Exception?.Message ?? "none"}");
        return result.Exception is null ? 0 : 1;
    }

    /// <summary>Times the very first schema request in this process (a cross-check of the ColdStart job).</summary>
    private static int FirstCall(string which)
    {
        var stopwatch = Stopwatch.StartNew();
        object result = which switch
        {
            "ours" => SupportTicket.LlmInfo.GetJsonSchema(LlmSchemaProfile.OpenAIStrict),
            "meai" => Microsoft.Extensions.AI.AIJsonUtilities.CreateJsonSchema(typeof(SupportTicket)),
            "njsonschema" => NJsonSchema.JsonSchema.FromType<SupportTicket>(),
            _ => throw new ArgumentException("ours, meai or njsonschema", nameof(which)),
        };
        stopwatch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{which}\t{stopwatch.Elapsed.TotalMicroseconds:F1} us\t{result.GetType().Name}"));
        return 0;
    }
}
