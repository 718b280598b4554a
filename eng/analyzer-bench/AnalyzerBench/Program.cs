// Times the StructuredLlm prompt-injection analyzer against NetAnalyzers' CA3001 on one real compilation, rebuilt
// from the csc command line that `dotnet build -v:detailed` logged (see eng/analyzer-bench/run.sh), and profiles
// the analyzer per callback. Usage:
//   AnalyzerBench <build log> <output assembly file name> <project dir> <StructuredLlm.Analyzers.dll> [runs]
// or, for a code base that cannot restore here (eng/analyzer-bench/dir.sh), one compilation of a folder's .cs files:
//   AnalyzerBench --dir <name> <source dir> <StructuredLlm.Analyzers.dll> <runs> <NetAnalyzers.dll> <reference dir>...
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

if (args[0] == "--dir")
{
    await DirMode.RunAsync(args);
    return;
}

var (logPath, assemblyName, projectDir, oursPath) = (args[0], args[1], args[2], args[3]);
var runs = args.Length > 4 ? int.Parse(args[4]) : 3;
// Optional analyzer options ("key=value;key=value"), e.g. structuredllm.prompt_injection.interprocedural_depth=1.
var analyzerOptions = new AnalyzerOptions([], new GlobalOptionsProvider(Environment.GetEnvironmentVariable("BENCH_OPTIONS")));

var line = File.ReadLines(logPath).First(l => l.Contains("/reportanalyzer") && l.Contains("/out:obj/Debug/net10.0/" + assemblyName));
var start = line.IndexOf(" /noconfig", StringComparison.Ordinal);
start = start >= 0 ? start : line.IndexOf(" /", StringComparison.Ordinal);
var arguments = CommandLineParser.SplitCommandLineIntoArguments(line[start..], removeHashComments: false).ToList();
var sdkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
var cmd = CSharpCommandLineParser.Default.Parse(arguments, projectDir, sdkDir, null);

var loader = new Loader();
var analyzerRefs = cmd.AnalyzerReferences.Select(r => new AnalyzerFileReference(r.FilePath, loader)).ToList();
var generators = analyzerRefs.SelectMany(r => r.GetGenerators(LanguageNames.CSharp)).ToImmutableArray();
var netAnalyzers = analyzerRefs.First(r => Path.GetFileName(r.FullPath) == "Microsoft.CodeAnalysis.NetAnalyzers.dll");
var ca3001 = netAnalyzers.GetAnalyzers(LanguageNames.CSharp).Single(a => a.SupportedDiagnostics.Any(d => d.Id == "CA3001"));
var oursRef = new AnalyzerFileReference(oursPath, loader);
var ours = oursRef.GetAnalyzers(LanguageNames.CSharp).Single(a => a.GetType().Name == "PromptInjectionAnalyzer");

var references = cmd.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference)).ToList();
var trees = cmd.SourceFiles.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f.Path), cmd.ParseOptions, f.Path)).ToList();
var options = cmd.CompilationOptions.WithSpecificDiagnosticOptions(
    cmd.CompilationOptions.SpecificDiagnosticOptions.SetItem("CA3001", ReportDiagnostic.Warn)).WithConcurrentBuild(false);
Console.WriteLine($"{assemblyName}: {trees.Count} files, {trees.Sum(t => t.GetText().Lines.Count)} lines, {references.Count} references, {generators.Length} generators");

