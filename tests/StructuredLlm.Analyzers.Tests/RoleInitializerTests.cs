using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>A message whose role and content are set in an object initializer is judged by that role, as a constructor's role argument is.</summary>
public class RoleInitializerTests
{
    [Theory]
    [InlineData("_ = new ChatMessage { Role = ChatRole.System, Contents = {|SLLM1001:[new Microsoft.Extensions.AI.TextContent(\"Rules: \" + q)]|} };")]
    [InlineData("_ = new ChatMessage { Contents = {|SLLM1001:[new Microsoft.Extensions.AI.TextContent(q)]|}, Role = ChatRole.System };")]
    [InlineData("_ = new ChatMessage { Role = new ChatRole(\"developer\"), Contents = {|SLLM1001:[new Microsoft.Extensions.AI.TextContent(q)]|} };")]
    [InlineData("_ = new ChatMessage { Role = ChatRole.User, Contents = {|SLLM1002:[new Microsoft.Extensions.AI.TextContent($\"Summarise: {q}\")]|} };")]
    [InlineData("history.Add(new ChatMessageContent { Role = AuthorRole.System, Content = {|SLLM1001:\"Rules: \" + q|} });")]
    [InlineData("_ = new ChatMessage { Role = ChatRole.System, Contents = {|SLLM1001:{ new Microsoft.Extensions.AI.TextContent(q) }|} };")]
    [InlineData("_ = new ChatMessage { Role = ChatRole.User, Contents = {|SLLM1002:{ new Microsoft.Extensions.AI.TextContent(\"Summarise: \" + q) }|} };")]
    public Task The_role_in_the_initializer_decides_the_sink(string body) => Verify.AnalyzerAsync(FlowTests.Code(body));

    [Theory]
    [InlineData("_ = new ChatMessage { Role = ChatRole.User, Contents = [new Microsoft.Extensions.AI.TextContent(q)] };")] // its own user message
    [InlineData("_ = new ChatMessage { Role = ChatRole.User, Contents = { new Microsoft.Extensions.AI.TextContent(q) } };")]
    [InlineData("_ = new ChatMessage { Role = ChatRole.User, Contents = { new Microsoft.Extensions.AI.TextContent(\"Rules\"), new Microsoft.Extensions.AI.TextContent(q) } };")] // a part of its own, as with [...]
    [InlineData("_ = new ChatMessage { Role = ChatRole.Assistant, Contents = [new Microsoft.Extensions.AI.TextContent(\"Earlier: \" + q)] };")]
    [InlineData("ChatRole r = ticket.Subject == \"x\" ? ChatRole.Tool : ChatRole.Assistant; _ = new ChatMessage { Role = r, Contents = [new Microsoft.Extensions.AI.TextContent(q)] };")]
    [InlineData("_ = new ChatMessage { Role = ChatRole.System, Contents = [new Microsoft.Extensions.AI.TextContent(\"Be brief.\")] };")]
    public Task Other_roles_whole_user_content_and_clean_text_are_not(string body) => Verify.AnalyzerAsync(FlowTests.Code(body));
}
