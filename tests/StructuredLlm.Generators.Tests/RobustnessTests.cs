using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

/// <summary>The generator never throws: odd, broken and hostile inputs get a schema or a diagnostic.</summary>
public class RobustnessTests
{
    public static TheoryData<string> OddInputs => new()
    {
        "[LlmOutput] public partial record R(int X",                                        // syntax error
        "[LlmOutput] public partial record R(Missing X, List<Missing> Y, Missing? Z);",      // error types
        "[LlmOutput] public partial record R : MissingBase { public int X { get; init; } }", // error base
        "[LlmOutput] public partial record R<T>(T X);",
        "[LlmOutput] public static partial class S { }",
        "[LlmOutput] public ref partial struct S { }",
        "[LlmOutput] public partial interface I { }",
        "[LlmOutput] public abstract partial record A(int X);",
        "[LlmOutput, LlmOutput] public partial record Twice(int X);",
        "[LlmOutput] public partial record Split(int X); [LlmOutput] public partial record Split { public int Y { get; init; } }",
        "[LlmOutput] public partial record R(int X); [LlmOutput] public partial class R { public int Y { get; set; } }",   // one type declared twice (CS0101), as mid-edit
        "[LlmOutput] public partial record R(int X); [LlmOutput] public partial record R(string Y); [LlmOutput] public partial record S(R Value);",
        "[LlmOutput(Name = null, NamingPolicy = (LlmNamingPolicy)99)] public partial record Odd(int X);",
        "[LlmOutput] public partial record Self(Self Me);",
        "[LlmOutput] public partial record Self2(Self2? Me, List<Self2> Many, Dictionary<string, Self2> ByName);",
        "[JsonDerivedType(typeof(B))] public abstract record B; [LlmOutput] public partial record H(B Value);",
        "[JsonDerivedType(typeof(int), 1)] [JsonDerivedType(typeof(List<>))] public abstract record B; [LlmOutput] public partial record H(B Value);",
        "[JsonDerivedType(typeof(Missing), \"m\")] public abstract record B; [LlmOutput] public partial record H(B Value);",
        "[JsonDerivedType(typeof(D), \"d\")] public abstract record B(B? Inner); public record D(B? Inner, D? Next) : B(Inner); [LlmOutput] public partial record H(B Value);",
        "[JsonDerivedType(typeof(C), \"x\")] [JsonDerivedType(typeof(D), \"x\")] public abstract record B; public record C : B; public record D : B; [LlmOutput] public partial record H(B Value);",
        "public class A : B { } public class B : A { } [LlmOutput] public partial record H(A Value);",
        "[LlmOutput] public partial record Weird(int[][][] Jagged, List<int?>[] Mixed, Dictionary<string, List<Dictionary<string, int>>> Deep);",
        "[LlmOutput] public partial record N(int Value) { public int LlmInfo => 0; }",
        "[LlmOutput] public partial record LlmInfo(int __LlmReader);",                       // SLLM0014 twice
        "[LlmOutput] public partial record P(int LlmInfo, string __LlmReader);",              // positional clashes
        "[LlmOutput] public partial record Q : MissingBase { public class __LlmReader { } }",  // clash over an error base
        "public class B0 { public int __LlmReader; } public class B1 : B0 { } [LlmOutput] public partial class Deep : B1 { public int X { get; set; } }",
        "[LlmOutput] public partial class Parts { public int X { get; set; } } public partial class Parts { public event System.Action? LlmInfo; }",
        "[LlmOutput] public partial record Empty;",
        "[LlmOutput] public partial class NoMembers { }",
        "public enum E { } [LlmOutput] public partial record R(E Value);",
        "[LlmOutput] public partial record R([property: Range(\"a\", \"b\")] int X, [property: Range(typeof(decimal), \"1.5\", \"x\")] decimal Y, [property: MaxLength] string Z);",
        "[LlmOutput] public partial record R([property: RegularExpression(null!)] string X, [property: AllowedValues(null)] string? Y, [property: AllowedValues] int Z);",
        "[LlmOutput] public partial record R([property: JsonPropertyName(\"\")] string X, [property: LlmAlias(null!)] string Y, [property: LlmAlias] string Z);",
        "[LlmOutput] public partial record R([property: AllowedValues(new[] { 1 }, 2)] int X, [property: LlmAlias(new[] { \"a\" })] int Y);",
        "[LlmOutput] public partial record R(nint X, System.IO.Stream S, System.Span<int> Span, int* P);",
        "[LlmOutput] public partial record R(System.Collections.IEnumerable Untyped, System.Collections.ArrayList List);",
        "unsafe partial struct U { [LlmOutput] public partial record R(int X); }",
        "[LlmOutput] public partial record @class(int @int, string @event);",
        "[LlmOutput] public partial record Ünïcödé(string Prénom);",
        "[LlmOutput] public partial record Foo(int X); [LlmOutput] public partial record foo(int X);",
        "namespace A.B { [LlmOutput] public partial record C(int X); } namespace A { public partial class B { [LlmOutput] public partial record C(int X); } }",
        "[LlmOutput] file partial record FileLocal(int X);",
        "public partial class G<T> { [LlmOutput] public partial record Inner(T Value); }",
        "[LlmOutput] public partial record Tup((int, string) Pair, ValueTuple<int> One);",
        "[LlmOutput] public partial record Del(System.Action A, delegate*<void> F);",
        "[LlmOutput] public partial record Dyn(dynamic D, object? O, System.Text.Json.JsonElement? E);",
        "[LlmOutput] record struct NotPartialStruct(int X);",
        "[LlmOutput] public partial record Ctor { public Ctor(int a, int b) { } public Ctor(string s) { } }",
        "[LlmOutput] public partial class Init { public required int X { get; init; } public int Y { get; } = 1; public int Z => X; }",
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public void Generator_never_throws(string source)
    {
        string text = "using System; using System.Collections.Generic; using System.ComponentModel.DataAnnotations; using System.Text.Json.Serialization; using StructuredLlm;\n" + source;
        GeneratorRun run = GeneratorHarness.Run(text);
        run.AssertNoException();

        // Whatever is generated must parse; every schema must be valid JSON.
        foreach (GeneratedSourceResult generated in run.Sources.Where(s => s.HintName.EndsWith(".LlmOutput.g.cs", System.StringComparison.Ordinal)))
        {
            IReadOnlyDictionary<string, string> schemas = SchemaExtractor.Extract(run, generated.HintName);
            Assert.Equal(4, schemas.Count);
            foreach (string json in schemas.Values)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(json);
            }
        }

        // Hint names are unique (AddSource would have thrown otherwise) and diagnostics have real locations.
        Assert.All(run.GeneratorDiagnostics, d => Assert.True(d.Location != Location.None, d.ToString()));
    }

