using System.Linq;
using System.Threading.Tasks;
using StructuredLlm.CodeFixes;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Untrusted text handed to an object of the app (a constructor argument, an initializer, a property or setter call)
/// that one of its methods then puts into a prompt: <c>new Agent(persona).RunAsync()</c>. The method's summary says
/// which member of its object reaches the sink; the call site looks up what its receiver was given in that member, so a
/// tainted value given to another member (a user id kept for logging) is no finding. The finding is at the receiver.
/// </summary>
public class ReceiverStateTests
{
    private const string Types = """
        public class Fielded
        {
            private readonly ChatHistory _history = new();
            private readonly string _rules;
            private readonly string _user;
            public Fielded(string rules, string user) { _rules = rules; _user = user; }
            public void Go() { Console.WriteLine(_user); _history.AddSystemMessage("Rules: " + _rules); }
        }
        public class Captured(string persona)
        {
            public ChatMessage System() => new(ChatRole.System, $"You are {persona}.");
        }
        public class Initialized(string persona)
        {
            private readonly string _persona = persona;
            public ChatMessage System() => new(ChatRole.System, "You are " + _persona);
        }
        public class Settable
        {
            public string Context { get; set; } = "";
            public string Label { get; set; } = "";
            private string _notes = "";
            public void SetNotes(string notes) { _notes = notes; }
            public ChatMessage System() => new(ChatRole.System, Compose());
            public ChatMessage Notes() => new(ChatRole.System, "Notes: " + _notes);
            public ChatMessage Ask() => new(ChatRole.User, "Answer using: " + Context);
            public ChatMessage AskWhole() => new(ChatRole.User, Context);
            private string Compose() => "Use this context: " + Context;
        }
        public record Persona(string Name, string UserId)
        {
            public ChatMessage System() => new(ChatRole.System, "You are " + Name);
        }
        public interface IAgent { ChatMessage System(); }
        public class Agent(string persona) : IAgent { public ChatMessage System() => new(ChatRole.System, "You are " + persona); }
        public class RulesBase { protected string Rules = ""; public RulesBase(string rules) { Rules = rules; } }
        public class Derived : RulesBase { public Derived(string rules) : base(rules) { } public ChatMessage System() => new(ChatRole.System, "Rules: " + Rules); }
        public class Chained { private readonly string _p; public Chained(string p) : this(p, 1) { } public Chained(string p, int n) { _p = p; } public ChatMessage System() => new(ChatRole.System, "P " + _p); }
        public class Boxed<T>(T value, string text) { public ChatMessage System() => new(ChatRole.System, $"{text}: {value}"); }
        public class Translator { private string _language = ""; public ChatMessage Translate(string language) { _language = language; return new(ChatRole.System, "Translate to " + _language); } }
        public class Crowded { private string _a = "", _b = "", _c = "", _d = ""; public string Build(string text) => _a + _b + _c + _d + " Rules: " + text; }
        public class Composer { private string _language = ""; public ChatMessage Translate(string language) { _language = language; return Compose(); } private ChatMessage Compose() => new(ChatRole.System, "Translate to " + _language); }
        public class Runner
        {
            public static ChatMessage Run(string persona) { var c = new Captured(persona); return c.System(); }
        }
        """;

