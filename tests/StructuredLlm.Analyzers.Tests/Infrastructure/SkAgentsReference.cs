using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StructuredLlm.Analyzers.Tests.Infrastructure;

/// <summary>
/// Semantic Kernel's agent API (<c>Microsoft.SemanticKernel.Agents.Abstractions</c>/<c>.Core</c> 1.82), which the
/// package feed this project restores from does not carry: the public members the tests use, with the same
/// namespaces, names, signatures and base types, compiled once into an assembly of that name and referenced like the
/// real package (so the analyzer sees metadata, not source, as it would in an app).
/// </summary>
internal static class SkAgentsReference
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.SemanticKernel.ChatCompletion;

        namespace Microsoft.SemanticKernel.Agents
        {
            public abstract class AgentThread
            {
                public virtual string? Id => null;
            }

            public sealed class ChatHistoryAgentThread : AgentThread
            {
                public ChatHistoryAgentThread() { }
                public ChatHistoryAgentThread(ChatHistory chatHistory, string? id = null) { }
                public ChatHistory ChatHistory => throw null!;
            }

            public class AgentResponseItem<TMessage>
            {
                public AgentResponseItem(TMessage message, AgentThread thread) { }
                public TMessage Message => throw null!;
                public AgentThread Thread => throw null!;
            }

            public class AgentInvokeOptions
            {
                public AgentInvokeOptions() { }
                public AgentInvokeOptions(AgentInvokeOptions options) { }
                public KernelArguments? KernelArguments { get; init; }
                public Kernel? Kernel { get; init; }
                public string AdditionalInstructions { get; init; } = string.Empty;
                public Func<ChatMessageContent, Task>? OnIntermediateMessage { get; init; }
            }

            public abstract class Agent
            {
                public string? Description { get; init; }
                public string Id { get; init; } = "";
                public string? Name { get; init; }
                public KernelArguments? Arguments { get; init; }
                public string? Instructions { get; init; }
                public Kernel Kernel { get; init; } = new();
                public IPromptTemplate? Template { get; set; }
                public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
                public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(string message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
                public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ChatMessageContent message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
                public abstract IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default);
                public virtual IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(string message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
                public abstract IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default);
            }

            public abstract class ChatHistoryAgent : Agent
            {
            }

            public sealed class ChatCompletionAgent : ChatHistoryAgent
            {
                public ChatCompletionAgent() { }
                public ChatCompletionAgent(PromptTemplateConfig templateConfig, IPromptTemplateFactory? templateFactory = null) { }
                public AuthorRole InstructionsRole { get; init; } = AuthorRole.System;
                public override IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
                public override IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
            }

            public static class AgentKernelFunctionFactory
            {
                public static KernelFunction CreateFromAgent(Agent agent, string? functionName = null, string? description = null) => throw null!;
            }
        }
        """;

    private static readonly Lazy<MetadataReference> LazyReference = new(Build);

    /// <summary>The stand-in for the agents assembly.</summary>
    public static MetadataReference Reference => LazyReference.Value;

    private static MetadataReference Build()
    {
        var compilation = CSharpCompilation.Create(
            "Microsoft.SemanticKernel.Agents.Abstractions",
            new[] { CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Preview)) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The SK agents stand-in does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(ImmutableArray.Create(image.ToArray()));
    }
}