for (var run = 0; run <= runs; run++)
{
    // As csc: run the generators, compile (emit), then the analyzers on the bound compilation.
    var compile = Stopwatch.StartNew();
    var compilation = CSharpCompilation.Create(cmd.CompilationName, trees, references, options);
    CSharpGeneratorDriver.Create(generators, parseOptions: cmd.ParseOptions)
        .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
    using (var pe = new MemoryStream())
    {
        generated.Emit(pe);
    }

    compile.Stop();
    var withAnalyzers = generated.WithAnalyzers(
        ImmutableArray.Create(ours, ca3001),
        new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    var oursTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(ours, default)).ExecutionTime.TotalSeconds;
    var caTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(ca3001, default)).ExecutionTime.TotalSeconds;
    var label = run == 0 ? "warm-up" : run.ToString();
    Console.WriteLine($"| {label} | {compile.Elapsed.TotalSeconds:F2} | {oursTime:F3} | {caTime:F3} | {100 * oursTime / compile.Elapsed.TotalSeconds:F1}% | {(caTime > 0 ? (oursTime / caTime).ToString("F1") + "x" : "-")} | {diagnostics.Count(d => d.Id.StartsWith("SLLM"))} SLLM, {diagnostics.Count(d => d.Id == "CA3001")} CA3001, {diagnostics.Count(d => d.Id == "AD0001")} AD0001 |");
}

// Net cost (BENCH_NET=1): ReportAnalyzer charges an analyzer for binding the method bodies it asks for first, which the
// driver would otherwise bind for any operation-block analyzer (csc runs many). Analysis wall time with a no-op
// operation-block analyzer alone and with ours added, alternated on fresh compilations: the difference is what ours adds.
if (Environment.GetEnvironmentVariable("BENCH_NET") == "1")
{
    await NetCost.RunAsync(() =>
    {
        var c = CSharpCompilation.Create(cmd.CompilationName, trees, references, options);
        CSharpGeneratorDriver.Create(generators, parseOptions: cmd.ParseOptions).RunGeneratorsAndUpdateCompilation(c, out var g, out _);
        return g;
    }, ours, analyzerOptions, runs);
}

// Profile: the same analyzer behind a context that times every callback it registers.
{
    var compilation = CSharpCompilation.Create(cmd.CompilationName, trees, references, options);
    CSharpGeneratorDriver.Create(generators, parseOptions: cmd.ParseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
    generated.GetDiagnostics();
    Counters.Reset(ours);
    var profiled = new Profiled(ours);
    var withAnalyzers = generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(profiled),
        new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
    await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    Console.WriteLine($"profile (analyzer telemetry {(await withAnalyzers.GetAnalyzerTelemetryInfoAsync(profiled, default)).ExecutionTime.TotalSeconds:F3} s):");
    foreach (var (name, (count, ticks)) in Profiled.Totals.OrderByDescending(p => p.Value.Ticks))
    {
        Console.WriteLine($"  {name,-58} {count,7} calls {ticks / (double)Stopwatch.Frequency,8:F3} s");
    }

    // Optional counters (public static long Prof* fields) that a local build of the analyzer may carry.
    foreach (var type in ours.GetType().Assembly.GetTypes())
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.Name.StartsWith("Prof", StringComparison.Ordinal) && f.FieldType == typeof(long)))
        {
            var value = (long)field.GetValue(null)!;
            Console.WriteLine($"  {type.Name}.{field.Name} = {(field.Name.EndsWith("Ticks", StringComparison.Ordinal) ? (value / (double)Stopwatch.Frequency).ToString("F3") + " s" : value.ToString())}");
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.Name.StartsWith("Prof", StringComparison.Ordinal) && f.FieldType == typeof(string)))
        {
            Console.WriteLine($"  {type.Name}.{field.Name} = {field.GetValue(null)}");
        }
    }

    Console.WriteLine("  slowest blocks that passed MayHaveFlow:");
    foreach (var (symbol, ticks) in Profiled.Blocks.OrderByDescending(b => b.Value).Take(10))
    {
        Console.WriteLine($"    {ticks / (double)Stopwatch.Frequency:F3} s  {symbol}");
    }
}

sealed class Loader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath) { }

    public Assembly LoadFromPath(string fullPath)
    {
        var name = AssemblyName.GetAssemblyName(fullPath);
        // Roslyn itself comes from this process (as in csc); everything else from its file.
        return name.Name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp"
            ? Assembly.Load(name.Name)
            : AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}

