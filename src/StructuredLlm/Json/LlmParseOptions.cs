using System;
using System.Collections.Generic;

namespace StructuredLlm.Json;

/// <summary>Options for reading model output. Immutable once passed to a parse call; <see cref="Default"/> is shared.</summary>
public sealed class LlmParseOptions
{
    /// <summary>Largest accepted <see cref="MaxDepth"/>: deeper limits could exhaust the stack.</summary>
    public const int MaxSupportedDepth = 1000;

    private int _maxDepth = 64;
    private int _maxInputLength = 4 * 1024 * 1024;

    /// <summary>Shared default options: every repair allowed, depth 64, 4 MiB.</summary>
    public static LlmParseOptions Default { get; } = new();

    /// <summary>Options that apply no repair and no coercion: the text must be the exact JSON.</summary>
    public static LlmParseOptions StrictDefault { get; } = new() { Strict = true };

    /// <summary>
    /// When true, no repair or coercion is applied unless it is listed in <see cref="AllowedRepairs"/>:
    /// any other repair the text needs makes the parse fail.
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>
    /// The repairs allowed. Null means all (when not <see cref="Strict"/>) or none (when <see cref="Strict"/>).
    /// When set, only these kinds are applied, whatever <see cref="Strict"/> says.
    /// </summary>
    public IReadOnlyCollection<LlmRepairKind>? AllowedRepairs { get; set; }

    /// <summary>Maximum nesting depth of arrays and objects (default 64, at most <see cref="MaxSupportedDepth"/>).</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = value is >= 1 and <= MaxSupportedDepth ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxDepth must be between 1 and {MaxSupportedDepth}.");
    }

    /// <summary>Maximum input length in chars (string input) or bytes (UTF-8 input); default 4 MiB.</summary>
    public int MaxInputLength
    {
        get => _maxInputLength;
        set => _maxInputLength = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>True when <paramref name="kind"/> may be applied under these options.</summary>
    public bool IsAllowed(LlmRepairKind kind)
    {
        if (AllowedRepairs is { } allowed)
        {
            foreach (var k in allowed)
            {
                if (k == kind) return true;
            }
            return false;
        }
        return !Strict;
    }

    internal bool AllowsEverything => AllowedRepairs is null && !Strict;
}
