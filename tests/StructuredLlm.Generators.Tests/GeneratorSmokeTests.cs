using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

public class GeneratorSmokeTests
{
    [Fact]
    public void Generator_runs_on_empty_compilation_without_diagnostics()
    {
        var compilation = CSharpCompilation.Create("Empty", [CSharpSyntaxTree.ParseText("class C {}")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new StructuredLlmGenerator());
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        var result = driver.GetRunResult();
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Results[0].Exception);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Issue_example_generates_four_schemas_and_compiles_cleanly()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.ComponentModel.DataAnnotations;
            using StructuredLlm;

            namespace Support;

            public enum Category { Billing, Technical, Other }

            /// <summary>A customer support ticket, triaged.</summary>
            [LlmOutput]
            public partial record SupportTicket(
                [property: Description("Which team should handle it")] Category Category,
                [property: Range(1, 5)] int Priority,
                string Summary,
                IReadOnlyList<string> Tags,
                string? CustomerEmail);
            """);
        run.AssertClean();
        string code = run.Source("Support.SupportTicket.LlmOutput.g.cs");
        Assert.Contains("public static global::StructuredLlm.LlmOutputInfo<global::Support.SupportTicket> LlmInfo { get; }", code);
        Assert.Contains("StructuredLlm.LlmOutputs.g.cs", run.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void Generated_code_compiles_under_CSharp_7_3_for_old_netstandard_projects()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using StructuredLlm;

            namespace Legacy
            {
                /// <summary>A C# 7.3 class.</summary>
                [LlmOutput]
                public partial class Report
                {
                    /// <summary>Title.</summary>
                    public string Title { get; set; }
                    /// <summary>Lines.</summary>
                    public List<string> Lines { get; set; }
                }
            }
            """, parseOptions: new CSharpParseOptions(LanguageVersion.CSharp7_3, DocumentationMode.Diagnose));
        run.AssertClean();
        string code = run.Source("Legacy.Report.LlmOutput.g.cs");
        Assert.DoesNotContain("#nullable", code);
        Assert.DoesNotContain("ILlmOutput", code);
        // The reader is generated in its C# 7.3 form (no nullable annotations, no switch expression) and compiles (AssertClean above).
        Assert.DoesNotContain("#nullable", run.Source("Legacy.Report.LlmReader.g.cs"));
        Assert.Contains("reader: __LlmReader.ReadReport", code);
        Assert.DoesNotContain("[global::System.Runtime.CompilerServices.ModuleInitializer]", run.Source("StructuredLlm.LlmOutputs.g.cs"));
    }

    [Fact]
    public void Types_whose_names_differ_only_in_case_get_distinct_hint_names()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using StructuredLlm;
            namespace Cases;
            #pragma warning disable CS8981 // the user's own lower-case name; the generated declaration must not warn again
            /// <summary>Upper.</summary>
            [LlmOutput] public partial record Foo(int X);
            /// <summary>Lower.</summary>
            [LlmOutput(Name = "foo_lower")] public partial record foo(int Y);
            /// <summary>Unrelated.</summary>
            [LlmOutput] public partial record Bar(int Z);
            """);
        run.AssertClean();
        var hints = run.Sources.Select(s => s.HintName).Where(h => !h.EndsWith(".LlmReader.g.cs", System.StringComparison.Ordinal)).OrderBy(h => h, System.StringComparer.Ordinal).ToList();
        Assert.Equal(4, hints.Count);
        Assert.Equal(3, run.Sources.Count(s => s.HintName.EndsWith(".LlmReader.g.cs", System.StringComparison.Ordinal)));
        Assert.Single(run.Sources, s => s.HintName.StartsWith("Cases.foo.", System.StringComparison.Ordinal) && s.HintName.EndsWith(".LlmReader.g.cs", System.StringComparison.Ordinal));
        Assert.Contains("Cases.Bar.LlmOutput.g.cs", hints);
        Assert.Single(hints, h => h.StartsWith("Cases.Foo.", System.StringComparison.Ordinal) && h.Length == "Cases.Foo.12345678.LlmOutput.g.cs".Length);
        Assert.Single(hints, h => h.StartsWith("Cases.foo.", System.StringComparison.Ordinal) && h.Length == "Cases.foo.12345678.LlmOutput.g.cs".Length);
    }

    [Fact]
    public void Keyword_and_lower_case_names_are_escaped_in_generated_declarations()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using StructuredLlm;
            namespace @event.inner;
            #pragma warning disable CS8981
            /// <summary>Outer.</summary>
            public partial class @class
            {
                /// <summary>Inner.</summary>
                [LlmOutput(Name = "record_type")] public partial record @record(int @int);
                /// <summary>Lower.</summary>
                [LlmOutput] public partial record lower(int x);
            }
            """);
        run.AssertClean();
        Assert.Contains("partial class @class", run.Source("event.inner.class.record.LlmOutput.g.cs"));
        Assert.Contains("namespace @event.inner", run.Source("event.inner.class.record.LlmOutput.g.cs"));
    }
}
