using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Calls through an interface or a base method reach the bodies of this compilation they may run: a service injected as
/// its interface (the usual ASP.NET Core shape), an abstract template method, a virtual method and its overrides.
/// </summary>
public class DispatchFlowTests
{
    [Fact]
    public Task A_request_field_reaches_the_system_message_built_by_a_service_called_through_its_interface() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public interface IAssistant { Task<string> AskAsync(string persona, string question); }
            public sealed class Assistant(IChatClient chat) : IAssistant
            {
                public async Task<string> AskAsync(string persona, string question) =>
                    (await chat.GetResponseAsync(new List<ChatMessage> { new(ChatRole.System, "You are " + persona), new(ChatRole.User, question) })).Text;
            }
            public record AskBody(string Persona, string Question);
            public class AskController(IAssistant assistant) : ControllerBase
            {
                [HttpPost] public Task<string> Ask([FromBody] AskBody body) => assistant.AskAsync({|SLLM1001:body.Persona|}, body.Question);
            }
            """);

    [Fact]
    public Task A_source_returned_by_an_implementation_taints_the_interface_call() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public interface IDocs { Task<string> LoadAsync(string url); }
            public sealed class WebDocs(HttpClient http) : IDocs { public Task<string> LoadAsync(string url) => http.GetStringAsync(url); }
            public sealed class CachedDocs : IDocs { public Task<string> LoadAsync(string url) => Task.FromResult("cached"); }
            public class Bot(IDocs docs, ChatHistory history)
            {
                public async Task RunAsync()
                {
                    var page = await docs.LoadAsync("https://example.com");
                    history.AddSystemMessage({|SLLM1001:"Context: " + page|});
                }
            }
            """);

    [Fact]
    public Task Abstract_virtual_and_explicit_implementations_are_followed() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public abstract class Step { public abstract void Run(string input); }
            public sealed class SystemStep(ChatHistory h) : Step { public override void Run(string input) => h.AddSystemMessage("Rules: " + input); }
            public class Formatter { public virtual string Format(string s) => s.Trim(); }
            public class Sink(ChatHistory h) : Formatter { public override string Format(string s) { h.AddSystemMessage(s); return s; } }
            public interface IRepo<T> { void Save(T item); }
            public sealed class PromptRepo(ChatHistory h) : IRepo<string> { void IRepo<string>.Save(string item) => h.AddDeveloperMessage(item); }
            public static class Use
            {
                public static void Run(Step step, Formatter formatter, IRepo<string> repo, [FromQuery] string q)
                {
                    step.Run({|SLLM1001:q|});
                    formatter.Format({|SLLM1001:q|});
                    repo.Save({|SLLM1001:q|});
                }
            }
            """);

    [Fact]
    public async Task The_message_names_the_method_called_through_the_interface()
    {
        var source = Verify.Usings + """
            public interface IPrompts { void Set(string rules); }
            public sealed class Prompts(ChatHistory h) : IPrompts { public void Set(string rules) => h.AddSystemMessage(rules); }
            public static class Use { public static void Run(IPrompts p) => p.Set(Console.ReadLine()!); }
            """;
        var d = Assert.Single(await Verify.RunAsync(source));
        Assert.Equal("SLLM1001", d.Id);
        Assert.Contains("(through 'Set')", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Implementations_that_do_not_put_the_argument_into_a_sink_are_not_findings() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public interface IAssistant { Task AskAsync(string question); }
            public sealed class Assistant(ChatHistory h) : IAssistant
            {
                public Task AskAsync(string question) { h.AddSystemMessage("You are helpful."); h.AddUserMessage(question); return Task.CompletedTask; }
            }
            public class Store { public virtual void Put(string s) { } }
            public class PromptStore(ChatHistory h) : Store
            {
                public override void Put(string s) => h.AddSystemMessage(s);
                public void KeepQuiet(string s) => base.Put(s); // not a virtual call: only Store.Put runs
            }
            public interface INoImplementation { void Set(string rules); }
            public sealed class Unrelated(ChatHistory h) { public void Set(string rules) => h.AddSystemMessage(rules); }
            public static class Use
            {
                public static async Task Run(IAssistant a, INoImplementation none, PromptStore store, [FromQuery] string q)
                {
                    await a.AskAsync(q);
                    none.Set(q);
                    store.KeepQuiet(q);
                }
            }
            """);
}

/// <summary>A callee that appends to or fills an object its caller passed (a StringBuilder, a list) taints the caller's variable.</summary>
public class FilledArgumentFlowTests
{
    [Fact]
    public Task Helpers_that_fill_a_builder_or_a_list_taint_the_callers_object() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public static class Prompts
            {
                static void AddRules(StringBuilder sb, string rules) => sb.Append("Rules: ").Append(rules);
                static void LoadNotes(StringBuilder sb) => sb.AppendLine(File.ReadAllText("notes.md"));
                static void Collect(List<string> parts, string part) => parts.Add(part);
                static int Measure(StringBuilder sb, List<string> parts) => sb.Length + parts.Count;

                public static void Run(ChatHistory history, [FromQuery] string q)
                {
                    var a = new StringBuilder();
                    AddRules(a, q);
                    history.AddSystemMessage({|SLLM1001:a.ToString()|});

                    var b = new StringBuilder("Notes:\n");
                    LoadNotes(b);
                    history.AddSystemMessage({|SLLM1001:b.ToString()|});

                    var parts = new List<string> { "Be brief." };
                    Collect(parts, q);
                    history.AddSystemMessage({|SLLM1001:string.Join("\n", parts)|});

                    var clean = new StringBuilder("Rules");
                    var cleanParts = new List<string>();
                    Measure(clean, cleanParts);
                    history.AddSystemMessage(clean.ToString());
                    history.AddSystemMessage(string.Join("\n", cleanParts));
                }
            }
            """);

    [Fact]
    public Task A_method_that_completes_an_object_with_model_output_does_not_feed_that_output_into_its_own_prompt() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public class Ticket { public string Subject { get; set; } = ""; public string Summary { get; set; } = ""; }
            public class Summarizer(IChatClient chat)
            {
                async Task SummarizeAsync(Ticket ticket)
                {
                    var reply = await chat.GetResponseAsync("Summarize the ticket titled " + ticket.Subject);
                    ticket.Summary = reply.Text;
                }

                public async Task RunAsync(IEnumerable<Ticket> tickets)
                {
                    foreach (var ticket in tickets)
                    {
                        await SummarizeAsync(ticket);
                    }
                }
            }
            """);
}
