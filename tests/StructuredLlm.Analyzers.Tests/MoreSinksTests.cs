using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Sinks beyond the string overloads: message content objects, Semantic Kernel's own message and settings types, and
/// the Microsoft Agent Framework (whose package declares a second <c>Microsoft.Extensions.AI.ChatClientExtensions</c>).
/// </summary>
public class MoreSinksTests
{
    private static string Code(string body, string parameters = "[FromQuery] string q") => Verify.Usings + $$"""
        public class C
        {
            public async Task M({{parameters}})
            {
                {{body}}
                await Task.CompletedTask;
            }
        }
        """;

    [Theory]
    // Microsoft.Extensions.AI content lists: same rule as the string overload, decided by the role argument.
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:new List<AIContent> { new Microsoft.Extensions.AI.TextContent(\"Rules \" + q) }|});")]
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:[new Microsoft.Extensions.AI.TextContent(q)]|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:[new Microsoft.Extensions.AI.TextContent($\"Summarize: {q}\")]|});")]
    // Text built by a constructor from several values is still text with the untrusted part inside.
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:new StringBuilder(\"Summarize: \").Append(q).ToString()|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:[new Microsoft.Extensions.AI.TextContent(new StringBuilder(q, q.Length * 2).Append(q).ToString())]|});")]
    // OpenAI content parts.
    [InlineData("_ = new OpenAI.Chat.SystemChatMessage({|SLLM1001:OpenAI.Chat.ChatMessageContentPart.CreateTextPart(\"Rules \" + q)|});")]
    [InlineData("_ = OpenAI.Chat.ChatMessage.CreateSystemMessage({|SLLM1001:OpenAI.Chat.ChatMessageContentPart.CreateTextPart(q)|});")]
    // Semantic Kernel's ChatMessageContent, with the role argument deciding.
    [InlineData("var h = new ChatHistory(); h.Add(new ChatMessageContent(AuthorRole.System, {|SLLM1001:\"Rules \" + q|}));")]
    [InlineData("var h = new ChatHistory(); h.Insert(0, new ChatMessageContent(AuthorRole.System, {|SLLM1001:q|}));")]
    [InlineData("var h = new ChatHistory(); h.Add(new ChatMessageContent(AuthorRole.User, {|SLLM1002:$\"Translate: {q}\"|}));")]
    [InlineData("var h = new ChatHistory(new[] { new ChatMessageContent(AuthorRole.System, {|SLLM1001:q|}) });")]
    // Semantic Kernel execution settings and chat service string prompts.
    [InlineData("_ = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings { ChatSystemPrompt = {|SLLM1001:\"Rules \" + q|} };")]
    [InlineData("\n#pragma warning disable SKEXP0010\n_ = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings { ChatDeveloperPrompt = {|SLLM1001:q|} };")]
    [InlineData("IChatCompletionService s = null!; await s.GetChatMessageContentAsync({|SLLM1002:$\"Summarize: {q}\"|});")]
    // Microsoft Agent Framework.
    [InlineData("IChatClient c = null!; _ = new Microsoft.Agents.AI.ChatClientAgent(c, instructions: {|SLLM1001:$\"You help with {q}\"|});")]
    [InlineData("IChatClient c = null!; _ = c.AsAIAgent(instructions: {|SLLM1001:\"Persona: \" + q|});")]
    [InlineData("Microsoft.Agents.AI.AIAgent a = null!; await a.RunAsync({|SLLM1002:\"Summarize: \" + q|});")]
    [InlineData("Microsoft.Agents.AI.AIAgent a = null!; var r = await a.RunAsync(q); var h = new ChatHistory(); h.AddSystemMessage({|SLLM1001:\"Earlier: \" + r.Text|});")]
    // OpenAI Assistants: the assistant's instructions and a run's added or replacing instructions.
    [InlineData("\n#pragma warning disable OPENAI001\n_ = new OpenAI.Assistants.AssistantCreationOptions { Instructions = {|SLLM1001:$\"You help with {q}\"|} };")]
    [InlineData("\n#pragma warning disable OPENAI001\n_ = new OpenAI.Assistants.AssistantModificationOptions { Instructions = {|SLLM1001:q|} };")]
    [InlineData("\n#pragma warning disable OPENAI001\n_ = new OpenAI.Assistants.RunCreationOptions { AdditionalInstructions = {|SLLM1001:\"Also: \" + q|} };")]
    [InlineData("\n#pragma warning disable OPENAI001\n_ = new OpenAI.Assistants.RunCreationOptions { InstructionsOverride = {|SLLM1001:q|} };")]
    // Azure AI Inference request messages.
    [InlineData("_ = new Azure.AI.Inference.ChatRequestSystemMessage({|SLLM1001:$\"You help with {q}\"|});")]
    [InlineData("_ = new Azure.AI.Inference.ChatRequestUserMessage({|SLLM1002:\"Summarize: \" + q|});")]
    // OllamaSharp's Chat and GenerateRequest.
    [InlineData("OllamaSharp.IOllamaApiClient o = null!; var chat = new OllamaSharp.Chat(o, {|SLLM1001:\"You help with \" + q|}); await foreach (var _ in chat.SendAsync({|SLLM1002:$\"Summarize: {q}\"|})) { }")]
    [InlineData("_ = new OllamaSharp.Models.GenerateRequest { System = {|SLLM1001:q|}, Prompt = {|SLLM1002:\"Summarize: \" + q|} };")]
    // A role held in a local or chosen by a conditional: judged by the most privileged role it can have.
    [InlineData("var role = ChatRole.System; _ = new ChatMessage(role, {|SLLM1001:\"Rules \" + q|});")]
    [InlineData("bool admin = q.Length > 3; var role = admin ? ChatRole.System : ChatRole.User; _ = new ChatMessage(role, {|SLLM1001:\"Rules \" + q|});")]
    [InlineData("var role = AuthorRole.System; var h = new ChatHistory(); h.AddMessage(role, {|SLLM1001:q|});")]
    // Semantic Kernel content items given with a role (ChatCompletion.ChatMessageContentItemCollection).
    [InlineData("var items = new ChatMessageContentItemCollection(); items.Add(new Microsoft.SemanticKernel.TextContent(\"Rules: \" + q)); _ = new ChatMessageContent(AuthorRole.System, {|SLLM1001:items|});")]
    [InlineData("_ = new ChatMessageContent(AuthorRole.System, {|SLLM1001:[new Microsoft.SemanticKernel.TextContent(q)]|});")]
    [InlineData("var items = new ChatMessageContentItemCollection { new Microsoft.SemanticKernel.TextContent(q) }; var h = new ChatHistory(); h.Add(new ChatMessageContent(AuthorRole.System, {|SLLM1001:items|}));")]
    [InlineData("var items = new ChatMessageContentItemCollection { new Microsoft.SemanticKernel.TextContent(q) }; var h = new ChatHistory(); h.AddMessage(AuthorRole.System, {|SLLM1001:items|});")]
    public Task Reaches_the_sink(string body) => Verify.AnalyzerAsync(Code(body));

    private const string RoleFields = """
        public class R
        {
            static readonly ChatRole SystemRole = ChatRole.System;
            static readonly ChatRole DeveloperRole = new("developer");
            static readonly ChatRole UserRole = ChatRole.User;
            static readonly AuthorRole SkSystem = AuthorRole.System;
            readonly ChatRole _instructions = Microsoft.Extensions.AI.ChatRole.System;
            readonly ChatRole _changed = ChatRole.System;
            public R(bool user) { if (user) _changed = ChatRole.User; }
            public async Task M([FromQuery] string q)
            {
                BODY
                await Task.CompletedTask;
            }
        }
        """;

    [Theory]
    // A role held in a read-only field: the role its declaration gives it, when no constructor gives it another.
    [InlineData("_ = new ChatMessage(SystemRole, {|SLLM1001:\"Rules \" + q|});")]
    [InlineData("_ = new ChatMessage(DeveloperRole, {|SLLM1001:q|});")]
    [InlineData("_ = new ChatMessage(_instructions, {|SLLM1001:q|});")]
    [InlineData("var h = new ChatHistory(); h.AddMessage(SkSystem, {|SLLM1001:q|});")]
    [InlineData("_ = new ChatMessage(UserRole, {|SLLM1002:\"Summarize: \" + q|}); _ = new ChatMessage(UserRole, q);")]
    [InlineData("_ = new ChatMessage(_changed, q);")] // set in a constructor: not judged, as any role it cannot know
    public Task A_role_held_in_a_read_only_field_is_the_role_it_is_declared_with(string body) =>
        Verify.AnalyzerAsync(Verify.Usings + RoleFields.Replace("BODY", body));

    [Theory]
    // Whole content of its own user message: the structural mitigation.
    [InlineData("_ = new ChatMessage(ChatRole.User, [new Microsoft.Extensions.AI.TextContent(q)]);")]
    [InlineData("_ = new OpenAI.Chat.UserChatMessage(OpenAI.Chat.ChatMessageContentPart.CreateTextPart(q));")]
    [InlineData("var h = new ChatHistory(); h.Add(new ChatMessageContent(AuthorRole.User, q));")]
    // A history made from whole messages: each keeps the role it was created with (judged there), none becomes a system message.
    [InlineData("var h = new ChatHistory(new[] { new ChatMessageContent(AuthorRole.User, q) });")]
    [InlineData("IEnumerable<ChatMessageContent> earlier = [new ChatMessageContent(AuthorRole.Assistant, q)]; var h = new ChatHistory(earlier);")]
    [InlineData("var h = new ChatHistory(); h.Add(new ChatMessageContent(AuthorRole.Assistant, \"Earlier: \" + q));")]
    [InlineData("Microsoft.Agents.AI.AIAgent a = null!; await a.RunAsync(q);")]
    [InlineData("IChatClient c = null!; _ = c.AsAIAgent(instructions: \"You are a support agent.\"); await c.GetResponseAsync(q);")]
    // An object built from several untrusted values holds them side by side, not as text inside the app's text: a tool
    // result or a provider item sent back as its own user content (a computer-use loop's call id and screenshot).
    [InlineData("_ = new ChatMessage(ChatRole.User, [new Microsoft.Extensions.AI.FunctionResultContent(q, q)]);")]
    [InlineData("_ = new ChatMessage(ChatRole.User, [new AIContent { RawRepresentation = new KeyValuePair<string, string>(q, q.Trim()) }]);")]
    [InlineData("_ = new ChatMessage(ChatRole.User, [new AIContent { RawRepresentation = q, AdditionalProperties = new() { [\"source\"] = q } }]);")]
    // Constant content.
    [InlineData("_ = new ChatMessage(ChatRole.System, [new Microsoft.Extensions.AI.TextContent(\"Rules\")]); _ = q;")]
    [InlineData("var role = ChatRole.User; _ = new ChatMessage(role, q);")]
    [InlineData("_ = new Azure.AI.Inference.ChatRequestUserMessage(q);")]
    [InlineData("OllamaSharp.IOllamaApiClient o = null!; var chat = new OllamaSharp.Chat(o, \"You are a support agent.\"); await foreach (var _ in chat.SendAsync(q)) { }")]
    public Task Not_a_finding(string body) => Verify.AnalyzerAsync(Code(body));

    [Theory]
    // A lambda or method group given to a call projects the values the call gives it: model output selected whole is
    // still whole (a computer-use or agent loop sending back what the model returned).
    [InlineData("_ = new ChatMessage(ChatRole.User, reply.Messages.Select(m => m.Text).First());")]
    [InlineData("_ = new ChatMessage(ChatRole.User, [reply.Messages.SelectMany(m => m.Contents).First()]);")]
    [InlineData("_ = new ChatMessage(ChatRole.User, reply.Messages.ToList().ConvertAll(m => m.Text)[0]);")]
    [InlineData("Func<ChatMessage, string> text = m => m.Text; _ = new ChatMessage(ChatRole.User, reply.Messages.Select(text).Last());")]
    public Task Projections_of_model_output_sent_whole_are_not_findings(string body) => Verify.AnalyzerAsync(Code(body, "ChatResponse reply"));

    [Theory]
    // The projection itself, or what takes its results, puts the model's text inside the app's text.
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:reply.Messages.Select(m => \"Earlier: \" + m.Text).First()|});")]
    [InlineData("_ = new ChatMessage(ChatRole.User, {|SLLM1002:\"Summarize: \" + string.Join(\"\\n\", reply.Messages.Select(m => m.Text))|});")]
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:reply.Messages.Select(m => m.Text).First()|});")]
    public Task Projections_that_mix_model_output_into_text_are_findings(string body) => Verify.AnalyzerAsync(Code(body, "ChatResponse reply"));

    [Fact]
    public async Task Extension_classes_sharing_a_name_across_packages_keep_their_sinks()
    {
        // Both Microsoft.Extensions.AI.Abstractions and Microsoft.Agents.AI declare Microsoft.Extensions.AI.ChatClientExtensions:
        // GetTypeByMetadataName is null for an ambiguous name, so the table must look at every declaration.
        var compilation = CSharpCompilation.Create("Probe", references: TestReferences.All);
        Assert.Null(compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientExtensions"));
        Assert.True(compilation.GetTypesByMetadataName("Microsoft.Extensions.AI.ChatClientExtensions").Length >= 2);

        var diagnostics = await Verify.RunAsync(Code("IChatClient c = null!; await c.GetResponseAsync(\"Summarize: \" + q);"));
        Assert.Equal("SLLM1002", Assert.Single(diagnostics).Id);
    }

    /// <summary>
    /// Anthropic's SDK (98 MB, not referenced here): declarations with the metadata names of Anthropic 13.14.0 stand in
    /// for it. Its system prompt is a union type that converts from a string or a list of text blocks.
    /// </summary>
    [Fact]
    public Task Anthropic_system_prompt_is_an_instructions_sink() =>
        Verify.AnalyzerFilesAsync(
            """
            using System.Collections.Generic;
            namespace Anthropic.Models.Messages
            {
                public sealed class TextBlockParam { public required string Text { get; init; } }
                public sealed class MessageCreateParamsSystem
                {
                    public static implicit operator MessageCreateParamsSystem(string value) => new();
                    public static implicit operator MessageCreateParamsSystem(List<TextBlockParam> value) => new();
                }
                public sealed record class MessageCreateParams { public MessageCreateParamsSystem? System { get; init; } public required long MaxTokens { get; init; } }
            }
            """,
            Verify.Usings + """
            using Anthropic.Models.Messages;
            public class C
            {
                public void M([FromQuery] string q)
                {
                    _ = new MessageCreateParams { MaxTokens = 512, System = {|SLLM1001:$"You help with {q}"|} };
                    _ = new MessageCreateParams { MaxTokens = 512, System = "You are a support agent." };
                }
            }
            """);
}
