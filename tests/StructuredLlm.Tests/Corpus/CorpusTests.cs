using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using StructuredLlm.Json;
using StructuredLlm.Tests.Readers;

namespace StructuredLlm.Tests.Corpus;

/// <summary>
/// Scores the parser on Corpus/messy-outputs.jsonl: pass (expected object, or refusal when a refusal is
/// expected), safe fail (refused although an object was expected), silent wrong (returned an object that is
/// not the expected one, or any object when a refusal is expected). Silent wrong must be zero.
/// </summary>
public class CorpusTests
{
    internal static readonly JsonSerializerOptions Canonical = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    internal sealed record CorpusCase(string Id, string Category, string Schema, string Input, JsonNode? Expected, string Note);

    internal enum Verdict { Pass, SafeFail, SilentWrong }

    internal static List<CorpusCase> Load()
    {
        var list = new List<CorpusCase>();
        foreach (var line in File.ReadLines(TestPaths.InTests("Corpus/messy-outputs.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var o = JsonNode.Parse(line)!.AsObject();
            list.Add(new CorpusCase((string)o["id"]!, (string)o["category"]!, (string)o["schema"]!, (string)o["input"]!,
                o["expected"]?.DeepClone(), (string)o["note"]!));
        }
        return list;
    }

    /// <summary>Parses with the schema's reader; returns the value as canonical JSON (null when refused).</summary>
    internal static (string? Json, string Detail) ParseWithOurs(string schema, string input)
    {
        switch (schema)
        {
            case "SupportTicket":
            {
                var r = SupportTicketReader.Parse(input);
                return r.Success ? (JsonSerializer.Serialize(r.Value, Canonical), "") : (null, string.Join("; ", r.Errors));
            }
            case "Invoice":
            {
                var r = InvoiceReader.Parse(input);
                return r.Success ? (JsonSerializer.Serialize(r.Value, Canonical), "") : (null, string.Join("; ", r.Errors));
            }
            case "Sentiment":
            {
                var r = SentimentReader.Parse(input);
                return r.Success ? (JsonSerializer.Serialize(r.Value, Canonical), "") : (null, string.Join("; ", r.Errors));
            }
            default:
                throw new InvalidOperationException("unknown schema " + schema);
        }
    }

    internal static Verdict Judge(JsonNode? expected, string? actual)
    {
        if (expected is null) return actual is null ? Verdict.Pass : Verdict.SilentWrong;
        if (actual is null) return Verdict.SafeFail;
        var e = StripNulls(expected)!.ToJsonString();
        var a = StripNulls(JsonNode.Parse(actual))!.ToJsonString();
        return JsonValue.DeepEquals(e, a) ? Verdict.Pass : Verdict.SilentWrong;
    }

    private static JsonNode? StripNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (k, v) in o)
                {
                    if (v is not null) copy[k] = StripNulls(v);
                }
                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(x => StripNulls(x)).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    [Fact]
    public void Corpus_has_no_silent_wrong_results()
    {
        var cases = Load();
        Assert.True(cases.Count >= 100, "corpus too small");
        var results = cases.Select(c =>
        {
            var (json, detail) = ParseWithOurs(c.Schema, c.Input);
            return (Case: c, Verdict: Judge(c.Expected, json), Actual: json, Detail: detail);
        }).ToList();

        var md = new StringBuilder();
        md.AppendLine("| category | cases | pass | safe fail | silent wrong |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var g in results.GroupBy(r => r.Case.Category))
        {
            md.AppendLine($"| {g.Key} | {g.Count()} | {g.Count(r => r.Verdict == Verdict.Pass)} | {g.Count(r => r.Verdict == Verdict.SafeFail)} | {g.Count(r => r.Verdict == Verdict.SilentWrong)} |");
        }
        md.AppendLine($"| **all** | {results.Count} | {results.Count(r => r.Verdict == Verdict.Pass)} | {results.Count(r => r.Verdict == Verdict.SafeFail)} | {results.Count(r => r.Verdict == Verdict.SilentWrong)} |");
        md.AppendLine();
        md.AppendLine("Cases that did not pass:");
        md.AppendLine();
        foreach (var r in results.Where(r => r.Verdict != Verdict.Pass))
        {
            md.AppendLine($"- `{r.Case.Id}` ({r.Case.Note}): {(r.Verdict == Verdict.SafeFail ? "safe fail" : "SILENT WRONG")} — {(r.Actual ?? r.Detail).Replace("|", "\\|", StringComparison.Ordinal)}");
        }
        var report = md.ToString();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "parse-corpus.md"), report);
        TestContext.Current.TestOutputHelper?.WriteLine(report);

        Assert.True(results.All(r => r.Verdict != Verdict.SilentWrong), report);
        // regression guard: the corpus was at 100% pass minus the documented safe fails when this was written
        Assert.True(results.Count(r => r.Verdict == Verdict.Pass) >= results.Count * 0.9, report);
    }
}
