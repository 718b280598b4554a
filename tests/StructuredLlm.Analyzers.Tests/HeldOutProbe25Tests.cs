using System.Collections.Generic;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Session 25's held-out probe: snippets in the style of real LLM apps on ground the earlier probes did not cover
/// (Semantic Kernel agents and plugins, prompt templates from files, filters; RAG code over configured retrieved-document
/// types with LINQ, records and deconstruction; minimal-API and MVC binding shapes; sanitizer and mitigation shapes),
/// true positives marked, safe code unmarked; and code half-typed in the IDE, which must not make the analyzer throw.
/// Every snippet is compiled with Semantic Kernel's agents referenced (<see cref="SkAgentsReference"/>).
/// </summary>
public class HeldOutProbe25Tests
{
    /// <summary>The retrieved-document types the RAG snippets declare, configured as the docs say.</summary>
    private const string RagConfig = "structuredllm.prompt_injection.extra_sources = T:KbChunk\n";

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Snippets.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> BrokenNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Broken.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public Task Probe(string name)
    {
        var code = Snippets[name];
        var config = code.Contains("KbChunk", System.StringComparison.Ordinal) ? RagConfig : null;
        const string Marker = "//config: ";
        if (code.StartsWith(Marker, System.StringComparison.Ordinal))
        {
            var end = code.IndexOf('\n', System.StringComparison.Ordinal);
            config += code.Substring(Marker.Length, end - Marker.Length) + "\n";
            code = code.Substring(end + 1);
        }

        return Verify.AgentsAnalyzerAsync(Verify.Usings + code, config);
    }

