using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

/// <summary>Emitted schemas parsed with System.Text.Json and checked keyword by keyword, per profile.</summary>
public class SchemaProfileTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using StructuredLlm;

        """;

    /// <summary>A corpus that exercises every feature at once (plus a recursive and a polymorphic type).</summary>
    private const string Corpus = """
        namespace Corpus;

        public enum Color { Red, [JsonStringEnumMemberName("verde")] Green }

        [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
        [JsonDerivedType(typeof(Circle), "circle")]
        [JsonDerivedType(typeof(Square), 2)]
        public abstract record Shape;
        public record Circle(double Radius) : Shape;
        public record Square([property: Range(0, 10, MaximumIsExclusive = true)] double Side) : Shape;

        public record Node(string Label, List<Node>? Children);

        /// <summary>Everything at once.</summary>
        /// <param name="Count">How many.</param>
        [LlmOutput]
        public partial record Everything(
            int Count,
            [property: Range(1, 5)] int Priority,
            [property: Range(0.5, 2.5, MinimumIsExclusive = true)] double Ratio,
            [property: StringLength(20, MinimumLength = 2)] string Name,
            [property: RegularExpression("^[a-z]+$")] string Slug,
            [property: EmailAddress] string? Email,
            [property: Url] string Site,
            [property: MinLength(2), MaxLength(4)] List<string> Tags,
            [property: MinLength(1)] string[] AtLeastOne,
            [property: AllowedValues(1, 2, 3)] int Choice,
            HashSet<int> Unique,
            byte Small,
            char Initial,
            DateTime When, DateOnly Day, TimeOnly Time, TimeSpan Span, Guid Id, Uri Link,
            Color Color, Color? MaybeColor,
            Shape Shape, List<Shape> Shapes,
            Node Tree,
            Dictionary<string, int>? Bag,
            int? Optional);
        """;

    private static readonly Lazy<Dictionary<string, JsonElement>> Schemas = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + Corpus);
        run.AssertNoException();
        Assert.Equal(new[] { "SLLM0005", "SLLM0009", "SLLM0009" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(x => x));
        return SchemaExtractor.ProfileArguments.ToDictionary(p => p, p => SchemaExtractor.Schema(run, "Corpus.Everything.LlmOutput.g.cs", p));
    });

    private static JsonElement Prop(string profile, string name) => Schemas.Value[profile].GetProperty("properties").GetProperty(name);

    /// <summary>Every (sub)schema object in the tree with its JSON path.</summary>
    private static IEnumerable<(string Path, JsonElement Schema)> Walk(JsonElement schema, string path = "$")
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        yield return (path, schema);
        foreach (JsonProperty p in schema.EnumerateObject())
        {
            switch (p.Name)
            {
                case "properties" or "$defs":
                    foreach (JsonProperty child in p.Value.EnumerateObject())
                    {
                        foreach (var x in Walk(child.Value, $"{path}.{p.Name}.{child.Name}"))
                        {
                            yield return x;
                        }
                    }

                    break;
                case "items" or "additionalProperties" when p.Value.ValueKind == JsonValueKind.Object:
                    foreach (var x in Walk(p.Value, $"{path}.{p.Name}"))
                    {
                        yield return x;
                    }

                    break;
                case "anyOf":
                    int i = 0;
                    foreach (JsonElement branch in p.Value.EnumerateArray())
                    {
                        foreach (var x in Walk(branch, $"{path}.anyOf[{i++}]"))
                        {
                            yield return x;
                        }
                    }

                    break;
            }
        }
    }

    private static bool IsObjectSchema(JsonElement s) => s.TryGetProperty("type", out JsonElement t)
        && (t.ValueKind == JsonValueKind.String ? t.GetString() == "object" : t.EnumerateArray().Any(x => x.GetString() == "object"));

    [Fact]
    public void OpenAI_strict_rules_hold_everywhere()
    {
        JsonElement root = Schemas.Value["openAIStrict"];
        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("anyOf", out _));
        var allowedFormats = new HashSet<string> { "date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid" };
        int objects = 0;
        foreach ((string path, JsonElement s) in Walk(root))
        {
            foreach (string banned in new[] { "allOf", "not", "if", "then", "else", "default", "minLength", "maxLength", "uniqueItems", "$schema", "const", "propertyOrdering", "oneOf" })
            {
                Assert.False(s.TryGetProperty(banned, out _), $"{path} has {banned}");
            }

            if (s.TryGetProperty("format", out JsonElement format))
            {
                Assert.Contains(format.GetString()!, allowedFormats);
            }

            if (IsObjectSchema(s))
            {
                objects++;
                Assert.False(s.GetProperty("additionalProperties").GetBoolean(), path);
                var names = s.GetProperty("properties").EnumerateObject().Select(p => (string?)p.Name).ToList();
                var required = s.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
                Assert.Equal(names, required);
            }
        }

        Assert.True(objects >= 5, $"only {objects} objects checked");
    }

    [Fact]
    public void OpenAI_strict_rules_hold_on_every_baseline_schema()
    {
        string baselines = System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "../../../Baselines"));
        string[] files = System.IO.Directory.GetFiles(baselines, "*.openAIStrict.schema.json.txt", System.IO.SearchOption.AllDirectories);
        Assert.True(files.Length >= 20, $"found only {files.Length} baseline schemas under {baselines}");
        foreach (string file in files)
        {
            using JsonDocument doc = JsonDocument.Parse(System.IO.File.ReadAllText(file));
            JsonElement root = doc.RootElement;
            Assert.Equal("object", root.GetProperty("type").GetString());
            foreach ((string path, JsonElement s) in Walk(root))
            {
                foreach (string banned in new[] { "allOf", "not", "if", "then", "else", "default", "minLength", "maxLength", "uniqueItems", "$schema", "const", "oneOf" })
                {
                    Assert.False(s.TryGetProperty(banned, out _), $"{file}: {path} has {banned}");
                }

                if (IsObjectSchema(s))
                {
                    Assert.False(s.GetProperty("additionalProperties").GetBoolean(), $"{file}: {path}");
                    Assert.Equal(
                        s.GetProperty("properties").EnumerateObject().Select(p => (string?)p.Name),
                        s.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
                }
            }
        }
    }

    [Fact]
    public void OpenAI_optional_members_are_required_and_nullable()
    {
        Assert.Equal(new[] { "integer", "null" }, Prop("openAIStrict", "optional").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(new[] { "string", "null" }, Prop("openAIStrict", "maybeColor").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, Prop("openAIStrict", "maybeColor").GetProperty("enum").EnumerateArray().Last().ValueKind);
    }

    [Fact]
    public void OpenAI_keeps_supported_keywords_and_moves_the_rest_to_descriptions()
    {
        Assert.Equal(1, Prop("openAIStrict", "priority").GetProperty("minimum").GetInt32());
        Assert.Equal(5, Prop("openAIStrict", "priority").GetProperty("maximum").GetInt32());
        Assert.Equal(0.5, Prop("openAIStrict", "ratio").GetProperty("exclusiveMinimum").GetDouble());
        Assert.Equal("^[a-z]+$", Prop("openAIStrict", "slug").GetProperty("pattern").GetString());
        Assert.Equal("email", Prop("openAIStrict", "email").GetProperty("format").GetString());
        Assert.Equal(2, Prop("openAIStrict", "tags").GetProperty("minItems").GetInt32());
        Assert.Equal(4, Prop("openAIStrict", "tags").GetProperty("maxItems").GetInt32());
        Assert.Equal("Must have 2 to 20 characters.", Prop("openAIStrict", "name").GetProperty("description").GetString());
        // [Url]: DataAnnotations and the reader take http, https and ftp URLs only, narrower than format "uri".
        Assert.Equal("Must be an http, https or ftp URL.", Prop("openAIStrict", "site").GetProperty("description").GetString());
        Assert.Equal("^(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp])://", Prop("openAIStrict", "site").GetProperty("pattern").GetString());
        Assert.Equal("Items must be unique.", Prop("openAIStrict", "unique").GetProperty("description").GetString());
        Assert.Equal(new[] { 1, 2, 3 }, Prop("openAIStrict", "choice").GetProperty("enum").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(255, Prop("openAIStrict", "small").GetProperty("maximum").GetInt32());
        Assert.Equal("How many.", Prop("openAIStrict", "count").GetProperty("description").GetString());
        Assert.Equal("Everything at once.", Schemas.Value["openAIStrict"].GetProperty("description").GetString());
    }

    /// <summary>
    /// A [RegularExpression] that uses .NET-only syntax is no JSON Schema (ECMA-262) pattern: every profile states it in
    /// the description, and the reader still enforces it. ECMA-compatible ones stay keywords.
    /// </summary>
    [Theory]
    [InlineData(@"\A[a-z]+\z")]
    [InlineData(@"(?i)abc")]
    [InlineData(@"(?i:abc)d")]
    [InlineData(@"(?>a+)b")]
    [InlineData(@"[a-z-[aeiou]]+")]
    [InlineData(@"^a+\Z")]
    [InlineData(@"(?'word'\w+)")]
    [InlineData(@"(?<open>\()(?<close-open>\))")]
    [InlineData(@"\p{IsGreek}+")]
    [InlineData(@"a(?#comment)b")]
    public void A_pattern_with_dotnet_only_syntax_is_stated_in_the_description(string pattern)
    {
        GeneratorRun run = RunWithPattern(pattern);
        foreach (string profile in SchemaExtractor.ProfileArguments)
        {
            JsonElement code = SchemaExtractor.Schema(run, "R.LlmOutput.g.cs", profile).GetProperty("properties").GetProperty("code");
            Assert.False(code.TryGetProperty("pattern", out _), profile);
            Assert.Contains("Must match the .NET regular expression", code.GetProperty("description").GetString(), System.StringComparison.Ordinal);
        }
    }

    /// <summary>A type with one string member under <c>[RegularExpression(pattern)]</c>, generated cleanly.</summary>
    private static GeneratorRun RunWithPattern(string pattern)
    {
        GeneratorRun run = GeneratorHarness.Run("using System.ComponentModel.DataAnnotations; using StructuredLlm;\n"
            + "[LlmOutput] public partial record R([property: RegularExpression(" + SymbolDisplay.FormatLiteral(pattern, true) + ")] string Code);");
        run.AssertClean();
        return run;
    }

    [Theory]
    [InlineData(@"^(?<name>\w+)$")]
    [InlineData(@"(?<=a)b(?!c)")]
    [InlineData(@"[\\A-Z]+")]
    [InlineData(@"\\A")]
    public void An_ecma_compatible_pattern_stays_a_keyword(string pattern)
    {
        GeneratorRun run = RunWithPattern(pattern);
        Assert.True(SchemaExtractor.Schema(run, "R.LlmOutput.g.cs", "jsonSchema").GetProperty("properties").GetProperty("code").TryGetProperty("pattern", out _));
    }

    [Fact]
    public void Polymorphic_member_is_anyOf_with_discriminator_in_every_branch()
    {
        foreach (string profile in SchemaExtractor.ProfileArguments)
        {
            JsonElement[] branches = Prop(profile, "shape").GetProperty("anyOf").EnumerateArray().ToArray();
            Assert.Equal(2, branches.Length);
            JsonElement circleKind = branches[0].GetProperty("properties").GetProperty("kind");
            JsonElement squareKind = branches[1].GetProperty("properties").GetProperty("kind");
            if (profile == "jsonSchema")
            {
                Assert.Equal("circle", circleKind.GetProperty("const").GetString());
                Assert.Equal(2, squareKind.GetProperty("const").GetInt32());
            }
            else
            {
                Assert.Equal("circle", Assert.Single(circleKind.GetProperty("enum").EnumerateArray()).GetString());
                Assert.Equal(2, Assert.Single(squareKind.GetProperty("enum").EnumerateArray()).GetInt32());
            }

            Assert.Equal("integer", squareKind.GetProperty("type").GetString());
            Assert.Contains("kind", branches[0].GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        }
    }

    [Fact]
    public void Recursive_type_goes_to_defs_with_ref()
    {
        foreach (string profile in SchemaExtractor.ProfileArguments)
        {
            Assert.Equal("#/$defs/Node", Prop(profile, "tree").GetProperty("$ref").GetString());
            JsonElement node = Schemas.Value[profile].GetProperty("$defs").GetProperty("Node");
            JsonElement children = node.GetProperty("properties").GetProperty("children");
            Assert.Equal("#/$defs/Node", children.GetProperty("items").GetProperty("$ref").GetString());
            Assert.Equal(profile == "anthropic" ? JsonValueKind.String : JsonValueKind.Array, children.GetProperty("type").ValueKind);
        }
    }

    [Fact]
    public void Anthropic_has_no_numeric_bounds_or_lengths_and_minItems_only_0_or_1()
    {
        JsonElement root = Schemas.Value["anthropic"];
        foreach ((string path, JsonElement s) in Walk(root))
        {
            foreach (string banned in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "maxItems", "uniqueItems" })
            {
                Assert.False(s.TryGetProperty(banned, out _), $"{path} has {banned}");
            }

            if (s.TryGetProperty("minItems", out JsonElement minItems))
            {
                Assert.InRange(minItems.GetInt32(), 0, 1);
            }

            if (IsObjectSchema(s))
            {
                Assert.False(s.GetProperty("additionalProperties").GetBoolean(), path);
            }
        }

        Assert.Equal("Must be between 1 and 5.", Prop("anthropic", "priority").GetProperty("description").GetString());
        Assert.Equal("Must be greater than 0.5 and at most 2.5.", Prop("anthropic", "ratio").GetProperty("description").GetString());
        Assert.Equal("Must have 2 to 4 items.", Prop("anthropic", "tags").GetProperty("description").GetString());
        Assert.Equal(1, Prop("anthropic", "atLeastOne").GetProperty("minItems").GetInt32());
        Assert.False(Prop("anthropic", "atLeastOne").TryGetProperty("description", out _));
    }

    [Fact]
    public void Anthropic_optional_members_are_left_out_of_required_without_null()
    {
        JsonElement root = Schemas.Value["anthropic"];
        var required = root.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.DoesNotContain("optional", required);
        Assert.DoesNotContain("email", required);
        Assert.Contains("count", required);
        Assert.Equal("integer", Prop("anthropic", "optional").GetProperty("type").GetString());
    }

    [Fact]
    public void Gemini_uses_only_its_keywords_and_property_ordering()
    {
        var allowed = new HashSet<string> { "type", "format", "description", "enum", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "minimum", "maximum", "anyOf", "$ref", "$defs", "propertyOrdering" };
        var formats = new HashSet<string> { "date-time", "date", "time" };
        foreach ((string path, JsonElement s) in Walk(Schemas.Value["gemini"]))
        {
            foreach (JsonProperty p in s.EnumerateObject())
            {
                Assert.True(allowed.Contains(p.Name), $"{path} has {p.Name}");
            }

            if (s.TryGetProperty("format", out JsonElement format))
            {
                Assert.Contains(format.GetString()!, formats);
            }

            if (s.TryGetProperty("properties", out JsonElement props) && props.EnumerateObject().Any())
            {
                Assert.Equal(props.EnumerateObject().Select(p => p.Name), s.GetProperty("propertyOrdering").EnumerateArray().Select(p => p.GetString()));
            }
        }

        Assert.Equal("Must match the regular expression ^[a-z]+$.", Prop("gemini", "slug").GetProperty("description").GetString());
        Assert.Equal("integer", Prop("gemini", "bag").GetProperty("additionalProperties").GetProperty("type").GetString());
    }

    [Fact]
    public void JsonSchema_states_every_constraint_as_a_keyword()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schemas.Value["jsonSchema"].GetProperty("$schema").GetString());
        Assert.Equal(2, Prop("jsonSchema", "name").GetProperty("minLength").GetInt32());
        Assert.Equal(20, Prop("jsonSchema", "name").GetProperty("maxLength").GetInt32());
        Assert.Equal("uri", Prop("jsonSchema", "site").GetProperty("format").GetString());
        Assert.True(Prop("jsonSchema", "unique").GetProperty("uniqueItems").GetBoolean());
        Assert.Equal(1, Prop("jsonSchema", "initial").GetProperty("minLength").GetInt32());
        Assert.Equal(1, Prop("jsonSchema", "initial").GetProperty("maxLength").GetInt32());
        Assert.False(Prop("jsonSchema", "name").TryGetProperty("description", out _));
        JsonElement bag = Prop("jsonSchema", "bag");
        Assert.Equal(new[] { "object", "null" }, bag.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("integer", bag.GetProperty("additionalProperties").GetProperty("type").GetString());
        Assert.Equal(10, Prop("jsonSchema", "shape").GetProperty("anyOf")[1].GetProperty("properties").GetProperty("side").GetProperty("exclusiveMaximum").GetInt32());
        var required = Schemas.Value["jsonSchema"].GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.DoesNotContain("optional", required);
        Assert.Contains("tree", required);
    }

    [Fact]
    public void Enum_values_use_JsonStringEnumMemberName()
        => Assert.Equal(new[] { "Red", "verde" }, Prop("jsonSchema", "color").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public void Descriptions_come_from_raw_doc_comments_when_the_compiler_does_not_parse_docs()
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        GeneratorRun run = GeneratorHarness.Run(Usings + """
            /// <summary>Raw <c>docs</c>.</summary>
            /// <param name="A">First &amp; only.</param>
            [LlmOutput] public partial record R(int A);
            """, parseOptions: options);
        run.AssertClean();
        JsonElement schema = SchemaExtractor.Schema(run, "R.LlmOutput.g.cs", "jsonSchema");
        Assert.Equal("Raw docs.", schema.GetProperty("description").GetString());
        Assert.Equal("First & only.", schema.GetProperty("properties").GetProperty("a").GetProperty("description").GetString());
    }

    [Fact]
    public void Output_is_deterministic()
    {
        string a = string.Join("\n", GeneratorHarness.Run(Usings + Corpus).Sources.Select(s => s.HintName + s.SourceText));
        string b = string.Join("\n", GeneratorHarness.Run(Usings + Corpus).Sources.Select(s => s.HintName + s.SourceText));
        Assert.Equal(a, b);
    }
}
