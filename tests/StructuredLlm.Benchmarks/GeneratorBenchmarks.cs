using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StructuredLlm.Benchmarks;

/// <summary>
/// Generator cost over one compilation of 500 annotated records: a full run (fresh driver, fresh symbols via
/// Compilation.Clone) and a rerun after an edit that touches no annotated type.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _oursAfterFirstRun = null!;
    private GeneratorDriver _stjAfterFirstRun = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorHarness.CreateCompilation();
        _edited = GeneratorHarness.WithUnrelatedEdit(_compilation, 1);
        _oursAfterFirstRun = GeneratorHarness.CreateDriver(GeneratorHarness.Ours()).RunGenerators(_compilation);
        _stjAfterFirstRun = GeneratorHarness.CreateDriver(GeneratorHarness.SystemTextJson()).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json generator, full run")]
    public GeneratorDriver StjFull() => GeneratorHarness.CreateDriver(GeneratorHarness.SystemTextJson()).RunGenerators(_compilation.Clone());

    [Benchmark(Description = "StructuredLlm generator, full run")]
    public GeneratorDriver OursFull() => GeneratorHarness.CreateDriver(GeneratorHarness.Ours()).RunGenerators(_compilation.Clone());

    [Benchmark(Description = "System.Text.Json generator, unrelated edit")]
    public GeneratorDriver StjUnrelatedEdit() => _stjAfterFirstRun.RunGenerators(_edited.Clone());

    [Benchmark(Description = "StructuredLlm generator, unrelated edit")]
    public GeneratorDriver OursUnrelatedEdit() => _oursAfterFirstRun.RunGenerators(_edited.Clone());
}
