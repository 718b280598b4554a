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

    // Content added after creation to a local message whose role was set where it was created.
    [Theory]
    [InlineData("var m = new ChatMessage(ChatRole.System, \"Rules\"); m.Contents.Add({|SLLM1001:new Microsoft.Extensions.AI.TextContent(q)|});")]
    [InlineData("var m = new ChatMessage { Role = ChatRole.System }; m.Contents.Add({|SLLM1001:new Microsoft.Extensions.AI.TextContent(\"Rules: \" + q)|});")]
    [InlineData("var m = new ChatMessage(ChatRole.User, \"Hi\"); m.Contents.Insert(0, {|SLLM1002:new Microsoft.Extensions.AI.TextContent($\"Summarise: {q}\")|});")]
    [InlineData("var c = new ChatMessageContent(AuthorRole.System, \"Rules\"); c.Items.Add({|SLLM1001:new Microsoft.SemanticKernel.TextContent(q)|});")]
    // or put in place of what it held
    [InlineData("var m = new ChatMessage(ChatRole.System, \"Rules.\"); m.Contents = {|SLLM1001:[new Microsoft.Extensions.AI.TextContent(\"Extra: \" + q)]|};")]
    [InlineData("var c = new ChatMessageContent(AuthorRole.System, \"Rules\"); c.Content = {|SLLM1001:\"Rules: \" + q|};")]
    [InlineData("var m = new ChatMessage(ChatRole.User, \"Hi\"); m.Contents = {|SLLM1002:[new Microsoft.Extensions.AI.TextContent($\"Summarise: {q}\")]|};")]
    public Task Content_added_later_is_judged_by_the_role_set_at_creation(string body) => Verify.AnalyzerAsync(FlowTests.Code(body));

    [Theory]
    [InlineData("var m = new ChatMessage(ChatRole.User, \"Describe:\"); m.Contents.Add(new Microsoft.Extensions.AI.TextContent(q));")] // a part of its own
    [InlineData("var m = new ChatMessage(ChatRole.System, \"Rules\"); m.Role = ChatRole.User; m.Contents.Add(new Microsoft.Extensions.AI.TextContent(q));")] // role set again: not judged
    [InlineData("var m = new ChatMessage(ChatRole.Assistant, \"Earlier\"); m.Contents.Add(new Microsoft.Extensions.AI.TextContent(q));")]
    [InlineData("var m = new ChatMessage(ChatRole.System, \"Rules\"); m.Contents.Add(new Microsoft.Extensions.AI.TextContent(\"Be brief.\"));")]
    [InlineData("var m = new ChatMessage(ChatRole.User, \"Hi\"); m.Contents = [new Microsoft.Extensions.AI.TextContent(q)];")] // its own part
    [InlineData("var m = new ChatMessage(ChatRole.System, \"Rules\"); m.Contents = [new Microsoft.Extensions.AI.TextContent(\"Be brief.\")]; _ = q;")]
    public Task Content_added_later_to_other_roles_or_clean_is_not(string body) => Verify.AnalyzerAsync(FlowTests.Code(body));
}
