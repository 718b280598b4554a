using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// An object whose member the caller filled from a source, handed to a method of the compilation that puts that member
/// into a prompt; and the reverse, a method that fills a member of the object it is given from a source, which the
/// caller then puts into a prompt.
/// </summary>
public class ParameterObjectMemberTests
{
    private static string Code(string members, string body) => Verify.Usings + $$"""
        public class Options { public string Persona { get; set; } = ""; public string UserId { get; set; } = ""; public int Max { get; set; } }
        public class C
        {
            ChatHistory history = new();
            {{members}}
            public async Task M(HttpRequest request, [FromQuery] string q)
            {
                {{body}}
                await Task.CompletedTask;
            }
        }
        """;

    private const string Build = "void Build(Options opts) { history.AddSystemMessage(\"You are \" + opts.Persona); }";

    [Theory]
    [InlineData(Build, "var opts = new Options(); opts.Persona = request.Query[\"p\"]!; Build({|SLLM1001:opts|});")]
    [InlineData(Build, "var opts = new Options { Persona = q }; Build({|SLLM1001:opts|});")]
    [InlineData("static string Render(Options o) => $\"You are {o.Persona}.\";", "var opts = new Options(); opts.Persona = q; history.AddSystemMessage({|SLLM1001:Render(opts)|});")]
    // the callee fills the member from a source; the caller sends it
    [InlineData("static void Fill(Options o, HttpRequest r) { o.Persona = r.Query[\"p\"]!; }", "var opts = new Options(); Fill(opts, request); history.AddSystemMessage({|SLLM1001:opts.Persona|});")]
    [InlineData("static void Fill(Options o) { o.Persona = Console.ReadLine() ?? \"\"; }", "var opts = new Options(); Fill(opts); history.AddSystemMessage({|SLLM1001:\"You are \" + opts.Persona|});")]
    [InlineData("static void Fill(Options o, string p) { o.Persona = p; }", "var opts = new Options(); Fill(opts, q); history.AddSystemMessage({|SLLM1001:opts.Persona|});")]
    public Task The_member_reaches_the_sink(string members, string body) =>
        Verify.AnalyzerAsync(Code(members, body));

    [Theory]
    // a method that completes the object it read: its result is in the member it set, not in the others
    [InlineData("static async Task Complete(Options o, IChatClient c) { o.UserId = (await c.GetResponseAsync(o.Persona)).Text; }", "var opts = new Options { Persona = \"a tutor\" }; await Complete(opts, null!); history.AddSystemMessage(\"You are \" + opts.Persona);")]
    // the callee fills another member, or only a number
    [InlineData("static void Fill(Options o, HttpRequest r) { o.UserId = r.Query[\"u\"]!; }", "var opts = new Options(); Fill(opts, request); history.AddSystemMessage(\"You are \" + opts.Persona);")]
    [InlineData("static void Fill(Options o, HttpRequest r) { o.Max = int.Parse(r.Query[\"m\"]!); }", "var opts = new Options(); Fill(opts, request); history.AddSystemMessage($\"At most {opts.Max}\");")]
    public Task Not_a_finding(string members, string body) =>
        Verify.AnalyzerAsync(Code(members, body));
}
