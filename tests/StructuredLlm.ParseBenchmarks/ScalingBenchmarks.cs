using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using StructuredLlm.Json;

namespace StructuredLlm.ParseBenchmarks;

/// <summary>
/// Scaling from 1 KB to 1 MB, clean and adversarial. <c>Parse</c> is the whole typed path (locate, strict read,
/// repair when needed, typed read of a LogBatch: the adversarial shapes end in a refusal after the repair);
/// <c>Repair</c> is <see cref="LlmJson.TryRepair(string, out string, out IReadOnlyList{LlmRepair}, out LlmError?)"/>.
/// The ns/B column divides the mean by the input size: it must not grow by more than 2× from 1 KB to 1 MB.
/// </summary>
public class ScalingBenchmarks
{
    private string _text = "";
    private byte[] _utf8 = Array.Empty<byte>();

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "clean";

    /// <summary>Every shape, or the comma-separated list in <c>SCALING_SHAPES</c> (e.g. <c>SCALING_SHAPES=clean</c>).</summary>
    public static IEnumerable<string> Shapes() =>
        Environment.GetEnvironmentVariable("SCALING_SHAPES") is { Length: > 0 } only
            ? only.Split(',')
            : new[] { "clean", "deep-nesting", "unclosed-strings", "comma-repairs", "long-comma-run" };

    [Params(1 << 10, 1 << 15, 1 << 20)]
    public int Size { get; set; } = 1 << 10;

    [GlobalSetup]
    public void Setup()
    {
        _text = Inputs.Scaling(Shape, Size);
        _utf8 = Encoding.UTF8.GetBytes(_text);
        var r = LogBatch.LlmInfo.Parse(_utf8.AsSpan());
        if ((Shape == "clean") != r.Success) throw new InvalidOperationException($"{Shape}/{Size}: unexpected {r}");
        bool repaired = LlmJson.TryRepair(_text, out _, out _, out var error);
        Console.WriteLine($"// {Shape} {Size}: {_utf8.Length} bytes, parse {(r.Success ? "ok" : "refused")}, repair {(repaired ? "ok" : "failed: " + error)}");
    }

    [Benchmark]
    public bool Parse() => LogBatch.LlmInfo.Parse(_utf8.AsSpan()).Success;

    [Benchmark]
    public bool Repair() => LlmJson.TryRepair(_text, out _, out _, out _);
}

/// <summary>Mean time divided by the Size parameter (only for benchmarks that have one).</summary>
internal sealed class NanosecondsPerByteColumn : IColumn
{
    public string Id => "NsPerByte";
    public string ColumnName => "ns/B";
    public bool AlwaysShow => false;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Mean time per input byte";

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(b => Size(b) is not null);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        return Size(benchmarkCase) is int size && stats is not null ? (stats.Mean / size).ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    private static int? Size(BenchmarkCase b) =>
        b.Parameters.Items.FirstOrDefault(p => p.Name == "Size")?.Value is int s ? s : null;
}

/// <summary>System.Text.Json (source-generated) on the clean scaling inputs: how much of the per-byte growth at
/// 1 MB is the object graph and the garbage collector rather than the parser.</summary>
public class ScalingStjBenchmarks
{
    private byte[] _utf8 = Array.Empty<byte>();

    [Params(1 << 10, 1 << 15, 1 << 20)]
    public int Size { get; set; } = 1 << 10;

    [GlobalSetup]
    public void Setup() => _utf8 = Encoding.UTF8.GetBytes(Inputs.Scaling("clean", Size));

    [Benchmark]
    public LogBatch? Stj_SourceGen() => System.Text.Json.JsonSerializer.Deserialize(_utf8, BenchJsonContext.Default.LogBatch);
}
