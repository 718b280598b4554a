using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Every source kind against every sink kind: each case compiles one method in which the untrusted value reaches
/// every sink (the markup says which rule each sink must raise), plus the structurally safe and sanitized uses,
/// which must raise nothing.
/// </summary>
public class SourceSinkMatrixTests
{
    internal const string Template = """
        public record AskRequest(string CustomerMessage);
        public class Doc { public string Text { get; set; } = ""; }
        public class C BASE
        {
            IChatClient client = null!; ChatHistory history = new(); Kernel kernel = null!; OpenAI.Chat.ChatClient openAi = null!;
            static void Send([PromptSink] string prompt) { }
            static void SendUser([PromptSink(PromptSinkRole.User)] string prompt) { }
            static void SendTemplate([PromptSink(PromptSinkRole.Template)] string prompt) { }
            MEMBERS
            ATTR public async Task METHOD(PARAMS)
            {
                OPEN
                var x = EXPR;
                _ = new ChatMessage(ChatRole.System, {|SLLM1001:$"Rules: {x}"|});
                _ = new ChatMessage(ChatRole.User, {|SLLM1002:$"Summarize: {x}"|});
                _ = new ChatMessage(new ChatRole("developer"), {|SLLM1001:x|});
                _ = new ChatOptions { Instructions = {|SLLM1001:x|} };
                await client.GetResponseAsync({|SLLM1002:"Summarize: " + x|});
                await client.GetStreamingResponseAsync({|SLLM1002:"Summarize: " + x|}).ToListAsync();
                history.AddSystemMessage({|SLLM1001:x|});
                history.AddDeveloperMessage({|SLLM1001:x|});
                history.AddUserMessage({|SLLM1002:$"Translate: {x}"|});
                history.AddMessage(AuthorRole.System, {|SLLM1001:x|});
                _ = new ChatHistory({|SLLM1001:x|});
                await kernel.InvokePromptAsync({|SLLM1003:x|});
                _ = kernel.CreateFunctionFromPrompt({|SLLM1003:$"Answer {x}"|});
                _ = KernelFunctionFactory.CreateFromPrompt({|SLLM1003:x|});
                _ = new PromptTemplateConfig({|SLLM1003:x|});
                _ = new OpenAI.Chat.SystemChatMessage({|SLLM1001:x|});
                _ = new OpenAI.Chat.DeveloperChatMessage({|SLLM1001:x|});
                _ = new OpenAI.Chat.UserChatMessage({|SLLM1002:$"Q: {x}"|});
                _ = OpenAI.Chat.ChatMessage.CreateSystemMessage({|SLLM1001:x|});
                _ = OpenAI.Chat.ChatMessage.CreateUserMessage({|SLLM1002:x + " Answer briefly."|});
                await openAi.CompleteChatAsync({|SLLM1002:"Q: " + x|});
                Send({|SLLM1001:x|});
                SendUser({|SLLM1002:"Q: " + x|});
                SendTemplate({|SLLM1003:x|});
                history.AddSystemMessage({|SLLM1001:EXPR|});

                // Not findings: the untrusted text is the whole user message, or it is spotlighted.
                _ = new ChatMessage(ChatRole.User, x);
                _ = new ChatMessage(ChatRole.Assistant, "Earlier: " + x);
                await client.GetResponseAsync(x);
                history.AddUserMessage(x);
                history.AddMessage(AuthorRole.User, x);
                history.AddAssistantMessage("Earlier: " + x);
                _ = new OpenAI.Chat.UserChatMessage(x);
                await openAi.CompleteChatAsync(x);
                SendUser(x);
                history.AddSystemMessage("Answer the question in the next message: " + Prompt.Untrusted(x));
                history.AddSystemMessage(Prompt.Untrusted(x, SpotlightMode.Datamark));
                history.AddUserMessage($"Translate: {Prompt.Untrusted(x)}");
                CLOSE
            }
        }
        """;

