using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StructuredLlm.Analyzers.Llm;
using StructuredLlm.Analyzers.Taint;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Receiver-aware keys of the sink index: a call on a receiver whose declared type syntax states reaches only the
/// declarations of its name in that type, a type it derives from, or a type deriving from it (an override or interface
/// implementation the call may dispatch to); `list.Add` is not `Notes.Add`; an unknown receiver
/// (var, untyped lambda parameter, type parameter, anything else) still reaches every declaration of the name.
/// </summary>
public class ReceiverKeyTests
{
    private const string Types = """
        public class Notes
        {
            readonly ChatHistory _history = new();
            public void Add(string text) => _history.AddSystemMessage(text);
        }
        public class MoreNotes : Notes
        {
            public void Again(string s) => this.Add(s);
            public void ThroughBase(string s) => base.Add(s);
        }
        public class MixedNotes : Notes
        {
            readonly List<string> _lines = new();
            public void Both(string s) { _lines.Add(s); Add(s); }
            public void BothReversed(string s) { Add(s); _lines.Add(s); }
            public void TwoReceivers(Notes notes, string s) { _lines.Add(s); notes.Add(s); }
        }
        public static class NoteExtensions
        {
            public static void Note(this List<string> list, string s) => new ChatHistory().AddSystemMessage(s);
        }
        """;

    private const string Uses = """
        public class Uses
        {
            readonly List<string> _list = new();
            readonly Notes _notes = new();
            List<string> ListProperty { get; } = new();
            public void ListParameter(List<string> list, string s) => list.Add(s);
            public void ListField(string s) => _list.Add(s);
            public void ListThisField(string s) => this._list.Add(s);
            public void ListLocal(string s) { List<string> list = new(); list.Add(s); }
            public void ListConditional(List<string>? list, string s) => list?.Add(s);
            public void ListProp(string s) => ListProperty.Add(s);
            public void ListOut(string s) { if (TryMake(out List<string> made)) made.Add(s); }
            public void ArrayParameter(IList<string>[] lists, string s) => lists.Reverse();
            static bool TryMake(out List<string> made) { made = new(); return true; }
            public void NotesParameter(Notes notes, string s) => notes.Add(s);
            public void NotesField(string s) => _notes.Add(s);
            public void NotesThisField(string s) => this._notes.Add(s);
            public void NotesVar(string s) { var notes = new Notes(); notes.Add(s); }
            public void NotesDerived(MoreNotes notes, string s) => notes.Add(s);
            public void NotesGeneric<T>(T notes, string s) where T : Notes => notes.Add(s);
            public void NotesConditional(Notes? notes, string s) => notes?.Add(s);
            public void NotesPattern(object o, string s) { if (o is Notes notes) notes.Add(s); }
            public void NotesShadowingAField(string s) { Notes _list = new(); _list.Add(s); }
            public void NotesUntypedLambda(string s) { Action<Notes> add = n => n.Add(s); }
            public void NotesChained(string s) => Make().Add(s);
            public void ListExtension(List<string> list, string s) => list.Note(s);
            static Notes Make() => new();
        }
        """;

    [Theory]
    [InlineData("ListParameter", false)]
    [InlineData("ListField", false)]
    [InlineData("ListThisField", false)]
    [InlineData("ListLocal", false)]
    [InlineData("ListConditional", false)]
    [InlineData("ListProp", false)]
    [InlineData("ListOut", false)]
    [InlineData("ArrayParameter", false)]
    [InlineData("NotesParameter", true)]
    [InlineData("NotesField", true)]
    [InlineData("NotesThisField", true)]
    [InlineData("NotesVar", true)]
    [InlineData("NotesDerived", true)]
    [InlineData("NotesGeneric", true)]
    [InlineData("NotesConditional", true)]
    [InlineData("NotesPattern", true)]
    [InlineData("NotesShadowingAField", true)]
    [InlineData("NotesUntypedLambda", true)]
    [InlineData("NotesChained", true)]
    [InlineData("ListExtension", true)]
    [InlineData("Again", true)]
    [InlineData("ThroughBase", true)]
    [InlineData("Both", true)]              // a list receiver first, then an unqualified call in the same body
    [InlineData("BothReversed", true)]
    [InlineData("TwoReceivers", true)]      // two receivers of the same name, one of which reaches
    public void A_call_reaches_the_declarations_of_its_receivers_type(string method, bool reaches)
    {
        foreach (var references in new[] { TestReferences.All, TestReferences.WithoutOpenAI })
        {
            Assert.Equal(reaches, Reaches(Verify.Usings + Types + Uses, method, references));
        }
    }

