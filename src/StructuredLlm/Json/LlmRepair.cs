using System;

namespace StructuredLlm.Json;

/// <summary>One repair or coercion applied to the model output.</summary>
public sealed class LlmRepair : IEquatable<LlmRepair>
{
    /// <summary>Creates a repair record.</summary>
    public LlmRepair(LlmRepairKind kind, string path, int position, string before, string after)
    {
        Kind = kind;
        Path = path ?? "$";
        Position = position;
        Before = before ?? string.Empty;
        After = after ?? string.Empty;
    }

    /// <summary>What was done.</summary>
    public LlmRepairKind Kind { get; }
    /// <summary>JSON path of the value concerned, e.g. <c>$.tags[2]</c> (keys as written by the model for syntax repairs).</summary>
    public string Path { get; }
    /// <summary>Offset in the input: a char index for string input, a byte index for UTF-8 input. -1 when not tied to a place.</summary>
    public int Position { get; }
    /// <summary>
    /// The text before the repair (a short snippet): the changed text, with a few neighbouring characters when the
    /// repair only inserted or deleted; what surrounded the value for a fence, tag, prose or wrapper. Never empty.
    /// </summary>
    public string Before { get; }
    /// <summary>The same snippet after the repair (the replacement, or the value that was kept). Never empty.</summary>
    public string After { get; }

    /// <inheritdoc/>
    public bool Equals(LlmRepair? other) => other is not null && Kind == other.Kind && Path == other.Path &&
        Position == other.Position && Before == other.Before && After == other.After;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LlmRepair);
    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Kind * 397) ^ Path.GetHashCode() ^ Position;
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Kind} at {Position}: `{Before}` -> `{After}`";

    internal LlmRepair WithPosition(int position) => new(Kind, Path, position, Before, After);
    internal LlmRepair WithPathPrefix(string prefix) =>
        new(Kind, prefix + (Path.Length > 0 && Path[0] == '$' ? Path.Substring(1) : Path), Position, Before, After);
}
