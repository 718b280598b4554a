using System.Linq;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Untrusted text stored into a field or property by one member of a type and read into a prompt by another: the
/// stored taint of a member is the union of the sources its writers (methods, constructors, initializers) assign.
/// </summary>
public class FieldTaintTests
{
    internal static string Code(string members) => Verify.Usings + "public class C\n{\n    ChatHistory history = new();\n" + members + "\n}\n";

    [Theory]
    [InlineData("string _question = \"\";\npublic void Set([FromQuery] string q) { _question = q; }\npublic void Use() { history.AddSystemMessage({|SLLM1001:\"Rules: \" + _question|}); }")]
    [InlineData("private readonly string _persona;\npublic C([FromQuery] string q) { _persona = q; }\npublic void Use() { history.AddSystemMessage({|SLLM1001:this._persona|}); }")]
    [InlineData("public string Topic { get; set; } = \"\";\npublic void Bind([FromBody] string body) { Topic = body.Trim(); }\npublic void Use() { history.AddSystemMessage({|SLLM1001:$\"Expert in {Topic}\"|}); }")]
    [InlineData("static string s_line = Console.ReadLine() ?? \"\";\npublic void Use() { history.AddSystemMessage({|SLLM1001:s_line|}); }")]
    [InlineData("string _input = \"\";\npublic void Set(HttpRequest request) { _input = request.Query[\"q\"]!; }\nstring Prompt() => \"Rules: \" + _input;\npublic void Use() { history.AddSystemMessage({|SLLM1001:Prompt()|}); }")]
    [InlineData("string _log = \"\";\npublic void Append([FromQuery] string q) { _log = _log + q; }\npublic void Use() { history.AddSystemMessage({|SLLM1001:_log|}); }")]
    [InlineData("readonly List<string> _notes = new();\npublic void Add([FromForm] string note) { _notes.Add(note); }\npublic void Use() { history.AddSystemMessage({|SLLM1001:string.Join(\"\\n\", _notes)|}); }")]
    // A dictionary member filled through its indexer in another member, read by indexer, lookup or TryGetValue.
    [InlineData("readonly Dictionary<string, string> _prefs = new();\npublic void Set([FromBody] string v) { _prefs[\"tone\"] = v; }\npublic void Use() { history.AddSystemMessage({|SLLM1001:\"Tone: \" + _prefs[\"tone\"]|}); }")]
    [InlineData("readonly Dictionary<string, string> _prefs = new();\npublic void Set([FromBody] string v) { _prefs[\"tone\"] = v; }\npublic void Use() { history.AddSystemMessage({|SLLM1001:\"Tone: \" + _prefs.GetValueOrDefault(\"tone\")|}); }")]
    [InlineData("readonly Dictionary<string, string> _prefs = new();\npublic void Set([FromBody] string v) { this._prefs[\"tone\"] = v; }\npublic void Use() { if (_prefs.TryGetValue(\"tone\", out var tone)) history.AddSystemMessage({|SLLM1001:\"Tone: \" + tone|}); }")]
    // Writers seen only through calls on the member: a StringBuilder chain, and a fluent method returning its own type.
    [InlineData("readonly StringBuilder _sb = new();\npublic void Add([FromQuery] string q) { _sb.Append(\"Q: \").Append(q); }\npublic void Use() { history.AddSystemMessage({|SLLM1001:_sb.ToString()|}); }")]
    [InlineData("public class Parts { public Parts With(string s) => this; }\nreadonly Parts _parts = new();\npublic void Add([FromQuery] string q) { _parts.With(q); }\npublic void Use() { history.AddSystemMessage({|SLLM1001:_parts.ToString()!|}); }")]
    // A part of the member filled through a call on it: a channel's writer, a collection the member holds.
    [InlineData("readonly System.Threading.Channels.Channel<string> _queue = System.Threading.Channels.Channel.CreateUnbounded<string>();\npublic void Add([FromBody] string q) { _queue.Writer.TryWrite(q); }\npublic async Task Use() { await foreach (var n in _queue.Reader.ReadAllAsync()) history.AddSystemMessage({|SLLM1001:n|}); }")]
    [InlineData("public class Holder { public List<string> Items { get; } = new(); }\nreadonly Holder _h = new();\npublic void Add([FromForm] string q) { _h.Items.Add(q); }\npublic void Use() { history.AddSystemMessage({|SLLM1001:string.Join(\", \", _h.Items)|}); }")]
    // out and ref parameters of a same-compilation method, through its summary.
    [InlineData("static void Read(string s, out string o) { o = \"Rules: \" + s; }\npublic void Use([FromQuery] string q) { Read(q, out var p); history.AddSystemMessage({|SLLM1001:p|}); }")]
    [InlineData("static bool TryRead(HttpRequest r, out string o) { o = r.Query[\"q\"]!; return true; }\npublic void Use(HttpRequest request) { if (TryRead(request, out var p)) history.AddSystemMessage({|SLLM1001:p|}); }")]
    [InlineData("static void Append(ref string s, string more) { s += more; }\npublic void Use([FromQuery] string q) { var p = \"Rules: \"; Append(ref p, q); history.AddSystemMessage({|SLLM1001:p|}); }")]
    public Task Stored_taint_reaches_the_sink(string members) => Verify.AnalyzerAsync(Code(members));

