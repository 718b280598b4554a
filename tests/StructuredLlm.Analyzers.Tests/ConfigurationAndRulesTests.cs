using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

public class ConfigurationTests
{
    private const string Code = """
        namespace App
        {
            public class Store { public string Load(string id) => id; public string Title { get; set; } = ""; }
            public class Doc { public string Body { get; set; } = ""; }
            public static class Llm { public static void Send(string prompt) { } public static void Ask(string question) { } }
            public class Sink { public Sink(string prompt) { } }
            public static class Clean { public static string Scrub(string s) => s; }
            public class C
            {
                ChatHistory history = new();
                public void M(Store store, Doc doc, [FromQuery] string q)
                {
                    history.AddSystemMessage(SOURCE);
                    SINK;
                    history.AddSystemMessage(Clean.Scrub(q));
                }
            }
        }
        """;

    private static string Source(string source, string sink) => Verify.Usings + Code.Replace("SOURCE", source).Replace("SINK", sink);

    [Fact]
    public async Task Without_options_only_built_in_entries_apply()
    {
        var diagnostics = await Verify.RunAsync(Source("store.Load(\"1\") + doc.Body + store.Title", "Llm.Send(q)"));
        var d = Assert.Single(diagnostics);
        Assert.Contains("Clean.Scrub(q)", d.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(d.Location.SourceSpan), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Extra_sources_by_method_property_and_type() =>
        Verify.AnalyzerAsync(
            Source("{|SLLM1001:store.Load(\"1\")|}); history.AddSystemMessage({|SLLM1001:store.Title|}); history.AddSystemMessage({|SLLM1001:doc.Body|}", "Llm.Send(\"x\")")
                .Replace("history.AddSystemMessage(Clean.Scrub(q));", "history.AddSystemMessage({|SLLM1001:Clean.Scrub(q)|});"),
            "structuredllm.prompt_injection.extra_sources = M:App.Store.Load(System.String) | P:App.Store.Title T:App.Doc\n");

    /// <summary>A value of a type parameter constrained to a configured source type is one of those values.</summary>
    [Fact]
    public Task A_type_parameter_constrained_to_a_source_type_is_a_source() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            namespace Kb
            {
                public class Doc { public string Body { get; set; } = ""; }
                public class Repo<TDoc>(ChatHistory history) where TDoc : Doc
                {
                    public void Add(TDoc d) => history.AddSystemMessage({|SLLM1001:"Doc: " + d.Body|});
                    public static string Generic<T>(T d) where T : Doc => "Doc: " + d.Body;
                    public void Use(TDoc d) => history.AddSystemMessage({|SLLM1001:Generic(d)|});
                    public static string Plain<T>(T d) where T : class => d.ToString() ?? "";
                }
            }
            """,
            "structuredllm.prompt_injection.extra_sources = T:Kb.Doc\n");

    [Fact]
    public Task Extra_sinks_with_roles_and_sanitizers() =>
        Verify.AnalyzerAsync(
            Source("\"fixed\"", "Llm.Send({|SLLM1001:q|}); Llm.Ask(q); Llm.Ask({|SLLM1002:\"Q: \" + q|}); _ = new Sink({|SLLM1001:q|})"),
            "structuredllm.prompt_injection.extra_sinks = M:App.Llm.Send(System.String) M:App.Llm.Ask(System.String)=user M:App.Sink.@ctor(System.String)\n"
            + "structuredllm.prompt_injection.sanitizers = M:App.Clean.Scrub(System.String)\n");

    /// <summary>
    /// A configured sink is the app's own prompt API: any parameter that can hold text is the sink, whatever its type;
    /// one with no such parameter is reported (SLLM1005) instead of silently doing nothing.
    /// </summary>
    [Fact]
    public async Task Configured_sinks_take_any_parameter_that_can_hold_text()
    {
        const string Code = """
            namespace App
            {
                public static class Llm
                {
                    public static void FromObject(object o) { }
                    public static void FromParams(params string[] parts) { }
                    public static void FromList(IEnumerable<string> parts) { }
                    public static void FromBuilder(StringBuilder sb) { }
                    public static void FromFormattable(FormattableString f) { }
                    public static void Count(int n) { }
                }
                public class C
                {
                    public void M([FromQuery] string q)
                    {
                        Llm.FromObject({|SLLM1001:"Rules: " + q|});
                        Llm.FromParams("Rules:", {|SLLM1001:q|});
                        Llm.FromList({|SLLM1001:new[] { "Rules:", q }|});
                        Llm.FromBuilder({|SLLM1001:new StringBuilder("Rules: ").Append(q)|});
                        Llm.FromFormattable({|SLLM1001:$"Rules: {q}"|});
                        Llm.FromParams("Rules:", "fixed");
                        Llm.Count(q.Length);
                    }
                }
            }
            """;
        const string Config = "structuredllm.prompt_injection.extra_sinks = M:App.Llm.FromObject(System.Object) M:App.Llm.FromParams(System.String[]) "
            + "M:App.Llm.FromList(System.Collections.Generic.IEnumerable{System.String}) M:App.Llm.FromBuilder(System.Text.StringBuilder) M:App.Llm.FromFormattable(System.FormattableString)\n";
        await Verify.AnalyzerAsync(Verify.Usings + Code, Config);

        var diagnostics = await Verify.RunAsync(Verify.Usings + Code.Replace("{|SLLM1001:", "", System.StringComparison.Ordinal).Replace("|}", "", System.StringComparison.Ordinal),
            globalConfig: "structuredllm.prompt_injection.extra_sinks = M:App.Llm.Count(System.Int32)\n");
        Assert.Contains(diagnostics, d => d.Id == "SLLM1005" && d.GetMessage(CultureInfo.InvariantCulture).Contains("no parameter that can hold text", System.StringComparison.Ordinal));
    }

    /// <summary>A configured interface, abstract or virtual member covers its implementations and overrides: a call on the concrete type binds to them.</summary>
    [Fact]
    public Task Configured_interface_and_virtual_members_cover_their_implementations() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            namespace App
            {
                public interface IPrompter { void SetSystem(string text); }
                public sealed class Prompter : IPrompter { public void SetSystem(string text) { } }
                public abstract class Feed { public abstract string Next(); }
                public sealed class RssFeed : Feed { public override string Next() => "item"; }
                public interface IStore { string Load(); }
                public sealed class Store : IStore { public string Load() => "row"; }
                public class C
                {
                    public void M([FromQuery] string q, Prompter p, RssFeed rss, Store store, ChatHistory history)
                    {
                        p.SetSystem({|SLLM1001:"Q: " + q|});
                        ((IPrompter)p).SetSystem({|SLLM1001:"Q: " + q|});
                        history.AddSystemMessage({|SLLM1001:"Item: " + rss.Next()|});
                        history.AddSystemMessage({|SLLM1001:"Row: " + store.Load()|});
                        p.SetSystem("fixed");
                    }
                }
            }
            """,
            "structuredllm.prompt_injection.extra_sinks = M:App.IPrompter.SetSystem(System.String)\n"
            + "structuredllm.prompt_injection.extra_sources = M:App.Feed.Next M:App.IStore.Load\n");

    [Fact]
    public async Task Unresolvable_entries_are_reported_once_each()
    {
        var diagnostics = await Verify.RunAsync(
            Source("\"fixed\"", "Llm.Send(q)"),
            globalConfig: "structuredllm.prompt_injection.extra_sinks = M:App.Llm.Missing(System.String);M:App.Llm.Send(System.String)=boss\n"
                + "structuredllm.prompt_injection.sanitizers = Clean.Scrub\n"
                + "structuredllm.prompt_injection.interprocedural_depth = 7\n");
        var messages = diagnostics.Where(d => d.Id == "SLLM1005").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(4, messages.Length);
        Assert.Contains(messages, m => m.Contains("'structuredllm.prompt_injection.extra_sinks' entry 'M:App.Llm.Missing(System.String)'", System.StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("entry 'M:App.Llm.Send(System.String)=boss'", System.StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'structuredllm.prompt_injection.sanitizers' entry 'Clean.Scrub'", System.StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'structuredllm.prompt_injection.interprocedural_depth' entry '7'", System.StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public void Severities_are_configurable()
    {
        // dotnet_diagnostic.SLLM100x.severity works for every rule: none is marked NotConfigurable.
        foreach (var descriptor in new PromptInjectionAnalyzer().SupportedDiagnostics)
        {
            Assert.DoesNotContain(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
            Assert.True(descriptor.IsEnabledByDefault);
        }
    }
}

public class RuleTests
{
    [Fact]
    public Task AllowDangerouslySetContent_true_is_reported_everywhere_it_can_be_set() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            class C
            {
                void M(bool flag)
                {
                    var config = new PromptTemplateConfig("Hello {{$name}}") { {|SLLM1004:AllowDangerouslySetContent = true|} };
                    {|SLLM1004:config.AllowDangerouslySetContent = flag|};
                    config.AllowDangerouslySetContent = false;
                    {|SLLM1004:config.AllowDangerouslySetContent |= flag|};
                    config.AllowDangerouslySetContent &= flag;
                    config.AllowDangerouslySetContent |= false;
                    var variable = new InputVariable { Name = "name", {|SLLM1004:AllowDangerouslySetContent = true|} };
                    var factory = new KernelPromptTemplateFactory { {|SLLM1004:AllowDangerouslySetContent = true|} };
                }
            }
            """);

    [Fact]
    public async Task Messages_name_source_and_sink_and_locations_point_at_both()
    {
        var source = Verify.Usings + """
            public record AskRequest(string CustomerMessage);
            public class Api
            {
                public ChatMessage Build([FromBody] AskRequest request) =>
                    new ChatMessage(ChatRole.System, $"Help the customer. They said: {request.CustomerMessage}");
                public Task<ChatResponse> Ask(IChatClient client, [FromBody] AskRequest request) =>
                    client.GetResponseAsync("Summarise: " + request.CustomerMessage);
                public Task Template(Kernel kernel, [FromQuery] string topic) => kernel.InvokePromptAsync($"Write about {topic}");
            }
            """;
        var diagnostics = await Verify.RunAsync(source);
        Assert.Equal(3, diagnostics.Length);
        var text = diagnostics[0].Location.SourceTree!.GetText(TestContext.Current.CancellationToken);
        string At(Location l) => text.ToString(l.SourceSpan);

        Assert.Equal("'request.CustomerMessage' (HTTP request body) flows into the system message", diagnostics[0].GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics[0].Severity);
        Assert.Equal("$\"Help the customer. They said: {request.CustomerMessage}\"", At(diagnostics[0].Location));
        Assert.Equal("request.CustomerMessage", At(diagnostics[0].AdditionalLocations[0]));
        Assert.Equal("https://github.com/structuredllm/structuredllm/blob/main/docs/diagnostics/SLLM1001.md", diagnostics[0].Descriptor.HelpLinkUri);

        Assert.Equal("SLLM1002", diagnostics[1].Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostics[1].Severity);
        Assert.StartsWith("'request.CustomerMessage' (HTTP request body) is concatenated into the user message", diagnostics[1].GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

        Assert.Equal("SLLM1003", diagnostics[2].Id);
        Assert.StartsWith("'topic' (query string) flows into the Semantic Kernel prompt template", diagnostics[2].GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal("topic", At(diagnostics[2].AdditionalLocations[0]));
        Assert.Equal("topic", At(diagnostics[2].AdditionalLocations[1]));
    }

    [Fact]
    public async Task Every_descriptor_has_a_help_page_and_release_entry()
    {
        var analyzer = new PromptInjectionAnalyzer();
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.AppContext.BaseDirectory, "../../../../../"));
        var releases = await System.IO.File.ReadAllTextAsync(System.IO.Path.Combine(root, "src/StructuredLlm.Analyzers/AnalyzerReleases.Unshipped.md"), TestContext.Current.CancellationToken);
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(root, "docs/diagnostics", descriptor.Id + ".md")), descriptor.Id);
            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, releases, System.StringComparison.Ordinal);
        }
    }
}

public class RobustnessTests
{
    [Fact]
    public async Task Nothing_runs_when_no_llm_api_is_referenced()
    {
        var diagnostics = await Verify.RunAsync(
            "class C { void M() { var s = System.Console.ReadLine(); System.Console.WriteLine(s); } }",
            TestReferences.Without("Microsoft.Extensions.AI", "Microsoft.Extensions.AI.Abstractions", "Microsoft.SemanticKernel.Abstractions", "Microsoft.SemanticKernel.Core", "OpenAI", "StructuredLlm"));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task Generated_code_is_not_analyzed() =>
        Verify.AnalyzerAsync("// <auto-generated/>\n" + Verify.Usings + """
            class C { void M(ChatHistory h) { h.AddSystemMessage(Console.ReadLine()!); } }
            """);

    [Theory]
    [InlineData("history.AddSystemMessage(Console.ReadLine() +")]
    [InlineData("history.AddSystemMessage($\"Rules {Console.ReadLine()")]
    [InlineData("var x = Console.ReadLine(); history.AddSystemMessage(x")]
    [InlineData("var x = Console.ReadLine(); history.AddSystemMessage(x, )")]
    [InlineData("var x = Console.ReadLine(); history.AddSystemMessage(x).Foo(")]
    [InlineData("var x = Console.ReadLine(); Unknown.Call(x); history.AddSystemMessage(Unknown.Make(x));")]
    [InlineData("var x = Console.ReadLine(); new ChatMessage(ChatRole.System, x, x, x);")]
    [InlineData("var x = Console.ReadLine(); new ChatMessage(UnknownRole.System, x);")]
    [InlineData("var x = Console.ReadLine(); history.AddMessage(, x);")]
    [InlineData("var x = Console.ReadLine(); Func<string> f = () => ; history.AddSystemMessage(f());")]
    [InlineData("string Local(string s) => Local(s); history.AddSystemMessage(Local(Console.ReadLine()!));")]
    [InlineData("var (a, b) = Console.ReadLine(); history.AddSystemMessage(a);")]
    [InlineData("foreach (var in Console.ReadLine()) history.AddSystemMessage(")]
    [InlineData("history.AddSystemMessage(Prompt.Untrusted(")]
    [InlineData("await kernel.InvokePromptAsync(Console.ReadLine()!, new KernelArguments { [\"x\"] = ")]
    public async Task Incomplete_code_as_typed_never_crashes_the_analyzer(string body)
    {
        var source = Verify.Usings + """
            public class C
            {
                ChatHistory history = new();
                Kernel kernel = null!;
                public async Task M()
                {
                    BODY
                }
                public string Recursive(string s) => Recursive(s) + Missing(s);
            }
            """.Replace("BODY", body);
        var diagnostics = await Verify.RunAsync(source);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Code_that_does_not_bind_does_not_mix_untrusted_values()
    {
        // The call does not bind (no such type): its arguments' taint passes through whole, so the user message is not
        // reported as mixed; the system message still is.
        var source = Verify.Usings + """
            public class C
            {
                public void M(ChatHistory history, [FromQuery] string q, ChatResponse reply)
                {
                    string combined = Missing.Combine(q, reply.Text);
                    history.AddUserMessage(combined);
                    history.AddSystemMessage(combined);
                }
            }
            """;
        var diagnostics = await Verify.RunAsync(source);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Equal("SLLM1001", Assert.Single(diagnostics, d => d.Id.StartsWith("SLLM", System.StringComparison.Ordinal)).Id);
    }

    /// <summary>
    /// A sink call whose argument holds a name that does not resolve (being typed, or from a package that did not
    /// restore) is still the sink: the call names one method, whose sink parameter the argument goes to.
    /// </summary>
    [Fact]
    public async Task A_sink_call_with_an_unresolved_name_in_its_argument_is_still_checked()
    {
        var source = Verify.Usings + """
            public class C
            {
                public void M(ChatHistory history, [FromQuery] string q)
                {
                    history.AddSystemMessage("A: " + q + Helper.Unknown(q));
                    history.AddSystemMessage("B: " + q + undefinedLocal);
                    history.AddSystemMessage("C: " + q.NoSuchMethod());
                    history.AddSystemMessage("D: fixed" + undefinedLocal);
                    history.AddUserMessage("Translate: " + q + undefinedLocal);
                }
            }
            """;
        var diagnostics = await Verify.RunAsync(source);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var lines = diagnostics.Where(d => d.Id.StartsWith("SLLM", System.StringComparison.Ordinal))
            .Select(d => d.Id + ":" + d.Location.GetLineSpan().StartLinePosition.Line).ToArray();
        int first = source.Split('\n').ToList().FindIndex(l => l.Contains("\"A: \"", System.StringComparison.Ordinal));
        Assert.Equal(new[] { $"SLLM1001:{first}", $"SLLM1001:{first + 1}", $"SLLM1001:{first + 2}", $"SLLM1002:{first + 4}" }, lines);
    }

    [Fact]
    public async Task Missing_references_leave_error_types_without_crashing()
    {
        // Semantic Kernel is missing: ChatHistory, Kernel and AuthorRole are error types; M.E.AI still works.
        var source = Verify.Usings.Replace("using Microsoft.SemanticKernel; using Microsoft.SemanticKernel.ChatCompletion; ", string.Empty) + """
            public class C
            {
                public void M(ChatHistory history, Kernel kernel, [FromQuery] string q)
                {
                    history.AddSystemMessage(q);
                    history.AddMessage(AuthorRole.System, q);
                    kernel.InvokePromptAsync(q);
                    _ = new ChatMessage(ChatRole.System, q);
                }
            }
            """;
        var diagnostics = await Verify.RunAsync(source, TestReferences.Without("Microsoft.SemanticKernel.Abstractions", "Microsoft.SemanticKernel.Core", "Microsoft.SemanticKernel"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var d = Assert.Single(diagnostics);
        Assert.Equal("SLLM1001", d.Id);
    }
}