    [Fact]
    public void A_name_that_no_receiver_type_reaches_is_not_a_hub()
    {
        // Only Notes.Add reaches a sink: the list calls do not, so the methods that call them do not either.
        var (index, declarations) = Build(Verify.Usings + Types + Uses + """
            public class Callers
            {
                public void CallsListField(Uses uses, string s) => uses.ListField(s);
                public void CallsNotesField(Uses uses, string s) => uses.NotesField(s);
            }
            """, TestReferences.WithoutOpenAI);
        Assert.False(index.CallsToSink(declarations.Single(d => d.Identifier.ValueText == "CallsListField")) != SinkIndex.Unreachable);
        Assert.True(index.CallsToSink(declarations.Single(d => d.Identifier.ValueText == "CallsNotesField")) != SinkIndex.Unreachable);
    }

    // End to end: the flow into Notes.Add's sink is found through every kind of receiver (a prefilter that skipped
    // the block or the callee would lose the finding).
    [Theory]
    [InlineData("new Notes().Add({|SLLM1001:q|});", "")]
    [InlineData("var notes = new Notes(); notes.Add({|SLLM1001:q|});", "")]
    [InlineData("_notes.Add({|SLLM1001:q|});", "Notes _notes = new();")]
    [InlineData("this._notes.Add({|SLLM1001:q|});", "Notes _notes = new();")]
    [InlineData("_notes?.Add({|SLLM1001:q|});", "Notes? _notes = new();")]
    [InlineData("AddTo(new MoreNotes(), {|SLLM1001:q|});", "static void AddTo(MoreNotes notes, string s) => notes.Add(s);")]
    [InlineData("AddTo(new MoreNotes(), {|SLLM1001:q|});", "static void AddTo<T>(T notes, string s) where T : Notes => notes.Add(s);")]
    [InlineData("new MoreNotes().Again({|SLLM1001:q|});", "")]
    [InlineData("new MoreNotes().ThroughBase({|SLLM1001:q|});", "")]
    [InlineData("Notes _list = new(); _list.Add({|SLLM1001:q|});", "List<string> _list = new();")]
    [InlineData("new List<string>().Note({|SLLM1001:q|});", "")]
    [InlineData("new MixedNotes().Both({|SLLM1001:q|});", "")]
    [InlineData("new MixedNotes().TwoReceivers(new Notes(), {|SLLM1001:q|});", "")]
    public Task Sinks_reached_through_a_receivers_method_are_found(string body, string members) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, members) + "\n" + Types);

    /// <summary>The sink index of one source file, and its method declarations (shared with the other index tests).</summary>
    /// <summary>Whether the sink index (enabled for <paramref name="source"/>) lets the method named <paramref name="method"/> reach a sink.</summary>
    internal static bool Reaches(string source, string method, ImmutableArray<MetadataReference> references)
    {
        var (index, declarations) = Build(source, references);
        Assert.True(index.IsEnabled);
        return index.CallsToSink(declarations.Single(d => d.Identifier.ValueText == method)) != SinkIndex.Unreachable;
    }

    internal static (SinkIndex Index, ImmutableArray<MethodDeclarationSyntax> Declarations) Build(string source, ImmutableArray<MetadataReference> references)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), cancellationToken: TestContext.Current.CancellationToken);
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var table = LlmApiTable.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), TestContext.Current.CancellationToken);
        Assert.NotNull(table);
        var index = SinkIndex.Build(table, TestContext.Current.CancellationToken);
        var declarations = tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>().ToImmutableArray();
        return (index, declarations);
    }
}

/// <summary>
/// The pre-scan's cuts: sink reach follows only calls with an argument the walk can taint, and source reach only callees
/// that can give taint back (a return value that is not void, a number, bool..., or an out/ref parameter). A cut that
/// went too far would lose these findings.
/// </summary>
public class PreScanCutTests
{
    private const string Helpers = """
        public static class H
        {
            public static void AddRules(ChatHistory history, int count, bool strict, string rules) => history.AddSystemMessage("Rules: " + rules);
            public static bool TryRead(out string text) { text = Console.ReadLine() ?? ""; return true; }
            public static bool Fill(ref string text) { text += Console.ReadLine(); return true; }
            public static string Read() => Console.ReadLine() ?? "";
        }
        """;

