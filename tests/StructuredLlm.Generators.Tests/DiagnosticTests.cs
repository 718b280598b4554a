using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

/// <summary>One test per unsupported shape and per profile limit: the ID, the severity and the member it points at.</summary>
public class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using StructuredLlm;

        """;

    private sealed record Found(string Id, DiagnosticSeverity Severity, string At, string Message, string HelpLink);

    private static (List<Found> Diagnostics, GeneratorRun Run) Diagnose(string source)
    {
        string text = Usings + source;
        GeneratorRun run = GeneratorHarness.Run(text);
        run.AssertNoException();
        var found = run.GeneratorDiagnostics
            .Select(d => new Found(d.Id, d.Severity, d.Location == Location.None ? "" : text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length), d.GetMessage(), d.Descriptor.HelpLinkUri))
            .ToList();
        foreach (Found f in found)
        {
            Assert.Equal($"https://github.com/structuredllm/structuredllm/blob/main/docs/diagnostics/{f.Id}.md", f.HelpLink);
        }

        return (found, run);
    }

    private static Found Single(string source, string id)
    {
        (List<Found> diagnostics, _) = Diagnose(source);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Id == id, "expected one " + id + ", got: " + string.Join("; ", diagnostics));
        return diagnostics[0];
    }

    [Fact]
    public void Diagnostics_are_located_in_the_compilations_own_trees_where_pragma_and_per_file_options_apply()
    {
        // A location made from a file path alone is in no tree: the compiler could not read the #pragma around it or
        // the .editorconfig section of its file (the consumer build in PackageTests checks both end to end).
        GeneratorRun run = GeneratorHarness.Run(Usings + "[LlmOutput] public partial record Node(string Name, List<Node> Kids);");
        run.AssertNoException();
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "SLLM0009");
        Assert.True(d.Location.IsInSource);
        Assert.Same(run.Input.SyntaxTrees.Single(), d.Location.SourceTree);
        Assert.Equal("Kids", d.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(d.Location.SourceSpan));
    }

    [Fact]
    public void A_diagnostic_in_one_of_several_trees_sharing_a_path_is_never_placed_in_another()
    {
        // In-memory trees often have no path: the report must not borrow the first tree's lines and pragmas.
        var options = GeneratorHarness.ParseOptions;
        var first = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Usings + "public class Filler { }\n// " + new string('x', 400), options, path: ""); // longer, so the span would fit it
        var second = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Usings + "[LlmOutput] public partial record Node(string Name, List<Node> Kids);", options, path: "");
        var compilation = GeneratorHarness.CreateCompilation(System.Array.Empty<string>()).AddSyntaxTrees(first, second);
        GeneratorRun run = GeneratorHarness.Run(compilation);
        run.AssertNoException();
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "SLLM0009");
        Assert.NotSame(first, d.Location.SourceTree);
        Assert.Equal(Usings.Split('\n').Length - 1, d.Location.GetLineSpan().StartLinePosition.Line); // the line of Node in its own tree
    }

    [Fact]
    public void SLLM0001_type_not_partial()
    {
        Found d = Single("[LlmOutput] public record Ticket(string Title);", "SLLM0001");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("Ticket", d.At);
    }

    [Fact]
    public void SLLM0001_containing_type_not_partial()
    {
        Found d = Single("public class Outer { [LlmOutput] public partial record Inner(string Title); }", "SLLM0001");
        Assert.Contains("Outer", d.Message);
        Assert.Equal("Inner", d.At);
    }

    [Fact]
    public void SLLM0013_file_local_type()
        => Assert.Equal("FileLocal", Single("[LlmOutput] file partial record FileLocal(int X);", "SLLM0013").At);

    [Theory]
    [InlineData("public static string LlmInfo => \"mine\";", "LlmInfo", "LlmInfo")]
    [InlineData("public int LlmInfo { get; set; }", "LlmInfo", "LlmInfo")]
    [InlineData("public void LlmInfo() { }", "LlmInfo", "LlmInfo")]
    [InlineData("public class LlmInfo { }", "LlmInfo", "LlmInfo")]
    [InlineData("private static class __LlmReader { }", "__LlmReader", "__LlmReader")]
    [InlineData("public int __LlmReader;", "__LlmReader", "__LlmReader")]
    [InlineData("private int __LlmReader() => 0;", "__LlmReader", "__LlmReader")]
    public void SLLM0014_member_named_like_a_generated_member(string member, string name, string at)
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("[LlmOutput] public partial class Clash { public string Title { get; set; } = \"\"; " + member + " }");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Id == "SLLM0014", string.Join("; ", diagnostics));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        Assert.Equal(at, diagnostics[0].At); // on the user's member, not in generated code
        Assert.Contains("'" + name + "'", diagnostics[0].Message);
        Assert.Contains("Clash." + name, diagnostics[0].Message);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Clash"));
        Assert.Empty(run.CompilationProblems()); // nothing generated, so no confusing CS0102
    }

    [Theory]
    [InlineData("LlmInfo")]
    [InlineData("__LlmReader")]
    public void SLLM0014_type_named_like_a_generated_member(string name)
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("[LlmOutput] public partial class " + name + " { public int X { get; set; } }");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Id == "SLLM0014", string.Join("; ", diagnostics));
        Assert.Equal(name, diagnostics[0].At);
        Assert.Contains("enclosing type", diagnostics[0].Message);
        Assert.Empty(run.CompilationProblems()); // no CS0542
    }

    [Fact]
    public void SLLM0014_positional_record_parameter_and_other_partial_part()
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("""
            [LlmOutput] public partial record P(int LlmInfo);
            [LlmOutput] public partial class Parts { public int X { get; set; } }
            public partial class Parts { public Action? __LlmReader { get; set; } }
            """);
        Assert.Equal(new[] { "LlmInfo", "__LlmReader" }, diagnostics.Where(d => d.Id == "SLLM0014").Select(d => d.At).OrderBy(a => a, System.StringComparer.Ordinal));
        Assert.Equal(2, diagnostics.Count);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void SLLM0014_visible_LlmReader_in_a_base_type()
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("""
            public class Base { protected class __LlmReader { } }
            [LlmOutput] public partial class Derived : Base { public int X { get; set; } }
            """);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Id == "SLLM0014", string.Join("; ", diagnostics));
        Assert.Equal("Derived", diagnostics[0].At);
        Assert.Contains("Base.__LlmReader", diagnostics[0].Message);
        Assert.Empty(run.CompilationProblems()); // no CS0108 (an error under TreatWarningsAsErrors)
    }

    [Fact]
    public void No_SLLM0014_for_inherited_LlmInfo_private_base_reader_or_base_output_type()
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("""
            public class Plain { public static string LlmInfo => "base"; private class __LlmReader { } }
            [LlmOutput] public partial class FromPlain : Plain { public int X { get; set; } }
            [LlmOutput] public partial class BaseOut { public int A { get; set; } }
            [LlmOutput] public partial class DerivedOut : BaseOut { public int B { get; set; } }
            """);
        Assert.Empty(diagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Contains(run.Sources, s => s.HintName.Contains("FromPlain"));
        Assert.Contains(run.Sources, s => s.HintName.Contains("DerivedOut"));
    }

    [Fact]
    public void SLLM0002_generic_type()
    {
        Found d = Single("[LlmOutput] public partial record Box<T>(T Value);", "SLLM0002");
        Assert.Equal("Box", d.At);
    }

    [Fact]
    public void SLLM0002_nested_in_generic_type()
        => Single("public partial class Outer<T> { [LlmOutput] public partial record Inner(string Value); }", "SLLM0002");

    [Theory]
    [InlineData("object", "object")]
    [InlineData("dynamic", "dynamic")]
    [InlineData("JsonElement", "untyped JSON")]
    [InlineData("System.Text.Json.Nodes.JsonNode", "untyped JSON")]
    [InlineData("Dictionary<int, string>", "string keys")]
    [InlineData("(int A, int B)", "tuple")]
    [InlineData("int[,]", "multi-dimensional")]
    [InlineData("IDisposable", "interface")]
    [InlineData("Func<int>", "delegates")]
    [InlineData("List<object>", "object")]
    [InlineData("System.Threading.Tasks.Task", "framework type")]
    public void SLLM0003_unsupported_member_type(string type, string reason)
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose($"[LlmOutput] public partial record Bad(string Ok, {type} Value);");
        Found d = Assert.Single(diagnostics);
        Assert.Equal("SLLM0003", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("Value", d.At);
        Assert.Contains(reason, d.Message);

        // The rest of the type is still generated, so users see one error, not a cascade.
        var schema = SchemaExtractor.Schema(run, "Bad.LlmOutput.g.cs", "openAIStrict");
        Assert.Equal(new[] { "ok" }, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    /// <summary>
    /// Required non-null members that need, in the end, a value of their own type ask for an infinitely deep object:
    /// SLLM0004 on the member that closes each cycle; null, a collection or another branch ends a chain.
    /// </summary>
    [Theory]
    [InlineData("[LlmOutput] public partial record Loop(Loop Next, int V);", "Next")]
    [InlineData("public record B(A Back, int X); [LlmOutput] public partial record A(B Next);", "Back,Next")]
    [InlineData("public record Loop(int V, Loop Next); [LlmOutput] public partial record R(string Name, Loop L);", "Next")]
    [InlineData("[LlmOutput] public partial record Many([property: MinLength(1)] List<Many> Kids);", "Kids")]
    [InlineData("[LlmOutput] public partial class Chain { public required Chain Next { get; init; } }", "Next")]
    [InlineData("[JsonDerivedType(typeof(Pair), \"pair\")] public abstract record Expr; public record Pair(Expr Left, Expr Right) : Expr; [LlmOutput] public partial record Program(Expr Body);", "Left")]
    public void SLLM0004_required_members_with_no_finite_value(string source, string members)
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose(source);
        Assert.All(diagnostics, d => Assert.True(d.Id is "SLLM0004" or "SLLM0009" or "SLLM0008", d.ToString())); // Anthropic recursion, polymorphic root
        List<Found> cycles = diagnostics.Where(d => d.Id == "SLLM0004").ToList();
        Assert.Equal(members, string.Join(",", cycles.Select(d => d.At).OrderBy(a => a, System.StringComparer.Ordinal)));
        Assert.All(cycles, d => Assert.Contains("no finite JSON value", d.Message));
        Assert.Equal(DiagnosticSeverity.Error, cycles[0].Severity);
        Assert.Empty(run.CompilationProblems());
    }

    [Theory]
    [InlineData("[LlmOutput] public partial record Node(Node? Next, int V);")]
    [InlineData("[LlmOutput] public partial record Tree(List<Tree> Kids, Dictionary<string, Tree> ByName);")]
    [InlineData("[JsonDerivedType(typeof(Num), \"num\")] [JsonDerivedType(typeof(Pair), \"pair\")] public abstract record Expr; public record Num(int V) : Expr; public record Pair(Expr Left, Expr Right) : Expr; [LlmOutput] public partial record Program(Expr Body);")]
    public void No_SLLM0004_when_null_a_collection_or_a_branch_ends_the_chain(string source)
        => Assert.DoesNotContain(Diagnose(source).Item1, d => d.Id == "SLLM0004");

    [Theory]
    [InlineData("[LlmOutput] public partial class Tags : List<string> { }", "Tags")]
    [InlineData("[LlmOutput] public partial class Scores : Dictionary<string, int> { }", "Scores")]
    public void SLLM0004_an_output_type_that_is_a_collection(string source, string at)
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose(source);
        Found d = Assert.Single(diagnostics);
        Assert.Equal("SLLM0004", d.Id);
        Assert.Equal(at, d.At);
        Assert.Contains("it is a collection", d.Message);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(at));
        Assert.Empty(run.CompilationProblems());
    }

    /// <summary>A collection type of the user's that the reader cannot create and fill is SLLM0003, never an object schema.</summary>
    [Theory]
    [InlineData("public class ROList : IReadOnlyList<int> { public int this[int i] => 0; public int Count => 0; public IEnumerator<int> GetEnumerator() { yield break; } System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator(); }", "ROList", "ICollection<T>.Add")]
    [InlineData("public class Bag : System.Collections.IEnumerable { public System.Collections.IEnumerator GetEnumerator() { yield break; } }", "Bag", "ICollection<T>.Add")]
    [InlineData("public abstract class AbstractTags : List<string> { }", "AbstractTags", "parameterless constructor")]
    [InlineData("public class NoCtor : List<string> { public NoCtor(int capacity) : base(capacity) { } }", "NoCtor", "parameterless constructor")]
    [InlineData("public class IntKeyed : Dictionary<int, string> { }", "IntKeyed", "string keys")]
    [InlineData("public class Node : List<Node> { }", "Node", "contains itself")]
    public void SLLM0003_collection_types_the_reader_cannot_fill(string declaration, string type, string reason)
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose(declaration + $" [LlmOutput] public partial record Bad(string Ok, {type} Value);");
        Found d = Assert.Single(diagnostics);
        Assert.Equal("SLLM0003", d.Id);
        Assert.Equal("Value", d.At);
        Assert.Contains(reason, d.Message);
        var schema = SchemaExtractor.Schema(run, "Bad.LlmOutput.g.cs", "jsonSchema");
        Assert.Equal(new[] { "ok" }, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void SLLM0003_unsupported_member_of_a_referenced_type_points_at_that_member()
    {
        Found d = Single("public record Inner(object Payload); [LlmOutput] public partial record Outer(Inner Inner);", "SLLM0003");
        Assert.Equal("Payload", d.At);
    }

    [Fact]
    public void A_problem_in_a_type_shared_by_two_roots_is_reported_once()
        => Assert.Equal("Payload", Single("public record Inner(object Payload); [LlmOutput] public partial record A(Inner I); [LlmOutput] public partial record B(Inner I);", "SLLM0003").At);

    [Fact]
    public void User_types_in_a_System_namespace_are_not_framework_types()
        => Assert.Empty(Diagnose("namespace System.Mine { public record Part(int X); [LlmOutput] public partial record Whole(Part P); }").Diagnostics);

    [Fact]
    public void SLLM0004_no_public_constructor()
    {
        Found d = Single("[LlmOutput] public partial class Hidden { private Hidden() { } public int X { get; set; } }", "SLLM0004");
        Assert.Contains("no public constructor", d.Message);
        Assert.Equal("Hidden", d.At);
    }

    [Fact]
    public void SLLM0004_get_only_member_not_set_by_constructor()
    {
        Found d = Single("[LlmOutput] public partial class Frozen { public int X { get; } }", "SLLM0004");
        Assert.Equal("X", d.At);
        Assert.Contains("no public setter", d.Message);
    }

    [Fact]
    public void SLLM0004_private_setter_counts_as_get_only()
        => Assert.Equal("X", Single("[LlmOutput] public partial class Frozen { public int X { get; private set; } }", "SLLM0004").At);

    [Fact]
    public void SLLM0004_ambiguous_constructors()
        => Assert.Contains("several public constructors", Single("""
            [LlmOutput] public partial class Two
            {
                public Two(int x) { X = x; }
                public Two(string s) { X = s.Length; }
                public int X { get; init; }
            }
            """, "SLLM0004").Message);

    [Fact]
    public void SLLM0004_constructor_parameter_without_property()
    {
        Found d = Single("[LlmOutput] public partial class P { public P(int secret) { } public int X { get; set; } }", "SLLM0004");
        Assert.Equal("secret", d.At);
        Assert.Contains("give the parameter a default value", d.Message);
    }

    /// <summary>
    /// A constructor parameter binds only to a property of its own type (System.Text.Json refuses it at run time too):
    /// the reader would pass an <c>int?</c> to an <c>int</c>, so the generated code would not compile. An error on the
    /// parameter, and the generated code still compiles; nullable annotations alone are no difference.
    /// </summary>
    [Fact]
    public void SLLM0004_constructor_parameter_of_another_type_than_its_property()
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("""
            public enum Kind { A, B }
            [LlmOutput] public partial class C
            {
                public C(int count, List<int> items, long n, string? label, Kind k = Kind.A) { Count = count; Items = items; N = (int)n; Label = label ?? ""; K = k; }
                public int? Count { get; }
                public IReadOnlyList<int> Items { get; }
                public int N { get; }
                public string Label { get; }
                public Kind? K { get; }
            }
            """);
        Assert.Equal(new[] { "count", "items", "n", "k" }, diagnostics.Select(d => d.At));
        Assert.All(diagnostics, d => Assert.Equal("SLLM0004", d.Id));
        Assert.Contains("constructor parameter 'count' is 'int' but property 'Count' is 'int?'", diagnostics[0].Message);
        Assert.DoesNotContain(run.CompilationProblems(), d => d.Location.SourceTree is { } tree && !run.Input.SyntaxTrees.Contains(tree));
    }

    [Fact]
    public void SLLM0004_derived_type_listed_twice()
    {
        Found d = Single("""
            [JsonDerivedType(typeof(A), "a")] [JsonDerivedType(typeof(A), "b")] public abstract record B;
            public sealed record A(int X) : B;
            [LlmOutput] public partial record Holder(B Value);
            """, "SLLM0004");
        Assert.Contains("'A' is listed by more than one [JsonDerivedType]", d.Message);
        Assert.Equal("Value", d.At);
    }

    /// <summary>A compiled library of <paramref name="source"/>, referenced as metadata (as a user's package would be).</summary>
    private static MetadataReference LibraryReference(string source, string assemblyName)
    {
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation library = GeneratorHarness.CreateCompilation(source, assemblyName);
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image, cancellationToken: TestContext.Current.CancellationToken).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>
    /// A referenced type whose every property is get-only from here (a setter internal to its assembly is not visible)
    /// would be an empty object the reader cannot fill: an error at the use. One with a settable property keeps it and
    /// leaves its computed properties out.
    /// </summary>
    [Fact]
    public void SLLM0004_referenced_property_with_an_inaccessible_setter()
    {
        MetadataReference reference = LibraryReference(
            "namespace Lib { public class Settings { public int X { get; internal set; } public int Sum => X * 2; } public class Open { public int Y { get; set; } public int Twice => Y * 2; } }", "Lib");
        string text = Usings + "[LlmOutput] public partial record Holder(Lib.Open Open, Lib.Settings Settings);";
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(text, references: GeneratorHarness.References.Add(reference)));
        run.AssertNoException();
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SLLM0004", d.Id);
        Assert.Contains("none of its properties can be set from here", d.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal("Settings", text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length).Split(' ').Last());
    }

    /// <summary>
    /// A user library may put its data types under a <c>Microsoft.*</c> namespace: only an assembly signed with one of the
    /// framework's keys makes such a type the framework's (no schema mapping); the library's record is read as data.
    /// </summary>
    [Fact]
    public void A_user_library_type_under_a_Microsoft_namespace_is_data()
    {
        MetadataReference reference = LibraryReference(
            "namespace Microsoft.Contoso.Models { public record Address(string City, string Zip); }", "Contoso.Models");
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(
            Usings + "[LlmOutput] public partial record Customer(string Name, Microsoft.Contoso.Models.Address Address);", references: GeneratorHarness.References.Add(reference)));
        run.AssertNoException();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("city", run.Source("Customer.LlmOutput.g.cs"), System.StringComparison.Ordinal);

        // the framework's own Microsoft.* types (signed) still have no mapping
        (List<Found> diagnostics, _) = Diagnose("[LlmOutput] public partial record R(Microsoft.Win32.SafeHandles.SafeFileHandle Handle);");
        Assert.Contains(diagnostics, d => d.Id == "SLLM0003");
    }

    [Fact]
    public void SLLM0004_ignored_positional_member_needs_a_default_value()
    {
        // The parameter has a property, but the reader does not read it: the message says so and how to fix it.
        Found d = Single("[LlmOutput] public partial record R([property: JsonIgnore] string Secret, string Shown);", "SLLM0004");
        Assert.Equal("Secret", d.At);
        Assert.Contains("sets 'Secret', which is not read from JSON", d.Message);

        // With the default value, the type is read, and the ignored member gets that default (as System.Text.Json does).
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("[LlmOutput] public partial record R(string Shown, [property: JsonIgnore] string Secret = \"none\");");
        Assert.Empty(diagnostics);
        run.AssertClean();
        Assert.DoesNotContain("Secret:", run.Source("R.LlmReader.g.cs"));
    }

    [Fact]
    public void Extension_data_is_left_out_of_schema_and_reader()
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("""
            [LlmOutput] public partial class Reply
            {
                public string Text { get; set; } = "";
                [JsonExtensionData] public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; set; }
            }
            """);
        Assert.Empty(diagnostics);
        run.AssertClean();
        Assert.All(SchemaExtractor.Extract(run, "Reply.LlmOutput.g.cs").Values, json => Assert.DoesNotContain("extra", json, System.StringComparison.OrdinalIgnoreCase));

        // Positional: the parameter then needs a default value, and the message names the attribute.
        Found d = Single("[LlmOutput] public partial record R(string Text, [property: JsonExtensionData] Dictionary<string, object>? Extra);", "SLLM0004");
        Assert.Contains("[JsonExtensionData]", d.Message);
    }

    [Fact]
    public void SLLM0004_abstract_member_type_without_derived_types()
    {
        Found d = Single("public abstract record Animal(string Name); [LlmOutput] public partial record Zoo(Animal Star);", "SLLM0004");
        Assert.Equal("Star", d.At);
    }

    [Fact]
    public void SLLM0004_static_class_and_ref_struct()
    {
        Assert.Contains("static", Single("[LlmOutput] public static partial class S { }", "SLLM0004").Message);
        Assert.Contains("ref struct", Single("[LlmOutput] public ref partial struct R { public int X { get; set; } }", "SLLM0004").Message);
    }

    [Fact]
    public void SLLM0005_dictionary_is_an_error_for_OpenAI_but_other_profiles_are_emitted()
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("[LlmOutput] public partial record Bag(Dictionary<string, int> Counts);");
        Found openAI = Assert.Single(diagnostics, d => d.Id == "SLLM0005");
        Assert.Equal(DiagnosticSeverity.Error, openAI.Severity);
        Assert.Equal("Counts", openAI.At);
        Found anthropic = Assert.Single(diagnostics, d => d.Id == "SLLM0009");
        Assert.Equal(DiagnosticSeverity.Warning, anthropic.Severity);
        Assert.Equal(2, diagnostics.Count);
        var json = SchemaExtractor.Schema(run, "Bag.LlmOutput.g.cs", "jsonSchema");
        Assert.Equal("integer", json.GetProperty("properties").GetProperty("counts").GetProperty("additionalProperties").GetProperty("type").GetString());
    }

    [Fact]
    public void SLLM0006_more_than_5000_properties()
    {
        // 100 properties inlined 51 times = 5100 properties in the schema text.
        string wide = "public record Wide(" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"int P{i}")) + ");";
        string root = "[LlmOutput] public partial record Root(" + string.Join(", ", Enumerable.Range(0, 51).Select(i => $"Wide W{i}")) + ");";
        Found d = Single(wide + root, "SLLM0006");
        Assert.Contains("5000 properties", d.Message);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        // 49 × 101 + 1 + 50 = 5001st property, inside W49's copy of Wide: the root member that brings the schema over the
        // limit is where the fix goes (the shared type alone is fine).
        Assert.Equal("W49", d.At);
        Assert.Contains("'Root.W49'", d.Message);
    }

    [Fact]
    public void SLLM0006_more_than_10_levels_of_nesting()
    {
        var sb = new StringBuilder();
        for (int i = 1; i <= 10; i++)
        {
            sb.Append($"public record L{i}(int V{(i < 10 ? $", L{i + 1} Next{i}" : string.Empty)});\n");
        }

        sb.Append("[LlmOutput] public partial record Top(L1 First);");
        Found d = Single(sb.ToString(), "SLLM0006");
        Assert.Contains("nested more than 10 levels", d.Message);
        Assert.Equal("Next9", d.At); // Top, L1..L10: L10 is the 11th level

        // Ten levels (Top, L1..L9) is fine.
        var ok = new StringBuilder();
        for (int i = 1; i <= 9; i++)
        {
            ok.Append($"public record L{i}(int V{(i < 9 ? $", L{i + 1} Next{i}" : string.Empty)});\n");
        }

        ok.Append("[LlmOutput] public partial record Top(L1 First);");
        Assert.Empty(Diagnose(ok.ToString()).Diagnostics);
    }

    [Fact]
    public void SLLM0006_more_than_1000_enum_values()
    {
        string values = string.Join(", ", Enumerable.Range(0, 1001).Select(i => "V" + i));
        Found d = Single($"public enum Huge {{ {values} }} [LlmOutput] public partial record R(Huge Choice);", "SLLM0006");
        Assert.Contains("1000 enum values", d.Message);
        Assert.Equal("Choice", d.At);
        Assert.Empty(Diagnose($"public enum Big {{ {string.Join(", ", Enumerable.Range(0, 1000).Select(i => "V" + i))} }} [LlmOutput] public partial record R(Big Choice);").Diagnostics);
    }

    [Fact]
    public void SLLM0006_more_than_120000_characters_of_names_and_enum_values()
    {
        // 200 enum values of 610 characters each (so the 250-value rule does not apply).
        string values = string.Join(",\n", Enumerable.Range(0, 200).Select(i => $"[JsonStringEnumMemberName(\"{new string('x', 600)}{i:D10}\")] V{i}"));
        Found d = Single($"public enum Long {{ {values} }} [LlmOutput] public partial record R(string A, Long Choice);", "SLLM0006");
        Assert.Contains("120000 characters", d.Message);
        Assert.Equal("Choice", d.At);
    }

    [Fact]
    public void SLLM0006_large_enum_with_too_many_characters()
    {
        string values = string.Join(",\n", Enumerable.Range(0, 260).Select(i => $"[JsonStringEnumMemberName(\"{new string('y', 60)}{i:D4}\")] V{i}"));
        Found d = Single($"public enum Wide {{ {values} }} [LlmOutput] public partial record R(Wide Choice);", "SLLM0006");
        Assert.Contains("more than 250 values", d.Message);
    }

    [Theory]
    [InlineData("my schema!")]
    [InlineData("")]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g1234")]
    public void SLLM0007_invalid_schema_name(string name)
    {
        Found d = Single($"[LlmOutput(Name = \"{name}\")] public partial record R(int X);", "SLLM0007");
        Assert.StartsWith("LlmOutput(", d.At);
    }

    [Fact]
    public void SLLM0007_valid_64_character_name_is_fine()
        => Assert.Empty(Diagnose($"[LlmOutput(Name = \"{new string('a', 60)}_-09\")] public partial record R(int X);").Diagnostics);

    [Fact]
    public void SLLM0008_polymorphic_root()
    {
        Found d = Single("""
            [LlmOutput]
            [JsonDerivedType(typeof(Yes), "yes")]
            [JsonDerivedType(typeof(No), "no")]
            public abstract partial record Answer;
            public record Yes(string Why) : Answer;
            public record No(string WhyNot) : Answer;
            """, "SLLM0008");
        Assert.Equal("Answer", d.At);
    }

    [Fact]
    public void SLLM0009_recursion_under_Anthropic_is_a_warning()
    {
        Found d = Single("[LlmOutput] public partial record Node(string Name, List<Node> Kids);", "SLLM0009");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("Kids", d.At);
        Assert.Contains("recursive", d.Message);
    }

    [Fact]
    public void SLLM0009_more_than_24_optional_properties()
    {
        string members = string.Join(", ", Enumerable.Range(0, 25).Select(i => $"string? O{i}"));
        Found d = Single($"[LlmOutput] public partial record R({members});", "SLLM0009");
        Assert.Contains("24 optional", d.Message);
        Assert.Equal("O24", d.At);
        Assert.Empty(Diagnose($"[LlmOutput] public partial record R({string.Join(", ", Enumerable.Range(0, 24).Select(i => $"string? O{i}"))});").Diagnostics);
    }

    [Fact]
    public void SLLM0009_more_than_16_union_typed_properties()
    {
        string pets = """
            [JsonDerivedType(typeof(Cat), "cat")] [JsonDerivedType(typeof(Dog), "dog")] public abstract record Pet;
            public record Cat(int Lives) : Pet; public record Dog(bool Good) : Pet;
            """;
        string members = string.Join(", ", Enumerable.Range(0, 17).Select(i => $"Pet P{i}"));
        Found d = Single(pets + $"[LlmOutput] public partial record R({members});", "SLLM0009");
        Assert.Contains("16 union-typed", d.Message);
        Assert.Equal("P16", d.At);
    }

    [Fact]
    public void SLLM0010_duplicate_json_names()
    {
        Found d = Single("[LlmOutput] public partial record R([property: JsonPropertyName(\"name\")] string A, string Name);", "SLLM0010");
        Assert.Equal("Name", d.At);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Fact]
    public void SLLM0010_alias_colliding_with_a_name_ignoring_case_and_separators()
        => Assert.Equal("Other", Single("[LlmOutput] public partial record R(string UserName, [property: LlmAlias(\"user_name\")] string Other);", "SLLM0010").At);

    /// <summary>An alias that spells a member's own name again is redundant, not a collision with itself.</summary>
    [Theory]
    [InlineData("[LlmOutput] public partial record R([property: LlmAlias(\"value_x\")] int ValueX);")]
    [InlineData("public enum E { [LlmAlias(\"alpha\", \"a\")] A, B } [LlmOutput] public partial record R(E Value);")]
    public void A_redundant_alias_is_no_duplicate(string source) => Assert.Empty(Diagnose(source).Item1);

    /// <summary>An enum with no members leaves a required member no value to take: an error on the member, not an empty enum list.</summary>
    [Fact]
    public void SLLM0003_enum_without_members()
    {
        Found d = Single("public enum Empty { } [LlmOutput] public partial record R(Empty Value, int X);", "SLLM0003");
        Assert.Equal("Value", d.At);
        Assert.Contains("no members", d.Message);
    }

    /// <summary>Probe, session 25: two derived types with one discriminator; the message named the base as the other user.</summary>
    [Fact]
    public void SLLM0010_duplicate_discriminator_names_the_derived_type_that_has_it()
    {
        Found d = Single("[JsonDerivedType(typeof(A), \"x\")] [JsonDerivedType(typeof(B), \"x\")] public abstract record Base; public record A(int P) : Base; public record B(int Q) : Base; [LlmOutput] public partial record R(Base Item);", "SLLM0010");
        Assert.Equal("Item", d.At);
        Assert.Contains("'B' uses the JSON name or alias '\"x\"', which 'A' already uses", d.Message);
    }

    [Fact]
    public void SLLM0010_duplicate_enum_names()
        => Assert.Equal("B", Single("public enum E { A, [JsonStringEnumMemberName(\"a\")] B } [LlmOutput] public partial record R(E Value);", "SLLM0010").At);

    /// <summary>
    /// A custom converter or a [Flags] enum changes the JSON the member reads under System.Text.Json; the generated
    /// schema and reader cannot follow it, so the user learns it at compile time rather than from refused outputs.
    /// </summary>
    [Theory]
    [InlineData("public class Money { public decimal Amount { get; set; } } public class MoneyConverter : JsonConverter<Money> { public override Money Read(ref Utf8JsonReader r, Type t, JsonSerializerOptions o) => new Money(); public override void Write(Utf8JsonWriter w, Money v, JsonSerializerOptions o) { } } [LlmOutput] public partial record R([property: JsonConverter(typeof(MoneyConverter))] Money Value);", "[JsonConverter(typeof(MoneyConverter))]")]
    [InlineData("public enum E { A, B } [LlmOutput] public partial record R([property: JsonConverter(typeof(JsonNumberEnumConverter<E>))] E Value);", "JsonNumberEnumConverter<E>")]
    [InlineData("[JsonConverter(typeof(JsonNumberEnumConverter<E>))] public enum E { A, B } [LlmOutput] public partial record R(E? Value);", "on 'E'")]
    [InlineData("[Flags] public enum Perm { None = 0, Read = 1, Write = 2 } [LlmOutput] public partial record R(Perm Value);", "[Flags] on 'Perm'")]
    // Numbers written as strings ("5") or as "NaN": System.Text.Json's output would not match the schema (s23 probe).
    [InlineData("[LlmOutput] public partial record R([property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] int Value);", "[JsonNumberHandling(WriteAsString)]")]
    [InlineData("[LlmOutput] public partial record R([property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] List<double?> Value);", "[JsonNumberHandling(AllowNamedFloatingPointLiterals)]")]
    [InlineData("[LlmOutput, JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] public partial record R(decimal Value, string Text);", "[JsonNumberHandling(WriteAsString)] on 'R'")]
    public void SLLM0015_serialization_setting_the_reader_cannot_follow_is_a_warning(string source, string expected)
    {
        Found d = Single(source, "SLLM0015");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains(expected, d.Message);
        Assert.Equal("Value", d.At);
    }

    /// <summary>[JsonInclude] on a field or a non-public property: System.Text.Json serializes it, the schema and reader do not.</summary>
    [Fact]
    public void SLLM0015_json_include_on_a_field_or_hidden_property()
    {
        (List<Found> diagnostics, GeneratorRun run) = Diagnose("""
            [LlmOutput] public partial class C
            {
                [JsonInclude] public int F;
                [JsonInclude] internal string G { get; set; } = "";
                [JsonInclude] public string H { get; set; } = "";
                public int Plain;
            }
            """);
        Assert.Equal(new[] { "F", "G" }, diagnostics.Select(d => d.At));
        Assert.All(diagnostics, d => Assert.Equal("SLLM0015", d.Id));
        Assert.Contains("[JsonInclude] on a field", diagnostics[0].Message);
        Assert.Empty(run.CompilationProblems());
    }

    /// <summary>String-enum converters do what the reader does already, and a list of a [Flags] enum is the suggested fix.</summary>
    [Theory]
    [InlineData("[JsonConverter(typeof(JsonStringEnumConverter))] public enum E { A, B } [LlmOutput] public partial record R(E Value, [property: JsonConverter(typeof(JsonStringEnumConverter<E>))] E Other);")]
    [InlineData("[Flags] public enum Perm { None = 0, Read = 1, Write = 2 } [LlmOutput] public partial record R(List<Perm> Value);")]
    [InlineData("[LlmOutput] public partial record R([property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int Value, [property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] string Text);")]
    [InlineData("[LlmOutput, JsonNumberHandling(JsonNumberHandling.WriteAsString)] public partial record R([property: JsonNumberHandling(JsonNumberHandling.Strict)] int Value);")]
    public void SLLM0015_not_reported_for_settings_the_reader_follows(string source)
        => Assert.Empty(Diagnose(source).Item1);

    [Theory]
    [InlineData("[property: Range(1, 5)] string Value", "[Range]")]
    [InlineData("[property: RegularExpression(\"([a-z\")] string Value", "not a valid regular expression")]
    [InlineData("[property: MinLength(2)] int Value", "[MinLength]")]
    [InlineData("[property: EmailAddress] int Value", "[EmailAddress]")]
    [InlineData("[property: AllowedValues(1, 2)] string Value", "[AllowedValues]")]
    // Constraints no value could satisfy, or a negative length (an invalid JSON Schema keyword value).
    [InlineData("[property: Range(5, 1)] int Value", "minimum is above its maximum")]
    [InlineData("[property: Range(1.0, 1.0, MinimumIsExclusive = true)] double Value", "minimum is above its maximum")]
    [InlineData("[property: Range(1e300, 1e200)] double Value", "minimum is above its maximum")]
    [InlineData("[property: MinLength(-1)] string Value", "cannot be negative")]
    [InlineData("[property: Length(5, 3)] string Value", "minimum is above its maximum")]
    [InlineData("[property: StringLength(3, MinimumLength = 5)] string Value", "minimum length is above its maximum")]
    [InlineData("[property: MinLength(5), MaxLength(3)] string Value", "above the maximum length 3")]
    [InlineData("[property: MinLength(4), MaxLength(2)] string[] Value", "above the maximum count 2")]
    // A range no value of the member's type lies in, and allowed values that could never equal one.
    [InlineData("[property: Range(300, 400)] byte Value", "outside the values the member's type can hold")]
    [InlineData("[property: Range(-10, -1)] uint Value", "outside the values the member's type can hold")]
    [InlineData("[property: Range(0.5, 0.7)] int Value", "no whole number lies within its bounds")]
    [InlineData("[property: Range(1, 2, MinimumIsExclusive = true, MaximumIsExclusive = true)] long Value", "no whole number lies within its bounds")]
    [InlineData("[property: AllowedValues(\"not-a-guid\")] Guid Value", "[AllowedValues]")]
    [InlineData("[property: AllowedValues(-1)] uint Value", "[AllowedValues]")]
    [InlineData("[property: AllowedValues(\"5\")] int Value", "[AllowedValues]")]
    [InlineData("[property: AllowedValues(1.5, 2)] int Value", "[AllowedValues]")]
    [InlineData("[property: AllowedValues(Kind.A)] int Value", "[AllowedValues]")]
    [InlineData("[property: AllowedValues(\"a\", \"bc\")] char Value", "[AllowedValues]")]
    // Attributes DataAnnotations itself refuses (it throws when validating): no schema keyword from them.
    [InlineData("[property: RegularExpression(\"\")] string Value", "pattern is empty")]
    [InlineData("[property: RegularExpression(null!)] string Value", "pattern is null")]
    [InlineData("[property: MaxLength(0)] string Value", "at least 1")]
    [InlineData("[property: MaxLength(0)] List<int> Value", "at least 1")]
    [InlineData("[property: MaxLength(-2)] string Value", "at least 1")]
    // DataAnnotations validations the schema does not state and the reader does not enforce (s23 probe: silently dropped).
    [InlineData("[property: DeniedValues(\"x\")] string Value", "[DeniedValues] is ignored because the schema does not state it")]
    [InlineData("[property: Base64String] string Value", "[Base64String]")]
    [InlineData("[property: Phone] string Value", "[Phone]")]
    [InlineData("[property: EnumDataType(typeof(Kind))] int Value", "[EnumDataType]")]
    [InlineData("[property: Range(0, double.NaN)] double Value", "not numbers")]
    [InlineData("[property: Url, EmailAddress] string Value", "[EmailAddress] is ignored because the member already has a format (uri)")]
    // Probe, session 25: the reason said "neither a string nor a collection" for a dictionary (DataAnnotations counts its
    // entries) and "not a number" for a Range over dates.
    [InlineData("[property: Range(typeof(DateTime), \"2020-01-01\", \"2030-12-31\")] DateTime Value", "its bounds are 'DateTime' values")]
    [InlineData("[property: Range(typeof(TimeSpan), \"00:00:01\", \"01:00:00\")] TimeSpan? Value", "its bounds are 'TimeSpan' values")]
    public void SLLM0011_constraint_that_cannot_apply_is_a_warning(string member, string expected)
    {
        Found d = Single($"public enum Kind {{ A, B }} [LlmOutput] public partial record R({member});", "SLLM0011");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains(expected, d.Message);
        Assert.Equal("Value", d.At);
    }

    /// <summary>Probe, session 25: DataAnnotations counts a dictionary's entries, so "neither a string nor a collection" was wrong.</summary>
    [Fact]
    public void SLLM0011_length_on_a_dictionary_says_entries_are_not_bounded()
    {
        (List<Found> found, _) = Diagnose("[LlmOutput] public partial record R([property: MaxLength(2)] Dictionary<string, int> Value);");
        Found d = Assert.Single(found, f => f.Id == "SLLM0011");
        Assert.Contains("do not bound a dictionary's number of entries", d.Message);
        Assert.Equal(new[] { "SLLM0005", "SLLM0009", "SLLM0011" }, found.Select(f => f.Id).OrderBy(x => x, System.StringComparer.Ordinal));
    }

    /// <summary>Ranges and allowed values that fit the member's type are kept without a diagnostic.</summary>
    [Theory]
    [InlineData("[property: Range(0, 300)] byte Value")]
    [InlineData("[property: Range(0.5, 2.5)] int Value")]
    [InlineData("[property: AllowedValues('a', 'b')] char Value")]
    [InlineData("[property: AllowedValues(\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\")] Guid Value")]
    [InlineData("[property: AllowedValues(1, 2.0)] int Value")]
    [InlineData("[property: AllowedValues(0.5, 2)] double Value")]
    [InlineData("[property: MaxLength] string Value")]
    [InlineData("[property: MaxLength(-1)] List<int> Value")]
    [InlineData("[property: DataType(DataType.MultilineText), Display(Name = \"v\"), Key] string Value")]
    [InlineData("[property: Range(double.NegativeInfinity, double.PositiveInfinity)] double Value")]
    public void Constraints_that_fit_the_member_type_are_kept(string member)
        => Assert.Empty(Diagnose($"[LlmOutput] public partial record R({member});").Item1);

    [Fact]
    public void Every_descriptor_has_a_docs_page_and_release_tracking_entry()
    {
        string root = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.AppContext.BaseDirectory, "../../../../.."));
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "src/StructuredLlm.Generators/AnalyzerReleases.Unshipped.md"));
        var ids = typeof(StructuredLlmGenerator).Assembly.GetType("StructuredLlm.Generators.Diagnostics.DiagnosticDescriptors")!
            .GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Select(d => d.Id).ToList();
        Assert.True(ids.Count >= 12);
        foreach (string id in ids)
        {
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(root, "docs/diagnostics", id + ".md")), id + " has no docs page");
            Assert.Contains(id + " |", releases);
        }
    }
}
