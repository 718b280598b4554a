namespace StructuredLlm.Analyzers;

/// <summary>Every diagnostic the analyzers report (SLLM1xxx prompt safety, SLLM2xxx context budget, SLLM3xxx usage).</summary>
internal static class DiagnosticDescriptors
{
    internal const string HelpLinkBase = "https://github.com/structuredllm/structuredllm/blob/main/docs/diagnostics/";
}