    /// <summary>
    /// A type declared twice (CS0101 while a type is moved or copied) gets no generated code until one declaration is
    /// left: two files would share one hint name. The registry leaves it out too; other output types are unaffected.
    /// </summary>
    [Fact]
    public void A_type_declared_twice_gets_nothing_generated_until_one_declaration_is_left()
    {
        const string Usings = "using StructuredLlm;\n";
        GeneratorRun twice = GeneratorHarness.Run(Usings + "[LlmOutput] public partial record R(int X); [LlmOutput] public partial class R { public int Y { get; set; } } [LlmOutput] public partial record Other(int Z);");
        twice.AssertNoException();
        Assert.DoesNotContain(twice.Sources, s => s.HintName.StartsWith("R.", System.StringComparison.Ordinal));
        Assert.Contains(twice.Sources, s => s.HintName == "Other.LlmOutput.g.cs");
        Assert.DoesNotContain("R.LlmInfo", twice.Source("StructuredLlm.LlmOutputs.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("Other.LlmInfo", twice.Source("StructuredLlm.LlmOutputs.g.cs"), System.StringComparison.Ordinal);

        GeneratorRun once = GeneratorHarness.Run(Usings + "[LlmOutput] public partial record R(int X); [LlmOutput] public partial record Other(int Z);");
        once.AssertClean();
        Assert.Contains(once.Sources, s => s.HintName == "R.LlmOutput.g.cs");
    }

    /// <summary>
    /// A member of a constructed generic type is named in the reader's doc comments as code, not as a <c>see</c>
    /// reference (whose brackets are not valid XML): a build with documentation warnings as errors stays clean.
    /// </summary>
    [Fact]
    public void A_member_of_a_constructed_generic_type_leaves_the_generated_doc_comments_valid()
    {
        GeneratorRun run = GeneratorHarness.Run("using System.Collections.Generic; using StructuredLlm;\n"
            + "/// <summary>A page.</summary>\npublic record Page<T>(List<T> Items);\n"
            + "/// <summary>An outer type.</summary>\npublic class Outer<T> { /// <summary>An inner one.</summary>\npublic record Inner(T Value); }\n"
            + "[LlmOutput] public partial record R(Page<string> Names, Page<int?> Counts, Outer<int>.Inner Nested);");
        run.AssertClean();
    }

    /// <summary>
    /// A property no code may set (<c>[Obsolete(..., error: true)]</c>) is not model output: it is left out, and the
    /// generated code compiles (it set the property before, an error the user could not suppress).
    /// </summary>
    [Fact]
    public void A_property_obsolete_as_an_error_is_left_out()
    {
        GeneratorRun run = GeneratorHarness.Run("using System; using StructuredLlm;\n"
            + "[LlmOutput] public partial record R(int X) { [Obsolete(\"gone\", error: true)] public int Gone { get; init; } [Obsolete(\"old\")] public int Old { get; init; } }");
        run.AssertNoException();
        Assert.DoesNotContain(run.Output.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Severity == DiagnosticSeverity.Error);
        string schema = SchemaExtractor.Schema(run, "R.LlmOutput.g.cs", "jsonSchema").GetRawText();
        Assert.DoesNotContain("\"gone\"", schema, System.StringComparison.Ordinal);
        Assert.Contains("\"old\"", schema, System.StringComparison.Ordinal);
    }

    /// <summary>
    /// Types and members gated by a diagnostic ID (<c>[Experimental]</c>, <c>[Obsolete(DiagnosticId = ...)]</c>, a plain
    /// <c>[Obsolete]</c> output type in the registry) report at the user's own declarations, which the user suppresses
    /// there; generated code names them too and must not raise them again where no one can suppress them.
    /// </summary>
    [Theory]
    [InlineData("#pragma warning disable EXP001\n[Experimental(\"EXP001\")] public record Exp(int X); [LlmOutput] public partial record R(int X, Exp? E);")]
    [InlineData("#pragma warning disable EXP002\npublic enum Mood { Calm, [Experimental(\"EXP002\")] Wild } [LlmOutput] public partial record R(Mood M);")]
    [InlineData("#pragma warning disable OLD001\npublic class C { [Obsolete(\"x\", DiagnosticId = \"OLD001\")] public C() { } public int X { get; set; } } [LlmOutput] public partial record R(C Value);")]
    [InlineData("#pragma warning disable OLD002\n[LlmOutput] public partial record R(int X) { [Obsolete(\"x\", DiagnosticId = \"OLD002\")] public int Y { get; init; } }")]
    [InlineData("#pragma warning disable EXP003\n[Experimental(\"EXP003\")] [LlmOutput] public partial record R(int X); [LlmOutput] public partial record Other(R Inner);")]
    [InlineData("#pragma warning disable CS0612\n[Obsolete] [LlmOutput] public partial record R(int X); [LlmOutput] public partial record Other(R Inner);")]
    [InlineData("#pragma warning disable EXP004\n[Experimental(\"EXP004\")] public class Outer { [JsonDerivedType(typeof(Circle), \"circle\")] public abstract record Shape; public record Circle(double R) : Shape; } [LlmOutput] public partial record R(Outer.Shape S);")]
    public void Generated_code_raises_no_experimental_or_obsolete_diagnostic_of_its_own(string source)
    {
        GeneratorRun run = GeneratorHarness.Run("using System; using System.Diagnostics.CodeAnalysis; using System.Text.Json.Serialization; using StructuredLlm;\n" + source);
        run.AssertClean();
    }

    /// <summary>
    /// A member the generator reports an error for still gets compilable code, with no warning of its own in generated
    /// files: a build that lowers the SLLM error's severity, or treats warnings as errors, sees only the SLLM diagnostic.
    /// </summary>
    [Theory]
    [InlineData("[LlmOutput] public partial record R(object O, int X);")]
    [InlineData("[LlmOutput] public partial record R(Queue<int> Q, string S);")]
    [InlineData("public interface IShape { } [LlmOutput] public partial record R(IShape Shape);")]
    [InlineData("[LlmOutput] public partial record R([property: JsonIgnore] string Secret, string Shown);")]
    public void Generated_code_adds_no_warning_to_a_reported_member(string source)
    {
        GeneratorRun run = GeneratorHarness.Run("using System.Collections.Generic; using System.Text.Json.Serialization; using StructuredLlm;\n" + source);
        run.AssertNoException();
        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.CompilationProblems(), d => !run.Input.SyntaxTrees.Contains(d.Location.SourceTree));
    }

    [Fact]
    public void Works_without_System_Text_Json_or_DataAnnotations_references()
    {
        var references = GeneratorHarness.References.Where(r => r.Display is { } p
            && (p.EndsWith("System.Private.CoreLib.dll") || p.EndsWith("System.Runtime.dll") || p.EndsWith("StructuredLlm.dll")
                || p.EndsWith("System.Collections.dll") || p.EndsWith("netstandard.dll")));
        var compilation = GeneratorHarness.CreateCompilation(
            "using StructuredLlm; [LlmOutput] public partial record R(int X, System.Collections.Generic.List<string> Y);", references: references);
        GeneratorRun run = GeneratorHarness.Run(compilation);
        run.AssertNoException();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "R.LlmOutput.g.cs");
    }

    [Fact]
    public void Does_nothing_when_the_runtime_is_not_referenced()
    {
        var references = GeneratorHarness.References.Where(r => r.Display is { } p && !p.EndsWith("StructuredLlm.dll"));
        var compilation = GeneratorHarness.CreateCompilation("[LlmOutput] public partial record R(int X);", references: references);
        GeneratorRun run = GeneratorHarness.Run(compilation);
        run.AssertNoException();
        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Cancellation_is_honoured_not_swallowed()
    {
        var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        var compilation = GeneratorHarness.CreateCompilation("using StructuredLlm; [LlmOutput] public partial record R(int X);");
        Assert.ThrowsAny<System.OperationCanceledException>(() => GeneratorHarness.CreateDriver().RunGenerators(compilation, cts.Token));
    }
}
