using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>A computed property of the app (a getter with a body) is followed like a call without arguments.</summary>
public class ComputedPropertyTests
{
    private const string Types = """
        public class RequestContext
        {
            private readonly HttpRequest _request;
            public RequestContext(HttpRequest request) => _request = request;
            public string Query => _request.Query["q"].ToString();
            public string Header { get { var h = _request.Headers["X-Topic"].ToString(); return h.Trim(); } }
            public string Fixed => "You are a helpful assistant.";
            public string Stored { get; set; } = "";
        }
        """;

    [Theory]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Search for \" + ctx.Query|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"Topic: {ctx.Header}\"|});")]
    [InlineData("var q = ctx.Query; history.AddSystemMessage({|SLLM1001:q|});")]
    public Task A_computed_property_that_reads_a_source_is_a_source(string body) =>
        Verify.AnalyzerAsync(Code(body));

    [Theory]
    [InlineData("history.AddSystemMessage(ctx.Fixed);")]
    [InlineData("history.AddSystemMessage(ctx.Stored);")]
    [InlineData("history.AddSystemMessage(\"Query length: \" + ctx.Query.Length);")]
    [InlineData("history.AddSystemMessage(\"Rules\"); history.AddUserMessage(ctx.Query);")]
    public Task Constant_auto_and_converted_properties_are_not(string body) =>
        Verify.AnalyzerAsync(Code(body));

    private static string Code(string body) => Verify.Usings + Types + $$"""

        public class C
        {
            ChatHistory history = new();
            public void M(RequestContext ctx)
            {
                {{body}}
            }
        }
        """;

    /// <summary>
    /// A computed property (or a method) of an untrusted object is what its body makes of the object: numbers written as
    /// text carry none of the sender's words; a body that reads a text member, or uses the whole object (<c>{this}</c>,
    /// <c>ToString()</c>), does, and an argument still counts.
    /// </summary>
    [Fact]
    public Task A_computed_property_of_an_untrusted_object_is_what_its_getter_reads() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            public record Base(string Note);
            public sealed record Line(string Note, int Qty) : Base(Note) { public string Both => $"{Qty} x {Note}"; }
            public sealed record Order(string Note, int Qty, decimal Price)
            {
                public string QtyText => $"{Qty} units";
                public string TotalText => (Qty * Price).ToString("C");
                public string Label => Note.Trim();
                public string Whole => $"{this}";
                public string Printed => ToString();
                public string Summary { get { var n = Qty; return "Qty " + n + ", note " + this.Note; } }
                public string TotalOf(int times) => (Qty * Price * times).ToString("C");
                public string NoteOf(string prefix) => prefix + Note;
                public string TagOf(string prefix) => prefix + Qty;
                public string Describe() => ToString();
            }
            public class C
            {
                public void M([FromBody] Order o, [FromBody] Line line, ChatHistory history)
                {
                    history.AddSystemMessage({|SLLM1001:line.Both|});
                    history.AddSystemMessage("Quantity: " + o.QtyText);
                    history.AddSystemMessage("Total: " + o.TotalText);
                    history.AddSystemMessage({|SLLM1001:"Label: " + o.Label|});
                    history.AddSystemMessage({|SLLM1001:"Order: " + o.Whole|});
                    history.AddSystemMessage({|SLLM1001:"Order: " + o.Printed|});
                    history.AddSystemMessage({|SLLM1001:o.Summary|});
                    history.AddSystemMessage("Total: " + o.TotalOf(2));
                    history.AddSystemMessage({|SLLM1001:o.NoteOf("Note: ")|});
                    history.AddSystemMessage({|SLLM1001:o.TagOf(o.Note)|});
                    history.AddSystemMessage({|SLLM1001:"Order: " + o.Describe()|});
                }
            }
            """);
}
