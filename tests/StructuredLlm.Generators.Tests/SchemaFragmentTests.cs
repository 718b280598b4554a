using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using StructuredLlm.Generators.Emit;
using StructuredLlm.Generators.Model;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

/// <summary>
/// A schema names the object bodies of nested [LlmOutput] types (fragment constants in their own files) instead of
/// repeating them. The compiler folds the concatenation, so the runtime value must be exactly the schema written out in
/// full from the same spec, for every output and profile, including the shapes where a body is context-dependent and
/// must not be shared (recursion, polymorphism, a derived type reached through a nested type, naming policies).
/// </summary>
public class SchemaFragmentTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using StructuredLlm;

        namespace Frag
        {
            public enum Tone { Calm, Loud }

            /// <summary>A leaf with its own schema.</summary>
            [LlmOutput] public partial record Leaf([property: Range(1, 5)] int Level, Tone Tone, string? Note);

            [LlmOutput(NamingPolicy = LlmNamingPolicy.SnakeCaseLower)]
            public partial record SnakeMiddle(Leaf FirstLeaf, Leaf? OptionalLeaf, IReadOnlyList<Leaf> LeafList, Dictionary<string, Leaf> LeafMap);

            [LlmOutput]
            public partial record Root(
                [property: Description("The middle part")] SnakeMiddle Middle,
                SnakeMiddle? MaybeMiddle,
                Leaf Leaf,
                Plain Plain,
                Node Tree,
                Shape Shape,
                Holder Holder);

            /// <summary>Not an output type: always written out.</summary>
            public record Plain(Leaf Inner, int Count);

            /// <summary>Recursive: never shared.</summary>
            [LlmOutput] public partial record Node(string Name, List<Node> Children);

            [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
            [JsonDerivedType(typeof(Circle), "circle")]
            [JsonDerivedType(typeof(Square), "square")]
            public abstract record Shape;

            [LlmOutput] public partial record Circle(double Radius) : Shape;

            public record Square(double Side) : Shape;

            /// <summary>Reaches a derived type of the root's polymorphic member: written out in the root.</summary>
            [LlmOutput] public partial record Holder(Circle Circle, Leaf Leaf);

            [LlmOutput] public partial record Lonely(int X);
        }

        namespace Other.Space
        {
            public partial class Container
            {
                [LlmOutput] public partial record Nested(Frag.Leaf Leaf, Frag.Root? Root);
            }
        }
        """;

    [Fact]
    public void Folded_schema_constants_equal_the_schemas_written_out()
    {
        GeneratorRun run = GeneratorHarness.Run(Source);
        run.AssertNoException();
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());

        // Only the profile diagnostics the shapes ask for: the dictionary (OpenAI, Anthropic) and the recursion (Anthropic).
        Assert.All(run.GeneratorDiagnostics, d => Assert.True(d.Id is "SLLM0005" or "SLLM0009", d.ToString()));
        var specs = run.Result.Results.Single().TrackedSteps[TrackingNames.Parse]
            .SelectMany(s => s.Outputs).Select(o => ((ParseResult)o.Value).Spec).OfType<OutputSpec>()
            .ToDictionary(s => s.HintPrefix);
        Assert.Equal(8, specs.Count);

        int spliced = 0;
        foreach (GeneratedSourceResult source in run.Sources.Where(s => s.HintName.EndsWith(".LlmOutput.g.cs", System.StringComparison.Ordinal)))
        {
            OutputSpec spec = specs[source.HintName.Substring(0, source.HintName.Length - ".LlmOutput.g.cs".Length)];
            IReadOnlyDictionary<string, string> folded = SchemaExtractor.Extract(run, source.HintName);
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(SchemaEmitter.EmitText(spec, (SchemaProfile)i), folded[SchemaExtractor.ProfileArguments[i]]);
            }

            spliced += source.SourceText.ToString().Split("LlmSchemaParts_TestAssembly.").Length - 1;
        }

        // The sharing happened (roots name the leaf's and the middle's bodies), and not where it must not.
        string root = run.Source("Frag.Root.LlmOutput.g.cs");
        Assert.Contains("Frag_Leaf_", root);
        Assert.Contains("Frag_SnakeMiddle_", root);
        Assert.DoesNotContain("Frag_Node_", root);
        Assert.DoesNotContain("Frag_Circle_", root);
        Assert.DoesNotContain("Frag_Holder_", root);
        Assert.DoesNotContain("const string Frag_Node_", run.Source("Frag.Node.LlmOutput.g.cs"));
        Assert.Contains("Frag_Circle_", run.Source("Frag.Holder.LlmOutput.g.cs"));
        Assert.True(spliced > 20, spliced.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Old_language_versions_compile_the_concatenated_constants()
    {
        var options = GeneratorHarness.ParseOptions.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using StructuredLlm;
            namespace Old
            {
                [LlmOutput] public partial class Inner { public int X { get; set; } }
                [LlmOutput] public partial class Outer { public Inner A { get; set; } public List<Inner> B { get; set; } }
            }
            """, parseOptions: options);
        run.AssertNoException();
        Assert.DoesNotContain(run.CompilationProblems(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("Old_Inner_", run.Source("Old.Outer.LlmOutput.g.cs"));
        Assert.Contains("\"items\":{\"type\":\"object\",\"properties\":{\"x\":", SchemaExtractor.Extract(run, "Old.Outer.LlmOutput.g.cs")["jsonSchema"]);
    }
}
