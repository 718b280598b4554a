using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

/// <summary>
/// Snapshot tests of the generated code for many type shapes. Each also asserts that the generated code compiles
/// without errors or warnings (nullable on, C# latest) and which diagnostics, if any, the generator reported.
/// </summary>
public class BaselineTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        using StructuredLlm;

        """;

    private static void Check(string testName, string source, params string[] expectedDiagnosticIds) => Check(testName, source, null, expectedDiagnosticIds);

    private static void Check(string testName, string source, CSharpParseOptions? options, params string[] expectedDiagnosticIds)
    {
        GeneratorRun run = GeneratorHarness.Run(Usings + source, parseOptions: options);
        run.AssertNoException();
        Assert.Equal(expectedDiagnosticIds.OrderBy(x => x), run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(x => x));
        Assert.True(run.CompilationProblems().Count == 0, run.Describe());
        Baseline.Verify(testName, run);
    }

    [Fact]
    public void IssueExample() => Check(nameof(IssueExample), """
        namespace Support;

        public enum Category { Billing, Technical, Other }

        /// <summary>A customer support ticket, triaged.</summary>
        [LlmOutput]
        public partial record SupportTicket(
            [property: Description("Which team should handle it")] Category Category,
            [property: Range(1, 5)] int Priority,
            string Summary,
            IReadOnlyList<string> Tags,
            string? CustomerEmail);
        """);

    [Fact]
    public void NominalRecordWithInitProperties() => Check(nameof(NominalRecordWithInitProperties), """
        namespace Shapes;

        [LlmOutput]
        public partial record Invoice
        {
            public required string Number { get; init; }
            public decimal Total { get; init; }
            public string? Note { get; init; }
            public int LineCount => 0;
        }
        """);

    [Fact]
    public void ClassWithSettableProperties() => Check(nameof(ClassWithSettableProperties), """
        namespace Shapes;

        [LlmOutput]
        internal sealed partial class Settings
        {
            public string Theme { get; set; } = "dark";
            public bool Enabled { get; set; }
            public int? RetryCount { get; set; }
            [JsonIgnore] public string Secret { get; set; } = "";
            private string Hidden { get; set; } = "";
            public static string Shared { get; set; } = "";
        }
        """);

    [Fact]
    public void NestedAndReferencedTypes() => Check(nameof(NestedAndReferencedTypes), """
        namespace Shop;

        public record Address(string Street, string City, string? PostalCode);
        public record LineItem(string Sku, int Quantity, decimal UnitPrice);

        [LlmOutput]
        public partial record Order(string Id, Address ShippingAddress, Address? BillingAddress, List<LineItem> Items);
        """);

    [Fact]
    public void NestedInContainingTypes() => Check(nameof(NestedInContainingTypes), """
        namespace Outer.Space;

        public static partial class Container
        {
            public partial struct Middle
            {
                [LlmOutput]
                public partial record Inner(string Value);
            }
        }
        """);

    [Fact]
    public void GlobalNamespaceType() => Check(nameof(GlobalNamespaceType), """
        [LlmOutput]
        public partial record GlobalThing(string Name);
        """);

    [Fact]
    public void EnumsAsStrings() => Check(nameof(EnumsAsStrings), """
        namespace Enums;

        /// <summary>How bad it is.</summary>
        public enum Severity
        {
            /// <summary>Can wait.</summary>
            Low,
            [JsonStringEnumMemberName("medium-ish")] Medium,
            [Description("Wake someone up")] High,
        }

        [LlmOutput]
        public partial record Alert(Severity Severity, Severity? Previous, List<Severity> History);
        """);

    [Fact]
    public void AllPrimitiveKinds() => Check(nameof(AllPrimitiveKinds), """
        namespace Prims;

        [LlmOutput]
        public partial record Primitives(
            string S, char C, bool B,
            sbyte I8, byte U8, short I16, ushort U16, int I32, uint U32, long I64, ulong U64,
            Int128 I128, Half H, float F, double D, decimal M);
        """);

    [Fact]
    public void DateTimeGuidUri() => Check(nameof(DateTimeGuidUri), """
        namespace Times;

        [LlmOutput]
        public partial record Event(
            DateTime At, DateTimeOffset AtOffset, DateOnly Day, TimeOnly Time, TimeSpan Duration, Guid Id, Uri Link, DateTime? Ended);
        """);

    [Fact]
    public void NullableMembers() => Check(nameof(NullableMembers), """
        namespace Nulls;

        public record Child(int X);

        [LlmOutput]
        public partial record Maybe(int? Count, string? Text, Child? Child, List<string?>? Items, bool? Flag);
        """);

    [Fact]
    public void Collections() => Check(nameof(Collections), """
        namespace Colls;

        [LlmOutput]
        public partial record AllCollections(
            string[] Array, List<int> List, IList<int> IList, IReadOnlyList<int> IReadOnlyList, IEnumerable<int> IEnumerable,
            ICollection<int> ICollection, IReadOnlyCollection<int> IReadOnlyCollection, ImmutableArray<int> ImmutableArray,
            HashSet<string> HashSet, List<List<byte>> Nested);
        """);

    [Fact]
    public void DictionaryIsAnErrorForOpenAIAndAWarningForAnthropic() => Check(nameof(DictionaryIsAnErrorForOpenAIAndAWarningForAnthropic), """
        namespace Dicts;

        [LlmOutput]
        public partial record Scores(Dictionary<string, int> ByName);
        """, "SLLM0005", "SLLM0009");

    [Fact]
    public void RecursiveType() => Check(nameof(RecursiveType), """
        namespace Trees;

        [LlmOutput]
        public partial record TreeNode(string Label, List<TreeNode> Children);
        """, "SLLM0009");

    [Fact]
    public void MutuallyRecursiveTypes() => Check(nameof(MutuallyRecursiveTypes), """
        namespace Org;

        public record Department(string Name, Employee? Head);
        public record Employee(string Name, Department Department);

        [LlmOutput]
        public partial record Company(string Name, List<Employee> Staff);
        """, "SLLM0009");

    [Fact]
    public void PolymorphicMember() => Check(nameof(PolymorphicMember), """
        namespace Geo;

        [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
        [JsonDerivedType(typeof(Circle), "circle")]
        [JsonDerivedType(typeof(Square), "square")]
        public abstract record Shape(string Color);
        public sealed record Circle(string Color, double Radius) : Shape(Color);
        public sealed record Square(string Color, double Side) : Shape(Color);

        [LlmOutput]
        public partial record Drawing(Shape Main, List<Shape> Others);
        """);

    [Fact]
    public void NamingPoliciesAndJsonAttributes() => Check(nameof(NamingPoliciesAndJsonAttributes), """
        namespace Names;

        [LlmOutput(NamingPolicy = LlmNamingPolicy.SnakeCaseLower)]
        public partial record Customer(
            string FirstName,
            [property: JsonPropertyName("family")] string LastName,
            string URLValue,
            [property: JsonIgnore] string Internal = "",
            [property: LlmAlias("mail", "e_mail")] string? EmailAddress = null);
        """);

    [Fact]
    public void DescriptionsFromXmlDocs() => Check(nameof(DescriptionsFromXmlDocs), """
        namespace Docs;

        #pragma warning disable CS1573 // Verdict deliberately has no <param>
        /// <summary>
        /// A book review, with a <see cref="Rating"/> and a <c>verdict</c>.
        /// </summary>
        /// <param name="Title">The book title, exactly as printed.</param>
        /// <param name="Rating">Stars, "1" to "5".</param>
        [LlmOutput]
        public partial record Review(string Title, [property: Description("Overrides the doc")] int Rating, string Verdict)
        {
            /// <summary>Who wrote the review.</summary>
            public string? Reviewer { get; init; }
        }
        """);

    [Fact]
    public void DataAnnotationConstraints() => Check(nameof(DataAnnotationConstraints), """
        namespace Rules;

        [LlmOutput]
        public partial record Constrained(
            [property: Range(0.5, 10.0, MinimumIsExclusive = true)] double Score,
            [property: MinLength(2), MaxLength(40)] string Name,
            [property: Length(1, 3)] List<string> Tags,
            [property: StringLength(10, MinimumLength = 3)] string Code,
            [property: RegularExpression("^[A-Z]{3}$")] string Currency,
            [property: EmailAddress] string Email,
            [property: Url] string Homepage,
            [property: AllowedValues("red", "green")] string Color,
            [property: Range(1, 100)] byte Percent);
        """);

    [Fact]
    public void StructsAndRecordStructs() => Check(nameof(StructsAndRecordStructs), """
        namespace Values;

        public readonly record struct Point(int X, int Y);

        [LlmOutput]
        public readonly partial record struct Segment(Point From, Point To);

        [LlmOutput]
        public partial struct Measurement
        {
            public double Value { get; set; }
            public string Unit { get; set; }
        }
        """);

    [Fact]
    public void CustomSchemaNameAndEnumAliases() => Check(nameof(CustomSchemaNameAndEnumAliases), """
        namespace Named;

        public enum Mood { [LlmAlias("glad", "joyful")] Happy, Sad }

        [LlmOutput(Name = "mood_report-v2", NamingPolicy = LlmNamingPolicy.KebabCaseUpper)]
        public partial class MoodReport
        {
            public Mood CurrentMood { get; init; }
            public string? WhyItChanged { get; init; }
        }
        """);

    [Fact]
    public void DerivedOutputTypeHidesBaseLlmInfoAndPropertyOrder() => Check(nameof(DerivedOutputTypeHidesBaseLlmInfoAndPropertyOrder), """
        namespace Inherit;

        [LlmOutput]
        public partial record Animal(string Name)
        {
            [JsonPropertyOrder(-1)] public string? Id { get; init; }
        }

        [LlmOutput]
        public partial record Dog(string Name, [property: JsonPropertyOrder(5)] bool GoodBoy, int Age) : Animal(Name);
        """);

    [Fact]
    public void RegistryListsOnlyAccessibleTypesWithoutInterfaceOnCSharp10() => Check(nameof(RegistryListsOnlyAccessibleTypesWithoutInterfaceOnCSharp10), """
        namespace Many
        {
            [LlmOutput] public partial record A(string X);
            [LlmOutput] internal partial record B(int Y);
            public partial class Host
            {
                [LlmOutput] private partial record Hidden(bool Z);
            }
        }
        """, new CSharpParseOptions(LanguageVersion.CSharp10, DocumentationMode.Parse));
}
