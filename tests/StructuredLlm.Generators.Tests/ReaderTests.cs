using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using StructuredLlm.Generators.Tests.Infrastructure;
using StructuredLlm.Json;

namespace StructuredLlm.Generators.Tests;

/// <summary>
/// The generated readers (<c>*.LlmReader.g.cs</c>): baselines for a few shapes, which must compile without errors or
/// warnings, the no-reader path for a type the generator refused, and generated readers run for real from an
/// in-memory assembly for the shapes the integration project cannot declare (dictionaries are an error there).
/// </summary>
public class ReaderTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using StructuredLlm;
        using StructuredLlm.Json;

        """;

    private static GeneratorRun Check(string testName, string source, params string[] expectedDiagnosticIds)
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + source);
        run.AssertNoException();
        Assert.Equal(expectedDiagnosticIds.OrderBy(x => x), run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(x => x));
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        Baseline.VerifyReaders(testName, run);
        return run;
    }

    [Fact]
    public void Reader_ConstraintsEnumsAndAliases() => Check(nameof(Reader_ConstraintsEnumsAndAliases), """
        namespace Support;

        public enum Category { Billing, Technical, [JsonStringEnumMemberName("other")][LlmAlias("misc")] Other }

        [LlmOutput]
        public partial record Ticket(
            Category Category,
            [property: Range(1, 5)] int Priority,
            [property: StringLength(200, MinimumLength = 1), RegularExpression("^[^<>]*$")] string Summary,
            [property: MaxLength(3)] IReadOnlyList<string> Tags,
            [property: EmailAddress, LlmAlias("email")] string? CustomerEmail,
            [property: Range(0.0, 1.0, MinimumIsExclusive = true)] double Confidence,
            [property: AllowedValues("low", "high")] string Effort,
            byte Retries);
        """);

    [Fact]
    public void Reader_NominalClassWithStrictMode()
    {
        GeneratorRun run = Check(nameof(Reader_NominalClassWithStrictMode), NominalClassWithStrictMode);
        Assert.Contains(
            "options: new global::StructuredLlm.Json.LlmParseOptions { Strict = true, AllowedRepairs = new global::StructuredLlm.Json.LlmRepairKind[] { "
            + "global::StructuredLlm.Json.LlmRepairKind.MarkdownFence, global::StructuredLlm.Json.LlmRepairKind.TrailingComma } });",
            run.Source(".LlmOutput.g.cs"), StringComparison.Ordinal);
        Assert.Contains("options: null);", GeneratorHarness.Run(Usings + "[LlmOutput] public partial record Plain(int A);").Source(".LlmOutput.g.cs"), StringComparison.Ordinal);
    }

    private const string NominalClassWithStrictMode = """
        namespace Shapes;

        [LlmOutput(Strict = true, AllowedRepairs = new[] { LlmRepairKind.MarkdownFence, LlmRepairKind.TrailingComma })]
        public partial class Settings
        {
            public required string Theme { get; init; }
            public int? RetryCount { get; set; }
            [JsonPropertyName("class")] public bool @class { get; set; }
            [JsonIgnore] public string Secret { get; set; } = "";
        }
        """;

    [Fact]
    public void Reader_PolymorphicAndRecursive() => Check(nameof(Reader_PolymorphicAndRecursive), """
        namespace Geo;

        [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
        [JsonDerivedType(typeof(Circle), "circle")]
        [JsonDerivedType(typeof(Group), "group")]
        public abstract record Shape(string Color);
        public sealed record Circle(string Color, double Radius) : Shape(Color);
        public sealed record Group(string Color, List<Shape> Members) : Shape(Color);

        [LlmOutput]
        public partial record Drawing(Shape Main, Shape? Highlight, Drawing? Next);
        """, "SLLM0009");

    [Fact]
    public void Reader_CollectionsAndDictionaries() => Check(nameof(Reader_CollectionsAndDictionaries), """
        namespace Colls;

        [LlmOutput]
        public partial record struct Bag(
            int[] Array, ImmutableArray<string> Immutable, HashSet<string> Set, List<List<byte>> Nested, List<string?>? Maybe,
            Dictionary<string, int> Counts, IReadOnlyDictionary<string, List<int>>? Groups);
        """, "SLLM0005", "SLLM0005", "SLLM0009", "SLLM0009");

    [Fact]
    public void A_type_the_generator_refuses_gets_no_reader_and_LlmInfo_still_compiles()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Bad;

            [LlmOutput]
            public partial record Twice
            {
                public Twice(int a) { A = a; }
                public Twice(string b) { A = b.Length; }
                public int A { get; init; }
            }
            """);
        run.AssertNoException();
        Assert.Contains(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".LlmReader.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain("reader:", run.Source(".LlmOutput.g.cs"), StringComparison.Ordinal);
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
    }

    [Fact]
    public void Readers_compile_under_CSharp_8()
    {
        var options = GeneratorHarness.ParseOptions.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8);
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using StructuredLlm;
            namespace Old
            {
                public enum Kind { A, B }
                [LlmOutput]
                public partial class Thing
                {
                    public string Name { get; set; } = "";
                    public Kind Kind { get; set; }
                    public List<int?> Values { get; set; } = new List<int?>();
                }
            }
            """, parseOptions: options);
        run.AssertNoException();
        Assert.Single(run.Sources, s => s.HintName.EndsWith(".LlmReader.g.cs", StringComparison.Ordinal));
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
    }

    // ------------------------------------------------------------------ generated readers run for real

    [Fact]
    public void Dictionaries_nested_lists_and_sets_are_read_by_the_generated_reader()
    {
        Type bag = Load("""
            namespace Run;
            [LlmOutput]
            public partial record Bag(Dictionary<string, int> Counts, IReadOnlyDictionary<string, List<int>>? Groups, ImmutableDictionary<string, string> Names,
                List<List<byte>> Nested, ImmutableArray<string> Labels, int[] Numbers);
            """, "Run.Bag");

        (bool ok, object? value, LlmError[] errors, LlmRepair[] repairs) = Parse(bag,
            """{"counts":{"a":1,"b":2},"groups":{"x":[1,2]},"names":{"k":"v"},"nested":[[1],[2,3]],"labels":["l"],"numbers":[4,5]}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Empty(repairs);
        dynamic b = value!;
        Assert.Equal(2, (int)b.Counts["b"]);
        Assert.Equal(new[] { 1, 2 }, (System.Collections.Generic.List<int>)b.Groups["x"]);
        Assert.Equal("v", (string)b.Names["k"]);
        Assert.Equal((byte)3, (byte)b.Nested[1][1]);
        Assert.Equal("l", (string)b.Labels[0]);
        Assert.Equal(new[] { 4, 5 }, (int[])b.Numbers);

        (ok, _, errors, _) = Parse(bag, """{"counts":{"a":"lots"},"groups":null,"names":{},"nested":[[256]],"labels":[],"numbers":[]}""");
        Assert.False(ok);
        Assert.Equal(new[]
        {
            "$.counts.a: expected an integer, found \"lots\"",
            "$.nested[0][0]: expected an integer 0..255, found 256",
        }, errors.Select(e => e.Message));

        (ok, _, errors, _) = Parse(bag, """{"counts":{"a":1,"a":2},"groups":null,"names":{},"nested":[],"labels":[],"numbers":[]}""");
        Assert.False(ok);
        Assert.Equal("$.counts.a", Assert.Single(errors).Path);
    }

    [Fact]
    public void Exclusive_bounds_are_enforced_as_the_schema_states_them()
    {
        Type range = Load("""
            namespace Run;
            [LlmOutput]
            public partial record Ranges(
                [property: Range(0.0, 1.0, MinimumIsExclusive = true)] double Ratio,
                [property: Range(0, 10, MaximumIsExclusive = true)] int Count,
                [property: Range(0.5, 2.5)] decimal Price,
                [property: Range(1.5, 4.5)] int Rounded);
            """, "Run.Ranges");
        Assert.True(Parse(range, """{"ratio":0.1,"count":9,"price":2.5,"rounded":2}""").Ok);
        Assert.Equal(new[]
        {
            "$.ratio: expected a number greater than 0 and at most 1, found 0",
            "$.count: expected an integer at least 0 and less than 10, found 10",
            "$.price: expected a number 0.5..2.5, found 2.51",
            "$.rounded: expected an integer 1.5..4.5, found 1",
        }, Parse(range, """{"ratio":0,"count":10,"price":2.51,"rounded":1}""").Errors.Select(e => e.Message));
        Assert.Equal("$.rounded: expected an integer 1.5..4.5, found 5", Assert.Single(Parse(range, """{"ratio":1,"count":0,"price":0.5,"rounded":5}""").Errors).Message);
    }

    private static Type Load(string source, string typeName)
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + source);
        run.AssertNoException();
        using var stream = new MemoryStream();
        EmitResult result = run.Output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assembly assembly = Assembly.Load(stream.ToArray());
        return assembly.GetType(typeName, throwOnError: true)!;
    }

    private static (bool Ok, object? Value, LlmError[] Errors, LlmRepair[] Repairs) Parse(Type type, string text)
    {
        object info = type.GetProperty("LlmInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        MethodInfo parse = info.GetType().GetMethod("Parse", new[] { typeof(string), typeof(LlmParseOptions) })!;
        object result = parse.Invoke(info, new object?[] { text, null })!;
        Type r = result.GetType();
        return ((bool)r.GetProperty("Success")!.GetValue(result)!,
            r.GetProperty("Value")!.GetValue(result),
            ((System.Collections.Generic.IReadOnlyList<LlmError>)r.GetProperty("Errors")!.GetValue(result)!).ToArray(),
            ((System.Collections.Generic.IReadOnlyList<LlmRepair>)r.GetProperty("Repairs")!.GetValue(result)!).ToArray());
    }
}
