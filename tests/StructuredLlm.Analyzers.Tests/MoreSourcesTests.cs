using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Sources beyond the web request and the model: a gRPC service's request, a program's command-line arguments, web
/// pages read through a browser (Playwright) or an HTML loader (HtmlAgilityPack, AngleSharp), email and chat-channel
/// messages, speech transcripts and Azure Functions trigger payloads. Each test also holds the nearby uses that must
/// stay quiet (the service's own plumbing, a non-entry-point string[], content the app supplies itself).
/// </summary>
public class MoreSourcesTests
{
    /// <summary>The shape Grpc.Tools generates for a service: a base class marked [BindServiceMethod] with virtual methods.</summary>
    private const string GreeterBase = """
        using System.Threading.Tasks; using Grpc.Core;
        public class HelloRequest { public string Name { get; set; } = ""; public int Count { get; set; } }
        public class HelloReply { public string Message { get; set; } = ""; }
        public static partial class Greeter
        {
            [BindServiceMethod(typeof(Greeter), "BindService")]
            public abstract partial class GreeterBase
            {
                public virtual Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context) => throw new RpcException(new Status(StatusCode.Unimplemented, ""));
                public virtual Task Chat(IAsyncStreamReader<HelloRequest> requestStream, IServerStreamWriter<HelloReply> responseStream, ServerCallContext context) => throw new RpcException(new Status(StatusCode.Unimplemented, ""));
            }
        }
        """;

    [Fact]
    public Task Grpc_request_messages_and_request_streams_are_sources() =>
        Verify.AnalyzerFilesAsync(
            GreeterBase,
            Verify.Usings + """
            using Grpc.Core;
            public class GreeterService(ChatHistory history) : Greeter.GreeterBase
            {
                public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context)
                {
                    history.AddSystemMessage({|SLLM1001:$"Greet {request.Name}"|});
                    history.AddSystemMessage($"Called as {context.Method}, {request.Count} times");
                    history.AddSystemMessage({|SLLM1001:"Persona: " + context.RequestHeaders.GetValue("x-persona")|});
                    return Task.FromResult(new HelloReply());
                }

                public override async Task Chat(IAsyncStreamReader<HelloRequest> requestStream, IServerStreamWriter<HelloReply> responseStream, ServerCallContext context)
                {
                    while (await requestStream.MoveNext(context.CancellationToken))
                    {
                        history.AddSystemMessage({|SLLM1001:"Topic: " + requestStream.Current.Name|});
                    }
                }

                // Not a service method (no client calls it): its parameter is the app's own.
                public void Configure(string persona) => history.AddSystemMessage(persona);
            }
            """);

