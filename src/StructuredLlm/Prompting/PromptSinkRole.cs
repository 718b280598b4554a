namespace StructuredLlm;

/// <summary>What a model takes the text given to a <see cref="PromptSinkAttribute"/> sink for.</summary>
public enum PromptSinkRole
{
    /// <summary>Trusted instructions: a system, developer or instructions prompt. Untrusted data here is a warning (SLLM1001).</summary>
    Instructions = 0,

    /// <summary>A user-role message. Untrusted data that is the whole message is fine; concatenated into a template it is a suggestion (SLLM1002).</summary>
    User = 1,

    /// <summary>A prompt template that is parsed and executed (SLLM1003).</summary>
    Template = 2,
}
