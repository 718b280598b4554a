using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace StructuredLlm.ParseBenchmarks;

/// <summary>The inputs: clean documents serialised from fixed values, the messy documents shared with the node
/// timings (Inputs/messy.json), and generated documents of a given size for the scaling runs.</summary>
internal static class Inputs
{
    public static readonly Ticket Ticket = new(
        Category.Billing, 3,
        "Customer was charged twice for the March invoice after updating the card on file and asks for a refund",
        new[] { "refund", "duplicate-charge", "card-update" },
        "jane.doe@example.com");

    public static readonly Order Order = new(
        new Guid("6f1c2a9e-52b4-4f0e-9a57-3c8d2b1e7f44"),
        new DateOnly(2025, 3, 14),
        new DateTimeOffset(2025, 3, 15, 9, 30, 0, TimeSpan.Zero),
        new Address("221B Baker Street", "London", "NW1 6XE", "GB"),
        MakeLines(12),
        1234.56m,
        "Leave the parcel with the concierge if nobody answers");

    private static List<OrderLine> MakeLines(int n)
    {
        var lines = new List<OrderLine>();
        for (int i = 0; i < n; i++)
        {
            lines.Add(new OrderLine("SKU-" + (1000 + i), "Replacement part number " + i + " for the model X200 espresso machine", 1 + i % 4, 9.99m + i, i % 5 == 0));
        }
        return lines;
    }

    /// <summary>The clean JSON a model would send under structured outputs (camelCase, string enums).</summary>
    public static string Clean<T>(T value) => JsonSerializer.Serialize(value, typeof(T), BenchJsonContext.Default);

    /// <summary>Inputs/messy.json: the ~300-byte messy responses also timed on node (eng/side-by-side/bench-node.js).</summary>
    public static string Messy(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", "messy.json")));
        return doc.RootElement.GetProperty(name).GetString()!;
    }

    /// <summary>A document of about <paramref name="size"/> bytes in one of the scaling shapes.</summary>
    public static string Scaling(string shape, int size)
    {
        var sb = new StringBuilder(size + 256);
        switch (shape)
        {
            case "clean":
                // a LogBatch with as many entries as fit
                sb.Append("{\"source\": \"checkout-service\", \"entries\": [");
                for (int i = 0; sb.Length < size - 120; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append("{\"level\": \"info\", \"message\": \"request ").Append(i).Append(" served from cache\", \"code\": ")
                        .Append(200 + i % 5).Append(", \"value\": ").Append(i % 97).Append(".25}");
                }
                sb.Append("]}");
                break;
            case "deep-nesting":
                // many values nested 60 deep (the default depth limit is 64), side by side in one array
                sb.Append('[');
                for (int i = 0; sb.Length < size - 400; i++)
                {
                    if (i > 0) sb.Append(',');
                    for (int d = 0; d < 30; d++) sb.Append("{\"a\":[");
                    sb.Append(i);
                    for (int d = 0; d < 30; d++) sb.Append("]}");
                }
                sb.Append(']');
                break;
            case "unclosed-strings":
                // every string is left open: each one has to be closed by the repairer
                sb.Append('[');
                while (sb.Length < size) sb.Append("\"ab, ");
                break;
            case "comma-repairs":
                // every element needs two trailing commas removed and a missing comma inserted before the next
                sb.Append('[');
                for (int i = 0; sb.Length < size - 40; i++) sb.Append("{\"a\": ").Append(i % 10).Append(", \"b\": [1, 2,],} ");
                sb.Append(']');
                break;
            case "long-comma-run":
                // half the input is values, the other half one run of empty elements (refused: an empty element
                // has no safe reading), closed at the very end
                sb.Append('[');
                for (int i = 0; sb.Length < size / 2; i++) sb.Append(i % 10).Append(", ");
                sb.Append(',', Math.Max(1, size - sb.Length - 1));
                sb.Append(']');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }
        return sb.ToString();
    }
}
