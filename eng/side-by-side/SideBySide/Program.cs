using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace SideBySide;

/// <summary>
/// Scores three parsers on tests/StructuredLlm.Tests/Corpus/messy-outputs.jsonl with the rules of
/// CorpusTests: pass (the expected object, or a refusal when one is expected), safe fail (refused although an
/// object was expected), silent wrong (an object other than the expected one, or any object when a refusal is
/// expected). Ours and MEAI's <see cref="ChatResponse{T}"/> run here; BAML's answers are read from
/// out/baml.jsonl, written by ../baml-score.js. Usage: SideBySide &lt;repo root&gt; &lt;markdown output&gt;.
/// </summary>
internal static class Program
{
    // How the expected objects are written in the corpus: camelCase keys and enum names, nulls dropped.
    private static readonly JsonSerializerOptions s_canonical = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    // What a MEAI user gets by default (GetResponseAsync<T> uses AIJsonUtilities.DefaultOptions: web defaults,
    // camelCase, case-insensitive names, string enums).
    private static readonly JsonSerializerOptions s_meai = AIJsonUtilities.DefaultOptions;

    // BAML's values are plain JSON with BAML's enum spelling; read them into the C# types leniently only to
    // normalise spelling (enum case, 150 vs 150.0), never to fill anything in.
    private static readonly JsonSerializerOptions s_bamlReader = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private enum Verdict { Pass, SafeFail, SilentWrong }

    private sealed record Case(string Id, string Category, string Schema, string Input, JsonNode? Expected, string Note);

    private static int Main(string[] args)
    {
        string repo = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../.."));
        string output = args.Length > 1 ? args[1] : Path.Combine(repo, "eng/side-by-side/out/side-by-side.md");
        var cases = Load(Path.Combine(repo, "tests/StructuredLlm.Tests/Corpus/messy-outputs.jsonl"));
        var baml = LoadBaml(Path.Combine(repo, "eng/side-by-side/out/baml.jsonl"));

        var parsers = new List<(string Name, Func<Case, (string? Json, string Detail)> Run)>
        {
            ("StructuredLlm", Ours),
            ("MEAI ChatResponse<T>.TryGetResult", Meai),
        };
        if (baml is not null) parsers.Add(("BAML b.parse (0.226.2)", c => Baml(baml, c)));
        else Console.Error.WriteLine("out/baml.jsonl not found: run ../baml-score.js first (BAML column skipped)");

        var md = new StringBuilder();
        var categories = cases.Select(c => c.Category).Distinct().ToList();
        var all = new Dictionary<string, List<(Case Case, Verdict Verdict, string? Actual, string Detail)>>();
        foreach (var (name, run) in parsers)
        {
            all[name] = cases.Select(c =>
            {
                var (json, detail) = run(c);
                return (c, Judge(c.Expected, json), json, detail);
            }).ToList();
        }

        md.AppendLine("| category | cases | " + string.Join(" | ", parsers.Select(p => p.Name + " pass / safe fail / **silent wrong**")) + " |");
        md.AppendLine("|---|---:|" + string.Join("|", parsers.Select(_ => "---:")) + "|");
        foreach (var cat in categories.Append("all"))
        {
            int n = cases.Count(c => cat == "all" || c.Category == cat);
            var cells = parsers.Select(p =>
            {
                var rs = all[p.Name].Where(r => cat == "all" || r.Case.Category == cat).ToList();
                return $"{rs.Count(r => r.Verdict == Verdict.Pass)} / {rs.Count(r => r.Verdict == Verdict.SafeFail)} / **{rs.Count(r => r.Verdict == Verdict.SilentWrong)}**";
            });
            md.AppendLine($"| {(cat == "all" ? "**all**" : cat)} | {n} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
        foreach (var (name, _) in parsers)
        {
            md.AppendLine($"#### {name}: cases that did not pass");
            md.AppendLine();
            foreach (var r in all[name].Where(r => r.Verdict != Verdict.Pass))
            {
                string what = r.Verdict == Verdict.SafeFail ? "safe fail" : "SILENT WRONG";
                string detail = (r.Actual ?? r.Detail).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
                if (detail.Length > 220) detail = detail[..220] + "…";
                md.AppendLine($"- `{r.Case.Id}` ({r.Case.Note}): {what} — {detail}");
            }
            md.AppendLine();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, md.ToString());
        Console.WriteLine(md.ToString());
        return 0;
    }

    private static (string? Json, string Detail) Ours(Case c) => c.Schema switch
    {
        "SupportTicket" => Result(SupportTicket.LlmInfo.Parse(c.Input)),
        "Invoice" => Result(Invoice.LlmInfo.Parse(c.Input)),
        "Sentiment" => Result(Sentiment.LlmInfo.Parse(c.Input)),
        _ => throw new InvalidOperationException(c.Schema),
    };

    private static (string? Json, string Detail) Result<T>(StructuredLlm.Json.LlmResult<T> r) =>
        r.Success ? (JsonSerializer.Serialize(r.Value, s_canonical), "") : (null, string.Join("; ", r.Errors));

    private static (string? Json, string Detail) Meai(Case c) => c.Schema switch
    {
        "SupportTicket" => MeaiAs<SupportTicket>(c.Input),
        "Invoice" => MeaiAs<Invoice>(c.Input),
        "Sentiment" => MeaiAs<Sentiment>(c.Input),
        _ => throw new InvalidOperationException(c.Schema),
    };

    private static (string? Json, string Detail) MeaiAs<T>(string text)
    {
        try
        {
            var response = new ChatResponse<T>(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)), s_meai);
            return response.TryGetResult(out T? value) && value is not null
                ? (JsonSerializer.Serialize(value, s_canonical), "")
                : (null, "TryGetResult returned false");
        }
        catch (Exception e) // TryGetResult is documented not to throw; count it as a refusal if it does
        {
            return (null, "threw " + e.GetType().Name);
        }
    }

