#if NET7_0_OR_GREATER
namespace StructuredLlm;

/// <summary>
/// Implemented by generated code on every <see cref="LlmOutputAttribute"/> type (when the compilation targets
/// .NET 7+ with C# 11+), so generic code can reach <c>TSelf.LlmInfo</c> without reflection.
/// </summary>
/// <typeparam name="TSelf">The output type itself.</typeparam>
public interface ILlmOutput<TSelf> where TSelf : ILlmOutput<TSelf>
{
    /// <summary>The type's compile-time schema information.</summary>
    static abstract LlmOutputInfo<TSelf> LlmInfo { get; }
}
#endif
