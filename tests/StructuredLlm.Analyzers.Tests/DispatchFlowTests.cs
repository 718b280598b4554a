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

    /// <summary>
    /// A call given nothing untrusted (the pipeline step's job is the app's own) is walked for the sources its callees read
    /// themselves: through the job's members passed on to a helper, a call on the handler's own object, two levels down.
    /// Implementations that read no source are not walked, and one that only echoes its argument adds nothing.
    /// </summary>
    [Theory]
    [InlineData("public async Task<string> RunAsync(Job job) => await Load(job.Path); static Task<string> Load(string path) => File.ReadAllTextAsync(path);")]
    [InlineData("private string _text = \"\"; public async Task<string> RunAsync(Job job) { _text = await File.ReadAllTextAsync(job.Path); return Current(); } private string Current() => _text;")]
    [InlineData("public Task<string> RunAsync(Job job) => new Reader().ReadAsync(job); sealed class Reader { public Task<string> ReadAsync(Job job) => Task.FromResult(Console.ReadLine() + job.Path); }")]
    public Task Sources_read_below_a_call_given_nothing_untrusted_are_found(string reader) =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public record Job(string Path);
            public interface IHandler { Task<string> RunAsync(Job job); }
            public sealed class Reading : IHandler
            {
            """ + reader + """

            }
            public sealed class Echo : IHandler { public Task<string> RunAsync(Job job) => Task.FromResult(job.Path); }
            public sealed class Quiet : IHandler { public Task<string> RunAsync(Job job) => Task.FromResult("done"); }
            public class Orchestrator(IHandler handler, ChatHistory history)
            {
                public async Task StepAsync(Job job)
                {
                    var text = await handler.RunAsync(job);
                    history.AddSystemMessage({|SLLM1001:text|});
                }
            }
            """);

    /// <summary>The same calls, where no implementation reads a source: the app's job echoed back is no finding.</summary>
    [Fact]
    public Task A_call_given_nothing_untrusted_whose_implementations_read_no_source_is_no_finding() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public record Job(string Path);
            public interface IHandler { Task<string> RunAsync(Job job); }
            public sealed class Echo : IHandler { public Task<string> RunAsync(Job job) => Task.FromResult(job.Path); }
            public sealed class Helper : IHandler { public Task<string> RunAsync(Job job) => Task.FromResult(Format(job.Path)); static string Format(string p) => "Path: " + p; }
            public class Orchestrator(IHandler handler, ChatHistory history)
            {
                public async Task StepAsync(Job job) => history.AddSystemMessage(await handler.RunAsync(job));
            }
            """);

    /// <summary>
    /// Below a call given nothing untrusted, the source keeps the name it was read under (the file read, not the member
    /// of the object deserialized from it), the same at every such call.
    /// </summary>
    [Fact]
    public async Task A_source_read_below_a_call_given_nothing_untrusted_is_named_where_it_was_read()
    {
        var source = Verify.Usings + """
            public record Doc(string Id, string Text);
            public interface IRepo { Task<List<Doc>> LoadAsync(string id); }
            public sealed class FileRepo : IRepo
            {
                public async Task<List<Doc>> LoadAsync(string id) => new() { new Doc(id, await File.ReadAllTextAsync(id)) };
            }
            public class Store(IRepo repo)
            {
                public async Task<string> FirstAsync(string id) { var docs = await repo.LoadAsync(id); var doc = docs[0]; return doc.Text; }
            }
            public class C(Store store, ChatHistory history)
            {
                public async Task M() => history.AddSystemMessage(await store.FirstAsync("a"));
                public async Task N() => history.AddSystemMessage(await store.FirstAsync("b"));
            }
            """;
        var diagnostics = await Verify.RunAsync(source);
        Assert.Equal(2, diagnostics.Length);
        foreach (var d in diagnostics)
        {
            Assert.Equal("SLLM1001", d.Id);
            Assert.StartsWith("'File.ReadAllTextAsync(id)' (file contents) flows into the system message", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }
    }
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

    private const string ContextPipeline = """
        public sealed class Ctx { public string? Instructions { get; set; } public IEnumerable<ChatMessage>? Messages { get; set; } }
        public sealed class Invoking { public Invoking(object owner, Ctx context) { Owner = owner; Context = context; } public object Owner { get; } public Ctx Context { get; } }
        public abstract class Provider
        {
            public ValueTask<Ctx> InvokingAsync(Invoking context) => InvokingCoreAsync(context);
            protected virtual ValueTask<Ctx> InvokingCoreAsync(Invoking context) => new(context.Context);
        }
        public sealed class Extra : Provider
        {
            protected override ValueTask<Ctx> InvokingCoreAsync(Invoking context) =>
                new(new Ctx { Instructions = context.Context.Instructions + " Be brief.", Messages = context.Context.Messages });
        }
        public sealed class FromFile
        {
            public async ValueTask<Ctx> InvokingAsync(Invoking context) =>
                new Ctx { Instructions = await File.ReadAllTextAsync("rules.md"), Messages = context.Context.Messages };
        }
        """;

    private static string Pipeline(string instructions, string body) => Verify.Usings + ContextPipeline + """
        public sealed class Agent(List<Provider> providers, IChatClient chat)
        {
            public async Task RunAsync(ChatOptions options)
            {
                var text = Console.ReadLine()!;
                var messages = new List<ChatMessage> { new(ChatRole.User, text) };
                var ctx = new Ctx { Instructions = 
        """ + instructions + """
        , Messages = messages };

        """ + body + """

                await chat.GetResponseAsync(ctx.Messages!, options);
            }
        }
        """;

    /// <summary>
    /// An object built with the caller's messages beside clean instructions, handed through calls that give back an object
    /// of its type (a provider pipeline over an abstract method): its instructions hold what they held, not the messages.
    /// </summary>
    [Theory]
    [InlineData("foreach (var p in providers) { ctx = await p.InvokingAsync(new Invoking(this, ctx)); }")]
    [InlineData("foreach (var p in providers) { var invoking = new Invoking(this, ctx); ctx = await p.InvokingAsync(invoking); }")]
    [InlineData("foreach (var p in providers) { var invoking = new Invoking(this, ctx); ctx = await p.InvokingAsync(invoking).ConfigureAwait(false); }")]
    public Task An_object_handed_back_by_a_call_keeps_its_clean_members_clean(string body) =>
        Verify.AnalyzerAsync(Pipeline("options.Instructions", body + " options.Instructions = ctx.Instructions;"));

    [Theory]
    // the instructions were built from the messages before the pipeline
    [InlineData("\"Reply to \" + text", "foreach (var p in providers) { ctx = await p.InvokingAsync(new Invoking(this, ctx)); } options.Instructions = {|SLLM1001:ctx.Instructions|};")]
    // a call that brings new untrusted text (a file it reads) may have put it in any member
    [InlineData("options.Instructions", "ctx = await new FromFile().InvokingAsync(new Invoking(this, ctx)); options.Instructions = {|SLLM1001:ctx.Instructions|};")]
    // the object itself holds everything it was given
    [InlineData("options.Instructions", "foreach (var p in providers) { ctx = await p.InvokingAsync(new Invoking(this, ctx)); } options.Instructions = {|SLLM1001:ctx.ToString()|};")]
    public Task Untrusted_text_in_or_brought_to_an_object_handed_back_is_still_found(string instructions, string body) =>
        Verify.AnalyzerAsync(Pipeline(instructions, body));
}
