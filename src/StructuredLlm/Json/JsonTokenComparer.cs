using System;
using System.Text.Json;

namespace StructuredLlm.Json;

/// <summary>Compares two JSON values token by token (whitespace ignored, numbers compared numerically, key order significant).</summary>
internal static class JsonTokenComparer
{
    /// <summary>
    /// Whether two JSON texts hold the same value, whatever the order of each object's members (two answers a model wrote
    /// with their keys in another order are one answer). Token by token first; only when that differs, as documents.
    /// </summary>
    public static bool SameValue(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int maxDepth)
    {
        if (ValuesEqual(a, b, maxDepth)) return true;
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = maxDepth + 1 };
            using var da = JsonDocument.Parse(a.ToArray(), options);
            using var db = JsonDocument.Parse(b.ToArray(), options);
            return JsonElement.DeepEquals(da.RootElement, db.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
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
                        if (!ra.ValueSpan.SequenceEqual(rb.ValueSpan))
                        {
                            if (ra.TryGetDecimal(out var da) && rb.TryGetDecimal(out var db))
                            {
                                if (da != db) return false;
                            }
                            else if (ra.GetDouble() != rb.GetDouble())
                            {
                                return false;
                            }
                        }
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
