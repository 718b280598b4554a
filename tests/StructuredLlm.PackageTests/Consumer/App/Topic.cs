using System.Collections.Generic;
using StructuredLlm;

namespace Consumer.App;

/// <summary>A topic with subtopics: the Anthropic warning is suppressed at the member with #pragma.</summary>
[LlmOutput]
public partial record Topic(
    string Name,
#pragma warning disable SLLM0009 // recursive: not sent to Anthropic
    IReadOnlyList<Topic> Subtopics
#pragma warning restore SLLM0009
    );
