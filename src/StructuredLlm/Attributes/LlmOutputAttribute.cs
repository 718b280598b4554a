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

    /// <summary>
    /// Strict mode for this type: its generated reader applies no repair and no coercion (the output must be exact
    /// JSON of the schema) unless listed in <see cref="AllowedRepairs"/>. Options passed to a parse call replace it.
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>
    /// The only repairs and coercions this type's reader applies (e.g. <c>new[] { LlmRepairKind.MarkdownFence }</c>);
    /// null for the default (all, or none when <see cref="Strict"/>). Options passed to a parse call replace it.
    /// </summary>
    public Json.LlmRepairKind[]? AllowedRepairs { get; set; }
}