/// <summary>Runs an analyzer with every registered callback timed (by callback kind); operation blocks are split by
/// whether the analyzer's cheap pre-scan (<c>MayHaveFlow</c>) lets the taint walk run.</summary>
sealed class Profiled(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    public static readonly ConcurrentDictionary<string, (long Count, long Ticks)> Totals = new();
    public static readonly ConcurrentDictionary<string, long> Blocks = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        inner.Initialize(new Context(context, inner.GetType()));
    }

    public static void Add(string name, long ticks) => Totals.AddOrUpdate(name, (1, ticks), (_, v) => (v.Count + 1, v.Ticks + ticks));

    public static T Time<T>(string name, Func<T> f)
    {
        var t = Stopwatch.GetTimestamp();
        try { return f(); } finally { Add(name, Stopwatch.GetTimestamp() - t); }
    }

    sealed class Context(AnalysisContext outer, Type analyzerType) : AnalysisContext
    {
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            outer.RegisterCompilationStartAction(c =>
            {
                var t = Stopwatch.GetTimestamp();
                action(new Start(c, analyzerType));
                Add("CompilationStart (LlmApiTable.Create)", Stopwatch.GetTimestamp() - t);
            });

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) { }
        public override void EnableConcurrentExecution() { }
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
    }

    sealed class Start(CompilationStartAnalysisContext outer, Type analyzerType) : CompilationStartAnalysisContext(outer.Compilation, outer.Options, outer.CancellationToken)
    {
        int firstBlock;
        readonly MethodInfo mayHaveFlow = analyzerType.GetMethod("MayHaveFlow", BindingFlags.NonPublic | BindingFlags.Static)!;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            outer.RegisterOperationBlockAction(c =>
            {
                try
                {
                    Block(action, c);
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine("profiler: " + e);
                    throw;
                }
            });

        void Block(Action<OperationBlockAnalysisContext> action, OperationBlockAnalysisContext c)
        {
            // The closure holds the TaintContext the pre-scan takes.
            var taint = action.Target!.GetType().GetFields().First(f => f.FieldType.Name == "TaintContext").GetValue(action.Target)!;
            var t0 = Stopwatch.GetTimestamp();
            var passes = (bool)mayHaveFlow.Invoke(null, [c.OperationBlocks, c.OwningSymbol, taint, c.CancellationToken])!;
            // The first call builds the compilation's sink index; report it apart from the per-block scans.
            Add(Interlocked.Exchange(ref firstBlock, 1) == 0 ? "OperationBlock: first pre-scan (builds the sink index)" : "OperationBlock: MayHaveFlow pre-scan only",
                Stopwatch.GetTimestamp() - t0);
            var t1 = Stopwatch.GetTimestamp();
            action(c);
            var ticks = Stopwatch.GetTimestamp() - t1;
            Add(passes ? "OperationBlock: pre-scan passed (pre-scan + taint walk)" : "OperationBlock: pre-scan rejected", ticks);
            if (passes)
            {
                Blocks.AddOrUpdate(c.OwningSymbol.ToDisplayString(), ticks, (_, v) => v + ticks);
            }
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            outer.RegisterOperationAction(c =>
            {
                var t = Stopwatch.GetTimestamp();
                action(c);
                Add("Operation: SimpleAssignment (AllowDangerouslySetContent)", Stopwatch.GetTimestamp() - t);
            }, operationKinds);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => outer.RegisterCompilationEndAction(action);
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw new NotSupportedException();
    }
}

sealed class GlobalOptionsProvider(string? text) : AnalyzerConfigOptionsProvider
{
    readonly Options options = new((text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim()));

