using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>Every flow construct the taint walk follows, each ending in a system-message sink.</summary>
public class FlowTests
{
    internal static string Code(string body, string members = "") => Verify.Usings + $$"""
        public record Ticket(string Subject, string Body);
        public enum Mode { Short, Long }
        public class C
        {
            ChatHistory history = new();
            IChatClient client = null!;
            {{members}}
            public async Task M([FromQuery] string q, [FromBody] Ticket ticket)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("var a = q; var b = a; history.AddSystemMessage({|SLLM1001:b|});")]
    [InlineData("string s; s = q; history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var s = \"Rules: \" + q + \".\"; history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var s = \"Rules: \"; s += q; history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"Rules: {q}\"|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"Rules: {q,10:G}\"|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"\"\"\n    Rules:\n    {q}\n    \"\"\"|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"\"\"Rules: \"{q}\" (quoted)\"\"\"|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:string.Format(\"Rules: {0}\", q)|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:Convert.ToBase64String(Encoding.UTF8.GetBytes(q))|});")] // an encoding, not a digest: the model can decode it
    [InlineData("history.AddSystemMessage({|SLLM1001:string.Format(\"{0} {1} {2} {3}\", \"a\", \"b\", \"c\", q)|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:string.Concat(\"Rules: \", q)|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:string.Join(\", \", new[] { \"a\", q })|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:string.Concat<string>([\"Rules: \", q])|});")]
    [InlineData("var sb = new StringBuilder(); sb.Append(\"Rules: \").Append(q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("var sb = new StringBuilder(); sb.AppendLine(q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("var sb = new StringBuilder(); sb.AppendFormat(\"Rules: {0}\", q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("var sb = new StringBuilder(\"Rules\"); sb.Insert(0, q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("var sb = new StringBuilder(\"Rules: {input}\"); sb.Replace(\"{input}\", q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("var sb = new StringBuilder(); sb.Append($\"Rules: {q}\"); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("var sb = new StringBuilder(q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("const string Template = \"Rules: {input}\"; history.AddSystemMessage({|SLLM1001:Template.Replace(\"{input}\", q)|});")]
    [InlineData("var s = q.Length > 3 ? q : \"none\"; history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var s = q switch { \"a\" => \"x\", _ => q }; history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var s = ticket?.Subject ?? q; history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var list = new List<string> { \"Rules\", q }; history.AddSystemMessage({|SLLM1001:string.Join(\"\\n\", list)|});")]
    [InlineData("var list = new List<string>(); list.Add(q); history.AddSystemMessage({|SLLM1001:string.Join(\"\\n\", list)|});")]
    [InlineData("var docs = q.Split(','); history.AddSystemMessage({|SLLM1001:string.Join(\"\\n\", docs.Select(string.Intern))|});")]
    [InlineData("string[] parts = [\"Rules\", q]; history.AddSystemMessage({|SLLM1001:string.Join(\"\\n\", parts)|});")]
    [InlineData("var d = new Dictionary<string, string> { [\"k\"] = q }; history.AddSystemMessage({|SLLM1001:d[\"k\"]|});")]
    [InlineData("var d = new Dictionary<string, string> { [\"k\"] = q }; d.TryGetValue(\"k\", out var v); history.AddSystemMessage({|SLLM1001:v!|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:ticket.Body|});")]
    [InlineData("var t = ticket; var body = t.Body.Trim().ToUpperInvariant(); history.AddSystemMessage({|SLLM1001:body|});")]
    [InlineData("foreach (var line in q.Split('\\n')) { history.AddSystemMessage({|SLLM1001:line|}); }")]
    // A character of untrusted text is text: rebuilt one by one, it is the same text.
    [InlineData("var sb = new StringBuilder(); foreach (var c in q) { sb.Append(c); } history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:new string(q.Where(char.IsLetterOrDigit).ToArray())|});")]
    // Characters a framework call writes into a buffer it is given (its `destination`) are the text it read.
    [InlineData("var buffer = new char[q.Length]; q.AsSpan().CopyTo(buffer); history.AddSystemMessage({|SLLM1001:new string(buffer)|});")]
    [InlineData("var buffer = new char[64]; var n = q.AsSpan().ToUpperInvariant(buffer); history.AddSystemMessage({|SLLM1001:\"Rules: \" + new string(buffer, 0, n)|});")]
    [InlineData("var buffer = new char[64]; q.CopyTo(0, buffer, 0, q.Length); history.AddSystemMessage({|SLLM1001:new string(buffer)|});")]
    [InlineData("object o = q; if (o is string s) { history.AddSystemMessage({|SLLM1001:s|}); }")]
    // Every pattern that names the value, or a part of it, binds the name to untrusted text.
    [InlineData("if (q is { Length: > 0 } s) { history.AddSystemMessage({|SLLM1001:s|}); }")]
    [InlineData("if (q is var s) { history.AddSystemMessage({|SLLM1001:s|}); }")]
    [InlineData("if (ticket is { Body: var b }) { history.AddSystemMessage({|SLLM1001:b|}); }")]
    [InlineData("if (ticket is { Subject.Length: > 3, Body: { } b }) { history.AddSystemMessage({|SLLM1001:b|}); }")]
    [InlineData("if (ticket is (var subject, _)) { history.AddSystemMessage({|SLLM1001:subject|}); }")]
    [InlineData("if (q.Split(' ') is [var first, ..]) { history.AddSystemMessage({|SLLM1001:first|}); }")]
    [InlineData("if (q.Split(' ') is [_, ..] words) { history.AddSystemMessage({|SLLM1001:string.Join(\" \", words)|}); }")]
    [InlineData("switch (q) { case { Length: > 3 } longer: history.AddSystemMessage({|SLLM1001:longer|}); break; }")]
    [InlineData("var x = q switch { { Length: 0 } => \"none\", var other => other }; history.AddSystemMessage({|SLLM1001:x|});")]
    [InlineData("Func<string> f = () => q; history.AddSystemMessage({|SLLM1001:f()|});")]
    [InlineData("Func<string, string> wrap = s => \"Rules: \" + s; history.AddSystemMessage({|SLLM1001:wrap(q)|});")]
    [InlineData("Action a = () => history.AddSystemMessage({|SLLM1001:q|}); a();")]
    // A lambda held in a local gets what its calls pass to its parameters.
    [InlineData("Func<string, ChatMessage> system = t => new ChatMessage(ChatRole.System, {|SLLM1001:t|}); _ = system(q);")]
    [InlineData("Action<ChatHistory, string> addRules = (h, r) => h.AddSystemMessage({|SLLM1001:\"Rules: \" + r|}); addRules(history, ticket.Body);")]
    [InlineData("Func<string, string, ChatMessage> msg = (a, b) => new ChatMessage(ChatRole.System, {|SLLM1001:a + b|}); _ = msg(\"Rules: \", q);")]
    [InlineData("var captured = q; Task.Run(() => history.AddSystemMessage({|SLLM1001:captured|}));")]
    [InlineData("string Build(string s) => \"Rules: \" + s; history.AddSystemMessage({|SLLM1001:Build(q)|});")]
    [InlineData("void Add(string s) { history.AddSystemMessage({|SLLM1001:s|}); } Add(q);")]
    [InlineData("string Read() => q; history.AddSystemMessage({|SLLM1001:Read()|});")]
    [InlineData("var s = await Task.FromResult(q); history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var s = await Helper.EchoAsync(q); history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var s = (string)(object)q; history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var (a, b) = (q, \"x\"); history.AddSystemMessage({|SLLM1001:a|});")]
    [InlineData("var arr = new string[1]; arr[0] = q; history.AddSystemMessage({|SLLM1001:arr[0]|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:q.Substring(1)|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:System.Text.Json.JsonSerializer.Serialize(ticket)|});")]
    public Task Flow_reaches_the_sink(string body) =>
        Verify.AnalyzerAsync(Code(body) + Helpers);

    private const string Helpers = """

