using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StructuredLlm.Json;

/// <summary>
/// Constraint checks called by generated code with the constants from the type's spec (the same constraints
/// the schema states). Each adds an error at the current path and returns false when violated.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public static partial class LlmCheck
{
    /// <summary>An integer within [min, max].</summary>
    public static bool Range(LlmReadContext context, long value, long min, long max, string expected) =>
        value >= min && value <= max || Error(context, expected, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A number within [min, max]. A value just read by <see cref="LlmRead.Double"/> or <see cref="LlmRead.Single"/> that
    /// landed exactly on a bound is checked against the text written: <c>1.0000000000000000000000000001</c> reads as the
    /// double 1 but is above a maximum of 1 (<see cref="WrittenWithin"/>).
    /// </summary>
    public static bool Range(LlmReadContext context, double value, double min, double max, string expected) =>
        value >= min && value <= max
            ? WrittenWithin(context, value, min, max, expected)
            : Error(context, expected, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>
    /// For a value that passed its bounds as a double: an error when it equals a bound only because the double rounded the
    /// written number onto it (more digits than the type keeps). Only a value on a bound pays (at most two comparisons of
    /// the texts); the double's own check decides everything else, so this only ever refuses more.
    /// </summary>
    private static bool WrittenWithin(LlmReadContext context, double value, double min, double max, string expected)
    {
        if (value != min && value != max) return true;
        if ((value == min && context.CompareWritten(min) < 0) || (value == max && context.CompareWritten(max) > 0))
        {
            return Error(context, expected, context.WrittenNumber() ?? value.ToString("R", CultureInfo.InvariantCulture));
        }
        return true;
    }

    /// <summary>A decimal within [min, max].</summary>
    public static bool Range(LlmReadContext context, decimal value, decimal min, decimal max, string expected) =>
        value >= min && value <= max || Error(context, expected, value.ToString(CultureInfo.InvariantCulture));

#if NET8_0_OR_GREATER
    /// <summary>An <see cref="System.Int128"/> within [min, max], compared as itself (a decimal cannot hold every value).</summary>
    public static bool Range(LlmReadContext context, Int128 value, Int128 min, Int128 max, string expected) =>
        value >= min && value <= max || Error(context, expected, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A <see cref="System.UInt128"/> within [min, max], compared as itself.</summary>
    public static bool Range(LlmReadContext context, UInt128 value, UInt128 min, UInt128 max, string expected) =>
        value >= min && value <= max || Error(context, expected, value.ToString(CultureInfo.InvariantCulture));
#endif

    /// <summary>A string whose length is within [min, max] (max &lt; 0: no maximum).</summary>
    public static bool Length(LlmReadContext context, string value, int min, int max, string expected) =>
        value.Length >= min && (max < 0 || value.Length <= max) ||
        Error(context, expected, $"a string of length {value.Length.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A collection whose count is within [min, max] (max &lt; 0: no maximum).</summary>
    public static bool Count(LlmReadContext context, int count, int min, int max, string expected) =>
        count >= min && (max < 0 || count <= max) ||
        Error(context, expected, count == 1 ? "1 item" : $"{count.ToString(CultureInfo.InvariantCulture)} items");

    /// <summary>A string matching <paramref name="regex"/> (the generated code holds one static instance with a timeout).</summary>
    public static bool Pattern(LlmReadContext context, string value, Regex regex, string expected)
    {
        bool ok;
        try
        {
            // As DataAnnotations' [RegularExpression] does: the whole value must match, not a part of it (its first match).
#if NET7_0_OR_GREATER
            ok = false;
            foreach (var match in regex.EnumerateMatches(value))
            {
                ok = match.Index == 0 && match.Length == value.Length;
                break;
            }
#else
            var match = regex.Match(value);
            ok = match.Success && match.Index == 0 && match.Length == value.Length;
#endif
        }
        catch (RegexMatchTimeoutException)
        {
            ok = false;
        }
        return ok || Error(context, expected, LlmReadContext.Quote(Short(value)));
    }

    /// <summary>An email address, by the rule of DataAnnotations' <c>[EmailAddress]</c>: one <c>@</c>, not first or last.</summary>
    public static bool Email(LlmReadContext context, string value, string expected)
    {
        int at = value.IndexOf('@');
        bool ok = at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && value.Trim().Length == value.Length;
        return ok || Error(context, expected, LlmReadContext.Quote(Short(value)));
    }

    /// <summary>An absolute http, https or ftp URL, like DataAnnotations' <c>[Url]</c>.</summary>
    public static bool Url(LlmReadContext context, string value, string expected)
    {
        bool ok = Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
                  (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeFtp);
        return ok || Error(context, expected, LlmReadContext.Quote(Short(value)));
    }

    /// <summary>One of the allowed values (ordinal).</summary>
    public static bool AllowedValues(LlmReadContext context, string value, IReadOnlyCollection<string> allowed, string expected) =>
        IsListed(value, allowed) || Error(context, expected, LlmReadContext.Quote(Short(value)));

    private static bool IsListed(string value, IReadOnlyCollection<string> allowed)
    {
        foreach (var a in allowed)
        {
            if (string.Equals(a, value, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// One of the allowed values, as an enum's names are matched: exactly, or else, after trimming and ignoring case, the
    /// one allowed value that matches (<c>"Express"</c> for <c>[AllowedValues("standard", "express")]</c>), which
    /// <paramref name="value"/> becomes and which is reported (<see cref="LlmRepairKind.EnumNormalized"/>). Refused when
    /// none or several match (<c>"a"</c> with both <c>"A"</c> and <c>"a "</c> allowed), or when the options do not allow it.
    /// </summary>
    public static bool AllowedValues(LlmReadContext context, ref string value, IReadOnlyCollection<string> allowed, string expected)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (allowed is null) throw new ArgumentNullException(nameof(allowed));
        if (IsListed(value, allowed)) return true;
        string? match = null;
        if (value is not null)
        {
            var written = value.AsSpan().Trim();
            foreach (var a in allowed)
            {
                if (a is null || !written.Equals(a.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase)) continue;
                if (match is not null && !string.Equals(match, a, StringComparison.Ordinal))
                {
                    match = null; // two allowed values differ only in case or spacing: no way to tell which was meant
                    break;
                }
                match = a;
            }
        }
        if (match is not null && context.TryRecord(LlmRepairKind.EnumNormalized, context.Path, -1, LlmReadContext.Quote(Short(value!)), LlmReadContext.Quote(Short(match))))
        {
            value = match;
            return true;
        }
        return Error(context, expected, LlmReadContext.Quote(Short(value ?? "")));
    }

    private static string Short(string s) => s.Length > 40 ? s.Substring(0, 40) + "…" : s;

    private static bool Error(LlmReadContext context, string expected, string found)
    {
        context.AddError(expected, found);
        return false;
    }
}