    [Theory]
    [InlineData("H.AddRules(history, 3, true, {|SLLM1001:q|});")]
    [InlineData("H.AddRules(history, 3, true, {|SLLM1001:H.Read()|});")]
    [InlineData("if (H.TryRead(out var t)) history.AddSystemMessage({|SLLM1001:t|});")]
    [InlineData("var t = \"\"; if (H.Fill(ref t)) history.AddSystemMessage({|SLLM1001:t|});")]
    public Task Flows_through_calls_with_constant_and_numeric_arguments_or_out_parameters_are_found(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body) + "\n" + Helpers);
}

/// <summary>
/// A receiver name that no declaration of the member or its type's source family states, and that names a type of the
/// compilation, is a static call on that type, unless a base type (a referenced one too) or an enclosing type declares a
/// member of that name; then, as for any other name syntax cannot place, it stays unknown and reaches every declaration
/// of the key.
/// </summary>
public class StaticCallReceiverTests
{
    private const string Types = """
        public static class Retry
        {
            public static Task SendAsync(ChatHistory history, string s) { history.AddSystemMessage(s); return Task.CompletedTask; }
        }
        public static class Quiet
        {
            public static Task<string> SendAsync(string s) => Task.FromResult(s);
        }
        public class Outer
        {
            static OllamaSharp.Chat SharedChat = null!;
            static System.Net.Http.HttpClient SharedHttp = new();
            public class Inner
            {
                public void ViaOuterChat(string s) { _ = SharedChat.SendAsync(s); }
                public void ViaOuterHttp(System.Net.Http.HttpRequestMessage request) { _ = SharedHttp.SendAsync(request); }
            }
        }
        public class Shadowed
        {
            static OllamaSharp.Chat Quiet = null!;
            public class Inner
            {
                public void ViaOuterFieldNamedLikeAType(string s) { _ = Quiet.SendAsync(s); }
            }
        }
        public class MyError : Exception
        {
            public void ViaInheritedPropertyNamedLikeAType(string s) { _ = Source.SendAsync(); }
        }
        public static class StringSends
        {
            public static Task<string> SendAsync(this string s) => Task.FromResult(s);
        }
        public static class Source
        {
            public static Task<string> SendAsync(string s) => Task.FromResult(s);
        }
        public class Callers
        {
            public Task ViaStaticQuiet(string s) => Quiet.SendAsync(s);
            public Task ViaStaticRetry(ChatHistory history, string s) => Retry.SendAsync(history, s);
            public void ViaUnknown(dynamic d, string s) { _ = d.SendAsync(s); }
        }
        """;

    [Theory]
    [InlineData("ViaStaticQuiet", false)]   // a static class's own SendAsync, which reaches nothing
    [InlineData("ViaStaticRetry", true)]    // a static class's SendAsync that reaches a sink itself
    [InlineData("ViaOuterChat", true)]      // an outer type's OllamaSharp Chat field
    [InlineData("ViaOuterHttp", true)]      // an outer type's field: not placed, so unknown
    [InlineData("ViaOuterFieldNamedLikeAType", true)]       // the enclosing type's field, not the static class
    [InlineData("ViaInheritedPropertyNamedLikeAType", true)] // Exception.Source, not the static class
    [InlineData("ViaUnknown", true)]        // dynamic: unknown, so it may be anything
    public void A_receiver_that_names_a_type_is_a_static_call_on_it(string method, bool reaches) =>
        Assert.Equal(reaches, ReceiverKeyTests.Reaches(Verify.Usings + Types, method, TestReferences.All));

    /// <summary>A <c>using static</c> (in the file, or global in any file) may bring a member of that name into scope: the name stays unknown.</summary>
    [Theory]
    [InlineData("using static System.Math;\n")]
    [InlineData("global using static System.Math;\n")]
    public void A_using_static_leaves_a_type_named_receiver_unknown(string directive) =>
        Assert.True(ReceiverKeyTests.Reaches(directive + Verify.Usings + Types, "ViaStaticQuiet", TestReferences.All));

    [Theory]
    [InlineData("await Retry.SendAsync(history, {|SLLM1001:q|});")]
    [InlineData("await Quiet.SendAsync(q);")]
    public Task A_static_call_reaches_the_sink_its_own_body_holds(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body) + "\n" + Types);
}