        public static class Helper
        {
            public static async Task<string> EchoAsync(string s) { await Task.Yield(); return s; }
        }
        """;

    [Theory]
    [InlineData("history.AddSystemMessage($\"Limit: {int.Parse(q)}\");")]
    [InlineData("int.TryParse(q, out var n); history.AddSystemMessage($\"Limit: {n}\");")]
    [InlineData("history.AddSystemMessage($\"Verbose: {bool.Parse(q)}\");")]
    [InlineData("history.AddSystemMessage($\"Id: {Guid.Parse(q)}\");")]
    [InlineData("history.AddSystemMessage($\"Since: {DateTime.Parse(q)}\");")]
    [InlineData("history.AddSystemMessage($\"Since: {DateTimeOffset.Parse(q):O}\");")]
    [InlineData("history.AddSystemMessage($\"Amount: {decimal.Parse(q)}\");")]
    [InlineData("history.AddSystemMessage($\"Mode: {Enum.Parse<Mode>(q)}\");")]
    [InlineData("history.AddSystemMessage($\"Mode: {(Mode)Enum.Parse(typeof(Mode), q)}\");")]
    [InlineData("Enum.TryParse<Mode>(q, out var m); history.AddSystemMessage($\"Mode: {m}\");")]
    [InlineData("history.AddSystemMessage(q == \"long\" ? \"Answer at length.\" : \"Answer briefly.\");")]
    [InlineData("history.AddSystemMessage(q.StartsWith(\"x\", StringComparison.Ordinal) ? \"A\" : \"B\");")]
    [InlineData("if (q == \"admin\") { history.AddSystemMessage(\"You may discuss billing.\"); }")]
    [InlineData("history.AddSystemMessage($\"The question has {q.Length} characters.\");")]
    // A cryptographic digest of the text cannot carry its words.
    [InlineData("history.AddSystemMessage(\"Session \" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(q))));")]
    [InlineData("using var sha = System.Security.Cryptography.SHA1.Create(); history.AddSystemMessage(Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(q))));")]
    [InlineData("history.AddSystemMessage(\"Answer the question below.\"); history.AddUserMessage(q);")]
    [InlineData("history.AddSystemMessage(\"Rules: \" + Prompt.Untrusted(q));")]
    [InlineData("history.AddSystemMessage($\"Rules: {Prompt.Untrusted(q, SpotlightMode.Base64)}\");")]
    [InlineData("history.AddSystemMessage(Prompt.Untrusted(q, new SpotlightOptions { Label = \"query\" }));")]
    [InlineData("history.AddSystemMessage(Prompt.Spotlight(q).Text);")]
    // A sanitizer given as a method group maps every element, as the lambda form does.
    [InlineData("var docs = q.Split(','); history.AddSystemMessage(\"Docs:\\n\" + string.Join(\"\\n\", docs.Select(Prompt.Untrusted)));")]
    [InlineData("var docs = q.Split(','); history.AddSystemMessage(string.Join(\"\\n\", Array.ConvertAll(docs, Prompt.Untrusted)));")]
    [InlineData("var docs = q.Split(',').ToList(); history.AddSystemMessage(string.Concat(docs.ConvertAll(Prompt.Untrusted)));")]
    [InlineData("var q2 = \"fixed\"; history.AddSystemMessage(q2);")]
    [InlineData("history.AddMessage(AuthorRole.Assistant, \"Earlier answer: \" + q);")]
    [InlineData("history.AddMessage(AuthorRole.Tool, q);")]
    [InlineData("var messages = new PromptBuilder().System(\"Rules\").Untrusted(q).ToChatMessages(); await client.GetResponseAsync(messages);")]
    // A prompt template compiled into the assembly as an embedded resource is the app's own text.
    [InlineData("var asm = typeof(C).Assembly; using var stream = asm.GetManifestResourceStream(\"Prompts.system.txt\")!; using var reader = new StreamReader(stream); var template = reader.ReadToEnd(); history.AddSystemMessage(template);")]
    [InlineData("history.AddSystemMessage(new StreamReader(typeof(C).Assembly.GetManifestResourceStream(\"p.txt\") ?? throw new InvalidOperationException()).ReadToEnd());")]
    // An untrusted key selects among trusted values (an allowlist).
    [InlineData("var personas = new Dictionary<string, string> { [\"pirate\"] = \"Talk like a pirate.\" }; var p = personas.TryGetValue(q, out var v) ? v : \"Be neutral.\"; history.AddSystemMessage(p);")]
    [InlineData("var personas = new Dictionary<string, string> { [\"pirate\"] = \"Talk like a pirate.\" }; history.AddSystemMessage(personas[q]);")]
    [InlineData("IReadOnlyDictionary<string, string> personas = new Dictionary<string, string>(); history.AddSystemMessage(personas.GetValueOrDefault(q, \"Be neutral.\"));")]
    // A lambda held in a local, called with the app's own text (and the untrusted text sent whole as the user's).
    [InlineData("Func<string, ChatMessage> system = t => new ChatMessage(ChatRole.System, t); _ = system(\"Be brief.\"); Action<string> ask = t => history.AddUserMessage(t); ask(q);")]
    // A buffer a framework call fills from the app's own values holds none of the untrusted text.
    [InlineData("var buffer = new char[16]; q.Length.TryFormat(buffer, out var written); history.AddSystemMessage(\"Length: \" + new string(buffer, 0, written));")]
    [InlineData("var buffer = new char[16]; \"Rules\".AsSpan().CopyTo(buffer); history.AddSystemMessage(new string(buffer)); history.AddUserMessage(q);")]
    public Task Not_a_finding(string body) =>
        Verify.AnalyzerAsync(Code(body));

    /// <summary>
    /// A collection of numbers, dates or enums bound from the request (or projected to them) writes no words of its
    /// sender into a prompt; a collection of text, or an app type holding text, still does.
    /// </summary>
    [Theory]
    [InlineData("history.AddSystemMessage(\"Ids: \" + string.Join(\",\", ids));")]
    [InlineData("history.AddSystemMessage(\"Pages: \" + string.Join(\",\", pages));")]
    [InlineData("history.AddSystemMessage($\"Stars: {string.Join(\",\", ratings.Select(r => r.Stars))}\");")]
    [InlineData("history.AddSystemMessage(\"Days: \" + string.Join(\",\", ratings.Select(r => r.When).ToList()));")]
    [InlineData("history.AddSystemMessage(\"Modes: \" + string.Join(\",\", modes));")]
    [InlineData("history.AddSystemMessage(\"Stars: \" + string.Join(\",\", ratings.Select(r => r.Stars.ToString())));")]
    [InlineData("history.AddSystemMessage(\"Counts: \" + string.Join(\",\", ratings.GroupBy(r => r.Stars).Select(g => $\"{g.Key}:{g.Count()}\")));")]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Tags: \" + string.Join(\",\", tags)|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Notes: \" + string.Join(\",\", ratings.Select(r => $\"{r.Stars}: {r.Note}\"))|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Tags: \" + string.Join(\",\", tags.Select(t => t.Trim()))|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Tags: \" + string.Join(\",\", ratings.SelectMany(r => r.Note.Split(' ')))|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Raw: \" + Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(tags[0]).ToList().ToArray())|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Notes: \" + string.Join(\",\", ratings.Select(r => r.Note))|});")]
    public Task Collections_of_numbers_dates_or_enums_carry_no_text(string body) =>
        Verify.AnalyzerAsync(Verify.Usings + $$"""
            public record Rating(int Stars, DateOnly When, string Note);
            public enum Mode { Short, Long }
            public class C
            {
                ChatHistory history = new();
                public void M([FromQuery] int[] ids, [FromQuery] List<int> pages, [FromBody] List<Rating> ratings, [FromQuery] HashSet<Mode> modes, [FromQuery] string[] tags)
                {
                    {{body}}
                }
            }
            """);

    [Theory]
    [InlineData("var sb = new StringBuilder(\"<message role=\\\"system\\\">Be brief</message>\"); history.AddSystemMessage(sb.ToString()); sb.Append(q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("var s = \"Rules\"; history.AddSystemMessage(s); s += q; history.AddSystemMessage({|SLLM1001:s|});")]
    [InlineData("var s = \"Rules\"; for (var i = 0; i < 2; i++) { history.AddSystemMessage({|SLLM1001:s|}); s += q; }")]
    [InlineData("var s = \"Rules\"; Action a = () => history.AddSystemMessage({|SLLM1001:s|}); s += q; a();")]
    public Task A_local_read_before_it_is_tainted_is_clean_in_straight_line_code(string body) =>
        Verify.AnalyzerAsync(Code(body));

    /// <summary>
    /// Content items of one user message held side by side in a collection expression stay whole: several untrusted
    /// items, with no words of the app between them, are no template.
    /// </summary>
    [Theory]
    [InlineData("_ = new ChatMessage(ChatRole.User, [new Microsoft.Extensions.AI.TextContent(q), new Microsoft.Extensions.AI.TextContent(q)]);")]
    [InlineData("_ = new ChatMessage(ChatRole.User, [new Microsoft.Extensions.AI.TextContent(q), new Microsoft.Extensions.AI.TextContent(ticket.Body)]);")]
    public Task Untrusted_content_items_side_by_side_in_one_user_message_are_no_template(string body) => Verify.AnalyzerAsync(Code(body));

    /// <summary>A lambda given a collection's items gets what the collection holds, as a <c>foreach</c> variable does.</summary>
    [Theory]
    [InlineData("var docs = new List<string> { q }; docs.ForEach(d => history.AddSystemMessage({|SLLM1001:\"Doc: \" + d|}));")]
    [InlineData("var docs = new[] { q }; Array.ForEach(docs, d => history.AddSystemMessage({|SLLM1001:\"Doc: \" + d|}));")]
    [InlineData("Parallel.ForEach(new[] { q }, s => history.AddSystemMessage({|SLLM1001:\"S: \" + s|}));")]
    [InlineData("_ = new List<string> { ticket.Body }.Select(d => { history.AddSystemMessage({|SLLM1001:\"S: \" + d|}); return 1; }).Sum();")]
    public Task A_lambda_over_a_collections_items_gets_what_it_holds(string body) => Verify.AnalyzerAsync(Code(body));

    [Theory]
    [InlineData("new List<string> { \"a\", \"b\" }.ForEach(d => history.AddSystemMessage(\"Doc: \" + d));")]
    [InlineData("var docs = new List<string> { q }; docs.ForEach(d => history.AddUserMessage(d));")]
    [InlineData("var docs = new List<string> { q }; var n = docs.Count(d => d.Length > 3); history.AddSystemMessage($\"{n} documents\");")]
    public Task A_lambda_over_trusted_items_or_using_them_whole_is_no_finding(string body) => Verify.AnalyzerAsync(Code(body));

    /// <summary>
    /// A `+=` onto a sink property is checked for what it adds: the value it already held was checked (and reported) where
    /// it was written, so appending the app's own words reports nothing more, and appending untrusted text is found at
    /// the appended value.
    /// </summary>
    [Theory]
    [InlineData("var o = new ChatOptions { Instructions = {|SLLM1001:\"Rules: \" + q|} }; o.Instructions += \" Be brief.\";")]
    [InlineData("var o = new ChatOptions(); o.Instructions = {|SLLM1001:q|}; o.Instructions += \" Be brief.\"; o.Instructions += Environment.NewLine;")]
    [InlineData("var o = new ChatOptions { Instructions = \"Rules:\" }; o.Instructions += {|SLLM1001:q|};")]
    [InlineData("var o = new ChatOptions { Instructions = {|SLLM1001:q|} }; o.Instructions += {|SLLM1001:ticket.Body|};")]
    public Task A_compound_assignment_to_a_sink_property_is_checked_for_what_it_adds(string body) =>
        Verify.AnalyzerAsync(Code(body));

    [Fact]
    public Task Reassigned_variable_keeps_its_taint_because_the_walk_is_flow_insensitive() =>
        // Documented limitation: taint is never killed by a later assignment.
        Verify.AnalyzerAsync(Code("var s = q; s = \"fixed\"; history.AddSystemMessage({|SLLM1001:s|});"));

    /// <summary>
    /// A custom [InterpolatedStringHandler] of the app: the holes given to its AppendFormatted are the text it builds,
    /// whatever it stores them in.
    /// </summary>
    [Fact]
    public Task Custom_interpolated_string_handlers_carry_their_holes() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            [System.Runtime.CompilerServices.InterpolatedStringHandler]
            public ref struct PromptHandler
            {
                private System.Runtime.CompilerServices.DefaultInterpolatedStringHandler _inner;
                public PromptHandler(int literalLength, int formattedCount) { _inner = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(literalLength, formattedCount); }
                public void AppendLiteral(string s) => _inner.AppendLiteral(s);
                public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);
                public string ToStringAndClear() => _inner.ToStringAndClear();
            }
            public static class P { public static string Make(ref PromptHandler h) => h.ToStringAndClear(); }
            public class HandlerUse(ChatHistory history) : ControllerBase
            {
                [HttpPost("h")]
                public void H([FromBody] string q, int n)
                {
                    history.AddSystemMessage({|SLLM1001:P.Make($"Rules: {q}")|});
                    history.AddSystemMessage(P.Make($"Count: {n}"));
                }
            }
            """);

    /// <summary>
    /// A builder, writer or list given to a local function, a lambda or a helper is filled by it: the caller's object holds
    /// what the body wrote (a StringWriter over a builder writes into the builder).
    /// </summary>
    [Theory]
    [InlineData("var a = new StringBuilder(); void Add(StringBuilder sb, string v) => sb.Append(\"Rule: \" + v); Add(a, q); history.AddSystemMessage({|SLLM1001:a.ToString()|});")]
    [InlineData("var rules = new StringBuilder(); Action<StringBuilder> add = sb => sb.Append(\"Rule: \" + q); add(rules); history.AddSystemMessage({|SLLM1001:rules.ToString()|});")]
    [InlineData("var parts = new List<string>(); void Add(List<string> into) => into.Add(\"Rule: \" + q); Add(parts); history.AddSystemMessage({|SLLM1001:string.Join(\"\\n\", parts)|});")]
    [InlineData("var w = new StringWriter(); Write(w, q); history.AddSystemMessage({|SLLM1001:w.ToString()|});")]
    [InlineData("var w = new StringWriter(); w.Write(\"R\" + q); history.AddSystemMessage({|SLLM1001:w.ToString()|});")]
    [InlineData("var w = new StringWriter(); void W(TextWriter t) => t.Write(\"R\" + q); W(w); history.AddSystemMessage({|SLLM1001:w.ToString()|});")]
    [InlineData("var sb = new StringBuilder(); new StringWriter(sb).Write(q); history.AddSystemMessage({|SLLM1001:\"Notes: \" + sb|});")]
    [InlineData("var sb = new StringBuilder(); using var writer = new StringWriter(sb); writer.WriteLine(\"Rule: \" + q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    public Task What_a_callee_writes_into_a_builder_it_is_given_reaches_the_caller(string body) =>
        Verify.AnalyzerAsync(Code(body, "static void Write(TextWriter w, string s) => w.Write(\"Rules: \" + s);"));

    [Theory]
    [InlineData("var a = new StringBuilder(); void Add(StringBuilder sb) => sb.Append(\"Rule\"); Add(a); history.AddSystemMessage(a.ToString()); _ = q;")]
    [InlineData("var w = new StringWriter(); Write(w, \"Be brief.\"); history.AddSystemMessage(w.ToString()); _ = q;")]
    [InlineData("var rules = new StringBuilder(); Action<StringBuilder> add = sb => sb.Append(\"Rule\"); add(rules); history.AddSystemMessage(rules.ToString()); _ = q;")]
    public Task A_callee_writing_only_the_apps_text_into_a_builder_is_not_a_finding(string body) =>
        Verify.AnalyzerAsync(Code(body, "static void Write(TextWriter w, string s) => w.Write(\"Rules: \" + s);"));
}
