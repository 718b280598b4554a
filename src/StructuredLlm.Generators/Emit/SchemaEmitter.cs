using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using StructuredLlm.Generators.Diagnostics;
using StructuredLlm.Generators.Helpers;
using StructuredLlm.Generators.Model;

namespace StructuredLlm.Generators.Emit;

/// <summary>Mirrors the runtime's <c>StructuredLlm.LlmSchemaProfile</c> (same values).</summary>
internal enum SchemaProfile
{
    OpenAIStrict = 0,
    Anthropic = 1,
    Gemini = 2,
    JsonSchema = 3,
}

/// <summary>
/// Names of the schema fragment constants of one assembly: <c>{PartsClass}.{Key}_{Profile}</c>, where the key is the
/// definition id with non-identifier characters as '_' plus a hash of the id (two ids can sanitize alike). The id does not
/// tell a nested type from a namespace of the same spelling (<c>A.B+C</c>, <c>A.B.C</c>, which C# rejects anyway), so
/// an output type whose hint prefix collides with another's (<see cref="InfoEmitter.CollidingPrefixes"/>) has no
/// fragments and is written out everywhere.
/// </summary>
internal sealed class FragmentNames
{
    private readonly EquatableArray<string> _collidingPrefixes;

    public FragmentNames(string assemblyName, EquatableArray<string> collidingPrefixes)
    {
        PartsClass = "global::StructuredLlm.Generated." + InfoEmitter.PartsClassName(assemblyName);
        _collidingPrefixes = collidingPrefixes;
    }

    public string PartsClass { get; }

