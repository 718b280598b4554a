using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// A record copied with <c>with { Member = value }</c>: that member of the copy holds only the value set, where nothing
/// can change it afterwards (an init-only property, a readonly field, a struct copy); every other member keeps the
/// source's taint.
/// </summary>
public class WithExpressionTests
{
    private const string Types = """
        public record AskRequest(string Persona, string Question);
        public record struct AskValue(string Persona, string Question);
        public record Mutable(string Question) { public string Persona { get; set; } = ""; }
        """;

    [Theory]
    [InlineData("var safe = r with { Persona = \"a helpful assistant\" }; history.AddSystemMessage(\"You are \" + safe.Persona);")]
    [InlineData("var safe = r with { Persona = Pick(r.Persona) }; history.AddSystemMessage(safe.Persona);")]
    [InlineData("AskRequest safe; safe = r with { Persona = \"x\", Question = \"y\" }; history.AddSystemMessage(safe.Persona + safe.Question);")]
    [InlineData("var safe = v with { Persona = \"x\" }; history.AddSystemMessage(safe.Persona);")]
    public Task A_member_replaced_by_clean_text_is_clean(string body) =>
        Verify.AnalyzerAsync(Code(body));

    [Theory]
    [InlineData("var safe = r with { Persona = \"x\" }; history.AddSystemMessage({|SLLM1001:safe.Question|});")]
    [InlineData("var safe = r with { Persona = r.Question }; history.AddSystemMessage({|SLLM1001:safe.Persona|});")]
    [InlineData("var safe = r with { Persona = \"x\" }; if (r.Question.Length > 3) safe = r; history.AddSystemMessage({|SLLM1001:safe.Persona|});")]
    [InlineData("var safe = m with { Persona = \"x\" }; history.AddSystemMessage({|SLLM1001:safe.Persona|});")]
    [InlineData("var safe = r with { Persona = \"x\" }; history.AddSystemMessage({|SLLM1001:safe.ToString()|});")]
    public Task Other_members_a_tainted_replacement_and_mutable_members_stay_tainted(string body) =>
        Verify.AnalyzerAsync(Code(body));

    private static string Code(string body) => Verify.Usings + Types + $$"""

        public class C
        {
            ChatHistory history = new();
            static string Pick(string p) => p == "pirate" ? "a pirate" : "an assistant";
            public void M([FromBody] AskRequest r, [FromBody] AskValue v, [FromBody] Mutable m)
            {
                {{body}}
            }
        }
        """;
}
