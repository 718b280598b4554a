using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
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
            + "global::StructuredLlm.Json.LlmRepairKind.MarkdownFence, global::StructuredLlm.Json.LlmRepairKind.TrailingComma } },",
            run.Source(".LlmOutput.g.cs"), StringComparison.Ordinal);
        Assert.Contains("options: null,", GeneratorHarness.Run(Usings + "[LlmOutput] public partial record Plain(int A);").Source(".LlmOutput.g.cs"), StringComparison.Ordinal);
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
    public void Reader_NestedOutputTypesCallTheirOwnReaders() => Check(nameof(Reader_NestedOutputTypesCallTheirOwnReaders), """
        namespace Shop;

        [LlmOutput]
        public partial record Address(string Street, string City);

        [LlmOutput]
        public partial record struct Money(decimal Amount, string Currency);

        public record Note(string Text, Address? Where);

        [LlmOutput]
        public partial record Order(Address Shipping, Address? Billing, List<Address> Previous, List<Address?> Maybe, Money? Discount, Note Note);
        """);

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
    public void A_required_member_the_reader_cannot_set_is_a_diagnostic_not_a_compile_error()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Bad;

            [LlmOutput]
            public partial class Form
            {
                public required string Name { get; init; }
                [JsonIgnore] public required string Secret { get; init; }
            }
            """);
        run.AssertNoException();
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SLLM0004", d.Id);
        Assert.Contains("'Secret'", d.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".LlmReader.g.cs", StringComparison.Ordinal));
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());

        GeneratorRun allowed = GeneratorHarness.Run(Usings + """
            namespace Fine;

            [LlmOutput]
            public partial class Form
            {
                [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
                public Form(string name) { Name = name; Secret = ""; }
                public required string Name { get; init; }
                [JsonIgnore] public required string Secret { get; init; }
            }
            """);
        allowed.AssertClean();
        Assert.Single(allowed.Sources, s => s.HintName.EndsWith(".LlmReader.g.cs", StringComparison.Ordinal));
    }

    /// <summary>
    /// Probe, session 25: a C# <c>required</c> member that a constructor parameter also takes (a positional record
    /// redeclaring its parameter as <c>required</c>, a class whose constructor is not <c>[SetsRequiredMembers]</c>) must
    /// still be set by the object initializer, as any C# caller must (the reader failed to compile, CS9035).
    /// </summary>
    [Fact]
    public void A_required_member_taken_by_a_constructor_parameter_is_also_set_by_the_initializer()
    {
        Type type = Load("""
            namespace Req;

            [LlmOutput]
            public partial record Order(string Id, int Count)
            {
                public required string Id { get; init; } = Id;
            }

            [LlmOutput]
            public partial class Note
            {
                public Note(string text) { Text = text; }
                public required string Text { get; set; }
                public int Stars { get; set; }
            }
            """, "Req.Order");
        var read = Parse(type, """{"id":"a-1","count":2}""");
        Assert.True(read.Ok, string.Join("; ", read.Errors.Select(e => e.Message)));
        Assert.Equal("a-1", type.GetProperty("Id")!.GetValue(read.Value));
        Assert.Equal(2, type.GetProperty("Count")!.GetValue(read.Value));
        Type note = type.Assembly.GetType("Req.Note")!;
        var n = Parse(note, """{"text":"t","stars":4}""");
        Assert.True(n.Ok, string.Join("; ", n.Errors.Select(e => e.Message)));
        Assert.Equal("t", note.GetProperty("Text")!.GetValue(n.Value));
    }

    /// <summary>
    /// Probe, session 25: a lone surrogate in a description or a JSON name was written raw into the schema constant and
    /// the generated files, so encoding them as UTF-8 (the request body, a generated file on disk) turned it into U+FFFD.
    /// It is a JSON escape now, as System.Text.Json writes it, and a pair (an emoji) stays the same text.
    /// </summary>
    [Fact]
    public void Lone_surrogates_are_escaped_in_schemas_and_generated_code()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Odd;

            [LlmOutput, Description("lone \uD800 then \uDC00 and a pair \uD83D\uDE00")]
            public partial record Note([property: JsonPropertyName("k\uD83D\uDE00")] string Text);
            """);
        run.AssertClean();
        Assert.All(run.Sources, s => Assert.DoesNotContain(s.SourceText.ToString(), c => char.IsSurrogate(c)));
        Type type = LoadAssembly(run).GetType("Odd.Note", throwOnError: true)!;
        object info = type.GetProperty("LlmInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        string schema = (string)info.GetType().GetMethod("GetJsonSchema", new[] { typeof(LlmSchemaProfile) })!.Invoke(info, new object[] { LlmSchemaProfile.JsonSchema })!;
        Assert.Contains("lone \\ud800 then \\udc00 and a pair \uD83D\uDE00", schema, StringComparison.Ordinal);
        Assert.Contains("\"k\uD83D\uDE00\"", schema, StringComparison.Ordinal);
        // Valid JSON, and UTF-8 keeps it (System.Text.Json itself refuses to decode a lone surrogate into a string).
        using JsonDocument doc = JsonDocument.Parse(System.Text.Encoding.UTF8.GetBytes(schema));
        Assert.Equal("\"lone \\ud800 then \\udc00 and a pair \uD83D\uDE00\"", doc.RootElement.GetProperty("description").GetRawText());
        var read = Parse(type, "{\"k\uD83D\uDE00\": \"t\"}");
        Assert.True(read.Ok, string.Join("; ", read.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3)]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8)]
    public void Readers_compile_under_old_language_versions(Microsoft.CodeAnalysis.CSharp.LanguageVersion version)
    {
        var options = GeneratorHarness.ParseOptions.WithLanguageVersion(version);
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
        string reader = run.Source(".LlmReader.g.cs");
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        bool csharp8 = version >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8;
        Assert.Equal(csharp8, reader.Contains("#nullable enable", StringComparison.Ordinal));
        Assert.Equal(csharp8, reader.Contains("int member = key.Length switch", StringComparison.Ordinal));
        Assert.Equal(!csharp8, reader.Contains("if (key.Length == 4 && global::System.MemoryExtensions.SequenceEqual(key, N_Thing_Name)) member = 0;", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3)]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8)]
    public void Calls_of_nested_output_readers_compile_under_old_language_versions(Microsoft.CodeAnalysis.CSharp.LanguageVersion version)
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using StructuredLlm;
            namespace Old
            {
                [LlmOutput]
                public partial class Part
                {
                    public string Label { get; set; } = "";
                }
                [LlmOutput]
                public partial struct Point
                {
                    public int X { get; set; }
                }
                [LlmOutput]
                public partial class Thing
                {
                    public Part Main { get; set; } = new Part();
                    public List<Part> Parts { get; set; } = new List<Part>();
                    public Point? Where { get; set; }
                }
            }
            """, parseOptions: GeneratorHarness.ParseOptions.WithLanguageVersion(version));
        run.AssertNoException();
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        string thing = run.Source("Old.Thing.LlmReader.g.cs");
        Assert.Contains("global::Old.Part.LlmInfo.Reader(ref reader, context, out var t", thing, StringComparison.Ordinal);
        Assert.Contains("global::Old.Point.LlmInfo.Reader(ref reader, context, out var t", thing, StringComparison.Ordinal);
        Assert.DoesNotContain("ReadPart(", thing, StringComparison.Ordinal);
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

        // Written twice: dictionaries are the same answer with their keys in another order and spelled values ("2" for 2),
        // different with a key more or another value
        const string First = """{"counts":{"a":1,"b":2},"groups":{"x":[1,2]},"names":{"k":"v"},"nested":[[1]],"labels":["l"],"numbers":[4]}""";
        (ok, value, errors, _) = Parse(bag, First + "\n" + """{"counts":{"b":"2","a":1},"groups":{"x":[1,"2"]},"names":{"k":"v"},"nested":[[1]],"labels":"l","numbers":[4]}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Equal(2, (int)((dynamic)value!).Counts["b"]);
        foreach (string other in new[] { """{"a":1,"b":2,"c":0}""", """{"a":1}""", """{"a":1,"b":3}""", """{"a":1,"B":2}""" })
        {
            (ok, _, errors, _) = Parse(bag, First + "\n" + First.Replace("""{"a":1,"b":2}""", other, StringComparison.Ordinal));
            Assert.False(ok, other);
            Assert.Contains("several different valid JSON values", Assert.Single(errors).Message, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The generated structural comparison (<c>LlmInfo.ValueEquals</c>) compiles for awkward names (members named like its
    /// parameters and lambda parameters, a <c>GetType</c> property, keywords) and compares a polymorphic value by its exact
    /// derived type, so a more derived type's extra member is compared too.
    /// </summary>
    [Fact]
    public void ValueEquals_compiles_for_awkward_names_and_compares_the_exact_derived_type()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
            [JsonDerivedType(typeof(Plain), "plain")]
            [JsonDerivedType(typeof(Fancy), "fancy")]
            public abstract record Base(string a) { public new string? GetType { get; init; } }
            public record Plain(string a, int b) : Base(a);
            public record Fancy(string a, int b, string x1) : Plain(a, b);
            [LlmOutput]
            public partial record Holder(Base Item, List<List<string>> y1, Dictionary<string, Base?> @class);
            """);
        run.AssertNoException();
        Assert.Equal(new[] { "SLLM0005", "SLLM0009" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(x => x)); // the dictionary's profile errors
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        Type type = LoadAssembly(run).GetType("Run.Holder", throwOnError: true)!;
        Type fancy = type.Assembly.GetType("Run.Fancy", throwOnError: true)!;
        Type plain = type.Assembly.GetType("Run.Plain", throwOnError: true)!;
        object Holder(object item, string inner) => Activator.CreateInstance(type, item,
            new System.Collections.Generic.List<System.Collections.Generic.List<string>> { new() { inner } },
            Dictionary(item))!;
        object Dictionary(object item)
        {
            Type d = typeof(System.Collections.Generic.Dictionary<,>).MakeGenericType(typeof(string), type.Assembly.GetType("Run.Base", throwOnError: true)!);
            object dictionary = Activator.CreateInstance(d)!;
            d.GetMethod("Add")!.Invoke(dictionary, new[] { "k", item });
            return dictionary;
        }

        object info = type.GetProperty("LlmInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        MethodInfo valueEquals = info.GetType().GetMethod("ValueEquals")!;
        bool Same(object x, object y) => (bool)valueEquals.Invoke(info, new[] { x, y })!;

        Assert.True(Same(Holder(Activator.CreateInstance(fancy, "a", 1, "p")!, "i"), Holder(Activator.CreateInstance(fancy, "a", 1, "p")!, "i")));
        Assert.False(Same(Holder(Activator.CreateInstance(fancy, "a", 1, "p")!, "i"), Holder(Activator.CreateInstance(fancy, "a", 1, "q")!, "i")));
        Assert.False(Same(Holder(Activator.CreateInstance(fancy, "a", 1, "p")!, "i"), Holder(Activator.CreateInstance(plain, "a", 1)!, "i")));
        Assert.False(Same(Holder(Activator.CreateInstance(plain, "a", 1)!, "i"), Holder(Activator.CreateInstance(plain, "a", 1)!, "j")));
    }

    /// <summary>
    /// A dictionary's entries are data, not members that may be absent: one that the end of the text cut off may have lost
    /// entries, so it is refused, while an object that only misses its closing brace after a closed dictionary still reads.
    /// </summary>
    [Fact]
    public void A_dictionary_cut_off_by_the_end_of_the_text_is_refused()
    {
        Type inventory = Load("""
            namespace Run;
            [LlmOutput]
            public partial record Inventory(string Warehouse, Dictionary<string, int> Stock, List<string>? Notes, Dictionary<string, string>? Labels);
            """, "Run.Inventory");

        foreach (string cut in new[]
        {
            """{"warehouse":"Lyon-2","stock":{"apples":3,""",
            """{"warehouse":"Lyon-2","stock":{"apples":3,"pears":4,""",
            "{\"warehouse\":\"Lyon-2\",\"stock\":{\n  \"apples\": 3,\n",
            """{"warehouse":"Lyon-2","stock":{"apples":3},"labels":{"a":"x",""",
            "{\"warehouse\":\"Lyon-2\",\"stock\":{\"apples\":3},\"labels\":{\"a\":\"x\",\"b\":\"y\"",
        })
        {
            (bool ok, object? value, LlmError[] errors, _) = Parse(inventory, cut);
            Assert.False(ok, cut + " was read as " + value);
            Assert.Contains(errors, e => e.Found == "an object cut off before its end" || e.Found.Contains("cut off", StringComparison.Ordinal));
        }

        (bool read, object? v, LlmError[] errs, _) = Parse(inventory, """{"warehouse":"Lyon-2","notes":["a"],"stock":{"apples":3,"pears":4}""");
        Assert.True(read, string.Join("; ", errs.Select(e => e.Message)));
        Assert.Equal(4, (int)((dynamic)v!).Stock["pears"]);
    }

    /// <summary>
    /// Identifiers of the reader class are allocated per place, not spelled from joined names: a member `item_id` of
    /// `order` and a member `id` of `order_item` both spell `order_item_id`, yet each keeps its own key bytes, pattern
    /// and description.
    /// </summary>
    [Fact]
    public void Members_whose_joined_names_spell_alike_keep_their_own_checks()
    {
        Type type = Load("""
            namespace Run;
            public record order_item(int id, [property: RegularExpression("^[0-9]+$")] string sku);
            [LlmOutput]
            public partial record order(int item_id, [property: RegularExpression("^[A-Z]+$")] string item_sku, order_item item);
            """, "Run.order");

        (bool ok, object? value, LlmError[] errors, LlmRepair[] repairs) = Parse(type, """{"item_id":1,"item_sku":"ABC","item":{"id":2,"sku":"123"}}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Empty(repairs);
        Assert.Equal(2, (int)((dynamic)value!).item.id);

        (ok, _, errors, _) = Parse(type, """{"item_id":1,"item_sku":"ABC","item":{"id":2,"sku":"XYZ"}}""");
        Assert.False(ok);
        Assert.Equal("$.item.sku: expected a string matching ^[0-9]+$, found \"XYZ\"", Assert.Single(errors).Message);
    }

    /// <summary>
    /// A byte[] is a base64 string, as System.Text.Json writes and reads it: the reader takes STJ's own output, the schema
    /// says base64 (contentEncoding where the profile has it, a pattern elsewhere but Gemini), and [MaxLength] counts bytes.
    /// A List&lt;byte&gt; stays an array of numbers, as in STJ.
    /// </summary>
    [Fact]
    public void Byte_arrays_are_base64_strings_as_System_Text_Json_writes_them()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            [LlmOutput]
            public partial record Blob(byte[] Data, byte[]? Maybe, [property: MaxLength(2)] byte[] Small, byte[][] Parts, List<byte> Numbers);
            """);
        run.AssertNoException();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());

        System.Text.Json.JsonElement js = SchemaExtractor.Schema(run, ".LlmOutput.g.cs", "jsonSchema").GetProperty("properties");
        Assert.Equal("string", js.GetProperty("data").GetProperty("type").GetString());
        Assert.Equal("base64", js.GetProperty("data").GetProperty("contentEncoding").GetString());
        Assert.Equal("string", js.GetProperty("parts").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("integer", js.GetProperty("numbers").GetProperty("items").GetProperty("type").GetString());
        System.Text.Json.JsonElement openAI = SchemaExtractor.Schema(run, ".LlmOutput.g.cs", "openAIStrict").GetProperty("properties");
        Assert.False(openAI.GetProperty("data").TryGetProperty("contentEncoding", out _));
        Assert.StartsWith("^(?:[A-Za-z0-9+/]{4})*", openAI.GetProperty("data").GetProperty("pattern").GetString(), StringComparison.Ordinal);
        Assert.Contains("Must decode to at most 2 bytes.", openAI.GetProperty("small").GetProperty("description").GetString(), StringComparison.Ordinal);

        Type type = LoadAssembly(run).GetType("Run.Blob", throwOnError: true)!;
        object original = Activator.CreateInstance(type, new byte[] { 0, 1, 255 }, null, new byte[] { 7 }, new[] { new byte[] { 1 }, Array.Empty<byte>() }, new System.Collections.Generic.List<byte> { 9 })!;
        string stj = System.Text.Json.JsonSerializer.Serialize(original, type, new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase });
        (bool ok, object? value, LlmError[] errors, _) = Parse(type, stj);
        Assert.True(ok, stj + " " + string.Join("; ", errors.Select(e => e.Message)));
        dynamic b = value!;
        Assert.Equal(new byte[] { 0, 1, 255 }, (byte[])b.Data);
        Assert.Null((byte[]?)b.Maybe);
        Assert.Empty((byte[])b.Parts[1]);
        Assert.Equal(new byte[] { 9 }, ((System.Collections.Generic.List<byte>)b.Numbers).ToArray());

        (ok, _, errors, _) = Parse(type, """{"data":[0,1],"maybe":"","small":"AQID","parts":[],"numbers":[]}""");
        Assert.False(ok);
        Assert.Equal(new[] { "$.data", "$.small" }, errors.Select(e => e.Path));
        Assert.Contains("a base64 string of at most 2 bytes", errors[1].Message, StringComparison.Ordinal);
    }

    /// <summary>[Url] takes http, https and ftp URLs only (as DataAnnotations), and the error says so.</summary>
    [Fact]
    public void Url_is_an_http_https_or_ftp_URL_and_the_error_says_so()
    {
        Type type = Load("namespace Run; [LlmOutput] public partial record U([property: Url] string S, [property: Url] Uri Link);", "Run.U");
        (bool ok, _, LlmError[] errors, _) = Parse(type, """{"s":"mailto:x@y.z","link":"urn:isbn:0451450523"}""");
        Assert.False(ok);
        Assert.Equal(new[]
        {
            "$.s: expected an http, https or ftp URL, found \"mailto:x@y.z\"",
            "$.link: expected an http, https or ftp URL, found \"urn:isbn:0451450523\"",
        }, errors.Select(e => e.Message));
        Assert.True(Parse(type, """{"s":"HTTPS://a.b/c","link":"ftp://h/f"}""").Ok);
    }

    /// <summary>
    /// [AllowedValues] on a nullable member refuses null unless it lists null, as DataAnnotations' validator does: the
    /// schema's enum has no null and the reader requires one of the values; a listed null stays allowed.
    /// </summary>
    [Fact]
    public void AllowedValues_refuses_null_unless_it_lists_null_as_DataAnnotations_does()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            [LlmOutput]
            public partial class C
            {
                [AllowedValues(1, 2)] public int? NoNull { get; set; }
                [AllowedValues(1, null)] public int? WithNull { get; set; }
                [AllowedValues("a")] public string? Text { get; set; }
            }
            """);
        run.AssertClean();
        System.Text.Json.JsonElement p = SchemaExtractor.Schema(run, ".LlmOutput.g.cs", "jsonSchema").GetProperty("properties");
        Assert.Equal("[1,2]", p.GetProperty("noNull").GetProperty("enum").GetRawText());
        Assert.Equal("[1,null]", p.GetProperty("withNull").GetProperty("enum").GetRawText());
        Assert.Equal("[\"a\"]", p.GetProperty("text").GetProperty("enum").GetRawText());

        Type type = LoadAssembly(run).GetType("Run.C", throwOnError: true)!;
        object c = Activator.CreateInstance(type)!;
        bool Valid(string member, object? v) => System.ComponentModel.DataAnnotations.Validator.TryValidateProperty(v,
            new System.ComponentModel.DataAnnotations.ValidationContext(c) { MemberName = member }, new System.Collections.Generic.List<System.ComponentModel.DataAnnotations.ValidationResult>());
        Assert.False(Valid("NoNull", null));
        Assert.True(Valid("WithNull", null));
        Assert.False(Valid("Text", null));

        Assert.False(Parse(type, """{"noNull":null,"withNull":null,"text":"a"}""").Ok);
        Assert.False(Parse(type, """{"noNull":1,"withNull":null,"text":null}""").Ok);
        Assert.False(Parse(type, """{"withNull":null,"text":"a"}""").Ok); // missing: null after reading, which is refused
        (bool ok, _, LlmError[] errors, _) = Parse(type, """{"noNull":2,"withNull":null,"text":"a"}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
    }

    /// <summary>
    /// A [RegularExpression] stated as a schema <c>pattern</c> (ECMA-262) is matched by the reader as ECMA-262 reads it:
    /// <c>\d</c> and <c>\w</c> are ASCII, <c>\s</c> includes the Unicode spaces. A pattern with .NET-only syntax (stated
    /// in the description as a .NET regular expression) keeps .NET's reading.
    /// </summary>
    [Theory]
    [InlineData(@"^\d+$", "12", true)]
    [InlineData(@"^\d+$", "\u0661\u0662", false)]
    [InlineData(@"^\w+$", "ab_1", true)]
    [InlineData(@"^\w+$", "\u00E9\u00DF", false)]
    [InlineData(@"^\s$", " ", true)]
    [InlineData(@"^\s$", "\u00A0", true)]
    [InlineData(@"^[\s,]$", "\u2003", true)]
    [InlineData(@"^\\s$", "\\s", true)]
    [InlineData(@"^\S+$", "a\u00A0b", false)]
    [InlineData(@"^\S+$", "ab", true)]
    [InlineData(@"^[\p{L}]+$", "\u00E9\u00DF", true)]
    [InlineData(@"\A\d+\z", "\u0661\u0662", true)]
    public void Patterns_are_matched_in_the_dialect_the_schema_states(string pattern, string text, bool matches)
    {
        Type type = Load("namespace Run; [LlmOutput] public partial record P([property: RegularExpression(" + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(pattern, true) + ")] string S);", "Run.P");
        (bool ok, _, LlmError[] errors, _) = Parse(type, "{\"s\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}");
        Assert.True(matches == ok, string.Join("; ", errors.Select(e => e.Message)));
    }

    /// <summary>
    /// Collection classes of the user's are read as System.Text.Json reads them: an ICollection&lt;T&gt; as an array (a set
    /// with unique items), an IDictionary&lt;string, T&gt; as an object of values, created with the public parameterless
    /// constructor and filled through Add; not as objects with a "capacity" member.
    /// </summary>
    [Fact]
    public void User_collection_classes_are_arrays_and_dictionaries_as_System_Text_Json_reads_them()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            public class Tags : List<string> { }
            public class Scores : Dictionary<string, int> { }
            public class TagSet : HashSet<string> { }
            public class MyList<T> : System.Collections.ObjectModel.Collection<T> { }
            [LlmOutput]
            public partial record R(Tags T, Scores S, TagSet Set, MyList<int> L, Tags? Maybe);
            """);
        run.AssertNoException();
        Assert.Equal(new[] { "SLLM0005", "SLLM0009" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(x => x)); // the dictionary, as for Dictionary<string, int>
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());

        System.Text.Json.JsonElement p = SchemaExtractor.Schema(run, ".LlmOutput.g.cs", "jsonSchema").GetProperty("properties");
        Assert.Equal("array", p.GetProperty("t").GetProperty("type").GetString());
        Assert.Equal("string", p.GetProperty("t").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("integer", p.GetProperty("s").GetProperty("additionalProperties").GetProperty("type").GetString());
        Assert.True(p.GetProperty("set").GetProperty("uniqueItems").GetBoolean());
        Assert.Equal("integer", p.GetProperty("l").GetProperty("items").GetProperty("type").GetString());

        Type type = LoadAssembly(run).GetType("Run.R", throwOnError: true)!;
        const string Json = """{"t":["a","b"],"s":{"x":1,"y":2},"set":["p","q"],"l":[1,2],"maybe":null}""";
        (bool ok, object? value, LlmError[] errors, _) = Parse(type, Json);
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        dynamic stj = System.Text.Json.JsonSerializer.Deserialize(Json, type, new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase })!;
        dynamic ours = value!;
        Assert.Equal("Run.Tags", ((object)ours.T).GetType().FullName);
        Assert.Equal((System.Collections.Generic.IEnumerable<string>)stj.T, (System.Collections.Generic.IEnumerable<string>)ours.T);
        Assert.Equal((System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, int>>)stj.S, (System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, int>>)ours.S);
        Assert.Equal((System.Collections.Generic.IEnumerable<string>)stj.Set, (System.Collections.Generic.IEnumerable<string>)ours.Set);
        Assert.Equal((System.Collections.Generic.IEnumerable<int>)stj.L, (System.Collections.Generic.IEnumerable<int>)ours.L);
        Assert.Null((object?)ours.Maybe);

        (ok, _, errors, _) = Parse(type, """{"t":[],"s":{},"set":["p","p"],"l":[],"maybe":null}""");
        Assert.False(ok);
        Assert.Equal("$.set", Assert.Single(errors).Path);
    }

    /// <summary>
    /// An override keeps what the member it overrides says, as DataAnnotations' validators see it (attributes are
    /// inherited along the override chain): bounds, [Description], doc summaries; and <c>&lt;inheritdoc/&gt;</c> takes
    /// the base or interface member's summary, <c>&lt;inheritdoc cref="..."/&gt;</c> the named member's.
    /// </summary>
    [Fact]
    public void Overrides_keep_the_annotations_and_docs_of_the_members_they_override()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            public abstract class B
            {
                [Range(1, 5)] public virtual int R { get; set; }
                [Description("base desc")] public virtual int D { get; set; }
                /// <summary>Abstract doc.</summary>
                [StringLength(3)] public abstract string A { get; set; }
                [Range(1, 5)] public virtual int Own { get; set; }
            }
            public interface IThing
            {
                /// <summary>From the interface.</summary>
                int Z { get; set; }
            }
            [LlmOutput]
            public partial class C : B, IThing
            {
                public override int R { get; set; }
                public override int D { get; set; }
                public override string A { get; set; } = "";
                [Range(10, 20)] public override int Own { get; set; } = 10;
                /// <inheritdoc/>
                public int Z { get; set; }
                /// <inheritdoc cref="B.A"/>
                public int W { get; set; }
            }
            """);
        run.AssertClean();
        JsonElementAssert(SchemaExtractor.Schema(run, ".LlmOutput.g.cs", "jsonSchema"));
        Type type = LoadAssembly(run).GetType("Run.C", throwOnError: true)!;

        // The reader refuses what DataAnnotations refuses, on the inherited attributes.
        object c = Activator.CreateInstance(type)!;
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(c) { MemberName = "R" };
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateProperty(9, context, new System.Collections.Generic.List<System.ComponentModel.DataAnnotations.ValidationResult>()));
        context.MemberName = "Own";
        Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateProperty(15, context, new System.Collections.Generic.List<System.ComponentModel.DataAnnotations.ValidationResult>()));

        (bool ok, _, LlmError[] errors, _) = Parse(type, """{"r":9,"d":1,"a":"abcd","own":15,"z":1,"w":1}""");
        Assert.False(ok);
        Assert.Equal(new[] { "$.r", "$.a" }, errors.Select(e => e.Path));
        (ok, _, errors, _) = Parse(type, """{"r":3,"d":1,"a":"abc","own":15,"z":1,"w":1}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));

        static void JsonElementAssert(System.Text.Json.JsonElement schema)
        {
            System.Text.Json.JsonElement p = schema.GetProperty("properties");
            Assert.Equal(1, p.GetProperty("r").GetProperty("minimum").GetInt32());
            Assert.Equal(5, p.GetProperty("r").GetProperty("maximum").GetInt32());
            Assert.Equal(10, p.GetProperty("own").GetProperty("minimum").GetInt32()); // the override's own [Range] wins
            Assert.Equal("base desc", p.GetProperty("d").GetProperty("description").GetString());
            Assert.Equal("Abstract doc.", p.GetProperty("a").GetProperty("description").GetString());
            Assert.Equal(3, p.GetProperty("a").GetProperty("maxLength").GetInt32());
            Assert.Equal("From the interface.", p.GetProperty("z").GetProperty("description").GetString());
            Assert.Equal("Abstract doc.", p.GetProperty("w").GetProperty("description").GetString());
        }
    }

    /// <summary>
    /// Probe, session 25: <c>&lt;inheritdoc/&gt;</c> on a type takes the base type's summary (else the first
    /// interface's), <c>&lt;inheritdoc cref="..."/&gt;</c> the named type's, as on members; the type had no description.
    /// </summary>
    [Fact]
    public void Inheritdoc_on_a_type_takes_the_base_types_summary()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Docs;
            /// <summary>The base contract.</summary>
            public abstract record Base(string Id);
            /// <summary>What a reply says.</summary>
            public interface IReply { }
            /// <summary>Named elsewhere.</summary>
            public record Other(int X);
            /// <inheritdoc/>
            [LlmOutput] public partial record FromBase(string Id, int N) : Base(Id);
            /// <inheritdoc/>
            [LlmOutput] public partial record FromInterface(string Text) : IReply;
            /// <inheritdoc cref="Other"/>
            [LlmOutput] public partial record FromCref(string Text);
            public static class Holder
            {
                /// <inheritdoc/>
                public record Inner(int V) : Base("i");
            }
            [LlmOutput] public partial record Outer(Holder.Inner Inner);
            """);
        run.AssertClean();
        Assembly assembly = LoadAssembly(run);
        string? Description(string name)
        {
            object info = assembly.GetType(name, throwOnError: true)!.GetProperty("LlmInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            return (string?)info.GetType().GetProperty("Description")!.GetValue(info);
        }

        Assert.Equal("The base contract.", Description("Docs.FromBase"));
        Assert.Equal("What a reply says.", Description("Docs.FromInterface"));
        Assert.Equal("Named elsewhere.", Description("Docs.FromCref"));
        System.Text.Json.JsonElement inner = SchemaExtractor.Schema(run, "Docs.Outer.LlmOutput.g.cs", "jsonSchema").GetProperty("properties").GetProperty("inner");
        Assert.Equal("The base contract.", inner.GetProperty("description").GetString());
    }

    /// <summary>
    /// Probe, session 25: System.Text.Json sets a <c>[JsonInclude]</c> property through its internal setter; the
    /// generated reader is in the same assembly, so it does too (it was SLLM0004 and the member left the schema).
    /// A private setter stays out of the reader's reach: still SLLM0004 (limit: it would need UnsafeAccessor).
    /// </summary>
    [Fact]
    public void JsonInclude_on_an_internal_setter_is_read()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Inc;
            public class Part { [JsonInclude] public string Code { get; internal init; } = ""; }
            [LlmOutput]
            public partial class Order
            {
                [JsonInclude] public string Name { get; internal set; } = "";
                [JsonInclude] public int Count { get; protected internal set; }
                public Part Part { get; set; } = new();
            }
            """);
        run.AssertClean();
        Type type = LoadAssembly(run).GetType("Inc.Order", throwOnError: true)!;
        var read = Parse(type, """{"name":"n","count":2,"part":{"code":"c"}}""");
        Assert.True(read.Ok, string.Join("; ", read.Errors.Select(e => e.Message)));
        Assert.Equal("n", type.GetProperty("Name")!.GetValue(read.Value));
        Assert.Equal(2, type.GetProperty("Count")!.GetValue(read.Value));
        Assert.False(Parse(type, """{"count":2,"part":{"code":"c"}}""").Ok); // required, as any non-nullable member

        GeneratorRun privateSetter = GeneratorHarness.Run(Usings + "[LlmOutput] public partial class P { [JsonInclude] public string Name { get; private set; } = \"\"; }");
        Assert.Equal("SLLM0004", Assert.Single(privateSetter.GeneratorDiagnostics).Id);
    }

    /// <summary>
    /// [JsonIgnore] leaves a member out of the schema and the reader exactly when System.Text.Json does not read it:
    /// Always and WhenReading (.NET 9); the WhenWriting* conditions and Never only affect writing.
    /// </summary>
    [Theory]
    [InlineData("Always", false)]
    [InlineData("WhenReading", false)]
    [InlineData("WhenWriting", true)]
    [InlineData("WhenWritingDefault", true)]
    [InlineData("Never", true)]
    public void JsonIgnore_conditions_leave_a_member_out_exactly_when_System_Text_Json_does_not_read_it(string condition, bool read)
    {
        Type type = Load("""
            namespace Run;
            [LlmOutput]
            public partial class C
            {
                [JsonIgnore(Condition = JsonIgnoreCondition.
            """ + condition + """
            )] public int Rd { get; set; }
                public int X { get; set; }
            }
            """, "Run.C");

        var stjOptions = new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase };
        dynamic stj = System.Text.Json.JsonSerializer.Deserialize("""{"rd":7,"x":1}""", type, stjOptions)!;
        Assert.Equal(read ? 7 : 0, (int)stj.Rd);

        object info = type.GetProperty("LlmInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        string schema = (string)info.GetType().GetMethod("GetJsonSchema", new[] { typeof(LlmSchemaProfile) })!.Invoke(info, new object[] { LlmSchemaProfile.JsonSchema })!;
        Assert.Equal(read, schema.Contains("\"rd\"", StringComparison.Ordinal));

        (bool ok, object? value, LlmError[] errors, _) = Parse(type, """{"rd":7,"x":1}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Equal((int)stj.Rd, (int)((dynamic)value!).Rd);
        Assert.Equal(!read, Parse(type, """{"x":1}""").Ok); // a read member is required (not nullable); an ignored one is not asked for
    }

    /// <summary>
    /// A user's own type named <c>LlmReader</c> (or like any other generated helper) stays what the type's members mean:
    /// the generated nested reader class has a name user code does not use, so it hides nothing.
    /// </summary>
    [Fact]
    public void A_user_type_named_LlmReader_is_not_hidden_by_the_generated_reader()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            public record LlmReader(int X);
            public class ReadR { public string Y { get; set; } = ""; }
            [LlmOutput]
            public partial class C
            {
                public LlmReader Reader { get; set; } = new(1);
                public ReadR Other { get; set; } = new();
                public List<LlmReader> Many { get; set; } = new();
            }
            """);
        run.AssertClean();
        Type type = LoadAssembly(run).GetType("Run.C", throwOnError: true)!;
        (bool ok, object? value, LlmError[] errors, _) = Parse(type, """{"reader":{"x":2},"other":{"y":"o"},"many":[{"x":3}]}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Equal(3, (int)((dynamic)value!).Many[0].X);
    }

    /// <summary>Shapes whose helper names used to coincide and not compile (CS1503, CS0128) now compile and read.</summary>
    [Theory]
    [InlineData("[LlmOutput] public partial record R(List<List<int>> A, List<string> A_Item);", """{"a":[[1]],"a_Item":["s"]}""")]
    [InlineData("public record R_E_Item(int Z); [LlmOutput] public partial record R(List<int> E, List<R_E_Item> Xs);", """{"e":[1],"xs":[{"z":2}]}""")]
    [InlineData("[LlmOutput] public partial record R(int A\u203FB, [property: AllowedValues(\"x\")] string A_B, [property: Range(1, 3)] int C\u203FD, int C_D);",
        "{\"a\u203FB\":1,\"a_B\":\"x\",\"c\u203FD\":2,\"c_D\":50}")]
    [InlineData("[LlmOutput] public partial record R(int alue, int oid, int A);", """{"alue":1,"oid":2,"a":3}""")]
    public void Helper_names_that_would_coincide_are_made_unique(string declaration, string json)
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + "namespace Run;\n" + declaration);
        run.AssertClean();
        Type type = LoadAssembly(run).GetType("Run.R", throwOnError: true)!;
        (bool ok, _, LlmError[] errors, _) = Parse(type, json);
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
    }

    /// <summary>
    /// [JsonRequired] and the C# 'required' modifier make the key required (as in System.Text.Json) while null stays a
    /// value; DataAnnotations' [Required] refuses null too, and "" unless AllowEmptyStrings.
    /// </summary>
    [Fact]
    public void Required_attributes_require_the_key_and_Required_refuses_null_and_empty()
    {
        Type type = Load("""
            namespace Run;
            [LlmOutput]
            public partial record Presence(
                [property: System.Text.Json.Serialization.JsonRequired] int? Count,
                [property: Required] string? Name,
                [property: Required(AllowEmptyStrings = true)] string? Note,
                [property: Required] string Code)
            {
                public required string? Owner { get; init; }
            }
            """, "Run.Presence");
        Assert.True(Parse(type, """{"count":null,"name":"a","note":"","code":"c","owner":null}""").Ok);
        Assert.Equal(new[]
        {
            "$.name: expected a string of at least 1 character, found a string of length 0",
            "$.note: expected a string, found null",
            "$.code: expected a string of at least 1 character, found a string of length 0",
            "$.count: expected an integer or null, found nothing (the member is missing)",
            "$.owner: expected a string or null, found nothing (the member is missing)",
        }, Parse(type, """{"name":"","note":null,"code":""}""").Errors.Select(e => e.Message));
    }

    /// <summary>
    /// A concrete polymorphic base is a value too: System.Text.Json writes it without a discriminator and reads an
    /// object without one as the base. It is a branch of its own, or the one its own [JsonDerivedType] names.
    /// </summary>
    [Fact]
    public void A_concrete_polymorphic_base_is_a_branch_of_its_own()
    {
        Type type = Load("""
            namespace Run;
            [System.Text.Json.Serialization.JsonDerivedType(typeof(Leaf), "leaf")] public record Mid(int X);
            public record Leaf(int X, int Y) : Mid(X);
            [System.Text.Json.Serialization.JsonDerivedType(typeof(Base), "base")] [System.Text.Json.Serialization.JsonDerivedType(typeof(Derived), "derived")] public record Base(int A);
            public record Derived(int A, int B) : Base(A);
            [LlmOutput] public partial record Holder(Mid M, Base B);
            """, "Run.Holder");
        var (ok, value, errors, _) = Parse(type, """{"m":{"x":3},"b":{"$type":"base","a":1}}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Equal("Holder { M = Mid { X = 3 }, B = Base { A = 1 } }", value!.ToString());
        (ok, value, errors, _) = Parse(type, """{"m":{"$type":"leaf","x":1,"y":2},"b":{"$type":"derived","a":1,"b":2}}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Equal("Holder { M = Leaf { X = 1, Y = 2 }, B = Derived { A = 1, B = 2 } }", value!.ToString());

        GeneratorRun run = GeneratorHarness.Run(Usings + """
            [System.Text.Json.Serialization.JsonDerivedType(typeof(Leaf), "leaf")] public record Mid(int X);
            public record Leaf(int X, int Y) : Mid(X);
            [LlmOutput] public partial record Holder(Mid M);
            """);
        run.AssertClean();
        var branches = SchemaExtractor.Schema(run, "Holder.LlmOutput.g.cs", "jsonSchema").GetProperty("properties").GetProperty("m").GetProperty("anyOf").EnumerateArray().ToList();
        Assert.Equal(2, branches.Count);
        Assert.Single(branches, b => !b.GetProperty("properties").TryGetProperty("$type", out _));
    }

    /// <summary>
    /// <c>IgnoreUnrecognizedTypeDiscriminators = true</c> asks for System.Text.Json's reading: a discriminator naming no
    /// derived type is the base's own branch. Without the setting, or without a branch to fall back to, it is refused.
    /// </summary>
    [Fact]
    public void An_unrecognized_discriminator_reads_as_the_base_only_when_the_type_asks_for_it()
    {
        Type type = Load("""
            namespace Run;
            [JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)] [JsonDerivedType(typeof(Derived), "derived")] public record Base(int A);
            public record Derived(int A, int B) : Base(A);
            [JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)] [JsonDerivedType(typeof(One), 1)] public record Numbered(int A);
            public record One(int A, int C) : Numbered(A);
            [JsonDerivedType(typeof(Derived2), "derived")] public record Strict(int A);
            public record Derived2(int A, int B) : Strict(A);
            [JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)] [JsonDerivedType(typeof(Concrete), "concrete")] public abstract record Abstract(int A);
            public record Concrete(int A) : Abstract(A);
            [LlmOutput] public partial record Holder(Base B, Numbered N, Strict? S, Abstract? X);
            """, "Run.Holder");
        var (ok, value, errors, _) = Parse(type, """{"b":{"$type":"triangle","a":1},"n":{"$type":7,"a":2},"s":null,"x":null}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Equal("Holder { B = Base { A = 1 }, N = Numbered { A = 2 }, S = , X =  }", value!.ToString());
        (ok, value, errors, _) = Parse(type, """{"b":{"$type":"Derived","a":1,"b":2},"n":{"$type":1,"a":2,"c":3},"s":null,"x":null}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Equal("Holder { B = Derived { A = 1, B = 2 }, N = One { A = 2, C = 3 }, S = , X =  }", value!.ToString());

        Assert.Equal(new[]
        {
            "$.s['$type']: expected one of derived, found \"triangle\"",
            "$.x['$type']: expected one of concrete, found \"triangle\"",
        }, Parse(type, """{"b":{"a":1},"n":{"a":2},"s":{"$type":"triangle","a":1},"x":{"$type":"triangle","a":1}}""").Errors.Select(e => e.Message));
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

    /// <summary>A float or Half holds the bound as the JSON number read into it is held: `0.3` is within `[Range(0.1, 0.3)]`.</summary>
    [Fact]
    public void Float_and_half_bounds_and_allowed_values_hold_at_their_own_precision()
    {
        Type type = Load("""
            namespace Run;
            [LlmOutput]
            public partial record Levels([property: Range(0.1, 0.3)] float F, [property: AllowedValues(0.1, 0.2)] float A, [property: Range(0.1, 1)] Half H, [property: Range(0.1, 0.3)] double D);
            """, "Run.Levels");
        var (ok, _, errors, _) = Parse(type, """{"f":0.3,"a":0.1,"h":0.1,"d":0.3}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.True(Parse(type, """{"f":0.1,"a":0.2,"h":1,"d":0.1}""").Ok);
        Assert.Equal(new[] { "f", "a", "h", "d" }, Parse(type, """{"f":0.31,"a":0.3,"h":0.09,"d":0.30001}""").Errors.Select(e => e.Path.TrimStart('$', '.')));
    }

    [Fact]
    public void Allowed_values_of_a_char_or_guid_are_enforced_by_the_reader()
    {
        Type type = Load("""
            namespace Run;
            [LlmOutput]
            public partial record Pick([property: AllowedValues('a', 'b')] char C, [property: AllowedValues("3f2504e0-4f89-11d3-9a0c-0305e82c3301")] Guid G);
            """, "Run.Pick");
        Assert.True(Parse(type, """{"c":"b","g":"3F2504E0-4F89-11D3-9A0C-0305E82C3301"}""").Ok);
        Assert.Equal(new[] { "c", "g" }, Parse(type, """{"c":"z","g":"00000000-0000-0000-0000-000000000001"}""").Errors.Select(e => e.Path.TrimStart('$', '.')));
    }

    [Fact]
    public void Numeric_discriminators_are_matched_as_literals()
    {
        Type doc = Load("""
            namespace Run;
            [JsonDerivedType(typeof(One), 1)]
            [JsonDerivedType(typeof(Two), 2)]
            public abstract record Part(string Name);
            public sealed record One(string Name, int A) : Part(Name);
            public sealed record Two(string Name, bool B) : Part(Name);
            [LlmOutput]
            public partial record Doc(List<Part> Parts);
            """, "Run.Doc");
        var (ok, value, errors, _) = Parse(doc, """{"parts":[{"$type":2,"name":"b","b":true},{"name":"a","a":5,"$type":1}]}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        dynamic d = value!;
        Assert.Equal("Run.Two", ((object)d.Parts[0]).GetType().FullName);
        Assert.Equal(5, (int)d.Parts[1].A);
        Assert.Equal("$.parts[0]['$type']: expected one of 1, 2, found 3",
            Assert.Single(Parse(doc, """{"parts":[{"$type":3,"name":"c"}]}""").Errors).Message);
    }

    [Fact]
    public void A_nested_output_type_is_read_by_its_own_reader_with_the_same_paths_and_errors()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            [LlmOutput]
            public partial record Address(string Street, [property: StringLength(10)] string City);
            [LlmOutput]
            public partial record struct Money(decimal Amount, string Currency);
            [LlmOutput]
            public partial record Order(Address Shipping, Address? Billing, List<Address> Previous, Dictionary<string, Money> Totals, Money? Discount);
            """);
        run.AssertNoException();
        Assert.Equal(new[] { "SLLM0005", "SLLM0009" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(x => x));
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        string order = run.Sources.Single(s => s.HintName == "Run.Order.LlmReader.g.cs").SourceText.ToString();
        Assert.Contains("global::Run.Address.LlmInfo.Reader(ref reader, context, out var t", order, StringComparison.Ordinal);
        Assert.Contains("s_readAddress = global::Run.Address.LlmInfo.Reader;", order, StringComparison.Ordinal);
        Assert.Contains("s_readMoney = global::Run.Money.LlmInfo.Reader;", order, StringComparison.Ordinal);
        Assert.DoesNotContain("ReadAddress(", order, StringComparison.Ordinal);
        Assert.DoesNotContain("ReadMoney(", order, StringComparison.Ordinal);

        Type type = LoadAssembly(run).GetType("Run.Order", throwOnError: true)!;
        var (ok, value, errors, _) = Parse(type, """{"shipping":{"street":"a","city":"b"},"billing":null,"previous":[{"street":"c","city":"d"}],"totals":{"x":{"amount":1.5,"currency":"EUR"}},"discount":{"amount":2,"currency":"USD"}}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        dynamic o = value!;
        Assert.Equal("b", (string)o.Shipping.City);
        Assert.Null((object?)o.Billing);
        Assert.Equal("d", (string)o.Previous[0].City);
        Assert.Equal(1.5m, (decimal)o.Totals["x"].Amount);
        Assert.Equal("USD", (string)o.Discount.Currency);

        (ok, _, errors, _) = Parse(type, """{"shipping":{"street":"a","city":"much too long a city"},"billing":{"street":"s","city":"b"},"previous":[{"street":"c"}],"totals":{"x":{"amount":"many","currency":"EUR"}},"discount":null}""");
        Assert.False(ok);
        Assert.Equal(new[]
        {
            "$.shipping.city: expected a string of at most 10 characters, found a string of length 20",
            "$.previous[0].city: expected a string of at most 10 characters, found nothing (the member is missing)",
            "$.totals.x.amount: expected a number, found \"many\"",
        }, errors.Select(e => e.Message));
    }

    [Fact]
    public void Mutually_recursive_output_types_call_each_other()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            [LlmOutput]
            public partial record Person(string Name, Company? Employer);
            [LlmOutput]
            public partial record Company(string Name, List<Person> Staff);
            """);
        run.AssertNoException();
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("SLLM0009", d.Id)); // recursion: Anthropic only
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        Assert.Contains("global::Run.Company.LlmInfo.Reader(", run.Sources.Single(s => s.HintName == "Run.Person.LlmReader.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        Assert.Contains("global::Run.Person.LlmInfo.Reader;", run.Sources.Single(s => s.HintName == "Run.Company.LlmReader.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        Type person = LoadAssembly(run).GetType("Run.Person", throwOnError: true)!;
        var (ok, value, errors, _) = Parse(person, """{"name":"a","employer":{"name":"c","staff":[{"name":"b","employer":null}]}}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        dynamic p = value!;
        Assert.Equal("b", (string)p.Employer.Staff[0].Name);
        Assert.Equal("$.employer.staff[0].employer.name: expected a string, found nothing (the member is missing)",
            Assert.Single(Parse(person, """{"name":"a","employer":{"name":"c","staff":[{"name":"b","employer":{"staff":[]}}]}}""").Errors).Message);
    }

    [Fact]
    public void Output_types_whose_own_reader_cannot_be_called_are_still_read_inline()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Run;
            [LlmOutput]
            public record NotPartial(string A);
            [LlmOutput]
            public partial record HasReservedName(string B)
            {
                public int __LlmReader => 0;
            }
            [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
            [JsonDerivedType(typeof(Circle), "circle")]
            public abstract record Shape;
            [LlmOutput]
            public sealed partial record Circle(double Radius) : Shape;
            public partial class Host
            {
                [LlmOutput]
                private partial record Hidden(bool C);
                [LlmOutput]
                private partial record Outer(Hidden H);
            }
            [LlmOutput]
            public partial record All(NotPartial P, HasReservedName R, Circle C, Shape S); // Circle first: parsed as a plain member before the polymorphic base lists it
            """);
        run.AssertNoException();
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        string all = run.Sources.Single(s => s.HintName == "Run.All.LlmReader.g.cs").SourceText.ToString();
        Assert.DoesNotContain(".LlmInfo.Reader", all, StringComparison.Ordinal);
        Assert.Contains("public static bool ReadNotPartial(", all, StringComparison.Ordinal);
        Assert.Contains("public static bool ReadHasReservedName(", all, StringComparison.Ordinal);
        Assert.Contains("public static bool ReadCircle(", all, StringComparison.Ordinal);
        string outer = run.Sources.Single(s => s.HintName == "Run.Host.Outer.LlmReader.g.cs").SourceText.ToString();
        Assert.Contains("public static bool ReadHidden(", outer, StringComparison.Ordinal);

        Type type = LoadAssembly(run).GetType("Run.All", throwOnError: true)!;
        var (ok, value, errors, repairs) = Parse(type, """{"p":{"a":"x"},"r":{"b":"y"},"s":{"kind":"circle","radius":1},"c":{"kind":"circle","radius":2}}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        Assert.Empty(repairs);
        dynamic a = value!;
        Assert.Equal(2.0, (double)a.C.Radius);
    }

    /// <summary>
    /// A derived type that is itself polymorphic: as the base's branch it is the object its discriminator names; as a
    /// member's own type it reads its derived types too. A derived object is never read as its base (its own members
    /// dropped as unknown), whichever of the two uses the generator meets first.
    /// </summary>
    [Theory]
    [InlineData("B Value, Mid M")]
    [InlineData("Mid M, B Value")]
    public void A_derived_type_that_is_itself_polymorphic_keeps_its_own_derived_types(string members)
    {
        string source = """
            namespace Nest;

            [JsonDerivedType(typeof(Mid), "mid")]
            public abstract record B;
            [JsonDerivedType(typeof(Leaf), "leaf")]
            public record Mid(int X) : B;
            public record Leaf(int X, int Y) : Mid(X);

            [LlmOutput]
            public partial record R(
            """ + members + ");";
        Type type = Load(source, "Nest.R");
        var (ok, value, errors, _) = Parse(type, """{"value": {"$type": "mid", "x": 1}, "m": {"$type": "leaf", "x": 2, "y": 3}}""");
        Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
        object m = value!.GetType().GetProperty("M")!.GetValue(value)!;
        Assert.Equal("Leaf", m.GetType().Name);
        Assert.Equal(3, m.GetType().GetProperty("Y")!.GetValue(m));
        Assert.Equal("Mid", value.GetType().GetProperty("Value")!.GetValue(value)!.GetType().Name);

        GeneratorRun run = GeneratorHarness.Run(Usings + source);
        System.Text.Json.JsonElement schema = SchemaExtractor.Schema(run, "Nest.R.LlmOutput.g.cs", "jsonSchema");
        Assert.Contains("\"leaf\"", schema.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>An <c>Int128</c> or <c>UInt128</c> member reads every integer of its range, not only what a decimal holds.</summary>
    [Fact]
    public void Wide_integers_read_their_whole_range()
    {
        Type type = Load("namespace Wide; [LlmOutput] public partial record Big(Int128 I, UInt128 U);", "Wide.Big");
        foreach (var (i, u) in new[] { (Int128.MaxValue, UInt128.MaxValue), (Int128.MinValue, UInt128.Zero), ((Int128)ulong.MaxValue + 1, (UInt128)ulong.MaxValue + 1) })
        {
            var (ok, value, errors, repairs) = Parse(type, "{\"i\": " + i + ", \"u\": " + u + "}");
            Assert.True(ok, string.Join("; ", errors.Select(e => e.Message)));
            Assert.Empty(repairs);
            Assert.Equal(i, value!.GetType().GetProperty("I")!.GetValue(value));
            Assert.Equal(u, value.GetType().GetProperty("U")!.GetValue(value));
        }

        Assert.False(Parse(type, "{\"i\": 170141183460469231731687303715884105728, \"u\": 1}").Ok); // one past the maximum
        Assert.False(Parse(type, "{\"i\": 1, \"u\": -1}").Ok);
        Assert.True(Parse(type, "{\"i\": \"5\", \"u\": 5.0}").Ok); // the usual lossless coercions
    }

    /// <summary>
    /// A <c>[RegularExpression]</c> holds for the whole value, as DataAnnotations checks it: the reader refuses a value with
    /// a matching part only, and the schema's pattern (which JSON Schema matches anywhere) is anchored to say the same.
    /// </summary>
    [Fact]
    public void A_regular_expression_must_match_the_whole_value_in_the_reader_and_the_schema()
    {
        const string Source = """
            namespace Rx;

            [LlmOutput]
            public partial record Slugs(
                [property: RegularExpression("[a-z]+")] string Slug,
                [property: RegularExpression("a|b")] string AorB,
                [property: RegularExpression("^[0-9]+$")] string Digits,
                [property: RegularExpression("^a|b$")] string Either);
            """;
        Type type = Load(Source, "Rx.Slugs");
        Assert.True(Parse(type, """{"slug": "abc", "aorB": "b", "digits": "42", "either": "a"}""").Ok);
        foreach (string bad in new[]
        {
            """{"slug": "123abc", "aorB": "b", "digits": "42", "either": "a"}""",
            """{"slug": "abc", "aorB": "ab", "digits": "42", "either": "a"}""",
            """{"slug": "abc", "aorB": "b", "digits": "42x", "either": "a"}""",
            """{"slug": "abc", "aorB": "b", "digits": "42", "either": "ab"}""",
        })
        {
            var (ok, _, errors, _) = Parse(type, bad);
            Assert.False(ok, bad);
            Assert.Single(errors);
        }

        GeneratorRun run = GeneratorHarness.Run(Usings + Source);
        foreach (string profile in SchemaExtractor.ProfileArguments)
        {
            System.Text.Json.JsonElement properties = SchemaExtractor.Schema(run, "Rx.Slugs.LlmOutput.g.cs", profile).GetProperty("properties");
            if (!properties.GetProperty("slug").TryGetProperty("pattern", out _))
            {
                Assert.True(profile is "gemini" or "anthropic", profile); // a profile without `pattern` states it in the description
                continue;
            }

            string Pattern(string name) => properties.GetProperty(name).GetProperty("pattern").GetString()!;
            Assert.Equal("^(?:[a-z]+)$", Pattern("slug"));
            Assert.Equal("^(?:a|b)$", Pattern("aorB"));
            Assert.Equal("^[0-9]+$", Pattern("digits"));
            Assert.Equal("^(?:^a|b$)$", Pattern("either"));
        }
    }

    /// <summary>
    /// <c>Box&lt;string?&gt;</c> and <c>Box&lt;string&gt;</c> are one generic type with two readings of <c>Value</c>: two
    /// definitions, not the first one seen for both (the s23 probe: <c>text.value</c> was described and read as nullable,
    /// and the shared reader method drew CS8620/CS8624 warnings in generated code).
    /// </summary>
    [Fact]
    public void Generic_types_differing_only_in_nullable_type_arguments_are_two_definitions()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Gen;
            public record Box<T>(T Value);
            [LlmOutput] public partial record Holder(Box<string?> MaybeText, Box<string> Text, List<Box<string?>> MoreMaybe);
            """);
        run.AssertClean();
        JsonElement properties = SchemaExtractor.Schema(run, "Gen.Holder.LlmOutput.g.cs", "jsonSchema").GetProperty("properties");
        Assert.Equal("""["string","null"]""", properties.GetProperty("maybeText").GetProperty("properties").GetProperty("value").GetProperty("type").GetRawText());
        JsonElement text = properties.GetProperty("text");
        Assert.Equal("string", text.GetProperty("properties").GetProperty("value").GetProperty("type").GetString());
        Assert.Equal("""["value"]""", text.GetProperty("required").GetRawText());

        Type type = LoadAssembly(run).GetType("Gen.Holder", throwOnError: true)!;
        Assert.True(Parse(type, """{"maybeText": {"value": null}, "text": {"value": "t"}, "moreMaybe": [{"value": null}]}""").Ok);
        (bool ok, _, LlmError[] errors, _) = Parse(type, """{"maybeText": {"value": null}, "text": {"value": null}, "moreMaybe": []}""");
        Assert.False(ok);
        Assert.Contains(errors, e => e.Path == "$.text.value");
    }

    /// <summary>
    /// <c>[Range(double.NegativeInfinity, 0)]</c> bounds only the maximum, as DataAnnotations compares with it: the schema
    /// states that side and the reader enforces it (the s23 probe found the whole range dropped as "not numbers").
    /// </summary>
    [Fact]
    public void Range_with_an_infinite_bound_constrains_the_other_side()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Inf;
            [LlmOutput] public partial record Reading([property: Range(double.NegativeInfinity, 0)] double Below, [property: Range(1, double.PositiveInfinity, MinimumIsExclusive = true)] double Above);
            """);
        run.AssertClean();
        JsonElement properties = SchemaExtractor.Schema(run, "Inf.Reading.LlmOutput.g.cs", "jsonSchema").GetProperty("properties");
        Assert.Equal("""{"type":"number","maximum":0}""", properties.GetProperty("below").GetRawText());
        Assert.Equal("""{"type":"number","exclusiveMinimum":1}""", properties.GetProperty("above").GetRawText());

        Type type = LoadAssembly(run).GetType("Inf.Reading", throwOnError: true)!;
        Assert.True(Parse(type, """{"below": -1e300, "above": 1.5}""").Ok);
        Assert.False(Parse(type, """{"below": 0.5, "above": 1.5}""").Ok);
        Assert.False(Parse(type, """{"below": 0, "above": 1}""").Ok);
    }

    /// <summary>
    /// Int128 and UInt128 ranges are checked as those types: through a decimal, Int128.MinValue threw an
    /// OverflowException out of Parse and a bound beyond decimal (a minimum of 1e30) was dropped (the s23 probe). A
    /// decimal, float or Half range outside what the type can hold is SLLM0011, as for the narrow integers.
    /// </summary>
    [Fact]
    public void Wide_integer_ranges_are_checked_exactly_and_never_throw()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Wide;
            [LlmOutput] public partial record Amounts([property: Range(1e30, 1e40)] Int128 Big, [property: Range(-5, 1e30)] Int128 Low, [property: Range(0, 1e20, MaximumIsExclusive = true)] UInt128 Small);
            """);
        run.AssertClean();
        Type type = LoadAssembly(run).GetType("Wide.Amounts", throwOnError: true)!;
        Assert.True(Parse(type, """{"big": 170141183460469231731687303715884105727, "low": -5, "small": 99999999999999999999}""").Ok);
        Assert.False(Parse(type, """{"big": 5, "low": 1, "small": 0}""").Ok);
        Assert.False(Parse(type, """{"big": 1000000000000000000000000000000, "low": -170141183460469231731687303715884105728, "small": 0}""").Ok);
        Assert.False(Parse(type, """{"big": 1000000000000000000000000000000, "low": 1, "small": 100000000000000000000}""").Ok);

        GeneratorRun outside = GeneratorHarness.Run(Usings + """
            [LlmOutput] public partial record Unreachable([property: Range(1e30, 1e40)] decimal D, [property: Range(70000, 80000)] Half H);
            """);
        Assert.Equal(new[] { "SLLM0011", "SLLM0011" }, outside.GeneratorDiagnostics.Select(d => d.Id));
    }

    /// <summary>
    /// <c>[JsonUnmappedMemberHandling(Disallow)]</c>: a key naming no member is an error, as System.Text.Json refuses it
    /// (the s23 probe found it only listed in UnknownMembers); a drifted key of a member still reads, and a type without
    /// the setting still only reports unknown keys.
    /// </summary>
    [Fact]
    public void Disallowed_unmapped_members_are_refused()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Unmapped;
            [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
            [LlmOutput] public partial record Closed(int Count, Open Inner);
            public record Open(string Name);
            """);
        run.AssertClean();
        Type type = LoadAssembly(run).GetType("Unmapped.Closed", throwOnError: true)!;
        Assert.True(Parse(type, """{"count": 1, "inner": {"name": "n"}}""").Ok);
        Assert.True(Parse(type, """{"Count": 1, "inner": {"name": "n", "extra": true}}""").Ok);
        (bool ok, _, LlmError[] errors, _) = Parse(type, """{"count": 1, "inner": {"name": "n"}, "extra": 2}""");
        Assert.False(ok);
        LlmError error = Assert.Single(errors);
        Assert.Equal("$.extra", error.Path);
    }

    /// <summary>
    /// Framework collection classes System.Text.Json fills through <c>ICollection&lt;T&gt;.Add</c> (SortedSet, LinkedList,
    /// ObservableCollection, Collection) are arrays like the user's own collection classes, not SLLM0003 (the s23 probe);
    /// Queue and ArrayList, which have no such Add, still are.
    /// </summary>
    [Fact]
    public void Framework_collection_classes_read_like_the_users_own()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Fw;
            [LlmOutput] public partial record Lists(SortedSet<int> Sorted, LinkedList<string> Linked, System.Collections.ObjectModel.ObservableCollection<string> Observed, System.Collections.ObjectModel.Collection<double> Plain);
            """);
        run.AssertClean();
        JsonElement properties = SchemaExtractor.Schema(run, "Fw.Lists.LlmOutput.g.cs", "jsonSchema").GetProperty("properties");
        Assert.True(properties.GetProperty("sorted").GetProperty("uniqueItems").GetBoolean());
        Assert.Equal("array", properties.GetProperty("linked").GetProperty("type").GetString());
        Type type = LoadAssembly(run).GetType("Fw.Lists", throwOnError: true)!;
        (bool ok, object? value, _, _) = Parse(type, """{"sorted": [3, 1], "linked": ["a", "b"], "observed": ["o"], "plain": [1.5]}""");
        Assert.True(ok);
        Assert.Equal(new[] { 1, 3 }, (System.Collections.Generic.SortedSet<int>)type.GetProperty("Sorted")!.GetValue(value)!);
        Assert.Equal(new[] { "a", "b" }, (System.Collections.Generic.LinkedList<string>)type.GetProperty("Linked")!.GetValue(value)!);
        Assert.False(Parse(type, """{"sorted": [1, 1], "linked": [], "observed": [], "plain": []}""").Ok);

        GeneratorRun refused = GeneratorHarness.Run(Usings + "[LlmOutput] public partial record Other(Queue<int> Q, System.Collections.ArrayList A);");
        Assert.Equal(new[] { "SLLM0003", "SLLM0003" }, refused.GeneratorDiagnostics.Select(d => d.Id));
    }

    /// <summary>
    /// Probe, session 25: <c>IImmutableSet&lt;T&gt;</c> and <c>IImmutableDictionary&lt;string, T&gt;</c>, which
    /// System.Text.Json reads as an <c>ImmutableHashSet</c> and an <c>ImmutableDictionary</c>, were SLLM0003.
    /// </summary>
    [Fact]
    public void Immutable_set_and_dictionary_interfaces_read_like_their_immutable_types()
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            namespace Imm;
            [LlmOutput(Name = "Imm")] public partial record Bag(IImmutableSet<string> Tags, IImmutableDictionary<string, int>? Counts);
            """);
        run.AssertNoException();
        Assert.Equal(new[] { "SLLM0005", "SLLM0009" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal)); // the dictionary, as any
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        JsonElement properties = SchemaExtractor.Schema(run, "Imm.Bag.LlmOutput.g.cs", "jsonSchema").GetProperty("properties");
        Assert.True(properties.GetProperty("tags").GetProperty("uniqueItems").GetBoolean());
        Assert.Equal("integer", properties.GetProperty("counts").GetProperty("additionalProperties").GetProperty("type").GetString());
        Type type = LoadAssembly(run).GetType("Imm.Bag", throwOnError: true)!;
        var read = Parse(type, """{"tags": ["a", "b"], "counts": {"x": 1}}""");
        Assert.True(read.Ok, string.Join("; ", read.Errors.Select(e => e.Message)));
        Assert.IsAssignableFrom<System.Collections.Immutable.ImmutableHashSet<string>>(type.GetProperty("Tags")!.GetValue(read.Value));
        Assert.Equal(1, ((System.Collections.Immutable.IImmutableDictionary<string, int>)type.GetProperty("Counts")!.GetValue(read.Value)!)["x"]);
        Assert.False(Parse(type, """{"tags": ["a", "a"], "counts": null}""").Ok); // unique items, as the schema says
    }

    private static Assembly LoadAssembly(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        EmitResult result = run.Output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assembly.Load(stream.ToArray());
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
