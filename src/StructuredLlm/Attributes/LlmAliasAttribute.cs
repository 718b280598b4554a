using System;

namespace StructuredLlm;

/// <summary>
/// Extra JSON names accepted for a member or an enum value when reading model output
/// (for example <c>[LlmAlias("ticket_category", "type")]</c>). The schema still states only the primary name.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class LlmAliasAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="aliases">The alternative names, matched like the primary JSON name.</param>
    public LlmAliasAttribute(params string[] aliases) => Aliases = aliases ?? Array.Empty<string>();

    /// <summary>The alternative names.</summary>
    public string[] Aliases { get; }
}
