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

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation()
    {
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(SharedSource, ParseOptions, "Shared.cs"),
            CSharpSyntaxTree.ParseText(ContextSource(), ParseOptions, "Context.cs"),
            CSharpSyntaxTree.ParseText(UnrelatedSource(0), ParseOptions, "Unrelated.cs"),
        };
        for (var i = 0; i < RecordCount; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(RecordSource(i), ParseOptions, $"Record{i}.cs"));
        }
        return CSharpCompilation.Create("Bench", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
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
        return
        [
            .. tpa.Where(p => Path.GetDirectoryName(p) == runtimeDirectory).Select(p => MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(LlmOutputAttribute).Assembly.Location),
        ];
    });

    /// <summary>The newest SDK ref pack's System.Text.Json source generator on this machine.</summary>
    private static readonly Lazy<string> StjPath = new(() =>
    {
        var dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root
            ? root
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
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
