using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StructuredLlm.Analyzers.Llm;

/// <summary>
/// The one table of known LLM APIs, resolved once per compilation: untrusted sources, prompt sinks with their role,
/// sanitizers, handler registrations whose delegate parameters are untrusted, and conversation containers (for the
/// context-budget analyzers). Extended by <c>.editorconfig</c> (documentation IDs) and by <c>[Untrusted]</c> /
/// <c>[PromptSink]</c>. <see cref="Create"/> returns <see langword="null"/> when the compilation references no sink.
/// </summary>
internal sealed class LlmApiTable
{
    public const string OptionPrefix = "structuredllm.prompt_injection.";
    public const string ExtraSourcesKey = OptionPrefix + "extra_sources";
    public const string ExtraSinksKey = OptionPrefix + "extra_sinks";
    public const string SanitizersKey = OptionPrefix + "sanitizers";
    public const string DepthKey = OptionPrefix + "interprocedural_depth";
    public const int DefaultDepth = 3;
    public const int MaxDepth = 3;

    private readonly Dictionary<IMethodSymbol, Dictionary<int, SinkInfo>> _methodSinks = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IPropertySymbol, SinkInfo> _propertySinks = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, SourceKind> _sourceMembers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, SourceKind> _sourceTypes = new(SymbolEqualityComparer.Default);

    /// <summary>Types whose <c>ToString()</c> is a source (a chat response, update or message): their value written as text is.</summary>
    private readonly Dictionary<ITypeSymbol, SourceKind> _stringSourceTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, SourceKind> _sourceAttributes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> _sanitizers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, SourceKind> _handlerRegistrations = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _conversationTypes = new(SymbolEqualityComparer.Default);
    private readonly List<(string Key, string Entry)> _unresolved = new();

    /// <summary>Message content types (MEAI <c>AIContent</c>, OpenAI content parts, SK <c>KernelContent</c>): their text reaches the model like a string.</summary>
    private readonly HashSet<ITypeSymbol> _contentTypes = new(SymbolEqualityComparer.Default);

    /// <summary>Whole messages that derive from a content type (SK <c>ChatMessageContent</c>): their role is judged where they are created.</summary>
    private readonly HashSet<ITypeSymbol> _wholeMessageTypes = new(SymbolEqualityComparer.Default);

    private LlmApiTable(Compilation compilation)
    {
        Compilation = compilation;
    }

    public Compilation Compilation { get; }

    public int InterproceduralDepth { get; private set; } = DefaultDepth;

    public INamedTypeSymbol? UntrustedAttribute { get; private set; }

    public INamedTypeSymbol? PromptSinkAttribute { get; private set; }

    public INamedTypeSymbol? KernelFunctionAttribute { get; private set; }

    /// <summary>MCP's <c>[McpServerTool]</c>: like <c>[KernelFunction]</c>, its method's arguments are chosen by the model.</summary>
    public INamedTypeSymbol? McpServerToolAttribute { get; private set; }

    /// <summary>MCP's <c>[McpServerPrompt]</c>: its method's arguments are supplied by the MCP client.</summary>
    public INamedTypeSymbol? McpServerPromptAttribute { get; private set; }

