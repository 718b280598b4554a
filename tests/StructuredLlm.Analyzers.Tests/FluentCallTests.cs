using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// A fluent call of this compilation (a method returning its receiver's type, given untrusted text) fills the object it
/// returns: a chain that never names the object in a variable still carries the text to the sink.
/// </summary>
public class FluentCallTests
{
    private const string Builder = """
        public class PromptText
        {
            private readonly StringBuilder _sb = new();
            public PromptText Add(string s) { _sb.AppendLine(s); return this; }
            public string Text => _sb.ToString();
            public override string ToString() => _sb.ToString();
        }
        """;

    [Theory]
    [InlineData("var p = new PromptText().Add(\"You help customers.\").Add(q); history.AddSystemMessage({|SLLM1001:p.ToString()|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:new PromptText().Add(q).Text|});")]
    [InlineData("var p = new PromptText(); history.AddSystemMessage({|SLLM1001:p.Add(\"Rules:\").Add(q).Text|});")]
    public Task A_chain_of_fluent_calls_carries_the_text_it_was_given(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body) + "\n" + Builder);

    [Fact]
    public Task A_chain_given_only_constants_is_clean() =>
        Verify.AnalyzerAsync(FlowTests.Code("history.AddSystemMessage(new PromptText().Add(\"You help customers.\").Add(\"Be brief.\").Text); history.AddUserMessage(q);") + "\n" + Builder);
}
