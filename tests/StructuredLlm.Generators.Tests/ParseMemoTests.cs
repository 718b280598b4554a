using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Generators.Model;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

/// <summary>
/// A root reuses the subtree another root of the same compilation parsed (each [LlmOutput] root parses the types nested
/// in it). The parse result must not depend on it: a root parsed first, with nothing to reuse, gives the same spec,
/// diagnostics and member locations as the same root parsed last, after the others recorded their subtrees.
/// </summary>
public class ParseMemoTests
{
    private static readonly string[] Files =
    {
        """
        using StructuredLlm;
        namespace N1
        {
            public enum Color { Red, Blue }
            public record Item(int X);
            /// <summary>A leaf.</summary>
            [LlmOutput] public partial record Leaf(Color Color, Item Item, string? Note);
        }
        """,
        """
        using System.Collections.Generic;
        using StructuredLlm;
        namespace N2
        {
            public record Item(string Y);
            [LlmOutput(NamingPolicy = LlmNamingPolicy.SnakeCaseLower)]
            public partial record Mid(Item OwnItem, N1.Leaf? MaybeLeaf, List<N1.Leaf> Leaves, N1.Item LeafItem);
        }
        """,
        """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using StructuredLlm;
        namespace N3
        {
            [LlmOutput] public partial record Top(N1.Leaf Leaf, N2.Mid Mid, N1.Color Color, Bad Bad, Node Node, Shape Shape);
            public record Bad(object Whatever, N1.Leaf Leaf);
            public record Node(List<Node> Kids, N1.Leaf Leaf);
            [JsonPolymorphic] [JsonDerivedType(typeof(Circle), "circle")] public abstract record Shape;
            public record Circle(double R, N1.Leaf Leaf) : Shape;
        }
        """,
        """
        using StructuredLlm;
        namespace N4
        {
            [LlmOutput] public partial record Other(N2.Item First, N3.Top Top, N2.Mid? Mid, N3.Node Node);
        }
        """,
    };

    [Fact]
    public void A_root_parses_the_same_whichever_roots_were_parsed_before_it()
    {
        // Each root parsed first (its file first): nothing recorded by other roots to reuse.
        var fresh = new Dictionary<string, ParseResult>();
        for (int first = 0; first < Files.Length; first++)
        {
            int[] order = new[] { first }.Concat(Enumerable.Range(0, Files.Length).Where(i => i != first)).ToArray();
            ParseResult result = Parse(order).Values.Single(r => r.RootLocation!.FilePath == $"/src/File{first}.cs");
            fresh.Add(result.Spec!.Name, result);
        }

        Assert.Equal(new[] { "Leaf", "Mid", "Other", "Top" }, fresh.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        foreach (int[] order in Permutations(Enumerable.Range(0, Files.Length).ToArray()))
        {
            foreach ((string name, ParseResult result) in Parse(order))
            {
                Assert.True(fresh[name].Equals(result), $"{name} differs after the order {string.Join(",", order)}");
            }
        }

        // A nested type's own problem still reaches every root that reaches it ('object' member of Bad).
        Assert.Contains(fresh["Top"].Diagnostics, d => d.MessageArgs.Any(a => a.Contains("Whatever")));
        Assert.Contains(fresh["Other"].Diagnostics, d => d.MessageArgs.Any(a => a.Contains("Whatever")));
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            foreach (int[] rest in Permutations(items.Where((_, j) => j != i).ToArray()))
            {
                yield return new[] { items[i] }.Concat(rest).ToArray();
            }
        }
    }

    // The files in this order, each at its own path whatever the order (member locations name the file).
    private static Dictionary<string, ParseResult> Parse(int[] order)
    {
        CSharpCompilation template = GeneratorHarness.CreateCompilation(System.Array.Empty<string>());
        CSharpCompilation compilation = template.AddSyntaxTrees(order.Select(i => CSharpSyntaxTree.ParseText(Files[i], GeneratorHarness.ParseOptions, path: $"/src/File{i}.cs")));
        GeneratorRun run = GeneratorHarness.Run(compilation);
        run.AssertNoException();
        return run.Result.Results.Single().TrackedSteps[TrackingNames.Parse]
            .SelectMany(s => s.Outputs).Select(o => (ParseResult)o.Value).Where(r => r.Spec is not null)
            .ToDictionary(r => r.Spec!.Name);
    }
}
