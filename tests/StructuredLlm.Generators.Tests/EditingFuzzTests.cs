using System.Linq;
using Microsoft.CodeAnalysis;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

/// <summary>
/// Declarations as they are being typed: every prefix of realistic [LlmOutput] declarations (cut every few characters),
/// and the same text with one character deleted or an extra parenthesis. The generator never throws, and whatever it
/// generates for input without errors compiles without errors.
/// </summary>
public class EditingFuzzTests
{
    private const string Usings = "using System; using System.Collections.Generic; using System.ComponentModel; using System.ComponentModel.DataAnnotations; using System.Text.Json.Serialization; using StructuredLlm;\n";

    public static TheoryData<string> Declarations => new()
    {
        """
        /// <summary>A triaged ticket.</summary>
        [LlmOutput] public partial record Ticket([property: Description("Team")] Category Category, [property: Range(1, 5)] int Priority, [property: MaxLength(10)] IReadOnlyList<string> Tags, string? Email);
        public enum Category { Billing, [JsonStringEnumMemberName("tech")] Technical }
        """,
        """
        [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")] [JsonDerivedType(typeof(Circle), "circle")] public abstract record Shape;
        public record Circle([property: Range(0.0, 10.0)] double R) : Shape;
        [LlmOutput(Name = "drawing")] public partial record Drawing(List<Shape> Shapes, Dictionary<string, int>? Counts, Drawing? Child);
        """,
        """
        [LlmOutput] public partial class Order { public required Guid Id { get; init; } [JsonPropertyName("placed")] public DateOnly PlacedOn { get; set; } [JsonIgnore] public string Note { get; set; } = ""; public decimal[] Totals { get; init; } = []; }
        """,
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Partial_and_broken_declarations_never_crash_the_generator(string declaration)
    {
        for (var cut = 0; cut < declaration.Length; cut += 7)
        {
            foreach (var variant in new[] { declaration.Substring(0, cut), declaration.Remove(cut, 1), declaration.Insert(cut, ")") })
            {
                GeneratorRun run = GeneratorHarness.Run(Usings + variant);
                run.AssertNoException();
                if (run.Input.GetDiagnostics().All(d => d.Severity != DiagnosticSeverity.Error) && run.GeneratorDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error))
                {
                    Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
                }
            }
        }
    }
}
