using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace StructuredLlm.Json;

/// <summary>The outcome of reading model output as a <typeparamref name="T"/>: the value, or why it was refused.</summary>
public sealed class LlmResult<T>
{
    private readonly T? _value;

    internal LlmResult(bool success, T? value, IReadOnlyList<LlmRepair> repairs, IReadOnlyList<LlmError> errors,
        IReadOnlyList<string> unknownMembers, string? rawText)
    {
        Success = success;
        _value = value;
        Repairs = repairs;
        Errors = errors;
        UnknownMembers = unknownMembers;
        RawText = rawText;
    }

    /// <summary>Creates a successful result.</summary>
    public static LlmResult<T> Ok(T value, IReadOnlyList<LlmRepair>? repairs = null, IReadOnlyList<string>? unknownMembers = null) =>
        new(true, value, repairs ?? Array.Empty<LlmRepair>(), Array.Empty<LlmError>(), unknownMembers ?? Array.Empty<string>(), null);

    /// <summary>Creates a refusal.</summary>
    public static LlmResult<T> Fail(IReadOnlyList<LlmError> errors, string rawText, IReadOnlyList<LlmRepair>? repairs = null) =>
        new(false, default, repairs ?? Array.Empty<LlmRepair>(), errors, Array.Empty<string>(), rawText);

    /// <summary>True when <see cref="Value"/> holds the parsed value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success { get; }

    /// <summary>The value when <see cref="Success"/>; otherwise default.</summary>
    public T? Value => _value;

    /// <summary>Repairs and coercions applied (empty for clean JSON).</summary>
    public IReadOnlyList<LlmRepair> Repairs { get; }

    /// <summary>Why the output was refused (empty on success).</summary>
    public IReadOnlyList<LlmError> Errors { get; }

    /// <summary>JSON paths of members in the output that the type does not have (ignored).</summary>
    public IReadOnlyList<string> UnknownMembers { get; }

    /// <summary>The raw model output, kept only when the parse failed.</summary>
    public string? RawText { get; }

    /// <summary>The value, or throws <see cref="LlmParseException"/> with the raw text and the errors.</summary>
    public T GetValueOrThrow() => Success ? Value : throw new LlmParseException(RawText ?? string.Empty, Errors);

    /// <inheritdoc/>
    public override string ToString() => Success ? $"Success: {Value}" : "Refused: " + string.Join("; ", Errors);
}
