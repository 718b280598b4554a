using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Sinks created by a target-typed <c>new(...)</c> whose type only its context gives (an object-initializer member, a
/// field, a conditional or <c>??</c> branch, an async return, a callee's member assignment) are found: the sink index, which
/// decides from syntax which blocks and callees may reach a sink, must not cut any of them. A constructor of this
/// compilation that puts a parameter into a sink (a wrapper that builds the prompt; for a primary constructor, in a member
/// initializer) makes its argument a sink too.
/// </summary>
public class TargetTypedNewFlowTests
{
    private const string Types = """
        public class Prompt
        {
            public Prompt(string text) => new ChatHistory().AddSystemMessage(text);
        }
        public class Agent
        {
            readonly ChatHistory _history;
            public Agent(string persona, int turns)
            {
                _history = new ChatHistory($"You are {persona}. Answer in {turns} turns.");
            }
        }
        public class PrimaryAgent(string persona)
        {
            readonly ChatHistory _history = new ChatHistory("You are " + persona);
        }
        public class Holder
        {
            public ChatMessage? Message;
            public Prompt? Prompt;
        }
        """;

    // In the block and through a callee.
    [Theory]
    [InlineData("var h = new Holder { Message = new(ChatRole.System, {|SLLM1001:q|}) };", "")]
    [InlineData("_message = q.Length > 0 ? new(ChatRole.System, {|SLLM1001:q|}) : null;", "ChatMessage? _message;")]
    [InlineData("ChatMessage m = _message ?? new(ChatRole.System, {|SLLM1001:q|});", "ChatMessage? _message;")]
    [InlineData("_ = await Make({|SLLM1001:q|});", "static async Task<ChatMessage> Make(string s) { await Task.Yield(); return new(ChatRole.System, s); }")]
    [InlineData("Fill(new Holder(), {|SLLM1001:q|});", "static void Fill(Holder h, string s) { h.Message = s.Length > 0 ? new(ChatRole.System, s) : null; }")]
    public Task Sinks_created_by_a_target_typed_new_are_found(string body, string members) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, members) + "\n" + Types);

    // Explicit or target-typed, with a body, an expression body or a primary constructor's member initializer.
    [Theory]
    [InlineData("_ = new Prompt({|SLLM1001:q|});")]
    [InlineData("Prompt p = new({|SLLM1001:q|});")]
    [InlineData("var h = new Holder { Prompt = new({|SLLM1001:q|}) };")]
    [InlineData("_ = new Agent({|SLLM1001:q|}, 3);")]
    [InlineData("_ = new PrimaryAgent({|SLLM1001:q|});")]
    public Task Arguments_a_constructor_of_this_compilation_puts_into_a_sink_are_found(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body) + "\n" + Types);

    [Fact]
    public async Task The_message_names_the_constructor_the_flow_goes_through()
    {
        var diagnostics = await Verify.RunAsync(FlowTests.Code("_ = new Agent(q, 3);") + "\n" + Types);
        var d = Assert.Single(diagnostics);
        Assert.Equal("SLLM1001", d.Id);
        Assert.Equal("'q' (query string) flows into the system message (through 'Agent')", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
