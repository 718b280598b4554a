using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Delegates stored in fields and properties: a call of the member runs the lambdas (or methods) assigned to it, so
/// untrusted text given to the call reaches the sinks their bodies put their parameters into (reported at the call,
/// "through" the member, as for a method's parameter sink).
/// </summary>
public class DelegateMemberTests
{
    private static string Code(string members, string body) => Verify.Usings + $$"""
        public class C(IChatClient chat, ChatHistory history)
        {
            {{members}}
            public async Task M([FromQuery] string q, HttpRequest request)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("private readonly Action<string> _rules = r => history.AddSystemMessage(r);", "_rules({|SLLM1001:q|});")]
    [InlineData("private readonly Action<string> _rules = r => history.AddSystemMessage(r);", "_rules.Invoke({|SLLM1001:\"Rules: \" + q|});")]
    [InlineData("private readonly Action<string> _rules = r => history.AddSystemMessage(r);", "_rules?.Invoke({|SLLM1001:q|});")]
    [InlineData("private Action<string> Rules { get; } = r => history.AddSystemMessage(\"Rules: \" + r);", "Rules({|SLLM1001:request.Query[\"q\"]!|});")]
    [InlineData("private readonly Func<string, Task> _ask = async p => await chat.GetResponseAsync([new ChatMessage(ChatRole.System, p)]);", "await _ask({|SLLM1001:q|});")]
    [InlineData("private readonly Func<string, Task<ChatResponse>> _ask = p => chat.GetResponseAsync($\"Summarise: {p}\");", "await _ask({|SLLM1002:q|});")]
    // a method group stored in the field, and a lambda assigned in another member
    [InlineData("private Action<string> _rules = null!; void SetRules(string r) => history.AddSystemMessage(r); public void Init() { _rules = SetRules; }", "_rules({|SLLM1001:q|});")]
    [InlineData("private Action<string>? _onRules; public void Init() { _onRules = r => history.AddSystemMessage(r); }", "_onRules?.Invoke({|SLLM1001:q|});")]
    // a field-like event raised with the text runs the handlers its type subscribed
    [InlineData("public event Action<string>? Received; public void Wire() { Received += t => history.AddSystemMessage(t); }", "Received?.Invoke({|SLLM1001:q|});")]
    [InlineData("public event Action<string>? Received; void OnText(string t) => history.AddSystemMessage(\"Note: \" + t); public void Wire() { Received += OnText; }", "Received?.Invoke({|SLLM1001:q|});")]
    // a static field, called from a helper the request handler passes the text to
    [InlineData("static Action<ChatHistory, string> s_rules = (h, r) => h.AddSystemMessage(r); void Ask(string text) => s_rules(history, text);", "Ask({|SLLM1001:q|});")]
    public Task A_call_of_a_stored_delegate_reaches_its_sinks(string members, string body) =>
        Verify.AnalyzerAsync(Code(members, body));

    [Theory]
    // the lambda puts its parameter into a user message of its own, or gets only constants
    [InlineData("private readonly Action<string> _ask = r => history.AddUserMessage(r);", "_ask(q);")]
    [InlineData("private readonly Action<string> _rules = r => history.AddSystemMessage(r);", "_rules(\"Be brief.\");")]
    [InlineData("private readonly Action<string> _rules = r => history.AddSystemMessage(\"Be brief.\");", "_rules(q);")]
    [InlineData("private readonly Action<string> _rules = r => history.AddSystemMessage(r);", "_rules(int.Parse(q).ToString());")]
    public Task Not_a_finding(string members, string body) =>
        Verify.AnalyzerAsync(Code(members, body));
}
