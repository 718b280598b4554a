using Microsoft.CodeAnalysis;

namespace StructuredLlm.Analyzers;

/// <summary>Every diagnostic the analyzers report (SLLM1xxx prompt safety, SLLM2xxx context budget, SLLM3xxx usage).</summary>
internal static class DiagnosticDescriptors
{
    internal const string HelpLinkBase = "https://github.com/structuredllm/structuredllm/blob/main/docs/diagnostics/";

    internal const string PromptSafetyCategory = "StructuredLlm.PromptSafety";

    /// <summary>Untrusted data reaches a system, developer or instructions prompt.</summary>
    public static readonly DiagnosticDescriptor UntrustedDataInInstructions = new(
        id: "SLLM1001",
        title: "Untrusted data flows into prompt instructions",
        messageFormat: "'{0}' ({1}) flows into {2}",
        category: PromptSafetyCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Text from an untrusted source (a request, a file, a tool, a model's output) reaches a system, developer or instructions prompt, where the model treats it as trusted instructions. Send it as its own user message, or spotlight it with Prompt.Untrusted(...).",
        helpLinkUri: HelpLinkBase + "SLLM1001.md");

    /// <summary>Untrusted data is concatenated into a user-role prompt template.</summary>
    public static readonly DiagnosticDescriptor UntrustedDataInUserTemplate = new(
        id: "SLLM1002",
        title: "Untrusted data is concatenated into a user prompt template",
        messageFormat: "'{0}' ({1}) is concatenated into {2}; send it as its own user message or spotlight it with Prompt.Untrusted(...)",
        category: PromptSafetyCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Untrusted text mixed into the developer's own instructions in a user message can override them. Untrusted text that is the whole content of its own user message is not reported.",
        helpLinkUri: HelpLinkBase + "SLLM1002.md");

    /// <summary>Untrusted data becomes (part of) a Semantic Kernel prompt template.</summary>
    public static readonly DiagnosticDescriptor UntrustedDataInSemanticKernelTemplate = new(
        id: "SLLM1003",
        title: "Untrusted data flows into a Semantic Kernel prompt template",
        messageFormat: "'{0}' ({1}) flows into {2}; template syntax in it is rendered and can call functions, pass it as a KernelArguments variable instead",
        category: PromptSafetyCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A prompt template is parsed: {{...}} expressions in untrusted text call kernel functions and <message> tags forge chat roles. Keep the template constant and pass untrusted values as KernelArguments, which Semantic Kernel encodes.",
        helpLinkUri: HelpLinkBase + "SLLM1003.md");

    /// <summary><c>AllowDangerouslySetContent = true</c> on a Semantic Kernel template or variable.</summary>
    public static readonly DiagnosticDescriptor AllowDangerouslySetContent = new(
        id: "SLLM1004",
        title: "AllowDangerouslySetContent disables prompt encoding",
        messageFormat: "'{0}.AllowDangerouslySetContent' is set to true: values are inserted into the prompt without encoding, so untrusted text can forge chat messages",
        category: PromptSafetyCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Semantic Kernel HTML-encodes variable and function values inserted into a prompt so that they cannot add <message role=\"system\"> tags. AllowDangerouslySetContent turns that off.",
        helpLinkUri: HelpLinkBase + "SLLM1004.md");

    /// <summary>A prompt-injection <c>.editorconfig</c> option names nothing.</summary>
    public static readonly DiagnosticDescriptor UnresolvedConfiguration = new(
        id: "SLLM1005",
        title: "Prompt-injection option cannot be resolved",
        messageFormat: "The '{0}' entry '{1}' does not name a symbol in this compilation (use documentation-ID syntax such as 'M:Ns.Type.Method(System.String)'; interprocedural_depth takes 0 to 3)",
        category: PromptSafetyCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An entry of structuredllm.prompt_injection.extra_sources, extra_sinks or sanitizers did not resolve, so it has no effect.",
        helpLinkUri: HelpLinkBase + "SLLM1005.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
