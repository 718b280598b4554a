using System.Linq;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>Calls into methods of the same compilation, through method summaries, and the depth option.</summary>
public class InterproceduralTests
{
    private const string Chain = """
        public static class P
        {
            public static string L1(string s) => "Rules: " + L2(s);
            public static string L2(string s) => L3(s).Trim();
            public static string L3(string s) => L4(s);
            public static string L4(string s) => s;
            public static string ReadTicket() => Console.ReadLine() ?? "";
            public static void AddRules(ChatHistory history, string rules) => history.AddSystemMessage("Rules: " + rules);
            public static void AddRulesDeep(ChatHistory history, string rules) => AddRules(history, rules);
            public static void AddQuestion(ChatHistory history, string question) => history.AddUserMessage(question);
            public static void AddQuestionTemplate(ChatHistory history, string question) => history.AddUserMessage($"Answer: {question}");
            public static string Recursive(string s, int n) => n == 0 ? s : Recursive(s + "!", n - 1);
        }
        """;

    private static string Code(string body) => FlowTests.Code(body) + "\n" + Chain;

    [Theory]
    [InlineData("history.AddSystemMessage({|SLLM1001:P.L3(q)|});")]      // two levels (L3 -> L4)
    [InlineData("history.AddSystemMessage({|SLLM1001:P.L2(q)|});")]      // three levels (L2 -> L3 -> L4)
    [InlineData("history.AddSystemMessage({|SLLM1001:P.ReadTicket()|});")] // a source inside the callee
    [InlineData("P.AddRules(history, {|SLLM1001:q|});")]                  // a sink inside the callee
    [InlineData("P.AddRulesDeep(history, {|SLLM1001:q|});")]              // a sink two calls down
    [InlineData("P.AddQuestion(history, {|SLLM1002:\"Q: \" + q|});")]     // concatenated before a user sink in the callee
    [InlineData("P.AddQuestionTemplate(history, {|SLLM1002:q|});")]       // concatenated inside the callee
    [InlineData("history.AddSystemMessage({|SLLM1001:P.Recursive(q, 3)|});")]
    public Task Flows_through_calls(string body) => Verify.AnalyzerAsync(Code(body));

    private const string RoleHelpers = """
        public static class H
        {
            public static ChatMessage Msg(ChatRole role, string text) => new(role, text);
            public static ChatMessage Wrapped(ChatRole role, string text) => Msg(role, "Note: " + text);
            public static void Add(ChatHistory history, AuthorRole role, string text) => history.AddMessage(role, text);
            public static ChatMessage Changed(ChatRole role, string text) { role = ChatRole.Assistant; return new(role, text); }
        }
        """;

    [Theory]
    // A helper whose message takes its role from a parameter: each call judges the role it passes.
    [InlineData("_ = H.Msg(ChatRole.System, {|SLLM1001:q|});")]
    [InlineData("_ = H.Msg(ChatRole.User, {|SLLM1002:\"Summarize: \" + q|});")]
    [InlineData("_ = H.Wrapped(ChatRole.System, {|SLLM1001:q|});")]
    [InlineData("_ = H.Wrapped(ChatRole.User, {|SLLM1002:q|});")]
    [InlineData("H.Add(history, AuthorRole.System, {|SLLM1001:q|});")]
    [InlineData("var role = new ChatRole(\"developer\"); _ = H.Msg(role, {|SLLM1001:q|});")]
    [InlineData("_ = H.Msg(new ChatRole(ticket.Subject), {|SLLM1001:q|});")]
    // whole user message, history, a constant, a role the helper replaces
    [InlineData("_ = H.Msg(ChatRole.User, q); _ = H.Msg(ChatRole.Assistant, \"Earlier: \" + q); _ = H.Msg(ChatRole.System, \"Rules\"); H.Add(history, AuthorRole.Tool, q);")]
    [InlineData("_ = H.Changed(ChatRole.System, q);")]
    public Task A_role_given_to_a_helper_is_judged_at_each_call(string body) => Verify.AnalyzerAsync(FlowTests.Code(body) + "\n" + RoleHelpers);

    private const string SelfReporting = """
        public static class S
        {
            public static void Rules(ChatHistory h, [Untrusted] string rules) => h.AddSystemMessage({|SLLM1001:"Rules: " + rules|});
            public static void Ask(ChatHistory h, [Untrusted("ticket")] string ticket, string tone) => h.AddSystemMessage({|SLLM1001:$"Tone {tone}. Ticket: {ticket}"|});
        }
        """;

