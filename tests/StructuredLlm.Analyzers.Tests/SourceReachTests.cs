using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StructuredLlm.Analyzers.Taint;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Which calls the pre-scan asks about sources: a callee gives its caller taint only through the value it returns, its
/// out/ref parameters and the text containers it fills (what it stores in members is asked of the members read). So a
/// <c>Task</c> without a result (or with a number, bool...) gives nothing back, and a call whose value is dropped counts
/// only through its fillable arguments: neither body is bound for the source side. The flows through the kept forms are
/// still found.
/// </summary>
public class SourceReachTests
{
    private static string Code(string members) => FieldTaintTests.Code(members);

    [Theory]
    [InlineData("void", false)]
    [InlineData("Task", false)]
    [InlineData("ValueTask", false)]
    [InlineData("Task<int>", false)]
    [InlineData("ValueTask<bool?>", false)]
    [InlineData("Task<Guid>", false)]
    [InlineData("int", false)]
    [InlineData("Task<string>", true)]
    [InlineData("ValueTask<List<string>>", true)]
    [InlineData("Task<object>", true)]
    [InlineData("string", true)]
    [InlineData("IAsyncEnumerable<int>", true)]
    public void A_return_type_gives_taint_back_only_if_it_can_hold_text(string returnType, bool expected)
    {
        var method = Method($"public static {returnType} M() => throw null!;");
        Assert.Equal(expected, TaintContext.CanReturnTaint(method));
    }

    [Theory]
    [InlineData("public static Task M(StringBuilder sb) => Task.CompletedTask;")]
    [InlineData("public static Task M(List<string> lines) => Task.CompletedTask;")]
    [InlineData("public static void M(out string s) => s = \"\";")]
    [InlineData("public static ValueTask<int> M(string[] lines) => default;")]
    public void A_fillable_argument_gives_taint_back_whatever_the_return_type(string declaration) =>
        Assert.True(TaintContext.CanReturnTaint(Method(declaration)));

    [Theory]
    [InlineData("A();", true)]
    [InlineData("await B();", true)]
    [InlineData("await B().ConfigureAwait(false);", true)]
    [InlineData("d?.D();", true)]
    [InlineData("_ = E();", true)]
    [InlineData("var v = E();", false)]
    [InlineData("var v = await F().ConfigureAwait(false);", false)]
    [InlineData("var v = d?.D();", false)]
    [InlineData("Use(E());", false)]
    [InlineData("var v = (_ = E());", false)]
    [InlineData("if (E() != null) { }", false)]
    public void A_call_used_as_a_statement_drops_its_value(string statement, bool discarded)
    {
        var source = Verify.Usings + """
            public class Notes { public string D() => ""; }
            public class C
            {
                static string A() => "";
                static Task B() => Task.CompletedTask;
                static string E() => "";
                static Task<string> F() => Task.FromResult("");
                static void Use(string s) { }
                async Task M(Notes d)
                {
                    STATEMENT
                }
            }
            """.Replace("STATEMENT", statement, System.StringComparison.Ordinal);
        var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "M").Body!;
        var call = body.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => model.GetOperation(i))
            .OfType<IInvocationOperation>()
            .First(i => i.TargetMethod.Name is "A" or "B" or "D" or "E" or "F");
        Assert.Equal(discarded, TaintContext.IsValueDiscarded(call));
    }

    // The source is reachable only through a callee, and the call's value is dropped: the flow goes through what the
    // callee fills (a StringBuilder, an out parameter) or stores (a field read later).
    [Theory]
    [InlineData("static void Load(StringBuilder sb) => sb.AppendLine(File.ReadAllText(\"notes.md\"));\npublic void Use() { var sb = new StringBuilder(); Load(sb); history.AddSystemMessage({|SLLM1001:sb.ToString()|}); }")]
    [InlineData("static async Task Load(List<string> lines) => lines.Add(await File.ReadAllTextAsync(\"notes.md\"));\npublic async Task Use() { var lines = new List<string>(); await Load(lines).ConfigureAwait(false); history.AddSystemMessage({|SLLM1001:string.Join(\"\\n\", lines)|}); }")]
    [InlineData("static bool Read(HttpRequest r, out string s) { s = r.Query[\"q\"]!; return true; }\npublic void Use(HttpRequest request) { Read(request, out var s); history.AddSystemMessage({|SLLM1001:s|}); }")]
    [InlineData("string _notes = \"\";\nasync Task LoadAsync() { _notes = await File.ReadAllTextAsync(\"notes.md\"); }\npublic async Task Use() { await LoadAsync().ConfigureAwait(false); history.AddSystemMessage({|SLLM1001:_notes|}); }")]
    [InlineData("static Task<string> ReadAsync() => File.ReadAllTextAsync(\"notes.md\");\npublic async Task Use() { var notes = await ReadAsync().ConfigureAwait(false); history.AddSystemMessage({|SLLM1001:notes|}); }")]
    public Task Flows_through_what_a_callee_gives_back_are_found(string members) => Verify.AnalyzerAsync(Code(members));

    // The callee reads a source, but nothing of it comes back: its result is dropped or holds no text.
    [Theory]
    [InlineData("static string Log() { var s = File.ReadAllText(\"notes.md\"); Console.WriteLine(s); return s; }\npublic void Use() { Log(); history.AddSystemMessage(\"Answer briefly.\"); }")]
    [InlineData("static async Task<int> CountAsync() => (await File.ReadAllTextAsync(\"notes.md\")).Length;\npublic async Task Use() { var n = await CountAsync(); history.AddSystemMessage($\"Use at most {n} words.\"); }")]
    public Task Sources_that_do_not_come_back_are_not_findings(string members) => Verify.AnalyzerAsync(Code(members));

    private static IMethodSymbol Method(string declaration)
    {
        var source = Verify.Usings + "public static class H { " + declaration + " }";
        var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return compilation.GetTypeByMetadataName("H")!.GetMembers("M").OfType<IMethodSymbol>().Single();
    }
}
