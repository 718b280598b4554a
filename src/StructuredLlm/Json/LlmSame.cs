using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace StructuredLlm.Json;

/// <summary>
/// Structural comparisons called by generated code (<c>LlmOutputInfo&lt;T&gt;.ValueEquals</c>): two read values are the
/// same answer when every member the reader sets holds the same data. Conservative: where a comparison could call two
/// different answers the same, it says different (sets and dictionaries' values compare in order, date-times compare
/// their kind or offset too), because "different" only makes the parser refuse as ambiguous.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public static class LlmSame
{
    /// <summary>Element by element, in order; both null is the same, one null is not.</summary>
    public static bool Sequence<T>(IEnumerable<T>? a, IEnumerable<T>? b, Func<T, T, bool> same)
    {
        if (same is null) throw new ArgumentNullException(nameof(same));
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        if (a is IReadOnlyCollection<T> ca && b is IReadOnlyCollection<T> cb && ca.Count != cb.Count) return false;
        if (a is ICollection<T> la && b is ICollection<T> lb && la.Count != lb.Count) return false;
        using IEnumerator<T> ea = a.GetEnumerator();
        using IEnumerator<T> eb = b.GetEnumerator();
        while (true)
        {
            bool na = ea.MoveNext();
            if (na != eb.MoveNext()) return false;
            if (!na) return true;
            if (!same(ea.Current, eb.Current)) return false;
        }
    }

    /// <summary>The same keys (ordinal) with the same values, in any order; both null is the same, one null is not.</summary>
    public static bool Dictionary<T>(IEnumerable<KeyValuePair<string, T>>? a, IEnumerable<KeyValuePair<string, T>>? b, Func<T, T, bool> same)
    {
        if (same is null) throw new ArgumentNullException(nameof(same));
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        var lookup = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, T> pair in b)
        {
            if (pair.Key is null || lookup.ContainsKey(pair.Key)) return false;
            lookup.Add(pair.Key, pair.Value);
        }

        int count = 0;
        foreach (KeyValuePair<string, T> pair in a)
        {
            count++;
            if (pair.Key is null || !lookup.TryGetValue(pair.Key, out T? other) || !same(pair.Value, other)) return false;
        }

        return count == lookup.Count;
    }

    /// <summary>The same instant and the same <see cref="DateTimeKind"/>.</summary>
    public static bool DateTime(DateTime a, DateTime b) => a.Ticks == b.Ticks && a.Kind == b.Kind;

    /// <summary>The same URI text (ordinal); both null is the same.</summary>
    public static bool Uri(Uri? a, Uri? b) => ReferenceEquals(a, b) || a is not null && b is not null && string.Equals(a.OriginalString, b.OriginalString, StringComparison.Ordinal);

    /// <summary>The same bytes; both null is the same.</summary>
    public static bool Bytes(byte[]? a, byte[]? b) => ReferenceEquals(a, b) || a is not null && b is not null && a.AsSpan().SequenceEqual(b);
}
