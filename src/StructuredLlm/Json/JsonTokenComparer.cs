using System;
using System.Text.Json;

namespace StructuredLlm.Json;

/// <summary>Compares two JSON values token by token (whitespace ignored, numbers compared by exact value, key order significant).</summary>
internal static class JsonTokenComparer
{
    /// <summary>
    /// Whether two JSON texts hold the same value, whatever the order of each object's members and, for answers read
    /// against a type (<paramref name="nullIsAbsent"/>), whether a null member is written or left out: two answers a model
    /// wrote so are one answer. Token by token first; only when that differs, as documents.
    /// </summary>
    public static bool SameValue(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int maxDepth, bool nullIsAbsent)
    {
        if (ValuesEqual(a, b, maxDepth)) return true;
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = maxDepth + 1 };
            using var da = JsonDocument.Parse(a.ToArray(), options);
            using var db = JsonDocument.Parse(b.ToArray(), options);
            return SameElement(da.RootElement, db.RootElement, nullIsAbsent);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Two elements hold the same value: objects whatever the order of their members, and, with
    /// <paramref name="nullIsAbsent"/> (candidates read against a type, where such a member can only be optional and is
    /// null either way), a member set to null the same as one left out.
    /// </summary>
    private static bool SameElement(JsonElement a, JsonElement b, bool nullIsAbsent)
    {
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            return Covers(a, b, nullIsAbsent) && Covers(b, a, nullIsAbsent);
        }

        if (a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array)
        {
            if (a.GetArrayLength() != b.GetArrayLength()) return false;
            using var ea = a.EnumerateArray();
            using var eb = b.EnumerateArray();
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!SameElement(ea.Current, eb.Current, nullIsAbsent)) return false;
            }
            return true;
        }

        return JsonElement.DeepEquals(a, b);
    }

    /// <summary>Every member of <paramref name="a"/> has the same value in <paramref name="b"/> (null standing for absent).</summary>
    private static bool Covers(JsonElement a, JsonElement b, bool nullIsAbsent)
    {
        foreach (var member in a.EnumerateObject())
        {
            if (b.TryGetProperty(member.Name, out var other))
            {
                if (!SameElement(member.Value, other, nullIsAbsent)) return false;
            }
            else if (!nullIsAbsent || member.Value.ValueKind != JsonValueKind.Null)
            {
                return false;
            }
        }
        return true;
    }

    public static bool ValuesEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int maxDepth)
    {
        try
        {
            var options = new JsonReaderOptions { MaxDepth = maxDepth + 1 };
            var ra = new Utf8JsonReader(a, options);
            var rb = new Utf8JsonReader(b, options);
            while (true)
            {
                bool ha = ra.Read(), hb = rb.Read();
                if (ha != hb) return false;
                if (!ha) return true;
                if (ra.TokenType != rb.TokenType) return false;
                switch (ra.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    case JsonTokenType.String:
                        if (!ra.ValueIsEscaped && !rb.ValueIsEscaped)
                        {
                            if (!ra.ValueSpan.SequenceEqual(rb.ValueSpan)) return false;
                        }
                        else if (ra.GetString() != rb.GetString())
                        {
                            return false;
                        }
                        break;
                    case JsonTokenType.Number:
                        // Exactly, from the digits: as decimals 3 and 3.0000000000000000000000000000001 are equal, and a
                        // duplicate key or a second answer holding the second would pass as the same value.
                        if (!ra.ValueSpan.SequenceEqual(rb.ValueSpan) && JsonNumberText.Compare(ra.ValueSpan, rb.ValueSpan) != 0) return false;
                        break;
                }
                if (ra.CurrentDepth == 0 && ra.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return true;
            }
        }
        catch (JsonException)
        {
            return a.SequenceEqual(b);
        }
    }
}
