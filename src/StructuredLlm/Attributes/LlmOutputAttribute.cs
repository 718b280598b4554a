using System;

namespace StructuredLlm;

/// <summary>
/// Marks a partial record, class or struct as an LLM output type. At compile time the StructuredLlm
/// generator emits its JSON Schema for every provider profile and a strict, repairing reader.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class LlmOutputAttribute : Attribute
{
    /// <summary>The schema name sent to the provider. Defaults to the type name. OpenAI requires <c>[a-zA-Z0-9_-]{1,64}</c>.</summary>
    public string? Name { get; set; }

    /// <summary>How member names become JSON names, unless a member has <c>[JsonPropertyName]</c>. Defaults to camelCase.</summary>
    public LlmNamingPolicy NamingPolicy { get; set; } = LlmNamingPolicy.CamelCase;
}
