using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Code as it is being typed: every prefix of realistic files (cut every few characters), and the same files with one
/// character deleted or an extra parenthesis, analyzed as the IDE would. None may make the analyzer throw (AD0001).
/// </summary>
public class EditingFuzzTests
{
    private const string Service = """
        public interface IAssistant { Task<string> AskAsync(string persona, string question); }
        public sealed class Assistant(IChatClient chat) : IAssistant
        {
            public async Task<string> AskAsync(string persona, string question)
            {
                var sb = new StringBuilder($"You are {persona}.");
                AddRules(sb, question);
                var messages = new List<ChatMessage> { new(ChatRole.System, sb.ToString()), new(ChatRole.User, question) };
                return (await chat.GetResponseAsync(messages, new ChatOptions { Instructions = "Be brief: " + persona })).Text;
            }
            static void AddRules(StringBuilder sb, string rules) => sb.Append(Prompt.Untrusted(rules));
        }
        public record AskBody(string Persona, string Question);
        public class AskController(IAssistant assistant) : ControllerBase
        {
            [HttpPost] public Task<string> Ask([FromBody] AskBody body) => assistant.AskAsync(body.Persona, body.Question);
        }
        """;

    private const string MinimalApi = """
        public static class Api
        {
            public static void Map(WebApplication app, Kernel kernel)
            {
                app.MapPost("/chat", async (HttpRequest request, ChatHistory history) =>
                {
                    var text = await new StreamReader(request.Body).ReadToEndAsync();
                    history.AddSystemMessage(string.Format("Context: {0}", text));
                    await kernel.InvokePromptAsync($"Summarize {text}", new KernelArguments { ["x"] = text });
                    foreach (var line in text.Split('\n')) { history.AddUserMessage(line); }
                    return Results.Ok();
                });
            }
        }
        """;

    // Patterns, messages filled after creation, prompts built in locals, calls whose value is dropped, characters.
    private const string Builder = """
        public record Ticket(string Subject, string Body);
        public class Triage(IChatClient client)
        {
            public async Task<string> RunAsync([FromBody] Ticket ticket, HttpRequest request)
            {
                var q = request.Query["q"].ToString();
                if (ticket is { Body: var body, Subject.Length: > 0 } t && q is [var first, ..] chars) { _ = first; }
                var prompt = $"Help with {ticket.Subject}: {body}";
                var m = new ChatMessage(ChatRole.System, prompt);
                m.Contents.Add(new Microsoft.Extensions.AI.TextContent(string.Format("{0}/{1}", q, t?.Body)));
                var sb = new StringBuilder();
                foreach (var c in q) sb.Append(c);
                await SaveAsync(sb).ConfigureAwait(false);
                var reply = await client.GetResponseAsync([m, new ChatMessage { Role = ChatRole.User, Contents = { new Microsoft.Extensions.AI.TextContent(q) } }]);
                return reply.Text switch { { Length: 0 } => "", var text => text };
            }
            static Task SaveAsync(StringBuilder sb) => Task.CompletedTask;
        }
        """;

    // Receivers named like types (static calls, an outer field, an inherited member), chains of calls of every depth.
    private const string Receivers = """
        using static System.Math;
        public static class Retry
        {
            public static Task SendAsync(ChatHistory history, string s) { history.AddSystemMessage(s); return Task.CompletedTask; }
            public static string Deeper(ChatHistory history, string s) { Mid(history, s); return s; }
            static void Mid(ChatHistory history, string s) => Retry.SendAsync(history, Abs(1) + s);
        }
        public class Outer(OllamaSharp.Chat chat)
        {
            static OllamaSharp.Chat Retry = null!;
            public class Inner : Exception
            {
                public async Task Run([FromQuery] string q, ChatHistory history)
                {
                    await foreach (var _ in Retry.SendAsync(q)) { }
                    _ = Source?.Length;
                    await global::Retry.SendAsync(history, global::Retry.Deeper(history, q));
                }
            }
        }
        """;

    // Values built side by side (tuples, positional records) and checks held in helpers and bool locals.
    private const string Shapes = """
        public record Parts(string Sys, string User);
        public class Prompts(IChatClient chat)
        {
            static (string Sys, string User) Build(string topic, string q) => ($"Only {topic}.", q);
            static Parts Make(string q) => new("Be brief.", q);
            static bool IsAllowed(string l) => l is "en" or "fr";
            public async Task<string> Ask([FromQuery] string lang, [FromQuery] string q)
            {
                var known = IsAllowed(lang) && lang != "de";
                if (!known) return "";
                var (sys, user) = Build(lang, q);
                var p = Make(q);
                var t = (sys, p.User);
                (string a, (string b, string c)) = (t.Item1, (user, p.Sys));
                return (await chat.GetResponseAsync([new(ChatRole.System, sys + a + b), new(ChatRole.User, t.Item2 + c)])).Text;
            }
        }
        """;

    // Delegates stored in members, throwing checks in helpers, producer/consumer collections, objects a callee fills.
    private const string Stored = """
        public class Opts { public string Persona { get; set; } = ""; }
        public class Worker(IChatClient chat, ChatHistory history)
        {
            private readonly Action<string> _rules = r => history.AddSystemMessage(r);
            private Func<string, Task>? _ask;
            private readonly System.Threading.Channels.Channel<string> _queue = System.Threading.Channels.Channel.CreateUnbounded<string>();
            public void Init() { _ask = async p => await chat.GetResponseAsync([new ChatMessage(ChatRole.System, p)]); _ask += Log; }
            static Task Log(string s) => Task.CompletedTask;
            static void Check(string mode) { switch (mode) { case "a": return; default: throw new ArgumentException(mode); } }
            static void Fill(Opts o, HttpRequest r) { o.Persona = r.Query["p"]!; }
            public async Task Run([FromQuery] string q, HttpRequest request)
            {
                Check(q);
                ArgumentOutOfRangeException.ThrowIfNotEqual(q, "a");
                _rules?.Invoke(q);
                await (_ask?.Invoke(q) ?? Task.CompletedTask);
                var opts = new Opts(); Fill(opts, request);
                var set = new LinkedList<string>(); set.AddLast(opts.Persona);
                _queue.Writer.TryWrite(set.First!.Value);
                await foreach (var n in _queue.Reader.ReadAllAsync()) history.AddSystemMessage(n);
            }
        }
        """;

    [Theory]
    [InlineData(nameof(Stored))]
    [InlineData(nameof(Shapes))]
    [InlineData(nameof(Service))]
    [InlineData(nameof(MinimalApi))]
    [InlineData(nameof(Builder))]
    [InlineData(nameof(Receivers))]
    public async Task Partial_and_broken_edits_never_crash_the_analyzer(string name)
    {
        var body = name switch { nameof(Service) => Service, nameof(MinimalApi) => MinimalApi, nameof(Builder) => Builder, nameof(Shapes) => Shapes, nameof(Stored) => Stored, _ => Receivers };
        for (var cut = 0; cut < body.Length; cut += 13)
        {
            foreach (var variant in new[] { body.Substring(0, cut), body.Remove(cut, 1), body.Insert(cut, "(") })
            {
                var diagnostics = await Verify.RunAsync(Verify.Usings + variant, TestReferences.All);
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            }
        }
    }
}
