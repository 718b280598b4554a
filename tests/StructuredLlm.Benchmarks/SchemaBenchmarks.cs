using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.AI;

namespace StructuredLlm.Benchmarks;

/// <summary>Getting SupportTicket's JSON Schema, warm (steady state, allocations).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SchemaWarmBenchmarks
{
    [Benchmark(Baseline = true, Description = "StructuredLlm LlmInfo.GetJsonSchema")]
    public string Ours() => SupportTicket.LlmInfo.GetJsonSchema(LlmSchemaProfile.OpenAIStrict);

    [Benchmark(Description = "StructuredLlm LlmInfo.GetResponseFormat")]
    public ChatResponseFormatJson OursResponseFormat() => SupportTicket.LlmInfo.GetResponseFormat(LlmSchemaProfile.OpenAIStrict);

    [Benchmark(Description = "MEAI AIJsonUtilities.CreateJsonSchema")]
    public JsonElement Meai() => AIJsonUtilities.CreateJsonSchema(typeof(SupportTicket));

    [Benchmark(Description = "NJsonSchema JsonSchema.FromType")]
    public NJsonSchema.JsonSchema NJson() => NJsonSchema.JsonSchema.FromType<SupportTicket>();
}

/// <summary>
/// The first call in a fresh process: each launch is a new process and measures one invocation with no
/// warm-up or jitting stage, so type loading, JIT and any reflection are included.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class SchemaFirstCallBenchmarks
{
    [Benchmark(Baseline = true, Description = "StructuredLlm LlmInfo.GetJsonSchema")]
    public string Ours() => SupportTicket.LlmInfo.GetJsonSchema(LlmSchemaProfile.OpenAIStrict);

    [Benchmark(Description = "MEAI AIJsonUtilities.CreateJsonSchema")]
    public JsonElement Meai() => AIJsonUtilities.CreateJsonSchema(typeof(SupportTicket));

    [Benchmark(Description = "NJsonSchema JsonSchema.FromType")]
    public NJsonSchema.JsonSchema NJson() => NJsonSchema.JsonSchema.FromType<SupportTicket>();
}
