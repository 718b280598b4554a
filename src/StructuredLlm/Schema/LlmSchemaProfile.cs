namespace StructuredLlm;

/// <summary>The provider dialect a JSON Schema is emitted for. Every profile is generated at compile time.</summary>
public enum LlmSchemaProfile
{
    /// <summary>OpenAI Structured Outputs with <c>strict: true</c>: every member required (optional ones nullable),
    /// <c>additionalProperties: false</c> everywhere, an object root, only the keywords OpenAI accepts. The default profile.</summary>
    OpenAIStrict = 0,

    /// <summary>Anthropic structured outputs / strict tool use: no recursion, no numeric bounds or string lengths
    /// (stated in the description instead), <c>minItems</c> only 0 or 1, optional members left out of <c>required</c>.</summary>
    Anthropic = 1,

    /// <summary>Google Gemini <c>responseJsonSchema</c>: only the keywords Gemini accepts, plus <c>propertyOrdering</c>.</summary>
    Gemini = 2,

    /// <summary>Plain JSON Schema draft 2020-12 with every constraint as a keyword.</summary>
    JsonSchema = 3,
}
