using System;
using System.Linq;
using System.Text.Json;

namespace StructuredLlm.Tests;

/// <summary>Structural JSON equality: object key order ignored, numbers compared numerically.</summary>
internal static class JsonValue
{
    public static bool DeepEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind) return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var pa = a.EnumerateObject().ToList();
                var pb = b.EnumerateObject().ToList();
                if (pa.Count != pb.Count) return false;
                foreach (var p in pa)
                {
                    var match = pb.Where(q => q.Name == p.Name).ToList();
                    if (match.Count != 1 || !DeepEquals(p.Value, match[0].Value)) return false;
                }
                return true;
            case JsonValueKind.Array:
                var ea = a.EnumerateArray().ToList();
                var eb = b.EnumerateArray().ToList();
                return ea.Count == eb.Count && ea.Zip(eb, DeepEquals).All(x => x);
            case JsonValueKind.Number:
                if (a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db)) return da == db;
                return a.GetDouble().Equals(b.GetDouble());
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            default:
                return true;
        }
    }

    public static bool DeepEquals(string a, string b)
    {
        using var da = JsonDocument.Parse(a);
        using var db = JsonDocument.Parse(b);
        return DeepEquals(da.RootElement, db.RootElement);
    }
}
