using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// The sink index is built by the first block that asks and answers on demand: each body is scanned for keys only when a
/// question leads to it, and a body's answer is remembered. These cases put the pieces of one flow in different files
/// (so the answer depends on bodies no block of the file has scanned yet), close call cycles (a body must not be taken
/// for "no sink" while a search through it is still open), and run many blocks at once.
/// </summary>
public class DemandIndexTests
{
    private const string Caller = Verify.Usings + """
        public class C
        {
            public void M([FromQuery] string q) => Chain.First({|SLLM1001:q|});
        }
        """;

    [Fact]
    public Task Sink_reached_through_callees_in_other_files() =>
        Verify.AnalyzerFilesAsync(
            Caller,
            Verify.Usings + "public static class Chain { public static void First(string s) => Middle.Second(\"A: \" + s); }",
            Verify.Usings + "public static class Middle { public static void Second(string s) => Last.Third(s + \"!\"); }",
            Verify.Usings + "public static class Last { public static void Third(string s) => new ChatHistory().AddSystemMessage(s); }");

    // First and Second call each other; only Second's other callee reaches the sink. Whichever body is asked first, the
    // other one is still being searched when the cycle closes.
    [Fact]
    public Task Sink_reached_out_of_a_call_cycle() =>
        Verify.AnalyzerFilesAsync(
            Caller,
            Verify.Usings + """
            public class D
            {
                public void N([FromQuery] string q) => Chain.Second({|SLLM1001:q|}, 1);
            }
            """,
            Verify.Usings + """
            public static class Chain
            {
                public static void First(string s) => Second(s, 1);
                public static void Second(string s, int n) { if (n > 0) First(s); else Last.Third(s); }
            }
            """,
            Verify.Usings + "public static class Last { public static void Third(string s) => new ChatHistory().AddSystemMessage(s); }");

    // The search from M finds the sink through Root → A first; B, searched on the way but not on that path, reaches the
    // sink too (through A) and must not be remembered as unable to.
    [Fact]
    public Task A_body_searched_off_the_path_to_the_sink_still_reaches_it() =>
        Verify.AnalyzerFilesAsync(
            Verify.Usings + """
            public class C
            {
                public void M([FromQuery] string q) { H.Root("x"); H.B({|SLLM1001:q|}); }
            }
            """,
            Verify.Usings + """
            public static class H
            {
                public static void Root(string s) { A(s); B(s); }
                public static void A(string s) => new ChatHistory().AddSystemMessage(s);
                public static void B(string s) => A("Rules: " + s);
            }
            """);

    [Fact]
    public Task A_call_cycle_without_a_sink_gives_nothing() =>
        Verify.AnalyzerFilesAsync(
            Verify.Usings + """
            public class C
            {
                public void M([FromQuery] string q) => Chain.First(q);
                public void N([FromQuery] string q) { Chain.Second(q, 2); new ChatHistory().AddSystemMessage("constant"); }
            }
            """,
            Verify.Usings + """
            public static class Chain
            {
                public static string First(string s) => Second(s, 1);
                public static string Second(string s, int n) => n > 0 ? First(s) : s.Trim();
            }
            """);

    // The field that types the conversion slot is declared in another file (another part of the partial class).
    [Fact]
    public Task Conversion_slot_typed_by_a_field_in_another_file() =>
        Verify.AnalyzerFilesAsync(
            Verify.Usings + """
            public class C
            {
                public void M([FromQuery] string q) => new Q().Ask({|SLLM1002:q|});
            }
            """,
            Verify.Usings + "public partial class Q { public void Ask(string s) => _messages.Add(\"Q: \" + s); }",
            Verify.Usings + "public partial class Q { private readonly List<OpenAI.Chat.ChatMessage> _messages = new(); }");

    // The alias is in the sink's file, not the caller's: the index is off for the whole compilation.
    [Fact]
    public Task Prompt_sink_under_an_alias_in_another_file() =>
        Verify.AnalyzerFilesAsync(
            Verify.Usings + """
            public class C
            {
                public void M([FromQuery] string q) => Sinks.Send({|SLLM1001:q|});
            }
            """,
            "using SinkAlias = StructuredLlm.PromptSinkAttribute;\npublic static class Sinks { public static void Send([SinkAlias] string instructions) { } }");

    /// <summary>
    /// Many files whose flows reach the sink only through shared callees, analysed with concurrent execution: every
    /// block asks the index at about the same time, and every flow is still found, once.
    /// </summary>
    [Fact]
    public async Task Concurrent_blocks_find_every_flow()
    {
        const int files = 40;
        var trees = new List<SyntaxTree>
        {
            Parse(Verify.Usings + """
                public static class Shared
                {
                    public static void Relay(string s, int n) { if (n > 0) Relay(s, n - 1); else Hub.Send(s); }
                    public static string Clean(string s) => s.Trim();
                }
                public static class Hub { public static void Send(string s) => new ChatHistory().AddSystemMessage("Rules: " + s); }
                """, "/Shared.cs"),
        };
        for (var i = 0; i < files; i++)
        {
            trees.Add(Parse(Verify.Usings + $$"""
                public class Handler{{i}}
                {
                    public void Flow([FromQuery] string q) => Shared.Relay(q, {{i % 3}});
                    public string NoSink([FromQuery] string q) => Shared.Clean(q);
                }
                """, "/Handler" + i + ".cs"));
        }

        for (var round = 0; round < 3; round++)
        {
            var compilation = CSharpCompilation.Create(
                "Test",
                trees,
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(new[] { new KeyValuePair<string, ReportDiagnostic>("OPENAI001", ReportDiagnostic.Suppress) }));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new PromptInjectionAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);

            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var found = diagnostics.Where(d => d.Id == "SLLM1001").Select(d => d.Location.SourceTree!.FilePath).OrderBy(p => p, System.StringComparer.Ordinal).ToList();
            var expected = Enumerable.Range(0, files).Select(i => "/Handler" + i + ".cs").OrderBy(p => p, System.StringComparer.Ordinal).ToList();
            Assert.Equal(expected, found);
        }

        static SyntaxTree Parse(string text, string path) =>
            CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview), path, cancellationToken: TestContext.Current.CancellationToken);
    }
}
