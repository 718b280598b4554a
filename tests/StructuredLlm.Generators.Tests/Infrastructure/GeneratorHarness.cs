using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StructuredLlm.Generators.Tests.Infrastructure;

/// <summary>Compiles test sources against the real runtime assembly and framework, and runs the generator.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var paths = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        string? tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
        foreach (string path in (tpa ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string name = Path.GetFileName(path);
            // Framework assemblies plus the product and MEAI; not the test's own Roslyn/xunit dependencies.
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "mscorlib.dll" or "netstandard.dll"
                || name.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal) || name == "StructuredLlm.dll"
                || name is "Microsoft.CSharp.dll" or "Microsoft.Bcl.AsyncInterfaces.dll")
            {
                paths.Add(path);
            }
        }

        paths.Add(typeof(LlmOutputInfo).Assembly.Location);
        paths.Add(typeof(Microsoft.Extensions.AI.ChatResponseFormat).Assembly.Location);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(string source, string assemblyName = "TestAssembly", CSharpParseOptions? parseOptions = null, IEnumerable<MetadataReference>? references = null)
        => CreateCompilation(new[] { source }, assemblyName, parseOptions, references);

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, string assemblyName = "TestAssembly", CSharpParseOptions? parseOptions = null, IEnumerable<MetadataReference>? references = null)
    {
        CSharpParseOptions options = parseOptions ?? ParseOptions;
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"/src/Input{i}.cs")).ToArray();
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            references ?? References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: options.LanguageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable, deterministic: true, warningLevel: 9999, allowUnsafe: true)
                // As the SDK does (NoWarn 1701;1702): the runtime's net8.0 references unify with the net10.0 framework here.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null)
        => CSharpGeneratorDriver.Create(
            new[] { new StructuredLlmGenerator().AsSourceGenerator() },
            parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(string source, string assemblyName = "TestAssembly", CSharpParseOptions? parseOptions = null)
        => Run(CreateCompilation(source, assemblyName, parseOptions), parseOptions);

    public static GeneratorRun Run(Compilation compilation, CSharpParseOptions? parseOptions = null)
    {
        GeneratorDriver driver = CreateDriver(parseOptions ?? (CSharpParseOptions?)compilation.SyntaxTrees.FirstOrDefault()?.Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, TestContext.Current.CancellationToken);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }
}

internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Input, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public ImmutableArray<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    public string Source(string hintNameSuffix) => Sources.Single(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Errors and warnings of the input plus generated code (the user's build view).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems()
        => Output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            // Test inputs do not document their own public types; generated code must (CS1591 there still fails).
            .Where(d => !(d.Id == "CS1591" && Input.SyntaxTrees.Contains(d.Location.SourceTree)))
            .ToList();

    public void AssertNoException()
    {
        foreach (GeneratorRunResult r in Result.Results)
        {
            Assert.Null(r.Exception);
        }

        Assert.DoesNotContain(GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785" or "AD0001" or "SLLM0012");
    }

    /// <summary>Generator diagnostics plus compiler errors and warnings, as "ID: message" lines, for assertion messages.</summary>
    public string Describe()
        => string.Join("\n", GeneratorDiagnostics.Concat(CompilationProblems()).Select(d => d.ToString()));

    /// <summary>Generated code compiles with no errors or warnings and the generator reported nothing.</summary>
    public void AssertClean()
    {
        AssertNoException();
        Assert.True(GeneratorDiagnostics.IsEmpty && CompilationProblems().Count == 0, Describe());
    }
}
