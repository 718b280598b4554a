using System;

namespace StructuredLlm;

/// <summary>
/// Marks a value as untrusted text (user input, retrieved documents, tool output). The StructuredLlm
/// prompt-injection analyzers (SLLM1xxx) treat every read of the marked parameter, property or field, and
/// every value returned by the marked method, as a source that must not reach prompt instructions unspotlighted.
/// </summary>
[AttributeUsage(
    AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue | AttributeTargets.Method,
    Inherited = false,
    AllowMultiple = false)]
public sealed class UntrustedAttribute : Attribute
{
    /// <summary>Creates the attribute with no description.</summary>
    public UntrustedAttribute()
    {
    }

    /// <summary>Creates the attribute with a short description of where the text comes from, shown in diagnostics.</summary>
    /// <param name="description">For example <c>"support ticket body"</c>.</param>
    public UntrustedAttribute(string description)
    {
        Description = description;
    }

    /// <summary>A short description of where the text comes from, shown in diagnostics (for example <c>"support ticket body"</c>).</summary>
    public string? Description { get; }
}
