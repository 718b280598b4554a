using System.Collections.Generic;
using StructuredLlm;

namespace Consumer.App;

/// <summary>
/// A document outline. It is recursive, which the Anthropic profile cannot describe (SLLM0009); this app sends it only
/// to OpenAI, so .editorconfig turns the warning off for this file, as for any other analyzer warning.
/// </summary>
[LlmOutput]
public partial record Outline(string Title, IReadOnlyList<Outline> Sections);