    [Theory]
    // A callee parameter that is untrusted itself is reported in the callee, once: not again at each call through it.
    [InlineData("S.Rules(history, q);")]
    [InlineData("S.Ask(history, ticket.Body, {|SLLM1001:q|});")] // the plain parameter is still the call's
    public Task A_parameter_untrusted_where_it_is_declared_is_reported_there_only(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body) + "\n" + SelfReporting);

    [Theory]
    [InlineData("P.AddQuestion(history, q);")]                 // whole user message, even through a call
    [InlineData("history.AddSystemMessage(P.L3(\"constant\"));")]
    public Task Safe_calls_are_not_reported(string body) => Verify.AnalyzerAsync(Code(body));

    [Fact]
    public Task Default_depth_of_three_does_not_follow_a_fourth_level_but_stays_conservative() =>
        // L1 -> L2 -> L3 -> L4: at the fourth level the walk stops summarising and treats the call as passing
        // its arguments through, so the value is still (conservatively) tainted.
        Verify.AnalyzerAsync(Code("history.AddSystemMessage({|SLLM1001:P.L1(q)|});"));

    [Fact]
    public async Task Sink_through_a_call_names_the_path_and_keeps_the_source()
    {
        var diagnostics = await Verify.RunAsync(Code("P.AddRulesDeep(history, q);"));
        var d = Assert.Single(diagnostics);
        Assert.Equal("SLLM1001", d.Id);
        Assert.Equal("'q' (query string) flows into the system message (through 'AddRulesDeep → AddRules')", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("q", d.AdditionalLocations[0].SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(d.AdditionalLocations[0].SourceSpan));
    }

    [Fact]
    public async Task Depth_zero_turns_sink_summaries_off()
    {
        var source = Code("P.AddRules(history, q);");
        Assert.Single(await Verify.RunAsync(source));
        Assert.Empty(await Verify.RunAsync(source, globalConfig: "structuredllm.prompt_injection.interprocedural_depth = 0"));
    }

    [Fact]
    public async Task Depth_one_follows_one_call_only()
    {
        var source = Code("P.AddRulesDeep(history, q); P.AddRules(history, q);");
        Assert.Equal(2, (await Verify.RunAsync(source)).Length);
        var d = Assert.Single(await Verify.RunAsync(source, globalConfig: "structuredllm.prompt_injection.interprocedural_depth = 1"));
        Assert.Contains("(through 'AddRules')", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}

public class HandlerMethodGroupTests
{
    [Fact]
    public Task Method_groups_registered_as_minimal_api_handlers_and_tools_have_untrusted_parameters() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public record AssistantChatRequest(string CustomerName, string TicketSummary);
            public static class AssistantApi
            {
                public static void Map(WebApplication app) => app.MapPost("/api/assistant/chat", GetResponseAsync);

                private static async Task GetResponseAsync(AssistantChatRequest request, IChatClient chatClient)
                {
                    var messages = new List<ChatMessage>([new(ChatRole.System, {|SLLM1001:$\"\"\"
                        You help customer service agents.
                        <customer_name>{request.CustomerName}</customer_name>
                        <summary>{request.TicketSummary}</summary>
                        \"\"\"|})]);
                    await chatClient.GetResponseAsync(messages);
                }
            }
            public class Tools
            {
                ChatHistory history = new();
                public AIFunction Register() => AIFunctionFactory.Create(Search);
                public string Search(string query) { history.AddSystemMessage({|SLLM1001:"Searching for " + query|}); return ""; }
                public string NotATool(string query) { history.AddSystemMessage("Searching for " + query); return ""; }
                public AIFunction RegisterLocal()
                {
                    return AIFunctionFactory.Create(Lookup);
                    string Lookup(string topic) { history.AddSystemMessage({|SLLM1001:"Topic: " + topic|}); return topic; }
                }
                public void RegisterInto(List<AITool> tools)
                {
                    tools.Add(AIFunctionFactory.Create(Find));
                    string Find(string topic) { history.AddSystemMessage({|SLLM1001:"Find: " + topic|}); return topic; }
                }

                public void NotRegistered()
                {
                    Local("x");
                    string Local(string topic) { history.AddSystemMessage("Topic: " + topic); return topic; }
                }
            }
            """.Replace("\\\"", "\""));

    /// <summary>A local function given by name to <c>AIFunctionFactory.Create</c> is a tool: its parameters are the model's choice.</summary>
    [Fact]
    public Task A_local_function_registered_as_a_tool_has_untrusted_parameters() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public sealed class NotesTool(ChatHistory history)
            {
                public string Remember(string note) { history.AddSystemMessage({|SLLM1001:"Remember: " + note|}); return "ok"; }
                public void Register(List<AITool> tools)
                {
                    tools.Add(AIFunctionFactory.Create(Remember));
                    tools.Add(AIFunctionFactory.Create(Local));
                    string Local(string topic) { history.AddSystemMessage({|SLLM1001:"Topic: " + topic|}); return topic; }
                    Helper("x");
                    string Helper(string topic) { history.AddSystemMessage("Helper: " + topic); return topic; }
                }
            }
            """);

    /// <summary>
    /// The registration is found in whichever file makes it, including one that spells the registering method with a
    /// unicode escape (the scan for registrations skips only files whose text cannot name one); the handlers' file
    /// names no registering method at all.
    /// </summary>
    [Theory]
    [InlineData("app.MapPost(\"/ask\", Handlers.Ask); app.MapGet(\"/tool\", () => AIFunctionFactory.Create(Handlers.Tool));")]
    [InlineData("app.\\u004DapPost(\"/ask\", Handlers.Ask); var tool = AIFunctionFactory.\\u0043reate(Handlers.Tool);")]
    public Task Handlers_registered_in_another_file_have_untrusted_parameters(string registration) =>
        Verify.AnalyzerFilesAsync(
            Verify.Usings + """
                public record AskRequest(string Question);
                public static class Handlers
                {
                    public static void Ask(AskRequest request, ChatHistory history) => history.AddSystemMessage({|SLLM1001:"Q: " + request.Question|});
                    public static string Tool(string topic, ChatHistory history) { history.AddSystemMessage({|SLLM1001:"T: " + topic|}); return ""; }
                    public static void NotRegistered(AskRequest request, ChatHistory history) => history.AddSystemMessage("Q: " + request.Question);
                }
                """,
            Verify.Usings + "public static class Routes { public static void Wire(WebApplication app) { " + registration + " } }");
}

public class HandlerParameterHeuristicTests
{
    [Fact]
    public Task SignalR_hub_methods_take_client_arguments_but_lifecycle_overrides_do_not() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public class ChatHub(ChatHistory history) : Microsoft.AspNetCore.SignalR.Hub
            {
                public void Ask(string question) => history.AddSystemMessage({|SLLM1001:"Answer: " + question|});
                public override Task OnDisconnectedAsync(Exception? exception)
                {
                    history.AddSystemMessage("Disconnected: " + exception?.Message);
                    return Task.CompletedTask;
                }
            }
            """);

    [Fact]
    public Task Services_injected_into_handlers_are_not_sources() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public record AskRequest(string Question);
            public class ProductService { public string Describe() => "A tent"; }
            public class AppDbContext : System.Data.DataSet { public string ProductName => ""; }
            public static class Api
            {
                public static void Map(WebApplication app) => app.MapPost("/ask", Handle);

                private static void Handle(AskRequest request, ProductService products, AppDbContext db, ChatHistory history)
                {
                    history.AddSystemMessage("Product: " + products.Describe() + " " + db.ProductName);
                    history.AddSystemMessage({|SLLM1001:"Question: " + request.Question|});
                    history.AddMessage(new AuthorRole(products.Describe()), "Question: " + request.Question);
                }
            }
            """);
}

/// <summary>
/// Sinks that the syntactic sink index (which lets the pre-scan skip bodies that cannot reach a sink) must still let
/// through: each one is written without the sink's own name in the calling body.
/// </summary>
public class SinkIndexTests
{
    private static string Code(string body, string members) => FlowTests.Code(body) + "\n" + members;

    [Fact]
    public Task Target_typed_new_of_a_sink_constructor_inside_a_callee() =>
        Verify.AnalyzerAsync(Code(
            "var messages = new List<ChatMessage>(); H.AddRules(messages, {|SLLM1001:q|});",
            "public static class H { public static void AddRules(List<ChatMessage> messages, string rules) => messages.Add(new(ChatRole.System, \"Rules: \" + rules)); }"));

    // A target-typed new whose type the index reads from the declaration, the return type or a property's type.
    [Theory]
    [InlineData("public static class H { public static ChatHistory Make(string rules) { ChatHistory history = new(\"Rules: \" + rules); return history; } }")]
    [InlineData("public static class H { public static ChatHistory Make(string rules) => new(\"Rules: \" + rules); }")]
    [InlineData("public static class H { public static ChatHistory Make(string rules) { return (new(\"Rules: \" + rules))!; } }")]
    [InlineData("public static class H { public static ChatHistory? Make(string rules) { ChatHistory? made = new(\"Rules: \" + rules); return made; } }")]
    public Task Target_typed_new_with_a_declared_type_inside_a_callee(string members) =>
        Verify.AnalyzerAsync(Code("H.Make({|SLLM1001:q|});", members));

    // Under an alias the declared name is not the type's: the index does not resolve it.
    [Fact]
    public Task Target_typed_new_with_an_aliased_declared_type_inside_a_callee() =>
        Verify.AnalyzerAsync("using Hist = Microsoft.SemanticKernel.ChatCompletion.ChatHistory;\n" + Code(
            "H.Make({|SLLM1001:q|});",
            "public static class H { public static Hist Make(string rules) => new(\"Rules: \" + rules); }"));

    [Fact]
    public Task Constructor_initializer_into_a_sink_constructor() =>
        Verify.AnalyzerAsync(Code(
            "",
            "public class ConsoleHistory : ChatHistory { public ConsoleHistory() : base({|SLLM1001:Console.ReadLine() ?? \"\"|}) { } }"));

    [Fact]
    public Task Constructor_initializer_into_a_constructor_of_this_compilation_that_reaches_a_sink() =>
        Verify.AnalyzerAsync(Code(
            "",
            """
            public class RulesBase { protected RulesBase(string rules) { new ChatHistory().AddSystemMessage("Rules: " + rules); } }
            public class ConsoleRules : RulesBase { public ConsoleRules() : base({|SLLM1001:Console.ReadLine() ?? ""|}) { } }
            """));

    [Fact]
    public Task Prompt_sink_attribute_in_source_reached_through_a_callee() =>
        Verify.AnalyzerAsync(Code(
            "H.Forward({|SLLM1001:q|});",
            """
            public static class Sinks { public static void Send([PromptSink] string instructions) { } }
            public static class H { public static void Forward(string s) => Sinks.Send("Rules: " + s); }
            """));

    [Fact]
    public Task Prompt_sink_attribute_under_a_using_alias() =>
        Verify.AnalyzerAsync("using SinkAlias = StructuredLlm.PromptSinkAttribute;\n" + Code(
            "Sinks.Send({|SLLM1001:q|});",
            "public static class Sinks { public static void Send([SinkAlias] string instructions) { } }"));

    [Fact]
    public Task Implicit_conversion_sink_inside_a_callee() =>
        Verify.AnalyzerAsync(Code(
            "H.AddQuestion(new List<OpenAI.Chat.ChatMessage>(), {|SLLM1002:q|});",
            "public static class H { public static void AddQuestion(List<OpenAI.Chat.ChatMessage> messages, string s) => messages.Add(\"Q: \" + s); }"));

    // OpenAI's implicit string → ChatMessage conversion has no name where it happens: the names that type its slot do.
    [Fact]
    public Task Conversion_sink_through_a_field_typed_with_the_target() =>
        Verify.AnalyzerAsync(Code(
            "new Q().Ask({|SLLM1002:q|});",
            "public class Q { readonly List<OpenAI.Chat.ChatMessage> _messages = new(); public void Ask(string s) => _messages.Add(\"Q: \" + s); }"));

    [Fact]
    public Task Conversion_sink_through_a_referenced_api_taking_the_target() =>
        Verify.AnalyzerAsync(Code(
            "H.Ask(null!, {|SLLM1002:q|});",
            "public static class H { public static void Ask(OpenAI.Chat.ChatClient client, string s) => client.CompleteChat(\"Q: \" + s); }"));

    [Fact]
    public Task Conversion_sink_through_a_type_deriving_from_a_collection_of_the_target() =>
        Verify.AnalyzerAsync(Code(
            "H.Ask(new Messages(), {|SLLM1002:q|});",
            """
            public class Messages : List<OpenAI.Chat.ChatMessage> { }
            public static class H { public static void Ask(Messages messages, string s) => messages.Add("Q: " + s); }
            """));

    [Fact]
    public Task Conversion_sink_through_an_alias_of_the_target() =>
        Verify.AnalyzerAsync("using Msg = OpenAI.Chat.ChatMessage;\n" + Code(
            "H.Ask(new List<Msg>(), {|SLLM1002:q|});",
            "public static class H { public static void Ask(List<Msg> messages, string s) => messages.Add(\"Q: \" + s); }"));

    [Fact]
    public Task Conversion_sink_in_a_property_typed_with_the_target() =>
        Verify.AnalyzerAsync(Code(
            "",
            "public static class H { public static OpenAI.Chat.ChatMessage Question => {|SLLM1002:\"Q: \" + Console.ReadLine()|}; }"));
}