    public override AnalyzerConfigOptions GlobalOptions => options;
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

/// <summary>
/// One compilation of every .cs file under a folder (as eng/real-world does for apps that cannot restore here), with the
/// SDK's implicit usings, against every dll in the given reference folders; times binding (GetDiagnostics) and the two
/// analyzers, as the build-log mode does.
/// </summary>
static class DirMode
{
    const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    public static async Task RunAsync(string[] args)
    {
        var (name, dir, oursPath, runs, netAnalyzersPath) = (args[1], args[2], args[3], int.Parse(args[4]), args[5]);
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.g.cs"))
            .ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var references = new List<MetadataReference>();
        foreach (var refDir in args.Skip(6))
        {
            foreach (var dll in Directory.EnumerateFiles(refDir, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
            {
                var simple = Path.GetFileNameWithoutExtension(dll);
                if (simple.StartsWith("StructuredLlm.Analyzers", StringComparison.OrdinalIgnoreCase) || !seen.Add(simple))
                {
                    continue;
                }

                try
                {
                    AssemblyName.GetAssemblyName(dll);
                    references.Add(MetadataReference.CreateFromFile(dll));
                }
                catch (BadImageFormatException)
                {
                    // native
                }
            }
        }

        var loader = new Loader();
        var ca3001 = new AnalyzerFileReference(netAnalyzersPath, loader).GetAnalyzers(LanguageNames.CSharp).Single(a => a.SupportedDiagnostics.Any(d => d.Id == "CA3001"));
        var ours = new AnalyzerFileReference(oursPath, loader).GetAnalyzers(LanguageNames.CSharp).Single(a => a.GetType().Name == "PromptInjectionAnalyzer");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CA3001"] = ReportDiagnostic.Warn, ["OPENAI001"] = ReportDiagnostic.Suppress });
        Console.WriteLine($"{name}: {trees.Count - 1} files, {trees.Sum(t => t.GetText().Lines.Count)} lines, {references.Count} references");
        Console.WriteLine("| run | binding (s) | StructuredLlm (s) | CA3001 (s) | ours / binding | ours / CA3001 | diagnostics |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        for (var run = 0; run <= runs; run++)
        {
            var compilation = CSharpCompilation.Create(name, trees, references, options);
            var bind = Stopwatch.StartNew();
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            bind.Stop();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(ours, ca3001),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            var oursTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(ours, default)).ExecutionTime.TotalSeconds;
            var caTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(ca3001, default)).ExecutionTime.TotalSeconds;
            var label = run == 0 ? "warm-up" : run.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"| {label} | {bind.Elapsed.TotalSeconds:F2} | {oursTime:F3} | {caTime:F3} | {100 * oursTime / bind.Elapsed.TotalSeconds:F1}% | {(caTime > 0 ? (oursTime / caTime).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-")} | {diagnostics.Count(d => d.Id.StartsWith("SLLM", StringComparison.Ordinal))} SLLM, {diagnostics.Count(d => d.Id == "CA3001")} CA3001, {diagnostics.Count(d => d.Id == "AD0001")} AD0001, {errors} compile errors |");
        }

        if (Environment.GetEnvironmentVariable("BENCH_NET") == "1")
        {
            await NetCost.RunAsync(() => CSharpCompilation.Create(name, trees, references, options), ours, new AnalyzerOptions([]), runs);
        }

        // Where our time goes: the same analyzer behind the per-callback profiler (set BENCH_PROFILE=1).
        if (Environment.GetEnvironmentVariable("BENCH_PROFILE") == "1")
        {
            var compilation = CSharpCompilation.Create(name, trees, references, options);
            compilation.GetDiagnostics();
            Counters.Reset(ours);
            var profiled = new Profiled(ours);
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(profiled),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            Console.WriteLine($"profile (analyzer telemetry {(await withAnalyzers.GetAnalyzerTelemetryInfoAsync(profiled, default)).ExecutionTime.TotalSeconds:F3} s):");
            foreach (var (callback, (count, ticks)) in Profiled.Totals.OrderByDescending(p => p.Value.Ticks))
            {
                Console.WriteLine($"  {callback,-58} {count,7} calls {ticks / (double)Stopwatch.Frequency,8:F3} s");
            }

            Counters.Print(ours);
            Console.WriteLine("  slowest blocks that passed the pre-scan (taint walk):");
            foreach (var (symbol, ticks) in Profiled.Blocks.OrderByDescending(b => b.Value).Take(10))
            {
                Console.WriteLine($"    {ticks / (double)Stopwatch.Frequency:F3} s  {symbol}");
            }
        }
    }
}