    [Theory]
    // Only constants are stored, through an indexer too.
    [InlineData("readonly Dictionary<string, string> _prefs = new();\npublic void Set([FromBody] string v) { _prefs[\"tone\"] = v.Length > 3 ? \"warm\" : \"dry\"; }\npublic void Use() { history.AddSystemMessage(\"Tone: \" + _prefs[\"tone\"]); }")]
    [InlineData("string _rules = \"\";\npublic void Set(bool strict) { _rules = strict ? \"Be strict.\" : \"Be kind.\"; }\npublic void Use() { history.AddSystemMessage(_rules); }")]
    // A plain parameter of a public method: its callers are not followed, so nothing is known to be untrusted.
    [InlineData("string _rules = \"\";\npublic void Configure(string rules) { _rules = rules; }\npublic void Use() { history.AddSystemMessage(_rules); }")]
    // Converted to a number before it is stored.
    [InlineData("int _max;\npublic void Set([FromQuery] string q) { _max = int.Parse(q); }\npublic void Use() { history.AddSystemMessage($\"At most {_max} items\"); }")]
    // The untrusted value is stored as its own user message: the structural mitigation still holds.
    [InlineData("string _question = \"\";\npublic void Set([FromQuery] string q) { _question = q; }\npublic void Use() { history.AddSystemMessage(\"Answer briefly.\"); history.AddUserMessage(_question); }")]
    // An out parameter that receives only constants.
    [InlineData("static void Read(string s, out string o) { o = s.Length > 3 ? \"long\" : \"short\"; }\npublic void Use([FromQuery] string q) { Read(q, out var p); history.AddSystemMessage(p); }")]
    public Task Not_a_finding(string members) => Verify.AnalyzerAsync(Code(members));

    [Theory]
    [InlineData("public async Task Use(HttpRequest request) { using var reader = new StreamReader(request.Body); history.AddSystemMessage(await reader.ReadToEndAsync()); }", "(HTTP request body)")]
    [InlineData("public async Task Use(IFormFile upload) { using var reader = new StreamReader(upload.OpenReadStream()); history.AddSystemMessage(await reader.ReadToEndAsync()); }", "(uploaded file)")]
    [InlineData("public void Use() { using var reader = new StreamReader(\"notes.txt\"); history.AddSystemMessage(reader.ReadToEnd()); }", "(file contents)")]
    public async Task A_reader_over_an_untrusted_stream_names_the_stream_source(string members, string kind)
    {
        var diagnostics = await Verify.RunAsync(Code(members));
        Assert.Contains(kind, string.Join(" | ", diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))), System.StringComparison.Ordinal);
        Assert.Single(diagnostics);
    }
}
