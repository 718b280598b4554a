using System;
using System.Collections.Generic;
using System.Globalization;

namespace StructuredLlm.Json;

// Checks that only generated code needs beyond the inclusive ranges: exclusive bounds, allowed non-string values
// and unique items. Called with the constants of the type's spec, the same ones its schemas state.
public static partial class LlmCheck
{
    /// <summary>A number within its bounds, each inclusive or exclusive.</summary>
    public static bool Range(LlmReadContext context, double value, double min, bool minExclusive, double max, bool maxExclusive, string expected) =>
        (minExclusive ? value > min : value >= min) && (maxExclusive ? value < max : value <= max)
            ? WrittenWithin(context, value, min, max, expected)
            : Error(context, expected, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A decimal within its bounds, each inclusive or exclusive.</summary>
    public static bool Range(LlmReadContext context, decimal value, decimal min, bool minExclusive, decimal max, bool maxExclusive, string expected) =>
        (minExclusive ? value > min : value >= min) && (maxExclusive ? value < max : value <= max) ||
        Error(context, expected, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>One of the allowed values (numbers and booleans; strings use the string overload).</summary>
    public static bool AllowedValues<TValue>(LlmReadContext context, TValue value, TValue[] allowed, string expected)
        where TValue : struct, IEquatable<TValue>
    {
        foreach (var a in allowed)
        {
            if (a.Equals(value)) return true;
        }
        string found = value switch
        {
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return Error(context, expected, found);
    }

    /// <summary>No two items equal (the schema states <c>uniqueItems</c> for sets): a repeated item is refused, not dropped.</summary>
    public static bool Unique<TItem>(LlmReadContext context, List<TItem> items, string expected)
    {
        var seen = new HashSet<TItem>();
        foreach (var item in items)
        {
            if (!seen.Add(item)) return Error(context, expected, "an array with a repeated item");
        }
        return true;
    }
}