/// <summary>Optional counters (public static long Prof* fields) that a local, instrumented build of the analyzer may carry.</summary>
static class Counters
{
    static IEnumerable<FieldInfo> Fields(DiagnosticAnalyzer analyzer) =>
        analyzer.GetType().Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.Name.StartsWith("Prof", StringComparison.Ordinal) && f.FieldType == typeof(long));

    public static void Reset(DiagnosticAnalyzer analyzer)
    {
        foreach (var field in Fields(analyzer))
        {
            field.SetValue(null, 0L);
        }
    }

    public static void Print(DiagnosticAnalyzer analyzer)
    {
        foreach (var field in Fields(analyzer))
        {
            var value = (long)field.GetValue(null)!;
            Console.WriteLine($"  {field.DeclaringType!.Name}.{field.Name} = {(field.Name.EndsWith("Ticks", StringComparison.Ordinal) ? (value / (double)Stopwatch.Frequency).ToString("F3", CultureInfo.InvariantCulture) + " s" : value.ToString(CultureInfo.InvariantCulture))}");
        }

        // String counters (names of what was bound, say), as in the build-log mode.
        foreach (var field in analyzer.GetType().Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.Name.StartsWith("Prof", StringComparison.Ordinal) && f.FieldType == typeof(string)))
        {
            Console.WriteLine($"  {field.DeclaringType!.Name}.{field.Name} = {field.GetValue(null)}");
        }
    }
}

/// <summary>An analyzer that only asks for every operation block, as most of a build's analyzers make the driver do.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class NoOpBlockAnalyzer : DiagnosticAnalyzer
{
    static readonly DiagnosticDescriptor Rule = new("NOOP0001", "no-op", "no-op", "bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationBlockAction(_ => { });
    }
}

static class NetCost
{
    public static async Task RunAsync(Func<Compilation> create, DiagnosticAnalyzer ours, AnalyzerOptions options, int runs)
    {
        var noop = new NoOpBlockAnalyzer();
        // CPU time of the process (single-threaded analysis; GC and JIT threads included) does not count the time spent
        // waiting for a core on a loaded machine, so it is steadier than wall time there.
        Console.WriteLine("net cost: analysis of a fresh compilation with a no-op block analyzer alone, then with ours added (s)");
        Console.WriteLine("| round | wall alone | wall + ours | wall difference | CPU alone | CPU + ours | CPU difference | ours (telemetry) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var round = 0; round <= runs; round++)
        {
            var alone = await TimeAsync(create(), [noop], options, null);
            var both = await TimeAsync(create(), [noop, ours], options, ours);
            var label = round == 0 ? "warm-up" : round.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"| {label} | {alone.Wall:F3} | {both.Wall:F3} | {both.Wall - alone.Wall:F3} | {alone.Cpu:F3} | {both.Cpu:F3} | {both.Cpu - alone.Cpu:F3} | {both.Ours:F3} |");
            if (round > 0)
            {
                wall.Add(both.Wall - alone.Wall);
                cpu.Add(both.Cpu - alone.Cpu);
            }
        }

        if (wall.Count > 0)
        {
            wall.Sort();
            cpu.Sort();
            Console.WriteLine($"median difference: wall {wall[wall.Count / 2]:F3} s, CPU {cpu[cpu.Count / 2]:F3} s");
        }
    }

    static async Task<(double Wall, double Cpu, double Ours)> TimeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, DiagnosticAnalyzer? ours)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers,
            new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        watch.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var oursTime = ours is null ? 0 : (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(ours, default)).ExecutionTime.TotalSeconds;
        return (watch.Elapsed.TotalSeconds, cpu, oursTime);
    }
}