    public static TheoryData<string, string, string, string, string, string, string, string, string> Sources => new()
    {
        // name, base, attribute, method, parameters, members, open, close, expression
        { "HttpRequest.Query", "", "", "M", "HttpRequest req", "", "", "", "req.Query[\"q\"].ToString()" },
        { "HttpRequest.Form", "", "", "M", "HttpRequest req", "", "", "", "req.Form[\"f\"].ToString()" },
        { "HttpRequest.Headers", "", "", "M", "HttpRequest req", "", "", "", "req.Headers[\"h\"].ToString()" },
        { "HttpRequest.Cookies", "", "", "M", "HttpRequest req", "", "", "", "req.Cookies[\"c\"]!" },
        { "HttpRequest.RouteValues", "", "", "M", "HttpRequest req", "", "", "", "req.RouteValues[\"id\"]?.ToString() ?? \"\"" },
        { "HttpRequest.Body", "", "", "M", "HttpRequest req", "", "", "", "await new StreamReader(req.Body).ReadToEndAsync()" },
        { "HttpRequest.ReadFromJsonAsync", "", "", "M", "HttpRequest req", "", "", "", "(await req.ReadFromJsonAsync<AskRequest>())!.CustomerMessage" },
        { "HttpRequest.ReadFormAsync", "", "", "M", "HttpRequest req", "", "", "", "(await req.ReadFormAsync())[\"f\"].ToString()" },
        { "IFormFile", "", "", "M", "IFormFile file", "", "", "", "file.FileName" },
        { "[FromBody] record", "", "", "M", "[FromBody] AskRequest request", "", "", "", "request.CustomerMessage" },
        { "[FromQuery]", "", "", "M", "[FromQuery] string q", "", "", "", "q" },
        { "[FromForm]", "", "", "M", "[FromForm] string f", "", "", "", "f" },
        { "[FromRoute]", "", "", "M", "[FromRoute] string id", "", "", "", "id" },
        { "[FromHeader]", "", "", "M", "[FromHeader] string h", "", "", "", "h" },
        { "MVC action parameter", ": ControllerBase", "", "Ask", "string message", "", "", "", "message" },
        { "MVC action bound record", ": ControllerBase", "", "Ask", "AskRequest request", "", "", "", "request.CustomerMessage" },
        { "Razor Pages handler", ": Microsoft.AspNetCore.Mvc.RazorPages.PageModel", "", "OnPostAsync", "string message", "", "", "", "message" },
        { "Blazor [SupplyParameterFromQuery]", "", "", "M", "", "[Microsoft.AspNetCore.Components.SupplyParameterFromQuery] public string Q { get; set; } = \"\";", "", "", "Q" },
        { "Blazor [SupplyParameterFromForm]", "", "", "M", "", "[Microsoft.AspNetCore.Components.SupplyParameterFromForm] public string F { get; set; } = \"\";", "", "", "F" },
        { "SignalR hub method", ": Microsoft.AspNetCore.SignalR.Hub", "", "SendMessage", "string user, string message", "", "", "", "message" },
        { "[BindProperty]", ": Microsoft.AspNetCore.Mvc.RazorPages.PageModel", "", "OnPostAsync", "", "[BindProperty] public string Message { get; set; } = \"\";", "", "", "Message" },
        { "minimal API parameter", "", "", "M", "Microsoft.AspNetCore.Builder.WebApplication app", "", "app.MapPost(\"/ask\", async (string message) => {", "});", "message" },
        { "minimal API [FromBody]", "", "", "M", "Microsoft.AspNetCore.Builder.WebApplication app", "", "app.MapPost(\"/ask\", async ([FromBody] AskRequest body) => {", "});", "body.CustomerMessage" },
        { "Console.ReadLine", "", "", "M", "", "", "", "", "Console.ReadLine()!" },
        { "File.ReadAllText", "", "", "M", "", "", "", "", "File.ReadAllText(\"notes.txt\")" },
        { "File.ReadAllLinesAsync", "", "", "M", "", "", "", "", "(await File.ReadAllLinesAsync(\"notes.txt\"))[0]" },
        { "StreamReader.ReadLine", "", "", "M", "StreamReader reader", "", "", "", "reader.ReadLine()!" },
        { "HttpClient.GetStringAsync", "", "", "M", "HttpClient http", "", "", "", "await http.GetStringAsync(\"https://example.com\")" },
        { "HttpContent.ReadAsStringAsync", "", "", "M", "HttpResponseMessage response", "", "", "", "await response.Content.ReadAsStringAsync()" },
        { "ChatResponse.Text", "", "", "M", "", "", "", "", "(await client.GetResponseAsync(\"hi\")).Text" },
        { "ChatMessage.Text", "", "", "M", "IList<ChatMessage> previous", "", "", "", "previous[0].Text" },
        { "SK ChatMessageContent.Content", "", "", "M", "ChatMessageContent reply", "", "", "", "reply.Content!" },
        { "OpenAI ChatCompletion.Content", "", "", "M", "OpenAI.Chat.ChatCompletion completion", "", "", "", "completion.Content[0].Text" },
        { "OpenAI ChatCompletion.Refusal", "", "", "M", "OpenAI.Chat.ChatCompletion completion", "", "", "", "completion.Refusal" },
        { "OpenAI tool call arguments", "", "", "M", "OpenAI.Chat.ChatCompletion completion", "", "", "", "completion.ToolCalls[0].FunctionArguments.ToString()" },
        { "OpenAI ChatToolCall.FunctionArguments", "", "", "M", "OpenAI.Chat.ChatToolCall call", "", "", "", "call.FunctionArguments.ToString()" },
        { "[KernelFunction] parameter", "", "[KernelFunction]", "M", "string city", "", "", "", "city" },
        { "[KernelFunction] result", "", "", "M", "", "[KernelFunction] public string Search(string q) => q;", "", "", "Search(\"docs\")" },
        { "[McpServerTool] parameter", "", "[ModelContextProtocol.Server.McpServerTool]", "M", "string city", "", "", "", "city" },
        { "[McpServerTool] result", "", "", "M", "", "[ModelContextProtocol.Server.McpServerTool] public string Lookup(string q) => q;", "", "", "Lookup(\"docs\")" },
        { "[McpServerPrompt] parameter", "", "[ModelContextProtocol.Server.McpServerPrompt]", "M", "string topic", "", "", "", "topic" },
        { "AIFunctionFactory delegate", "", "", "M", "", "", "_ = AIFunctionFactory.Create(async (string city) => {", "return 1; });", "city" },
        { "FunctionResultContent.Result", "", "", "M", "Microsoft.Extensions.AI.FunctionResultContent result", "", "", "", "result.Result?.ToString() ?? \"\"" },
        { "VectorSearchResult", "", "", "M", "Microsoft.Extensions.VectorData.VectorSearchResult<Doc> hit", "", "", "", "hit.Record.Text" },
        { "SK TextSearchResult", "", "", "M", "Microsoft.SemanticKernel.Data.TextSearchResult hit", "", "", "", "hit.Value" },
        { "SK ITextSearch results", "", "", "M", "Microsoft.SemanticKernel.Data.ITextSearch search", "", "await foreach (var text in (await search.SearchAsync(\"q\")).Results) {", "}", "text" },
        { "SK memory search result", "", "", "M", "Microsoft.SemanticKernel.Memory.MemoryQueryResult found", "#pragma warning disable SKEXP0001", "", "", "found.Metadata.Text" },
        { "Azure AI Search result", "", "", "M", "Azure.Search.Documents.Models.SearchResult<Doc> hit", "", "", "", "hit.Document.Text" },
        { "Azure AI Search results", "", "", "M", "Azure.Search.Documents.Models.SearchResults<Doc> results", "", "", "", "results.GetResults().First().Document.Text" },
        { "[Untrusted] parameter", "", "", "M", "[Untrusted] string ticket", "", "", "", "ticket" },
        { "[Untrusted] property", "", "", "M", "", "[Untrusted] public string Ticket { get; set; } = \"\";", "", "", "Ticket" },
        { "[Untrusted] field", "", "", "M", "", "[Untrusted] string ticketField = \"\";", "", "", "ticketField" },
        { "[return: Untrusted]", "", "", "M", "", "[return: Untrusted] static string LoadTicket() => \"\";", "", "", "LoadTicket()" },
        { "[Untrusted] method", "", "", "M", "", "[Untrusted(\"support ticket\")] static string LoadTicket() => \"\";", "", "", "LoadTicket()" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public Task Every_sink_reports_the_source(string name, string baseType, string attribute, string method, string parameters, string members, string open, string close, string expression)
    {
        Assert.NotEmpty(name);
        var source = Verify.Usings + Template
            .Replace("BASE", baseType)
            .Replace("ATTR", attribute)
            .Replace("METHOD", method)
            .Replace("PARAMS", parameters)
            .Replace("MEMBERS", members)
            .Replace("OPEN", open)
            .Replace("CLOSE", close)
            .Replace("EXPR", expression);
        return Verify.AnalyzerAsync(source);
    }

    /// <summary>
    /// Azure Functions (isolated worker): the HTTP trigger's <c>HttpRequestData</c> and what its extension methods read.
    /// The package is not referenced here; a declaration with the same metadata names stands in for it, which is how the
    /// analyzer finds the type either way.
    /// </summary>
    [Fact]
    public Task Azure_Functions_request_data_and_its_extension_methods_are_sources() =>
        Verify.AnalyzerFilesAsync(
            """
            using System.IO; using System.Threading.Tasks;
            namespace Microsoft.Azure.Functions.Worker.Http
            {
                public abstract class HttpRequestData { public abstract Stream Body { get; } }
                public static class HttpRequestDataExtensions { public static Task<string?> ReadAsStringAsync(this HttpRequestData request) => Task.FromResult<string?>(null); }
            }
            """,
            Verify.Usings + """
            using Microsoft.Azure.Functions.Worker.Http;
            public class AskFunction(ChatHistory history)
            {
                public async Task Run(HttpRequestData req)
                {
                    var question = await req.ReadAsStringAsync();
                    history.AddSystemMessage({|SLLM1001:"Answer: " + question|});
                    history.AddSystemMessage({|SLLM1001:new StreamReader(req.Body).ReadToEnd()|});
                }
            }
            """);

    [Fact]
    public Task Constant_text_and_trusted_values_are_not_reported() =>
        Verify.AnalyzerAsync(Verify.Usings + Template
            .Replace("BASE", "")
            .Replace("ATTR", "")
            .Replace("METHOD", "M")
            .Replace("PARAMS", "string notASource")
            .Replace("MEMBERS", "")
            .Replace("OPEN", "")
            .Replace("CLOSE", "")
            .Replace("EXPR", "notASource + DateTime.Now.ToString()")
            .Replace("{|SLLM1001:", "{|X:").Replace("{|SLLM1002:", "{|X:").Replace("{|SLLM1003:", "{|X:")
            .Replace("{|X:", string.Empty).Replace("|}", string.Empty));
}
