using System.Collections.Generic;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Session 23's held-out probe: snippets written in the style of real LLM apps (minimal APIs, controllers, Razor Pages,
/// Blazor, SK plugins, OpenAI, IChatClient pipelines, RAG, agent loops), true positives marked, safe code unmarked.
/// </summary>
public class HeldOutProbe23Tests
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

    [Theory]
    [MemberData(nameof(Names))]
    public Task Probe(string name) => Verify.AnalyzerAsync(Verify.Usings + Snippets[name]);

    private static readonly Dictionary<string, string> Snippets = new()
    {
        ["01 minimal API persona into system"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/ask", async (string persona, string question, IChatClient chat) => {
                    var messages = new List<ChatMessage> { new(ChatRole.System, {|SLLM1001:$"You are {persona}."|}), new(ChatRole.User, question) };
                    return (await chat.GetResponseAsync(messages)).Text; });
            } }
            """,
        ["02 minimal API question as its own user message"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapPost("/ask", async ([FromBody] string question, IChatClient chat) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "You answer questions about our product."), new ChatMessage(ChatRole.User, question)])).Text);
            } }
            """,
        ["03 controller tone into instructions"] = """
            public record ChatRequest(string Message, string Tone);
            [ApiController] public class ChatController(IChatClient chat) : ControllerBase {
                [HttpPost("chat")] public async Task<string> Post([FromBody] ChatRequest req) {
                    var options = new ChatOptions { Instructions = {|SLLM1001:"Tone: " + req.Tone|} };
                    return (await chat.GetResponseAsync(req.Message, options)).Text; } }
            """,
        ["04 controller tone parsed to an enum"] = """
            public enum Tone { Formal, Casual }
            public record ChatRequest(string Message, string Tone);
            [ApiController] public class ChatController(IChatClient chat) : ControllerBase {
                [HttpPost("chat")] public async Task<string> Post([FromBody] ChatRequest req) {
                    var tone = Enum.Parse<Tone>(req.Tone, ignoreCase: true);
                    var options = new ChatOptions { Instructions = $"Tone: {tone}" };
                    return (await chat.GetResponseAsync(req.Message, options)).Text; } }
            """,
        ["05 Razor Pages handler topic into system"] = """
            public class AskModel(IChatClient chat) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel {
                public string Answer { get; set; } = "";
                public async Task OnPostAsync(string topic, string question) {
                    var history = new List<ChatMessage> { new(ChatRole.System, {|SLLM1001:$"You are an expert on {topic}."|}), new(ChatRole.User, question) };
                    Answer = (await chat.GetResponseAsync(history)).Text; } }
            """,
        ["06 Razor Pages BindProperty into system"] = """
            public class AskModel(IChatClient chat) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel {
                [BindProperty] public string Style { get; set; } = "";
                public async Task OnPostAsync() {
                    var r = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Write in the style: " + Style|}), new ChatMessage(ChatRole.User, "Tell me a story.")]);
                    ViewData["a"] = r.Text; } }
            """,
        ["07 Blazor query parameter into system"] = """
            public class ChatPage : Microsoft.AspNetCore.Components.ComponentBase {
                [Microsoft.AspNetCore.Components.SupplyParameterFromQuery] public string? Mode { get; set; }
                [Microsoft.AspNetCore.Components.Inject] public IChatClient Chat { get; set; } = null!;
                string _reply = "";
                async Task Send(string text) {
                    var r = await Chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"Mode: {Mode}"|}), new ChatMessage(ChatRole.User, text)]);
                    _reply = r.Text; } }
            """,
        ["08 Blazor oninput draft appended to system"] = """
            public class ChatPage : Microsoft.AspNetCore.Components.ComponentBase {
                [Microsoft.AspNetCore.Components.Inject] public IChatClient Chat { get; set; } = null!;
                string _draft = "";
                void OnInput(Microsoft.AspNetCore.Components.ChangeEventArgs e) { _draft = e.Value?.ToString() ?? ""; }
                async Task Send() { await Chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Context: " + _draft|})]); } }
            """,
        ["09 SK plugin text into prompt template"] = """
            public class SummaryPlugin(Kernel kernel) {
                [KernelFunction] public async Task<string> Summarize(string text) => (await kernel.InvokePromptAsync({|SLLM1003:$"Summarize: {text}"|})).ToString(); }
            """,
        ["10 SK plugin text as a template variable"] = """
            public class SummaryPlugin(Kernel kernel) {
                [KernelFunction] public async Task<string> Summarize(string text) =>
                    (await kernel.InvokePromptAsync("Summarize: {{$text}}", new KernelArguments { ["text"] = text })).ToString(); }
            """,
        ["11 OpenAI language header into system"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run(HttpRequest request) {
                    var lang = request.Headers["Accept-Language"].ToString();
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync([new OpenAI.Chat.SystemChatMessage({|SLLM1001:$"Answer in {lang}"|}), new OpenAI.Chat.UserChatMessage("hi")]);
                    return c.Content[0].Text; } }
            """,
        ["12 OpenAI question as user message"] = """
            public class Svc(OpenAI.Chat.ChatClient client) {
                public async Task<string> Run([FromQuery] string question) {
                    OpenAI.Chat.ChatCompletion c = await client.CompleteChatAsync([new OpenAI.Chat.SystemChatMessage("Be brief."), new OpenAI.Chat.UserChatMessage(question)]);
                    return c.Content[0].Text; } }
            """,
        ["13 pipeline with configured persona"] = """
            public class Bot(IChatClient inner, Microsoft.Extensions.Configuration.IConfiguration config) {
                readonly IChatClient _chat = new ChatClientBuilder(inner).UseFunctionInvocation().Build();
                public async Task<string> Ask([FromBody] string question) {
                    var persona = config["Bot:Persona"] ?? "a helpful assistant";
                    return (await _chat.GetResponseAsync([new ChatMessage(ChatRole.System, $"You are {persona}."), new ChatMessage(ChatRole.User, question)])).Text; } }
            """,
        ["14 RAG hits into system"] = """
            public class Doc { public string Text { get; set; } = ""; }
            public class Rag(IChatClient chat) {
                public async Task<string> Ask(string question, IAsyncEnumerable<Microsoft.Extensions.VectorData.VectorSearchResult<Doc>> hits) {
                    var context = new StringBuilder();
                    await foreach (var h in hits) context.AppendLine(h.Record.Text);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Use this context:\n" + context|}), new ChatMessage(ChatRole.User, question)])).Text; } }
            """,
        ["15 RAG hits spotlighted in a user message"] = """
            public class Doc { public string Text { get; set; } = ""; }
            public class Rag(IChatClient chat) {
                public async Task<string> Ask(string question, IAsyncEnumerable<Microsoft.Extensions.VectorData.VectorSearchResult<Doc>> hits) {
                    var context = new StringBuilder();
                    await foreach (var h in hits) context.AppendLine(h.Record.Text);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Answer only from the documents."), new ChatMessage(ChatRole.User, Prompt.Untrusted(context.ToString())), new ChatMessage(ChatRole.User, question)])).Text; } }
            """,
        ["16 agent loop tool result into system"] = """
            public class Agent(IChatClient chat, AIFunction tool) {
                public async Task Run(List<ChatMessage> messages) {
                    var result = await tool.InvokeAsync(new AIFunctionArguments());
                    messages.Add(new ChatMessage(ChatRole.System, {|SLLM1001:$"Tool said: {result}"|}));
                    await chat.GetResponseAsync(messages); } }
            """,
        ["17 agent loop tool result as a tool message"] = """
            public class Agent(IChatClient chat, AIFunction tool) {
                public async Task Run(List<ChatMessage> messages, string callId) {
                    var result = await tool.InvokeAsync(new AIFunctionArguments());
                    messages.Add(new ChatMessage(ChatRole.Tool, [new Microsoft.Extensions.AI.FunctionResultContent(callId, result)]));
                    await chat.GetResponseAsync(messages); } }
            """,
        ["18 model summary into next system prompt"] = """
            public class Memory(IChatClient chat) {
                public async Task Run(ChatHistory history, string transcript) {
                    var summary = (await chat.GetResponseAsync("Summarize: " + transcript)).Text;
                    history.AddSystemMessage({|SLLM1001:"Summary so far: " + summary|}); } }
            """,
        ["19 model summary as assistant history"] = """
            public class Memory(IChatClient chat) {
                public async Task Run(ChatHistory history) {
                    var summary = (await chat.GetResponseAsync("Summarize our plan.")).Text;
                    history.AddAssistantMessage(summary); } }
            """,
        ["20 language compared to constants"] = """
            public class Lang { public void Use([FromQuery] string lang, ChatHistory history) {
                if (lang is "en" or "fr") history.AddSystemMessage($"Answer in {lang}."); } }
            """,
        ["21 session id parsed as a Guid"] = """
            public class S { public void Use(HttpRequest request, ChatHistory history) {
                var id = Guid.Parse(request.Query["id"]!);
                history.AddSystemMessage($"Session {id}."); } }
            """,
        ["22 max words parsed as int"] = """
            public class S { public void Use([FromQuery] string max, ChatHistory history) {
                var n = int.TryParse(max, out var m) ? m : 100;
                history.AddSystemMessage($"Answer in at most {n} words."); } }
            """,
        ["23 Prompt.Untrusted in system"] = """
            public class S { public void Use([FromBody] string ticket, ChatHistory history) {
                history.AddSystemMessage($"Classify the ticket below.\n{Prompt.Untrusted(ticket)}"); } }
            """,
        ["24 uploaded file into system"] = """
            public class Upload(IChatClient chat) {
                public async Task<string> Post(IFormFile file) {
                    using var reader = new StreamReader(file.OpenReadStream());
                    var text = await reader.ReadToEndAsync();
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Reference document:\n" + text|}), new ChatMessage(ChatRole.User, "Summarize it.")])).Text; } }
            """,
        ["25 fetched web page into system"] = """
            public class Browse(HttpClient http, IChatClient chat) {
                public async Task<string> Run(string url) {
                    var page = await http.GetStringAsync(url);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"Page: {page}"|})])).Text; } }
            """,
        ["26 delegate field set in constructor"] = """
            public class Summarizer {
                private readonly Func<string, Task<ChatResponse>> _summarize;
                public Summarizer(IChatClient chat) { _summarize = text => chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Summarize: " + text)]); }
                public Task<ChatResponse> Run([FromBody] string body) => _summarize({|SLLM1001:body|}); }
            """,
        ["27 channel field between endpoint and worker"] = """
            public class Worker(IChatClient chat) {
                private readonly System.Threading.Channels.Channel<string> _queue = System.Threading.Channels.Channel.CreateUnbounded<string>();
                public void Enqueue([FromBody] string note) => _queue.Writer.TryWrite(note);
                public async Task Drain() {
                    await foreach (var note in _queue.Reader.ReadAllAsync())
                        await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Remember: " + note|})]); } }
            """,
        ["28 SignalR hub message into system"] = """
            public class ChatHub(IChatClient chat) : Microsoft.AspNetCore.SignalR.Hub {
                public async Task<string> Send(string room, string message) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"Room rules for {room}"|}), new ChatMessage(ChatRole.User, message)])).Text; }
            """,
        ["29 AsParameters record into instructions"] = """
            public record AskArgs(string Q, string Persona);
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/ask", async ([AsParameters] AskArgs args, IChatClient chat) =>
                    (await chat.GetResponseAsync(args.Q, new ChatOptions { Instructions = {|SLLM1001:args.Persona|} })).Text);
            } }
            """,
        ["30 email body as user message"] = """
            public class Mail(IChatClient chat) {
                public async Task<string> Triage([FromBody] string emailBody) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Classify this email as spam or not."), new ChatMessage(ChatRole.User, emailBody)])).Text; }
            """,
        ["31 MCP tool argument into system"] = """
            [ModelContextProtocol.Server.McpServerToolType] public class Tools(IChatClient chat) {
                [ModelContextProtocol.Server.McpServerTool] public async Task<string> Explain(string style, string code) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Explain in the style " + style|}), new ChatMessage(ChatRole.User, code)])).Text; }
            """,
        ["32 role taken from the request"] = """
            public record Turn(string Role, string Text);
            public class Relay(IChatClient chat) {
                [HttpPost] public async Task<string> Post([FromBody] Turn[] turns) {
                    var messages = turns.Select(t => new ChatMessage(new ChatRole(t.Role), {|SLLM1001:t.Text|})).ToList();
                    return (await chat.GetResponseAsync(messages)).Text; } }
            """,
        ["33 SK function from a prompt built with user text"] = """
            public class P(Kernel kernel) {
                public async Task<string> Run([FromQuery] string goal) {
                    var fn = KernelFunctionFactory.CreateFromPrompt({|SLLM1003:$"Plan the steps to: {goal}"|});
                    return (await kernel.InvokeAsync(fn)).ToString(); } }
            """,
        ["34 mode mapped by a switch expression"] = """
            public class S { public void Use([FromQuery] string mode, ChatHistory history) {
                var rules = mode switch { "short" => "Answer in one line.", "long" => "Answer in detail.", _ => "Answer normally." };
                history.AddSystemMessage(rules); } }
            """,
        ["35 retrieved chunks joined into system"] = """
            public class Rag(IChatClient chat) {
                public async Task<string> Ask([FromQuery] string q, Microsoft.SemanticKernel.Data.ITextSearch search) {
                    var results = await search.GetTextSearchResultsAsync(q);
                    var chunks = new List<string>();
                    await foreach (var r in results.Results) chunks.Add(r.Value);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Context:\n" + string.Join("\n---\n", chunks)|}), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["36 search results selected into system"] = """
            public class Rag(IChatClient chat) {
                public async Task<string> Ask([FromQuery] string q, Microsoft.SemanticKernel.Data.ITextSearch search) {
                    var results = await search.GetTextSearchResultsAsync(q);
                    var list = new List<Microsoft.SemanticKernel.Data.TextSearchResult>();
                    await foreach (var r in results.Results) list.Add(r);
                    var context = string.Join("\n", list.Select(r => $"[{r.Name}] {r.Value}"));
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"Sources:\n{context}"|}), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["37 options object built by the caller"] = """
            public class PromptOptions { public string Persona { get; set; } = ""; public int MaxWords { get; set; } }
            public class Svc(IChatClient chat) {
                public async Task<string> Post(HttpRequest request) {
                    var opts = new PromptOptions { MaxWords = 100 };
                    opts.Persona = request.Query["persona"].ToString();
                    return await Ask({|SLLM1001:opts|}, "Hello"); }
                async Task<string> Ask(PromptOptions opts, string question) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, $"You are {opts.Persona}. At most {opts.MaxWords} words."), new ChatMessage(ChatRole.User, question)])).Text; }
            """,
        ["38 options filled by a helper from the request"] = """
            public class PromptOptions { public string Persona { get; set; } = "an assistant"; }
            public class Svc(IChatClient chat) {
                static void Bind(PromptOptions o, HttpRequest r) { if (r.Query.TryGetValue("persona", out var p)) o.Persona = p.ToString(); }
                public async Task<string> Post(HttpRequest request) {
                    var opts = new PromptOptions();
                    Bind(opts, request);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"You are {opts.Persona}."|})])).Text; } }
            """,
        ["39 validated mode through a throwing helper"] = """
            public class Svc(IChatClient chat) {
                static readonly string[] Modes = ["concise", "detailed"];
                static void EnsureMode(string mode) { if (!Modes.Contains(mode)) throw new ArgumentException("Unknown mode", nameof(mode)); }
                public async Task<string> Post([FromQuery] string mode, [FromBody] string question) {
                    EnsureMode(mode);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, $"Be {mode}."), new ChatMessage(ChatRole.User, question)])).Text; } }
            """,
        ["40 pending notes queue into system"] = """
            public class Notes(IChatClient chat) {
                public async Task<string> Post([FromBody] string[] notes) {
                    var pending = new Queue<string>(notes.Length);
                    foreach (var n in notes) pending.Enqueue(n);
                    var sb = new StringBuilder("Notes:\n");
                    while (pending.TryDequeue(out var note)) sb.AppendLine(note);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:sb.ToString()|})])).Text; } }
            """,
        ["41 local function builds the system message"] = """
            public class S(IChatClient chat) {
                public async Task<string> Post([FromForm] string audience, [FromForm] string question) {
                    ChatMessage System(string who) => new(ChatRole.System, {|SLLM1001:$"Write for {who}."|});
                    return (await chat.GetResponseAsync([System(audience), new ChatMessage(ChatRole.User, question)])).Text; } }
            """,
        ["42 prompt builder behind an interface"] = """
            public interface IPromptBuilder { ChatMessage Build(string persona); }
            public class PromptBuilder2 : IPromptBuilder { public ChatMessage Build(string persona) => new(ChatRole.System, "You are " + persona); }
            public class S(IChatClient chat, IPromptBuilder builder) {
                public async Task<string> Post([FromQuery] string persona) => (await chat.GetResponseAsync([builder.Build({|SLLM1001:persona|})])).Text; }
            """,
        ["43 streamed reply gathered into system"] = """
            public class S(IChatClient chat) {
                public async Task Run(ChatHistory history) {
                    var sb = new StringBuilder();
                    await foreach (var u in chat.GetStreamingResponseAsync("Propose a plan.")) sb.Append(u.Text);
                    history.AddSystemMessage({|SLLM1001:"Follow this plan: " + sb|}); } }
            """,
        ["44 structured result as an enum"] = """
            public enum Sentiment { Positive, Negative }
            public class S(IChatClient chat) {
                public async Task Run([FromBody] string review, ChatHistory history) {
                    var r = await chat.GetResponseAsync<Sentiment>(review);
                    history.AddSystemMessage($"The user is {r.Result}."); } }
            """,
        ["45 model count parsed to int"] = """
            public class S(IChatClient chat) {
                public async Task Run(ChatHistory history) {
                    var reply = await chat.GetResponseAsync("How many steps? Answer with a number.");
                    var steps = int.Parse(reply.Text);
                    history.AddSystemMessage($"Use {steps} steps."); } }
            """,
        ["46 persona chosen from a constant table by key"] = """
            public class S {
                static readonly Dictionary<string, string> Personas = new() { ["pirate"] = "You talk like a pirate.", ["poet"] = "You answer in verse." };
                public void Use([FromQuery] string key, ChatHistory history) {
                    history.AddSystemMessage(Personas.TryGetValue(key, out var p) ? p : "You are helpful."); } }
            """,
        ["47 instructions appended with +="] = """
            public class S(IChatClient chat) {
                public async Task<string> Post([FromForm] string extra, [FromForm] string q) {
                    var options = new ChatOptions { Instructions = "Be polite." };
                    options.Instructions += {|SLLM1001:" " + extra|};
                    return (await chat.GetResponseAsync(q, options)).Text; } }
            """,
        ["48 Razor Pages Request.Form in handler"] = """
            public class AskModel(IChatClient chat) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel {
                public async Task OnPostAsync() {
                    string role = Request.Form["role"].ToString();
                    var r = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Act as " + role|})]);
                    ViewData["a"] = r.Text; } }
            """,
        ["49 Blazor page address into system"] = """
            public class ChatPage : Microsoft.AspNetCore.Components.ComponentBase {
                [Microsoft.AspNetCore.Components.Inject] public Microsoft.AspNetCore.Components.NavigationManager Nav { get; set; } = null!;
                [Microsoft.AspNetCore.Components.Inject] public IChatClient Chat { get; set; } = null!;
                async Task Send() { await Chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"The user is on {Nav.Uri}"|})]); } }
            """,
        ["50 user role through a role helper"] = """
            public class S(IChatClient chat) {
                static ChatMessage Msg(ChatRole role, string text) => new(role, text);
                public async Task<string> Post([FromBody] string q) =>
                    (await chat.GetResponseAsync([Msg(ChatRole.System, "Be brief."), Msg(ChatRole.User, q)])).Text; }
            """,
        ["51 console loop appends input to system prompt"] = """
            public static class Program {
                public static async Task Main(string[] args) {
                    IChatClient chat = null!;
                    var system = "You are a shell assistant.";
                    while (Console.ReadLine() is { } line) {
                        system += "\nUser preference: " + line;
                        await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:system|})]); } } }
            """,
        ["52 console loop question as user message"] = """
            public static class Program {
                public static async Task Main() {
                    IChatClient chat = null!;
                    var history = new List<ChatMessage> { new(ChatRole.System, "You are a shell assistant.") };
                    while (Console.ReadLine() is { } line) {
                        history.Add(new ChatMessage(ChatRole.User, line));
                        var r = await chat.GetResponseAsync(history);
                        history.AddMessages(r); } } }
            """,
        ["53 delegate property callback with the reply"] = """
            public class Pipeline(IChatClient chat, ChatHistory history) {
                public Action<string> OnReply { get; } = text => { };
                private Action<string> Remember => text => history.AddSystemMessage("Earlier answer: " + text);
                public async Task Run([FromBody] string q) {
                    var r = await chat.GetResponseAsync(q);
                    OnReply(r.Text); } }
            """,
        ["54 stack of context frames"] = """
            public class S(IChatClient chat) {
                public async Task<string> Post([FromBody] string[] frames) {
                    var stack = new Stack<string>();
                    foreach (var f in frames) stack.Push(f);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Innermost frame: " + stack.Peek()|})])).Text; } }
            """,
        ["55 ArgumentOutOfRange check of a level"] = """
            public class S {
                static readonly HashSet<string> Levels = new(StringComparer.OrdinalIgnoreCase) { "beginner", "expert" };
                public void Use([FromQuery] string level, ChatHistory history) {
                    if (!Levels.Contains(level)) throw new ArgumentOutOfRangeException(nameof(level));
                    history.AddSystemMessage($"Explain for a {level}."); } }
            """,
        ["56 SK KernelFunction result into system"] = """
            public class S(Kernel kernel) {
                public async Task Run(ChatHistory history) {
                    var result = await kernel.InvokeAsync("WebPlugin", "Fetch");
                    history.AddSystemMessage({|SLLM1001:$"Fetched: {result}"|}); } }
            """,
        ["57 static delegate field building a system message"] = """
            public class S(IChatClient chat) {
                static readonly Func<string, ChatMessage> SystemMsg = t => new(ChatRole.System, t);
                public async Task<string> Post([FromBody] string rules) => (await chat.GetResponseAsync([SystemMsg({|SLLM1001:rules|})])).Text; }
            """,
        ["58 event handler stored on the type"] = """
            public class S(ChatHistory history) {
                public event Action<string>? Received;
                public void Wire() { Received += t => history.AddSystemMessage(t); }
                public void Post([FromBody] string text) => Received?.Invoke({|SLLM1001:text|}); }
            """,
        ["59 validator with a null check first"] = """
            public class S {
                static readonly string[] Modes = ["concise", "detailed"];
                static void Validate(string mode) { ArgumentException.ThrowIfNullOrWhiteSpace(mode); if (!Modes.Contains(mode)) throw new ArgumentException("mode"); }
                public void Use([FromQuery] string mode, ChatHistory history) { Validate(mode); history.AddSystemMessage($"Be {mode}."); } }
            """,
        ["60 agent loop feeds tool output to system"] = """
            public class Agent(IChatClient chat, AIFunction fn) {
                public async Task Run(List<ChatMessage> messages) {
                    while (true) {
                        var resp = await chat.GetResponseAsync(messages);
                        messages.AddMessages(resp);
                        var calls = resp.Messages.SelectMany(m => m.Contents).OfType<Microsoft.Extensions.AI.FunctionCallContent>().ToList();
                        if (calls.Count == 0) break;
                        foreach (var call in calls) {
                            var result = await fn.InvokeAsync(new AIFunctionArguments(call.Arguments));
                            messages.Add(new ChatMessage(ChatRole.System, {|SLLM1001:$"Last tool output: {result}"|})); } } } }
            """,
        ["61 agent loop feeds tool output as tool messages"] = """
            public class Agent(IChatClient chat, AIFunction fn) {
                public async Task Run(List<ChatMessage> messages) {
                    while (true) {
                        var resp = await chat.GetResponseAsync(messages);
                        messages.AddMessages(resp);
                        var calls = resp.Messages.SelectMany(m => m.Contents).OfType<Microsoft.Extensions.AI.FunctionCallContent>().ToList();
                        if (calls.Count == 0) break;
                        foreach (var call in calls) {
                            var result = await fn.InvokeAsync(new AIFunctionArguments(call.Arguments));
                            messages.Add(new ChatMessage(ChatRole.Tool, [new Microsoft.Extensions.AI.FunctionResultContent(call.CallId, result)])); } } } }
            """,
        ["62 normalizing helper returns a constant or the checked value"] = """
            public class S {
                static string Normalize(string m) => m is "brief" or "full" ? m : "brief";
                public void Use([FromQuery] string mode, ChatHistory history) { var m = Normalize(mode); history.AddSystemMessage($"Answer mode: {m}."); } }
            """,
        ["63 controller reads HttpContext query"] = """
            public class AskController(IChatClient chat) : ControllerBase {
                [HttpGet("ask")] public async Task<string> Ask() {
                    var persona = HttpContext.Request.Query["persona"].ToString();
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"You are " + persona|})])).Text; } }
            """,
        ["64 SK chat history from a stored conversation"] = """
            public record StoredTurn(string Author, string Text);
            public class S(Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService svc) {
                public async Task<string> Resume([FromBody] StoredTurn[] turns) {
                    var history = new ChatHistory("You are a support bot.");
                    foreach (var t in turns) history.AddMessage(new AuthorRole(t.Author), {|SLLM1001:t.Text|});
                    var r = await svc.GetChatMessageContentAsync(history);
                    return r.Content ?? ""; } }
            """,
        ["65 record copy with untrusted persona"] = """
            public record AgentConfig(string Instructions, string Model);
            public class S(IChatClient chat) {
                static readonly AgentConfig Default = new("Be helpful.", "gpt");
                public async Task<string> Post([FromBody] string custom, [FromBody] string q) {
                    var cfg = Default with { Instructions = custom };
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:cfg.Instructions|}, ModelId = cfg.Model })).Text; } }
            """,
        ["66 record copy keeps app instructions"] = """
            public record AgentConfig(string Instructions, string Model);
            public class S(IChatClient chat) {
                static readonly AgentConfig Default = new("Be helpful.", "gpt");
                public async Task<string> Post([FromQuery] string model, [FromBody] string q) {
                    var cfg = Default with { Model = model };
                    return (await chat.GetResponseAsync(q, new ChatOptions { Instructions = cfg.Instructions, ModelId = cfg.Model })).Text; } }
            """,
        ["67 guard with StringComparer equals"] = """
            public class S { public void Use([FromQuery] string lang, ChatHistory history) {
                if (StringComparer.OrdinalIgnoreCase.Equals(lang, "fr")) history.AddSystemMessage($"Answer in {lang}."); } }
            """,
        ["68 sanitizer configured by the app"] = """
            public static class Clean { public static string Strip(string s) => s.Replace("\n", " "); }
            public class S { public void Use([FromQuery] string topic, ChatHistory history) {
                history.AddSystemMessage($"Topic: {Prompt.Untrusted(Clean.Strip(topic))}"); } }
            """,
        ["69 OpenAI assistant reply fed back as developer message"] = """
            public class S(OpenAI.Chat.ChatClient client) {
                public async Task Run(List<OpenAI.Chat.ChatMessage> messages) {
                    OpenAI.Chat.ChatCompletion first = await client.CompleteChatAsync(messages);
                    messages.Add(new OpenAI.Chat.SystemChatMessage({|SLLM1001:"Critique your draft: " + first.Content[0].Text|}));
                    await client.CompleteChatAsync(messages); } }
            """,
        ["70 linked list of recent questions"] = """
            public class S(IChatClient chat) {
                readonly LinkedList<string> _recent = new();
                public async Task<string> Post([FromBody] string q) {
                    _recent.AddLast(q);
                    if (_recent.Count > 5) _recent.RemoveFirst();
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:"Recent topics: " + string.Join("; ", _recent)|}), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["71 minimal API form file name into system"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapPost("/upload", async (IFormFile file, IChatClient chat) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"The user uploaded {file.FileName}"|})])).Text);
            } }
            """,
        ["72 number of hits only"] = """
            public class Doc { public string Text { get; set; } = ""; }
            public class Rag(IChatClient chat) {
                public async Task<string> Ask([FromQuery] string q, IAsyncEnumerable<Microsoft.Extensions.VectorData.VectorSearchResult<Doc>> hits) {
                    var count = 0; double best = 0;
                    await foreach (var h in hits) { count++; best = Math.Max(best, h.Score ?? 0); }
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, $"{count} documents matched, best score {best:F2}."), new ChatMessage(ChatRole.User, q)])).Text; } }
            """,
        ["73 optional style with a default into system"] = """
            public static class Api { public static void Map(WebApplication app) {
                app.MapGet("/write", async ([FromQuery] string? style, [FromQuery] string topic, IChatClient chat) =>
                    (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:style ?? "neutral"|}), new ChatMessage(ChatRole.User, topic)])).Text);
            } }
            """,
        ["74 SK plugin tone into chat history"] = """
            public class RewritePlugin {
                [KernelFunction] public async Task<string> Rewrite(Kernel kernel, string text, string tone) {
                    var history = new ChatHistory();
                    history.AddSystemMessage({|SLLM1001:$"Rewrite in a {tone} tone."|});
                    history.AddUserMessage(text);
                    var r = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history);
                    return r.Content ?? ""; } }
            """,
        // A known false negative (docs: known limitations): the channel lives in a service shared by two other types, and
        // stored taint is followed only between members of one type.
        ["75 channel shared by two services"] = """
            public class PromptQueue { public System.Threading.Channels.Channel<string> Items { get; } = System.Threading.Channels.Channel.CreateUnbounded<string>(); }
            public class Endpoint(PromptQueue queue) { public ValueTask Post([FromBody] string note) => queue.Items.Writer.WriteAsync(note); }
            public class Worker(PromptQueue queue, IChatClient chat) {
                public async Task Run() { await foreach (var note in queue.Items.Reader.ReadAllAsync()) await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Remember: " + note)]); } }
            """,
        ["76 tuple of system and user parts"] = """
            public class S(IChatClient chat) {
                static (string System, string User) Build(string q) => ("Be brief.", q);
                public async Task<string> Post([FromBody] string q) { var (system, user) = Build(q);
                    return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)])).Text; } }
            """,
        ["77 truncated input into system"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) {
                var shortQ = q[..Math.Min(q.Length, 50)];
                history.AddSystemMessage({|SLLM1001:$"Topic: {shortQ}"|}); } }
            """,
        ["78 model JSON plan goal into system"] = """
            public record Plan(string Goal, int Steps);
            public class S(IChatClient chat) {
                public async Task Run(ChatHistory history) {
                    var reply = await chat.GetResponseAsync("Make a plan as JSON.");
                    var plan = System.Text.Json.JsonSerializer.Deserialize<Plan>(reply.Text)!;
                    history.AddSystemMessage({|SLLM1001:"Goal: " + plan.Goal|}); } }
            """,
        ["79 model JSON plan step count only"] = """
            public record Plan(string Goal, int Steps);
            public class S(IChatClient chat) {
                public async Task Run(ChatHistory history) {
                    var reply = await chat.GetResponseAsync("Make a plan as JSON.");
                    var plan = System.Text.Json.JsonSerializer.Deserialize<Plan>(reply.Text)!;
                    history.AddSystemMessage($"Use {plan.Steps} steps."); } }
            """,
        ["80 Blazor route parameter into system"] = """
            [Microsoft.AspNetCore.Components.Route("/chat/{Topic}")]
            public class ChatPage : Microsoft.AspNetCore.Components.ComponentBase {
                [Microsoft.AspNetCore.Components.Parameter] public string Topic { get; set; } = "";
                [Microsoft.AspNetCore.Components.Inject] public IChatClient Chat { get; set; } = null!;
                async Task Send(string text) { await Chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|SLLM1001:$"Only discuss {Topic}."|}), new ChatMessage(ChatRole.User, text)]); } }
            """,
        ["81 user message that is only the value"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) { history.AddSystemMessage("Be brief."); history.AddUserMessage($"{q}"); } }
            """,
        ["82 user message template around the value"] = """
            public class S { public void Use([FromQuery] string q, ChatHistory history) { history.AddSystemMessage("Be brief."); history.AddUserMessage({|SLLM1002:$"Translate to French: {q}"|}); } }
            """,
    };
}
