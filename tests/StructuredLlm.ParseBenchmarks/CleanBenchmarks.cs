using System;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;

namespace StructuredLlm.ParseBenchmarks;

/// <summary>
/// Clean JSON → object. System.Text.Json with a source-generated context is the baseline; ours also checks the
/// DataAnnotations constraints and reports repairs/unknown members; MEAI's <see cref="ChatResponse{T}"/> is what
/// <c>GetResponseAsync&lt;T&gt;</c> hands back, wrapping a ChatResponse around the text (built per call, as it
/// is in real use) and deserialising with the same source-generated options.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CleanBenchmarks
{
    private string _ticketText = "";
    private byte[] _ticketUtf8 = Array.Empty<byte>();
    private string _orderText = "";
    private byte[] _orderUtf8 = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _ticketText = Inputs.Clean(Inputs.Ticket);
        _ticketUtf8 = Encoding.UTF8.GetBytes(_ticketText);
        _orderText = Inputs.Clean(Inputs.Order);
        _orderUtf8 = Encoding.UTF8.GetBytes(_orderText);
        Console.WriteLine($"// ticket: {_ticketUtf8.Length} bytes, order: {_orderUtf8.Length} bytes");

        // every contender must read the same value, or the comparison means nothing
        Check("ticket ours utf8", Same(Inputs.Ticket, Ticket_Ours_Utf8()));
        Check("ticket ours string", Same(Inputs.Ticket, Ticket_Ours_String()));
        Check("ticket stj", Same(Inputs.Ticket, Ticket_Stj_SourceGen()));
        Check("ticket newtonsoft", Same(Inputs.Ticket, Ticket_Newtonsoft()));
        Check("ticket meai", Same(Inputs.Ticket, Ticket_Meai()));
        Check("order ours utf8", Same(Inputs.Order, Order_Ours_Utf8()));
        Check("order ours string", Same(Inputs.Order, Order_Ours_String()));
        Check("order stj", Same(Inputs.Order, Order_Stj_SourceGen()));
        Check("order newtonsoft", Same(Inputs.Order, Order_Newtonsoft()));
        Check("order meai", Same(Inputs.Order, Order_Meai()));
    }

    private static bool Same<T>(T expected, T? actual) =>
        actual is not null && Inputs.Clean(expected) == Inputs.Clean(actual);

    private static void Check(string what, bool ok)
    {
        if (!ok) throw new InvalidOperationException(what + " did not read the expected value");
    }

    [BenchmarkCategory("Ticket ~300 B"), Benchmark(Baseline = true)]
    public Ticket? Ticket_Stj_SourceGen() => JsonSerializer.Deserialize(_ticketUtf8, BenchJsonContext.Default.Ticket);

    [BenchmarkCategory("Ticket ~300 B"), Benchmark]
    public Ticket? Ticket_Ours_Utf8() => Ticket.LlmInfo.Parse(_ticketUtf8.AsSpan()).Value;

    [BenchmarkCategory("Ticket ~300 B"), Benchmark]
    public Ticket? Ticket_Ours_String() => Ticket.LlmInfo.Parse(_ticketText).Value;

    [BenchmarkCategory("Ticket ~300 B"), Benchmark]
    public Ticket? Ticket_Stj_SourceGen_String() => JsonSerializer.Deserialize(_ticketText, BenchJsonContext.Default.Ticket);

    [BenchmarkCategory("Ticket ~300 B"), Benchmark]
    public Ticket? Ticket_Newtonsoft() => Newtonsoft.Json.JsonConvert.DeserializeObject<Ticket>(_ticketText);

    [BenchmarkCategory("Ticket ~300 B"), Benchmark]
    public Ticket? Ticket_Meai()
    {
        var response = new ChatResponse<Ticket>(new ChatResponse(new ChatMessage(ChatRole.Assistant, _ticketText)), BenchJsonContext.Default.Options);
        return response.TryGetResult(out Ticket? result) ? result : null;
    }

    [BenchmarkCategory("Order ~2 KB"), Benchmark(Baseline = true)]
    public Order? Order_Stj_SourceGen() => JsonSerializer.Deserialize(_orderUtf8, BenchJsonContext.Default.Order);

    [BenchmarkCategory("Order ~2 KB"), Benchmark]
    public Order? Order_Ours_Utf8() => Order.LlmInfo.Parse(_orderUtf8.AsSpan()).Value;

    [BenchmarkCategory("Order ~2 KB"), Benchmark]
    public Order? Order_Ours_String() => Order.LlmInfo.Parse(_orderText).Value;

    [BenchmarkCategory("Order ~2 KB"), Benchmark]
    public Order? Order_Stj_SourceGen_String() => JsonSerializer.Deserialize(_orderText, BenchJsonContext.Default.Order);

    [BenchmarkCategory("Order ~2 KB"), Benchmark]
    public Order? Order_Newtonsoft() => Newtonsoft.Json.JsonConvert.DeserializeObject<Order>(_orderText);

    [BenchmarkCategory("Order ~2 KB"), Benchmark]
    public Order? Order_Meai()
    {
        var response = new ChatResponse<Order>(new ChatResponse(new ChatMessage(ChatRole.Assistant, _orderText)), BenchJsonContext.Default.Options);
        return response.TryGetResult(out Order? result) ? result : null;
    }
}
