using System;

namespace StructuredLlm.Json;

/// <summary>
/// Why a value was refused, phrased so it can be sent back to the model in a retry, for example
/// <c>$.priority: expected an integer 1..5, found "high"</c>.
/// </summary>
public sealed class LlmError : IEquatable<LlmError>
{
    /// <summary>Creates an error.</summary>
    public LlmError(string path, string expected, string found, string? message = null)
    {
        Path = path ?? "$";
        Expected = expected ?? string.Empty;
        Found = found ?? string.Empty;
        Message = message ?? (Found.Length == 0 ? $"{Path}: expected {Expected}" : $"{Path}: expected {Expected}, found {Found}");
    }

    /// <summary>JSON path of the offending value (<c>$</c> for the whole document).</summary>
    public string Path { get; }
    /// <summary>What was expected, e.g. <c>an integer 1..5</c>.</summary>
    public string Expected { get; }
    /// <summary>What was found, e.g. <c>"high"</c>, <c>null</c>, <c>nothing</c>.</summary>
    public string Found { get; }
    /// <summary>The whole sentence: <c>{Path}: expected {Expected}, found {Found}</c>.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public bool Equals(LlmError? other) => other is not null && Message == other.Message;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LlmError);
    /// <inheritdoc/>
    public override int GetHashCode() => Message.GetHashCode();
    /// <inheritdoc/>
    public override string ToString() => Message;

    internal LlmError WithPathPrefix(string prefix) =>
        new(prefix + (Path.Length > 0 && Path[0] == '$' ? Path.Substring(1) : Path), Expected, Found,
            Message.StartsWith(Path, StringComparison.Ordinal) ? prefix + (Path.Length > 0 && Path[0] == '$' ? Path.Substring(1) : Path) + Message.Substring(Path.Length) : Message);
}
