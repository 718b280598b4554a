using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using StructuredLlm.Json;

namespace StructuredLlm.ParseBenchmarks;

/// <summary>
/// Messy input → object, per document: the ~300-byte responses of Inputs/messy.json (a fenced answer with
/// PascalCase keys and trailing commas; prose around an answer with an unquoted key, single quotes, a comment
/// and a trailing comma). The same documents are timed for BAML and jsonrepair + JSON.parse on node by
/// eng/side-by-side/bench-node.js.
/// </summary>
public class MessyBenchmarks
{
    private string _text = "";
    private byte[] _utf8 = Array.Empty<byte>();

    [Params("fenced", "prose")]
    public string Doc { get; set; } = "fenced";

    [GlobalSetup]
    public void Setup()
    {
        _text = Inputs.Messy(Doc);
        _utf8 = Encoding.UTF8.GetBytes(_text);
        var r = Ticket.LlmInfo.Parse(_text);
        if (!r.Success || Inputs.Clean(r.Value) != Inputs.Clean(Inputs.Ticket))
        {
            throw new InvalidOperationException($"{Doc}: did not read the expected ticket: {r}");
        }
        Console.WriteLine($"// {Doc}: {_utf8.Length} bytes, {r.Repairs.Count} repairs");
    }

    [Benchmark(Baseline = true)]
    public Ticket? Ours_String() => Ticket.LlmInfo.Parse(_text).Value;

    [Benchmark]
    public Ticket? Ours_Utf8() => Ticket.LlmInfo.Parse(_utf8.AsSpan()).Value;

    /// <summary>The schema-less repair alone (no typed read), for reference.</summary>
    [Benchmark]
    public string Repair_Only() => LlmJson.Repair(_text);
}
