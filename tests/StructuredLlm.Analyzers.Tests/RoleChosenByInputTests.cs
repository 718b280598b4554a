using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// A chat endpoint that takes role and content pairs from the caller lets the caller send its own system message: the
/// role is untrusted, so the message is judged as the most privileged role it can have.
/// </summary>
public class RoleChosenByInputTests
{
    private static string Code(string body) => Verify.Usings + $$"""
        public record Turn(string Role, string Content);

        public class C
        {
            public async Task M([FromBody] List<Turn> turns, [FromQuery] string q, IChatClient client, ChatResponse reply)
            {
                {{body}}
                await Task.CompletedTask;
            }
        }
        """;

    [Theory]
    [InlineData("_ = turns.Select(t => new ChatMessage(new ChatRole(t.Role), {|SLLM1001:t.Content|})).ToList();")]
    [InlineData("foreach (var t in turns) { var h = new ChatHistory(); h.AddMessage(new AuthorRole(t.Role), {|SLLM1001:t.Content|}); }")]
    [InlineData("foreach (var t in turns) { var role = new ChatRole(t.Role.ToLowerInvariant()); _ = new ChatMessage(role, {|SLLM1001:t.Content|}); }")]
    // a switch over the caller's text that can give the system role
    [InlineData("foreach (var t in turns) { var role = t.Role switch { \"system\" => ChatRole.System, _ => ChatRole.User }; _ = new ChatMessage(role, {|SLLM1001:t.Content|}); }")]
    // a local role reassigned from the query string
    [InlineData("var role = ChatRole.User; if (q.Length > 3) { role = new ChatRole(q); } _ = new ChatMessage(role, {|SLLM1001:\"Rules \" + q|});")]
    public Task A_role_the_caller_chooses_makes_untrusted_content_a_possible_system_message(string body) => Verify.AnalyzerAsync(Code(body));

    [Theory]
    // the content is the app's own: the caller picks only who says it
    [InlineData("foreach (var t in turns) { _ = new ChatMessage(new ChatRole(t.Role), \"Be brief.\"); }")]
    // the model's reply keeps its own role in the history
    [InlineData("foreach (var m in reply.Messages) { _ = new ChatMessage(m.Role, m.Text); }")]
    // a reply to a conversation holding the caller's text: its role is the reply's own (the real-world SK samples)
    [InlineData("var h = new ChatHistory(); h.AddUserMessage(q); IChatCompletionService s = null!; var r = await s.GetChatMessageContentAsync(h); h.AddMessage(r.Role, r.Content!);")]
    // a switch that can give no more than the user role
    [InlineData("foreach (var t in turns) { var role = t.Role switch { \"assistant\" => ChatRole.Assistant, _ => ChatRole.User }; _ = new ChatMessage(role, t.Content); }")]
    public Task Not_a_finding(string body) => Verify.AnalyzerAsync(Code(body));
}
