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
    // A builder or string that came from elsewhere may hold anything.
    [InlineData("given.Append(q); _ = new ChatMessage(ChatRole.User, {|SLLM1002:given.ToString()|});")]
    // The instructions rule does not depend on mixing.
    [InlineData("var sb = new StringBuilder(); await foreach (var u in updates) { sb.Append(u.Text); } _ = new ChatMessage(ChatRole.System, {|SLLM1001:sb.ToString()|});")]
    public Task The_apps_words_make_it_mixed(string body) => Verify.AnalyzerAsync(Code(body));
}
