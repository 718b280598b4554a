using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace StructuredLlm.Analyzers.Tests.Infrastructure;

/// <summary>Markup-based analyzer and code-fix verification against the real LLM packages.</summary>
internal static class Verify
{
    /// <summary>Usings every test source starts with (kept on one line so markup line numbers stay obvious).</summary>
    public const string Usings =
        "using System; using System.Collections.Generic; using System.IO; using System.Linq; using System.Net.Http; using System.Text; using System.Threading.Tasks; "
        + "using Microsoft.AspNetCore.Builder; using Microsoft.AspNetCore.Http; using Microsoft.AspNetCore.Mvc; using Microsoft.Extensions.AI; using Microsoft.SemanticKernel; using Microsoft.SemanticKernel.ChatCompletion; using StructuredLlm;\n";

    public static DiagnosticResult Diagnostic(string id) => new(id, id switch
    {
        "SLLM1002" => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Warning,
    });

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, editorConfig: null, expected);

    public static Task AnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected) =>
        WithAndWithoutOpenAIAsync(new[] { source }, editorConfig, expected);

    /// <summary>Several files (markup in any of them), with and without OpenAI as <see cref="AnalyzerAsync(string, DiagnosticResult[])"/>.</summary>
    public static Task AnalyzerFilesAsync(params string[] sources) =>
        WithAndWithoutOpenAIAsync(sources, editorConfig: null, Array.Empty<DiagnosticResult>());

    /// <summary>As <see cref="AnalyzerAsync(string, string?, DiagnosticResult[])"/>, with Semantic Kernel's agents (<see cref="SkAgentsReference"/>) referenced too.</summary>
    public static Task AgentsAnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected) =>
        WithAndWithoutOpenAIAsync(new[] { source }, editorConfig, expected, SkAgentsReference.Reference);

    private static async Task WithAndWithoutOpenAIAsync(string[] sources, string? editorConfig, DiagnosticResult[] expected, MetadataReference? extra = null)
    {
        await AnalyzerAsync(sources, editorConfig, With(TestReferences.All), expected);

        // The syntactic sink index differs with and without OpenAI (whose implicit string → ChatMessage conversion sink
        // adds every name that can type such a slot), so a test that does not use OpenAI runs again without it.
        if (!sources.Any(s => s.Contains("OpenAI", StringComparison.Ordinal)))
        {
            await AnalyzerAsync(sources, editorConfig, With(TestReferences.WithoutOpenAI), expected);
        }

        ImmutableArray<MetadataReference> With(ImmutableArray<MetadataReference> references) => extra is null ? references : references.Add(extra);
    }

    private static async Task AnalyzerAsync(string[] sources, string? editorConfig, ImmutableArray<MetadataReference> references, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<PromptInjectionAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
        };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/Test" + i + ".cs", sources[i]));
        }

        test.TestState.AdditionalReferences.AddRange(references);
        test.SolutionTransforms.Add(SuppressExperimental);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    public static async Task CodeFixAsync<TFix>(string source, string fixedSource, int codeActionIndex = 0, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<PromptInjectionAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
            CodeActionIndex = codeActionIndex,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add(SuppressExperimental);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>OpenAI marks some types (DeveloperChatMessage, ...) [Experimental] as OPENAI001 errors.</summary>
    private static Solution SuppressExperimental(Solution solution, ProjectId projectId)
    {
        var options = solution.GetProject(projectId)!.CompilationOptions!;
        return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(
            options.SpecificDiagnosticOptions.SetItem("OPENAI001", ReportDiagnostic.Suppress)));
    }

    /// <summary>Runs the analyzer directly and returns every diagnostic, including analyzer exceptions (AD0001).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, IEnumerable<MetadataReference>? references = null, string? globalConfig = null)
    {
        var diagnostics = await RunCoreAsync(source, references, globalConfig);
        if (references is null && !source.Contains("OpenAI", StringComparison.Ordinal))
        {
            // As in AnalyzerAsync: without OpenAI (and its conversion sink), the same diagnostics.
            var withIndex = await RunCoreAsync(source, TestReferences.WithoutOpenAI, globalConfig);
            Assert.Equal(diagnostics.Select(Describe), withIndex.Select(Describe));
        }

        return diagnostics;

        static string Describe(Diagnostic d) => d.Id + " " + d.Location.SourceSpan + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<ImmutableArray<Diagnostic>> RunCoreAsync(string source, IEnumerable<MetadataReference>? references, string? globalConfig)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/Test0.cs", cancellationToken: TestContext.Current.CancellationToken);
        var compilation = CSharpCompilation.Create(
            "Test",
            new[] { tree },
            references ?? TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new[] { new KeyValuePair<string, ReportDiagnostic>("OPENAI001", ReportDiagnostic.Suppress) }));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestConfigProvider(globalConfig));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new PromptInjectionAnalyzer()),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(TestContext.Current.CancellationToken);
        return diagnostics.Where(d => d.Id.StartsWith("SLLM", System.StringComparison.Ordinal) || d.Id == "AD0001").OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    internal sealed class TestConfigProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestConfig _options;

        public TestConfigProvider(string? config)
        {
            var values = new Dictionary<string, string>();
            foreach (var line in (config ?? string.Empty).Split('\n'))
            {
                var eq = line.IndexOf('=');
                if (eq > 0)
                {
                    values[line.Substring(0, eq).Trim()] = line.Substring(eq + 1).Trim();
                }
            }

            _options = new TestConfig(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class TestConfig : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public TestConfig(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
