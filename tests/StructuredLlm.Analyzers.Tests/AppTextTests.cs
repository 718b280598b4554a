using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// SLLM1002 reports untrusted text put inside text the app wrote in a user message. Untrusted text gathered on its own
/// (a streamed reply appended chunk by chunk, parts joined by separators) is still whole: sending it as its own user
/// message is the mitigation the rule asks for. Words the app adds, before or after, make it mixed.
/// </summary>
public class AppTextTests
{
    private static string Code(string body) => Verify.Usings + $$"""
        public class C
        {
            public async Task M(ChatResponse reply, IAsyncEnumerable<ChatResponseUpdate> updates, [FromQuery] string q, StringBuilder given)
            {
                {{body}}
                await Task.CompletedTask;
            }
        }
        """;

    [Theory]
    // A streamed reply gathered update by update, in a builder or a string.
    [InlineData("var sb = new StringBuilder(); await foreach (var u in updates) { sb.Append(u.Text); } _ = new ChatMessage(ChatRole.User, sb.ToString());")]
    [InlineData("var text = \"\"; await foreach (var u in updates) { text += u.Text; } _ = new ChatMessage(ChatRole.User, text);")]
    [InlineData("var text = string.Empty; foreach (var m in reply.Messages) { text += m.Text + Environment.NewLine; } _ = new ChatMessage(ChatRole.User, text);")]
    // Parts joined by separators only.
    [InlineData("var sb = new StringBuilder(); foreach (var m in reply.Messages) { sb.AppendLine(m.Text).AppendLine(); } _ = new ChatMessage(ChatRole.User, sb.ToString());")]
    [InlineData("_ = new ChatMessage(ChatRole.User, q + \"\\n\\n\" + reply.Text);")]
    [InlineData("_ = new ChatMessage(ChatRole.User, $\"{q}: {reply.Text}\");")]
    [InlineData("_ = new ChatMessage(ChatRole.User, $\"{q} ({reply.Messages.Count})\");")]
    // string.Join, Concat and Format with separators only.
    [InlineData("_ = new ChatMessage(ChatRole.User, string.Join(\"\\n\", reply.Messages.Select(m => m.Text)));")]
    [InlineData("_ = new ChatMessage(ChatRole.User, string.Concat(q, \"\\n\", reply.Text));")]
    [InlineData("_ = new ChatMessage(ChatRole.User, string.Format(\"{0}\\n\\n{1}\", q, reply.Text));")]
    [InlineData("_ = new ChatMessage(ChatRole.User, string.Join(\", \", q, reply.Text, q, reply.Text, q));")]
    [InlineData("_ = new ChatMessage(ChatRole.User, string.Join<string>(\"\\n\", [q, reply.Text]));")]
    // Content items given side by side, by a collection initializer or a collection expression, stay whole.
    [InlineData("_ = new ChatMessage(ChatRole.User, new List<AIContent> { new Microsoft.Extensions.AI.TextContent(q), new Microsoft.Extensions.AI.TextContent(reply.Text) });")]
    [InlineData("var items = new List<AIContent> { new Microsoft.Extensions.AI.TextContent(q), new Microsoft.Extensions.AI.TextContent(reply.Text) }; _ = new ChatMessage(ChatRole.User, items);")]
    [InlineData("IList<AIContent> items = [new Microsoft.Extensions.AI.TextContent(q), new Microsoft.Extensions.AI.TextContent(reply.Text)]; _ = new ChatMessage(ChatRole.User, items);")]
    // Items added to a collection stay separate items, even when one call adds two (a key and its value).
    [InlineData("var byRole = new Dictionary<string, string>(); foreach (var m in reply.Messages) { byRole.Add(m.Role.Value, m.Text); } _ = new ChatMessage(ChatRole.User, byRole[\"user\"]);")]
    // A throw expression's message is never the value: the value is still the untrusted text alone.
    [InlineData("_ = new ChatMessage(ChatRole.User, reply.Messages.LastOrDefault()?.Text ?? throw new InvalidOperationException($\"No text in reply {reply}\"));")]
    [InlineData("_ = new ChatMessage(ChatRole.User, q switch { _ when q.Length > 500 => throw new ArgumentException(\"Too long: \" + q), _ => q });")]
    [InlineData("_ = new ChatMessage(ChatRole.User, q.Length > 0 ? q : throw new ArgumentException($\"Bad question {q}\"));")]
    public Task Untrusted_text_gathered_alone_is_whole(string body) => Verify.AnalyzerAsync(Code(body));

