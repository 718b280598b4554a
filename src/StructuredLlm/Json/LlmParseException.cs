using System;
using System.Collections.Generic;
using System.Linq;

namespace StructuredLlm.Json;

/// <summary>Thrown by the throwing parse variants when the output is refused. Carries the raw text and the errors.</summary>
public sealed class LlmParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LlmParseException(string rawText, IReadOnlyList<LlmError> errors)
        : base(BuildMessage(errors))
    {
        RawText = rawText ?? string.Empty;
        Errors = errors ?? Array.Empty<LlmError>();
    }

    /// <summary>The model output as received.</summary>
    public string RawText { get; }
    /// <summary>Why it was refused.</summary>
    public IReadOnlyList<LlmError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<LlmError>? errors) =>
        errors is null || errors.Count == 0
            ? "The model output could not be read."
            : "The model output could not be read: " + string.Join("; ", errors.Select(e => e.Message));
}