    /// <summary>Whether <paramref name="attributeClass"/> marks a method as a tool the model calls (<c>[KernelFunction]</c>, <c>[McpServerTool]</c>).</summary>
    public bool IsToolAttribute(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null
        && (SymbolEqualityComparer.Default.Equals(attributeClass, KernelFunctionAttribute) || SymbolEqualityComparer.Default.Equals(attributeClass, McpServerToolAttribute));

    public INamedTypeSymbol? ExtensionsAiChatRole { get; private set; }

    public INamedTypeSymbol? SemanticKernelAuthorRole { get; private set; }

    public INamedTypeSymbol? ControllerBase { get; private set; }

    public INamedTypeSymbol? PageModel { get; private set; }

    public INamedTypeSymbol? NonActionAttribute { get; private set; }

    /// <summary>SignalR's <c>Hub</c>: the arguments of its public methods are sent by connected clients.</summary>
    public INamedTypeSymbol? SignalRHub { get; private set; }

    /// <summary>Blazor's <c>[Parameter]</c> and <c>[Route]</c>: a component parameter named in its route template is set from the address.</summary>
    public INamedTypeSymbol? ComponentParameterAttribute { get; private set; }

    public INamedTypeSymbol? ComponentRouteAttribute { get; private set; }

    /// <summary>
    /// A Blazor component's <c>[Parameter]</c> property that a <c>[Route]</c> of its type names as a route parameter
    /// (<c>[Route("/chat/{Topic}")]</c>, also <c>{Topic:int}</c>, <c>{Topic?}</c>, <c>{*Topic}</c>; names compare without case):
    /// the router sets it from the page address the user (or a link) chose.
    /// </summary>
    public bool IsRouteParameter(ISymbol member)
    {
        if (member is not IPropertySymbol { ContainingType: { } type } property || ComponentParameterAttribute is null || ComponentRouteAttribute is null)
        {
            return false;
        }

        var isParameter = false;
        foreach (var attribute in property.GetAttributes())
        {
            isParameter |= SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ComponentParameterAttribute);
        }

        if (!isParameter)
        {
            return false;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ComponentRouteAttribute)
                && attribute.ConstructorArguments is [{ Value: string template }]
                && NamesRouteParameter(template, property.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesRouteParameter(string template, string name)
    {
        for (var start = template.IndexOf('{'); start >= 0; start = template.IndexOf('{', start + 1))
        {
            var at = start + 1;
            while (at < template.Length && template[at] == '*')
            {
                at++;
            }

            if (string.Compare(template, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && at + name.Length < template.Length && template[at + name.Length] is '}' or ':' or '?' or '=')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Grpc.Core.BindServiceMethodAttribute</c>: marks the generated base class of a gRPC service.</summary>
    public INamedTypeSymbol? GrpcBindServiceMethodAttribute { get; private set; }

    /// <summary><c>Grpc.Core.ServerCallContext</c> and <c>IServerStreamWriter&lt;T&gt;</c>: a service method's own plumbing, not request data.</summary>
    public INamedTypeSymbol? GrpcServerCallContext { get; private set; }

    public INamedTypeSymbol? GrpcServerStreamWriter { get; private set; }

    public INamedTypeSymbol? BindPropertyAttribute { get; private set; }

    public INamedTypeSymbol? StringBuilder { get; private set; }

    /// <summary>Entries of the editorconfig options that resolved to no symbol (reported as SLLM1005).</summary>
    public IReadOnlyList<(string Key, string Entry)> Unresolved => _unresolved;

    /// <summary>Semantic Kernel types whose <c>AllowDangerouslySetContent</c> property disables encoding.</summary>
    public ImmutableHashSet<IPropertySymbol> DangerousContentProperties { get; private set; } = ImmutableHashSet<IPropertySymbol>.Empty;

    /// <summary>Types that hold a conversation (chat history, message lists), for the context-budget analyzers.</summary>
    public IReadOnlyCollection<ITypeSymbol> ConversationTypes => _conversationTypes;

    public bool HasSanitizers => _sanitizers.Count > 0;

    /// <summary>Resolves the table for <paramref name="compilation"/>, or returns <see langword="null"/> when no sink exists.</summary>
    public static LlmApiTable? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var table = new LlmApiTable(compilation);
        table.ResolveSinks();
        var config = ReadOptions(compilation, options, cancellationToken);
        table.ResolveConfiguredSinks(config.Sinks);
        table.UntrustedAttribute = compilation.GetTypeByMetadataName("StructuredLlm.UntrustedAttribute");
        if (table._methodSinks.Count == 0 && table._propertySinks.Count == 0 && table.PromptSinkAttribute is null)
        {
            return null;
        }

        table.InterproceduralDepth = config.Depth;
        table.ResolveSources();
        table.ResolveSanitizers();
        table.ResolveConfiguredSources(config.Sources);
        table.ResolveConfiguredSanitizers(config.Sanitizers);
        foreach (var bad in config.BadDepth)
        {
            table._unresolved.Add((DepthKey, bad));
        }

        return table;
    }

    // ---- queries -------------------------------------------------------------------------------------------

    public bool TryGetMethodSink(IMethodSymbol method, int ordinal, out SinkInfo sink)
    {
        if (_methodSinks.TryGetValue(method.OriginalDefinition, out var byOrdinal) && byOrdinal.TryGetValue(ordinal, out sink!))
        {
            return true;
        }

        sink = null!;
        return false;
    }

    public bool HasMethodSinks(IMethodSymbol method) => _methodSinks.ContainsKey(method.OriginalDefinition);

    /// <summary>Every method, constructor and conversion operator with a sink parameter (for the syntactic sink index).</summary>
    public IEnumerable<IMethodSymbol> MethodSinkSymbols => _methodSinks.Keys;

    /// <summary>Every property whose setter is a sink.</summary>
    public IEnumerable<IPropertySymbol> PropertySinkSymbols => _propertySinks.Keys;

    public bool TryGetPropertySink(IPropertySymbol property, out SinkInfo sink) =>
        _propertySinks.TryGetValue(property.OriginalDefinition, out sink!);

    /// <summary>A member (property, field, method) whose read or call yields untrusted text, walking overridden members.</summary>
    public SourceKind? GetMemberSource(ISymbol member)
    {
        for (ISymbol? current = member; current is not null; current = Overridden(current))
        {
            if (_sourceMembers.TryGetValue(current.OriginalDefinition, out var kind))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Values of this type, and members read from them, are untrusted (for example vector search results).</summary>
    public SourceKind? GetTypeSource(ITypeSymbol? type)
    {
        if (type is null || _sourceTypes.Count == 0)
        {
            return null;
        }

        // Asked for every member read and call of every block the pre-scan looks at: a constructed type's interfaces
        // are substituted anew on each AllInterfaces, so the answer is kept per type definition (its bases and
        // interfaces have the same definitions as any construction of it).
        type = type.OriginalDefinition;
        if (_typeSources.TryGetValue(type, out var known))
        {
            return known;
        }

        var found = FindTypeSource(type);
        _typeSources.TryAdd(type, found);
        return found;
    }

    private readonly ConcurrentDictionary<ITypeSymbol, SourceKind?> _typeSources = new(SymbolEqualityComparer.Default);

    private SourceKind? FindTypeSource(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol parameter)
        {
            // `T where T : Doc`: a value of T is a Doc
            foreach (var constraint in parameter.ConstraintTypes)
            {
                if (FindTypeSource(constraint) is { } constrained)
                {
                    return constrained;
                }
            }

            return null;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (_sourceTypes.TryGetValue(current.OriginalDefinition, out var kind))
            {
                return kind;
            }
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (_sourceTypes.TryGetValue(iface.OriginalDefinition, out var kind))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>An attribute class that marks a parameter or property as bound from the request (<c>[FromBody]</c>...).</summary>
    public SourceKind? GetSourceAttribute(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && _sourceAttributes.TryGetValue(attributeClass, out var kind) ? kind : null;

    public bool IsSanitizer(IMethodSymbol method) => _sanitizers.Contains(method.OriginalDefinition);

    /// <summary>A method that registers a delegate whose parameters the caller (HTTP client, model) chooses.</summary>
    public SourceKind? GetHandlerRegistration(IMethodSymbol method) =>
        _handlerRegistrations.TryGetValue(method.OriginalDefinition, out var kind) ? kind : null;

    public int HandlerRegistrationCount => _handlerRegistrations.Count;

    public bool IsConversationType(ITypeSymbol? type) => type is not null && _conversationTypes.Contains(type.OriginalDefinition);

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol m => m.OverriddenMethod,
        IPropertySymbol p => p.OverriddenProperty,
        _ => null,
    };

    // ---- built-in entries ----------------------------------------------------------------------------------

    private void ResolveSinks()
    {
        PromptSinkAttribute = Compilation.GetTypeByMetadataName("StructuredLlm.PromptSinkAttribute");
        foreach (var name in new[] { "Microsoft.Extensions.AI.AIContent", "OpenAI.Chat.ChatMessageContentPart", "OpenAI.Chat.ChatMessageContent", "OpenAI.Responses.ResponseContentPart", "Microsoft.SemanticKernel.KernelContent", "Microsoft.SemanticKernel.ChatCompletion.ChatMessageContentItemCollection" })
        {
            if (Type(name) is { } contentType)
            {
                _contentTypes.Add(contentType);
            }
        }

        // Semantic Kernel's whole messages derive from KernelContent too, but each carries its own role, judged where it
        // is created: a collection of them (`new ChatHistory(messages)`) is a conversation, not one message's content.
        if (Type("Microsoft.SemanticKernel.ChatMessageContent") is { } wholeMessage)
        {
            _wholeMessageTypes.Add(wholeMessage);
        }

        // Microsoft.Extensions.AI
        ExtensionsAiChatRole = Type("Microsoft.Extensions.AI.ChatRole");
        var meaiMessage = Type("Microsoft.Extensions.AI.ChatMessage");
        if (meaiMessage is not null && ExtensionsAiChatRole is not null)
        {
            foreach (var ctor in meaiMessage.InstanceConstructors)
            {
                var role = IndexOf(ctor, p => SymbolEqualityComparer.Default.Equals(p.Type, ExtensionsAiChatRole));
                if (role >= 0)
                {
                    AddStringParameters(ctor, null, new SinkInfo(SinkRole.FromRoleArgument, "the chat message", "ExtensionsAi", RoleFamily.ExtensionsAi, role));
                }
            }
        }

        AddPropertySink("Microsoft.Extensions.AI.ChatOptions", "Instructions", new SinkInfo(SinkRole.Instructions, "the chat instructions", "ExtensionsAi"));
        var userMessage = new SinkInfo(SinkRole.User, "the user message", "ExtensionsAi");
        AddMethodSinks("Microsoft.Extensions.AI.ChatClientExtensions", new[] { "GetResponseAsync", "GetStreamingResponseAsync" }, new[] { "chatMessage" }, userMessage);
        AddMethodSinks("Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions", new[] { "GetResponseAsync" }, new[] { "chatMessage" }, userMessage);
        AddConversationType("Microsoft.Extensions.AI.ChatMessage", asListElement: true);

        // Semantic Kernel
        SemanticKernelAuthorRole = Type("Microsoft.SemanticKernel.ChatCompletion.AuthorRole");
        var history = Type("Microsoft.SemanticKernel.ChatCompletion.ChatHistory");
        if (history is not null)
        {
            _conversationTypes.Add(history);
            foreach (var ctor in history.InstanceConstructors)
            {
                var role = IndexOf(ctor, p => SemanticKernelAuthorRole is not null && SymbolEqualityComparer.Default.Equals(p.Type, SemanticKernelAuthorRole));
                AddStringParameters(ctor, null, role >= 0
                    ? new SinkInfo(SinkRole.FromRoleArgument, "the chat message", "SemanticKernel", RoleFamily.SemanticKernel, role)
                    : new SinkInfo(SinkRole.Instructions, "the system message", "SemanticKernel"));
            }

            AddMethodSinks(history, new[] { "AddSystemMessage" }, null, new SinkInfo(SinkRole.Instructions, "the system message", "SemanticKernel"));
            AddMethodSinks(history, new[] { "AddDeveloperMessage" }, null, new SinkInfo(SinkRole.Instructions, "the developer message", "SemanticKernel"));
            AddMethodSinks(history, new[] { "AddUserMessage" }, null, new SinkInfo(SinkRole.User, "the user message", "SemanticKernel"));
            foreach (var method in Methods(history, "AddMessage"))
            {
                var role = IndexOf(method, p => SemanticKernelAuthorRole is not null && SymbolEqualityComparer.Default.Equals(p.Type, SemanticKernelAuthorRole));
                if (role >= 0)
                {
                    AddStringParameters(method, new[] { "content", "contentItems" }, new SinkInfo(SinkRole.FromRoleArgument, "the chat message", "SemanticKernel", RoleFamily.SemanticKernel, role));
                }
            }
        }

        var skMessage = Type("Microsoft.SemanticKernel.ChatMessageContent");
        if (skMessage is not null && SemanticKernelAuthorRole is not null)
        {
            foreach (var ctor in skMessage.InstanceConstructors)
            {
                var role = IndexOf(ctor, p => SymbolEqualityComparer.Default.Equals(p.Type, SemanticKernelAuthorRole));
                if (role >= 0)
                {
                    AddStringParameters(ctor, new[] { "content", "items" }, new SinkInfo(SinkRole.FromRoleArgument, "the chat message", "SemanticKernel", RoleFamily.SemanticKernel, role));
                }
            }
        }

        // IChatCompletionService.GetChatMessageContentAsync("prompt"): the string becomes a user message.
        AddMethodSinks("Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", new[] { "GetChatMessageContentAsync", "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync" }, new[] { "prompt" }, new SinkInfo(SinkRole.User, "the user message", "SemanticKernel"));
        AddPropertySink("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", "ChatSystemPrompt", new SinkInfo(SinkRole.Instructions, "the system prompt", "SemanticKernel"));
        AddPropertySink("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", "ChatDeveloperPrompt", new SinkInfo(SinkRole.Instructions, "the developer prompt", "SemanticKernel"));
        AddPropertySink("Microsoft.SemanticKernel.Agents.Agent", "Instructions", new SinkInfo(SinkRole.Instructions, "the agent instructions", "SemanticKernel"));
        AddPropertySink("Microsoft.SemanticKernel.Agents.KernelAgent", "Instructions", new SinkInfo(SinkRole.Instructions, "the agent instructions", "SemanticKernel"));
        // Instructions added to an agent's own for one invocation are part of its system prompt too.
        AddPropertySink("Microsoft.SemanticKernel.Agents.AgentInvokeOptions", "AdditionalInstructions", new SinkInfo(SinkRole.Instructions, "the agent's additional instructions", "SemanticKernel"));
        // `agent.InvokeAsync("text")` sends the text as a user message (as Agent Framework's `RunAsync(message)`); the
        // overloads taking a ChatMessageContent are judged where that message is created.
        foreach (var agent in Types("Microsoft.SemanticKernel.Agents.Agent"))
        {
            foreach (var name in new[] { "InvokeAsync", "InvokeStreamingAsync" })
            {
                foreach (var method in Methods(agent, name))
                {
                    if (IndexOf(method, p => p.Name == "message" && p.Type.SpecialType == SpecialType.System_String) is var message and >= 0)
                    {
                        AddParameterSink(method, message, new SinkInfo(SinkRole.User, "the user message", "SemanticKernel"));
                    }
                }
            }
        }

        // Microsoft Agent Framework (Microsoft.Agents.AI): agent instructions are its system prompt.
        var agentInstructions = new SinkInfo(SinkRole.Instructions, "the agent instructions", "ExtensionsAi");
        AddMethodSinks("Microsoft.Agents.AI.ChatClientAgent", new[] { ".ctor" }, new[] { "instructions" }, agentInstructions);
        AddMethodSinks("Microsoft.Extensions.AI.ChatClientExtensions", new[] { "AsAIAgent", "CreateAIAgent" }, new[] { "instructions" }, agentInstructions);
        AddMethodSinks("Microsoft.Agents.AI.AIAgent", new[] { "RunAsync", "RunStreamingAsync" }, new[] { "message" }, new SinkInfo(SinkRole.User, "the user message", "ExtensionsAi"));

        var template = new SinkInfo(SinkRole.Template, "the Semantic Kernel prompt template", "SemanticKernel");
        var templateNames = new[] { "promptTemplate", "template" };
        AddMethodSinks("Microsoft.SemanticKernel.KernelExtensions", new[] { "InvokePromptAsync", "InvokePromptStreamingAsync", "CreateFunctionFromPrompt" }, templateNames, template);
        AddMethodSinks("Microsoft.SemanticKernel.KernelFunctionFactory", new[] { "CreateFromPrompt" }, templateNames, template);
        AddMethodSinks("Microsoft.SemanticKernel.PromptTemplateConfig", new[] { ".ctor" }, templateNames, template);
        AddPropertySink("Microsoft.SemanticKernel.PromptTemplateConfig", "Template", template);
        // A prompt render filter's `RenderedPrompt` is the prompt after rendering; a chat prompt is parsed from it after the
        // filter, so `<message role="system">` tags in text a filter writes into it become messages, as in a template.
        AddPropertySink("Microsoft.SemanticKernel.PromptRenderContext", "RenderedPrompt", new SinkInfo(SinkRole.Template, "the rendered Semantic Kernel prompt", "SemanticKernel"));

        var dangerous = ImmutableHashSet.CreateBuilder<IPropertySymbol>(SymbolEqualityComparer.Default);
        foreach (var name in new[] { "Microsoft.SemanticKernel.PromptTemplateConfig", "Microsoft.SemanticKernel.InputVariable", "Microsoft.SemanticKernel.KernelPromptTemplateFactory", "Microsoft.SemanticKernel.PromptTemplates.Handlebars.HandlebarsPromptTemplateFactory", "Microsoft.SemanticKernel.PromptTemplates.Liquid.LiquidPromptTemplateFactory" })
        {
            foreach (var member in Type(name)?.GetMembers("AllowDangerouslySetContent") ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IPropertySymbol property)
                {
                    dangerous.Add(property);
                }
            }
        }

        DangerousContentProperties = dangerous.ToImmutable();

        // OpenAI .NET
        AddMethodSinks("OpenAI.Chat.SystemChatMessage", new[] { ".ctor" }, null, new SinkInfo(SinkRole.Instructions, "the system message", "OpenAI"));
        AddMethodSinks("OpenAI.Chat.DeveloperChatMessage", new[] { ".ctor" }, null, new SinkInfo(SinkRole.Instructions, "the developer message", "OpenAI"));
        AddMethodSinks("OpenAI.Chat.UserChatMessage", new[] { ".ctor" }, null, new SinkInfo(SinkRole.User, "the user message", "OpenAI"));
        AddMethodSinks("OpenAI.Chat.ChatMessage", new[] { "CreateSystemMessage" }, null, new SinkInfo(SinkRole.Instructions, "the system message", "OpenAI"));
        AddMethodSinks("OpenAI.Chat.ChatMessage", new[] { "CreateDeveloperMessage" }, null, new SinkInfo(SinkRole.Instructions, "the developer message", "OpenAI"));
        AddMethodSinks("OpenAI.Chat.ChatMessage", new[] { "CreateUserMessage", "op_Implicit" }, null, new SinkInfo(SinkRole.User, "the user message", "OpenAI"));
        AddConversationType("OpenAI.Chat.ChatMessage", asListElement: true);
        var responses = Type("OpenAI.Responses.ResponsesClient") ?? Type("OpenAI.Responses.OpenAIResponseClient");
        if (responses is not null)
        {
            foreach (var member in responses.GetMembers())
            {
                if (member is IMethodSymbol method && method.Name.StartsWith("CreateResponse", StringComparison.Ordinal))
                {
                    AddStringParameters(method, new[] { "userInputText" }, new SinkInfo(SinkRole.User, "the user input", "OpenAI"));
                    AddStringParameters(method, new[] { "instructions" }, new SinkInfo(SinkRole.Instructions, "the response instructions", "OpenAI"));
                }
            }
        }

        AddPropertySink("OpenAI.Responses.CreateResponseOptions", "Instructions", new SinkInfo(SinkRole.Instructions, "the response instructions", "OpenAI"));
        AddPropertySink("OpenAI.Responses.ResponseCreationOptions", "Instructions", new SinkInfo(SinkRole.Instructions, "the response instructions", "OpenAI"));

        // Assistants: the assistant's instructions, and a run's added or replacing instructions.
        AddPropertySink("OpenAI.Assistants.AssistantCreationOptions", "Instructions", new SinkInfo(SinkRole.Instructions, "the assistant instructions", "OpenAI"));
        AddPropertySink("OpenAI.Assistants.AssistantModificationOptions", "Instructions", new SinkInfo(SinkRole.Instructions, "the assistant instructions", "OpenAI"));
        AddPropertySink("OpenAI.Assistants.RunCreationOptions", "AdditionalInstructions", new SinkInfo(SinkRole.Instructions, "the run instructions", "OpenAI"));
        AddPropertySink("OpenAI.Assistants.RunCreationOptions", "InstructionsOverride", new SinkInfo(SinkRole.Instructions, "the run instructions", "OpenAI"));

        AddMethodSinks("OpenAI.Responses.ResponseItem", new[] { "CreateSystemMessageItem" }, null, new SinkInfo(SinkRole.Instructions, "the system message", "OpenAI"));
        AddMethodSinks("OpenAI.Responses.ResponseItem", new[] { "CreateDeveloperMessageItem" }, null, new SinkInfo(SinkRole.Instructions, "the developer message", "OpenAI"));
        AddMethodSinks("OpenAI.Responses.ResponseItem", new[] { "CreateUserMessageItem" }, null, new SinkInfo(SinkRole.User, "the user message", "OpenAI"));

        // Anthropic's .NET SDK: the system prompt of a message request (a string or text blocks, through its union type),
        // also in batches and in the beta API's messages and managed agents.
        foreach (var typeName in new[]
        {
            "Anthropic.Models.Messages.MessageCreateParams", "Anthropic.Models.Messages.Batches.Params",
            "Anthropic.Models.Beta.Messages.MessageCreateParams", "Anthropic.Models.Beta.Messages.Batches.Params",
            "Anthropic.Models.Beta.Agents.AgentCreateParams", "Anthropic.Models.Beta.Agents.AgentUpdateParams",
        })
        {
            AddPropertySink(typeName, "System", new SinkInfo(SinkRole.Instructions, "the system prompt", "Anthropic"));
        }

        // OllamaSharp's own chat and generate API (its IChatClient is covered above): the system prompt and template,
        // and the message a Chat sends as the user.
        AddMethodSinks("OllamaSharp.Chat", new[] { ".ctor" }, new[] { "systemPrompt" }, new SinkInfo(SinkRole.Instructions, "the system prompt", "Ollama"));
        AddMethodSinks("OllamaSharp.Chat", new[] { "SendAsync" }, new[] { "message" }, new SinkInfo(SinkRole.User, "the user message", "Ollama"));
        AddPropertySink("OllamaSharp.Models.GenerateRequest", "System", new SinkInfo(SinkRole.Instructions, "the system prompt", "Ollama"));
        AddPropertySink("OllamaSharp.Models.GenerateRequest", "Template", new SinkInfo(SinkRole.Instructions, "the prompt template", "Ollama"));
        AddPropertySink("OllamaSharp.Models.GenerateRequest", "Prompt", new SinkInfo(SinkRole.User, "the prompt", "Ollama"));

        // Azure AI Inference (models deployed on Azure AI Foundry): its own request message types.
        AddMethodSinks("Azure.AI.Inference.ChatRequestSystemMessage", new[] { ".ctor" }, null, new SinkInfo(SinkRole.Instructions, "the system message", "AzureAIInference"));
        AddMethodSinks("Azure.AI.Inference.ChatRequestDeveloperMessage", new[] { ".ctor" }, null, new SinkInfo(SinkRole.Instructions, "the developer message", "AzureAIInference"));
        AddMethodSinks("Azure.AI.Inference.ChatRequestUserMessage", new[] { ".ctor" }, null, new SinkInfo(SinkRole.User, "the user message", "AzureAIInference"));
    }

    private void ResolveSources()
    {
        StringBuilder = Type("System.Text.StringBuilder");

        // ASP.NET Core
        var request = Type("Microsoft.AspNetCore.Http.HttpRequest");
        foreach (var name in new[] { "Query", "Form", "Headers", "Cookies", "RouteValues", "QueryString", "Path", "ReadFormAsync" })
        {
            AddMemberSources(request, name, SourceKind.HttpRequest);
        }

        AddMemberSources(request, "Body", SourceKind.HttpRequestBody);
        AddMemberSources(request, "BodyReader", SourceKind.HttpRequestBody);
        AddMemberSources(Type("Microsoft.AspNetCore.Http.HttpRequestJsonExtensions"), "ReadFromJsonAsync", SourceKind.HttpRequestBody);
        // The framework's extensions that read a request's address or headers (`Request.GetDisplayUrl()`,
        // `Request.GetTypedHeaders().AcceptLanguage`); their HttpResponse overloads are the app's own.
        AddRequestExtensionSources("Microsoft.AspNetCore.Http.Extensions.UriHelper", "GetDisplayUrl", "GetEncodedUrl", "GetEncodedPathAndQuery");
        AddRequestExtensionSources("Microsoft.AspNetCore.Http.HeaderDictionaryTypeExtensions", "GetTypedHeaders");
        AddRequestExtensionSources("Microsoft.AspNetCore.Http.RequestHeadersTypeExtensions", "GetTypedHeaders");
        // The route values the request's address gave, read another way than `Request.RouteValues`: an MVC
        // controller's or page's `RouteData.Values`, `HttpContext.GetRouteValue("x")` / `GetRouteData()`.
        AddMemberSources(Type("Microsoft.AspNetCore.Routing.RouteData"), "Values", SourceKind.RouteValue);
        AddMemberSources(Type("Microsoft.AspNetCore.Routing.RoutingHttpContextExtensions"), "GetRouteValue", SourceKind.RouteValue);
        AddMemberSources(Type("Microsoft.AspNetCore.Routing.RoutingHttpContextExtensions"), "GetRouteData", SourceKind.RouteValue);
        AddTypeSource("Microsoft.AspNetCore.Http.IFormFile", SourceKind.UploadedFile);
        AddTypeSource("Microsoft.AspNetCore.Http.IFormCollection", SourceKind.FormField);
        AddTypeSource("Microsoft.AspNetCore.Http.IQueryCollection", SourceKind.QueryString);
        AddSourceAttribute("Microsoft.AspNetCore.Mvc.FromBodyAttribute", SourceKind.HttpRequestBody);
        AddSourceAttribute("Microsoft.AspNetCore.Mvc.FromQueryAttribute", SourceKind.QueryString);
        AddSourceAttribute("Microsoft.AspNetCore.Mvc.FromFormAttribute", SourceKind.FormField);
        AddSourceAttribute("Microsoft.AspNetCore.Mvc.FromRouteAttribute", SourceKind.RouteValue);
        AddSourceAttribute("Microsoft.AspNetCore.Mvc.FromHeaderAttribute", SourceKind.RequestHeader);
        AddSourceAttribute("Microsoft.AspNetCore.Http.AsParametersAttribute", SourceKind.HttpRequest);
        AddSourceAttribute("Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute", SourceKind.QueryString); // Blazor
        AddSourceAttribute("Microsoft.AspNetCore.Components.SupplyParameterFromFormAttribute", SourceKind.FormField);
        ControllerBase = Type("Microsoft.AspNetCore.Mvc.ControllerBase");
        PageModel = Type("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        NonActionAttribute = Type("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        SignalRHub = Type("Microsoft.AspNetCore.SignalR.Hub");
        ComponentParameterAttribute = Type("Microsoft.AspNetCore.Components.ParameterAttribute");
        ComponentRouteAttribute = Type("Microsoft.AspNetCore.Components.RouteAttribute");
        BindPropertyAttribute = Type("Microsoft.AspNetCore.Mvc.BindPropertyAttribute");
        if (BindPropertyAttribute is not null)
        {
            _sourceAttributes[BindPropertyAttribute] = SourceKind.BoundProperty;
        }

        // gRPC services: the request message (or request stream) of a method overriding the generated base.
        GrpcBindServiceMethodAttribute = Type("Grpc.Core.BindServiceMethodAttribute");
        GrpcServerCallContext = Type("Grpc.Core.ServerCallContext");
        GrpcServerStreamWriter = Type("Grpc.Core.IServerStreamWriter`1");
        // the call's metadata is the client's, as HTTP headers are (its method name, deadline and token are the server's)
        AddMemberSources(GrpcServerCallContext, "RequestHeaders", SourceKind.RequestHeader);

        // Blazor: the page's address (its path and query, which a link can set) and what an @oninput/@onchange handler is given
        AddMemberSources(Type("Microsoft.AspNetCore.Components.NavigationManager"), "Uri", SourceKind.PageAddress);
        AddMemberSources(Type("Microsoft.AspNetCore.Components.ChangeEventArgs"), "Value", SourceKind.BlazorInput);

        // Filters see the bound request values before the action or handler does.
        AddMemberSources(Type("Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext"), "ActionArguments", SourceKind.ActionParameter);
        AddMemberSources(Type("Microsoft.AspNetCore.Http.EndpointFilterInvocationContext"), "Arguments", SourceKind.MinimalApiParameter);
        AddMemberSources(Type("Microsoft.AspNetCore.Http.EndpointFilterInvocationContext"), "GetArgument", SourceKind.MinimalApiParameter);

        // Blazor: `@bind` compiles to a setter lambda given to CreateBinder (or CreateInferredBindSetter for
        // `@bind:after`/`@bind:set`); its parameter is what the user typed into the input.
        AddHandlerRegistrations("Microsoft.AspNetCore.Components.EventCallbackFactoryBinderExtensions", "CreateBinder", SourceKind.BlazorInput);
        AddHandlerRegistrations("Microsoft.AspNetCore.Components.CompilerServices.RuntimeHelpers", "CreateInferredBindSetter", SourceKind.BlazorInput);

        foreach (var name in new[] { "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback" })
        {
            AddHandlerRegistrations("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions", name, SourceKind.MinimalApiParameter);
        }

        // Console, command line, files, HTTP
        AddMemberSources(Type("System.Console"), "ReadLine", SourceKind.ConsoleInput);
        AddMemberSources(Type("System.Environment"), "GetCommandLineArgs", SourceKind.CommandLine);
        var file = Type("System.IO.File");
        foreach (var name in new[] { "ReadAllText", "ReadAllTextAsync", "ReadAllLines", "ReadAllLinesAsync", "ReadLines", "ReadLinesAsync", "ReadAllBytes", "ReadAllBytesAsync" })
        {
            AddMemberSources(file, name, SourceKind.FileContents);
        }

        foreach (var readerName in new[] { "System.IO.TextReader", "System.IO.StreamReader" })
        {
            var reader = Type(readerName);
            foreach (var name in new[] { "ReadLine", "ReadLineAsync", "ReadToEnd", "ReadToEndAsync", "ReadBlock", "ReadBlockAsync" })
            {
                AddMemberSources(reader, name, SourceKind.FileContents);
            }
        }

        var httpClient = Type("System.Net.Http.HttpClient");
        foreach (var name in new[] { "GetStringAsync", "GetStreamAsync", "GetByteArrayAsync" })
        {
            AddMemberSources(httpClient, name, SourceKind.HttpResponse);
        }

        var content = Type("System.Net.Http.HttpContent");
        foreach (var name in new[] { "ReadAsStringAsync", "ReadAsStreamAsync", "ReadAsByteArrayAsync" })
        {
            AddMemberSources(content, name, SourceKind.HttpResponse);
        }

        AddMemberSources(Type("System.Net.Http.Json.HttpClientJsonExtensions"), "GetFromJsonAsync", SourceKind.HttpResponse);
        AddMemberSources(Type("System.Net.Http.Json.HttpContentJsonExtensions"), "ReadFromJsonAsync", SourceKind.HttpResponse);

        // Web pages read by a browser or an HTML loader (an agent that browses, a page fetched for RAG): the page's
        // author writes that text. Playwright's pages, frames, locators and element handles, and its responses.
        foreach (var typeName in new[] { "Microsoft.Playwright.IPage", "Microsoft.Playwright.IFrame", "Microsoft.Playwright.ILocator", "Microsoft.Playwright.IElementHandle" })
        {
            var page = Type(typeName);
            foreach (var name in new[]
            {
                "ContentAsync", "InnerTextAsync", "InnerHTMLAsync", "TextContentAsync", "GetAttributeAsync", "InputValueAsync", "TitleAsync",
                "AriaSnapshotAsync", "AllInnerTextsAsync", "AllTextContentsAsync", "EvaluateAsync", "EvaluateAllAsync",
            })
            {
                AddMemberSources(page, name, SourceKind.WebPage);
            }
        }

        foreach (var typeName in new[] { "Microsoft.Playwright.IResponse", "Microsoft.Playwright.IAPIResponse" })
        {
            var pageResponse = Type(typeName);
            foreach (var name in new[] { "TextAsync", "JsonAsync", "BodyAsync" })
            {
                AddMemberSources(pageResponse, name, SourceKind.WebPage);
            }
        }

        // HtmlAgilityPack's HtmlWeb and AngleSharp's browsing context load a page from an address; AngleSharp's
        // OpenAsync(response => ...) builds a document from content the app supplies, and is not a source.
        AddMemberSources(Type("HtmlAgilityPack.HtmlWeb"), "Load", SourceKind.WebPage);
        AddMemberSources(Type("HtmlAgilityPack.HtmlWeb"), "LoadFromWebAsync", SourceKind.WebPage);
        foreach (var member in Type("AngleSharp.BrowsingContextExtensions")?.GetMembers("OpenAsync") ?? ImmutableArray<ISymbol>.Empty)
        {
            if (member is IMethodSymbol { Parameters.Length: >= 2 } open && open.Parameters[1].Type.TypeKind != TypeKind.Delegate)
            {
                _sourceMembers[member.OriginalDefinition] = SourceKind.WebPage;
            }
        }

        // Model output fed back in. A response, update or message written as text (`$"{response}"`, `sb.Append(update)`,
        // `.ToString()`) is its text: their ToString overrides are sources too.
        var response = Type("Microsoft.Extensions.AI.ChatResponse");
        AddMemberSources(response, "Text", SourceKind.ModelOutput);
        AddMemberSources(response, "Messages", SourceKind.ModelOutput);
        foreach (var typeName in new[] { "Microsoft.Extensions.AI.ChatResponse", "Microsoft.Extensions.AI.ChatResponseUpdate", "Microsoft.Extensions.AI.ChatMessage", "Microsoft.Agents.AI.AgentResponse", "Microsoft.Agents.AI.AgentResponseUpdate", "Microsoft.SemanticKernel.ChatMessageContent" })
        {
            AddMemberSources(Type(typeName), "ToString", SourceKind.ModelOutput);
        }

        AddMemberSources(Type("Microsoft.Extensions.AI.ChatResponse`1"), "Result", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Extensions.AI.ChatResponse`1"), "TryGetResult", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Extensions.AI.ChatResponseUpdate"), "Text", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Extensions.AI.ChatResponseUpdate"), "Contents", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Extensions.AI.ChatMessage"), "Text", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Agents.AI.AgentResponse"), "Text", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Agents.AI.AgentResponse"), "Messages", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Agents.AI.AgentResponse`1"), "Result", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Agents.AI.AgentResponse`1"), "TryGetResult", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Agents.AI.AgentResponseUpdate"), "Text", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.Extensions.AI.ChatMessage"), "Contents", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.SemanticKernel.ChatMessageContent"), "Content", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.SemanticKernel.ChatMessageContent"), "Items", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.SemanticKernel.StreamingChatMessageContent"), "Content", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.SemanticKernel.StreamingKernelContent"), "ToString", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.SemanticKernel.FunctionResult"), "GetValue", SourceKind.ModelOutput);
        AddMemberSources(Type("Microsoft.SemanticKernel.FunctionResult"), "ToString", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Chat.ChatCompletion"), "Content", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Chat.ChatMessageContentPart"), "Text", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Chat.StreamingChatCompletionUpdate"), "ContentUpdate", SourceKind.ModelOutput);
        // what else a completion carries from the model: a refusal and the arguments of the tools it called
        AddMemberSources(Type("OpenAI.Chat.ChatCompletion"), "Refusal", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Chat.ChatCompletion"), "ToolCalls", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Chat.ChatToolCall"), "FunctionArguments", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Chat.StreamingChatCompletionUpdate"), "RefusalUpdate", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Chat.StreamingChatCompletionUpdate"), "ToolCallUpdates", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Chat.StreamingChatToolCallUpdate"), "FunctionArgumentsUpdate", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Responses.FunctionCallResponseItem"), "FunctionArguments", SourceKind.ModelOutput);
        AddMemberSources(Type("OpenAI.Responses.ResponseResult") ?? Type("OpenAI.Responses.OpenAIResponse"), "GetOutputText", SourceKind.ModelOutput);

        // Tool and function results; tool arguments chosen by the model
        KernelFunctionAttribute = Type("Microsoft.SemanticKernel.KernelFunctionAttribute");
        McpServerToolAttribute = Type("ModelContextProtocol.Server.McpServerToolAttribute");
        McpServerPromptAttribute = Type("ModelContextProtocol.Server.McpServerPromptAttribute");
        AddMemberSources(Type("Microsoft.Extensions.AI.FunctionResultContent"), "Result", SourceKind.ToolResult);
        AddMemberSources(Type("Microsoft.Extensions.AI.AIFunction"), "InvokeAsync", SourceKind.ToolResult);
        AddMemberSources(Type("Microsoft.SemanticKernel.KernelFunction"), "InvokeAsync", SourceKind.ToolResult);
        AddMemberSources(Type("Microsoft.SemanticKernel.KernelFunction"), "InvokeStreamingAsync", SourceKind.ToolResult);
        // `kernel.InvokeAsync<string>("Plugin", "Fetch")`, `kernel.InvokeAsync(function)`: what a function gives back (a
        // tool's result, or a prompt function's model output).
        AddMemberSources(Type("Microsoft.SemanticKernel.Kernel"), "InvokeAsync", SourceKind.ToolResult);
        AddMemberSources(Type("Microsoft.SemanticKernel.Kernel"), "InvokeStreamingAsync", SourceKind.ToolResult);
        AddHandlerRegistrations("Microsoft.Extensions.AI.AIFunctionFactory", "Create", SourceKind.ToolArgument);
        AddHandlerRegistrations("Microsoft.SemanticKernel.KernelFunctionFactory", "CreateFromMethod", SourceKind.ToolArgument);

        // Messages written by someone else: email (MimeKit, Microsoft Graph) and chat channels a bot reads (Bot
        // Framework activities, Telegram, Discord); every member of such a message is the sender's text.
        AddTypeSource("MimeKit.MimeMessage", SourceKind.Email);
        AddTypeSource("Microsoft.Graph.Models.Message", SourceKind.Email);
        AddTypeSource("Microsoft.Bot.Schema.IActivity", SourceKind.ChannelMessage);
        AddTypeSource("Telegram.Bot.Types.Update", SourceKind.ChannelMessage);
        AddTypeSource("Telegram.Bot.Types.Message", SourceKind.ChannelMessage);
        AddTypeSource("Discord.IMessage", SourceKind.ChannelMessage);

        // Speech turned into text: what someone said, as a model transcribed it.
        AddMemberSources(Type("OpenAI.Audio.AudioTranscription"), "Text", SourceKind.Transcript);
        AddMemberSources(Type("OpenAI.Audio.AudioTranslation"), "Text", SourceKind.Transcript);
        foreach (var typeName in new[] { "Microsoft.Extensions.AI.SpeechToTextResponse", "Microsoft.Extensions.AI.SpeechToTextResponseUpdate" })
        {
            AddMemberSources(Type(typeName), "Text", SourceKind.Transcript);
            AddMemberSources(Type(typeName), "ToString", SourceKind.Transcript);
        }

        // Azure Functions triggers (isolated worker and in-process): the payload a trigger binds comes from outside the
        // app (an HTTP body, a queue or bus message, an event, an uploaded blob).
        foreach (var trigger in new[] { "HttpTrigger", "QueueTrigger", "ServiceBusTrigger", "EventHubTrigger", "EventGridTrigger", "BlobTrigger", "CosmosDBTrigger", "KafkaTrigger", "RabbitMQTrigger", "SignalRTrigger" })
        {
            AddSourceAttribute("Microsoft.Azure.Functions.Worker." + trigger + "Attribute", SourceKind.FunctionTrigger);
            AddSourceAttribute("Microsoft.Azure.WebJobs." + trigger + "Attribute", SourceKind.FunctionTrigger);
        }

        AddSourceAttribute("Microsoft.Azure.WebJobs.Extensions.EventGrid.EventGridTriggerAttribute", SourceKind.FunctionTrigger);
        AddSourceAttribute("Microsoft.Azure.WebJobs.Extensions.SignalRService.SignalRTriggerAttribute", SourceKind.FunctionTrigger);

        // Azure Functions (isolated worker): the HTTP trigger's request
        AddTypeSource("Microsoft.Azure.Functions.Worker.Http.HttpRequestData", SourceKind.HttpRequest);

        // Retrieved documents
        AddTypeSource("Microsoft.Extensions.VectorData.VectorSearchResult`1", SourceKind.RetrievedDocument);
        AddTypeSource("Microsoft.SemanticKernel.Data.TextSearchResult", SourceKind.RetrievedDocument);
        AddTypeSource("Microsoft.SemanticKernel.Data.KernelSearchResults`1", SourceKind.RetrievedDocument); // ITextSearch results
        AddTypeSource("Microsoft.SemanticKernel.Memory.MemoryQueryResult", SourceKind.RetrievedDocument); // ISemanticTextMemory.SearchAsync
        AddTypeSource("Azure.Search.Documents.Models.SearchResults`1", SourceKind.RetrievedDocument); // Azure AI Search
        AddTypeSource("Azure.Search.Documents.Models.SearchResult`1", SourceKind.RetrievedDocument);

        // Kernel Memory: what a search finds (results, their citations and partitions' text), the records an IMemoryDb
        // returns, and an answer's text (written by a model over what it found) and sources.
        AddTypeSource("Microsoft.KernelMemory.SearchResult", SourceKind.RetrievedDocument);
        AddTypeSource("Microsoft.KernelMemory.Citation", SourceKind.RetrievedDocument);
        AddTypeSource("Microsoft.KernelMemory.Citation+Partition", SourceKind.RetrievedDocument);
        AddTypeSource("Microsoft.KernelMemory.MemoryStorage.MemoryRecord", SourceKind.RetrievedDocument);
        var memoryAnswer = Type("Microsoft.KernelMemory.MemoryAnswer");
        AddMemberSources(memoryAnswer, "Result", SourceKind.ModelOutput);
        AddMemberSources(memoryAnswer, "RelevantSources", SourceKind.RetrievedDocument);
    }

    private void ResolveSanitizers()
    {
        AddSanitizers("StructuredLlm.Prompt", "Untrusted", "Spotlight");
        AddSanitizers("StructuredLlm.PromptBuilder", "Untrusted");

        // A host or configuration built from the command line (`WebApplication.CreateBuilder(args)`) is the operator's
        // configuration, not the program's input: what its Configuration returns is not a command-line argument.
        AddSanitizers("Microsoft.AspNetCore.Builder.WebApplication", "CreateBuilder", "CreateSlimBuilder", "CreateEmptyBuilder");
        AddSanitizers("Microsoft.Extensions.Hosting.Host", "CreateApplicationBuilder", "CreateDefaultBuilder", "CreateEmptyApplicationBuilder");
        AddSanitizers("Microsoft.AspNetCore.WebHost", "CreateDefaultBuilder");
        AddSanitizers("Microsoft.Extensions.Configuration.CommandLineConfigurationExtensions", "AddCommandLine");
    }

    /// <summary>Every method of <paramref name="typeName"/> with one of the given names ends taint (its result is clean).</summary>
    private void AddSanitizers(string typeName, params string[] methodNames)
    {
        var type = Type(typeName);
        if (type is null)
        {
            return;
        }

        foreach (var name in methodNames)
        {
            foreach (var method in Methods(type, name))
            {
                _sanitizers.Add(method);
            }
        }
    }

    // ---- configuration -------------------------------------------------------------------------------------

    private sealed class Config
    {
        public List<string> Sources { get; } = new();
        public List<string> Sinks { get; } = new();
        public List<string> Sanitizers { get; } = new();
        public List<string> BadDepth { get; } = new();
        public int Depth { get; set; } = DefaultDepth;
    }

    private static Config ReadOptions(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var config = new Config();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var provider = options.AnalyzerConfigOptionsProvider;
        Read(provider.GlobalOptions);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Read(provider.GetOptions(tree));
        }

        return config;

        void Read(AnalyzerConfigOptions o)
        {
            Split(o, ExtraSourcesKey, config.Sources);
            Split(o, ExtraSinksKey, config.Sinks);
            Split(o, SanitizersKey, config.Sanitizers);
            if (o.TryGetValue(DepthKey, out var depth) && seen.Add(DepthKey + "=" + depth))
            {
                if (int.TryParse(depth.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) && d <= MaxDepth)
                {
                    config.Depth = d;
                }
                else
                {
                    config.BadDepth.Add(depth);
                }
            }
        }

        void Split(AnalyzerConfigOptions o, string key, List<string> into)
        {
            if (!o.TryGetValue(key, out var value))
            {
                return;
            }

            // Documentation IDs contain commas (parameter lists) and editorconfig treats ';' and '#' as comment
            // starts, so entries are separated by whitespace or '|', and '@ctor' may be written for '#ctor'.
            foreach (var raw in value.Split(new[] { '|', ';', ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var part = raw.Replace("@ctor", "#ctor");
                if (seen.Add(key + "=" + part))
                {
                    into.Add(part);
                }
            }
        }
    }

    private ImmutableArray<ISymbol> Resolve(string key, string id)
    {
        var symbols = id.Length > 2 && id[1] == ':'
            ? DocumentationCommentId.GetSymbolsForDeclarationId(id, Compilation)
            : ImmutableArray<ISymbol>.Empty;
        if (symbols.IsDefaultOrEmpty)
        {
            _unresolved.Add((key, id));
            return ImmutableArray<ISymbol>.Empty;
        }

        return symbols;
    }

    private void ResolveConfiguredSources(List<string> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var symbol in Resolve(ExtraSourcesKey, entry))
            {
                if (symbol is ITypeSymbol type)
                {
                    _sourceTypes[type.OriginalDefinition] = SourceKind.Configured;
                }
                else
                {
                    _sourceMembers[symbol.OriginalDefinition] = SourceKind.Configured;
                    foreach (var implementation in ImplementationsInSource(symbol))
                    {
                        _sourceMembers[implementation.OriginalDefinition] = SourceKind.Configured;
                    }
                }
            }
        }
    }

