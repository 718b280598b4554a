using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// A tuple holds its elements side by side: a helper that builds the system prompt and the user message together
/// (<c>(string System, string User) Build(...)</c>) gives each position its own taint, so the untrusted user message in
/// its own position is no finding and the instructions built from untrusted text still are. Before, every element of a
/// tuple returned by a call carried the taint of all of them, mixed. A positional record is read the same way: each
/// positional property holds the argument its constructor got (a property the record declares itself does not).
/// </summary>
public class TupleElementTests
{
    private const string Helpers = """
        static (string Sys, string User) Plain(string q) => ("Be helpful.", q);
        static (string Sys, string User) Topical(string topic, string q) => ($"Only discuss {topic}.", q);
        static (string Sys, string User) Branches(string topic, string q, bool brief)
        {
            if (brief) return ("Be brief.", q);
            return ($"Discuss {topic}.", q);
        }
        static (string, string) ThroughLocal(string q) { var pair = ("Be helpful.", q); return pair; }
        static (string Sys, string User) Composed(string topic, string q) => Topical(topic, q);
        public record Parts(string Sys, string User);
        public record Derived(string Sys, string User) { public string Sys { get; init; } = User; }
        public record struct Pair(string Sys, string User);
        static Parts Build(string topic, string q) => new($"Only discuss {topic}.", q);
        static Parts PlainParts(string q) => new Parts("Be helpful.", q);
        """;

    [Theory]
    [InlineData("var (sys, user) = Plain(q); history.AddSystemMessage(sys); history.AddUserMessage(user);")]
    [InlineData("var t = Plain(q); history.AddSystemMessage(t.Sys); history.AddUserMessage(t.User);")]
    [InlineData("var t = Plain(q); history.AddSystemMessage(t.Item1); history.AddUserMessage(t.Item2);")]
    [InlineData("(string a, string b) = ThroughLocal(q); history.AddSystemMessage(a); history.AddUserMessage(b);")]
    [InlineData("var t = (\"Be helpful.\", q); history.AddSystemMessage(t.Item1); history.AddUserMessage(t.Item2);")]
    [InlineData("var (sys, user) = Plain(q); history.AddMessage(AuthorRole.System, sys); history.AddUserMessage(user);")]
    [InlineData("var p = new Parts(\"Be helpful.\", q); history.AddSystemMessage(p.Sys); history.AddUserMessage(p.User);")]
    [InlineData("var p = PlainParts(q); history.AddSystemMessage(p.Sys); history.AddUserMessage(p.User);")]
    [InlineData("var p = new Pair(\"x\", q); history.AddSystemMessage(p.Sys); history.AddUserMessage(p.User);")]
    // a choice between tuples keeps their positions
    [InlineData("var strict = q.Length > 3; var (sys, user) = strict ? (\"Be strict.\", q) : (\"Be lenient.\", q); history.AddSystemMessage(sys); history.AddUserMessage(user);")]
    [InlineData("var (sys, user) = q.Length switch { 0 => (\"Ask for input.\", \"\"), > 100 => throw new ArgumentException(\"long\"), _ => (\"Answer.\", q) }; history.AddSystemMessage(sys); history.AddUserMessage(user);")]
    public Task An_untrusted_element_in_its_own_position_does_not_taint_the_others(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Helpers));

    [Theory]
    [InlineData("var (sys, user) = Topical(ticket.Subject, q); history.AddSystemMessage({|SLLM1001:sys|}); history.AddUserMessage(user);")]
    [InlineData("var t = Topical(ticket.Subject, q); history.AddSystemMessage({|SLLM1001:t.Sys|}); history.AddUserMessage(t.User);")]
    [InlineData("var (sys, user) = Branches(ticket.Subject, q, true); history.AddSystemMessage({|SLLM1001:sys|}); history.AddUserMessage(user);")]
    [InlineData("var (sys, user) = Composed(ticket.Subject, q); history.AddSystemMessage({|SLLM1001:sys|}); history.AddUserMessage(user);")]
    [InlineData("(string Sys, string User) Local() => ($\"Only discuss {ticket.Subject}.\", q); var t = Local(); history.AddSystemMessage({|SLLM1001:t.Sys|}); history.AddUserMessage(t.User);")]
    [InlineData("var (a, b) = ThroughLocal(q); history.AddSystemMessage(a); history.AddSystemMessage({|SLLM1001:b|});")]
    [InlineData("var t = (\"x\", \"y\"); t.Item1 = q; history.AddSystemMessage({|SLLM1001:t.Item1|});")]
    [InlineData("var t = (ticket.Subject, \"y\"); t.Item2 = q; history.AddSystemMessage({|SLLM1001:t.Item2|});")]
    [InlineData("var t = Plain(q); history.AddSystemMessage({|SLLM1001:$\"Context: {t}\"|});")]
    [InlineData("var ((a, b), c) = (Plain(q), q); history.AddSystemMessage({|SLLM1001:b|}); history.AddSystemMessage({|SLLM1001:c|});")]
    [InlineData("var p = Build(ticket.Subject, q); history.AddSystemMessage({|SLLM1001:p.Sys|}); history.AddUserMessage(p.User);")]
    [InlineData("var p = new Derived(\"Be helpful.\", q); history.AddSystemMessage({|SLLM1001:p.Sys|});")]
    [InlineData("var p = new Pair(\"x\", \"y\"); p.Sys = q; history.AddSystemMessage({|SLLM1001:p.Sys|});")]
    [InlineData("var p = new Pair(\"x\", q); var (a, b) = p; history.AddSystemMessage({|SLLM1001:a|});")]
    [InlineData("var p = new Parts(\"x\", \"y\") { Sys = q }; history.AddSystemMessage({|SLLM1001:p.Sys|});")]
    [InlineData("var (sys, user) = q.Length > 3 ? (\"Be strict.\", q) : ($\"Discuss {ticket.Subject}.\", q); history.AddSystemMessage({|SLLM1001:sys|}); history.AddUserMessage(user);")]
    public Task An_untrusted_element_still_reaches_the_sink_it_is_given_to(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Helpers));
}
