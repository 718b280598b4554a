using System;

namespace StructuredLlm;

/// <summary>
/// Marks a parameter (or every string parameter of a method) as prompt text sent to a model. The StructuredLlm
/// prompt-injection analyzers (SLLM1xxx) report untrusted data that reaches it: as a warning (SLLM1001) for the
/// <see cref="PromptSinkRole.Instructions"/> role (the default), as a suggestion (SLLM1002) when it is concatenated
/// into <see cref="PromptSinkRole.User"/> text.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PromptSinkAttribute : Attribute
{
    /// <summary>Creates a sink for trusted instructions (system, developer or instructions text).</summary>
    public PromptSinkAttribute()
    {
    }

    /// <summary>Creates a sink with the given role.</summary>
    /// <param name="role">What the model takes the text for.</param>
    public PromptSinkAttribute(PromptSinkRole role)
    {
        Role = role;
    }

    /// <summary>What the model takes the text for. Defaults to <see cref="PromptSinkRole.Instructions"/>.</summary>
    public PromptSinkRole Role { get; } = PromptSinkRole.Instructions;
}
