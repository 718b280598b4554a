using Microsoft.CodeAnalysis;

namespace StructuredLlm.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports (SLLM0xxx): only reasons it could not generate a correct schema.
/// OpenAI-strict violations are errors (it is the default profile and the API would reject the schema at run time);
/// Anthropic-profile violations are warnings. All of them can be re-configured per ID in .editorconfig, and the
/// other profiles' schemas are still emitted.
/// </summary>
internal static class DiagnosticDescriptors
{
    internal const string HelpLinkBase = "https://github.com/structuredllm/structuredllm/blob/main/docs/diagnostics/";
    private const string Category = "StructuredLlm.Generator";

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        "SLLM0001", "[LlmOutput] type must be partial",
        "'{0}' must be declared partial (and so must every type that contains it) so the generator can add its LlmInfo member",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GenericType = Create(
        "SLLM0002", "[LlmOutput] type cannot be generic",
        "'{0}' is generic or nested in a generic type; schemas are generated for closed types only, so mark a non-generic type instead",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        "SLLM0003", "Member type has no JSON Schema",
        "'{0}' has type '{1}', which cannot be described by a schema: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotConstructible = Create(
        "SLLM0004", "Type cannot be constructed by the reader",
        "'{0}' cannot be filled from JSON: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DictionaryUnderOpenAI = Create(
        "SLLM0005", "Dictionary not supported by OpenAI strict",
        "'{0}' is a dictionary, which OpenAI strict mode cannot describe (every object needs additionalProperties:false and fixed properties); use a list of key/value records",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OpenAILimit = Create(
        "SLLM0006", "OpenAI strict schema limit exceeded",
        "'{0}' exceeds an OpenAI strict limit: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidSchemaName = Create(
        "SLLM0007", "Schema name is not valid for OpenAI",
        "Schema name '{0}' must match [a-zA-Z0-9_-]{{1,64}}; set [LlmOutput(Name = \"...\")]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PolymorphicRoot = Create(
        "SLLM0008", "Polymorphic root not allowed by OpenAI strict",
        "'{0}' is polymorphic, so its schema is an anyOf, but OpenAI strict requires an object root; wrap it in an [LlmOutput] record with one property of this type",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AnthropicLimit = Create(
        "SLLM0009", "Schema not accepted by the Anthropic profile",
        "'{0}' is not accepted by Anthropic structured outputs: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateJsonName = Create(
        "SLLM0010", "Duplicate JSON name",
        "'{0}' uses the JSON name or alias '{1}', which '{2}' already uses",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor IgnoredConstraint = Create(
        "SLLM0011", "Constraint cannot be applied",
        "'{0}': {1} is ignored because {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "SLLM0012", "Generator internal error",
        "The StructuredLlm generator failed on '{0}' ({1}); please report this bug",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileLocalType = Create(
        "SLLM0013", "[LlmOutput] type cannot be file-local",
        "'{0}' is a file-local type, so the generated partial declaration (in its own file) cannot extend it; remove the 'file' modifier",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReservedMemberName = Create(
        "SLLM0014", "Member name reserved by the generator",
        "The generator adds '{0}' to '{1}', but {2}; rename it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnhonouredSerialization = Create(
        "SLLM0015", "Serialization setting not followed by the schema and reader",
        "'{0}': {1} is not followed by the generated schema and reader, because {2}",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