    [Theory]
    [MemberData(nameof(BrokenNames))]
    public async Task Broken_code_never_crashes_the_analyzer(string name)
    {
        var diagnostics = await Verify.RunAsync(Verify.Usings + Broken[name], [.. TestReferences.All, SkAgentsReference.Reference], RagConfig);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    private static readonly Dictionary<string, string> Snippets = new()
    {
        // ---- Semantic Kernel agents ---------------------------------------------------------------------------
        ["01 agent instructions from the query"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(Kernel kernel) {
                public async Task<string> Ask([FromQuery] string persona, [FromQuery] string q) {
                    var agent = new ChatCompletionAgent { Name = "helper", Kernel = kernel, Instructions = {|SLLM1001:$"You are {persona}. Answer briefly."|} };
                    var sb = new StringBuilder();
                    await foreach (var item in agent.InvokeAsync(q)) sb.Append(item.Message.Content);
                    return sb.ToString(); } }
            """,
        ["02 agent with constant instructions, question as the message"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(Kernel kernel) {
                public async Task<string> Ask([FromBody] string q) {
                    ChatCompletionAgent agent = new() { Name = "support", Kernel = kernel, Instructions = "You answer questions about our product." };
                    var sb = new StringBuilder();
                    await foreach (AgentResponseItem<ChatMessageContent> item in agent.InvokeAsync(q)) sb.Append(item.Message.Content);
                    return sb.ToString(); } }
            """,
        ["03 agent instructions from a tool result"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(Kernel kernel) {
                public async Task<string?> Ask([FromBody] string q) {
                    var policy = await kernel.InvokeAsync<string>("Policies", "GetRefundPolicy");
                    var agent = new ChatCompletionAgent { Kernel = kernel, Instructions = {|SLLM1001:"Follow this policy strictly:\n" + policy|} };
                    await foreach (var item in agent.InvokeAsync(q)) return item.Message.Content;
                    return null; } }
            """,
        ["04 agent instruction template with request arguments"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(Kernel kernel) {
                public async Task<string?> Ask([FromQuery] string topic, [FromBody] string q) {
                    var agent = new ChatCompletionAgent {
                        Kernel = kernel,
                        Instructions = "You only discuss {{$topic}}. Refuse anything else.",
                        Arguments = new KernelArguments { ["topic"] = topic } };
                    await foreach (var item in agent.InvokeAsync(q)) return item.Message.Content;
                    return null; } }
            """,
        ["05 agent instructions read from a prompt file"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Agents(Kernel kernel) {
                public ChatCompletionAgent CreateReviewer() =>
                    new() { Name = "reviewer", Kernel = kernel, Instructions = {|SLLM1001:File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Prompts", "reviewer.txt"))|} }; }
            """,
        ["06 agent factory given the persona by the endpoint"] = """
            using Microsoft.SemanticKernel.Agents;
            public static class AgentFactory {
                public static ChatCompletionAgent Create(Kernel kernel, string persona) =>
                    new() { Kernel = kernel, Instructions = $"You are {persona}. Keep answers short." }; }
            public class Api(Kernel kernel) {
                public async Task<string?> Ask([FromQuery] string persona, [FromBody] string q) {
                    var agent = AgentFactory.Create(kernel, {|SLLM1001:persona|});
                    await foreach (var item in agent.InvokeAsync(q)) return item.Message.Content;
                    return null; } }
            """,
        ["07 additional instructions from a header"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(ChatCompletionAgent agent) {
                public async Task<string?> Ask(HttpRequest request, [FromBody] string q) {
                    var locale = request.Headers["X-Locale"].ToString();
                    var options = new AgentInvokeOptions { AdditionalInstructions = {|SLLM1001:$"Reply in the locale {locale}."|} };
                    await foreach (var item in agent.InvokeAsync(q, options: options)) return item.Message.Content;
                    return null; } }
            """,
        ["08 additional instructions constant"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(ChatCompletionAgent agent) {
                public async Task<string?> Ask([FromBody] string q) {
                    await foreach (var item in agent.InvokeAsync(q, options: new AgentInvokeOptions { AdditionalInstructions = "Cite the source document." })) return item.Message.Content;
                    return null; } }
            """,
        ["09 agent message wraps the question in the app's words"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(ChatCompletionAgent agent) {
                public async Task<string?> Ask([FromBody] string q) {
                    await foreach (var item in agent.InvokeAsync({|SLLM1002:$"Answer for a ten-year-old: {q}"|})) return item.Message.Content;
                    return null; } }
            """,
        ["10 agent given a system message content"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(ChatCompletionAgent agent) {
                public async Task<string?> Ask([FromQuery] string mood, [FromBody] string q) {
                    var thread = new ChatHistoryAgentThread();
                    await foreach (var _ in agent.InvokeAsync(new ChatMessageContent(AuthorRole.System, {|SLLM1001:"The user feels " + mood|}), thread)) { }
                    await foreach (var item in agent.InvokeAsync(q, thread)) return item.Message.Content;
                    return null; } }
            """,
        ["11 one agent's answer becomes another's instructions"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Pipeline(Kernel kernel, ChatCompletionAgent planner) {
                public async Task<string?> Run([FromBody] string goal) {
                    string? plan = null;
                    await foreach (var item in planner.InvokeAsync(goal)) plan = item.Message.Content;
                    var writer = new ChatCompletionAgent { Kernel = kernel, Instructions = {|SLLM1001:$"Execute this plan step by step:\n{plan}"|} };
                    await foreach (var item in writer.InvokeAsync("Start.")) return item.Message.Content;
                    return null; } }
            """,
        ["12 agent thread seeded with a system message from the form"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(ChatCompletionAgent agent) {
                public async Task<string?> Ask(IFormCollection form) {
                    var history = new ChatHistory();
                    history.AddSystemMessage({|SLLM1001:"House rules: " + form["rules"]|});
                    await foreach (var item in agent.InvokeAsync(form["q"].ToString(), new ChatHistoryAgentThread(history))) return item.Message.Content;
                    return null; } }
            """,
        ["13 agent from a template config built with request text"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(Kernel kernel) {
                public ChatCompletionAgent Create([FromQuery] string role) =>
                    new(new PromptTemplateConfig({|SLLM1003:$"You are a {role}. The user says: {{{{$input}}}}"|}), new KernelPromptTemplateFactory()) { Kernel = kernel }; }
            """,
        ["14 agent streaming with a constant system message"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(ChatCompletionAgent agent) {
                public async Task Stream([FromBody] string q, HttpResponse response) {
                    await foreach (var chunk in agent.InvokeStreamingAsync(q)) await response.WriteAsync(chunk.Message.Content ?? ""); } }
            """,
        ["15 agent instructions from a retrieved document"] = """
            using Microsoft.SemanticKernel.Agents;
            public class KbChunk { public string Text { get; set; } = ""; public string Source { get; set; } = ""; }
            public class Api(Kernel kernel) {
                public ChatCompletionAgent Create(IReadOnlyList<KbChunk> chunks) =>
                    new() { Kernel = kernel, Instructions = {|SLLM1001:"Answer from these notes only:\n" + string.Join("\n", chunks.Select(c => c.Text))|} }; }
            """,
        ["16 agent name and description from the request"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(Kernel kernel) {
                public ChatCompletionAgent Create([FromQuery] string name, [FromQuery] string description) =>
                    new() { Kernel = kernel, Name = name, Description = description, Instructions = "You summarize documents." }; }
            """,

        // ---- Semantic Kernel plugins, templates and filters -----------------------------------------------------
        ["17 prompt template file passed to CreateFunctionFromPrompt"] = """
            public class Prompts(Kernel kernel) {
                public KernelFunction LoadSummarizer() {
                    var template = File.ReadAllText("Prompts/summarize.skprompt.txt");
                    return kernel.CreateFunctionFromPrompt({|SLLM1003:template|}, functionName: "summarize"); } }
            """,
        ["18 prompt template from an embedded resource"] = """
            public class Prompts(Kernel kernel) {
                public KernelFunction LoadSummarizer() {
                    using var stream = typeof(Prompts).Assembly.GetManifestResourceStream("App.Prompts.summarize.txt")!;
                    using var reader = new StreamReader(stream);
                    return kernel.CreateFunctionFromPrompt(reader.ReadToEnd(), functionName: "summarize"); } }
            """,
        ["19 template with dangerous content and a request argument"] = """
            public class Api(Kernel kernel) {
                public async Task<string> Ask([FromBody] string q) {
                    var config = new PromptTemplateConfig("<message role=\"user\">{{$q}}</message>") { {|SLLM1004:AllowDangerouslySetContent = true|} };
                    var fn = kernel.CreateFunctionFromPrompt(config);
                    return (await kernel.InvokeAsync(fn, new KernelArguments { ["q"] = q })).ToString(); } }
            """,
        ["20 input variable marked dangerous"] = """
            public class Api(Kernel kernel) {
                public async Task<string> Ask([FromBody] string history) {
                    var config = new PromptTemplateConfig("{{$history}}\n<message role=\"user\">Continue.</message>");
                    config.InputVariables.Add(new InputVariable { Name = "history", {|SLLM1004:AllowDangerouslySetContent = true|} });
                    var fn = kernel.CreateFunctionFromPrompt(config);
                    return (await kernel.InvokeAsync(fn, new KernelArguments { ["history"] = history })).ToString(); } }
            """,
        ["21 request arguments into a constant template"] = """
            public class Api(Kernel kernel) {
                public async Task<string> Ask([FromQuery] string lang, [FromBody] string text) =>
                    (await kernel.InvokePromptAsync("Translate into {{$lang}}:\n{{$text}}", new KernelArguments { ["lang"] = lang, ["text"] = text })).ToString(); }
            """,
        ["22 template file chosen by a constant dictionary"] = """
            public class Prompts(Kernel kernel) {
                static readonly Dictionary<string, string> Templates = new() { ["short"] = "Summarize in one line: {{$input}}", ["long"] = "Summarize in detail: {{$input}}" };
                public Task<FunctionResult> Run([FromQuery] string mode, [FromBody] string input) =>
                    kernel.InvokePromptAsync(Templates.TryGetValue(mode, out var t) ? t : Templates["short"], new KernelArguments { ["input"] = input }); }
            """,
        ["23 KernelFunction result appended to the history as system"] = """
            public class PolicyPlugin {
                [KernelFunction, System.ComponentModel.Description("Gets the refund policy")]
                public async Task<string> GetPolicyAsync(HttpClient http) => await http.GetStringAsync("https://intranet.example.com/policy.txt"); }
            public class Chat(IChatCompletionService chat, PolicyPlugin plugin, HttpClient http) {
                public async Task<string> Ask(ChatHistory history, [FromBody] string q) {
                    history.AddSystemMessage({|SLLM1001:"Policy: " + await plugin.GetPolicyAsync(http)|});
                    history.AddUserMessage(q);
                    return (await chat.GetChatMessageContentAsync(history)).Content ?? ""; } }
            """,
        ["24 kernel function invoked by name, result into system"] = """
            public class Chat(Kernel kernel, IChatCompletionService chat) {
                public async Task<string> Ask(ChatHistory history, [FromBody] string q) {
                    var weather = await kernel.InvokeAsync("Weather", "GetForecast", new KernelArguments { ["city"] = "Paris" });
                    history.AddSystemMessage({|SLLM1001:$"Forecast: {weather}"|});
                    history.AddUserMessage(q);
                    return (await chat.GetChatMessageContentAsync(history, kernel: kernel)).Content ?? ""; } }
            """,
        ["25 kernel function result as a tool message"] = """
            public class Chat(Kernel kernel, IChatCompletionService chat) {
                public async Task<string> Ask(ChatHistory history) {
                    var weather = await kernel.InvokeAsync("Weather", "GetForecast");
                    history.Add(new ChatMessageContent(AuthorRole.Tool, weather.ToString()));
                    return (await chat.GetChatMessageContentAsync(history)).Content ?? ""; } }
            """,
        ["26 KernelFunction parameter into a nested prompt template"] = """
            public class WriterPlugin(Kernel kernel) {
                [KernelFunction] public async Task<string> Rewrite(string style, string text) =>
                    (await kernel.InvokePromptAsync({|SLLM1003:"Rewrite in a " + style + " style: {{$text}}"|}, new KernelArguments { ["text"] = text })).ToString(); }
            """,
        ["27 KernelFunction parameter as a template argument"] = """
            public class WriterPlugin(Kernel kernel) {
                [KernelFunction] public async Task<string> Rewrite(string style, string text) =>
                    (await kernel.InvokePromptAsync("Rewrite in a {{$style}} style: {{$text}}", new KernelArguments { ["style"] = style, ["text"] = text })).ToString(); }
            """,
        ["28 function filter puts the tool arguments into system"] = """
            public class EchoFilter(ChatHistory history) : IFunctionInvocationFilter {
                public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next) {
                    await next(context);
                    history.AddSystemMessage({|SLLM1001:$"The tool {context.Function.Name} returned: {context.Result}"|}); } }
            """,
        ["29 function filter rewrites the result with a constant"] = """
            public class RedactFilter : IFunctionInvocationFilter {
                public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next) {
                    await next(context);
                    if (context.Function.Name == "GetSecrets") context.Result = new FunctionResult(context.Function, "[redacted]"); } }
            """,
        ["30 prompt render filter prepends a request header"] = """
            public class TenantFilter(IHttpContextAccessor accessor) : IPromptRenderFilter {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next) {
                    await next(context);
                    var tenant = accessor.HttpContext!.Request.Headers["X-Tenant"].ToString();
                    context.RenderedPrompt = {|SLLM1003:$"<message role=\"system\">Tenant: {tenant}</message>\n{context.RenderedPrompt}"|}; } }
            """,
        ["31 prompt render filter wraps the prompt in constants"] = """
            public class SafetyFilter : IPromptRenderFilter {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next) {
                    await next(context);
                    context.RenderedPrompt = "<message role=\"system\">Never reveal secrets.</message>\n" + context.RenderedPrompt; } }
            """,
        ["32 auto function filter adds the result as a system message"] = """
            public class LogResults : IAutoFunctionInvocationFilter {
                public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next) {
                    await next(context);
                    context.ChatHistory.AddSystemMessage({|SLLM1001:"Last tool output: " + context.Result.GetValue<string>()|}); } }
            """,
        ["33 chat history reducer summary as system"] = """
            public class Summarizer(IChatCompletionService chat) {
                public async Task Shrink(ChatHistory history) {
                    var summary = await chat.GetChatMessageContentAsync({|SLLM1002:"Summarize: " + string.Join("\n", history.Select(m => m.Content))|});
                    history.Clear();
                    history.AddSystemMessage({|SLLM1001:"Conversation so far: " + summary.Content|}); } }
            """,
        ["34 plugin reads the ticket store and returns text"] = """
            public class TicketPlugin {
                [KernelFunction] public string Describe(int id) => $"Ticket {id} is open.";
            }
            public class Chat(TicketPlugin tickets) {
                public void Seed(ChatHistory history, [FromQuery] int id) => history.AddSystemMessage({|SLLM1001:tickets.Describe(id)|}); }
            """,

        // ---- RAG over configured retrieved-document types --------------------------------------------------------
        ["35 vector hits joined into a system prompt"] = """
            public class KbChunk { public string Text { get; set; } = ""; public string Title { get; set; } = ""; }
            public interface IKb { Task<IReadOnlyList<KbChunk>> SearchAsync(string q, int top); }
            public class Rag(IKb kb, IChatClient chat) {
                public async Task<string> Ask([FromBody] string q) {
                    var hits = await kb.SearchAsync(q, 5);
                    var system = "Answer from the context.\n" + string.Join("\n---\n", hits.Select(h => $"# {h.Title}\n{h.Text}"));
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:system|}), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["36 hits filtered by score then aggregated"] = """
            public class KbChunk { public string Text { get; set; } = ""; public double Score { get; set; } }
            public class Rag(IChatClient chat) {
                public async Task<string> Ask(IEnumerable<KbChunk> hits, string q) {
                    var context = hits.Where(h => h.Score > 0.7).OrderByDescending(h => h.Score).Take(3)
                        .Aggregate(new StringBuilder("Context:\n"), (sb, h) => sb.AppendLine(h.Text)).ToString();
                    var options = new ChatOptions { Instructions = {|SLLM1001:context|} };
                    return (await chat.GetResponseAsync(q, options)).Text; } }
            """,
        ["37 record hits deconstructed in foreach"] = """
            public record KbChunk(string Title, string Text);
            public class Rag {
                public void Build(ChatHistory history, List<KbChunk> hits) {
                    var sb = new StringBuilder("Use these sources:\n");
                    foreach (var (title, text) in hits) sb.Append("## ").AppendLine(title).AppendLine(text);
                    history.AddSystemMessage({|SLLM1001:sb.ToString()|}); } }
            """,
        ["38 only the hit count and scores"] = """
            public class KbChunk { public string Text { get; set; } = ""; public double Score { get; set; } }
            public class Rag {
                public void Build(ChatHistory history, List<KbChunk> hits, string q) {
                    history.AddSystemMessage($"You have {hits.Count} sources; the best scores {hits.Max(h => h.Score):F2}.");
                    history.AddUserMessage(q); } }
            """,
        ["39 hits spotlighted one by one into system"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public class Rag {
                public void Build(ChatHistory history, List<KbChunk> hits) =>
                    history.AddSystemMessage("Sources:\n" + string.Join("\n", hits.Select(h => Prompt.Untrusted(h.Text)))); }
            """,
        ["40 hits as their own user message"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public class Rag {
                public void Build(ChatHistory history, List<KbChunk> hits, string q) {
                    history.AddSystemMessage("Answer from the documents in the next message.");
                    history.AddUserMessage(string.Join("\n\n", hits.Select(h => h.Text)));
                    history.AddUserMessage(q); } }
            """,
        ["41 hits framed in a user message template"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public class Rag(IChatClient chat) {
                public async Task<string> Ask(List<KbChunk> hits, string q) =>
                    (await chat.GetResponseAsync({|SLLM1002:$"Documents:\n{string.Join("\n", hits.Select(h => h.Text))}\n\nQuestion: {q}"|})).Text; }
            """,
        ["42 tuple of title and text deconstructed from a LINQ select"] = """
            public class KbChunk { public string Text { get; set; } = ""; public string Url { get; set; } = ""; }
            public class Rag {
                public void Build(ChatHistory history, List<KbChunk> hits) {
                    foreach (var (url, text) in hits.Select(h => (h.Url, h.Text)))
                        history.AddSystemMessage({|SLLM1001:$"[{url}] {text}"|}); } }
            """,
        ["43 first hit pattern-matched into instructions"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public class Rag(IChatClient chat) {
                public async Task<string> Ask(KbChunk[] hits, string q) {
                    var instructions = hits is [var top, ..] ? "Prefer this source: " + top.Text : "Say you do not know.";
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:instructions|} })).Text; } }
            """,
        ["44 vector search results through a helper"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public class Rag(IChatClient chat) {
                static string Format(IEnumerable<KbChunk> hits) => string.Join("\n", hits.Select((h, i) => $"[{i + 1}] {h.Text}"));
                public async Task<string> Ask(IEnumerable<KbChunk> hits, string q) {
                    var sys = $"Cite sources by number.\n{Format(hits)}";
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:sys|}), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["45 VectorData search results into system"] = """
            public class Doc { public string Body { get; set; } = ""; }
            public class Rag(IChatClient chat) {
                public async Task<string> Ask(Microsoft.Extensions.VectorData.VectorStoreCollection<Guid, Doc> docs, ReadOnlyMemory<float> vector, string q) {
                    var lines = new List<string>();
                    await foreach (var r in docs.SearchAsync(vector, 3)) lines.Add(r.Record.Body);
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:"Context:\n" + string.Join("\n", lines)|} })).Text; } }
            """,
        ["46 document ids only"] = """
            public class KbChunk { public Guid Id { get; set; } public string Text { get; set; } = ""; }
            public class Rag {
                public void Build(ChatHistory history, List<KbChunk> hits) =>
                    history.AddSystemMessage("Known document ids: " + string.Join(", ", hits.Select(h => h.Id))); }
            """,
        ["47 hits grouped by source into a dictionary"] = """
            public class KbChunk { public string Source { get; set; } = ""; public string Text { get; set; } = ""; }
            public class Rag {
                public void Build(ChatHistory history, List<KbChunk> hits) {
                    var bySource = hits.GroupBy(h => h.Source).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(h => h.Text)));
                    foreach (var kv in bySource) history.AddSystemMessage({|SLLM1001:$"{kv.Key}: {kv.Value}"|}); } }
            """,

        // ---- Minimal APIs and MVC ------------------------------------------------------------------------------
        ["48 AsParameters record struct with a route value"] = """
            public record struct TopicArgs([FromRoute] string Topic, [FromQuery] string Q);
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/chat/{topic}", async ([AsParameters] TopicArgs args, IChatClient chat) =>
                    (await chat.GetResponseAsync(args.Q, new ChatOptions { Instructions = {|SLLM1001:$"Only discuss {args.Topic}."|} })).Text);
            } }
            """,
        ["49 uploaded text file through a StreamReader into system"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapPost("/review", async (IFormFile file, IChatClient chat) => {
                    using var reader = new StreamReader(file.OpenReadStream());
                    var guidelines = await reader.ReadToEndAsync();
                    return (await chat.GetResponseAsync("Review my code.", new ChatOptions { Instructions = {|SLLM1001:"Guidelines:\n" + guidelines|} })).Text; }).DisableAntiforgery();
            } }
            """,
        ["50 query string ToString into system"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/ask", async (HttpRequest request, ChatHistory history, IChatCompletionService chat) => {
                    var q = request.Query["q"].ToString();
                    var audience = request.Query["audience"].ToString();
                    history.AddSystemMessage({|SLLM1001:"Audience: " + audience|});
                    history.AddUserMessage(q);
                    return (await chat.GetChatMessageContentAsync(history)).Content; });
            } }
            """,
        ["51 route value into system in a controller"] = """
            [ApiController, Route("api/[controller]")] public class DocsController(IChatClient chat) : ControllerBase {
                [HttpGet("{product}")] public async Task<string> Get(string q) {
                    var product = RouteData.Values["product"]?.ToString() ?? "our product";
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:$"Answer only about {product}."|} })).Text; } }
            """,
        ["52 nested DTO collection bound from the body"] = """
            public class Turn { public string Role { get; set; } = ""; public string Text { get; set; } = ""; }
            public class ChatBody { public List<Turn> Turns { get; set; } = new(); public string Style { get; set; } = ""; }
            [ApiController] public class ChatController(IChatClient chat) : ControllerBase {
                [HttpPost("chat")] public async Task<string> Post(ChatBody body) {
                    var messages = new List<ChatMessage> { new(ChatRole.System, {|SLLM1001:"Style: " + body.Style|}) };
                    messages.AddRange(body.Turns.Select(t => new ChatMessage(ChatRole.User, t.Text)));
                    return (await chat.GetResponseAsync(messages)).Text; } }
            """,
        ["53 nested DTO turns each their own user message"] = """
            public class Turn { public string Text { get; set; } = ""; }
            public class ChatBody { public List<Turn> Turns { get; set; } = new(); }
            [ApiController] public class ChatController(IChatClient chat) : ControllerBase {
                [HttpPost("chat")] public async Task<string> Post(ChatBody body) {
                    var messages = new List<ChatMessage> { new(ChatRole.System, "Be helpful.") };
                    foreach (var t in body.Turns) messages.Add(new ChatMessage(ChatRole.User, t.Text));
                    return (await chat.GetResponseAsync(messages)).Text; } }
            """,
        ["54 header value with a constant fallback"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapPost("/chat", async (HttpContext ctx, IChatClient chat, [FromBody] string q) => {
                    var name = ctx.Request.Headers.TryGetValue("X-Display-Name", out var v) ? v.ToString() : "there";
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:$"Greet the user as {name}."|} })).Text; });
            } }
            """,
        ["55 cookie compared to constants chooses the instructions"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapPost("/chat", async (HttpRequest request, IChatClient chat, [FromBody] string q) => {
                    var theme = request.Cookies["theme"];
                    var instructions = theme == "kids" ? "Use simple words." : theme == "pro" ? "Use technical terms." : "Be neutral.";
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = instructions })).Text; });
            } }
            """,
        ["56 form fields read with ReadFormAsync into a template"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapPost("/feedback", async (HttpRequest request, IChatClient chat) => {
                    var form = await request.ReadFormAsync();
                    return (await chat.GetResponseAsync({|SLLM1002:$"Classify this feedback: {form["text"]}"|})).Text; });
            } }
            """,
        ["57 MVC model-bound DTO with an int and a string"] = """
            public class SummaryRequest { public int MaxWords { get; set; } public string Text { get; set; } = ""; }
            public class SummaryController(IChatClient chat) : Controller {
                [HttpPost] public async Task<IActionResult> Summarize(SummaryRequest model) {
                    var options = new ChatOptions { Instructions = $"Summarize in at most {model.MaxWords} words." };
                    return Ok((await chat.GetResponseAsync(model.Text, options)).Text); } }
            """,
        ["58 path segment into system"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapFallback(async (HttpContext ctx, IChatClient chat) => {
                    var page = ctx.Request.Path.Value?.Trim('/') ?? "home";
                    return (await chat.GetResponseAsync("Describe this page.", new ChatOptions { Instructions = {|SLLM1001:$"You are the guide for the page '{page}'."|} })).Text; });
            } }
            """,
        ["59 body JSON read with ReadFromJsonAsync"] = """
            public record Persona(string Name, string Voice);
            public static class Api { public static void Map(WebApplication app) {
                app.MapPost("/persona", async (HttpRequest request, ChatHistory history) => {
                    var p = await request.ReadFromJsonAsync<Persona>();
                    history.AddSystemMessage({|SLLM1001:$"You are {p!.Name} and speak {p.Voice}."|}); });
            } }
            """,

        // ---- Sanitizers and mitigations -----------------------------------------------------------------------
        ["60 sanitized on one branch only"] = """
            public class S { public void Use([FromQuery] string note, [FromQuery] bool strict, ChatHistory history) {
                var text = strict ? Prompt.Untrusted(note) : note;
                history.AddSystemMessage({|SLLM1001:"Operator note: " + text|}); } }
            """,
        ["61 sanitized on both branches"] = """
            public class S { public void Use([FromQuery] string note, [FromQuery] bool datamark, ChatHistory history) {
                var text = datamark ? Prompt.Untrusted(note, SpotlightMode.Datamark) : Prompt.Untrusted(note);
                history.AddSystemMessage("Operator note: " + text); } }
            """,
        ["62 sanitized then concatenated with the raw text"] = """
            public class S { public void Use([FromQuery] string note, ChatHistory history) {
                var safe = Prompt.Untrusted(note);
                history.AddSystemMessage({|SLLM1001:$"Note: {safe} (first words: {note.Split(' ')[0]})"|}); } }
            """,
        ["63 Prompt.Untrusted over a whole StringBuilder result"] = """
            public class S { public void Use(IFormCollection form, ChatHistory history) {
                var sb = new StringBuilder();
                foreach (var key in form.Keys) sb.Append(key).Append(": ").AppendLine(form[key]);
                history.AddSystemMessage("The user filled this form:\n" + Prompt.Untrusted(sb.ToString())); } }
            """,
        ["64 user message built from two untrusted values"] = """
            public class S { public void Use([FromForm] string subject, [FromForm] string body, ChatHistory history) {
                history.AddSystemMessage("Classify the email in the next message.");
                history.AddUserMessage(subject + "\n\n" + body); } }
            """,
        ["65 user message of two untrusted values and the app's label"] = """
            public class S { public void Use([FromForm] string subject, [FromForm] string body, ChatHistory history) {
                history.AddUserMessage({|SLLM1002:$"Subject: {subject}\nBody: {body}"|}); } }
            """,
        ["66 int.Parse out value into system"] = """
            public class S { public void Use([FromQuery] string n, ChatHistory history) {
                if (!int.TryParse(n, out var count)) count = 3;
                history.AddSystemMessage($"Give exactly {count} bullet points."); } }
            """,
        ["67 Enum.TryParse out value into instructions"] = """
            public enum Tone { Formal, Casual }
            public class S(IChatClient chat) {
                public async Task<string> Ask([FromQuery] string tone, [FromBody] string q) {
                    var t = Enum.TryParse<Tone>(tone, ignoreCase: true, out var parsed) ? parsed : Tone.Formal;
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = $"Use a {t} tone." })).Text; } }
            """,
        ["68 switch expression maps input to constants"] = """
            public class S(IChatClient chat) {
                public async Task<string> Ask([FromQuery] string level, [FromBody] string q) {
                    var instructions = level?.ToLowerInvariant() switch { "beginner" => "Explain simply.", "expert" => "Be precise and terse.", _ => "Be clear." };
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = instructions })).Text; } }
            """,
        ["69 switch expression with a pass-through arm"] = """
            public class S(IChatClient chat) {
                public async Task<string> Ask([FromQuery] string level, [FromBody] string q) {
                    var instructions = level switch { "beginner" => "Explain simply.", { Length: < 40 } custom => "Level: " + custom, _ => "Be clear." };
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:instructions|} })).Text; } }
            """,
        ["70 configured sanitizer on a RAG chunk"] = """
            //config: structuredllm.prompt_injection.sanitizers = M:Clean.Strip(System.String)
            public class KbChunk { public string Text { get; set; } = ""; }
            public static class Clean { public static string Strip(string s) => s.Replace("<", "").Replace(">", ""); }
            public class Rag {
                public void Build(ChatHistory history, KbChunk hit) => history.AddSystemMessage("Source: " + Clean.Strip(hit.Text)); }
            """,
        ["70b the same helper, not configured, is no sanitizer"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public static class Clean { public static string Strip(string s) => s.Replace("<", "").Replace(">", ""); }
            public class Rag {
                public void Build(ChatHistory history, KbChunk hit) => history.AddSystemMessage({|SLLM1001:"Source: " + Clean.Strip(hit.Text)|}); }
            """,
        ["71 bool from the input chooses constant text"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) {
                var isQuestion = q.TrimEnd().EndsWith('?');
                history.AddSystemMessage(isQuestion ? "Answer the question." : "Continue the conversation.");
                history.AddUserMessage(q); } }
            """,
        ["72 length-limited input still carries text"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) {
                var shortQ = q.Length > 50 ? q.Substring(0, 50) : q;
                history.AddSystemMessage({|SLLM1001:$"Conversation title: {shortQ}"|}); } }
            """,
        ["73 DateTime parsed from a header"] = """
            public class S { public void Use(HttpRequest request, ChatHistory history) {
                var since = DateTimeOffset.Parse(request.Headers["X-Since"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
                history.AddSystemMessage($"Only consider events after {since:O}."); } }
            """,
        ["74 allow-list on a route value"] = """
            public static class Api {
                static readonly string[] Products = ["billing", "shipping"];
                public static void Map(WebApplication app) {
                    app.MapGet("/ask/{product}", async (string product, [FromQuery] string q, IChatClient chat) => {
                        if (!Products.Contains(product)) return "unknown";
                        return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = $"Answer about {product}." })).Text; });
                } }
            """,
        ["75 Prompt.Untrusted applied after the sink"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) {
                history.AddSystemMessage({|SLLM1001:"Topic: " + q|});
                var later = Prompt.Untrusted(q);
                history.AddUserMessage(later); } }
            """,
        ["76 PromptBuilder with an untrusted block"] = """
            public class S(IChatClient chat) {
                public async Task<string> Ask([FromBody] string email) {
                    var messages = new PromptBuilder().System("Classify the email.").Untrusted(email, "email").ToChatMessages();
                    return (await chat.GetResponseAsync(messages)).Text; } }
            """,

        // ---- Miscellaneous real-app shapes ----------------------------------------------------------------------
        ["77 console agent with a system prompt from the first line"] = """
            public static class Program {
                public static async Task Main() {
                    IChatClient chat = null!;
                    var persona = Console.ReadLine() ?? "a helpful assistant";
                    var history = new List<ChatMessage> { new(ChatRole.System, {|SLLM1001:$"You are {persona}."|}) };
                    while (Console.ReadLine() is { } line) {
                        history.Add(new(ChatRole.User, line));
                        var r = await chat.GetResponseAsync(history);
                        history.AddMessages(r); } } }
            """,
        ["78 web page summary fed back as instructions"] = """
            public class S(HttpClient http, IChatClient chat) {
                public async Task<string> Ask(string url, string q) {
                    var html = await http.GetStringAsync(url);
                    var summary = (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Summarize the page in the next message."), new ChatMessage(ChatRole.User, html)])).Text;
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:"Background: " + summary|} })).Text; } }
            """,
        ["79 OpenAI system message from a kernel function result"] = """
            public class S(OpenAI.Chat.ChatClient client, Kernel kernel) {
                public async Task<string> Ask([FromBody] string q) {
                    var facts = await kernel.InvokeAsync<string>("Facts", "Today");
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync([new OpenAI.Chat.SystemChatMessage({|SLLM1001:"Facts: " + facts|}), new OpenAI.Chat.UserChatMessage(q)]);
                    return c.Content[0].Text; } }
            """,
        ["80 agent exposed as a kernel function of a constant agent"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Team(Kernel kernel) {
                public Kernel Build() {
                    var researcher = new ChatCompletionAgent { Name = "researcher", Kernel = kernel, Instructions = "Find facts." };
                    var k = kernel.Clone();
                    k.Plugins.AddFromFunctions("agents", [AgentKernelFunctionFactory.CreateFromAgent(researcher)]);
                    return k; } }
            """,

        // ---- Written after the fixes, to hunt further (5 matched; 83 found that patterns did not bind) ---------------
        ["81 additional instructions built by a helper"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(ChatCompletionAgent agent) {
                static AgentInvokeOptions Opts(string locale) => new() { AdditionalInstructions = "Locale: " + locale };
                public async Task Ask(HttpRequest request, [FromBody] string q) {
                    await foreach (var _ in agent.InvokeAsync(q, options: Opts({|SLLM1001:request.Headers["X-Locale"].ToString()|}))) { } } }
            """,
        ["82 LINQ query syntax over retrieved chunks"] = """
            public record KbChunk(string Title, string Text);
            public class Rag { public void Build(ChatHistory history, List<KbChunk> hits) {
                var texts = from c in hits where c.Text.Length > 0 select c.Text;
                history.AddSystemMessage({|SLLM1001:string.Join("\n", texts)|}); } }
            """,
        ["83 positional pattern on the first chunk"] = """
            public record KbChunk(string Title, string Text);
            public class Rag { public void Build(ChatHistory history, List<KbChunk> hits) {
                if (hits is [(var title, _), ..]) history.AddSystemMessage({|SLLM1001:"Best match: " + title|}); } }
            """,
        ["84 await foreach deconstructing streamed chunks"] = """
            public record KbChunk(string Title, string Text);
            public class Rag { public async Task Build(ChatHistory history, IAsyncEnumerable<KbChunk> hits) {
                await foreach (var (title, _) in hits) history.AddSystemMessage({|SLLM1001:$"Source: {title}"|}); } }
            """,
        ["85 filter appends the tool result to a builder"] = """
            public class F(ChatHistory history) : IFunctionInvocationFilter {
                public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next) {
                    await next(context);
                    var sb = new StringBuilder("Tool said: ");
                    sb.Append(context.Result);
                    history.AddSystemMessage({|SLLM1001:sb.ToString()|}); } }
            """,
        ["86 chunks by id from a dictionary"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public class Rag { public void Build(ChatHistory history, Dictionary<string, KbChunk> byId) {
                foreach (var (id, chunk) in byId) history.AddSystemMessage({|SLLM1001:id + ": " + chunk.Text|}); } }
            """,
    };

    // Half-typed code around a source and a sink: the compiler reports errors; the analyzer must not throw.
    private static readonly Dictionary<string, string> Broken = new()
    {
        ["B1 unfinished agent initializer"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(Kernel kernel) { public ChatCompletionAgent Make([FromQuery] string p) => new() { Kernel = kernel, Instructions = $"You are {p
            """,
        ["B2 agent type from a missing using"] = """
            public class Api(Kernel kernel) { public object Make([FromQuery] string p) => new ChatCompletionAgent { Kernel = kernel, Instructions = p }; }
            """,
        ["B3 unfinished LINQ lambda over hits"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public class Rag { public void Build(ChatHistory h, List<KbChunk> hits) => h.AddSystemMessage(string.Join("\n", hits.Select(x => x.))); }
            """,
        ["B4 half-written interpolation in an additional instruction"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api { public AgentInvokeOptions Make([FromQuery] string p) => new() { AdditionalInstructions = $"Locale {p" }; }
            """,
        ["B5 generic method with an unresolved type argument"] = """
            public class S { static T Get<T>(string s) => default!;
                public void Use([FromQuery] string q, ChatHistory h) => h.AddSystemMessage(Get<Missing>(q).ToString()); }
            """,
        ["B6 deconstruction with a missing Deconstruct"] = """
            public class KbChunk { public string Text { get; set; } = ""; }
            public class Rag { public void Build(ChatHistory h, List<KbChunk> hits) { foreach (var (a, b) in hits) h.AddSystemMessage(a + b); } }
            """,
        ["B7 render filter missing its next call"] = """
            public class F : IPromptRenderFilter { public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next) {
                context.RenderedPrompt = await File.ReadAllTextAsync( } }
            """,
        ["B8 AsParameters of an unknown type"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/x", async ([AsParameters] UnknownArgs a, IChatClient c) => (await c.GetResponseAsync(a.Q, new ChatOptions { Instructions = a.P })).Text); } }
            """,
        ["B9 agent InvokeAsync with a missing argument"] = """
            using Microsoft.SemanticKernel.Agents;
            public class Api(ChatCompletionAgent agent) { public async Task Ask([FromBody] string q) { await foreach (var i in agent.InvokeAsync(, q)) { } } }
            """,
        ["B10 switch expression missing arms"] = """
            public class S(IChatClient chat) { public async Task<string> Ask([FromQuery] string level, string q) {
                var i = level switch { "a" => , _ => level };
                return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = i })).Text; } }
            """,
        ["B11 KernelFunction attribute on a half-typed method"] = """
            public class P { [KernelFunction] public string Go(string a) => a +
                public void Use(ChatHistory h) => h.AddSystemMessage(Go("x")); }
            """,
        ["B12 StreamReader over an unknown stream"] = """
            public class S { public async Task Use(ChatHistory h) { using var r = new StreamReader(upload.OpenReadStream()); h.AddSystemMessage(await r.ReadToEndAsync()); } }
            """,
    };
}
