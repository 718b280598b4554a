using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace StructuredLlm.Generators.Tests;

/// <summary>
/// The session-23 held-out probe of the generator: unusual but valid [LlmOutput] declarations, each compiled with the
/// generator and checked by <see cref="ProbeHarness"/> (no generator exception, warning-free output, a diagnostic or a
/// schema every profile of which loads in NJsonSchema and accepts a System.Text.Json-serialized instance, and a reader
/// that reads it back with no repair and refuses wrong data). It writes a findings report for a person to judge, so it
/// runs only when asked: <c>STRUCTUREDLLM_PROBE=/tmp/probe.txt dotnet test --project tests/StructuredLlm.Generators.Tests
/// -c Release -- --filter-class "*ProbeS23Cases*"</c> (<c>PROBE_ONLY=Name,Name</c> for some cases). The defects it found
/// have their own regression tests; see docs/schema-generation.md "Probe, session 23".
/// </summary>
public class ProbeS23Cases
{
    internal static readonly ProbeCase[] All =
    {
        new("GenericClosedMember", """
            namespace P;
            public record Page<T>(List<T> Items, int Total);
            public record Item(string Name);
            [LlmOutput] public partial record Root(Page<Item> Page, Page<int> Numbers, Page<Page<string>>? Nested);
            """, "new P.Root(new P.Page<P.Item>(new() { new P.Item(\"a\") }, 1), new P.Page<int>(new() { 1, 2 }, 2), null)"),
        new("RecordExplicitCtor", """
            namespace P;
            [LlmOutput] public partial record Root(string A, int B) { public Root(string a) : this(a, 0) { } public Root() : this("x", 1) { } }
            """, "new P.Root(\"q\", 3)"),
        new("ClassNoParameterlessCtor", """
            namespace P;
            [LlmOutput] public partial class Root { public Root(string name, int count) { Name = name; Count = count; } public string Name { get; } public int Count { get; } }
            """, "new P.Root(\"n\", 2)"),
        new("RequiredMembers", """
            namespace P;
            [LlmOutput] public partial class Root { public required string Name { get; init; } public required int? Age { get; set; } public string Extra { get; set; } = "x"; }
            """, "new P.Root { Name = \"a\", Age = null, Extra = \"e\" }"),
        new("InitWithDefaults", """
            namespace P;
            [LlmOutput] public partial record Root { public string Tone { get; init; } = "neutral"; public int? Limit { get; init; } = 3; public List<string> Tags { get; init; } = new(); }
            """, "new P.Root { Tone = \"t\", Limit = 5, Tags = new() { \"x\" } }"),
        new("PrivateSetter", """
            namespace P;
            [LlmOutput] public partial class Root { public string Name { get; private set; } = ""; public int Count { get; set; } }
            """, "new P.Root { Count = 2 }"),
        new("StaticConstIndexer", """
            namespace P;
            [LlmOutput] public partial class Root { public static int Counter { get; set; } public const string K = "k"; public int this[int i] => i; public string Name { get; set; } = ""; }
            """, "new P.Root { Name = \"n\" }"),
        new("ExplicitInterfaceImpl", """
            namespace P;
            public interface IHasId { int Id { get; set; } }
            [LlmOutput] public partial class Root : IHasId { int IHasId.Id { get; set; } public string Name { get; set; } = ""; }
            """, "new P.Root { Name = \"n\" }"),
        new("NewHiddenMember", """
            namespace P;
            public class Base { public string Value { get; set; } = ""; public string Other { get; set; } = ""; }
            [LlmOutput] public partial class Root : Base { public new int Value { get; set; } }
            """, "new P.Root { Value = 3, Other = \"o\" }"),
        new("FrameworkEnums", """
            namespace P;
            [LlmOutput] public partial record Root(DayOfWeek Day, System.Net.HttpStatusCode? Status, System.StringComparison Cmp);
            """, "new P.Root(DayOfWeek.Friday, System.Net.HttpStatusCode.Redirect, StringComparison.Ordinal)"),
        new("FrameworkFlagsEnum", """
            namespace P;
            [LlmOutput] public partial record Root(System.IO.FileAccess Access);
            """, "new P.Root(System.IO.FileAccess.Read)"),
        new("FlagsEnum", """
            namespace P;
            [Flags] public enum Perm { None = 0, Read = 1, Write = 2, All = 3 }
            [LlmOutput] public partial record Root(Perm Perm);
            """, "new P.Root(P.Perm.Read)"),
        new("NegativeDuplicateEnum", """
            namespace P;
            public enum E : long { Neg = -1, Zero = 0, Alias = 0, Big = long.MaxValue }
            [LlmOutput] public partial record Root(E A, E B, E C);
            """, "new P.Root(P.E.Neg, P.E.Alias, P.E.Big)"),
        new("EnumMemberAttribute", """
            namespace P;
            public enum Color { [System.Runtime.Serialization.EnumMember(Value = "dark-red")] DarkRed, Blue }
            [LlmOutput] public partial record Root(Color Color);
            """, "new P.Root(P.Color.DarkRed)"),
        new("CaseOnlyEnumNames", """
            namespace P;
            public enum State { Open, OPEN, open2 }
            [LlmOutput] public partial record Root(State S, State T);
            """, "new P.Root(P.State.OPEN, P.State.Open)"),
        new("DuplicateEnumMemberNames", """
            namespace P;
            public enum Size { [JsonStringEnumMemberName("s")] Small, [JsonStringEnumMemberName("s")] Tiny, Large }
            [LlmOutput] public partial record Root(Size Size);
            """, "new P.Root(P.Size.Large)"),
        new("EnumNameVsMemberName", """
            namespace P;
            public enum Size { [JsonStringEnumMemberName("Large")] Small, Large }
            [LlmOutput] public partial record Root(Size Size);
            """, "new P.Root(P.Size.Small)"),
        new("OddPrimitives", """
            namespace P;
            [LlmOutput] public partial record Root(byte[] Data, char Initial, Half H, Int128 Big, UInt128 UBig, float F, decimal D, sbyte S);
            """, "new P.Root(new byte[] { 1, 2, 255 }, 'é', (Half)1.5, Int128.MaxValue, UInt128.MaxValue, 3.25f, 79228162514264337593543950335m, -128)"),
        new("BigIntegerMember", """
            namespace P;
            [LlmOutput] public partial record Root(System.Numerics.BigInteger Value);
            """),
        new("NativeInts", """
            namespace P;
            [LlmOutput] public partial record Root(nint N, nuint U, IntPtr P);
            """),
        new("NullableInCollections", """
            namespace P;
            public enum Color { Red, Blue }
            [LlmOutput] public partial record Root(List<Color?> Colors, List<int?> Ints, int?[] Arr, List<string?> Names, Nullable<int> Spelled, System.Nullable<Color> C2);
            """, "new P.Root(new() { P.Color.Red, null }, new() { 1, null }, new int?[] { null, 2 }, new() { null, \"a\" }, 4, null)"),
        new("DictionaryOfLists", """
            namespace P;
            public record Item(string Name);
            [LlmOutput] public partial record Root(Dictionary<string, List<Item>> Groups, IReadOnlyDictionary<string, int?> Map);
            """, "new P.Root(new() { [\"g\"] = new() { new P.Item(\"i\") } }, new Dictionary<string, int?> { [\"k\"] = null, [\"j\"] = 2 })"),
        new("DictionaryNonStringKeys", """
            namespace P;
            public enum Color { Red, Blue }
            [LlmOutput] public partial record Root(Dictionary<int, string> ByInt, Dictionary<Color, int> ByEnum, Dictionary<Guid, int> ByGuid);
            """, "new P.Root(new() { [1] = \"a\" }, new() { [P.Color.Red] = 1 }, new() { [Guid.Empty] = 1 })"),
        new("JaggedArrays", """
            namespace P;
            [LlmOutput] public partial record Root(int[][] Grid, List<string[]> Rows, List<List<double>> Nested);
            """, "new P.Root(new[] { new[] { 1, 2 }, new int[0] }, new() { new[] { \"a\" } }, new() { new() { 1.5 } })"),
        new("MultiDimArray", """
            namespace P;
            [LlmOutput] public partial record Root(int[,] Matrix);
            """),
        new("SetsAndMemory", """
            namespace P;
            [LlmOutput] public partial record Root(ISet<string> S, IReadOnlySet<int> R, SortedSet<int> Sorted);
            """, "new P.Root(new HashSet<string> { \"a\" }, new HashSet<int> { 1, 2 }, new SortedSet<int> { 3, 1 })"),
        new("MemoryMembers", """
            namespace P;
            [LlmOutput] public partial record Root(ReadOnlyMemory<int> M, Memory<byte> B, ReadOnlyMemory<byte> RB);
            """, "new P.Root(new int[] { 1, 2 }, new byte[] { 1 }, new byte[] { 2 })"),
        new("KeyValuePairMember", """
            namespace P;
            [LlmOutput] public partial record Root(KeyValuePair<string, int> Pair, List<KeyValuePair<string, int>> Pairs);
            """, "new P.Root(new(\"a\", 1), new() { new(\"b\", 2) })"),
        new("TupleMember", """
            namespace P;
            [LlmOutput] public partial record Root((int a, string b) Pair, Tuple<int, string> Old);
            """),
        new("StackQueueLinked", """
            namespace P;
            [LlmOutput] public partial record Root(Stack<int> Stack, Queue<string> Queue, LinkedList<int> Linked, System.Collections.ObjectModel.ObservableCollection<string> Obs);
            """, "new P.Root(new Stack<int>(new[] { 1, 2, 3 }), new Queue<string>(new[] { \"a\" }), new LinkedList<int>(new[] { 5 }), new() { \"o\" })"),
        new("UsingAliases", """
            using Tags = System.Collections.Generic.List<string>;
            using Num = System.Int32;
            namespace P;
            [LlmOutput] public partial record Root(Tags T, Num N);
            """, "new P.Root(new() { \"a\" }, 2)"),
        new("GlobalUsingsTwoFiles", """
            namespace P;
            [LlmOutput] public partial record Root(List<string> L, Dictionary<string, int>? D);
            """, "new P.Root(new() { \"x\" }, null)", More: new[] { "global using System.Collections.Generic; global using StructuredLlm;" }),
        new("NestedInGenericOuter", """
            namespace P;
            public partial class Outer<T> { [LlmOutput] public partial record Inner(string A); }
            """),
        new("NestedInNonGenericOuters", """
            namespace P;
            public partial class Outer { internal partial struct Mid { [LlmOutput] public partial record Root(string A); } }
            """, "new P.Outer.Mid.Root(\"a\")", Root: "P.Outer+Mid+Root"),
        new("TypeNamedSystem", """
            namespace P;
            [LlmOutput] public partial record System(int X, string Text);
            public record Root();
            """, "new P.System(1, \"t\")", Root: "P.System"),
        new("TypeNamedLikeRuntime", """
            namespace P;
            public record LlmOutputInfo(int Z);
            public record LlmRead(string Q);
            public class StructuredLlm { }
            [global::StructuredLlm.LlmOutput] public partial record Root(LlmOutputInfo Info, LlmRead Read, int Json);
            """, "new P.Root(new P.LlmOutputInfo(1), new P.LlmRead(\"q\"), 3)"),
        new("KeywordNames", """
            namespace P;
            [LlmOutput] public partial record @Root(int @int, string @event, bool @class, double @default);
            """, "new P.Root(1, \"e\", true, 2.5)"),
        new("UnicodeIdentifiers", """
            namespace P;
            [LlmOutput(Name = "Groesse")] public partial record Größe(string Straße, int Ωmega, string 名前, string Ärger);
            """, "new P.Größe(\"s\", 1, \"n\", \"ä\")", Root: "P.Größe"),
        new("UnicodeSchemaName", """
            namespace P;
            [LlmOutput] public partial record Größe(string Straße);
            """),
        new("MembersNamedLikeApi", """
            namespace P;
            [LlmOutput] public partial record Root(string Parse, string Schema, int Reader, string Value, string Type, string Description, List<string> Errors, string Options, string Text, string Json, string Info);
            """, "new P.Root(\"p\", \"s\", 1, \"v\", \"t\", \"d\", new() { \"e\" }, \"o\", \"x\", \"j\", \"i\")"),
        new("MemberNamedLlmInfo", """
            namespace P;
            [LlmOutput] public partial record Root(string LlmInfo);
            """),
        new("XmlDocsOdd", """
            namespace P;
            /// <summary>Root with <see cref="Item"/> and <c>code</c>.<para>Second para &amp; more "quotes" \ back.</para><![CDATA[ <raw> & stuff ]]></summary>
            [LlmOutput] public partial record Root(Item I)
            {
            }
            /// <summary>An item.</summary>
            /// <param name="Name">The <paramref name="Name"/> with <see langword="null"/> &lt;tag&gt; and "quotes".</param>
            public record Item(string Name);
            """, "new P.Root(new P.Item(\"n\"))"),
        new("DescriptionEscapes", """
            namespace P;
            [LlmOutput] [Description("Type \"desc\" with \\ backslash, </script>, \u2028 line sep, \t tab, \u0001 ctrl, emoji 😀")]
            public partial record Root([property: Description("Line1\nLine2\r\n\"q\" {braces} $\"interp\" \\u0041")] string A);
            """, "new P.Root(\"a\")"),
        new("VeryLongDescription", """
            namespace P;
            [LlmOutput] public partial record Root([property: Description(Root.Long)] string A) { public const string Long = "x"
            """ + string.Concat(Enumerable.Repeat(" + \"0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 abcdefghijklmnopqrstuvwxyz\"", 400)) + "; }",
            "new P.Root(\"a\")"),
        new("JsonPropertyNameEscapes", """
            namespace P;
            [LlmOutput] public partial record Root(
                [property: JsonPropertyName("a\"b")] int A,
                [property: JsonPropertyName("ü-ñ é")] int B,
                [property: JsonPropertyName("back\\slash")] int C,
                [property: JsonPropertyName("$ref")] int D,
                [property: JsonPropertyName("with\nnewline")] int E,
                [property: JsonPropertyName("😀")] int F);
            """, "new P.Root(1, 2, 3, 4, 5, 6)"),
        new("EmptyJsonPropertyName", """
            namespace P;
            [LlmOutput] public partial record Root([property: JsonPropertyName("")] int A, int B);
            """, "new P.Root(1, 2)"),
        new("DuplicateJsonName", """
            namespace P;
            [LlmOutput] public partial record Root([property: JsonPropertyName("x")] int A, [property: JsonPropertyName("x")] int B);
            """),
        new("CaseOnlyMemberNames", """
            namespace P;
            [LlmOutput] public partial class Root { public int Value { get; set; } public int value { get; set; } }
            """),
        new("JsonPropertyNameOnParameterOnly", """
            namespace P;
            [LlmOutput] public partial record Root([Range(1, 5)] int C, [Description("param only")] string D, [MaxLength(2)] List<int> L);
            """, "new P.Root(9, \"d\", new() { 1, 2, 3 })"),
        new("JsonIgnoreConditions", """
            namespace P;
            [LlmOutput] public partial class Root
            {
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? A { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int B { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenReading)] public int C { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)] public int D { get; set; }
            }
            """, "new P.Root { A = \"a\", B = 1, C = 2, D = 3 }"),
        new("JsonIncludePrivate", """
            namespace P;
            [LlmOutput] public partial class Root
            {
                [JsonInclude] private string Secret { get; set; } = "";
                [JsonInclude] public string Visible { get; private set; } = "";
                [JsonInclude] internal int Internal { get; set; }
                public int N { get; set; }
            }
            """, "new P.Root { N = 1 }"),
        new("ExtensionDataPositional", """
            namespace P;
            [LlmOutput] public partial record Root(string A, [property: JsonExtensionData] Dictionary<string, JsonElement>? Extra = null);
            """, "new P.Root(\"a\")", Bad: new[] { "{\"a\": \"x\", \"b\": 1}" }),
        new("NumberHandling", """
            namespace P;
            [LlmOutput] public partial record Root([property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] int Count, double Ratio);
            """, "new P.Root(5, 0.5)"),
        new("NumberHandlingOnType", """
            namespace P;
            [LlmOutput] [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.WriteAsString)] public partial record Root(double Ratio, int N);
            """, "new P.Root(double.NaN, 2)"),
        new("ConverterOnMember", """
            namespace P;
            public sealed class UpperConverter : JsonConverter<string> { public override string Read(ref Utf8JsonReader r, Type t, JsonSerializerOptions o) => r.GetString()!.ToUpperInvariant(); public override void Write(Utf8JsonWriter w, string v, JsonSerializerOptions o) => w.WriteStringValue(v); }
            [LlmOutput] public partial record Root([property: JsonConverter(typeof(UpperConverter))] string A);
            """),
        new("RangeTypeDecimal", """
            namespace P;
            [LlmOutput] public partial record Root([property: Range(typeof(decimal), "0.1", "9.9")] decimal Price, [property: Range(typeof(int), "1", "10")] int N, [property: Range(typeof(DateTime), "2020-01-01", "2030-12-31")] DateTime When);
            """, "new P.Root(1.5m, 3, new DateTime(2025, 1, 1))", Bad: new[] { "{\"price\": 10, \"n\": 3, \"when\": \"2025-01-01T00:00:00\"}", "{\"price\": 1, \"n\": 11, \"when\": \"2025-01-01T00:00:00\"}" }),
        new("RangeInfinity", """
            namespace P;
            [LlmOutput] public partial record Root([property: Range(double.NegativeInfinity, 0)] double Temp, [property: Range(0, double.PositiveInfinity)] double Up, [property: Range(double.MinValue, double.MaxValue)] double All, [property: Range(0, double.NaN)] double NaNMax);
            """, "new P.Root(-5, 5, 1, 1)"),
        new("RegexUnsupported", """
            namespace P;
            [LlmOutput] public partial record Root([property: RegularExpression(@"(?<=a)b+")] string Look, [property: RegularExpression(@"\p{L}+")] string Letters, [property: RegularExpression(@"[a-z]+(?=x)x")] string Ahead, [property: RegularExpression(@"\d{2,}(?<name>z)\k<name>")] string Named);
            """, "new P.Root(\"bb\", \"é\", \"ax\", \"12zz\")"),
        new("ConstraintsMinGreaterMax", """
            namespace P;
            [LlmOutput] public partial record Root([property: StringLength(2, MinimumLength = 5)] string S, [property: MinLength(-1)] string T, [property: MaxLength(-5)] List<int> L, [property: Length(5, 2)] string U, [property: MinLength(3), MaxLength(1)] string V);
            """),
        new("IntDiscriminators", """
            namespace P;
            [JsonDerivedType(typeof(A), 1)] [JsonDerivedType(typeof(B), 2)]
            public abstract record Shape(string Color);
            public record A(string Color, int X) : Shape(Color);
            public record B(string Color, string Y) : Shape(Color);
            [LlmOutput] public partial record Root(Shape S, List<Shape> All);
            """, "new P.Root(new P.A(\"red\", 1), new() { new P.B(\"b\", \"y\"), new P.A(\"c\", 2) })", Bad: new[] { "{\"s\": {\"$type\": 3, \"color\": \"r\", \"x\": 1}, \"all\": []}" }),
        new("StringDiscriminatorOtherNamespace", """
            namespace P
            {
                [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
                [JsonDerivedType(typeof(Q.Cat), "cat")] [JsonDerivedType(typeof(R.Dog), "dog")]
                public abstract record Animal(string Name);
                [LlmOutput] public partial record Root(Animal Pet, Animal? Other);
            }
            namespace Q { public record Cat(string Name, int Lives) : P.Animal(Name); }
            namespace R { public record Dog(string Name, bool Good) : P.Animal(Name); }
            """, "new P.Root(new Q.Cat(\"c\", 9), null)", Bad: new[] { "{\"pet\": {\"kind\": \"cow\", \"name\": \"c\"}, \"other\": null}" }),
        new("AbstractBaseNoDerived", """
            namespace P;
            public abstract record Animal(string Name);
            [LlmOutput] public partial record Root(Animal Pet);
            """),
        new("InterfaceMember", """
            namespace P;
            public interface IAnimal { string Name { get; } }
            [LlmOutput] public partial record Root(IAnimal Pet);
            """),
        new("InterfacePolymorphic", """
            namespace P;
            [JsonDerivedType(typeof(Cat), "cat")] public interface IAnimal { string Name { get; } }
            public record Cat(string Name, int Lives) : IAnimal;
            [LlmOutput] public partial record Root(IAnimal Pet);
            """, "new P.Root(new P.Cat(\"c\", 9))"),
        new("NestedPolymorphicDerived", """
            namespace P;
            [JsonDerivedType(typeof(Leaf), "leaf")] [JsonDerivedType(typeof(Branch), "branch")]
            public abstract record Node(string Id);
            public record Leaf(string Id, int V) : Node(Id);
            [JsonDerivedType(typeof(Branch), "branch")] [JsonDerivedType(typeof(BigBranch), "big")]
            public record Branch(string Id, List<Node> Kids) : Node(Id);
            public record BigBranch(string Id, List<Node> Kids, int Size) : Branch(Id, Kids);
            [LlmOutput] public partial record Root(Node N, Branch B);
            """, "new P.Root(new P.Branch(\"b\", new() { new P.Leaf(\"l\", 1) }), new P.BigBranch(\"x\", new(), 3))"),
        new("RecursionThroughDictAndNullable", """
            namespace P;
            public record Node(string Name, Dictionary<string, Node>? Children, Node? Parent);
            [LlmOutput] public partial record Root(Node Tree);
            """, "new P.Root(new P.Node(\"a\", new() { [\"b\"] = new P.Node(\"b\", null, null) }, null))"),
        new("MutualRecursionLists", """
            namespace P;
            public record Dept(string Name, List<Person> Staff);
            public record Person(string Name, Dept? Home, List<Person> Friends);
            [LlmOutput] public partial record Root(Dept D);
            """, "new P.Root(new P.Dept(\"d\", new() { new P.Person(\"p\", null, new()) }))"),
        new("OpenAINestingLimit", """
            namespace P;
            public record L1(L2 N); public record L2(L3 N); public record L3(L4 N); public record L4(L5 N); public record L5(L6 N);
            public record L6(L7 N); public record L7(L8 N); public record L8(L9 N); public record L9(L10 N); public record L10(L11 N); public record L11(int V);
            [LlmOutput] public partial record Root(L1 Deep);
            """),
        new("PartialAcrossFiles", """
            namespace P;
            /// <summary>Part one.</summary>
            [LlmOutput] public partial record Root(int A);
            """, "new P.Root(1) { B = \"b\" }", More: new[] { "namespace P { public partial record Root { /// <summary>B doc.</summary>\n public string B { get; init; } = \"\"; } }" }),
        new("RecordStruct", """
            namespace P;
            [LlmOutput] public readonly partial record struct Root(int A, string B);
            """, "new P.Root(1, \"b\")"),
        new("ReadonlyStructCtor", """
            namespace P;
            [LlmOutput] public readonly partial struct Root { public Root(int a, string b) { A = a; B = b; } public int A { get; } public string B { get; } }
            """, "new P.Root(1, \"b\")"),
        new("StructNoCtorFieldsOnly", """
            namespace P;
            [LlmOutput] public partial struct Root { public int X; public string Y; }
            """),
        new("RefStruct", """
            namespace P;
            [LlmOutput] public ref partial struct Root { public int A { get; set; } }
            """),
        new("StaticClass", """
            namespace P;
            [LlmOutput] public static partial class Root { public static int A { get; set; } }
            """),
        new("AbstractRoot", """
            namespace P;
            [LlmOutput] public abstract partial class Root { public int A { get; set; } }
            """),
        new("ObjectAndJsonElement", """
            namespace P;
            [LlmOutput] public partial record Root(object Any, JsonElement Elem, System.Text.Json.Nodes.JsonNode? Node, JsonDocument? Doc);
            """),
        new("FrameworkTypes", """
            namespace P;
            [LlmOutput] public partial record Root(Version V, Type T, System.Threading.Tasks.Task<int> Task, Exception E);
            """),
        new("GenericBase", """
            namespace P;
            public record Base<T>(T Value);
            [LlmOutput] public partial record Root(int Value, string Name) : Base<int>(Value);
            """, "new P.Root(1, \"n\")"),
        new("PositionalRedeclared", """
            namespace P;
            [LlmOutput] public partial record Root(string Name, int Count) { public string Name { get; init; } = Name.Trim(); public int Count { get; } = Count; }
            """, "new P.Root(\"n\", 2)"),
        new("PositionalDefaults", """
            namespace P;
            [LlmOutput] public partial record Root(string A, int Count = 5, string? Note = "n", List<int>? L = null);
            """, "new P.Root(\"a\", 3, null, new() { 1 })"),
        new("RequiredOnNullable", """
            namespace P;
            [LlmOutput] public partial class Root { [Required] public int? A { get; set; } [JsonRequired] public string? B { get; set; } [Required(AllowEmptyStrings = true)] public string? C { get; set; } }
            """, "new P.Root { A = 1, B = null, C = \"\" }"),
        new("CSharp73NullableDisabled", """
            namespace P {
            [LlmOutput] public partial class Root { public string Name { get; set; } public int Count { get; set; } public List<string> Tags { get; set; } }
            }
            """, Lang: LanguageVersion.CSharp7_3),
        new("CSharp8NullableDisabled", """
            #nullable disable
            namespace P {
            [LlmOutput] public partial class Root { public string Name { get; set; } public int? Count { get; set; } }
            }
            """, "new P.Root { Name = \"n\", Count = null }", Lang: LanguageVersion.CSharp8),
        new("CSharp10RecordStruct", """
            namespace P;
            [LlmOutput] public partial record struct Root(int A, string? B);
            """, "new P.Root(1, null)", Lang: LanguageVersion.CSharp10),
        new("CSharp9Record", """
            namespace P {
            [LlmOutput] public partial record Root(int A, List<string> B) { public string C { get; init; } = ""; }
            }
            """, "new P.Root(1, new()) { C = \"c\" }", Lang: LanguageVersion.CSharp9),
        new("AllowedValuesAndEnumDataType", """
            namespace P;
            [LlmOutput] public partial record Root([property: AllowedValues("a", "b\"c", null)] string? S, [property: DeniedValues("x")] string D, [property: Base64String] string B64);
            """, "new P.Root(\"b\\\"c\", \"y\", \"AAAA\")", Bad: new[] { "{\"s\": \"z\", \"d\": \"y\", \"b64\": \"AAAA\"}", "{\"s\": \"a\", \"d\": \"x\", \"b64\": \"AAAA\"}" }),
        new("DateTypes", """
            namespace P;
            [LlmOutput] public partial record Root(DateTimeOffset? At, TimeSpan Span, Uri? Link, DateOnly Day, TimeOnly Time, Guid? Id, DateTime Local);
            """, "new P.Root(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), TimeSpan.FromMinutes(-90), new Uri(\"https://x.y/z?q=1\"), new DateOnly(2025, 3, 1), new TimeOnly(13, 14, 15, 16), Guid.NewGuid(), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))"),
        new("NumberPrecision", """
            namespace P;
            [LlmOutput] public partial record Root(long Big, ulong UBig, double Tiny, float F, decimal Dec);
            """, "new P.Root(9007199254740993, ulong.MaxValue, 5e-324, float.MaxValue, 0.1000000000000000000000000001m)"),
        new("InheritedOutputTypes", """
            namespace P;
            [LlmOutput] public partial record Base(int A);
            [LlmOutput] public partial record Root(int A, string B) : Base(A);
            """, "new P.Root(1, \"b\")"),
        new("ClassWithInitAndCtorMix", """
            namespace P;
            [LlmOutput] public partial class Root { public Root(string id) { Id = id; } public string Id { get; } public string? Note { get; init; } public int Count { get; set; } }
            """, "new P.Root(\"i\") { Note = \"n\", Count = 2 }"),
        new("MultipleCtorsAmbiguous", """
            namespace P;
            [LlmOutput] public partial class Root { public Root(string a) { A = a; B = 0; } public Root(int b) { A = ""; B = b; } public string A { get; } public int B { get; } }
            """),
        new("JsonConstructorChosen", """
            namespace P;
            [LlmOutput] public partial class Root { public Root() { A = "d"; } [JsonConstructor] public Root(string a, int b) { A = a; B = b; } public string A { get; } public int B { get; } }
            """, "new P.Root(\"a\", 2)"),
        new("PrivateCtorJsonConstructor", """
            namespace P;
            [LlmOutput] public partial class Root { [JsonConstructor] private Root(string a) { A = a; } public string A { get; } public static Root Make(string a) => new(a); }
            """, "P.Root.Make(\"a\")"),
        new("NamingPolicySnakeWithAcronyms", """
            namespace P;
            [LlmOutput(NamingPolicy = LlmNamingPolicy.SnakeCaseLower)] public partial record Root(string HTTPServer, int IOPort, string Name2Go, string Ünïcode);
            """, "new P.Root(\"s\", 1, \"n\", \"u\")"),
        new("ListOfPolymorphicNullable", """
            namespace P;
            [JsonPolymorphic] [JsonDerivedType(typeof(A), "a")] public abstract record Base;
            public record A(int X) : Base;
            [LlmOutput] public partial record Root(List<Base?> Items);
            """, "new P.Root(new() { new P.A(1), null })"),
        new("ConcreteBaseWithoutOwnDiscriminator", """
            namespace P;
            [JsonDerivedType(typeof(Sub), "sub")] public record Base(int X);
            public record Sub(int X, int Y) : Base(X);
            [LlmOutput] public partial record Root(Base B, Base C);
            """, "new P.Root(new P.Base(1), new P.Sub(1, 2))"),
        new("ImmutableCollections", """
            namespace P;
            [LlmOutput] public partial record Root(ImmutableArray<int> A, ImmutableList<string> L, ImmutableHashSet<int> H, ImmutableDictionary<string, int>? D, IImmutableList<int> IL, ImmutableSortedSet<int> SS, ImmutableQueue<int> Q);
            """, "new P.Root(ImmutableArray.Create(1), ImmutableList.Create(\"a\"), ImmutableHashSet.Create(2), null, ImmutableList.Create(3), ImmutableSortedSet.Create(4), ImmutableQueue.Create(5))"),
        new("ArrayOfByteArrays", """
            namespace P;
            [LlmOutput] public partial record Root(List<byte[]> Blobs, byte[]? Maybe, [property: MaxLength(4)] byte[] Small);
            """, "new P.Root(new() { new byte[] { 1 } }, null, new byte[] { 1, 2 })"),
        new("CharConstraints", """
            namespace P;
            [LlmOutput] public partial record Root(char C, char? D, List<char> Cs, [property: AllowedValues('a', 'b')] char E);
            """, "new P.Root('\"', null, new() { '\\\\', 'x' }, 'a')", Bad: new[] { "{\"c\": \"ab\", \"d\": null, \"cs\": [], \"e\": \"a\"}" }),
        new("ObsoleteAndExperimental", """
            namespace P;
            [LlmOutput] public partial record Root([property: Obsolete("old")] int Old, int New);
            """, "new P.Root(1, 2)"),
        new("EventsAndMethods", """
            namespace P;
            [LlmOutput] public partial class Root { public event EventHandler? Changed { add { } remove { } } public int A { get; set; } public int Twice() => A * 2; public Action? Callback { get; set; } }
            """),
        new("ValueTupleInList", """
            namespace P;
            [LlmOutput] public partial record Root(List<(string, int)> Pairs);
            """),
        new("LazyAndFunc", """
            namespace P;
            [LlmOutput] public partial record Root(Lazy<int> L, Func<int> F);
            """),
        new("NullableReferenceGenericArgument", """
            namespace P;
            public record Box<T>(T Value);
            [LlmOutput] public partial record Root(Box<string?> MaybeText, Box<int?> MaybeInt, Box<string> Text);
            """, "new P.Root(new P.Box<string?>(null), new P.Box<int?>(null), new P.Box<string>(\"t\"))", Bad: new[] { "{\"maybeText\": {\"value\": null}, \"maybeInt\": {\"value\": null}, \"text\": {\"value\": null}}" }),
        new("GenericConstraintT", """
            namespace P;
            public record Box<T>(T Value) where T : notnull;
            public record Pair<TKey, TValue>(TKey Key, TValue Value);
            [LlmOutput] public partial record Root(Box<List<int>> Ints, Pair<string, Box<double>> P);
            """, "new P.Root(new P.Box<List<int>>(new() { 1 }), new P.Pair<string, P.Box<double>>(\"k\", new P.Box<double>(1.5)))"),

        new("GenericRecursiveTwoInstantiations", """
            namespace P;
            public record Tree<T>(T Value, List<Tree<T>> Children);
            [LlmOutput] public partial record Root(Tree<int> Ints, Tree<string> Texts);
            """, "new P.Root(new P.Tree<int>(1, new() { new P.Tree<int>(2, new()) }), new P.Tree<string>(\"a\", new()))", Bad: new[] { "{\"ints\": {\"value\": 1, \"children\": []}, \"texts\": {\"value\": 1, \"children\": [{\"value\": 2, \"children\": []}]}}" }),
        new("SameNameRecursiveTypesInTwoNamespaces", """
            namespace P
            {
                [LlmOutput] public partial record Root(A.Node First, B.Node Second);
            }
            namespace A { public record Node(int Number, List<Node> Kids); }
            namespace B { public record Node(string Text, Node? Next); }
            """, "new P.Root(new A.Node(1, new()), new B.Node(\"t\", null))", Bad: new[] { "{\"first\": {\"number\": 1, \"kids\": []}, \"second\": {\"text\": 5, \"next\": null}}" }),
        new("OutputTypeFromOtherAssembly", """
            namespace P;
            [LlmOutput] public partial record Root(Lib.Address Home, Lib.Plain Other);
            """, "new P.Root(new Lib.Address(\"s\", \"c\"), new Lib.Plain(2))", Lib: """
            namespace Lib;
            [LlmOutput] public partial record Address([property: Description("Street")] string Street, string City);
            public record Plain(int N);
            """),
        new("NumberEnumConverter", """
            namespace P;
            public enum Level { Low, High }
            [JsonConverter(typeof(JsonNumberEnumConverter<Kind>))] public enum Kind { A, B }
            [LlmOutput] public partial record Root([property: JsonConverter(typeof(JsonNumberEnumConverter<Level>))] Level L, Kind K, [property: JsonConverter(typeof(JsonStringEnumConverter<Level>))] Level S);
            """),
        new("DiscriminatorClashesWithMember", """
            namespace P;
            [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")] [JsonDerivedType(typeof(A), "a")]
            public abstract record Base;
            public record A(string Kind, int X) : Base;
            [LlmOutput] public partial record Root(Base B);
            """),
        new("DerivedWithoutDiscriminator", """
            namespace P;
            [JsonDerivedType(typeof(A))] [JsonDerivedType(typeof(B), "b")]
            public abstract record Base(int X);
            public record A(int X, int Y) : Base(X);
            public record B(int X, string Z) : Base(X);
            [LlmOutput] public partial record Root(Base V);
            """),
        new("RangeOnOddTypes", """
            namespace P;
            public enum Color { Red, Blue }
            [LlmOutput] public partial record Root([property: Range(1, 3)] int? Maybe, [property: Range(0, 1)] Color C, [property: Range(1, 5)] List<int> L, [property: StringLength(3)] Guid G, [property: MaxLength(3)] char Ch);
            """, "new P.Root(2, P.Color.Red, new() { 1 }, Guid.Empty, 'a')"),
        new("NullableStructMembers", """
            namespace P;
            public record struct Point(double X, double Y);
            [LlmOutput] public partial record struct Size(int W, int H);
            [LlmOutput] public partial record Root(Point? At, Size? S, List<Point?> Trail, Size Fixed);
            """, "new P.Root(new P.Point(1, 2), null, new() { null, new P.Point(3, 4) }, new P.Size(1, 2))"),
        new("SetsRequiredMembersCtor", """
            namespace P;
            [LlmOutput] public partial class Root
            {
                public Root() { }
                [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public Root(string name) { Name = name; }
                public required string Name { get; init; }
                public int Count { get; set; }
            }
            """, "new P.Root { Name = \"n\", Count = 1 }"),
        new("PropertyOrderNegative", """
            namespace P;
            [LlmOutput] public partial record Root([property: JsonPropertyOrder(5)] int A, [property: JsonPropertyOrder(-1)] int B, int C);
            """, "new P.Root(1, 2, 3)"),
        new("PublicFieldsBesideProperties", """
            namespace P;
            [LlmOutput] public partial class Root { public int Count; public string Name { get; set; } = ""; [JsonInclude] public int Included; public readonly int ReadOnlyField = 1; }
            """),
        new("RecordStructRequired", """
            namespace P;
            [LlmOutput] public partial record struct Root { public required string Name { get; init; } public int? N { get; init; } public Root() { } }
            """, "new P.Root { Name = \"n\", N = 1 }"),
        new("EnumUnderlyingByteWithDocs", """
            namespace P;
            /// <summary>The "mood" &amp; feel.</summary>
            public enum Mood : byte
            {
                /// <summary>Happy \ "glad".</summary>
                Happy = 1,
                /// <summary>Sad.</summary>
                Sad = 255,
            }
            [LlmOutput] public partial record Root(Mood M, Mood? Maybe);
            """, "new P.Root(P.Mood.Sad, null)", Bad: new[] { "{\"m\": 1, \"maybe\": null}", "{\"m\": \"Angry\", \"maybe\": null}" }),
        new("DerivedTypeIsAlsoLlmOutput", """
            namespace P;
            [JsonDerivedType(typeof(Cat), "cat")] [JsonDerivedType(typeof(Dog), "dog")]
            public abstract partial record Animal(string Name);
            [LlmOutput] public partial record Cat(string Name, int Lives) : Animal(Name);
            public partial record Dog(string Name) : Animal(Name);
            [LlmOutput] public partial record Root(Animal A, Cat C);
            """, "new P.Root(new P.Dog(\"d\"), new P.Cat(\"c\", 9))"),
        new("PolymorphicCustomDiscriminatorOnDerivedRoot", """
            namespace P;
            [JsonPolymorphic(TypeDiscriminatorPropertyName = "type")] [JsonDerivedType(typeof(Root), "root")]
            public abstract record Base(int X);
            [LlmOutput] public partial record Root(int X, string Y) : Base(X);
            """, "new P.Root(1, \"y\")"),
        new("InitOnlyStructWithDefaultCtorValues", """
            namespace P;
            [LlmOutput] public partial struct Root { public Root() { Name = "d"; } public string Name { get; init; } public int? Count { get; set; } }
            """, "new P.Root { Name = \"n\", Count = null }"),
        new("AliasCollisionWithOtherMember", """
            namespace P;
            [LlmOutput] public partial record Root([property: LlmAlias("b")] int A, int B);
            """),
        new("ListOfListsOfNullableStrings", """
            namespace P;
            [LlmOutput] public partial record Root(List<List<string?>?> Grid, IReadOnlyList<IReadOnlyList<int>> Ro, IEnumerable<string> E, ICollection<int> Col, IReadOnlyCollection<double> RC);
            """, "new P.Root(new() { null, new() { null, \"a\" } }, new List<IReadOnlyList<int>> { new List<int> { 1 } }, new[] { \"e\" }, new List<int> { 2 }, new List<double> { 1.5 })"),
        new("InterfaceDefaultProperty", """
            namespace P;
            public interface INamed { string Name { get; } string Upper => Name.ToUpperInvariant(); }
            [LlmOutput] public partial record Root(string Name) : INamed;
            """, "new P.Root(\"n\")"),
        new("DescriptionOnEnumMembersAndType", """
            namespace P;
            [Description("Type desc \"quoted\"")] public enum Pri { [Description("lowest \\ one")] Low, [Description("")] High }
            [LlmOutput] public partial record Root([property: Description("")] Pri P, [property: Description("   ")] string S);
            """, "new P.Root(P.Pri.High, \"s\")"),

        new("CSharp73Complex", """
            namespace P {
            public enum Kind { A, B }
            [JsonDerivedType(typeof(Sq), "sq")] public abstract class Shape { public string Color { get; set; } }
            public class Sq : Shape { public double Side { get; set; } }
            public class Node { public string Name { get; set; } public List<Node> Kids { get; set; } }
            [LlmOutput] public partial class Root { public Kind K { get; set; } public Shape S { get; set; } public Node N { get; set; } public int? Maybe { get; set; } public Dictionary<string, int> D { get; set; } }
            }
            """, Lang: LanguageVersion.CSharp7_3),
        new("CSharp8Polymorphic", """
            namespace P {
            public enum Kind { A, B }
            [JsonDerivedType(typeof(Sq), "sq")] public abstract class Shape { public string Color { get; set; } = ""; }
            public class Sq : Shape { public double Side { get; set; } }
            public class Node { public string Name { get; set; } = ""; public List<Node> Kids { get; set; } = new List<Node>(); public Node? Parent { get; set; } }
            [LlmOutput] public partial class Root { public Kind K { get; set; } public Shape S { get; set; } = new Sq(); public Node N { get; set; } = new Node(); public int? Maybe { get; set; } public string? Text { get; set; } }
            }
            """, "new P.Root { K = P.Kind.B, S = new P.Sq { Color = \"c\", Side = 2 }, N = new P.Node { Name = \"n\" }, Maybe = 1, Text = null }", Lang: LanguageVersion.CSharp8),
        new("NullableRegions", """
            namespace P;
            #nullable disable
            public record Inner(string Text, List<string> Items);
            #nullable enable
            [LlmOutput] public partial record Root(Inner I, string? Maybe,
            #nullable disable
                string Oblivious
            #nullable restore
            );
            """, "new P.Root(new P.Inner(\"t\", new() { \"i\" }), null, \"o\")"),
        new("GlobalNamespaceWithNestedAndEnum", """
            public enum GKind { X, Y }
            public partial class Outer { [LlmOutput] public partial record GRoot(GKind K, Outer.Item I) ; public record Item(int V); }
            """, "new Outer.GRoot(GKind.Y, new Outer.Item(1))", Root: "Outer+GRoot"),
        new("TypeNamedLikeNamespace", """
            namespace Foo
            {
                [LlmOutput] public partial record Foo(int X, Bar.Baz B);
            }
            namespace Foo.Bar { public record Baz(string Y); }
            """, "new Foo.Foo(1, new Foo.Bar.Baz(\"y\"))", Root: "Foo.Foo"),
        new("MembersNamedLikeLocals", """
            namespace P;
            [LlmOutput] public partial record Root(string value, int reader, bool context, string options, int key, string result, int i, string text, int json, string @this, int global);
            """, "new P.Root(\"v\", 1, true, \"o\", 2, \"r\", 3, \"t\", 4, \"th\", 5)"),
        new("EnumKeywordAndUnicodeMembers", """
            namespace P;
            public enum E { @class, @default, None, Ünï, 名前 }
            [LlmOutput] public partial record Root(E A, List<E> B);
            """, "new P.Root(P.E.@class, new() { P.E.Ünï, P.E.名前, P.E.@default })"),
        new("EnumMemberNamesEscapes", """
            namespace P;
            public enum E { [JsonStringEnumMemberName("a\"b")] A, [JsonStringEnumMemberName("c\\d")] C, [JsonStringEnumMemberName("é ü")] U, [JsonStringEnumMemberName("")] Empty }
            [LlmOutput] public partial record Root(E A, E B, E C, E D);
            """, "new P.Root(P.E.A, P.E.C, P.E.U, P.E.Empty)"),
        new("AliasOddStrings", """
            namespace P;
            [LlmOutput] public partial record Root([property: LlmAlias("q\"uote", "back\\slash", "ünï")] int A, [property: LlmAlias("")] int B);
            """, "new P.Root(1, 2)", Bad: new[] { "{\"q\\\"uote\": 1, \"b\": 2}" }),
        new("SchemaNameEdge", """
            namespace P;
            [LlmOutput(Name = "a23456789012345678901234567890123456789012345678901234567890123x")] public partial record Root(int A);
            """),
        new("XmlDocGenericCref", """
            namespace P;
            /// <summary>Uses <see cref="List{T}"/> and <see cref="Dictionary{TKey, TValue}.Add(TKey, TValue)"/> and <typeparamref name="T"/>.</summary>
            /// <param name="Items">See <see cref="IEnumerable{T}"/>; <c>a &lt; b</c>.</param>
            [LlmOutput] public partial record Root(List<int> Items);
            """, "new P.Root(new() { 1 })"),
        new("NonPublicProperties", """
            namespace P;
            [LlmOutput] public partial class Root { public int A { get; set; } internal int B { get; set; } protected int C { get; set; } private int D { get; set; } protected internal int E { get; set; } }
            """, "new P.Root { A = 1 }"),
        new("VirtualOverrideAttributes", """
            namespace P;
            public abstract class Base { [JsonPropertyName("base_name")] [Range(1, 5)] public virtual int Score { get; set; } public abstract string Label { get; set; } }
            [LlmOutput] public partial class Root : Base { public override int Score { get; set; } public sealed override string Label { get; set; } = ""; }
            """, "new P.Root { Score = 3, Label = \"l\" }", Bad: new[] { "{\"score\": 9, \"label\": \"l\"}" }),
        new("RecordHidesBasePropertyWithOtherType", """
            namespace P;
            public record Base(string Id);
            [LlmOutput] public partial record Root(int Id) : Base(Id.ToString());
            """, "new P.Root(5)"),
        new("DictionaryOddValues", """
            namespace P;
            [LlmOutput] public partial record Root(Dictionary<string, string?> A, IDictionary<string, List<int>> B, Dictionary<string, object> C);
            """),
        new("DictionaryNullableValuesGemini", """
            namespace P;
            public record Item(string N);
            [LlmOutput] public partial record Root(Dictionary<string, string?> A, IDictionary<string, List<Item?>> B);
            """, "new P.Root(new() { [\"x\"] = null, [\"y\"] = \"v\" }, new Dictionary<string, List<P.Item?>> { [\"k\"] = new() { null, new P.Item(\"n\") } })"),
        new("NestedOutputTypeHasError", """
            namespace P;
            [LlmOutput] public partial class Inner { public Inner(int a) { } public int A { get; } }
            [LlmOutput] public partial record Root(Inner I, int B);
            """),
        new("MutuallyRecursiveOutputTypes", """
            namespace P;
            [LlmOutput] public partial record Person(string Name, Company? Employer);
            [LlmOutput] public partial record Company(string Title, List<Person> Staff);
            [LlmOutput] public partial record Root(Person P, Company C);
            """, "new P.Root(new P.Person(\"p\", new P.Company(\"c\", new())), new P.Company(\"d\", new() { new P.Person(\"q\", null) }))"),
        new("SelfRecursiveOutputTypeNestedElsewhere", """
            namespace P;
            [LlmOutput] public partial record Node(string Name, List<Node> Kids);
            [LlmOutput] public partial record Root(Node Tree, Node? Other);
            """, "new P.Root(new P.Node(\"a\", new() { new P.Node(\"b\", new()) }), null)"),
        new("PrivateNestedOutputTypeUsedByPublic", """
            namespace P;
            public partial class Host
            {
                [LlmOutput] private partial record Secret(int X);
                [LlmOutput] internal partial record Root(string A, List<int> L) { }
                [LlmOutput] private partial record Uses(Secret S);
            }
            """),
        new("OutputTypeAsDictionaryValueAndElement", """
            namespace P;
            [LlmOutput] public partial record Tag(string Name, [property: Range(1, 3)] int Level);
            [LlmOutput] public partial record Root(List<Tag> Tags, Dictionary<string, Tag> ByName, Tag[] Arr, Tag? Maybe);
            """, "new P.Root(new() { new P.Tag(\"t\", 1) }, new() { [\"k\"] = new P.Tag(\"u\", 2) }, new[] { new P.Tag(\"v\", 3) }, null)", Bad: new[] { "{\"tags\": [], \"byName\": {\"k\": {\"name\": \"u\", \"level\": 9}}, \"arr\": [], \"maybe\": null}" }),
        new("HugeEnum", """
            namespace P;
            public enum Big { 
            """ + string.Join(", ", Enumerable.Range(0, 1001).Select(i => "V" + i)) + """
             }
            [LlmOutput] public partial record Root(Big B);
            """),
        new("ManyOptionalAnthropic", """
            namespace P;
            [LlmOutput] public partial record Root(
            """ + string.Join(", ", Enumerable.Range(0, 25).Select(i => "int? O" + i)) + """
            );
            """),
        new("RangeBeyondIntegerTypes", """
            namespace P;
            [LlmOutput] public partial record Root([property: Range(0, 1e20)] ulong U, [property: Range(-1e20, 1e20)] long L, [property: Range(-1e40, 1e40)] Int128 I, [property: Range(0, 1e300)] decimal D, [property: Range(-1e10, 1e10)] int N);
            """, "new P.Root(ulong.MaxValue, long.MinValue, Int128.MinValue, 79228162514264337593543950335m, int.MinValue)"),
        new("WideIntegerRanges", """
            namespace P;
            [LlmOutput] public partial record Root([property: Range(1e30, 1e40)] Int128 Big, [property: Range(-5, 1e30)] Int128 Low, [property: Range(1e30, 1e300)] UInt128 UBig, [property: Range(0, 1e20)] UInt128 Small);
            """, "new P.Root(Int128.MaxValue, -5, UInt128.MaxValue, UInt128.Parse(\"100000000000000000000\"))", Bad: new[] { "{\"big\": 5, \"low\": 1, \"uBig\": 1e30, \"small\": 0}", "{\"big\": 1e30, \"low\": -170141183460469231731687303715884105728, \"uBig\": 1e30, \"small\": 0}", "{\"big\": 1e30, \"low\": 1, \"uBig\": 1e30, \"small\": 100000000000000000001}" }),
        new("DecimalFloatRangeOutsideType", """
            namespace P;
            [LlmOutput] public partial record Root([property: Range(1e30, 1e40)] decimal D, [property: Range(1e39, 1e40)] float F, [property: Range(70000, 80000)] Half H);
            """),
        new("FloatRangePrecision", """
            namespace P;
            [LlmOutput] public partial record Root([property: Range(0.7, 1.0)] float F, [property: Range(0.1, 0.7)] float G, [property: Range(0.7, 0.9)] Half H, [property: Range(0.3, 0.7)] decimal D, [property: Range(0.1, 0.3, MaximumIsExclusive = true)] float E);
            """, "new P.Root(0.7f, 0.7f, (Half)0.7, 0.7m, 0.2f)"),
        new("FloatBoundaryValues", """
            namespace P;
            [LlmOutput] public partial record Root([property: Range(0.1, 0.3)] float A, [property: Range(0.3, 0.6)] float B, [property: Range(0.1, 0.3)] double C);
            """, "new P.Root(0.3f, 0.3f, 0.3)"),
        new("MixedIntAndStringDiscriminators", """
            namespace P;
            [JsonDerivedType(typeof(A), 1)] [JsonDerivedType(typeof(B), "b")]
            public abstract record Base;
            public record A(int X) : Base;
            public record B(string Y) : Base;
            [LlmOutput] public partial record Root(Base One, Base Two);
            """, "new P.Root(new P.A(1), new P.B(\"y\"))"),
        new("DiscriminatorEscapes", """
            namespace P;
            [JsonPolymorphic(TypeDiscriminatorPropertyName = "t\"y pe")] [JsonDerivedType(typeof(A), "a\"1")] [JsonDerivedType(typeof(B), "b\\2")]
            public abstract record Base;
            public record A(int X) : Base;
            public record B(string Y) : Base;
            [LlmOutput] public partial record Root(Base One, List<Base> Many);
            """, "new P.Root(new P.A(1), new() { new P.B(\"y\") })"),
        new("MemberNamedLikeDiscriminator", """
            namespace P;
            [JsonDerivedType(typeof(A), "a")] public abstract record Base;
            public record A([property: JsonPropertyName("$type")] string Kind, int X) : Base;
            [LlmOutput] public partial record Root(Base B);
            """),
        new("PolymorphicInDictionaryAndRecursion", """
            namespace P;
            [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")] [JsonDerivedType(typeof(Leaf), "leaf")] [JsonDerivedType(typeof(Group), "group")]
            public abstract record Item;
            public record Leaf(int V) : Item;
            public record Group(Dictionary<string, Item> Named, List<Item?> Kids) : Item;
            [LlmOutput] public partial record Root(Item Top);
            """, "new P.Root(new P.Group(new() { [\"a\"] = new P.Leaf(1) }, new() { null, new P.Leaf(2) }))"),
        new("IgnoreUnrecognizedOnAbstract", """
            namespace P;
            [JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)] [JsonDerivedType(typeof(A), "a")]
            public abstract record Base;
            public record A(int X) : Base;
            [LlmOutput] public partial record Root(Base B);
            """, "new P.Root(new P.A(1))", Bad: new[] { "{\"b\": {\"$type\": \"zzz\", \"x\": 1}}", "{\"b\": {\"x\": 1}}" }),
        new("CharRegexAndUrlEmail", """
            namespace P;
            [LlmOutput] public partial record Root([property: RegularExpression("[a-c]")] char C, [property: Url, EmailAddress] string Both, [property: Url] Uri Link);
            """, "new P.Root('b', \"http://a@b.c\", new Uri(\"https://x.y/\"))"),
        new("DecimalRangeTypeMax", """
            namespace P;
            [LlmOutput] public partial record Root([property: Range(typeof(decimal), "0", "79228162514264337593543950335")] decimal D, [property: Range(typeof(double), "1e-320", "1")] double Tiny);
            """, "new P.Root(1.5m, 0.5)"),
        new("JsonPropertyNameOnOverrideAndBase", """
            namespace P;
            public class Base { [JsonPropertyName("b")] public virtual string Name { get; set; } = ""; }
            [LlmOutput] public partial class Root : Base { [JsonPropertyName("r")] public override string Name { get; set; } = ""; public int X { get; set; } }
            """, "new P.Root { Name = \"n\", X = 1 }"),
        new("InterfaceCollectionsOfOutputTypes", """
            namespace P;
            [LlmOutput] public partial record struct Pt(int X, int Y);
            [LlmOutput] public partial record Root(IReadOnlyList<Pt> Points, IEnumerable<Pt?> Maybe, ISet<Pt> Unique, ImmutableArray<Pt> Imm);
            """, "new P.Root(new List<P.Pt> { new(1, 2) }, new P.Pt?[] { null }, new HashSet<P.Pt> { new(3, 4) }, ImmutableArray.Create(new P.Pt(5, 6)))"),

        new("FrameworkCollectionClasses", """
            namespace P;
            [LlmOutput] public partial record Root(SortedSet<int> Sorted, LinkedList<string> Linked, System.Collections.ObjectModel.ObservableCollection<string> Obs, System.Collections.ObjectModel.Collection<double> Col, SortedDictionary<string, int>? Dict, System.Collections.Concurrent.ConcurrentDictionary<string, string>? Conc, Queue<int>? Q, System.Collections.ArrayList? Untyped);
            """, "new P.Root(new SortedSet<int> { 3, 1 }, new LinkedList<string>(new[] { \"a\" }), new() { \"o\" }, new() { 1.5 }, null, null, null, null)", Bad: new[] { "{\"sorted\": [1, 1], \"linked\": [], \"obs\": [], \"col\": [], \"dict\": null, \"conc\": null, \"q\": null, \"untyped\": null}" }),
        new("StringLengthSurrogates", """
            namespace P;
            [LlmOutput] public partial record Root([property: StringLength(3)] string S, [property: MinLength(2)] string T, char C);
            """, "new P.Root(\"😀\", \"😀\", 'x')", Bad: new[] { "{\"s\": \"😀😀\", \"t\": \"a\", \"c\": \"x\"}", "{\"s\": \"a\", \"t\": \"ab\", \"c\": \"😀\"}" }),
        new("UnmappedDisallowAndRequiredInit", """
            namespace P;
            [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
            [LlmOutput] public partial record Root { [JsonRequired] public int Count { get; init; } = 3; public string? Note { get; init; } }
            """, "new P.Root { Count = 1, Note = null }", Bad: new[] { "{\"count\": 1, \"note\": null, \"extra\": 2}", "{\"note\": null}" }),
        new("EnumDictionaryValues", """
            namespace P;
            public enum Color { Red, Blue }
            [LlmOutput] public partial record Root(Dictionary<string, Color> A, Dictionary<string, Color?> B, List<byte> Bytes, [property: MinLength(2)] byte[] Blob);
            """, "new P.Root(new() { [\"a\"] = P.Color.Blue }, new() { [\"b\"] = null }, new() { 1, 2 }, new byte[] { 1, 2 })", Bad: new[] { "{\"a\": {}, \"b\": {}, \"bytes\": [], \"blob\": \"AQ==\"}" }),
        new("ExactDuplicateWithAliasSeparators", """
            namespace P;
            [LlmOutput] public partial record Root([property: JsonPropertyName("user_name")] string A, [property: JsonPropertyName("userName")] string B);
            """),
    };

    [Fact]
    public void Probe()
    {
        if (Environment.GetEnvironmentVariable("STRUCTUREDLLM_PROBE") is not { } path)
        {
            Assert.Skip("Set STRUCTUREDLLM_PROBE to a report path to rerun the session-23 generator probe.");
            return;
        }

        var text = new System.Text.StringBuilder();
        foreach (ProbeCase c in All.Where(c => Environment.GetEnvironmentVariable("PROBE_ONLY") is not { } only || only.Split(',').Contains(c.Name)))
        {
            text.Append(ProbeHarness.Run(c));
        }

        File.WriteAllText(path, text.ToString());
    }
}
