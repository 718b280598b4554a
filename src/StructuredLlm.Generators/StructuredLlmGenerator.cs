using Microsoft.CodeAnalysis;

namespace StructuredLlm.Generators;

/// <summary>Emits schemas and readers for [LlmOutput] types. Initialize only wires the pipeline.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class StructuredLlmGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