    [Fact]
    public async Task Grpc_findings_name_the_request()
    {
        var diagnostics = await Verify.RunAsync("using Microsoft.SemanticKernel.ChatCompletion;\n" + GreeterBase + "\n" + """
            public class GreeterService(ChatHistory history) : Greeter.GreeterBase
            {
                public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context)
                {
                    history.AddSystemMessage("Greet " + request.Name);
                    return Task.FromResult(new HelloReply());
                }
            }
            """);
        var finding = Assert.Single(diagnostics);
        Assert.Equal("SLLM1001", finding.Id);
        Assert.Contains("(gRPC request)", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task Command_line_arguments_are_sources() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var history = new ChatHistory();
                    history.AddSystemMessage({|SLLM1001:"You are " + args[0]|});
                    history.AddSystemMessage({|SLLM1001:Environment.GetCommandLineArgs()[1]|});
                    history.AddUserMessage(args[1]); // the whole user message
                    await Task.CompletedTask;
                }

                // Only an entry point's string[] is the command line.
                public static void Configure(string[] personas, ChatHistory history) => history.AddSystemMessage(personas[0]);
            }
            """);

    /// <summary>A host or configuration built from the command line is the operator's configuration, not the program's input.</summary>
    [Fact]
    public Task Configuration_built_from_the_command_line_is_not_a_source() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public static class Server
            {
                public static void Main(string[] args)
                {
                    var history = new ChatHistory();
                    var builder = WebApplication.CreateBuilder(args);
                    history.AddSystemMessage(builder.Configuration["SystemPrompt"]!);
                    var host = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
                    history.AddSystemMessage(host.Configuration["Persona"]!);
                    var configuration = Microsoft.Extensions.Configuration.CommandLineConfigurationExtensions
                        .AddCommandLine(new Microsoft.Extensions.Configuration.ConfigurationBuilder(), args).Build();
                    history.AddSystemMessage(configuration["Persona"]!);
                    history.AddSystemMessage({|SLLM1001:"Persona: " + args[0]|});
                }
            }
            """);

    [Fact]
    public async Task Top_level_statements_args_are_command_line_arguments()
    {
        var diagnostics = await Verify.RunAsync("""
            using Microsoft.SemanticKernel.ChatCompletion;
            var history = new ChatHistory();
            history.AddSystemMessage("Answer as " + args[0]);
            """);
        var finding = Assert.Single(diagnostics, d => d.Id.StartsWith("SLLM", System.StringComparison.Ordinal));
        Assert.Equal("SLLM1001", finding.Id);
        Assert.Contains("'args' (command-line argument)", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Playwright's package is not referenced here (it carries browser drivers, 786 MB): declarations with the same
    /// metadata names and signatures as Microsoft.Playwright 1.64.1 stand in for it, which is how the analyzer finds
    /// the types either way.
    /// </summary>
    private const string Playwright = """
        using System.Collections.Generic; using System.Threading.Tasks;
        namespace Microsoft.Playwright
        {
            public interface IPage
            {
                Task<string> ContentAsync();
                Task<string> InnerTextAsync(string selector);
                Task<string> TitleAsync();
                ILocator Locator(string selector);
                Task<IResponse?> GotoAsync(string url);
            }
            public interface ILocator
            {
                Task<string> InnerTextAsync();
                Task<string?> TextContentAsync();
                Task<IReadOnlyList<string>> AllInnerTextsAsync();
                Task<string?> GetAttributeAsync(string name);
                Task<int> CountAsync();
            }
            public interface IResponse { Task<string> TextAsync(); string Url { get; } }
        }
        """;

    [Fact]
    public Task Web_pages_read_with_Playwright_are_sources() =>
        Verify.AnalyzerFilesAsync(
            Playwright,
            Verify.Usings + """
            using Microsoft.Playwright;
            public class Browser(IChatClient client)
            {
                public async Task Summarize(IPage page)
                {
                    var response = await page.GotoAsync("https://example.com");
                    var text = await page.Locator("article").InnerTextAsync();
                    var links = string.Join(", ", await page.Locator("a").AllInnerTextsAsync());
                    await client.GetResponseAsync(new[]
                    {
                        new ChatMessage(ChatRole.System, {|SLLM1001:"Summarize this page: " + text|}),
                        new ChatMessage(ChatRole.System, {|SLLM1001:$"Links: {links}"|}),
                        new ChatMessage(ChatRole.System, {|SLLM1001:await page.ContentAsync()|}),
                        new ChatMessage(ChatRole.System, {|SLLM1001:(await response!.TextAsync())|}),
                        new ChatMessage(ChatRole.System, $"The page has {await page.Locator("a").CountAsync()} links"),
                        new ChatMessage(ChatRole.User, text),
                    });
                }
            }
            """);

    private const string HtmlLoaders = """
        using System.Threading; using System.Threading.Tasks;
        namespace HtmlAgilityPack
        {
            public class HtmlNode { public string InnerText => ""; }
            public class HtmlDocument { public HtmlNode DocumentNode => new(); }
            public class HtmlWeb
            {
                public HtmlDocument Load(string url) => new();
                public Task<HtmlDocument> LoadFromWebAsync(string url) => Task.FromResult(new HtmlDocument());
            }
        }
        namespace AngleSharp
        {
            namespace Dom { public interface IElement { string TextContent { get; } } public interface IDocument { IElement? Body { get; } } }
            namespace Io { public class VirtualResponse { public VirtualResponse Content(string text) => this; } }
            public interface IBrowsingContext { }
            public static class BrowsingContextExtensions
            {
                public static Task<Dom.IDocument> OpenAsync(this IBrowsingContext context, string address, CancellationToken cancellation = default) => null!;
                public static Task<Dom.IDocument> OpenAsync(this IBrowsingContext context, System.Action<Io.VirtualResponse> request, CancellationToken cancel = default) => null!;
            }
        }
        """;

    [Fact]
    public Task Web_pages_loaded_with_HtmlAgilityPack_or_AngleSharp_are_sources() =>
        Verify.AnalyzerFilesAsync(
            HtmlLoaders,
            Verify.Usings + """
            using AngleSharp; using HtmlAgilityPack;
            public class Reader(ChatHistory history)
            {
                public async Task Read(HtmlWeb web, IBrowsingContext context, string template)
                {
                    var doc = web.Load("https://example.com/a");
                    history.AddSystemMessage({|SLLM1001:"Context: " + doc.DocumentNode.InnerText|});
                    var page = await context.OpenAsync("https://example.com/b");
                    history.AddSystemMessage({|SLLM1001:page.Body!.TextContent|});

                    // A document the app builds from its own text is not a web page.
                    var own = await context.OpenAsync(response => response.Content(template));
                    history.AddSystemMessage(own.Body!.TextContent);
                }
            }
            """);

    /// <summary>
    /// Declarations with the metadata names of MimeKit 4.18, Microsoft Graph 6.10, Bot Framework 4.23, Telegram.Bot 22.10
    /// and Discord.Net (none referenced here) stand in for those packages' message types.
    /// </summary>
    private const string Messages = """
        using System.Threading.Tasks;
        namespace MimeKit { public class MimeMessage { public string Subject { get; set; } = ""; public string TextBody => ""; } }
        namespace Microsoft.Graph.Models
        {
            public class ItemBody { public string? Content { get; set; } }
            public class Message { public ItemBody? Body { get; set; } public string? Subject { get; set; } }
        }
        namespace Microsoft.Bot.Schema
        {
            public interface IActivity { string Type { get; set; } }
            public interface IMessageActivity : IActivity { string Text { get; set; } }
            public class Activity : IMessageActivity { public string Type { get; set; } = ""; public string Text { get; set; } = ""; }
        }
        namespace Microsoft.Bot.Builder { public interface ITurnContext { Microsoft.Bot.Schema.Activity Activity { get; } } }
        namespace Telegram.Bot.Types
        {
            public class Message { public string? Text { get; set; } public string? Caption { get; set; } }
            public class Update { public Message? Message { get; set; } }
        }
        namespace Discord { public interface IMessage { string Content { get; } } }
        namespace Discord.WebSocket { public abstract class SocketMessage : IMessage { public string Content => ""; } }
        """;

    [Fact]
    public Task Email_and_chat_channel_messages_are_sources() =>
        Verify.AnalyzerFilesAsync(
            Messages,
            Verify.Usings + """
            public class Assistant(ChatHistory history)
            {
                public void Triage(MimeKit.MimeMessage mail, Microsoft.Graph.Models.Message outlook)
                {
                    history.AddSystemMessage({|SLLM1001:$"Triage the mail '{mail.Subject}': {mail.TextBody}"|});
                    history.AddSystemMessage({|SLLM1001:"Body: " + outlook.Body!.Content|});
                    history.AddUserMessage(mail.TextBody); // the whole user message
                }

                public void OnTurn(Microsoft.Bot.Builder.ITurnContext turn, Telegram.Bot.Types.Update update, Discord.WebSocket.SocketMessage discord)
                {
                    history.AddSystemMessage({|SLLM1001:"The user asked: " + turn.Activity.Text|});
                    history.AddSystemMessage({|SLLM1001:"Telegram: " + update.Message!.Text|});
                    history.AddSystemMessage({|SLLM1001:"Discord: " + discord.Content|});
                    history.AddUserMessage(turn.Activity.Text);
                }
            }
            """);

    [Fact]
    public Task Speech_transcripts_are_sources() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            #pragma warning disable MEAI001, OPENAI001
            public class Voice(ChatHistory history)
            {
                public void Heard(OpenAI.Audio.AudioTranscription transcription, SpeechToTextResponse speech)
                {
                    history.AddSystemMessage({|SLLM1001:"The caller said: " + transcription.Text|});
                    history.AddSystemMessage({|SLLM1001:$"Transcript: {speech.Text}"|});
                    history.AddUserMessage(transcription.Text);
                }
            }
            """);

    /// <summary>The trigger attributes of the Azure Functions worker and WebJobs SDKs (not referenced here), by metadata name.</summary>
    [Fact]
    public Task Azure_Functions_trigger_payloads_are_sources() =>
        Verify.AnalyzerFilesAsync(
            """
            using System;
            namespace Microsoft.Azure.Functions.Worker
            {
                public sealed class QueueTriggerAttribute(string queueName) : Attribute { }
                public sealed class ServiceBusTriggerAttribute(string queueName) : Attribute { }
                public sealed class BlobTriggerAttribute(string blobPath) : Attribute { }
                public sealed class FunctionAttribute(string name) : Attribute { }
            }
            namespace Microsoft.Azure.WebJobs { public sealed class QueueTriggerAttribute(string queueName) : Attribute { } }
            """,
            Verify.Usings + """
            using Microsoft.Azure.Functions.Worker;
            public record Ticket(string Subject, string Body);
            public class Functions(ChatHistory history)
            {
                [Function("triage")]
                public void Triage([QueueTrigger("tickets")] Ticket ticket, [ServiceBusTrigger("mail")] string mail)
                {
                    history.AddSystemMessage({|SLLM1001:$"Triage '{ticket.Subject}': {ticket.Body}"|});
                    history.AddSystemMessage({|SLLM1001:"Mail: " + mail|});
                }

                [Function("summarize")]
                public void Summarize([BlobTrigger("docs/{name}")] string document, string name)
                {
                    history.AddSystemMessage({|SLLM1001:"Document: " + document|});
                    history.AddSystemMessage("File " + name);
                }

                public void InProcess([Microsoft.Azure.WebJobs.QueueTrigger("q")] string message) =>
                    history.AddSystemMessage({|SLLM1001:message|});
            }
            """);

    /// <summary>
    /// A Blazor chat page: `&lt;input @bind="question" /&gt;` compiles (in the Razor generator's part of the class) to a setter
    /// lambda given to CreateBinder, whose parameter is what the user typed. The field it fills is read by another member.
    /// </summary>
    [Fact]
    public Task Blazor_bound_inputs_are_sources() =>
        Verify.AnalyzerFilesAsync(
            Verify.Usings + """
            using Microsoft.AspNetCore.Components; using Microsoft.AspNetCore.Components.Rendering;
            public partial class ChatPage : ComponentBase
            {
                private string question = "";
                private string topic = "billing";
                protected override void BuildRenderTree(RenderTreeBuilder __builder)
                {
                    __builder.OpenElement(0, "input");
                    __builder.AddAttribute(1, "value", BindConverter.FormatValue(question));
                    __builder.AddAttribute(2, "onchange", EventCallback.Factory.CreateBinder(this, __value => question = __value, question));
                    __builder.CloseElement();
                    __builder.AddContent(3, topic);
                }
            }
            """,
            Verify.Usings + """
            public partial class ChatPage
            {
                [Microsoft.AspNetCore.Components.Inject] private IChatClient Client { get; set; } = null!;

                private async Task SendAsync()
                {
                    await Client.GetResponseAsync(new[]
                    {
                        new ChatMessage(ChatRole.System, {|SLLM1001:$"Answer questions about {question}"|}),
                        new ChatMessage(ChatRole.System, $"Stay on {topic}"),
                        new ChatMessage(ChatRole.User, question),
                    });
                }
            }
            """);

    /// <summary>The page's address and what an input's change handler is given are the user's.</summary>
    [Fact]
    public Task Blazor_page_address_and_change_events_are_sources() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            using Microsoft.AspNetCore.Components;
            public class SearchPage : ComponentBase
            {
                [Inject] private IChatClient Client { get; set; } = null!;
                [Inject] private NavigationManager Nav { get; set; } = null!;
                private string query = "";

                private void OnInput(ChangeEventArgs e) => query = e.Value?.ToString() ?? "";

                private async Task SendAsync()
                {
                    await Client.GetResponseAsync("Go", new ChatOptions { Instructions = {|SLLM1001:"Query: " + query|} });
                    await Client.GetResponseAsync("Go", new ChatOptions { Instructions = {|SLLM1001:"Opened from " + Nav.Uri|} });
                    await Client.GetResponseAsync("Go", new ChatOptions { Instructions = "Site: " + Nav.BaseUri });
                }
            }
            """);

    /// <summary>An MVC action filter's and a minimal-API endpoint filter's arguments are the bound request values.</summary>
    [Fact]
    public Task Filter_arguments_are_sources() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            using Microsoft.AspNetCore.Mvc.Filters;
            public class PromptFilter(ChatHistory history) : IActionFilter, IEndpointFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    history.AddSystemMessage({|SLLM1001:"Args: " + string.Join(",", context.ActionArguments.Values)|});
                    history.AddSystemMessage("Action: " + context.ActionDescriptor.DisplayName);
                }

                public void OnActionExecuted(ActionExecutedContext context) { }

                public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
                {
                    history.AddSystemMessage({|SLLM1001:"Arg: " + context.Arguments[0]|});
                    history.AddSystemMessage({|SLLM1001:"Topic: " + context.GetArgument<string>(1)|});
                    return await next(context);
                }
            }
            """);

    /// <summary>
    /// Declarations with the metadata names and shapes of Kernel Memory 0.98's abstractions (not referenced here): a
    /// search's results, citations and partitions, an answer, and the record an <c>IMemoryDb</c> returns.
    /// </summary>
    private const string KernelMemory = """
        using System.Collections.Generic; using System.Threading; using System.Threading.Tasks;
        namespace Microsoft.KernelMemory
        {
            public class Citation
            {
                public string SourceName { get; set; } = "";
                public List<Partition> Partitions { get; set; } = new();
                public class Partition { public string Text { get; set; } = ""; public float Relevance { get; set; } }
            }
            public class SearchResult { public string Query { get; set; } = ""; public List<Citation> Results { get; set; } = new(); }
            public class MemoryAnswer
            {
                public string Question { get; set; } = "";
                public bool NoResult { get; set; }
                public string Result { get; set; } = "";
                public List<Citation> RelevantSources { get; set; } = new();
            }
            public interface IKernelMemory
            {
                Task<SearchResult> SearchAsync(string query, string? index = null, CancellationToken cancellationToken = default);
                Task<MemoryAnswer> AskAsync(string question, string? index = null, CancellationToken cancellationToken = default);
            }
        }
        namespace Microsoft.KernelMemory.MemoryStorage
        {
            public class MemoryRecord { public string Id { get; set; } = ""; public Dictionary<string, object> Payload { get; set; } = new(); }
        }
        """;

    [Fact]
    public Task Kernel_Memory_search_results_answers_and_records_are_sources() =>
        Verify.AnalyzerFilesAsync(
            KernelMemory,
            Verify.Usings + """
            using Microsoft.KernelMemory;
            public class Grounding(ChatHistory history, IKernelMemory memory)
            {
                public async Task Ground(string question)
                {
                    var found = await memory.SearchAsync(question);
                    var facts = new StringBuilder();
                    foreach (var citation in found.Results)
                    {
                        foreach (var partition in citation.Partitions)
                        {
                            facts.AppendLine(partition.Text);
                        }
                    }

                    history.AddSystemMessage({|SLLM1001:"Answer only from these facts:\n" + facts|});
                    history.AddUserMessage(found.Results[0].Partitions[0].Text); // the whole user message

                    var answer = await memory.AskAsync(question);
                    history.AddSystemMessage({|SLLM1001:$"Your previous answer: {answer.Result}"|});
                    history.AddSystemMessage({|SLLM1001:"Cite " + answer.RelevantSources[0].SourceName|});
                    history.AddSystemMessage($"The question was: {answer.Question}, answered: {!answer.NoResult}"); // the app's own question
                }

                public void Recall(Microsoft.KernelMemory.MemoryStorage.MemoryRecord record) =>
                    history.AddSystemMessage({|SLLM1001:"Remember: " + record.Payload["text"]|});
            }
            """);

    /// <summary>A SignalR client-to-server stream (IAsyncEnumerable, ChannelReader): every item is the client's text.</summary>
    [Fact]
    public Task SignalR_client_streams_are_sources() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public class StreamHub(IChatClient chat) : Microsoft.AspNetCore.SignalR.Hub
            {
                public async Task Converse(IAsyncEnumerable<string> userLines, System.Threading.Channels.ChannelReader<string> reader, IAsyncEnumerable<int> counts)
                {
                    var history = new List<ChatMessage>();
                    await foreach (var line in userLines) history.Add(new ChatMessage(ChatRole.System, {|SLLM1001:"Last line: " + line|}));
                    while (reader.TryRead(out var item)) history.Add(new ChatMessage(ChatRole.System, {|SLLM1001:"Item: " + item|}));
                    var next = await reader.ReadAsync();
                    history.Add(new ChatMessage(ChatRole.System, {|SLLM1001:"Next: " + next|}));
                    await foreach (var n in counts) history.Add(new ChatMessage(ChatRole.System, "Count: " + n));
                    await chat.GetResponseAsync(history);
                }

                public override async Task OnConnectedAsync() => await base.OnConnectedAsync();
            }
            """);

    /// <summary>
    /// A response, streamed update or message written as text is its text: interpolated, concatenated, appended to a
    /// builder or turned into a string explicitly. Its numbers (usage, finish reason) are not.
    /// </summary>
    [Fact]
    public Task A_reply_object_written_as_text_is_model_output() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public sealed class Refiner(IChatClient chat)
            {
                public async Task RunAsync()
                {
                    var resp = await chat.GetResponseAsync("Draft a plan.");
                    await chat.GetResponseAsync("x", new ChatOptions { Instructions = {|SLLM1001:$"Improve: {resp}"|} });
                    await chat.GetResponseAsync("x", new ChatOptions { Instructions = {|SLLM1001:"Improve: " + resp|} });
                    await chat.GetResponseAsync("x", new ChatOptions { Instructions = {|SLLM1001:"Improve: " + resp.ToString()|} });
                    await chat.GetResponseAsync("x", new ChatOptions { Instructions = {|SLLM1001:$"Last: {resp.Messages[^1]}"|} });
                    await chat.GetResponseAsync("x", new ChatOptions { Instructions = $"Tokens: {resp.Usage?.TotalTokenCount}, {resp.FinishReason}" });

                    var sb = new StringBuilder("Improve: ");
                    await foreach (var u in chat.GetStreamingResponseAsync("Draft a plan.")) sb.Append(u);
                    await chat.GetResponseAsync("x", new ChatOptions { Instructions = {|SLLM1001:sb.ToString()|} });
                    var all = "Improve: ";
                    await foreach (var u in chat.GetStreamingResponseAsync("Draft a plan.")) all += u;
                    await chat.GetResponseAsync("x", new ChatOptions { Instructions = {|SLLM1001:all|} });
                }

                // the reply is the block's only source: the pre-scan lets it through
                public async Task OnlyAsync(ChatOptions options)
                {
                    var reply = await chat.GetResponseAsync("Draft a plan.");
                    options.Instructions = {|SLLM1001:"Improve: " + reply|};
                }

                public async Task StreamedAsync(ChatHistory history)
                {
                    var sb = new StringBuilder();
                    await foreach (var update in chat.GetStreamingResponseAsync("Draft a plan.")) sb.Append(update);
                    history.AddSystemMessage({|SLLM1001:"Improve: " + sb|});
                }
            }
            """);

    /// <summary>
    /// The request body copied into a stream or read into a buffer is still the body, and the framework's extensions
    /// that read a request's address or typed headers read the sender's text.
    /// </summary>
    [Fact]
    public Task Body_bytes_copied_or_read_and_request_extensions_are_sources() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            using Microsoft.AspNetCore.Http.Extensions;
            public sealed class BodyController : ControllerBase
            {
                public async Task Copy(ChatHistory history)
                {
                    using var ms = new MemoryStream();
                    await Request.Body.CopyToAsync(ms);
                    history.AddSystemMessage({|SLLM1001:"Body: " + Encoding.UTF8.GetString(ms.ToArray())|});
                }

                public async Task ReadInto(ChatHistory history)
                {
                    var buffer = new byte[4096];
                    var n = await Request.Body.ReadAsync(buffer);
                    history.AddSystemMessage({|SLLM1001:"Body: " + Encoding.UTF8.GetString(buffer, 0, n)|});
                }

                public void Headers(ChatHistory history)
                {
                    history.AddSystemMessage({|SLLM1001:"Came from " + Request.GetDisplayUrl()|});
                    history.AddSystemMessage({|SLLM1001:"Language: " + Request.GetTypedHeaders().AcceptLanguage.FirstOrDefault()?.Value|});
                    history.AddSystemMessage("Status: " + Response.GetTypedHeaders().ContentLength);
                }

                public void Own(ChatHistory history)
                {
                    using var ms = new MemoryStream(Encoding.UTF8.GetBytes("Be brief."));
                    using var copy = new MemoryStream();
                    ms.CopyTo(copy);
                    history.AddSystemMessage(Encoding.UTF8.GetString(copy.ToArray()));
                }
            }
            """);

    /// <summary>What a kernel function gives back, invoked through the kernel: a tool's result or a prompt's model output.</summary>
    [Fact]
    public Task Kernel_function_results_are_sources() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public sealed class Orchestrator(Kernel kernel, ChatHistory history)
            {
                public async Task RunAsync(KernelFunction fn)
                {
                    var page = await kernel.InvokeAsync<string>("WebPlugin", "FetchAsync");
                    history.AddSystemMessage({|SLLM1001:"Page: " + page|});
                    var other = await kernel.InvokeAsync<string>(fn);
                    history.AddSystemMessage({|SLLM1001:"Other: " + other|});
                    var result = await kernel.InvokeAsync(fn);
                    history.AddSystemMessage({|SLLM1001:"Result: " + result.GetValue<string>()|});
                    await foreach (var chunk in kernel.InvokeStreamingAsync<string>(fn)) history.AddSystemMessage({|SLLM1001:"Chunk: " + chunk|});
                    await foreach (var part in fn.InvokeStreamingAsync<string>(kernel)) history.AddSystemMessage({|SLLM1001:"Part: " + part|});
                }
            }
            """);

    /// <summary>A structured reply read through <c>TryGetResult(out ...)</c> is the model's output, as <c>Result</c> is.</summary>
    [Fact]
    public Task Structured_results_read_through_an_out_parameter_are_model_output() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public record Classification(string Category, double Confidence);
            public sealed class Classifier(IChatClient chat)
            {
                public async Task RouteAsync(string ticket)
                {
                    var c = await chat.GetResponseAsync<Classification>(ticket);
                    if (c.TryGetResult(out var again))
                    {
                        await chat.GetResponseAsync("x", new ChatOptions { Instructions = {|SLLM1001:again.Category|} });
                        await chat.GetResponseAsync("x", new ChatOptions { Instructions = $"Confidence {again.Confidence:P0}" });
                    }
                }
            }
            """);
}
