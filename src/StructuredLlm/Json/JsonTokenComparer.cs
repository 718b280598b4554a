using System;
using System.Text.Json;

namespace StructuredLlm.Json;

/// <summary>Compares two JSON values token by token (whitespace ignored, numbers compared numerically, key order significant).</summary>
internal static class JsonTokenComparer
{
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
