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
        public record AskRequest(string Persona, string Question) { public string Prompt => Persona + ": " + Question; }
        public record struct AskValue(string Persona, string Question);
        public record Mutable(string Question) { public string Persona { get; set; } = ""; }
        public record Nominal { public string Persona { get; init; } = ""; public string Question { get; init; } = ""; public string Both { get { return Persona + Question; } } }
        public class Holder { public string Persona { get; set; } = ""; public string Question { get; set; } = ""; public string Both => Persona + Question; }
        """;

    [Theory]
    [InlineData("var safe = r with { Persona = \"a helpful assistant\" }; history.AddSystemMessage(\"You are \" + safe.Persona);")]
    [InlineData("var safe = r with { Persona = Pick(r.Persona) }; history.AddSystemMessage(safe.Persona);")]
    [InlineData("AskRequest safe; safe = r with { Persona = \"x\", Question = \"y\" }; history.AddSystemMessage(safe.Persona + safe.Question);")]
    [InlineData("var safe = v with { Persona = \"x\" }; history.AddSystemMessage(safe.Persona);")]
    // read straight off the copy, with no local in between; and off a tuple literal
    [InlineData("history.AddSystemMessage((r with { Persona = \"a helpful assistant\" }).Persona);")]
    [InlineData("history.AddSystemMessage((Base with { Question = r.Question }).Persona);")]
    [InlineData("history.AddSystemMessage((\"Be brief.\", r.Question).Item1);")]
    public Task A_member_replaced_by_clean_text_is_clean(string body) =>
        Verify.AnalyzerAsync(Code(body));

    [Theory]
    [InlineData("var safe = r with { Persona = \"x\" }; history.AddSystemMessage({|SLLM1001:safe.Question|});")]
    [InlineData("var safe = r with { Persona = r.Question }; history.AddSystemMessage({|SLLM1001:safe.Persona|});")]
    [InlineData("var safe = r with { Persona = \"x\" }; if (r.Question.Length > 3) safe = r; history.AddSystemMessage({|SLLM1001:safe.Persona|});")]
    [InlineData("var safe = m with { Persona = \"x\" }; history.AddSystemMessage({|SLLM1001:safe.Persona|});")]
    [InlineData("var safe = r with { Persona = \"x\" }; history.AddSystemMessage({|SLLM1001:safe.ToString()|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:(r with { Persona = \"x\" }).Question|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:(Base with { Persona = r.Question }).Persona|});")]
    public Task Other_members_a_tainted_replacement_and_mutable_members_stay_tainted(string body) =>
        Verify.AnalyzerAsync(Code(body));

    /// <summary>
    /// A copy of the app's own record given one untrusted member: its other members hold what the copied record held,
    /// the app's text (a positional record, a nominal init-only one, a struct), not the untrusted value.
    /// </summary>
    [Theory]
    [InlineData("var parts = Base with { Question = r.Question }; history.AddSystemMessage(parts.Persona);")]
    [InlineData("var c = new Nominal { Persona = \"Be brief.\" } with { Question = r.Question }; history.AddSystemMessage(c.Persona);")]
    [InlineData("var c = new AskValue(\"Be brief.\", \"\") with { Question = r.Question }; history.AddSystemMessage(\"Rules: \" + c.Persona);")]
    public Task Members_a_copy_does_not_set_keep_what_the_copied_record_held(string body) =>
        Verify.AnalyzerAsync(Code(body));

    [Theory]
    [InlineData("var parts = Base with { Question = r.Question }; history.AddSystemMessage({|SLLM1001:parts.Question|});")]
    [InlineData("var parts = r with { Question = \"\" }; history.AddSystemMessage({|SLLM1001:parts.Persona|});")]
    [InlineData("var c = new Nominal { Persona = r.Persona } with { Question = \"x\" }; history.AddSystemMessage({|SLLM1001:c.Persona|});")]
    // A computed member is no copied value: it is worked out from the members, the one set by the copy among them.
    [InlineData("var c = Base with { Question = r.Question }; history.AddSystemMessage({|SLLM1001:c.Prompt|});")]
    [InlineData("var c = new Nominal() with { Question = r.Question }; history.AddSystemMessage({|SLLM1001:c.Both|});")]
    public Task Members_of_a_copy_of_untrusted_data_stay_untrusted(string body) =>
        Verify.AnalyzerAsync(Code(body));

    /// <summary>
    /// An object created with an initializer (<c>new T { A = clean, B = q }</c>) and held in a local assigned only that
    /// object: a member the initializer set holds what it was given, not what the other members hold (a library's options
    /// or context object built with the instructions beside the user's messages).
    /// </summary>
    [Theory]
    [InlineData("var c = new Mutable(r.Question) { Persona = \"Be brief.\" }; history.AddSystemMessage(c.Persona);")]
    [InlineData("var c = new Holder { Persona = \"Be brief.\", Question = r.Question }; history.AddSystemMessage(\"Rules: \" + c.Persona);")]
    [InlineData("var o = new ChatOptions { Instructions = \"Be brief.\", ConversationId = r.Question }; history.AddSystemMessage(o.Instructions!);")]
    [InlineData("history.AddSystemMessage(new Holder { Persona = \"Be brief.\", Question = r.Question }.Persona);")]
    public Task A_member_an_initializer_set_to_clean_text_is_clean(string body) =>
        Verify.AnalyzerAsync(Code(body));

    [Theory]
    [InlineData("var c = new Holder { Persona = r.Question }; history.AddSystemMessage({|SLLM1001:c.Persona|});")]
    [InlineData("var c = new Mutable(r.Question) { Persona = \"x\" }; history.AddSystemMessage({|SLLM1001:c.Question|});")]
    [InlineData("var c = new Holder { Persona = \"x\", Question = r.Question }; c.Persona = r.Persona; history.AddSystemMessage({|SLLM1001:c.Persona|});")]
    [InlineData("var c = new Holder { Persona = \"x\", Question = r.Question }; if (r.Persona.Length > 3) c = new Holder { Persona = r.Persona }; history.AddSystemMessage({|SLLM1001:c.Persona|});")]
    [InlineData("var c = new Holder { Persona = \"x\", Question = r.Question }; history.AddSystemMessage({|SLLM1001:c.Both|});")]
    [InlineData("var c = new Holder { Persona = \"x\", Question = r.Question }; history.AddSystemMessage({|SLLM1001:c.ToString()|});")]
    public Task Members_an_initializer_set_to_untrusted_text_or_did_not_set_stay_untrusted(string body) =>
        Verify.AnalyzerAsync(Code(body));

    private static string Code(string body) => Verify.Usings + Types + $$"""

        public class C
        {
            ChatHistory history = new();
            static readonly AskRequest Base = new("You are terse.", "");
            static string Pick(string p) => p == "pirate" ? "a pirate" : "an assistant";
            public void M([FromBody] AskRequest r, [FromBody] AskValue v, [FromBody] Mutable m)
            {
                {{body}}
            }
        }
        """;
}