    [Theory]
    // The app's words before the untrusted text.
    [InlineData("var sb = new StringBuilder(\"Summarize:\\n\"); await foreach (var u in updates) { sb.Append(u.Text); } _ = new ChatMessage(ChatRole.User, {|SLLM1002:sb.ToString()|});")]
    [InlineData("var text = \"Summarize: \"; text += reply.Text; _ = new ChatMessage(ChatRole.User, {|SLLM1002:text|});")]
    // ... or after it: the text already gathered becomes mixed.
    [InlineData("var sb = new StringBuilder(); await foreach (var u in updates) { sb.Append(u.Text); } sb.AppendLine(\"Now summarize the above.\"); _ = new ChatMessage(ChatRole.User, {|SLLM1002:sb.ToString()|});")]
    [InlineData("var text = \"\"; text += reply.Text; text += \" Answer in French.\"; _ = new ChatMessage(ChatRole.User, {|SLLM1002:text|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:$\"{q}: {reply.Text} (2 lines)\"|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:q + \" Answer briefly.\"|});")]
    // string.Join, Concat and Format with the app's words.
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:string.Format(\"Question: {0}\", q)|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:string.Concat(\"Summarize: \", reply.Text)|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:string.Join(\" and then \", q, reply.Text)|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:string.Concat<string>([\"Summarize: \", reply.Text])|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:string.Concat(q, \" \", reply.Text, \" \", q, \" Answer briefly.\")|});")]
    // A builder or string that came from elsewhere may hold anything.
    [InlineData("given.Append(q); _ = new ChatMessage(ChatRole.User, {|SLLM1002:given.ToString()|});")]
    // The instructions rule does not depend on mixing.
    [InlineData("var sb = new StringBuilder(); await foreach (var u in updates) { sb.Append(u.Text); } _ = new ChatMessage(ChatRole.System, {|SLLM1001:sb.ToString()|});")]
    public Task The_apps_words_make_it_mixed(string body) => Verify.AnalyzerAsync(Code(body));

    /// <summary>A member read through <c>?.</c> is named with its receiver.</summary>
    [Fact]
    public async Task A_member_read_through_a_null_conditional_is_named_with_its_receiver()
    {
        var diagnostics = await Verify.RunAsync(Verify.Usings + """
            public record Req(string Persona);
            public class C
            {
                public ChatMessage M([FromBody] Req? req) => new(ChatRole.System, "You are " + req?.Persona);
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("'req?.Persona' (", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    /// <summary>
    /// A call the walk cannot see into (a recursive converter's call to itself) given the reply and the options mixes
    /// nothing when it returns an object, not text: the converted content is still the reply alone, sent whole. One that
    /// returns text still may join what it is given.
    /// </summary>
    [Theory]
    [InlineData("AIContent?", "new Microsoft.Extensions.AI.TextContent(t.Text)", "_ = new ChatMessage(ChatRole.User, [Converter.Convert(reply.Messages[0].Contents[0], options)!]);")]
    [InlineData("string?", "t.Text", "_ = new ChatMessage(ChatRole.User, {|SLLM1002:Converter.Convert(reply.Messages[0].Contents[0], options)|});")]
    public Task A_call_mixes_what_it_is_given_only_when_it_returns_text(string returnType, string converted, string body) =>
        Verify.AnalyzerAsync(Verify.Usings + $$"""
            public static class Converter
            {
                public static {{returnType}} Convert(AIContent c, System.Text.Json.JsonSerializerOptions o) => c switch
                {
                    Microsoft.Extensions.AI.TextContent t => {{converted}},
                    Microsoft.Extensions.AI.FunctionResultContent r when r.Result is AIContent inner => Convert(inner, o),
                    _ => null,
                };
            }

            public class C
            {
                public void M(ChatResponse reply, System.Text.Json.JsonSerializerOptions options)
                {
                    {{body}}
                }
            }
            """);
}
