namespace Consumer.Models;

/// <summary>
/// netstandard2.0 has no ModuleInitializerAttribute, so this library registers its [LlmOutput] types itself,
/// through the generated (internal) registration class, as the registry's documentation describes.
/// </summary>
public static class ModelRegistration
{
    public static void Register() => StructuredLlm.Generated.LlmOutputs_Models.Register();
}
