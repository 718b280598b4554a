using System.Linq;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// A sink property (Ollama's and Anthropic's <c>System</c>, <c>Prompt</c>, <c>Template</c>) is a sink only where it is
/// written, so the sink index counts its name only in a written position: <c>System.Text.Json</c>, <c>catch
/// (System.Exception)</c> or a read of <c>request.System</c> do not make a body a possible sink (every body of a code
/// base that references OllamaSharp used to be one). A target-typed <c>new(...)</c> with only constant arguments passes
/// no text to a constructor either. Each written form is still found end to end through a callee.
/// </summary>
public class PropertySinkKeyTests
{
    private const string Uses = """
        public class Uses
        {
            public string Qualifier(object o) => System.Text.Json.JsonSerializer.Serialize(o);
            public void CatchQualified() { try { } catch (System.Exception) { } }
            public string Read(OllamaSharp.Models.GenerateRequest request) => request.System + request.Prompt;
            public bool Compare(OllamaSharp.Models.GenerateRequest request, string s) => request.Template == s;
            public System.Collections.Generic.Dictionary<string, string> ConstantNew() { System.Collections.Generic.Dictionary<string, string> d = new(); d[""] = ""; return d; }
            public void ImplicitNewConstants() { Hold(new("fixed", 3, string.Empty, default, -1, $"text")); }
            public void ImplicitNewVariable(string s) { Hold(new(s)); }
            public void Assigned(OllamaSharp.Models.GenerateRequest request, string s) => request.System = s;
            public void CompoundAssigned(OllamaSharp.Models.GenerateRequest request, string s) => request.Prompt += s;
            public void ConditionalAssigned(OllamaSharp.Models.GenerateRequest? request, string s) { if (request is not null) request.Template ??= s; }
            public void Initialized(string s) => Send(new OllamaSharp.Models.GenerateRequest { System = s });
            public void Deconstructed(OllamaSharp.Models.GenerateRequest request, string s) => (request.System, request.Prompt) = (s, s);
            public void ReadThenWritten(OllamaSharp.Models.GenerateRequest request, string s) { var old = request.System; request.System = old + s; }
            static void Send(OllamaSharp.Models.GenerateRequest request) { }
            static void Hold(ChatHistory history) { }
            public void OwnInitializer(string s) => Keep(new OwnParams { System = s });
            public void OwnTargetTyped(string s) { OwnParams p = new() { System = s }; Keep(p); }
            public void OwnReceiver(OwnParams p, string s) => p.System = s;
            public void OwnVar(string s) { var p = new OwnParams(); p.System = s; }
            public void OwnWith(OwnRecord r, string s) => Keep(r with { System = s });
            public void DerivedInitializer(string s) => Keep(new MyRequest { System = s });
            public void ReferencedBaseInitializer(string s) => Keep(new Indirect { System = s });
            public void DerivedTwiceInitializer(string s) => Keep(new MyRequestAgain { System = s });
            static void Keep(object o) { }
        }
        public class OwnParams
        {
            public string? System { get; set; }
            public void Bare(string s) => System = s;
            public void ThisWrite(string s) => this.System = s;
        }
        public record OwnRecord(string System);
        public class MyRequest : OllamaSharp.Models.GenerateRequest { }
        public class MyRequestAgain : MyRequest { }
        public class Indirect : Exception { public string? System { get; set; } }
        """;

    [Theory]
    [InlineData("Qualifier", false)]
    [InlineData("CatchQualified", false)]
    [InlineData("Read", false)]
    [InlineData("Compare", false)]
    [InlineData("ConstantNew", false)]
    [InlineData("ImplicitNewConstants", false)]
    [InlineData("ImplicitNewVariable", true)]   // may call ChatHistory(string), a sink constructor
    [InlineData("Assigned", true)]
    [InlineData("CompoundAssigned", true)]
    [InlineData("ConditionalAssigned", true)]
    [InlineData("Initialized", true)]
    [InlineData("Deconstructed", true)]
    [InlineData("ReadThenWritten", true)]
    [InlineData("OwnInitializer", false)]        // the code base's own type with a System property
    [InlineData("OwnTargetTyped", false)]
    [InlineData("OwnReceiver", false)]
    [InlineData("Bare", false)]
    [InlineData("ThisWrite", false)]
    [InlineData("OwnVar", true)]                 // `var`: the receiver is unknown
    [InlineData("OwnWith", true)]                // `with`: not resolved
    [InlineData("DerivedInitializer", true)]     // derives from GenerateRequest in source
    [InlineData("DerivedTwiceInitializer", true)]     // through a source base that derives from it
    [InlineData("ReferencedBaseInitializer", false)]  // Exception is no request type, nor derives from one
    public void A_sink_property_name_counts_only_where_it_is_written(string method, bool reaches)
    {
        Assert.Equal(reaches, ReceiverKeyTests.Reaches(Verify.Usings + Uses, method, TestReferences.All));
    }