    /// <summary>
    /// For a configured interface, abstract or virtual member: its implementations and overrides in this compilation's
    /// own types (a call on the concrete type binds to them, not to the configured member). Empty for any other member,
    /// so a plain configuration costs no walk over the types.
    /// </summary>
    private List<ISymbol> ImplementationsInSource(ISymbol configured)
    {
        var found = new List<ISymbol>();
        if (configured is not (IMethodSymbol or IPropertySymbol)
            || !(configured.ContainingType?.TypeKind == TypeKind.Interface || configured.IsAbstract || configured.IsVirtual || configured.IsOverride))
        {
            return found;
        }

        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(Compilation.Assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol nested)
                {
                    stack.Push(nested);
                }
            }

            if (current is not INamedTypeSymbol type || SymbolEqualityComparer.Default.Equals(type, configured.ContainingType))
            {
                continue;
            }

            if (configured.ContainingType!.TypeKind == TypeKind.Interface)
            {
                if (type.FindImplementationForInterfaceMember(configured) is { } implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.ContainingType, type))
                {
                    found.Add(implementation);
                }

                continue;
            }

            foreach (var member in type.GetMembers(configured.Name))
            {
                for (var overridden = Overridden(member); overridden is not null; overridden = Overridden(overridden))
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, configured.OriginalDefinition))
                    {
                        found.Add(member);
                        break;
                    }
                }
            }
        }

        return found;
    }

    private void ResolveConfiguredSinks(List<string> entries)
    {
        foreach (var raw in entries)
        {
            // "M:Ns.Type.Method(System.String)=user": the optional role after '=' is system (default), developer,
            // instructions, user or template.
            var id = raw;
            var role = SinkRole.Instructions;
            var description = "the configured prompt sink";
            var eq = raw.LastIndexOf('=');
            if (eq > 0)
            {
                id = raw.Substring(0, eq);
                switch (raw.Substring(eq + 1).Trim().ToLowerInvariant())
                {
                    case "user":
                        role = SinkRole.User;
                        description = "the configured user prompt sink";
                        break;
                    case "template":
                        role = SinkRole.Template;
                        description = "the configured prompt template";
                        break;
                    case "system" or "developer" or "instructions":
                        break;
                    default:
                        _unresolved.Add((ExtraSinksKey, raw));
                        continue;
                }
            }

            var sink = new SinkInfo(role, description, "Configured");
            foreach (var symbol in Resolve(ExtraSinksKey, id))
            {
                switch (symbol)
                {
                    case IMethodSymbol method:
                        // The app's own prompt API: any parameter that can hold text is the sink (`params string[]`,
                        // `IEnumerable<string>`, `object`, `FormattableString`, `StringBuilder`, `ReadOnlySpan<char>`...).
                        if (!AddTextParameters(method, sink))
                        {
                            _unresolved.Add((ExtraSinksKey, raw + " (no parameter that can hold text)"));
                        }

                        foreach (var implementation in ImplementationsInSource(method))
                        {
                            AddTextParameters((IMethodSymbol)implementation, sink);
                        }

                        break;
                    case IPropertySymbol property:
                        _propertySinks[property.OriginalDefinition] = sink;
                        foreach (var implementation in ImplementationsInSource(property))
                        {
                            _propertySinks[((IPropertySymbol)implementation).OriginalDefinition] = sink;
                        }

                        break;
                    default:
                        _unresolved.Add((ExtraSinksKey, raw));
                        break;
                }
            }
        }
    }

    private void ResolveConfiguredSanitizers(List<string> entries)
    {
        foreach (var entry in entries)
        {
            foreach (var symbol in Resolve(SanitizersKey, entry))
            {
                if (symbol is IMethodSymbol method)
                {
                    _sanitizers.Add(method.OriginalDefinition);
                }
                else
                {
                    _unresolved.Add((SanitizersKey, entry));
                }
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private INamedTypeSymbol? Type(string metadataName) => Compilation.GetTypeByMetadataName(metadataName);

    private static IEnumerable<IMethodSymbol> Methods(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol method)
            {
                yield return method;
            }
        }
    }

    private static int IndexOf(IMethodSymbol method, Func<IParameterSymbol, bool> predicate)
    {
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            if (predicate(method.Parameters[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Every type with this metadata name. Extension classes share names across packages (Microsoft.Agents.AI declares
    /// its own <c>Microsoft.Extensions.AI.ChatClientExtensions</c>), and <see cref="Compilation.GetTypeByMetadataName"/>
    /// returns null when a name is ambiguous, which would silently drop the sinks of both.
    /// </summary>
    private ImmutableArray<INamedTypeSymbol> Types(string metadataName) => Compilation.GetTypesByMetadataName(metadataName);

    private void AddMethodSinks(string typeName, string[] methodNames, string[]? parameterNames, SinkInfo sink)
    {
        foreach (var type in Types(typeName))
        {
            AddMethodSinks(type, methodNames, parameterNames, sink);
        }
    }

    private void AddMethodSinks(INamedTypeSymbol? type, string[] methodNames, string[]? parameterNames, SinkInfo sink)
    {
        if (type is null)
        {
            return;
        }

        foreach (var name in methodNames)
        {
            foreach (var method in Methods(type, name))
            {
                AddStringParameters(method, parameterNames, sink);
            }
        }
    }

    /// <summary>Every parameter of a configured sink that can hold text (not a number, date, enum, delegate or token); false when none can.</summary>
    private bool AddTextParameters(IMethodSymbol method, SinkInfo sink)
    {
        var added = false;
        foreach (var parameter in method.Parameters)
        {
            var type = parameter.Type;
            if (StructuredLlm.Analyzers.Taint.TaintWalker.IsSafeType(type) || type.TypeKind == TypeKind.Delegate
                || type is { Name: "CancellationToken", ContainingNamespace.Name: "Threading" })
            {
                continue;
            }

            AddParameterSink(method, parameter.Ordinal, sink);
            added = true;
        }

        return added;
    }

    private void AddParameterSink(IMethodSymbol method, int ordinal, SinkInfo sink)
    {
        var key = method.OriginalDefinition;
        if (!_methodSinks.TryGetValue(key, out var byOrdinal))
        {
            byOrdinal = new Dictionary<int, SinkInfo>();
            _methodSinks[key] = byOrdinal;
        }

        byOrdinal[ordinal] = sink;
    }

    private void AddStringParameters(IMethodSymbol method, string[]? parameterNames, SinkInfo sink)
    {
        foreach (var parameter in method.Parameters)
        {
            if (!CarriesText(parameter.Type))
            {
                continue;
            }

            if (parameterNames is not null && Array.IndexOf(parameterNames, parameter.Name) < 0)
            {
                continue;
            }

            AddParameterSink(method, parameter.Ordinal, sink);
        }
    }

    /// <summary>
    /// A string, a message content object (or a collection of them): text given this way reaches the model as message
    /// text, so <c>new ChatMessage(ChatRole.System, [new TextContent(x)])</c> is the same sink as the string overload.
    /// </summary>
    private bool CarriesText(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        if (_contentTypes.Count == 0)
        {
            return false;
        }

        if (IsContentType(type))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsContentType(array.ElementType);
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic)
        {
            return IsContentType(generic.TypeArguments[0]);
        }

        return false;
    }

    /// <summary>Whether the type is a message content item (a text content, a content part), not a whole message.</summary>
    public bool IsMessageContentType(ITypeSymbol? type) => type is not null && IsContentType(type);

    private bool IsContentType(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (_wholeMessageTypes.Contains(current.OriginalDefinition))
            {
                return false;
            }

            if (_contentTypes.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private void AddPropertySink(string typeName, string propertyName, SinkInfo sink)
    {
        foreach (var type in Types(typeName))
        {
            AddPropertySink(type, propertyName, sink);
        }
    }

    private void AddPropertySink(INamedTypeSymbol type, string propertyName, SinkInfo sink)
    {
        foreach (var member in type.GetMembers(propertyName))
        {
            if (member is IPropertySymbol property)
            {
                _propertySinks[property] = sink;
            }
        }
    }

    private void AddMemberSources(INamedTypeSymbol? type, string name, SourceKind kind)
    {
        foreach (var member in type?.GetMembers(name) ?? ImmutableArray<ISymbol>.Empty)
        {
            _sourceMembers[member.OriginalDefinition] = kind;
            if (name == "ToString")
            {
                _stringSourceTypes[type!.OriginalDefinition] = kind;
            }
        }
    }

    /// <summary>
    /// Whether a call returning <paramref name="type"/> (or a task or stream of it) hands back a value whose text is a
    /// source (<c>await chat.GetResponseAsync(...)</c>): the pre-scan counts it as a source, for <c>$"{response}"</c>.
    /// </summary>
    public bool ReturnsStringSource(ITypeSymbol? type) =>
        StringSourceOf(type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, MetadataName: "Task`1" or "ValueTask`1" or "IAsyncEnumerable`1" or "IEnumerable`1" or "IList`1" or "IReadOnlyList`1" or "List`1" } wrapper
            ? wrapper.TypeArguments[0]
            : type) is not null;

    /// <summary>Why a value of <paramref name="type"/> written as text (its <c>ToString()</c>) is untrusted, if it is.</summary>
    public SourceKind? StringSourceOf(ITypeSymbol? type)
    {
        if (_stringSourceTypes.Count == 0)
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (_stringSourceTypes.TryGetValue(current.OriginalDefinition, out var kind))
            {
                return kind;
            }
        }

        return null;
    }

    private void AddRequestExtensionSources(string typeName, params string[] names)
    {
        var type = Type(typeName);
        foreach (var name in names)
        {
            foreach (var member in type?.GetMembers(name) ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: > 0 } method
                    && method.Parameters[0].Type is { Name: "HttpRequest", ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "AspNetCore" } } })
                {
                    _sourceMembers[member.OriginalDefinition] = SourceKind.HttpRequest;
                }
            }
        }
    }

    private void AddTypeSource(string typeName, SourceKind kind)
    {
        var type = Type(typeName);
        if (type is not null)
        {
            _sourceTypes[type] = kind;
        }
    }

    private void AddSourceAttribute(string typeName, SourceKind kind)
    {
        var type = Type(typeName);
        if (type is not null)
        {
            _sourceAttributes[type] = kind;
        }
    }

    private void AddHandlerRegistrations(string typeName, string methodName, SourceKind kind)
    {
        var type = Type(typeName);
        if (type is null)
        {
            return;
        }

        foreach (var method in Methods(type, methodName))
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.TypeKind == TypeKind.Delegate || parameter.Type.SpecialType == SpecialType.System_Delegate
                    || parameter.Type.ToDisplayString() == "System.Delegate")
                {
                    _handlerRegistrations[method] = kind;
                    break;
                }
            }
        }
    }

    private void AddConversationType(string elementTypeName, bool asListElement)
    {
        var element = Type(elementTypeName);
        if (element is null || !asListElement)
        {
            return;
        }

        _conversationTypes.Add(element);
    }
}
