using System.Collections.Generic;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>Free-form key/value facts: a dictionary (not allowed by OpenAI strict; plain JSON Schema states it).</summary>
[LlmOutput]
public partial record DocumentFacts(string Title, Dictionary<string, string> Facts);