    /// <summary>Whether the type with this definition id (an output type's id is its hint prefix, '@' escapes aside) collides.</summary>
    public bool Excluded(string definitionId)
    {
        if (_collidingPrefixes.IsEmpty)
        {
            return false;
        }

        string lowered = definitionId.Replace("@", string.Empty).ToLowerInvariant();
        foreach (string prefix in _collidingPrefixes)
        {
            if (prefix == lowered)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends <c>{PartsClass}.{Key}_{Profile}</c> (the constant's full name).</summary>
    public void AppendName(SegmentedText text, string definitionId, SchemaProfile profile)
        => AppendKey(text.Append(PartsClass).Append('.'), definitionId, profile);

    /// <summary>Appends <c>{Key}_{Profile}</c>.</summary>
    public static SegmentedText AppendKey(SegmentedText text, string definitionId, SchemaProfile profile)
    {
        uint hash = 2166136261;
        foreach (char c in definitionId)
        {
            text.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
            hash = unchecked((hash ^ c) * 16777619);
        }

        // The hash as eight lower-case hex digits ("x8"), written without a string.
        text.Append('_');
        for (int shift = 28; shift >= 0; shift -= 4)
        {
            uint digit = (hash >> shift) & 0xF;
            text.Append((char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
        }

        return text.Append('_').Append(profile switch
        {
            SchemaProfile.OpenAIStrict => "OpenAIStrict",
            SchemaProfile.Anthropic => "Anthropic",
            SchemaProfile.Gemini => "Gemini",
            _ => "JsonSchema",
        });
    }
}

/// <summary>A profile rule the spec breaks, located at a member (or at the type when <see cref="MemberName"/> is null).</summary>
internal sealed record SchemaIssue(DiagnosticDescriptor Descriptor, string? DefinitionId, string? MemberName, string Subject, string Message);

/// <summary>The schema text of one profile and the rules it breaks.</summary>
internal sealed record SchemaResult(string Json, IReadOnlyList<SchemaIssue> Issues);

/// <summary>
/// One pure function: <see cref="OutputSpec"/> × <see cref="SchemaProfile"/> → compact JSON Schema text (deterministic:
/// properties in declaration order, nothing depends on hashing) plus the profile-limit violations it found.
/// Types in a reference cycle go to <c>$defs</c> (the root is <c>#</c>); every other type is inlined.
/// </summary>
internal sealed class SchemaEmitter
{
    public const int OpenAIMaxProperties = 5000;
    public const int OpenAIMaxNesting = 10;
    public const int OpenAIMaxEnumValues = 1000;
    public const int OpenAIMaxNameAndEnumChars = 120_000;
    public const int OpenAILargeEnumThreshold = 250;
    public const int OpenAILargeEnumMaxChars = 15_000;
    public const int AnthropicMaxUnionProperties = 16;
    public const int AnthropicMaxOptionalProperties = 24;
    public const string JsonSchemaDialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly HashSet<string> OpenAIFormats = new(StringComparer.Ordinal) { "date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid" };
    private static readonly HashSet<string> AnthropicFormats = new(StringComparer.Ordinal) { "date-time", "time", "date", "duration", "email", "hostname", "uri", "ipv4", "ipv6", "uuid" };
    private static readonly HashSet<string> GeminiFormats = new(StringComparer.Ordinal) { "date-time", "date", "time" };

    /// <summary>What .NET writes for a TimeSpan ("c" format) and reads back.</summary>
    internal const string TimeSpanPattern = @"^-?(\d+\.)?\d{1,2}:\d{2}:\d{2}(\.\d{1,7})?$";

    /// <summary>What .NET writes for a TimeOnly and reads back (RFC 3339 "time" would demand an offset).</summary>
    /// <summary>Standard base64 with padding, what System.Text.Json reads into a <c>byte[]</c>.</summary>
    internal const string Base64Pattern = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

    private static string ByteCountSentence(int? min, int? max)
    {
        string Bytes(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + (n == 1 ? " byte" : " bytes");
        return min is int lo && max is int hi
            ? (lo == hi ? "Must decode to exactly " + Bytes(lo) + "." : "Must decode to " + lo.ToString(System.Globalization.CultureInfo.InvariantCulture) + " to " + Bytes(hi) + ".")
            : min is int onlyMin ? "Must decode to at least " + Bytes(onlyMin) + "." : "Must decode to at most " + Bytes(max!.Value) + ".";
    }

    /// <summary>The start of an http, https or ftp URL (any case), which <c>[Url]</c> requires.</summary>
    internal const string UrlPattern = "^(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp])://";

    internal const string TimeOnlyPattern = @"^\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$";

    private readonly OutputSpec _spec;
    private readonly SchemaProfile _profile;
    private readonly JsonWriter _w;
    private readonly Dictionary<string, TypeDefinitionSpec> _byId;
    private readonly HashSet<string> _recursive;
    private readonly Graph _graph;

    // Set when writing generated C#: the class holding the object-body fragments (see WriteObjectBody), so a nested
    // [LlmOutput] type's body is named instead of written again.
    private readonly FragmentNames? _fragments;

    // Writing the root's own fragment: its body is written out, not named.
    private bool _writingOwnFragment;

    // Lists reused across walks (required/ordering per object, notes/keywords per value): a type's schemas are walked
    // twelve times on a full run (four profiles written, four fragments, four checked), and a fresh list per member, or
    // per walk, adds up. Per thread: a walk returns every list it rents, so walks never share one.
    [ThreadStatic]
    private static Stack<List<string>>? t_stringLists;
    [ThreadStatic]
    private static Stack<List<(string Name, string Literal)>>? t_keywordLists;

    private readonly Stack<List<string>> _stringLists;
    private readonly Stack<List<(string Name, string Literal)>> _keywordLists;

    // Only recursive types need definitions, and most walks break no rule: both are created when first needed.
    private List<string>? _neededDefs;
    private List<SchemaIssue>? _issues;
    private HashSet<string>? _reportedRules;
    private int _propertyCount;

    // The root's member being written, while the walk is inside it: a total (properties, enum values, characters) is
    // crossed somewhere inside a shared type, but the member that brings it over is the root's (`Root.W98`, not `Wide.P1`).
    private At? _rootMember;
    private int _objectNesting;
    private int _enumValueCount;
    private long _chars;
    private int _unionCount;
    private int _optionalCount;

    private SchemaEmitter(OutputSpec spec, SchemaProfile profile, JsonWriter writer, FragmentNames? fragments = null)
    {
        _fragments = fragments;
        _stringLists = t_stringLists ??= new Stack<List<string>>();
        _keywordLists = t_keywordLists ??= new Stack<List<(string Name, string Literal)>>();
        _spec = spec;
        _profile = profile;
        _w = writer;
        _graph = Graph.Of(spec);
        _byId = _graph.ById;
        _recursive = _graph.Recursive;
    }

    /// <summary>
    /// The definitions by id and the recursive ones: the same for every profile of a spec, so computed once per spec
    /// (the last spec is kept per thread; the four profiles of a type are written, or checked, one after another).
    /// </summary>
    private sealed class Graph
    {
        [ThreadStatic]
        private static Graph? t_last;

        private Graph(OutputSpec spec)
        {
            Spec = spec;
            ById = new Dictionary<string, TypeDefinitionSpec>(spec.Definitions.Count, StringComparer.Ordinal);
            foreach (TypeDefinitionSpec definition in spec.Definitions)
            {
                ById[definition.Id] = definition;
            }

            FindRecursive(spec, ById, Recursive);
        }

        public OutputSpec Spec { get; }

        public Dictionary<string, TypeDefinitionSpec> ById { get; }

        public HashSet<string> Recursive { get; } = new(StringComparer.Ordinal);

        private HashSet<string>? _shareable;

        /// <summary>
        /// The object definitions whose body (from <c>"properties"</c> on) is the same text in every output that reaches
        /// them, so that text can be emitted once, as a constant, and named everywhere else. Nothing reachable from the
        /// definition is recursive (a <c>$ref</c> would point into the root that holds the <c>$defs</c>), polymorphic, or
        /// a derived type of a polymorphic base of this output (parsed with the base's naming policy and read with its
        /// discriminator). Such a subgraph is parsed the same way from every root, so its text is the same.
        /// </summary>
        public HashSet<string> Shareable
        {
            get
            {
                if (_shareable is null)
                {
                    var derived = new HashSet<string>(StringComparer.Ordinal);
                    foreach (TypeDefinitionSpec d in Spec.Definitions)
                    {
                        foreach (DerivedTypeSpec branch in d.DerivedTypes)
                        {
                            derived.Add(branch.DefinitionId);
                        }
                    }

                    var memo = new Dictionary<string, bool>(StringComparer.Ordinal);
                    _shareable = new HashSet<string>(StringComparer.Ordinal);
                    foreach (TypeDefinitionSpec d in Spec.Definitions)
                    {
                        if (d.Kind == DefinitionKind.Object && IsShareable(d.Id, derived, memo))
                        {
                            _shareable.Add(d.Id);
                        }
                    }
                }

                return _shareable;
            }
        }

        private bool IsShareable(string id, HashSet<string> derived, Dictionary<string, bool> memo)
        {
            if (memo.TryGetValue(id, out bool known))
            {
                return known;
            }

            // Recursive definitions are refused before their members are visited, so this walk never loops.
            if (!ById.TryGetValue(id, out TypeDefinitionSpec? d) || Recursive.Contains(id) || derived.Contains(id) || d.Kind == DefinitionKind.Polymorphic)
            {
                memo[id] = false;
                return false;
            }

            bool shareable = true;
            foreach (MemberSpec member in d.Members)
            {
                for (ValueSpec? v = member.Type; v is not null && shareable; v = v.Element)
                {
                    shareable = v.DefinitionId is null || IsShareable(v.DefinitionId, derived, memo);
                }
            }

            memo[id] = shareable;
            return shareable;
        }

        public static Graph Of(OutputSpec spec)
        {
            Graph? last = t_last;
            if (last is not null && ReferenceEquals(last.Spec, spec))
            {
                return last;
            }

            return t_last = new Graph(spec);
        }
    }

    private IReadOnlyList<SchemaIssue> Issues => (IReadOnlyList<SchemaIssue>?)_issues ?? Array.Empty<SchemaIssue>();

    private List<string> RentList() => _stringLists.Count > 0 ? _stringLists.Pop() : new List<string>();

    private void Return(List<string> list)
    {
        list.Clear();
        _stringLists.Push(list);
    }

    private bool IsOpenAI => _profile == SchemaProfile.OpenAIStrict;

    private bool IsAnthropic => _profile == SchemaProfile.Anthropic;

    private bool IsGemini => _profile == SchemaProfile.Gemini;

    private bool IsJsonSchema => _profile == SchemaProfile.JsonSchema;

    public static SchemaResult Emit(OutputSpec spec, SchemaProfile profile)
    {
        var writer = new JsonWriter(1024);
        var emitter = new SchemaEmitter(spec, profile, writer);
        emitter.Run();
        return new SchemaResult(writer.ToString(), emitter.Issues);
    }

    /// <summary>The schema text only (the source output: the issues were reported by <see cref="Check"/>).</summary>
    public static string EmitText(OutputSpec spec, SchemaProfile profile) => Emit(spec, profile).Json;

    /// <summary>
    /// Writes the schema text into <paramref name="target"/> escaped for a C# string literal (no quotes added). With
    /// <paramref name="fragments"/>, the body of every shareable object (<see cref="HasFragment"/>) that has its own
    /// generated <c>LlmInfo</c> (the root included) is not written but named: the literal is closed, concatenated with
    /// that type's fragment constant (<see cref="FragmentName"/>) and reopened. Constants concatenate at compile time, so
    /// the schema is still one constant string, the same characters as the text written out.
    /// </summary>
    public static void EmitAsCSharpLiteralContent(OutputSpec spec, SchemaProfile profile, SegmentedText target, FragmentNames? fragments = null)
        => new SchemaEmitter(spec, profile, new JsonWriter(target), fragments).Run();

    /// <summary>Whether the root's object body is shareable, so its output declares the fragment constants (<see cref="EmitFragment"/>).</summary>
    public static bool HasFragment(OutputSpec spec, FragmentNames fragments)
        => spec.Root.Kind == DefinitionKind.Object && !fragments.Excluded(spec.RootId) && Graph.Of(spec).Shareable.Contains(spec.RootId);

    /// <summary>The root's object body from <c>"properties"</c> on, escaped for a C# string literal (nested shareable bodies named, as above).</summary>
    public static void EmitFragment(OutputSpec spec, SchemaProfile profile, SegmentedText target, FragmentNames fragments)
    {
        var emitter = new SchemaEmitter(spec, profile, new JsonWriter(target), fragments) { _writingOwnFragment = true };
        TypeDefinitionSpec root = spec.Root;
        emitter.WriteObjectTail(root, depth: 1, null, null, new At(root.Id, null, spec.Name));
    }

    // Named instead of written: a shareable object with its own LlmInfo (the root only outside its own fragment).
    private bool IsNamed(TypeDefinitionSpec definition)
        => _fragments is not null && definition.Kind == DefinitionKind.Object
            && (definition.Id == _spec.RootId ? !_writingOwnFragment : definition.HasOwnReader)
            && _graph.Shareable.Contains(definition.Id) && !_fragments.Excluded(definition.Id);

    /// <summary>
    /// The same walk as <see cref="Emit"/> without building the text: only the rules the profile's schema would break.
    /// Runs in the diagnostics step, which Roslyn skips unless the parse result changed.
    /// </summary>
    public static IReadOnlyList<SchemaIssue> Check(OutputSpec spec, SchemaProfile profile)
    {
        var emitter = new SchemaEmitter(spec, profile, JsonWriter.Discard());
        emitter.Run();
        return emitter.Issues;
    }

    /// <summary>Where a rule is broken. The subject (<c>Owner.Member</c>) is only joined when an issue is reported.</summary>
    private readonly record struct At(string? DefinitionId, string? MemberName, string Owner, string? Member = null)
    {
        public string Subject => Member is null ? Owner : Owner + "." + Member;
    }

    private void Run()
    {
        TypeDefinitionSpec root = _spec.Root;
        var at = new At(root.Id, null, _spec.Name);
        _w.StartObject();
        if (IsJsonSchema)
        {
            _w.Property("$schema", JsonSchemaDialect);
        }

        if (root.Kind == DefinitionKind.Polymorphic)
        {
            if (IsOpenAI)
            {
                Issue("root-anyof", DiagnosticDescriptors.PolymorphicRoot, at, string.Empty);
            }

            WritePolymorphicBody(root, root.Description, allowNull: false, depth: 1, at);
        }
        else
        {
            WriteObjectBody(root, root.Description, depth: 1, discriminatorName: null, discriminator: null, at);
        }

        bool hasDefs = false;
        for (int i = 0; _neededDefs is not null && i < _neededDefs.Count; i++)
        {
            hasDefs |= _neededDefs[i] != root.Id;
        }

        if (hasDefs)
        {
            _w.Name("$defs");
            _w.StartObject();
            for (int i = 0; i < _neededDefs!.Count; i++)
            {
                // Writing a definition can require more definitions: _neededDefs grows while we walk it.
                string id = _neededDefs[i];
                if (id == root.Id)
                {
                    continue;
                }

                TypeDefinitionSpec definition = _byId[id];
                _w.Name(definition.DefinitionName);
                _w.StartObject();
                if (definition.Kind == DefinitionKind.Polymorphic)
                {
                    WritePolymorphicBody(definition, definition.Description, allowNull: false, depth: 1, at);
                }
                else
                {
                    WriteObjectBody(definition, definition.Description, depth: 1, null, null, at);
                }

                _w.EndObject();
            }

            _w.EndObject();
        }

        _w.EndObject();
    }

    // ---------------------------------------------------------------- objects

    private void WriteObjectBody(TypeDefinitionSpec definition, string? description, int depth, string? discriminatorName, string? discriminator, At at)
    {
        if (IsOpenAI && depth > OpenAIMaxNesting)
        {
            Issue("nesting", DiagnosticDescriptors.OpenAILimit, at, $"objects are nested more than {OpenAIMaxNesting} levels deep");
        }

        _w.Property("type", "object");
        WriteDescription(description, null);
        if (discriminatorName is null && IsNamed(definition))
        {
            _fragments!.AppendName(_w.OpenSplice(), definition.Id, _profile);
            _w.CloseSplice();
            return;
        }

        WriteObjectTail(definition, depth, discriminatorName, discriminator, at);
    }

    // The body from "properties" on: the part a fragment holds.
    private void WriteObjectTail(TypeDefinitionSpec definition, int depth, string? discriminatorName, string? discriminator, At at)
    {
        _w.Name("properties");
        _w.StartObject();
        // Only the text needs the names (a discarding walk counts the members itself).
        List<string>? required = _w.IsDiscarding ? null : RentList();
        List<string>? ordering = _w.IsDiscarding ? null : RentList();
        if (discriminatorName is not null && discriminator is not null)
        {
            CountProperty(discriminatorName, at);
            _w.Name(discriminatorName);
            _w.StartObject();
            _w.Property("type", discriminator.StartsWith("\"", StringComparison.Ordinal) ? "string" : "integer");
            if (IsJsonSchema)
            {
                _w.PropertyRaw("const", discriminator);
            }
            else
            {
                _w.Name("enum");
                _w.StartArray();
                _w.Raw(discriminator);
                _w.EndArray();
                CountEnumValues(1, discriminator.Length, at);
            }

            _w.EndObject();
            required?.Add(discriminatorName);
            ordering?.Add(discriminatorName);
        }

        bool rootObject = ++_objectNesting == 1 && definition.Id == _spec.Root.Id;
        foreach (MemberSpec member in definition.Members)
        {
            var memberAt = new At(definition.Id, member.Name, definition.DefinitionName, member.Name);
            if (rootObject)
            {
                _rootMember = memberAt;
            }

            CountProperty(member.JsonName, memberAt);
            bool isRequired = IsOpenAI || member.IsRequired;
            // Anthropic: an optional member is left out rather than null (fewer unions); one whose key is required
            // ([JsonRequired], C# 'required') may still be null.
            bool allowNull = member.Type.IsNullable && (!IsAnthropic || member.IsRequired);
            if (!isRequired && IsAnthropic && ++_optionalCount > AnthropicMaxOptionalProperties)
            {
                Issue("optional", DiagnosticDescriptors.AnthropicLimit, memberAt, $"more than {AnthropicMaxOptionalProperties} optional properties");
            }

            _w.Name(member.JsonName);
            bool isUnion = WriteValue(member.Type, member.Constraints, member.Description, allowNull, depth, memberAt);
            if (isUnion && IsAnthropic && ++_unionCount > AnthropicMaxUnionProperties)
            {
                Issue("union", DiagnosticDescriptors.AnthropicLimit, memberAt, $"more than {AnthropicMaxUnionProperties} union-typed properties");
            }

            if (isRequired)
            {
                required?.Add(member.JsonName);
            }

            ordering?.Add(member.JsonName);
        }

        _objectNesting--;
        if (rootObject)
        {
            _rootMember = null;
        }

        _w.EndObject();
        if (required is null || ordering is null)
        {
            return;
        }

        if (required.Count > 0 || IsOpenAI)
        {
            WriteStringArray("required", required);
        }

        if (!IsGemini)
        {
            _w.PropertyRaw("additionalProperties", "false");
        }
        else if (ordering.Count > 0)
        {
            WriteStringArray("propertyOrdering", ordering);
        }

        Return(required);
        Return(ordering);
    }

    private void WritePolymorphicBody(TypeDefinitionSpec definition, string? description, bool allowNull, int depth, At at)
    {
        WriteDescription(description, null);
        _w.Name("anyOf");
        _w.StartArray();
        foreach (DerivedTypeSpec branch in definition.DerivedTypes)
        {
            TypeDefinitionSpec derived = _byId[branch.DefinitionId];
            _w.StartObject();
            WriteObjectBody(derived, derived.Description, depth, definition.DiscriminatorPropertyName, branch.Discriminator, at);
            _w.EndObject();
        }

        if (allowNull)
        {
            WriteNullSchema();
        }

        _w.EndArray();
    }

    // ---------------------------------------------------------------- values

    /// <summary>Writes one complete value schema; returns whether it is a union (type array or anyOf).</summary>
    private bool WriteValue(ValueSpec value, ConstraintSpec constraints, string? description, bool allowNull, int depth, At at)
    {
        switch (value.Kind)
        {
            case ValueKind.Enum:
                return WriteEnum(_byId[value.DefinitionId!], constraints, description, allowNull, at);
            case ValueKind.Object:
                return WriteObjectValue(_byId[value.DefinitionId!], description, allowNull, depth, at);
            case ValueKind.Array:
                return WriteArray(value, constraints, description, allowNull, depth, at);
            case ValueKind.Dictionary:
                return WriteDictionary(value, description, allowNull, depth, at);
            default:
                WriteScalar(value, constraints, description, allowNull, at);
                return allowNull;
        }
    }

    private bool WriteObjectValue(TypeDefinitionSpec definition, string? description, bool allowNull, int depth, At at)
    {
        string? text = description ?? definition.Description;
        if (_recursive.Contains(definition.Id))
        {
            if (IsAnthropic)
            {
                Issue("recursion", DiagnosticDescriptors.AnthropicLimit, at, $"'{definition.DefinitionName}' is recursive, and Anthropic does not support recursive schemas");
            }

            _neededDefs ??= new List<string>();
            if (!_neededDefs.Contains(definition.Id))
            {
                _neededDefs.Add(definition.Id);
            }

            string reference = definition.Id == _spec.RootId ? "#" : "#/$defs/" + definition.DefinitionName;
            _w.StartObject();
            if (allowNull)
            {
                WriteDescription(text, null);
                _w.Name("anyOf");
                _w.StartArray();
                _w.StartObject();
                _w.Property("$ref", reference);
                _w.EndObject();
                WriteNullSchema();
                _w.EndArray();
            }
            else
            {
                _w.Property("$ref", reference);
                WriteDescription(text, null);
            }

            _w.EndObject();
            return allowNull;
        }

        _w.StartObject();
        if (definition.Kind == DefinitionKind.Polymorphic)
        {
            WritePolymorphicBody(definition, text, allowNull, depth + 1, at);
            _w.EndObject();
            return true;
        }

        if (allowNull)
        {
            WriteDescription(text, null);
            _w.Name("anyOf");
            _w.StartArray();
            _w.StartObject();
            WriteObjectBody(definition, null, depth + 1, null, null, at);
            _w.EndObject();
            WriteNullSchema();
            _w.EndArray();
        }
        else
        {
            WriteObjectBody(definition, text, depth + 1, null, null, at);
        }

        _w.EndObject();
        return allowNull;
    }

    private bool WriteEnum(TypeDefinitionSpec definition, ConstraintSpec constraints, string? description, bool allowNull, At at)
    {
        _w.StartObject();
        WriteType("string", allowNull);
        if (!_w.IsDiscarding)
        {
            string? text = description ?? definition.Description;
            if (definition.EnumMembers.Any(m => m.Description is not null))
            {
                List<string> notes = RentList();
                var documented = definition.EnumMembers.Where(m => m.Description is not null).ToList();
                notes.Add("Values: " + string.Join("; ", documented.Select(m => m.JsonName + ": " + TrimEnd(m.Description!))) + ".");
                WriteDescription(text, notes);
                Return(notes);
            }
            else
            {
                WriteDescription(text, null);
            }
        }

        HashSet<string>? allowedSet = constraints.AllowedValues.IsEmpty ? null : new HashSet<string>(constraints.AllowedValues, StringComparer.Ordinal);
        _w.Name("enum");
        _w.StartArray();
        int count = 0;
        int chars = 0;
        foreach (EnumMemberSpec member in definition.EnumMembers)
        {
            string v = member.JsonName;
            if (allowedSet is not null && !allowedSet.Contains(JsonWriter.Quote(v)))
            {
                continue;
            }

            _w.String(v);
            chars += v.Length;
            count++;
        }

        if (allowNull)
        {
            _w.Null();
        }

        _w.EndArray();
        _w.EndObject();
        CountEnumValues(count, chars, at);
        return allowNull;
    }

    private bool WriteArray(ValueSpec value, ConstraintSpec constraints, string? description, bool allowNull, int depth, At at)
    {
        _w.StartObject();
        WriteType("array", allowNull);
        List<string> notes = RentList();
        int? min = constraints.MinItems, max = constraints.MaxItems;
        bool emitMin = min is not null && (!IsAnthropic || min <= 1);
        bool emitMax = max is not null && !IsAnthropic;
        if ((min is not null && !emitMin) || (max is not null && !emitMax))
        {
            notes.Add(CountSentence(min, max, "item", "items", "Must have"));
        }

        bool emitUnique = constraints.UniqueItems && IsJsonSchema;
        if (constraints.UniqueItems && !emitUnique)
        {
            notes.Add("Items must be unique.");
        }

        WriteDescription(description, notes);
        Return(notes);
        _w.Name("items");
        WriteValue(value.Element!, ConstraintSpec.None, null, value.Element!.IsNullable, depth, at);
        if (emitMin)
        {
            _w.PropertyRaw("minItems", min!.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (emitMax)
        {
            _w.PropertyRaw("maxItems", max!.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (emitUnique)
        {
            _w.PropertyRaw("uniqueItems", "true");
        }

        _w.EndObject();
        return allowNull;
    }

    private bool WriteDictionary(ValueSpec value, string? description, bool allowNull, int depth, At at)
    {
        _w.StartObject();
        if (IsOpenAI || IsAnthropic)
        {
            // Strict profiles demand additionalProperties:false, so arbitrary keys cannot be described: the object
            // emitted here accepts no keys at all, and the diagnostic says so.
            if (IsOpenAI)
            {
                Issue("dictionary:" + at.DefinitionId + "|" + at.MemberName, DiagnosticDescriptors.DictionaryUnderOpenAI, at, string.Empty);
            }
            else
            {
                Issue("dictionary:" + at.DefinitionId + "|" + at.MemberName, DiagnosticDescriptors.AnthropicLimit, at, "a dictionary needs additionalProperties, which Anthropic strict schemas must set to false; the emitted object accepts no keys");
            }

            WriteType("object", allowNull);
            WriteDescription(description, null);
            _w.Name("properties");
            _w.StartObject();
            _w.EndObject();
            if (IsOpenAI)
            {
                List<string> none = RentList();
                WriteStringArray("required", none);
                Return(none);
            }

            _w.PropertyRaw("additionalProperties", "false");
        }
        else
        {
            WriteType("object", allowNull);
            WriteDescription(description, null);
            _w.Name("additionalProperties");
            WriteValue(value.Element!, ConstraintSpec.None, null, value.Element!.IsNullable, depth + 1, at);
        }

        _w.EndObject();
        return allowNull;
    }

    private void WriteScalar(ValueSpec value, ConstraintSpec constraints, string? description, bool allowNull, At at)
    {
        _w.StartObject();
        string type = value.Kind switch
        {
            ValueKind.Boolean => "boolean",
            ValueKind.Integer => "integer",
            ValueKind.Number => "number",
            _ => "string",
        };
        WriteType(type, allowNull);
        ConstraintSpec c = constraints.Effective(value.Primitive);
        if (_w.IsDiscarding)
        {
            // Only the allowed values count toward a limit; formats, patterns, lengths and bounds are text.
            if (!c.AllowedValues.IsEmpty)
            {
                int allowedChars = 0;
                foreach (string literal in c.AllowedValues)
                {
                    if (literal != "null" || allowNull)
                    {
                        allowedChars += literal.Length;
                    }
                }

                CountEnumValues(c.AllowedValues.Count, allowedChars, at);
            }

            return;
        }

        List<string> notes = RentList();
        List<(string Name, string Literal)> keywords = _keywordLists.Count > 0 ? _keywordLists.Pop() : new List<(string Name, string Literal)>();

        // Format (from the .NET type, or [EmailAddress]/[Url]) and fixed patterns.
        string? format = value.Primitive switch
        {
            PrimitiveKind.DateTime or PrimitiveKind.DateTimeOffset => "date-time",
            PrimitiveKind.DateOnly => "date",
            PrimitiveKind.Guid => "uuid",
            PrimitiveKind.Uri => "uri",
            _ => null,
        } ?? c.Format;
        string? pattern = c.Pattern is { } declared ? WholeMatch(declared) : null;
        // [Url] (a "uri" format from the constraints, not from a Uri type): DataAnnotations and the reader take only http,
        // https and ftp URLs, a narrower set than format "uri" (mailto:, urn:...), so the schema says so.
        bool url = c.Format == "uri";
        if (url)
        {
            notes.Add("Must be an http, https or ftp URL.");
            if (!IsGemini)
            {
                pattern ??= UrlPattern;
            }
        }

        if (value.Primitive == PrimitiveKind.Bytes)
        {
            // byte[]: a base64 string, as System.Text.Json writes and reads it. The count constraints are bytes.
            notes.Add("Bytes encoded as base64.");
            if (c.MinItems is not null || c.MaxItems is not null)
            {
                notes.Add(ByteCountSentence(c.MinItems, c.MaxItems));
            }

            if (!IsGemini)
            {
                pattern ??= Base64Pattern;
            }

            if (IsJsonSchema)
            {
                keywords.Add(("contentEncoding", "\"base64\""));
            }
        }
        else if (value.Primitive == PrimitiveKind.TimeSpan)
        {
            pattern ??= TimeSpanPattern;
            notes.Add("A time span formatted as [-][d.]hh:mm:ss[.fffffff].");
        }
        else if (value.Primitive == PrimitiveKind.TimeOnly)
        {
            pattern ??= TimeOnlyPattern;
            notes.Add("A time of day formatted as HH:mm:ss.");
        }

        if (format is not null)
        {
            if (FormatAllowed(format))
            {
                keywords.Add(("format", JsonWriter.Quote(format)));
            }
            else if (!url)
            {
                notes.Add(FormatSentence(format));
            }
        }

        if (pattern is not null)
        {
            if (c.Pattern is { } own && DotNetOnlySyntax(own))
            {
                // JSON Schema patterns are ECMA-262: a provider would reject this one or read it otherwise. The reader
                // still enforces it with .NET's semantics.
                notes.Add("Must match the .NET regular expression " + pattern + ".");
            }
            else if (IsGemini)
            {
                notes.Add("Must match the regular expression " + pattern + ".");
            }
            else
            {
                keywords.Add(("pattern", JsonWriter.Quote(pattern)));
            }
        }

        // String length (char is exactly one character).
        int? minLength = value.Primitive == PrimitiveKind.Char ? 1 : c.MinLength;
        int? maxLength = value.Primitive == PrimitiveKind.Char ? 1 : c.MaxLength;
        if (minLength is not null || maxLength is not null)
        {
            if (IsJsonSchema)
            {
                if (minLength is not null)
                {
                    keywords.Add(("minLength", minLength.Value.ToString(CultureInfo.InvariantCulture)));
                }

                if (maxLength is not null)
                {
                    keywords.Add(("maxLength", maxLength.Value.ToString(CultureInfo.InvariantCulture)));
                }
            }
            else
            {
                notes.Add(CountSentence(minLength, maxLength, "character", "characters", "Must have"));
            }
        }

        // Numeric bounds.
        if (c.Minimum is not null || c.Maximum is not null)
        {
            bool keywordsOk = IsOpenAI || IsJsonSchema || (IsGemini && !c.ExclusiveMinimum && !c.ExclusiveMaximum);
            if (keywordsOk)
            {
                if (c.Minimum is not null)
                {
                    keywords.Add((c.ExclusiveMinimum ? "exclusiveMinimum" : "minimum", c.Minimum));
                }

                if (c.Maximum is not null)
                {
                    keywords.Add((c.ExclusiveMaximum ? "exclusiveMaximum" : "maximum", c.Maximum));
                }
            }
            else
            {
                notes.Add(BoundsSentence(c));
            }
        }

        WriteDescription(description, notes);
        Return(notes);
        foreach ((string name, string literal) in keywords)
        {
            _w.PropertyRaw(name, literal);
        }

        keywords.Clear();
        _keywordLists.Push(keywords);

        if (!c.AllowedValues.IsEmpty)
        {
            _w.Name("enum");
            _w.StartArray();
            int chars = 0;
            foreach (string literal in c.AllowedValues)
            {
                if (literal != "null" || allowNull)
                {
                    _w.Raw(literal);
                    chars += literal.Length;
                }
            }

            if (allowNull && !c.AllowedValues.Contains("null"))
            {
                _w.Null();
            }

            _w.EndArray();
            CountEnumValues(c.AllowedValues.Count, chars, at);
        }

        _w.EndObject();
    }

    // ---------------------------------------------------------------- small writers

    private void WriteType(string type, bool allowNull)
    {
        _w.Name("type");
        if (allowNull)
        {
            _w.StartArray();
            _w.String(type);
            _w.String("null");
            _w.EndArray();
        }
        else
        {
            _w.String(type);
        }
    }

    private void WriteNullSchema()
    {
        _w.StartObject();
        _w.Property("type", "null");
        _w.EndObject();
    }

    private void WriteStringArray(string name, List<string> values)
    {
        _w.Name(name);
        _w.StartArray();
        for (int i = 0; i < values.Count; i++)
        {
            _w.String(values[i]);
        }

        _w.EndArray();
    }

    private void WriteDescription(string? description, List<string>? notes)
    {
        if (_w.IsDiscarding)
        {
            return; // a description counts toward no limit
        }

        if (notes is null || notes.Count == 0)
        {
            if (!string.IsNullOrWhiteSpace(description))
            {
                _w.Property("description", description!.Trim());
            }

            return;
        }

        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(description))
        {
            sb.Append(description!.Trim());
        }

        if (notes is not null)
        {
            foreach (string note in notes)
            {
                if (sb.Length > 0)
                {
                    char last = sb[sb.Length - 1];
                    if (last != '.' && last != '!' && last != '?')
                    {
                        sb.Append('.');
                    }

                    sb.Append(' ');
                }

                sb.Append(note);
            }
        }

        if (sb.Length > 0)
        {
            _w.Property("description", sb.ToString());
        }
    }

    private bool FormatAllowed(string format) => _profile switch
    {
        SchemaProfile.OpenAIStrict => OpenAIFormats.Contains(format),
        SchemaProfile.Anthropic => AnthropicFormats.Contains(format),
        SchemaProfile.Gemini => GeminiFormats.Contains(format),
        _ => true,
    };

    private static string FormatSentence(string format) => format switch
    {
        "email" => "Must be an email address.",
        "uri" => "Must be an absolute URI.",
        "uuid" => "Must be a UUID.",
        "date-time" => "Must be an ISO 8601 date-time.",
        "date" => "Must be an ISO 8601 date (yyyy-MM-dd).",
        "time" => "Must be a time of day.",
        _ => "Format: " + format + ".",
    };

    internal static string BoundsSentence(ConstraintSpec c)
    {
        if (c.Minimum is not null && c.Maximum is not null && !c.ExclusiveMinimum && !c.ExclusiveMaximum)
        {
            return $"Must be between {c.Minimum} and {c.Maximum}.";
        }

        var parts = new List<string>();
        if (c.Minimum is not null)
        {
            parts.Add((c.ExclusiveMinimum ? "greater than " : "at least ") + c.Minimum);
        }

        if (c.Maximum is not null)
        {
            parts.Add((c.ExclusiveMaximum ? "less than " : "at most ") + c.Maximum);
        }

        return "Must be " + string.Join(" and ", parts) + ".";
    }

    internal static string CountSentence(int? min, int? max, string singular, string plural, string verb)
    {
        string Unit(int n) => n == 1 ? singular : plural;
        if (min is not null && max is not null)
        {
            return min == max ? $"{verb} exactly {min} {Unit(min.Value)}." : $"{verb} {min} to {max} {plural}.";
        }

        return min is not null ? $"{verb} at least {min} {Unit(min.Value)}." : $"{verb} at most {max} {Unit(max!.Value)}.";
    }

    private static string TrimEnd(string text) => text.TrimEnd('.', ' ');

    // ---------------------------------------------------------------- limits

    private void CountProperty(string name, At at)
    {
        _propertyCount++;
        _chars += name.Length;
        if (!IsOpenAI)
        {
            return;
        }

        if (_propertyCount > OpenAIMaxProperties)
        {
            Issue("properties", DiagnosticDescriptors.OpenAILimit, _rootMember ?? at, $"more than {OpenAIMaxProperties} properties in the schema");
        }

        CheckChars(at);
    }

    private void CountEnumValues(int count, int chars, At at)
    {
        _enumValueCount += count;
        _chars += chars;
        if (!IsOpenAI)
        {
            return;
        }

        if (_enumValueCount > OpenAIMaxEnumValues)
        {
            Issue("enum-values", DiagnosticDescriptors.OpenAILimit, _rootMember ?? at, $"more than {OpenAIMaxEnumValues} enum values in the schema");
        }

        if (count > OpenAILargeEnumThreshold && chars > OpenAILargeEnumMaxChars)
        {
            Issue("large-enum:" + at.Subject, DiagnosticDescriptors.OpenAILimit, at, $"an enum with more than {OpenAILargeEnumThreshold} values may have at most {OpenAILargeEnumMaxChars} characters in total");
        }

        CheckChars(at);
    }

    private void CheckChars(At at)
    {
        if (_chars > OpenAIMaxNameAndEnumChars)
        {
            Issue("chars", DiagnosticDescriptors.OpenAILimit, _rootMember ?? at, $"more than {OpenAIMaxNameAndEnumChars} characters across property names and enum values");
        }
    }

    private void Issue(string rule, DiagnosticDescriptor descriptor, At at, string message)
    {
        if ((_reportedRules ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule))
        {
            (_issues ??= new List<SchemaIssue>()).Add(new SchemaIssue(descriptor, at.DefinitionId, at.MemberName, at.Subject, message));
        }
    }

    // ---------------------------------------------------------------- recursion

    private static void FindRecursive(OutputSpec spec, Dictionary<string, TypeDefinitionSpec> byId, HashSet<string> recursive)
    {
        // One set and one stack for the whole walk: this runs for every emitter (eight per type on a full run).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(16);
        foreach (TypeDefinitionSpec definition in spec.Definitions)
        {
            if (definition.Kind == DefinitionKind.Enum)
            {
                continue; // refers to nothing, so in no cycle
            }

            seen.Clear();
            stack.Clear();
            PushReferences(definition, stack);
            while (stack.Count > 0)
            {
                string id = stack.Pop();
                if (id == definition.Id)
                {
                    recursive.Add(definition.Id);
                    break;
                }

                if (seen.Add(id) && byId.TryGetValue(id, out TypeDefinitionSpec? next))
                {
                    PushReferences(next, stack);
                }
            }
        }
    }

    /// <summary>Pushes the definitions <paramref name="definition"/> refers to: derived types, then member types in order.</summary>
    private static void PushReferences(TypeDefinitionSpec definition, Stack<string> stack)
    {
        foreach (DerivedTypeSpec derived in definition.DerivedTypes)
        {
            stack.Push(derived.DefinitionId);
        }

        foreach (MemberSpec member in definition.Members)
        {
            for (ValueSpec? v = member.Type; v is not null; v = v.Element)
            {
                if (v.DefinitionId is not null)
                {
                    stack.Push(v.DefinitionId);
                }
            }
        }
    }

    /// <summary>
    /// Whether a .NET pattern uses syntax that ECMA-262 (JSON Schema's pattern dialect) lacks or reads otherwise: the
    /// anchors \A \Z \z \G, inline options <c>(?i)</c>, atomic groups <c>(?&gt;…)</c>, comments <c>(?#…)</c>,
    /// conditionals <c>(?(…)…)</c>, <c>(?'name'…)</c> and balancing groups <c>(?&lt;a-b&gt;…)</c>, character class
    /// subtraction <c>[a-z-[aeiou]]</c> and named blocks <c>\p{IsGreek}</c>.
    /// </summary>
    internal static bool DotNetOnlySyntax(string pattern)
    {
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char ch = pattern[i];
            char next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
            if (ch == '\\')
            {
                if (!inClass && next is 'A' or 'Z' or 'z' or 'G')
                {
                    return true;
                }

                if (next is 'p' or 'P' && string.CompareOrdinal(pattern, i + 2, "{Is", 0, 3) == 0)
                {
                    return true;
                }

                i++; // the escaped character
                continue;
            }

            if (inClass)
            {
                if (ch == '-' && next == '[')
                {
                    return true;
                }

                if (ch == ']')
                {
                    inClass = false;
                }

                continue;
            }

            if (ch == '[')
            {
                inClass = true;
                if (next == ']' || (next == '^' && i + 2 < pattern.Length && pattern[i + 2] == ']'))
                {
                    i += next == ']' ? 1 : 2; // `[]...]`: a leading ']' is a member in .NET
                }

                continue;
            }

            if (ch != '(' || next != '?' || i + 2 >= pattern.Length)
            {
                continue;
            }

            char kind = pattern[i + 2];
            if (kind is '>' or '#' or '(' or '\'')
            {
                return true;
            }

            if (kind == '<' && i + 3 < pattern.Length && pattern[i + 3] is not ('=' or '!'))
            {
                // A named group (ECMA has them), unless it is a balancing group `(?<a-b>` or `(?<-b>`.
                for (int j = i + 3; j < pattern.Length && pattern[j] != '>'; j++)
                {
                    if (pattern[j] == '-')
                    {
                        return true;
                    }
                }

                continue;
            }

            // Inline options: (?i) (?im-sx) (?i:...)
            int k = i + 2;
            while (k < pattern.Length && pattern[k] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
            {
                k++;
            }

            if (k > i + 2 && k < pattern.Length && pattern[k] is ')' or ':')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A <c>[RegularExpression]</c> pattern as the schema's <c>pattern</c>: DataAnnotations (and the reader) require the
    /// whole value to match, where a JSON Schema pattern matches anywhere in it, so a pattern not already anchored at both
    /// ends (<c>^...$</c> with no alternation) is wrapped as <c>^(?:pattern)$</c>.
    /// </summary>
    internal static string WholeMatch(string pattern)
    {
        bool anchored = pattern.Length >= 2 && pattern[0] == '^' && pattern[pattern.Length - 1] == '$'
            && pattern.IndexOf('|') < 0 && !EscapedAt(pattern, pattern.Length - 1);
        return anchored ? pattern : "^(?:" + pattern + ")$";
    }

    private static bool EscapedAt(string text, int index)
    {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