    private static string Code(string body) => Verify.Usings + Types + $$"""

        public class C
        {
            public void M([FromQuery] string q, Settable given)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    // A constructor stores it in a field that the method puts into the system message.
    [InlineData("{|SLLM1001:new Fielded(q, \"u\")|}.Go();")]
    [InlineData("var f = new Fielded(q, \"u\"); {|SLLM1001:f|}.Go();")]
    // A primary-constructor parameter, read by the method or through a field it initializes.
    [InlineData("var c = new Captured(q); _ = {|SLLM1001:c|}.System();")]
    [InlineData("_ = {|SLLM1001:new Initialized(q)|}.System();")]
    // An object initializer, a property set later, a setter method; read directly or through a helper of the type.
    [InlineData("var s = new Settable { Context = q }; _ = {|SLLM1001:s|}.System();")]
    [InlineData("var s = new Settable(); s.Context = q; _ = {|SLLM1001:s|}.System();")]
    [InlineData("var s = new Settable(); s.SetNotes(q); _ = {|SLLM1001:s|}.Notes();")]
    [InlineData("given.Context = q; _ = {|SLLM1001:given|}.System();")]
    // A positional record property.
    [InlineData("var p = new Persona(q, \"u\"); _ = {|SLLM1001:p|}.System();")]
    // Through an interface-typed local, a base constructor, a chained constructor, a generic type.
    [InlineData("IAgent a = new Agent(q); _ = {|SLLM1001:a|}.System();")]
    [InlineData("var d = new Derived(q); _ = {|SLLM1001:d|}.System();")]
    [InlineData("var c = new Chained(q); _ = {|SLLM1001:c|}.System();")]
    [InlineData("var b = new Boxed<int>(3, q); _ = {|SLLM1001:b|}.System();")]
    // A static helper that creates the object from its parameter: found at the helper's argument.
    [InlineData("_ = Runner.Run({|SLLM1001:q|});")]
    // Four members of the object read before the argument: the argument still counts (a taint keeps at most four origins).
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:new Crowded().Build(q)|});")]
    // A method that stores its argument in a field and leaves the prompt to a helper of its object: found at the argument.
    [InlineData("var t = new Composer(); _ = t.Translate({|SLLM1001:q|});")]
    // Mixed into a user message: the suggestion rule.
    [InlineData("var s = new Settable { Context = q }; _ = {|SLLM1002:s|}.Ask();")]
    public Task What_the_object_was_given_reaches_the_sink(string body) => Verify.AnalyzerAsync(Code(body));

    [Theory]
    // The untrusted value went into another member than the one the method sinks.
    [InlineData("new Fielded(\"Be brief.\", q).Go();")]
    [InlineData("var p = new Persona(\"Helpful\", q); _ = p.System();")]
    [InlineData("var s = new Settable { Label = q, Context = \"static\" }; _ = s.System();")]
    [InlineData("var s = new Settable(); s.Label = q; _ = s.System();")]
    // Whole, in its own user message: the structural mitigation.
    [InlineData("var s = new Settable { Context = q }; _ = s.AskWhole();")]
    // The generic value is a number: only the text parameter can carry taint, and it is a constant.
    [InlineData("var b = new Boxed<int>(int.Parse(q), \"Count\"); _ = b.System();")]
    // Nothing untrusted given.
    [InlineData("var c = new Captured(\"a pirate\"); _ = c.System();")]
    public Task Not_a_finding(string body) => Verify.AnalyzerAsync(Code(body));

    /// <summary>
    /// A method that stores its parameter in a field and puts the field into a prompt in the same call is one flow, found
    /// at the argument: the call's own store is not also what its receiver held.
    /// </summary>
    [Fact]
    public Task A_calls_own_store_is_reported_once_at_the_argument() =>
        Verify.AnalyzerAsync(Code("var t = new Translator(); _ = t.Translate({|SLLM1001:q|}); _ = t.Translate(\"French\");"));

    /// <summary>
    /// A member the method sets first thing (<c>_language = language;</c>) holds that call's value where the method then
    /// reads it: another call's store on the same object is not what reaches the sink, so each call is found once.
    /// </summary>
    [Fact]
    public Task A_member_set_first_is_the_calls_own_value() =>
        Verify.AnalyzerAsync(Code("var t = new Translator(); _ = t.Translate({|SLLM1001:q|}); _ = t.Translate({|SLLM1001:q|});"));

    [Fact]
    public async Task The_message_names_the_method_that_holds_the_sink()
    {
        var diagnostics = await Verify.RunAsync(Code("var s = new Settable { Context = q }; _ = s.System();"));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("'q' (query string) flows into the system message (through 'System')", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The receiver is an object, not text: there is nothing to wrap in Prompt.Untrusted(...) or to move.</summary>
    [Fact]
    public async Task No_code_fix_on_the_receiver()
    {
        var code = Code("var c = new Captured(q); _ = {|SLLM1001:c|}.System();");
        await Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(code, code);
        await Verify.CodeFixAsync<MoveToUserMessageCodeFix>(code, code);
    }
}
