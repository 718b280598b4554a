extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StructuredLlm.Benchmarks;

/// <summary>
/// One compilation of <see cref="RecordCount"/> annotated records, with both an [LlmOutput] on every record and
/// a JsonSerializerContext listing every record, so both generators see the same types.
/// </summary>
public static class GeneratorHarness
{
    public const int RecordCount = 500;

    /// <summary>
    /// GENERATOR_BENCH_CSC=1: the compilation csc builds for an SDK project without a documentation file, instead of the
    /// default (the running runtime's implementation assemblies, doc comments parsed): the targeting pack's reference
    /// assemblies and DocumentationMode.None, the mode csc parses in without /doc.
    /// </summary>
    public static bool CscLike { get; } = Environment.GetEnvironmentVariable("GENERATOR_BENCH_CSC") == "1";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, CscLike ? DocumentationMode.None : DocumentationMode.Parse);

    public static CSharpCompilation CreateCompilation()
    {
        var trees = Sources().Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).ToList();
        return CSharpCompilation.Create("Bench", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The compilation's source files, in order (also written out for the real-build bench, eng/generator-bench).</summary>
    public static IEnumerable<(string Path, string Text)> Sources()
    {
        yield return ("Shared.cs", SharedSource);
        yield return ("Context.cs", ContextSource());
        yield return ("Unrelated.cs", UnrelatedSource(0));
        for (var i = 0; i < RecordCount; i++)
        {
            yield return ($"Record{i}.cs", RecordSource(i));
        }
    }

    /// <summary>The same compilation after an edit that touches no annotated type.</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation, int generation)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Unrelated.cs");
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(UnrelatedSource(generation), ParseOptions, "Unrelated.cs"));
    }

    public static IIncrementalGenerator Ours() => new generator::StructuredLlm.Generators.StructuredLlmGenerator();

    public static IIncrementalGenerator SystemTextJson() => (IIncrementalGenerator)Activator.CreateInstance(
        StjGeneratorAssembly.Value.GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract))!;

    public static string StjGeneratorPath => StjPath.Value;

    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, bool track = false) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = CscLike
            ? Directory.GetFiles(ReferencePackDirectory(), "*.dll")
            : tpa.Where(p => Path.GetDirectoryName(p) == runtimeDirectory);
        return
        [
            .. framework.Select(p => MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(LlmOutputAttribute).Assembly.Location),
        ];
    });

    /// <summary>The running runtime's reference assemblies in the SDK's targeting pack (what csc references for net10.0).</summary>
    private static string ReferencePackDirectory()
    {
        var version = Environment.Version;
        var directory = Path.Combine(DotnetRoot(), "packs", "Microsoft.NETCore.App.Ref");
        var packs = Directory.GetDirectories(directory, $"{version.Major}.{version.Minor}.*").OrderByDescending(p => p, StringComparer.Ordinal).ToArray();
        return packs.Length > 0
            ? Path.Combine(packs[0], "ref", $"net{version.Major}.{version.Minor}")
            : throw new DirectoryNotFoundException($"no {version.Major}.{version.Minor} targeting pack under {directory}");
    }

    private static string DotnetRoot() => Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root
        ? root
        : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>The newest SDK ref pack's System.Text.Json source generator on this machine.</summary>
    private static readonly Lazy<string> StjPath = new(() =>
    {
        var packs = Path.Combine(DotnetRoot(), "packs", "Microsoft.NETCore.App.Ref");
        var candidates = Directory.GetFiles(packs, "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
            .Where(p => p.Replace('\\', '/').Contains("/analyzers/dotnet/", StringComparison.Ordinal)
                        && Path.GetFileName(Path.GetDirectoryName(p)) == "cs")
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .ToArray();
        return candidates.Length > 0 ? candidates[0] : throw new FileNotFoundException("System.Text.Json.SourceGeneration.dll not found under " + packs);
    });

    private static readonly Lazy<Assembly> StjGeneratorAssembly = new(() => Assembly.LoadFrom(StjPath.Value));

    private const string SharedSource = """
        using System.Runtime.CompilerServices;
        namespace Bench;
        public enum Color { Red, Green, Blue, Cyan, Magenta }
        public enum Size { Small, Medium, Large }
        """;

    private static string ContextSource()
    {
        var builder = new StringBuilder("using System.Text.Json.Serialization;\nnamespace Bench;\n");
        for (var i = 0; i < RecordCount; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"[JsonSerializable(typeof(Record{i}))]\n");
        }
        builder.Append("internal partial class BenchJsonContext : JsonSerializerContext { }\n");
        return builder.ToString();
    }

    private static string UnrelatedSource(int generation) => $$"""
        namespace Bench;
        internal static class Unrelated
        {
            public static int Compute(int x) => x * {{generation + 2}} + 1;
        }
        """;

    /// <summary>A realistic record: descriptions, a range, enums, a list, a nullable, a date and (in chains of five) a nested record.</summary>
    private static string RecordSource(int i)
    {
        var nested = i % 5 == 0 ? "" : $",\n    Record{i - 1}? Previous";
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.ComponentModel.DataAnnotations;
            using StructuredLlm;
            namespace Bench;
            /// <summary>Record number {{i}}.</summary>
            [LlmOutput]
            public partial record Record{{i}}(
                [property: Description("The name of item {{i}}")] string Name,
                [property: Range(1, 100)] int Count,
                Color Color,
                Size? Size,
                IReadOnlyList<string> Tags,
                string? Note,
                DateTimeOffset When,
                double Score{{nested}});
            """;
    }
}
