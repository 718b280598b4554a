using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>Queues, stacks, linked lists, sets and channels hold what is put into them, as a list does.</summary>
public class ProducerConsumerCollectionTests
{
    [Theory]
    [InlineData("var queue = new Queue<string>(); queue.Enqueue(q); history.AddSystemMessage({|SLLM1001:queue.Dequeue()|});")]
    [InlineData("var stack = new Stack<string>(); stack.Push(q); history.AddSystemMessage({|SLLM1001:\"Rules: \" + stack.Pop()|});")]
    [InlineData("var cq = new System.Collections.Concurrent.ConcurrentQueue<string>(); cq.Enqueue(q); if (cq.TryDequeue(out var item)) history.AddSystemMessage({|SLLM1001:item|});")]
    [InlineData("var list = new LinkedList<string>(); list.AddLast(q); history.AddSystemMessage({|SLLM1001:list.First!.Value|});")]
    [InlineData("var set = new HashSet<string>(); set.Add(q); history.AddSystemMessage({|SLLM1001:string.Join(\", \", set)|});")]
    [InlineData("var dict = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(); dict.TryAdd(\"k\", q); history.AddSystemMessage({|SLLM1001:dict[\"k\"]|});")]
    [InlineData("var ch = System.Threading.Channels.Channel.CreateUnbounded<string>(); await ch.Writer.WriteAsync(q); var item = await ch.Reader.ReadAsync(); history.AddSystemMessage({|SLLM1001:item|});")]
    [InlineData("var ch = System.Threading.Channels.Channel.CreateUnbounded<string>(); ch.Writer.TryWrite(q); await foreach (var item in ch.Reader.ReadAllAsync()) history.AddSystemMessage({|SLLM1001:item|});")]
    [InlineData("var ch = System.Threading.Channels.Channel.CreateBounded<string>(8); var writer = ch.Writer; await writer.WriteAsync(ticket.Body); if (ch.Reader.TryRead(out var item)) history.AddSystemMessage({|SLLM1001:item|});")]
    public Task What_is_put_in_comes_out(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body));

    [Theory]
    [InlineData("var queue = new Queue<string>(); queue.Enqueue(\"Be brief.\"); history.AddSystemMessage(queue.Dequeue());")]
    [InlineData("var ch = System.Threading.Channels.Channel.CreateUnbounded<string>(); await ch.Writer.WriteAsync(q); history.AddUserMessage(await ch.Reader.ReadAsync());")]
    [InlineData("var counts = new Queue<int>(); counts.Enqueue(q.Length); history.AddSystemMessage($\"{counts.Peek()} chars\");")]
    // a query is no put: the set keeps its own items
    [InlineData("var seen = new HashSet<string> { \"a\" }; if (!seen.Contains(q)) { history.AddUserMessage(q); } history.AddSystemMessage(string.Join(\", \", seen));")]
    [InlineData("var order = new List<string> { \"a\" }; var at = order.IndexOf(q); history.AddSystemMessage(order[0] + at);")]
    public Task Not_a_finding(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body));
}
