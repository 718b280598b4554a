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

    // Each benchmark gets only what it uses: a full run is measured with nothing but the compilation on the heap, because
    // a driver kept from another run (of either generator) slows every collection of the measured run, and by a different
    // amount for each generator.
    [GlobalSetup(Targets = new[] { nameof(StjFull), nameof(OursFull) })]
    public void SetupFull() => _compilation = GeneratorHarness.CreateCompilation();

    [GlobalSetup(Target = nameof(StjUnrelatedEdit))]
    public void SetupStjEdit()
    {
        SetupFull();
        _edited = GeneratorHarness.WithUnrelatedEdit(_compilation, 1);
        _stjAfterFirstRun = GeneratorHarness.CreateDriver(GeneratorHarness.SystemTextJson()).RunGenerators(_compilation);
    }

    [GlobalSetup(Target = nameof(OursUnrelatedEdit))]
    public void SetupOursEdit()
    {
        SetupFull();
        _edited = GeneratorHarness.WithUnrelatedEdit(_compilation, 1);
        _oursAfterFirstRun = GeneratorHarness.CreateDriver(GeneratorHarness.Ours()).RunGenerators(_compilation);
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