    // End to end: the written forms inside a callee are found from the caller (a prefilter that skipped them would lose these).
    [Theory]
    [InlineData("public static class H { public static void Go(OllamaSharp.Models.GenerateRequest r, string s) => r.System = \"Rules: \" + s; }", "SLLM1001")]
    [InlineData("public static class H { public static void Go(OllamaSharp.Models.GenerateRequest r, string s) => r.Prompt += s; }", "SLLM1002")]
    [InlineData("public static class H { public static void Go(OllamaSharp.Models.GenerateRequest r, string s) => (r.System, r.Context) = (\"Rules: \" + s, null); }", "SLLM1001")]
    [InlineData("public static class H { public static void Go(OllamaSharp.Models.GenerateRequest r, string s) => Keep(new OllamaSharp.Models.GenerateRequest { System = \"Rules: \" + s }); static void Keep(object o) { } }", "SLLM1001")]
    public Task Written_sink_properties_inside_a_callee_are_found(string helper, string id) =>
        Verify.AnalyzerAsync(FlowTests.Code("H.Go(new OllamaSharp.Models.GenerateRequest(), {|" + id + ":q|});") + "\n" + helper);

    [Fact]
    public Task A_sink_property_written_on_a_derived_request_inside_a_callee_is_found() =>
        Verify.AnalyzerAsync(FlowTests.Code("H.Go({|SLLM1001:q|});") + """

            public class MyRequest : OllamaSharp.Models.GenerateRequest { }
            public static class H { public static void Go(string s) => Keep(new MyRequest { System = "Rules: " + s }); static void Keep(object o) { } }
            """);

    [Fact]
    public Task A_property_of_the_same_name_on_an_own_type_is_no_sink() =>
        Verify.AnalyzerAsync(FlowTests.Code("_ = new OwnParams { System = q }; new OwnParams().Set(q);") + """

            public class OwnParams { public string? System { get; set; } public void Set(string s) => System = s; }
            """);

    [Fact]
    public Task Reading_a_sink_property_is_no_sink() =>
        Verify.AnalyzerAsync(FlowTests.Code("var r = new OllamaSharp.Models.GenerateRequest { System = \"You are terse.\" }; if (r.System == q) { } _ = r.System + q;"));
}

/// <summary>
/// A target-typed <c>new(...)</c> assigned to a name whose declared type syntax states (<c>x = new(...)</c>,
/// <c>this.x = new(...)</c>), or returned from an async method (the <c>T</c> of <c>Task&lt;T&gt;</c>), creates that type:
/// the index asks only that type's constructors instead of every constructor of the compilation. In an object
/// initializer the name is a member of the created object, so it stays unknown; so does a <c>var</c> variable.
/// </summary>
public class TargetTypedNewKeyTests
{
    private const string Uses = """
        public class Plain { public Plain(string s) { } }
        public class Noted { public Noted(string s) => new ChatHistory().AddSystemMessage(s); }
        public class Holder { public ChatHistory? History { get; set; } }
        public class Uses
        {
            ChatHistory? _history;
            Dictionary<string, string>? _map;
            public void LocalPlain(string s) { Plain p; p = new(s); }
            public void LocalSink(string s) { ChatHistory h; h = new(s); }
            public void FieldSink(string s) => this._history = new(s);
            public void FieldPlain(string s) { _map = new(StringComparer.Ordinal); _map[s] = s; }
            public void LocalNoted(string s) { Noted n; n = new(s); }
            public void VarLocal(string s) { var p = new Plain(""); p = new(s); }
            public void Initializer(string s) { Dictionary<string, string> History = new(); _ = new Holder { History = new(s) }; }
            public async Task<ChatHistory> AsyncSink(string s) { await Task.Yield(); return new(s); }
            public async Task<Plain> AsyncPlain(string s) { await Task.Yield(); return new(s); }
            public async ValueTask<Plain> AsyncArrowPlain(string s) => new(s);
        }
        """;