    private static (string? Json, string Detail) Baml(Dictionary<string, JsonObject> baml, Case c)
    {
        if (!baml.TryGetValue(c.Id, out var line)) return (null, "no BAML result");
        if (line["value"] is not JsonNode value) return (null, (string?)line["error"] ?? "error");
        try
        {
            string raw = value.ToJsonString();
            return c.Schema switch
            {
                "SupportTicket" => (JsonSerializer.Serialize(JsonSerializer.Deserialize<SupportTicket>(raw, s_bamlReader), s_canonical), ""),
                "Invoice" => (JsonSerializer.Serialize(JsonSerializer.Deserialize<Invoice>(raw, s_bamlReader), s_canonical), ""),
                "Sentiment" => (JsonSerializer.Serialize(JsonSerializer.Deserialize<Sentiment>(raw, s_bamlReader), s_canonical), ""),
                _ => throw new InvalidOperationException(c.Schema),
            };
        }
        catch (JsonException e)
        {
            // BAML returned an object that does not even fit the C# type (e.g. a date in another format): it
            // still returned data, so compare its raw JSON (this can only be a pass if it equals the expected).
            return (value.ToJsonString(), "unreadable as C#: " + e.Message);
        }
    }

    private static Verdict Judge(JsonNode? expected, string? actual)
    {
        if (expected is null) return actual is null ? Verdict.Pass : Verdict.SilentWrong;
        if (actual is null) return Verdict.SafeFail;
        return JsonNode.DeepEquals(StripNulls(expected), StripNulls(JsonNode.Parse(actual))) ? Verdict.Pass : Verdict.SilentWrong;
    }

    private static JsonNode? StripNulls(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, StripNulls(p.Value)))),
        JsonArray a => new JsonArray(a.Select(StripNulls).ToArray()),
        _ => node?.DeepClone(),
    };

    private static List<Case> Load(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l =>
        {
            var o = JsonNode.Parse(l)!.AsObject();
            return new Case((string)o["id"]!, (string)o["category"]!, (string)o["schema"]!, (string)o["input"]!, o["expected"]?.DeepClone(), (string)o["note"]!);
        }).ToList();

    private static Dictionary<string, JsonObject>? LoadBaml(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(o => (string)o["id"]!)
            : null;
}
