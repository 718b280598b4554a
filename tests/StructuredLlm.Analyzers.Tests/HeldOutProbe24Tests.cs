using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Session 24's held-out probe: snippets in the style of real LLM apps on ground the earlier tests do not cover
/// (OpenAI's Responses API and content parts, M.E.AI pipeline middleware and option callbacks, SK filters and
/// re-injected function results, LINQ/Task/iterator/dictionary/ref flows, encoders that are not prompt sanitizers),
/// true positives marked, safe code unmarked; and code half-typed in the IDE, which must not make the analyzer throw.
/// </summary>
public class HeldOutProbe24Tests
{
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
    public Task Probe(string name) => Verify.AnalyzerAsync(Verify.Usings + Snippets[name]);

    [Theory]
    [MemberData(nameof(BrokenNames))]
    public async Task Broken_code_never_crashes_the_analyzer(string name)
    {
        var diagnostics = await Verify.RunAsync(Verify.Usings + Broken[name], TestReferences.All);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    private static readonly Dictionary<string, string> Snippets = new()
    {
        // ---- OpenAI .NET 2.15 ----------------------------------------------------------------------------------
        ["01 Responses options instructions from a header"] = """
            public class Svc(OpenAI.Responses.ResponsesClient client) {
                public async Task<string> Run(HttpRequest request, [FromBody] string input) {
                    var audience = request.Headers["X-Audience"].ToString();
                    var options = new OpenAI.Responses.CreateResponseOptions { Instructions = {|SLLM1001:$"Write for {audience}."|} };
                    options.InputItems.Add(OpenAI.Responses.ResponseItem.CreateUserMessageItem(input));
                    var r = await client.CreateResponseAsync(options);
                    return r.Value.GetOutputText(); } }
            """,
        ["02 Responses user input text alone"] = """
            public class Svc(OpenAI.Responses.ResponsesClient client) {
                public async Task<string> Run([FromBody] string input) {
                    var r = await client.CreateResponseAsync(model: "gpt-4.1", userInputText: input);
                    return r.Value.GetOutputText(); } }
            """,
        ["03 Responses earlier output into a system item"] = """
            public class Svc(OpenAI.Responses.ResponsesClient client) {
                public async Task<string> Run([FromQuery] string q) {
                    var first = await client.CreateResponseAsync(model: "gpt-4.1", userInputText: "Summarize our refund policy.");
                    var items = new List<OpenAI.Responses.ResponseItem> {
                        OpenAI.Responses.ResponseItem.CreateSystemMessageItem({|SLLM1001:"Policy summary: " + first.Value.GetOutputText()|}),
                        OpenAI.Responses.ResponseItem.CreateUserMessageItem(q) };
                    var r = await client.CreateResponseAsync("gpt-4.1", items);
                    return r.Value.GetOutputText(); } }
            """,
        ["04 Responses developer item from input text parts"] = """
            public class Svc(OpenAI.Responses.ResponsesClient client) {
                public async Task<string> Run([FromForm] string note) {
                    var dev = OpenAI.Responses.ResponseItem.CreateDeveloperMessageItem({|SLLM1001:[OpenAI.Responses.ResponseContentPart.CreateInputTextPart("Operator note:"), OpenAI.Responses.ResponseContentPart.CreateInputTextPart(note)]|});
                    var r = await client.CreateResponseAsync("gpt-4.1", [dev, OpenAI.Responses.ResponseItem.CreateUserMessageItem("Go.")]);
                    return r.Value.GetOutputText(); } }
            """,
        ["05 OpenAI system message from content parts"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run([FromBody] string glossary, [FromQuery] string q) {
                    var sys = OpenAI.Chat.ChatMessage.CreateSystemMessage(OpenAI.Chat.ChatMessageContentPart.CreateTextPart("Use this glossary:"), {|SLLM1001:OpenAI.Chat.ChatMessageContentPart.CreateTextPart(glossary)|});
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync([sys, OpenAI.Chat.ChatMessage.CreateUserMessage(q)]);
                    return c.Content[0].Text; } }
            """,
        ["06 OpenAI user message of a text part and an image part"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run([FromQuery] string question, [FromQuery] string imageUrl) {
                    var user = OpenAI.Chat.ChatMessage.CreateUserMessage(OpenAI.Chat.ChatMessageContentPart.CreateTextPart(question), OpenAI.Chat.ChatMessageContentPart.CreateImagePart(new Uri(imageUrl)));
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync([new OpenAI.Chat.SystemChatMessage("Describe images plainly."), user]);
                    return c.Content[0].Text; } }
            """,
        ["07 OpenAI tool call argument parsed into system"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run(List<OpenAI.Chat.ChatMessage> messages, OpenAI.Chat.ChatCompletionOptions options) {
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync(messages, options);
                    foreach (var call in c.ToolCalls) {
                        using var doc = System.Text.Json.JsonDocument.Parse(call.FunctionArguments);
                        var city = doc.RootElement.GetProperty("city").GetString();
                        messages.Add(new OpenAI.Chat.SystemChatMessage({|SLLM1001:$"Focus on {city} from now on."|}));
                        messages.Add(new OpenAI.Chat.ToolChatMessage(call.Id, "sunny")); }
                    OpenAI.Chat.ChatCompletion next = await client.CompleteChatAsync(messages, options);
                    return next.Content[0].Text; } }
            """,
        ["08 OpenAI uploaded file read through a reader into system"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run(IFormFile upload) {
                    using var reader = new StreamReader(upload.OpenReadStream());
                    var rules = await reader.ReadToEndAsync();
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync([new OpenAI.Chat.SystemChatMessage({|SLLM1001:rules|}), new OpenAI.Chat.UserChatMessage("Apply the rules.")]);
                    return c.Content[0].Text; } }
            """,
        ["09 OpenAI streamed parts gathered into a developer message"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run() {
                    var sb = new StringBuilder();
                    await foreach (var u in client.CompleteChatStreamingAsync([new OpenAI.Chat.UserChatMessage("Write house rules.")]))
                        foreach (var part in u.ContentUpdate) sb.Append(part.Text);
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync([new OpenAI.Chat.DeveloperChatMessage({|SLLM1001:sb.ToString()|}), new OpenAI.Chat.UserChatMessage("Hi")]);
                    return c.Content[0].Text; } }
            """,
        ["10 OpenAI string converted to a user message, template"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run([FromQuery] string q) {
                    OpenAI.Chat.ChatMessage[] messages = [new OpenAI.Chat.SystemChatMessage("Be brief."), {|SLLM1002:$"Translate to German: {q}"|}];
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync(messages);
                    return c.Content[0].Text; } }
            """,
        ["11 OpenAI string converted to a user message, whole"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run([FromQuery] string q) {
                    OpenAI.Chat.ChatMessage[] messages = [new OpenAI.Chat.SystemChatMessage("Translate to German."), q];
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync(messages);
                    return c.Content[0].Text; } }
            """,

        // ---- Microsoft.Extensions.AI ----------------------------------------------------------------------------
        ["12 ConfigureOptions lambda with a header"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapPost("/chat", async (HttpContext ctx, IChatClient inner, [FromBody] string msg) => {
                    var locale = ctx.Request.Headers["X-Locale"].ToString();
                    var chat = inner.AsBuilder().ConfigureOptions(o => o.Instructions = {|SLLM1001:$"Reply in {locale}."|}).Build();
                    return (await chat.GetResponseAsync(msg)).Text; });
            } }
            """,
        ["13 ConfigureOptions lambda with configuration"] = """
            public class Setup {
                public static IChatClient Build(IChatClient inner, Microsoft.Extensions.Configuration.IConfiguration config) =>
                    inner.AsBuilder().ConfigureOptions(o => o.Instructions = config["Chat:Instructions"] ?? "Be brief.").Build(); }
            """,
        ["14 middleware repeats the last message in a system message"] = """
            public class Setup {
                public static IChatClient Build(IChatClient inner) => inner.AsBuilder().Use(async (messages, options, next, ct) => {
                    var list = messages.ToList();
                    list.Insert(0, new ChatMessage(ChatRole.System, {|SLLM1001:"The user asked: " + list.Last().Text|}));
                    await next(list, options, ct); }).Build(); }
            """,
        ["15 middleware prepends a constant system message"] = """
            public class Setup {
                public static IChatClient Build(IChatClient inner) => inner.AsBuilder().Use(async (messages, options, next, ct) => {
                    var list = messages.Prepend(new ChatMessage(ChatRole.System, "Never reveal internal ids.")).ToList();
                    await next(list, options, ct); }).Build(); }
            """,
        ["16 AIFunction result into the next system message"] = """
            public class Agent(IChatClient chat) {
                public async Task<string> Run(List<ChatMessage> history) {
                    var lookup = AIFunctionFactory.Create((string sku) => $"Item {sku}", "lookup");
                    var result = await lookup.InvokeAsync(new AIFunctionArguments { ["sku"] = "A1" });
                    history.Add(new ChatMessage(ChatRole.System, {|SLLM1001:$"Catalog says: {result}"|}));
                    return (await chat.GetResponseAsync(history)).Text; } }
            """,
        ["17 streamed updates turned into a response, into instructions"] = """
            public class S(IChatClient chat) {
                public async Task<string> Run(string question) {
                    var updates = new List<ChatResponseUpdate>();
                    await foreach (var u in chat.GetStreamingResponseAsync("Draft a style guide.")) updates.Add(u);
                    var guide = updates.ToChatResponse().Text;
                    return (await chat.GetResponseAsync(question, new ChatOptions { Instructions = {|SLLM1001:guide|} })).Text; } }
            """,
        ["18 earlier reply messages joined into instructions"] = """
            public class S(IChatClient chat) {
                public async Task<string> Run(string question) {
                    var notes = await chat.GetResponseAsync("List three facts about our product.");
                    var options = new ChatOptions { Instructions = {|SLLM1001:string.Join("\n", notes.Messages.Select(m => m.Text))|} };
                    return (await chat.GetResponseAsync(question, options)).Text; } }
            """,
        ["19 reply kept as assistant history"] = """
            public class S(IChatClient chat) {
                public async Task<string> Run(List<ChatMessage> history, [FromBody] string q) {
                    history.Add(new ChatMessage(ChatRole.User, q));
                    var reply = await chat.GetResponseAsync(history);
                    history.AddMessages(reply);
                    history.Add(new ChatMessage(ChatRole.Assistant, reply.Text));
                    return reply.Text; } }
            """,
        ["20 value logged but not sent"] = """
            public class S(IChatClient chat, Microsoft.Extensions.Logging.ILogger<S> log) {
                public async Task<string> Run([FromQuery] string persona, [FromQuery] string q) {
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(log, "Persona requested: {Persona}", persona);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "You are a helpful assistant."), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["21 model id and user id from the request"] = """
            public class S(IChatClient chat) {
                public async Task<string> Run([FromQuery] string model, [FromHeader(Name = "X-User")] string user, [FromBody] string q) {
                    var options = new ChatOptions { ModelId = model, Instructions = "Be brief.", AdditionalProperties = new() { ["user"] = user } };
                    return (await chat.GetResponseAsync(q, options)).Text; } }
            """,
        ["22 user message template with a fenced document"] = """
            public class S(IChatClient chat) {
                public async Task<string> Run(IFormFile file) {
                    using var reader = new StreamReader(file.OpenReadStream());
                    var doc = await reader.ReadToEndAsync();
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Summarize documents."), new ChatMessage(ChatRole.User, {|SLLM1002:$"Summarize:\n```\n{doc}\n```"|})])).Text; } }
            """,

        // ---- Semantic Kernel ------------------------------------------------------------------------------------
        ["23 prompt template config with a request style"] = """
            public record StyleBody(string Style, string Input);
            public class S(Kernel kernel) {
                public async Task<string> Post([FromBody] StyleBody body) {
                    var cfg = new PromptTemplateConfig { Name = "styled", Template = {|SLLM1003:"Answer in the style " + body.Style + ": {{$input}}"|} };
                    var fn = kernel.CreateFunctionFromPrompt(cfg);
                    return (await kernel.InvokeAsync(fn, new KernelArguments { ["input"] = body.Input })).ToString(); } }
            """,
        ["24 template from configuration with request arguments"] = """
            public record StyleBody(string Style, string Input);
            public class S(Kernel kernel, Microsoft.Extensions.Configuration.IConfiguration config) {
                public async Task<string> Post([FromBody] StyleBody body) {
                    var template = config["Prompts:Styled"] ?? "Answer in the style {{$style}}: {{$input}}";
                    var args = new KernelArguments();
                    args["style"] = body.Style; args["input"] = body.Input;
                    return (await kernel.InvokePromptAsync(template, args)).ToString(); } }
            """,
        ["25 chat history built in a loop over vector hits"] = """
            public class Doc { public string Text { get; set; } = ""; }
            public class Rag(IChatCompletionService chat) {
                public async Task<string> Ask([FromQuery] string q, IAsyncEnumerable<Microsoft.Extensions.VectorData.VectorSearchResult<Doc>> hits) {
                    var history = new ChatHistory("Answer from the sources only.");
                    await foreach (var h in hits) history.AddSystemMessage({|SLLM1001:$"Source: {h.Record.Text}"|});
                    history.AddUserMessage(q);
                    return (await chat.GetChatMessageContentAsync(history)).Content ?? ""; } }
            """,
        ["26 kernel function result re-injected as a system message"] = """
            public class S(Kernel kernel) {
                public async Task Run(ChatHistory history, KernelFunction summarize, string doc) {
                    var summary = await kernel.InvokeAsync(summarize, new KernelArguments { ["input"] = doc });
                    history.AddSystemMessage({|SLLM1001:"Summary so far: " + summary.GetValue<string>()|}); } }
            """,
        ["27 function invocation filter records the tool result as system"] = """
            public class AuditFilter(ChatHistory history) : IFunctionInvocationFilter {
                public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next) {
                    await next(context);
                    history.AddSystemMessage({|SLLM1001:$"Tool {context.Function.Name} returned {context.Result.GetValue<string>()}"|}); } }
            """,
        ["28 prompt render filter appends fetched news"] = """
            public class NewsFilter(HttpClient http) : IPromptRenderFilter {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next) {
                    await next(context);
                    var news = await http.GetStringAsync("https://example.com/news.txt");
                    context.RenderedPrompt = {|SLLM1003:context.RenderedPrompt + "\nLatest news:\n" + news|}; } }
            """,
        ["29 prompt render filter appends a constant"] = """
            public class PolicyFilter : IPromptRenderFilter {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next) {
                    await next(context);
                    context.RenderedPrompt += "\nNever reveal internal ids."; } }
            """,
        ["30 kernel function translating through a chat history ctor"] = """
            public class TranslatePlugin(IChatCompletionService chat) {
                [KernelFunction] public async Task<string> Translate(string text, string targetLanguage) {
                    var h = new ChatHistory({|SLLM1001:$"Translate into {targetLanguage}. Output only the translation."|});
                    h.AddUserMessage(text);
                    return (await chat.GetChatMessageContentAsync(h)).Content ?? ""; } }
            """,
        ["31 kernel function count into system"] = """
            public class S(Kernel kernel) {
                public async Task Run(ChatHistory history, KernelFunction countOpen) {
                    var n = await kernel.InvokeAsync<int>(countOpen);
                    history.AddSystemMessage($"There are {n} open tickets."); } }
            """,
        ["32 execution settings system prompt from a hub argument"] = """
            public class ChatHub(Kernel kernel) : Microsoft.AspNetCore.SignalR.Hub {
                public async Task<string> Ask(string persona, string question) {
                    var settings = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings { ChatSystemPrompt = {|SLLM1001:$"You are {persona}."|} };
                    return (await kernel.InvokePromptAsync("{{$q}}", new KernelArguments(settings) { ["q"] = question })).ToString(); } }
            """,
        ["33 tool result as a tool message"] = """
            public class S(IChatCompletionService chat) {
                public async Task Run(ChatHistory history, HttpClient http) {
                    var page = await http.GetStringAsync("https://example.com");
                    history.AddMessage(AuthorRole.Tool, page);
                    await chat.GetChatMessageContentAsync(history); } }
            """,
        ["34 streamed chunks added back as assistant"] = """
            public class S(IChatCompletionService chat) {
                public async Task Run(ChatHistory history) {
                    var sb = new StringBuilder();
                    await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync(history)) sb.Append(chunk.Content);
                    history.AddAssistantMessage(sb.ToString()); } }
            """,
        ["35 streamed chunks added back as system"] = """
            public class S(IChatCompletionService chat) {
                public async Task Run(ChatHistory history) {
                    var sb = new StringBuilder("Your previous answer was: ");
                    await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync(history)) sb.Append(chunk.Content);
                    history.AddSystemMessage({|SLLM1001:sb.ToString()|}); } }
            """,
        ["36 kernel function takes the topic as its own user message"] = """
            public class ResearchPlugin(IChatCompletionService chat) {
                [KernelFunction] public async Task<string> Research(string topic) {
                    var h = new ChatHistory();
                    h.AddSystemMessage("You are a careful researcher.");
                    h.AddUserMessage(topic);
                    return (await chat.GetChatMessageContentAsync(h)).Content ?? ""; } }
            """,

        // ---- Flow shapes ----------------------------------------------------------------------------------------
        ["37 switch expression with an interpolated default arm"] = """
            public class S { public void Use([FromQuery] string mode, ChatHistory history) {
                var sys = mode switch { "short" => "Be brief.", "long" => "Be thorough.", _ => $"Write in the mode '{mode}'." };
                history.AddSystemMessage({|SLLM1001:sys|}); } }
            """,
        ["38 switch expression with constant arms only"] = """
            public class S { public void Use([FromQuery] string mode, ChatHistory history) {
                var sys = mode switch { "short" => "Be brief.", "long" => "Be thorough.", _ => "Be helpful." };
                history.AddSystemMessage(sys); } }
            """,
        ["39 query TryGetValue then a property pattern"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/chat", async (HttpContext ctx, IChatClient chat) => {
                    var persona = "a helpful assistant";
                    if (ctx.Request.Query.TryGetValue("persona", out var values) && values.ToString() is { Length: > 0 } p) persona = p;
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"You are {persona}."|})])).Text; });
            } }
            """,
        ["40 tuple deconstructed from a header parser"] = """
            public class S {
                static (string Tone, string Topic) Parse(string header) { var parts = header.Split(';'); return (parts[0], parts.Length > 1 ? parts[1] : ""); }
                public void Use(HttpRequest request, ChatHistory history) {
                    var (tone, _) = Parse(request.Headers["X-Chat"].ToString());
                    history.AddSystemMessage({|SLLM1001:"Tone: " + tone|}); } }
            """,
        ["41 form TryGetValue out var"] = """
            public class S { public async Task Use(HttpRequest request, ChatHistory history) {
                var form = await request.ReadFormAsync();
                if (form.TryGetValue("bio", out var bio)) history.AddSystemMessage({|SLLM1001:$"About the user: {bio}"|}); } }
            """,
        ["42 ref local into an array of parts"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) {
                var parts = new[] { "You are a support bot.", "", "Be polite." };
                ref string slot = ref parts[1];
                slot = "Focus: " + q;
                history.AddSystemMessage({|SLLM1001:string.Join(" ", parts)|}); } }
            """,
        ["43 Aggregate over retrieved documents"] = """
            public class Doc { public string Text { get; set; } = ""; }
            public class Rag {
                public void Use(List<Microsoft.Extensions.VectorData.VectorSearchResult<Doc>> hits, ChatHistory history) {
                    var context = hits.Select(h => h.Record.Text).Aggregate("Context:", (acc, t) => acc + "\n- " + t);
                    history.AddSystemMessage({|SLLM1001:context|}); } }
            """,
        ["44 Task.WhenAll over fetched pages"] = """
            public class S(HttpClient http) {
                public async Task Use(string[] urls, ChatHistory history) {
                    var pages = await Task.WhenAll(urls.Select(u => http.GetStringAsync(u)));
                    history.AddSystemMessage({|SLLM1001:"Reference pages:\n" + string.Join("\n\n", pages)|}); } }
            """,
        ["45 dictionary slot written then read"] = """
            public record Profile(string Name, int Age);
            public class S { public void Use([FromBody] Profile body, ChatHistory history) {
                var slots = new Dictionary<string, string>();
                slots["name"] = body.Name;
                history.AddSystemMessage({|SLLM1001:$"Address the user as {slots["name"]}."|}); } }
            """,
        ["46 local constant table indexed by an allowed key"] = """
            public class S { public void Use([FromQuery] string style, ChatHistory history) {
                var styles = new Dictionary<string, string> { ["pirate"] = "Talk like a pirate.", ["poet"] = "Answer in verse." };
                var sys = styles.ContainsKey(style) ? styles[style] : "Be neutral.";
                history.AddSystemMessage(sys); } }
            """,
        ["47 local constant table with TryGetValue"] = """
            public class S { public void Use([FromQuery] string style, ChatHistory history) {
                var styles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["pirate"] = "Talk like a pirate.", ["poet"] = "Answer in verse." };
                if (!styles.TryGetValue(style, out var sys)) sys = "Be neutral.";
                history.AddSystemMessage(sys); } }
            """,
        ["48 extension method frames the text"] = """
            public static class PromptExt { public static string AsRule(this string s) => "Rule: " + s.Trim(); }
            public class S { public void Use([FromQuery] string q, ChatHistory history) => history.AddSystemMessage({|SLLM1001:q.AsRule()|}); }
            """,
        ["49 generic chooser"] = """
            public class S {
                static T Pick<T>(bool first, T a, T b) => first ? a : b;
                public void Use([FromQuery] string custom, [FromQuery] bool useDefault, ChatHistory history) =>
                    history.AddSystemMessage({|SLLM1001:Pick(useDefault, "Be helpful.", custom)|}); }
            """,
        ["50 static local function wraps a document"] = """
            public class S(HttpClient http) {
                public async Task Use(ChatHistory history) {
                    var page = await http.GetStringAsync("https://example.com/faq");
                    history.AddSystemMessage({|SLLM1001:Frame(page)|});
                    static string Frame(string t) => $"<faq>{t}</faq>"; } }
            """,
        ["51 params helper joins lines"] = """
            public class S {
                static string Lines(params string[] xs) => string.Join("\n", xs);
                public void Use([FromForm] string note, ChatHistory history) => history.AddSystemMessage({|SLLM1001:Lines("Rules:", "Be polite.", note)|}); }
            """,
        ["52 string.Create with an invariant culture"] = """
            public class S { public void Use([FromQuery] string topic, ChatHistory history) =>
                history.AddSystemMessage({|SLLM1001:string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Only discuss {topic}.")|}); }
            """,
        ["53 string.Concat of spans"] = """
            public class S { public void Use([FromQuery] string topic, ChatHistory history) =>
                history.AddSystemMessage({|SLLM1001:string.Concat("Only discuss ".AsSpan(), topic.AsSpan())|}); }
            """,
        ["54 StringWriter filled by a helper"] = """
            public class S {
                static void Header(TextWriter w, string persona) { w.Write("You are "); w.Write(persona); w.WriteLine('.'); }
                public void Use([FromQuery] string persona, ChatHistory history) {
                    using var w = new StringWriter();
                    Header(w, persona);
                    history.AddSystemMessage({|SLLM1001:w.ToString()|}); } }
            """,
        ["55 Regex.Replace is no sanitizer"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) {
                var cleaned = System.Text.RegularExpressions.Regex.Replace(q, "[^a-zA-Z ]", "");
                history.AddSystemMessage({|SLLM1001:"Topic: " + cleaned|}); } }
            """,
        ["56 HtmlEncode is no prompt sanitizer"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) =>
                history.AddSystemMessage({|SLLM1001:"Topic: " + System.Net.WebUtility.HtmlEncode(q)|}); }
            """,
        ["57 Uri.EscapeDataString still carries the text"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) =>
                history.AddSystemMessage({|SLLM1001:$"Search link: https://example.com/?q={Uri.EscapeDataString(q)}"|}); }
            """,
        ["58 JSON serialized request into system"] = """
            public record Prefs(string Tone, string Audience);
            public class S(IChatClient chat) {
                public async Task<string> Post([FromBody] Prefs prefs, [FromQuery] string q) {
                    var json = System.Text.Json.JsonSerializer.Serialize(prefs);
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:"User preferences (JSON): " + json|} })).Text; } }
            """,
        ["59 conversions to numbers, dates, Guid and enums"] = """
            public enum Level { Beginner, Expert }
            public class S { public void Use([FromQuery] string id, [FromQuery] string level, [FromQuery] string due, [FromQuery] string words, ChatHistory history) {
                var ticket = Guid.Parse(id);
                var lvl = Enum.Parse<Level>(level, true);
                var date = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
                _ = int.TryParse(words, out var max);
                history.AddSystemMessage($"Ticket {ticket:N} for a {lvl} reader, due {date:yyyy-MM-dd}, at most {max} words. Role: {nameof(ChatRole.System)}."); } }
            """,
        ["60 allow-list set with a comparer"] = """
            public class S {
                static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "en", "fr", "de" };
                public void Use([FromQuery] string lang, ChatHistory history) {
                    if (!Allowed.Contains(lang)) return;
                    history.AddSystemMessage($"Answer in {lang}."); } }
            """,
        ["61 allow-list guards one value, another is used"] = """
            public class S {
                static readonly HashSet<string> Allowed = new() { "en", "fr", "de" };
                public void Use([FromQuery] string lang, [FromQuery] string topic, ChatHistory history) {
                    if (!Allowed.Contains(lang)) return;
                    history.AddSystemMessage({|SLLM1001:$"Answer in {lang} about {topic}."|}); } }
            """,
        ["62 spotlighted hits joined into system"] = """
            public class Doc { public string Text { get; set; } = ""; }
            public class Rag {
                public void Use(List<Microsoft.Extensions.VectorData.VectorSearchResult<Doc>> hits, ChatHistory history) =>
                    history.AddSystemMessage("Context:\n" + string.Join("\n", hits.Select(h => Prompt.Untrusted(h.Record.Text, SpotlightMode.Datamark)))); }
            """,
        ["63 length and flags of the input only"] = """
            public class S { public void Use([FromQuery] string q, HttpRequest request, ChatHistory history) {
                var verbose = request.Query.ContainsKey("verbose");
                var sys = q.StartsWith("/sql", StringComparison.Ordinal) ? "You write SQL." : "You chat.";
                history.AddSystemMessage($"{sys} The question has {q.Length} characters. {(verbose ? "Be thorough." : "Be brief.")}");
                history.AddUserMessage(q); } }
            """,
        ["64 enum TryParse then its name"] = """
            public enum Lang { English, French }
            public class S { public void Use([FromQuery] string lang, ChatHistory history) {
                if (!Enum.TryParse<Lang>(lang, true, out var l)) l = Lang.English;
                history.AddSystemMessage("Answer in " + l.ToString() + "."); } }
            """,
        ["65 exception message into system"] = """
            public class S(IChatClient chat) {
                public async Task<string> Run(List<ChatMessage> history) {
                    try { return (await chat.GetResponseAsync(history)).Text; }
                    catch (InvalidOperationException ex) {
                        history.Add(new ChatMessage(ChatRole.System, "The previous attempt failed: " + ex.GetType().Name));
                        return (await chat.GetResponseAsync(history)).Text; } } }
            """,
        ["66 async iterator of an uploaded file into system"] = """
            public class S {
                static async IAsyncEnumerable<string> Lines(Stream s) {
                    using var r = new StreamReader(s);
                    while (await r.ReadLineAsync() is { } line) yield return line; }
                public async Task Use(IFormFile rules, ChatHistory history) {
                    await foreach (var line in Lines(rules.OpenReadStream())) history.AddSystemMessage({|SLLM1001:line|}); } }
            """,
        ["67 Task.Run reads a file"] = """
            public class S { public async Task Use([FromQuery] string name, ChatHistory history) {
                var text = await Task.Run(() => File.ReadAllText(Path.Combine("kb", name + ".md")));
                history.AddSystemMessage({|SLLM1001:"Knowledge: " + text|}); } }
            """,
        ["68 iterator method of retrieved chunks"] = """
            public class Doc { public string Text { get; set; } = ""; }
            public class Rag {
                static IEnumerable<string> Chunks(IEnumerable<Microsoft.Extensions.VectorData.VectorSearchResult<Doc>> hits) { foreach (var h in hits) yield return h.Record.Text; }
                public void Use(List<Microsoft.Extensions.VectorData.VectorSearchResult<Doc>> hits, ChatHistory history) {
                    foreach (var c in Chunks(hits)) history.AddSystemMessage({|SLLM1001:"Source: " + c|}); } }
            """,
        ["69 record copy then an extension turns it into instructions"] = """
            public record BotSettings(string Persona, int MaxWords);
            public static class SettingsExt { public static string ToInstructions(this BotSettings s) => $"You are {s.Persona}. Use at most {s.MaxWords} words."; }
            public class S(IChatClient chat) {
                static readonly BotSettings Defaults = new("a helpful assistant", 100);
                public async Task<string> Post([FromQuery] string persona, [FromBody] string q) {
                    var s = Defaults with { Persona = persona };
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:s.ToInstructions()|} })).Text; } }
            """,
        ["70 record copy changes only the word limit"] = """
            public record BotSettings(string Persona, int MaxWords);
            public static class SettingsExt { public static string ToInstructions(this BotSettings s) => $"You are {s.Persona}. Use at most {s.MaxWords} words."; }
            public class S(IChatClient chat) {
                static readonly BotSettings Defaults = new("a helpful assistant", 100);
                public async Task<string> Post([FromQuery] int words, [FromBody] string q) {
                    var s = Defaults with { MaxWords = Math.Clamp(words, 10, 500) };
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = s.ToInstructions() })).Text; } }
            """,

        // ---- Sources --------------------------------------------------------------------------------------------
        ["71 cookie into system"] = """
            public class S { public void Use(HttpRequest request, ChatHistory history) {
                var nick = request.Cookies["nickname"] ?? "friend";
                history.AddSystemMessage({|SLLM1001:$"Call the user {nick}."|}); } }
            """,
        ["72 FromHeader tone in a controller"] = """
            [ApiController] public class ChatController(IChatClient chat) : ControllerBase {
                [HttpPost("chat")] public async Task<string> Post([FromHeader(Name = "X-Tone")] string tone, [FromBody] string message) =>
                    (await chat.GetResponseAsync(message, new ChatOptions { Instructions = {|SLLM1001:"Tone: " + tone|} })).Text; }
            """,
        ["73 AsParameters class with a header property"] = """
            public class AskArgs { [FromHeader(Name = "X-Persona")] public string Persona { get; set; } = ""; [FromQuery] public string Q { get; set; } = ""; }
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/ask", async ([AsParameters] AskArgs args, ChatHistory history) => {
                    history.AddSystemMessage({|SLLM1001:"Persona: " + args.Persona|});
                    history.AddUserMessage(args.Q); });
            } }
            """,
        ["74 SignalR hub room from the connection query"] = """
            public class RoomHub(ChatHistory history) : Microsoft.AspNetCore.SignalR.Hub {
                public override Task OnConnectedAsync() {
                    var room = Microsoft.AspNetCore.SignalR.GetHttpContextExtensions.GetHttpContext(Context)?.Request.Query["room"].ToString() ?? "lobby";
                    history.AddSystemMessage({|SLLM1001:$"You moderate the room {room}."|});
                    return base.OnConnectedAsync(); } }
            """,
        ["75 environment variable persona"] = """
            public class S(IChatClient chat) {
                public async Task<string> Ask([FromBody] string q) {
                    var persona = Environment.GetEnvironmentVariable("BOT_PERSONA") ?? "a helpful assistant";
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, $"You are {persona}."), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["76 options pattern persona"] = """
            public class BotOptions { public string Persona { get; set; } = "a helpful assistant"; }
            public class S(IChatClient chat, Microsoft.Extensions.Options.IOptions<BotOptions> options) {
                public async Task<string> Ask([FromBody] string q) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, $"You are {options.Value.Persona}."), new ChatMessage(ChatRole.User, q)])).Text; }
            """,
        ["77 app prompt file read at startup"] = """
            public class S(IChatClient chat) {
                public async Task<string> Ask([FromBody] string q) {
                    var system = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "prompts", "system.md"));
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:system|}), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["78 user-chosen prompt file name"] = """
            public class S(IChatClient chat) {
                public async Task<string> Ask([FromQuery] string preset, [FromBody] string q) {
                    var system = File.ReadAllText($"prompts/{preset}.md");
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:system|}), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["79 KernelFunction parameter into execution instructions of a nested call"] = """
            public class EmailPlugin(IChatClient chat) {
                [KernelFunction] public async Task<string> Draft(string recipientName, string points) {
                    var options = new ChatOptions { Instructions = {|SLLM1001:$"Write a short email to {recipientName}."|} };
                    return (await chat.GetResponseAsync(points, options)).Text; } }
            """,
        ["80 partner API JSON field into system"] = """
            public record Weather(string City, string Summary, double TempC);
            public class S(HttpClient http, IChatClient chat) {
                public async Task<string> Ask([FromBody] string q) {
                    var w = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Weather>(http, "https://partner.example.com/weather");
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"Current weather: {w!.Summary}"|}), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["81 Razor Pages handler with a form collection"] = """
            public class AskModel(IChatClient chat) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel {
                public async Task OnPostAsync(IFormCollection form) {
                    var rules = form["rules"].ToString();
                    var r = await chat.GetResponseAsync("Hi", new ChatOptions { Instructions = {|SLLM1001:rules|} });
                    ViewData["a"] = r.Text; } }
            """,
        ["82 question as user message with an assistant prefill"] = """
            public class S(IChatClient chat) {
                public async Task<string> Ask([FromBody] string q) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Answer as JSON."), new ChatMessage(ChatRole.User, q), new ChatMessage(ChatRole.Assistant, "{")])).Text; }
            """,
        ["83 async tuple of system and user parts"] = """
            public class S(IChatClient chat) {
                static async Task<(string Sys, string User)> Build(string q) { await Task.Yield(); return ("Be brief.", q); }
                public async Task<string> Post([FromBody] string q) { var (sys, user) = await Build(q);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, sys), new ChatMessage(ChatRole.User, user)])).Text; } }
            """,
        ["84 delegating client prepends a tenant header"] = """
            public sealed class TenantChatClient(IChatClient inner, IHttpContextAccessor acc) : DelegatingChatClient(inner) {
                public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, System.Threading.CancellationToken cancellationToken = default) {
                    var tenant = acc.HttpContext?.Request.Headers["X-Tenant"].ToString() ?? "default";
                    var withSystem = messages.Prepend(new ChatMessage(ChatRole.System, {|SLLM1001:$"You serve tenant {tenant}."|}));
                    return base.GetResponseAsync(withSystem, options, cancellationToken); } }
            """,
        ["85 delegating client copies the user's text into instructions"] = """
            public sealed class TopicChatClient(IChatClient inner) : DelegatingChatClient(inner) {
                public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, System.Threading.CancellationToken cancellationToken = default) {
                    options ??= new ChatOptions();
                    options.Instructions = {|SLLM1001:"Keep to the topic of: " + messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text|};
                    return base.GetResponseAsync(messages, options, cancellationToken); } }
            """,
        ["86 truncated question with an ellipsis as its own user message"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) {
                history.AddSystemMessage("Be brief.");
                history.AddUserMessage(q.Length > 200 ? q[..200] + "…" : q); } }
            """,
    };

    // Half-typed code around a source and a sink: the compiler reports errors; the analyzer must not throw.
    private static readonly Dictionary<string, string> Broken = new()
    {
        ["B1 missing semicolon after the source"] = """
            public class S { public void Use(HttpRequest request, ChatHistory history) {
                var tone = request.Headers["X-Tone"].ToString()
                history.AddSystemMessage("Tone: " + tone); } }
            """,
        ["B2 unresolved options type"] = """
            public class S(IChatClient chat) { public async Task<string> Use([FromQuery] string q) {
                var o = new FancyOptions { Instructions = q };
                return (await chat.GetResponseAsync(q, o)).Text; } }
            """,
        ["B3 half-written lambda"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/x", async (string q, IChatClient c) => { await c.GetResponseAsync([new ChatMessage(ChatRole.System, q
            """,
        ["B4 unfinished switch expression"] = """
            public class S { public void Use([FromQuery] string mode, ChatHistory history) {
                var sys = mode switch { "a" => "A.", _ => $"{mode}
                history.AddSystemMessage(sys); } }
            """,
        ["B5 unfinished await foreach"] = """
            public class S(IChatClient chat) { public async Task Use(ChatHistory history) {
                var sb = new StringBuilder();
                await foreach (var u in chat.GetStreamingResponseAsync("x")
                history.AddSystemMessage(sb.ToString()); } }
            """,
        ["B6 generic call missing its argument list"] = """
            public class S { static T Id<T>(T x) => x;
                public void Use([FromQuery] string q, ChatHistory history) { history.AddSystemMessage(Id<(q)); } }
            """,
        ["B7 half-typed attribute"] = """
            public class S { public void Use([FromHea string tone, ChatHistory history) { history.AddSystemMessage(tone); } }
            """,
        ["B8 unfinished with expression"] = """
            public record P(string Persona);
            public class S { public void Use([FromQuery] string q, ChatHistory history) { var p = new P("x") with { Persona = q
                history.AddSystemMessage(p.Persona); } }
            """,
        ["B9 ref local to a missing variable"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) { ref string r = ref missing[0]; r = q; history.AddSystemMessage(r); } }
            """,
        ["B10 render filter with an unknown member"] = """
            public class F : IPromptRenderFilter {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next) {
                    await next(context); context.RenderedPrompt = context.Rendered + Fetch(; } }
            """,
        ["B11 Responses options with an unknown property"] = """
            public class Svc(OpenAI.Responses.ResponsesClient client) { public async Task Run([FromQuery] string q) {
                var o = new OpenAI.Responses.CreateResponseOptions { Instructions = q, Persona = q, };
                await client.CreateResponseAsync(o); } }
            """,
        ["B12 middleware lambda missing its body"] = """
            public class Setup { public static IChatClient Build(IChatClient inner) => inner.AsBuilder().Use(async (messages, options, next, ct) => ).Build(); }
            """,
    };
}