    [Theory]
    [InlineData("LocalPlain", false)]
    [InlineData("LocalSink", true)]
    [InlineData("FieldSink", true)]
    [InlineData("FieldPlain", false)]
    [InlineData("LocalNoted", true)]
    [InlineData("VarLocal", true)]      // `var`: the index does not know what p is
    [InlineData("Initializer", true)]   // History is Holder's member, not the local of that name
    [InlineData("AsyncSink", true)]
    [InlineData("AsyncPlain", false)]
    [InlineData("AsyncArrowPlain", false)]
    public void A_target_typed_new_creates_the_type_it_is_assigned_or_returned_as(string method, bool reaches)
    {
        Assert.Equal(reaches, ReceiverKeyTests.Reaches(Verify.Usings + Uses, method, TestReferences.All));
    }

    [Theory]
    [InlineData("public static class H { public static void Go(string s) { ChatHistory h; h = new(\"Rules: \" + s); } }")]
    [InlineData("public class H { ChatHistory? _h; public static void Go(string s) => new H().Set(s); void Set(string s) => this._h = new(\"Rules: \" + s); }")]
    [InlineData("public static class H { public static void Go(string s) => _ = Make(s); static async Task<ChatHistory> Make(string s) { await Task.Yield(); return new(\"Rules: \" + s); } }")]
    [InlineData("public class Noted { public Noted(string s) => new ChatHistory().AddSystemMessage(\"Rules: \" + s); } public static class H { public static void Go(string s) { Noted n; n = new(s); } }")]
    public Task Flows_into_an_assigned_or_returned_target_typed_new_inside_a_callee_are_found(string helper) =>
        Verify.AnalyzerAsync(FlowTests.Code("H.Go({|SLLM1001:q|});") + "\n" + helper);
}

/// <summary>
/// A method sink is an instance or extension method of some type (OllamaSharp's <c>Chat.SendAsync</c>, M.E.AI's
/// <c>GetResponseAsync</c> on <c>IChatClient</c>, the agent's <c>RunAsync</c>): a call of its name on a receiver whose
/// declared type is neither that type, a referenced type deriving from or implementing it, nor a source type that
/// derives from one of those, is no sink mention (<c>HttpClient.SendAsync</c>, <c>WebApplication.RunAsync</c>).
/// </summary>
public class ReceiverTypedSinkKeyTests
{
    private const string Uses = """
        public class MyChat : OllamaSharp.Chat { public MyChat(OllamaSharp.IOllamaApiClient c) : base(c) { } }
        public class Uses
        {
            readonly HttpClient _http = new();
            public void Http(HttpRequestMessage m) => _ = _http.SendAsync(m);
            public void App(WebApplication app) => _ = app.RunAsync();
            public void OllamaChat(OllamaSharp.Chat chat, string s) => _ = chat.SendAsync(s);
            public void Derived(MyChat chat, string s) => _ = chat.SendAsync(s);
            public void Unknown(string s) { var chat = Make(); _ = chat.SendAsync(s); }
            public void Client(IChatClient client, string s) => _ = client.GetResponseAsync(s);
            public void ImplementingClient(OllamaSharp.OllamaApiClient client, string s) => _ = client.GetResponseAsync(s);
            static OllamaSharp.Chat Make() => null!;
        }
        """;

    [Theory]
    [InlineData("Http", false)]
    [InlineData("App", false)]
    [InlineData("OllamaChat", true)]
    [InlineData("Derived", true)]              // derives from the sink's type in source
    [InlineData("Unknown", true)]              // `var`: unknown
    [InlineData("Client", true)]
    [InlineData("ImplementingClient", true)]   // a referenced type implementing IChatClient
    public void A_method_sink_name_counts_on_a_receiver_that_may_be_of_the_sinks_type(string method, bool reaches)
    {
        Assert.Equal(reaches, ReceiverKeyTests.Reaches(Verify.Usings + Uses, method, TestReferences.All));
    }

    [Theory]
    [InlineData("public static class H { public static void Go(OllamaSharp.Chat chat, string s) => _ = chat.SendAsync(\"Q: \" + s); }", "H.Go(null!, {|SLLM1002:q|});")]
    [InlineData("public class MyChat : OllamaSharp.Chat { public MyChat() : base(null!) { } } public static class H { public static void Go(MyChat chat, string s) => _ = chat.SendAsync(\"Q: \" + s); }", "H.Go(new MyChat(), {|SLLM1002:q|});")]
    [InlineData("public static class H { public static void Go(OllamaSharp.OllamaApiClient client, string s) => _ = client.GetResponseAsync(\"Q: \" + s); }", "H.Go(null!, {|SLLM1002:q|});")]
    public Task Sinks_called_on_a_typed_receiver_inside_a_callee_are_found(string helper, string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body) + "\n" + helper);
}
