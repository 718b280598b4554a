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
    private bool _strict;
    private IReadOnlyCollection<LlmRepairKind>? _allowed;
    private bool _frozen;

    /// <summary>Shared default options (read-only): every repair allowed, depth 64, 4 MiB.</summary>
    public static LlmParseOptions Default { get; } = new LlmParseOptions().Freeze();

    /// <summary>Shared options (read-only) that apply no repair and no coercion: the text must be the exact JSON.</summary>
    public static LlmParseOptions StrictDefault { get; } = new LlmParseOptions { Strict = true }.Freeze();

    /// <summary>True for the shared instances (<see cref="Default"/>, <see cref="StrictDefault"/>, a type's <c>DefaultParseOptions</c>), which cannot be changed.</summary>
    public bool IsReadOnly => _frozen;

    /// <summary>
    /// When true, no repair or coercion is applied unless it is listed in <see cref="AllowedRepairs"/>:
    /// any other repair the text needs makes the parse fail.
    /// </summary>
    public bool Strict
    {
        get => _strict;
        set => _strict = Check(value);
    }

    /// <summary>
    /// The repairs allowed. Null means all (when not <see cref="Strict"/>) or none (when <see cref="Strict"/>).
    /// When set, only these kinds are applied, whatever <see cref="Strict"/> says.
    /// </summary>
    public IReadOnlyCollection<LlmRepairKind>? AllowedRepairs
    {
        get => _allowed;
        set => _allowed = Check(value is null ? null : new List<LlmRepairKind>(value).AsReadOnly());
    }

    /// <summary>Maximum nesting depth of arrays and objects (default 64, at most <see cref="MaxSupportedDepth"/>).</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = Check(value) is >= 1 and <= MaxSupportedDepth ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxDepth must be between 1 and {MaxSupportedDepth}.");
    }

    /// <summary>Maximum input length in chars (string input) or bytes (UTF-8 input); default 4 MiB.</summary>
    public int MaxInputLength
    {
        get => _maxInputLength;
        set => _maxInputLength = Check(value) >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
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

    private T Check<T>(T value) =>
        _frozen ? throw new InvalidOperationException("The shared LlmParseOptions instances are read-only; create new LlmParseOptions { ... }.") : value;

    private LlmParseOptions Freeze()
    {
        _frozen = true;
        return this;
    }

    /// <summary>This instance when already read-only, else a read-only copy (the caller's instance stays writable).</summary>
    internal LlmParseOptions AsReadOnly() => _frozen
        ? this
        : new LlmParseOptions { _strict = _strict, _allowed = _allowed, _maxDepth = _maxDepth, _maxInputLength = _maxInputLength }.Freeze();

    internal bool AllowsEverything => AllowedRepairs is null && !Strict;
}
