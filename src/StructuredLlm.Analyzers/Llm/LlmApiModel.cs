using Microsoft.CodeAnalysis;

namespace StructuredLlm.Analyzers.Llm;

/// <summary>What a model takes the text at a sink for.</summary>
internal enum SinkRole
{
    /// <summary>System, developer or instructions text: trusted instructions.</summary>
    Instructions,

    /// <summary>A user-role message.</summary>
    User,

    /// <summary>A prompt template that is parsed and rendered (Semantic Kernel).</summary>
    Template,

    /// <summary>The role is given by another argument (a <c>ChatRole</c> or <c>AuthorRole</c>).</summary>
    FromRoleArgument,

    /// <summary>Assistant or tool text: conversation history, not a sink.</summary>
    None,
}

/// <summary>Which role type a <see cref="SinkRole.FromRoleArgument"/> sink takes.</summary>
internal enum RoleFamily
{
    None,
    ExtensionsAi,
    SemanticKernel,
}

/// <summary>One prompt sink: a string parameter of a known method or constructor, a property setter, or a conversion.</summary>
internal sealed class SinkInfo
{
    public SinkInfo(SinkRole role, string description, string api, RoleFamily family = RoleFamily.None, int roleOrdinal = -1, int roleParameter = -1)
    {
        Role = role;
        Description = description;
        Api = api;
        Family = family;
        RoleOrdinal = roleOrdinal;
        RoleParameter = roleParameter;
    }

    public SinkRole Role { get; }

    /// <summary>How the message names the sink, for example "the system message".</summary>
    public string Description { get; }

    /// <summary>Which API family the sink belongs to (<c>ExtensionsAi</c>, <c>SemanticKernel</c>, <c>OpenAI</c>, <c>Attribute</c>, <c>Configured</c>); code fixes use it.</summary>
    public string Api { get; }

    public RoleFamily Family { get; }

    /// <summary>The ordinal of the role parameter for <see cref="SinkRole.FromRoleArgument"/>.</summary>
    public int RoleOrdinal { get; }

    /// <summary>
    /// In a method summary, a message whose role is a parameter of the summarised method (<c>static ChatMessage
    /// Msg(ChatRole role, string text) =&gt; new(role, text);</c>): that parameter's ordinal, so that each call site judges
    /// the role it passes. -1 otherwise; the sink's <see cref="Role"/> is then <see cref="SinkRole.None"/> until resolved.
    /// </summary>
    public int RoleParameter { get; }

    public SinkInfo WithRole(SinkRole role, string description) => new(role, description, Api, Family, RoleOrdinal);

    public SinkInfo WithRoleParameter(int ordinal) => new(SinkRole.None, Description, Api, Family, RoleOrdinal, ordinal);
}

/// <summary>The kind of an untrusted source, as named in messages ("HTTP request body").</summary>
internal sealed class SourceKind
{
    public SourceKind(string description) => Description = description;

    public string Description { get; }

    public static readonly SourceKind HttpRequest = new("HTTP request");
    public static readonly SourceKind HttpRequestBody = new("HTTP request body");
    public static readonly SourceKind QueryString = new("query string");
    public static readonly SourceKind FormField = new("form field");
    public static readonly SourceKind RouteValue = new("route value");
    public static readonly SourceKind RequestHeader = new("request header");
    public static readonly SourceKind UploadedFile = new("uploaded file");
    public static readonly SourceKind ActionParameter = new("MVC action parameter");
    public static readonly SourceKind PageHandlerParameter = new("Razor Pages handler parameter");
    public static readonly SourceKind BoundProperty = new("bound request property");
    public static readonly SourceKind MinimalApiParameter = new("minimal API parameter");
    public static readonly SourceKind HubMethodArgument = new("SignalR hub method argument");
    public static readonly SourceKind BlazorInput = new("Blazor form input");
    public static readonly SourceKind GrpcRequest = new("gRPC request");
    public static readonly SourceKind PageAddress = new("page address");
    public static readonly SourceKind CommandLine = new("command-line argument");
    public static readonly SourceKind ConsoleInput = new("console input");
    public static readonly SourceKind FileContents = new("file contents");
    public static readonly SourceKind HttpResponse = new("HTTP response");
    public static readonly SourceKind WebPage = new("web page content");
    public static readonly SourceKind Email = new("email");
    public static readonly SourceKind ChannelMessage = new("chat channel message");
    public static readonly SourceKind Transcript = new("speech transcript");
    public static readonly SourceKind FunctionTrigger = new("Azure Functions trigger input");
    public static readonly SourceKind ModelOutput = new("model output");
    public static readonly SourceKind ToolArgument = new("tool argument chosen by the model");
    public static readonly SourceKind McpPromptArgument = new("MCP prompt argument");
    public static readonly SourceKind ToolResult = new("tool result");
    public static readonly SourceKind RetrievedDocument = new("retrieved document");
    public static readonly SourceKind MarkedUntrusted = new("marked [Untrusted]");
    public static readonly SourceKind Configured = new("configured untrusted source");
}

/// <summary>A symbol paired with what it is, for members resolved by name.</summary>
internal readonly struct ResolvedEntry<T>
{
    public ResolvedEntry(ISymbol symbol, T value)
    {
        Symbol = symbol;
        Value = value;
    }

    public ISymbol Symbol { get; }

    public T Value { get; }
}
