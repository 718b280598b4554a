using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Generators.Model;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

public class IncrementalTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using StructuredLlm;

        namespace Inc;

        public enum Color { Red, Green }

        [JsonDerivedType(typeof(Cat), "cat")]
        [JsonDerivedType(typeof(Dog), "dog")]
        public abstract record Pet(string Name);
        public record Cat(string Name, bool Indoor) : Pet(Name);
        public record Dog(string Name, int Barks) : Pet(Name);

        /// <summary>A node.</summary>
        [LlmOutput]
        public partial record Node([property: Range(1, 9)] int Level, Color Color, List<Node> Children, Pet? Pet, Dictionary<string, int> Bag);

        [LlmOutput]
        public partial class Other { public string? Text { get; set; } }
        """;

    private const string Unrelated = "namespace Inc; public class Unrelated { public int Value => 1; }";

    [Fact]
    public void Rerun_on_unchanged_compilation_is_fully_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { Source, Unrelated });
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        driver = driver.RunGenerators(compilation.Clone(), TestContext.Current.CancellationToken);
        AssertAllTrackedStepsCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void Unrelated_edit_regenerates_nothing()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { Source, Unrelated });
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        SyntaxTree old = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
            "namespace Inc; public class Unrelated { public int Value => 2; public string Name => \"x\"; }", GeneratorHarness.ParseOptions, old.FilePath));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        AssertAllTrackedStepsCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { Source });
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, GeneratorHarness.ParseOptions, "/src/New.cs"));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        AssertAllTrackedStepsCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void Editing_a_member_regenerates_only_that_type()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { Source, "using StructuredLlm; namespace Inc2; [LlmOutput] public partial record Solo(int A);" });
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        SyntaxTree old = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
            "using StructuredLlm; namespace Inc2; [LlmOutput] public partial record Solo(int A, string B);", GeneratorHarness.ParseOptions, old.FilePath));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var parseReasons = result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, parseReasons);
        Assert.Equal(2, parseReasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var emitted = SourceOutputs(result).ToList();
        Assert.Contains(emitted, o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Unrelated_edit_reruns_only_the_parse_not_the_profile_check_or_the_emitters()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { Source, Unrelated });
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        SyntaxTree old = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(
            "namespace Inc; public class Unrelated { public int Value => 3; }", GeneratorHarness.ParseOptions, old.FilePath));
        GeneratorRunResult result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        // Roslyn reruns the attribute transform for every target after any edit; its result compares equal (Unchanged).
        var parse = result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, parse.Count);
        Assert.All(parse, o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        // Everything after it is skipped (Cached): the profile check and the source output, which build all the text.
        var limits = result.TrackedSteps[TrackingNames.ProfileLimits].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, limits.Count);
        Assert.All(limits, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        var emitted = SourceOutputs(result).ToList();
        Assert.NotEmpty(emitted);
        Assert.All(emitted, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Parse_step_holds_no_generated_text_and_leaves_profile_limits_to_the_next_step()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(Source), TestContext.Current.CancellationToken);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        ParseResult parsed = result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => (ParseResult)o.Value).Single(r => r.Spec?.Name == "Node");

        // The parse reruns on every edit, so it must not build schema or C# text (Node's schemas are several KB).
        var strings = new List<string>();
        CollectStrings(parsed, new HashSet<object>(ReferenceEqualityComparer.Instance), strings);
        Assert.NotEmpty(strings);
        Assert.DoesNotContain(strings, s => s.Contains("\"additionalProperties\"", StringComparison.Ordinal) || s.Contains("auto-generated", StringComparison.Ordinal));
        Assert.True(strings.Max(s => s.Length) < 200, $"longest string in the parse result: {strings.Max(s => s.Length)} chars");

        // Node has a Dictionary<string, int>: the strict-profile diagnostic comes from the ProfileLimits step, not the parse.
        Assert.DoesNotContain(parsed.Diagnostics, d => d.Descriptor.Id == "SLLM0005");
        var checkedNode = result.TrackedSteps[TrackingNames.ProfileLimits].SelectMany(s => s.Outputs)
            .Select(o => (StructuredLlm.Generators.Diagnostics.CheckedResult)o.Value).Single(r => r.Spec?.Name == "Node");
        Assert.Contains(checkedNode.Diagnostics, d => d.Descriptor.Id == "SLLM0005" && d.Location is not null && d.MessageArgs.Contains("Node.Bag"));
    }

    private static void CollectStrings(object? value, HashSet<object> visited, List<string> strings)
    {
        if (value is string s)
        {
            strings.Add(s);
            return;
        }

        if (value is null || value.GetType().IsPrimitive || value.GetType().IsEnum || value is DiagnosticDescriptor || !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable enumerable)
        {
            foreach (object? item in enumerable)
            {
                CollectStrings(item, visited, strings);
            }
        }

        for (Type? t = value.GetType(); t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                CollectStrings(field.GetValue(value), visited, strings);
            }
        }
    }

    [Fact]
    public void Model_graph_holds_no_symbols_syntax_compilation_or_locations()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { Source });
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        int walked = 0;
        foreach (string step in TrackingNames.All)
        {
            if (!result.TrackedSteps.TryGetValue(step, out var runs))
            {
                continue;
            }

            foreach (IncrementalGeneratorRunStep run in runs)
            {
                foreach ((object value, _) in run.Outputs)
                {
                    AssertNoForbiddenTypes(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step);
                    walked++;
                }
            }
        }

        Assert.True(walked >= 5, $"only {walked} step outputs were walked");
    }

    [Fact]
    public void Equal_input_gives_equal_and_hash_equal_specs()
    {
        ParseResult a = ParseOnly(Source);
        ParseResult b = ParseOnly(Source);
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotNull(a.Spec);

        ParseResult c = ParseOnly(Source.Replace("Range(1, 9)", "Range(1, 8)"));
        Assert.NotEqual(a, c);
    }

    private static ParseResult ParseOnly(string source)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(source), TestContext.Current.CancellationToken);
        return driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Parse]
            .SelectMany(s => s.Outputs).Select(o => (ParseResult)o.Value).First(r => r.Spec?.Name == "Node");
    }

    private static void AssertAllTrackedStepsCachedOrUnchanged(GeneratorDriverRunResult runResult)
    {
        GeneratorRunResult result = runResult.Results.Single();
        Assert.Null(result.Exception);
        var seen = new HashSet<string>();
        foreach ((string name, var runs) in result.TrackedSteps)
        {
            if (!TrackingNames.All.Contains(name))
            {
                continue;
            }

            seen.Add(name);
            foreach (IncrementalGeneratorRunStep run in runs)
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} output was {reason}");
                }
            }
        }

        foreach (var output in SourceOutputs(result))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step was {output.Reason}");
        }

        // Every named step ran, so a renamed or untracked step cannot make this test vacuous.
        Assert.Equal(TrackingNames.All.OrderBy(x => x), seen.OrderBy(x => x));
    }

    /// <summary>
    /// The outputs of the steps that add sources: every output step except the diagnostics report, which reruns on each
    /// compilation change (it locates diagnostics in the compilation's trees) and adds no source.
    /// </summary>
    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(step => !step.Inputs.Any(i => i.Source.Name == TrackingNames.DiagnosticsReport))
            .SelectMany(s => s.Outputs);

    private static readonly Type[] Forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(SyntaxTree) };

    private static void AssertNoForbiddenTypes(object? value, HashSet<object> visited, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        if (value is DiagnosticDescriptor)
        {
            return; // an immutable singleton
        }

        if (value is IEnumerable enumerable)
        {
            int i = 0;
            foreach (object? item in enumerable)
            {
                AssertNoForbiddenTypes(item, visited, $"{path}[{i++}]");
            }
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Assert.False(Forbidden.Any(f => f.IsAssignableFrom(field.FieldType)), $"{path}.{field.Name} is declared as {field.FieldType.FullName}");
                AssertNoForbiddenTypes(field.GetValue(value), visited, path + "." + field.Name);
            }
        }
    }
}
