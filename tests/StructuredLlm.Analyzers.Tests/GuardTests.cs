using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Constant-comparison guards (CodeQL's string-constant-compare barrier): a value that a condition has compared equal to
/// one of the program's constants is that constant, or a case variant of it, wherever the condition guards.
/// </summary>
public class GuardTests
{
    private const string Members = """
        static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "en", "fr", "de" };
        static readonly string[] Languages = ["en", "fr"];
        static readonly System.Collections.Immutable.ImmutableArray<string> Tones = System.Collections.Immutable.ImmutableArray.Create("formal", "casual");
        static readonly List<string> Loaded = Load();
        static List<string> Load() => new();
        [System.Diagnostics.CodeAnalysis.DoesNotReturn] static void Reject(string why) => throw new ArgumentException(why);
        static void Warn(string why) => Console.WriteLine(why);
        """;

    [Theory]
    // the branch an equality guards
    [InlineData("if (q == \"fr\") { history.AddSystemMessage(\"Answer in \" + q); }")]
    [InlineData("if (q == \"fr\" || q == \"de\") { history.AddSystemMessage(\"Answer in \" + q); }")]
    [InlineData("if (\"fr\" == q) { history.AddSystemMessage(\"Answer in \" + q); }")]
    [InlineData("history.AddSystemMessage(\"Answer in \" + (q is \"fr\" or \"de\" ? q : \"en\"));")]
    [InlineData("if (q is not \"fr\") { history.AddSystemMessage(\"x\"); } else { history.AddSystemMessage(q); }")]
    [InlineData("if (q != \"fr\") { history.AddSystemMessage(\"x\"); } else { history.AddSystemMessage(q); }")]
    [InlineData("if (string.Equals(q, \"fr\", StringComparison.OrdinalIgnoreCase)) { history.AddSystemMessage(q); }")]
    [InlineData("if (\"fr\".Equals(q)) { history.AddSystemMessage(q); }")]
    [InlineData("if (q.Equals(\"fr\", StringComparison.Ordinal)) { history.AddSystemMessage(q); }")]
    [InlineData("if (q.ToLowerInvariant() == \"fr\") { history.AddSystemMessage(q); }")]
    [InlineData("if (StringComparer.OrdinalIgnoreCase.Equals(q, \"fr\")) { history.AddSystemMessage(q); }")]
    [InlineData("IEqualityComparer<string> cmp = StringComparer.Ordinal; if (!cmp.Equals(\"fr\", q)) return; history.AddSystemMessage(q);")]
    [InlineData("if (ticket.Subject == \"billing\") { history.AddSystemMessage(\"Topic: \" + ticket.Subject); }")]
    [InlineData("if (q == \"fr\" && ticket.Subject == \"billing\") { history.AddSystemMessage(q + ticket.Subject); }")]
    // validate, then use: the statements after `if (!guard) return/throw;`
    [InlineData("if (q != \"en\" && q != \"fr\") { return; } history.AddSystemMessage(\"Answer in \" + q);")]
    [InlineData("if (q is not (\"en\" or \"fr\")) throw new ArgumentException(nameof(q)); history.AddSystemMessage(q);")]
    [InlineData("if (!Allowed.Contains(q)) return; history.AddSystemMessage(\"Answer in \" + q);")]
    [InlineData("if (!Allowed.Contains(q)) Reject(\"language\"); history.AddSystemMessage(\"Answer in \" + q);")]          // a [DoesNotReturn] helper exits
    [InlineData("if (q is not (\"en\" or \"fr\")) { Environment.FailFast(\"bad\"); } history.AddSystemMessage(q);")]
    // allow-lists of literals
    [InlineData("if (Languages.Contains(q)) { history.AddSystemMessage(q); }")]
    [InlineData("if (Tones.Contains(q)) { history.AddSystemMessage(q); }")]
    [InlineData("if (new[] { \"en\", \"fr\" }.Contains(q)) { history.AddSystemMessage(q); }")]
    [InlineData("var allowed = new[] { \"en\", \"fr\" }; if (!allowed.Contains(q)) return; history.AddSystemMessage(q);")]
    [InlineData("var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { \"en\", \"fr\" }; if (allowed.Contains(q)) { history.AddSystemMessage(q); }")]
    // switch sections and arms whose labels are constants
    [InlineData("string tone; switch (q) { case \"formal\": case \"casual\": tone = q; break; default: tone = \"neutral\"; break; } history.AddSystemMessage(tone);")]
    [InlineData("history.AddSystemMessage(\"Tone: \" + (q switch { \"formal\" or \"casual\" => q, _ => \"neutral\" }));")]
    public Task A_value_compared_equal_to_a_constant_is_clean_where_the_comparison_guards(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Members));

    [Theory]
    // the other branch, another variable, an || over two variables
    [InlineData("if (q != \"fr\") { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (q == \"fr\") { history.AddSystemMessage(\"x\"); } else { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (q == \"fr\") { history.AddSystemMessage({|SLLM1001:ticket.Body|}); }")]
    [InlineData("if (q == \"fr\" || ticket.Subject == \"b\") { history.AddSystemMessage({|SLLM1001:q|}); }")]
    // not a comparison with a constant: a substring test, a mutable or loaded list
    [InlineData("if (q.Contains(\"fr\")) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (StringComparer.Ordinal.Equals(q, ticket.Body)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (q.StartsWith(\"fr\", StringComparison.Ordinal)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (Loaded.Contains(q)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("var mine = new List<string> { \"en\" }; mine.Add(ticket.Body); if (mine.Contains(q)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("var allowed = new[] { \"en\", \"fr\" }; allowed[0] = ticket.Body; if (allowed.Contains(q)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("var allowed = new[] { \"en\" }; Fill(allowed); if (allowed.Contains(q)) { history.AddSystemMessage({|SLLM1001:q|}); } static void Fill(string[] a) { }")]
    // reassigned inside the guarded code
    [InlineData("if (q == \"fr\") { q = ticket.Body; history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (q != \"fr\") return; q += ticket.Body; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("if (ticket.Subject == \"b\") { ticket = new Ticket(q, q); history.AddSystemMessage({|SLLM1001:ticket.Subject|}); }")]
    // an if that does not leave guards nothing after it; a default section does not guard
    [InlineData("if (q != \"fr\") { history.AddUserMessage(\"bad\"); } history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("if (!Allowed.Contains(q)) Warn(\"language\"); history.AddSystemMessage({|SLLM1001:q|});")]                // a helper that returns does not
    [InlineData("switch (q) { case \"a\": break; default: history.AddSystemMessage({|SLLM1001:q|}); break; }")]
    [InlineData("history.AddSystemMessage({|SLLM1001:q switch { \"a\" => \"x\", _ => q }|});")]
    // code that can run without the guard holding: a lambda run later, a label jumped to, a goto case
    [InlineData("Action? a = null; if (q == \"fr\") { a = () => history.AddSystemMessage({|SLLM1001:q|}); } a?.Invoke();")]
    [InlineData("if (ticket.Body == \"x\") goto Use; if (q != \"fr\") return; Use: history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("switch (q) { case \"a\": history.AddSystemMessage({|SLLM1001:q|}); break; default: goto case \"a\"; }")]
    public Task Anything_else_keeps_the_taint(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Members));

    [Theory]
    // a fallback: a value the check refused is replaced by a constant, so after the `if` it is allowed or that constant
    [InlineData("if (!Allowed.Contains(q)) q = \"en\"; history.AddSystemMessage($\"Answer in {q}\");")]
    [InlineData("if (!Languages.Contains(q)) { Warn(\"language\"); q = \"en\"; } history.AddSystemMessage(\"Answer in \" + q);")]
    [InlineData("if (q is not (\"en\" or \"fr\")) { q = \"en\"; } history.AddSystemMessage(q);")]
    [InlineData("if (string.IsNullOrEmpty(q) || !Allowed.Contains(q)) q = \"en\"; history.AddSystemMessage(q);")]
    [InlineData("if (ticket.Subject != \"billing\") ticket = ticket with { Subject = \"general\" }; history.AddSystemMessage(\"x\"); if (q != \"fr\") q = \"en\"; history.AddUserMessage(q);")]
    [InlineData("q = Allowed.Contains(q) ? q : \"en\"; history.AddSystemMessage($\"Answer in {q}\");")]
    [InlineData("q = q is \"en\" or \"fr\" ? q : \"en\"; history.AddSystemMessage(\"Answer in \" + q);")]
    [InlineData("q = !Languages.Contains(q) ? \"en\" : q; history.AddSystemMessage(q);")]
    public Task A_refused_value_replaced_by_a_constant_is_clean_after_the_check(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Members));

    [Theory]
    // replaced by something else, replaced only on some paths, written again later, or read inside the branch
    [InlineData("if (!Allowed.Contains(q)) q = ticket.Body; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("if (!Allowed.Contains(q)) { q = \"en\"; q += ticket.Body; } history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("if (!Allowed.Contains(q)) { if (ticket.Body == \"x\") q = \"en\"; } history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("if (!Allowed.Contains(q)) q = \"en\"; q = q + ticket.Body; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("if (!Allowed.Contains(q)) { history.AddSystemMessage({|SLLM1001:q|}); q = \"en\"; }")]
    [InlineData("if (q.Contains(\"fr\")) q = \"en\"; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("if (Allowed.Contains(q)) q = \"en\"; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("if (!Allowed.Contains(q)) ticket = new Ticket(\"a\", \"b\"); history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("q = Allowed.Contains(q) ? q : ticket.Body; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("q = Allowed.Contains(ticket.Body) ? q : \"en\"; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("q = q.Length < 3 ? q : \"en\"; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("q = Allowed.Contains(q) ? q : \"en\"; q += ticket.Body; history.AddSystemMessage({|SLLM1001:q|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:q|}); q = Allowed.Contains(q) ? q : \"en\";")]
    public Task A_fallback_that_does_not_make_the_value_a_constant_keeps_the_taint(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Members));

    private const string Helpers = Members + """
        static bool IsAllowed(string l) => l is "en" or "fr";
        static bool IsKnown(string l) { return Allowed.Contains(l); }
        static bool IsAllowedToo(string l) => IsAllowed(l);
        static bool IsFrench(string note, string l) => string.Equals(l, "fr", StringComparison.OrdinalIgnoreCase);
        static bool IsShort(string l) => l.Length < 10;
        static bool Either(string a, string b) => a == "x" || b == "y";
        static bool Copied(string l) { var x = l; return x == "en"; }
        public virtual bool Overridable(string l) => l == "en";
        """;

    [Theory]
    // a check written as a method: true only when its parameter is one of the program's constants
    [InlineData("if (!IsAllowed(q)) return; history.AddSystemMessage($\"Answer in {q}\");")]
    [InlineData("if (IsAllowed(q)) { history.AddSystemMessage(\"Answer in \" + q); }")]
    [InlineData("if (!IsKnown(q)) throw new ArgumentException(nameof(q)); history.AddSystemMessage(q);")]
    [InlineData("if (IsAllowedToo(q.Trim())) { history.AddSystemMessage(q); }")]
    [InlineData("if (IsFrench(ticket.Body, q)) { history.AddSystemMessage(q); }")]
    [InlineData("if (IsAllowed(ticket.Subject)) { history.AddSystemMessage(\"Topic: \" + ticket.Subject); }")]
    public Task A_check_written_as_a_method_of_the_compilation_guards_its_argument(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Helpers));

    [Theory]
    // not a constant check, another argument, more than one return statement's worth of code, an overridable method
    [InlineData("if (IsShort(q)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (Either(\"x\", q)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (IsFrench(q, ticket.Body)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (Copied(q)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (Overridable(q)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("if (!IsAllowed(q)) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    public Task A_method_that_does_not_check_its_argument_against_constants_guards_nothing(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Helpers));

    [Theory]
    // a check held in a bool local
    [InlineData("var known = q is \"en\" or \"fr\"; if (!known) return; history.AddSystemMessage($\"Answer in {q}\");")]
    [InlineData("var ok = Allowed.Contains(q); history.AddSystemMessage(ok ? $\"Answer in {q}\" : \"Answer in English\");")]
    [InlineData("bool ok = IsAllowed(q); if (ok) { history.AddSystemMessage(q); }")]
    [InlineData("var ok = q == \"fr\" && ticket.Subject == \"billing\"; if (!ok) throw new ArgumentException(); history.AddSystemMessage(q + ticket.Subject);")]
    public Task A_check_held_in_a_bool_local_guards_what_it_compared(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Helpers));

    [Theory]
    // the flag or the compared value changed, the flag not the check, or the opposite branch
    [InlineData("var ok = q == \"fr\"; ok = true; if (ok) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("var ok = q == \"fr\"; q = ticket.Body; if (ok) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("var ok = q == \"fr\"; if (ok) { q += \"!\"; } if (ok) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("var ok = q == \"fr\"; Change(ref q); if (ok) { history.AddSystemMessage({|SLLM1001:q|}); } static void Change(ref string s) { }")]
    [InlineData("var ok = ticket.Subject == \"b\"; ticket = new Ticket(q, q); if (ok) { history.AddSystemMessage({|SLLM1001:ticket.Subject|}); }")]
    [InlineData("var ok = q.Length < 5; if (ok) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("var ok = q == \"fr\"; if (!ok) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    [InlineData("var ok = q != \"fr\"; if (ok) { history.AddSystemMessage({|SLLM1001:q|}); }")]
    public Task A_bool_local_that_no_longer_holds_the_check_guards_nothing(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Helpers));

    [Fact]
    public Task A_switch_section_binds_its_pattern_variables() =>
        Verify.AnalyzerAsync(FlowTests.Code("object o = q; switch (o) { case string s: history.AddSystemMessage({|SLLM1001:s|}); break; }"));
}
