using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Generators.Helpers;
using StructuredLlm.Generators.Model;

namespace StructuredLlm.Generators.Emit;

/// <summary>
/// Emits the strict reader of an <c>[LlmOutput]</c> type: a private nested <c>__LlmReader</c> class with one
/// <c>Read{Definition}</c> method per object, enum-free definition of the spec, except definitions of other
/// <c>[LlmOutput]</c> types with their own reader (<see cref="TypeDefinitionSpec.HasOwnReader"/>), which are read by
/// calling their <c>LlmInfo.Reader</c> instead of being emitted again. Key matching switches on the key
/// bytes of the exact JSON names and falls back to the runtime's <c>LlmMemberTable</c>; every constraint check is
/// emitted from the same <see cref="ConstraintSpec"/> the schema emitter states, so the two cannot disagree.
/// </summary>
internal static class ReaderEmitter
{
    /// <summary>
    /// The nested reader class. Not <c>LlmReader</c>: inside the type a nested class hides every type of that name, so a
    /// user's own <c>LlmReader</c> type named in the type's members would bind to it (CS0053, CS0722 in the user's code).
    /// </summary>
    public const string ClassName = "__LlmReader";
    private const string Obsolete = "#pragma warning disable CS0612, CS0618 // members may be [Obsolete]: the reader still sets them";
    private const string Json = "global::StructuredLlm.Json.";
    private const string ReaderType = "ref global::System.Text.Json.Utf8JsonReader reader";
    private const string ContextType = Json + "LlmReadContext context";

    /// <summary>
    /// False when some definition cannot be constructed or read (the parser reported an error for it): then no reader is
    /// emitted and <c>LlmInfo</c> is created without one, so the user's build shows only the generator's diagnostic.
    /// </summary>
    public static bool CanEmit(OutputSpec spec)
    {
        foreach (TypeDefinitionSpec d in spec.Definitions)
        {
            if (d.Kind == DefinitionKind.Object && !d.IsConstructible)
            {
                return false;
            }

            if (d.Kind == DefinitionKind.Polymorphic && d.DerivedTypes.IsEmpty)
            {
                return false;
            }

            foreach (MemberSpec m in d.Members)
            {
                if (!Readable(m.Type))
                {
                    return false;
                }
            }
        }

        return true;

        static bool Readable(ValueSpec v) => v.Kind != ValueKind.Unsupported && (v.Element is null || Readable(v.Element));
    }

    /// <summary>The extra arguments of the <c>LlmOutputInfo&lt;T&gt;</c> constructor: reader, root description, type options.</summary>
    public static IEnumerable<string> InfoArguments(OutputSpec spec)
    {
        var names = new Names(spec);
        yield return "reader: " + ClassName + "." + names.ReadOf(spec.Root) + ",";
        yield return "expected: " + ClassName + "." + names.ExpectedOf(spec.Root) + ",";
        yield return "options: " + OptionsExpression(spec) + ",";
        yield return "sameValue: " + ClassName + "." + names.SameOf(spec.RootId);
    }

    private static string OptionsExpression(OutputSpec spec)
    {
        if (!spec.Strict && spec.AllowedRepairs is null)
        {
            return "null";
        }

        var sb = new StringBuilder("new " + Json + "LlmParseOptions { Strict = " + (spec.Strict ? "true" : "false"));
        if (spec.AllowedRepairs is { } allowed)
        {
            sb.Append(", AllowedRepairs = new " + Json + "LlmRepairKind[] { ");
            sb.Append(string.Join(", ", allowed.Select(k => Json + "LlmRepairKind." + k)));
            sb.Append(allowed.IsEmpty ? "}" : " }");
        }

        return sb.Append(" }").ToString();
    }

    /// <summary>The reader source. Before C# 8 (no nullable annotations, no switch expressions) it is written without them.</summary>
    public static string Emit(OutputSpec spec, CompilationFeatures features) => new Emitter(spec, features.SupportsNullableDirective, blocks: null).Run().ToString();

    /// <inheritdoc cref="Emit"/>
    public static Microsoft.CodeAnalysis.Text.SourceText EmitText(OutputSpec spec, CompilationFeatures features)
        => new Emitter(spec, features.SupportsNullableDirective, TextBlockPool.Shared).Run().ToSourceText();

    // ------------------------------------------------------------------ naming

    /// <summary>
    /// Every identifier declared in the reader class, allocated once per structural key (a definition id, a member
    /// index, an element depth) from a preferred spelling: the first to want a spelling gets it, a later one gets a
    /// numbered variant. Names built by joining parts (<c>order</c> + <c>item_id</c>, <c>order_item</c> + <c>id</c>) can
    /// spell alike; keys cannot, so two helpers never share a name and one never stands in for another.
    /// The definitions' <c>Read</c> methods and <c>E_</c> constants are allocated first, root first, so
    /// <see cref="InfoArguments"/> (which builds its own instance) names the same ones as the emitter.
    /// </summary>
    private sealed class Names
    {
        private const char Separator = '\u0001'; // in no identifier and no metadata name
        private readonly Dictionary<string, string> _bases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
        private readonly HashSet<string> _used = new(StringComparer.Ordinal) { ClassName };

        public Names(OutputSpec spec)
        {
            var bases = new HashSet<string>(StringComparer.Ordinal);
            foreach (TypeDefinitionSpec d in spec.Definitions)
            {
                string name = Identifier(d.DefinitionName);
                string unique = name;
                for (int i = 2; !bases.Add(unique); i++)
                {
                    unique = name + i.ToString(CultureInfo.InvariantCulture);
                }

                _bases[d.Id] = unique;
            }

            foreach (TypeDefinitionSpec d in spec.Definitions)
            {
                Get(Key("Read", d.Id), "Read" + _bases[d.Id]);
                Get(Key("E", d.Id), "E_" + _bases[d.Id]);
            }

            foreach (TypeDefinitionSpec d in spec.Definitions)
            {
                Get(Key("Same", d.Id), "Same" + _bases[d.Id]);
            }
        }

        public static string Key(string kind, string id) => kind + Separator + id;

        /// <summary>The sanitized definition name other identifiers of the definition start from (a preference only).</summary>
        public string Of(TypeDefinitionSpec d) => _bases[d.Id];

        public string ReadOf(TypeDefinitionSpec d) => _byKey[Key("Read", d.Id)];

        public string ReadOf(string definitionId) => _byKey[Key("Read", definitionId)];

        public string ExpectedOf(TypeDefinitionSpec d) => _byKey[Key("E", d.Id)];

        public string SameOf(string definitionId) => _byKey[Key("Same", definitionId)];

        /// <summary>The name of <paramref name="key"/>: allocated from <paramref name="preferred"/> on first use.</summary>
        public string Get(string key, string preferred) => Get(key, preferred, out _);

        public string Get(string key, string preferred, out bool isNew)
        {
            if (_byKey.TryGetValue(key, out string? name))
            {
                isNew = false;
                return name;
            }

            name = preferred;
            for (int i = 2; !_used.Add(name); i++)
            {
                name = preferred + "_" + i.ToString(CultureInfo.InvariantCulture);
            }

            _byKey.Add(key, name);
            isNew = true;
            return name;
        }
    }

    /// <summary>
    /// Where a value sits (definition, member, element depth): <see cref="Key"/> is structural and unique, <see cref="Name"/>
    /// is the readable spelling (<c>Order_Items_Item</c>) that identifiers derived from the place prefer.
    /// </summary>
    private readonly struct ValuePath
    {
        public ValuePath(string key, string name)
        {
            Key = key;
            Name = name;
        }

        public string Key { get; }

        public string Name { get; }

        public ValuePath Item => new(Key + "\u0001Item", Name + "_Item");
    }

    /// <summary>Local names of one method: unique, not a parameter or a fixed local, and not a keyword.</summary>
    private static string[] LocalNames(IEnumerable<string> preferred, params string[] taken)
    {
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string p in preferred)
        {
            string name = p;
            for (int i = 2; SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || !used.Add(name); i++)
            {
                name = p + "_" + i.ToString(CultureInfo.InvariantCulture);
            }

            result.Add(name);
        }

        return result.ToArray();
    }

    internal static string Identifier(string text)
    {
        bool valid = text.Length > 0 && !char.IsDigit(text[0]);
        foreach (char c in text)
        {
            valid &= char.IsLetterOrDigit(c) || c == '_';
        }

        if (valid)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    private static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>
    /// A type named in a doc comment: a <c>see</c> reference, or, for a constructed generic type (<c>Page&lt;string&gt;</c>,
    /// which is no valid reference and whose brackets are not valid XML), its name as code.
    /// </summary>
    private static string DocType(string typeName) =>
        typeName.IndexOf('<') < 0 ? "<see cref=\"" + typeName + "\"/>" : "<c>" + System.Security.SecurityElement.Escape(typeName) + "</c>";

    private static string NonNullable(string typeName) => typeName.EndsWith("?", StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - 1) : typeName;

    /// <summary>Equal ignoring case and everything but letters and digits, as the runtime tables match names.</summary>
    private static bool LooseEquals(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && !char.IsLetterOrDigit(a[i])) i++;
            while (j < b.Length && !char.IsLetterOrDigit(b[j])) j++;
            if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
            if (char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j])) return false;
            i++;
            j++;
        }
    }

    private static bool NamesAnotherMember(TypeDefinitionSpec d, int member, string name)
    {
        for (int k = 0; k < d.EnumMembers.Count; k++)
        {
            if (k == member) continue;
            var other = d.EnumMembers[k];
            if (LooseEquals(other.JsonName, name) || LooseEquals(other.Name, name) || other.Aliases.Any(a => LooseEquals(a, name))) return true;
        }

        return false;
    }

    /// <summary>
    /// "a Performer object", "an EventVenue object": the article a reader of the error expects (by the name's first letter;
    /// a name starting with U, as in User, takes "a").
    /// </summary>
    private static string AnObject(string typeName)
    {
        string name = SimpleName(typeName);
        return (name.Length > 0 && "AEIOaeio".IndexOf(name[0]) >= 0 ? "an " : "a ") + name + " object";
    }

    private static string SimpleName(string typeName)
    {
        string name = NonNullable(typeName);
        int generic = name.IndexOf('<');
        if (generic >= 0)
        {
            name = name.Substring(0, generic);
        }

        int dot = name.LastIndexOf('.');
        name = dot >= 0 ? name.Substring(dot + 1) : name;
        return name.StartsWith("global::", StringComparison.Ordinal) ? name.Substring(8) : name;
    }

    // ------------------------------------------------------------------ the emitter

    private sealed class Emitter
    {
        private readonly OutputSpec _spec;
        private readonly Names _names;
        private readonly Dictionary<string, TypeDefinitionSpec> _definitions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _discriminatorOf = new(StringComparer.Ordinal);
        private readonly List<(string Name, string Text)> _constants = new();
        private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
        // The static fields, written at their final indentation (that of _methods) and put in front of the methods at the
        // end, as the header is: no string per declaration.
        private readonly SourceWriter _fieldLines;
        private bool _hasFields;
        // Written at the indentation it ends up at (inside namespace, containing types, the type and the reader class),
        // so it is copied into the file as is instead of being split and re-indented.
        private readonly SourceWriter _methods;
        private readonly TextBlockPool? _blocks;
        private readonly bool _csharp8;
        private readonly string _bang;
        private int _temp;

        public Emitter(OutputSpec spec, bool csharp8, TextBlockPool? blocks)
        {
            _spec = spec;
            _csharp8 = csharp8;
            _bang = csharp8 ? "!" : string.Empty;
            _names = new Names(spec);
            int indent = (spec.Namespace.Length > 0 ? 1 : 0) + spec.ContainingTypes.Count + 2;
            // The file's text: _fieldLines and the header (Run) are prepended to _methods.
            _methods = new SourceWriter(16 * 1024, indent, blocks);
            _fieldLines = new SourceWriter(2 * 1024, indent, blocks);
            _blocks = blocks;
            foreach (TypeDefinitionSpec d in spec.Definitions)
            {
                _definitions[d.Id] = d;
            }

            foreach (TypeDefinitionSpec d in spec.Definitions)
            {
                if (d.Kind == DefinitionKind.Polymorphic && d.DiscriminatorPropertyName is { } discriminator)
                {
                    foreach (DerivedTypeSpec derived in d.DerivedTypes)
                    {
                        if (!_discriminatorOf.ContainsKey(derived.DefinitionId))
                        {
                            _discriminatorOf.Add(derived.DefinitionId, discriminator);
                        }
                    }
                }
            }
        }

        public SourceWriter Run()
        {
            HashSet<string> emitted = Emitted();
            foreach (TypeDefinitionSpec d in _spec.Definitions)
            {
                if (!emitted.Contains(d.Id))
                {
                    continue;
                }

                switch (d.Kind)
                {
                    case DefinitionKind.Object:
                        EmitObject(d);
                        break;
                    case DefinitionKind.Polymorphic:
                        EmitPolymorphic(d);
                        break;
                    case DefinitionKind.Enum:
                        EmitEnumTable(d);
                        break;
                }
            }

            foreach (string method in _pendingMethods)
            {
                _methods.WriteLineTrimEnd(method);
            }

            // The structural comparisons after every read method, in the same order.
            foreach (TypeDefinitionSpec d in _spec.Definitions)
            {
                if (d.Kind != DefinitionKind.Enum && emitted.Contains(d.Id))
                {
                    EmitSame(d);
                }
            }

            var w = new SourceWriter(512, blocks: _blocks);
            w.WriteLine(_csharp8 ? "// <auto-generated/>\n#nullable enable\n" + Obsolete : "// <auto-generated/>\n" + Obsolete);
            if (_spec.GatedDiagnosticsPragma() is { Length: > 0 } gated)
            {
                w.WriteLine(gated);
            }
            w.WriteLine();
            bool hasNamespace = _spec.Namespace.Length > 0;
            if (hasNamespace)
            {
                w.WriteLine("namespace ", _spec.Namespace);
                w.OpenBrace();
            }

            foreach (ContainingTypeSpec containing in _spec.ContainingTypes)
            {
                w.WriteLine("partial ", containing.Keyword, " ", InfoEmitter.Identifier(containing.Name));
                w.OpenBrace();
            }

            w.WriteLine("partial ", _spec.Keyword, " ", InfoEmitter.Identifier(_spec.Name));
            w.OpenBrace();
            w.WriteLine("/// <summary>");
            w.WriteLine("/// The strict, repairing reader of <see cref=\"", _spec.TypeName, "\"/>, generated from the same spec as its schemas.");
            w.WriteLine("/// Call it through <c>LlmInfo.Parse(text)</c>.");
            w.WriteLine("/// </summary>");
            w.WriteLine("[global::System.CodeDom.Compiler.GeneratedCode(", CSharpLiteral.String(InfoEmitter.GeneratorName), ", ", CSharpLiteral.String(InfoEmitter.GeneratorVersion), ")]");
            w.WriteLine("private static class ", ClassName);
            w.OpenBrace();
            foreach ((string name, string text) in _constants)
            {
                // `internal const string {name} = "{text}";`, escaped straight into the file.
                SegmentedText line = w.BeginLine().Append("internal const string ").Append(name).Append(" = \"");
                foreach (char c in text)
                {
                    CSharpLiteral.AppendEscaped(line, c);
                }

                line.Append("\";");
                w.WriteLine();
            }

            // The header and the fields go in front of the methods (inserts, not copies of the methods), then the closing braces.
            _methods.TrimEndNewlines();
            _methods.WriteLine();
            if (_hasFields)
            {
                w.WriteLine();
                _methods.Prepend(_fieldLines);
            }

            _methods.Prepend(w);
            _methods.CloseBrace();
            _methods.CloseBrace();
            foreach (ContainingTypeSpec _ in _spec.ContainingTypes)
            {
                _methods.CloseBrace();
            }

            if (hasNamespace)
            {
                _methods.CloseBrace();
            }

            return _methods;
        }

        /// <summary>
        /// Another <c>[LlmOutput]</c> type with its own generated reader: called through its <c>LlmInfo.Reader</c> instead of
        /// re-emitted. A derived type of a polymorphic base of this output stays inline: its read method here skips the
        /// discriminator, which its own reader (without that base) may not.
        /// </summary>
        private bool IsExternal(string definitionId)
            => definitionId != _spec.RootId && _definitions.TryGetValue(definitionId, out TypeDefinitionSpec? d)
                && d.HasOwnReader && d.Kind == DefinitionKind.Object && !_discriminatorOf.ContainsKey(definitionId);

        /// <summary>The definitions whose read methods (or enum tables) this reader needs: reachable from the root without passing through an external reader.</summary>
        private HashSet<string> Emitted()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push(_spec.RootId);
            while (pending.Count > 0)
            {
                string id = pending.Pop();
                if (IsExternal(id) || !seen.Add(id) || !_definitions.TryGetValue(id, out TypeDefinitionSpec? d))
                {
                    continue;
                }

                foreach (MemberSpec m in d.Members)
                {
                    for (ValueSpec? v = m.Type; v is not null; v = v.Element)
                    {
                        if (v.DefinitionId is { } referenced)
                        {
                            pending.Push(referenced);
                        }
                    }
                }

                foreach (DerivedTypeSpec derived in d.DerivedTypes)
                {
                    pending.Push(derived.DefinitionId);
                }
            }

            return seen;
        }

        /// <summary>The call of an external definition's reader: <c>global::N.T.LlmInfo.Reader</c>.</summary>
        private string ExternalReader(string definitionId) => NonNullable(_definitions[definitionId].TypeName) + ".LlmInfo.Reader";

        /// <summary>The constant of <paramref name="key"/> (declared with <paramref name="text"/> on first use).</summary>
        private string Constant(string key, string preferred, string text)
        {
            string name = _names.Get(key, preferred);
            if (_declared.Add(key))
            {
                _constants.Add((name, text));
            }

            return name;
        }

        /// <summary>The static field of <paramref name="key"/>: declared on first use as <c>{before}{name}{after}</c>.</summary>
        private string Field(string key, string preferred, string before, string after)
        {
            if (BeginField(key, preferred, out string name) is { } line)
            {
                line.Append(before).Append(name).Append(after);
                EndField();
            }

            return name;
        }

        /// <summary>
        /// Starts the declaration of the field of <paramref name="key"/> when it is not declared yet (null when it is): the
        /// caller appends the declaration and ends it with <see cref="EndField"/>. Its name may have been allocated before
        /// (a reference ahead of the declaration).
        /// </summary>
        private SegmentedText? BeginField(string key, string preferred, out string name)
        {
            name = _names.Get(key, preferred);
            if (!_declared.Add(key))
            {
                return null;
            }

            _hasFields = true;
            return _fieldLines.BeginLine();
        }

        private void EndField() => _fieldLines.WriteLine();

        // -------------------------------------------------------------- objects

        private void EmitObject(TypeDefinitionSpec d)
        {
            string id = _names.Of(d);
            string read = _names.ReadOf(d);
            string expected = Constant(Names.Key("E", d.Id), _names.ExpectedOf(d), AnObject(d.TypeName));
            _discriminatorOf.TryGetValue(d.Id, out string? discriminator);
            int count = d.Members.Count;

            // The fallback table: every JSON name and alias, plus the discriminator (skipped) for a derived type.
            if (BeginField(Names.Key("Members", d.Id), "s_" + id + "Members", out string membersTable) is { } table)
            {
                table.Append("private static readonly ").Append(Json).Append("LlmMemberTable ").Append(membersTable).Append(" = new ").Append(Json).Append("LlmMemberTable(");
                CSharpLiteral.Append(table, SimpleName(d.TypeName));
                foreach (MemberSpec m in d.Members)
                {
                    CSharpLiteral.Append(table.Append(", new ").Append(Json).Append("LlmMember("), m.JsonName);
                    foreach (string alias in m.Aliases)
                    {
                        CSharpLiteral.Append(table.Append(", "), alias);
                    }

                    table.Append(')');
                    if (DeclaredNameDiffers(m))
                    {
                        // `[JsonPropertyName("dark")] bool DarkMode`: a model that saw the C# name writes `darkMode`.
                        CSharpLiteral.Append(table.Append(" { DeclaredName = "), m.Name).Append(" }");
                    }
                }

                if (discriminator is not null)
                {
                    CSharpLiteral.Append(table.Append(", new ").Append(Json).Append("LlmMember("), discriminator).Append(')');
                }

                table.Append(");");
                EndField();
            }

            SourceWriter w = _methods;
            w.WriteLine();
            w.WriteLine("/// <summary>Reads a ", DocType(NonNullable(d.TypeName)), " at the current token; false (with errors in <paramref name=\"context\"/>) when refused.</summary>");
            w.WriteLine("public static bool ", read, "(", ReaderType, ", ", ContextType, ", out ", NonNullable(d.TypeName), " value)");
            w.OpenBrace();
            _temp = 0;
            w.WriteLine("value = default", _bang, ";");
            w.WriteLine("if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)");
            w.OpenBrace();
            w.WriteLine("return ", Json, "LlmRead.DecodedObject(ref reader, context, ", expected, ", ", read, ", out value); // the object encoded as a JSON string");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("int errors = context.ErrorCount;");
            w.WriteLine("if (!context.BeginObject(ref reader, ", Int(count), ", ", expected, ", out ", Json, "LlmObjectState state))");
            w.OpenBrace();
            w.WriteLine("return false;");
            w.CloseBrace();
            w.WriteLine();

            // `v` + the member's name, unless two names sanitize alike (`A‿B`, `A_B`) or one spells a fixed local (`alue`).
            string[] locals = LocalNames(d.Members.Select(m => "v" + Identifier(m.Name)), "reader", "context", "value", "errors", "state", "key", "member");
            for (int i = 0; i < count; i++)
            {
                MemberSpec m = d.Members[i];
                w.WriteLine(m.Type.TypeName, " ", locals[i], " = default", (m.Type.IsValueType && !m.Type.IsNullable ? string.Empty : _bang), ";");
            }

            if (count > 0)
            {
                w.WriteLine();
            }

            w.WriteLine("while (context.NextProperty(ref reader))");
            w.OpenBrace();
            w.WriteLine("global::System.ReadOnlySpan<byte> key = context.PropertyName(ref reader);");
            if (_csharp8)
            {
                w.WriteLine("int member = key.Length switch");
                w.OpenBrace();
            }
            else
            {
                w.WriteLine("int member;");
            }

            var exact = new List<(int Length, string Name, string Span, int Index)>(count + 1);
            for (int i = 0; i < count; i++)
            {
                exact.Add((Encoding.UTF8.GetByteCount(d.Members[i].JsonName), d.Members[i].JsonName, NameSpan(d.Id, i, id + "_" + Identifier(d.Members[i].Name), d.Members[i].JsonName), i));
            }

            if (discriminator is not null)
            {
                exact.Add((Encoding.UTF8.GetByteCount(discriminator), discriminator, NameSpan(d.Id, count, id + "_Discriminator", discriminator), count));
            }

            string elseIf = "if";
            // By byte length, then ordinal name (the index keeps equal keys in order, as a stable sort would).
            exact.Sort(static (a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length)
                : string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : a.Index.CompareTo(b.Index));
            foreach (var e in exact)
            {
                if (_csharp8)
                {
                    w.WriteLine(Int(e.Length), " when global::System.MemoryExtensions.SequenceEqual(key, ", e.Span, ") => ", Int(e.Index), ",");
                }
                else
                {
                    w.WriteLine(elseIf, " (key.Length == ", Int(e.Length), " && global::System.MemoryExtensions.SequenceEqual(key, ", e.Span, ")) member = ", Int(e.Index), ";");
                    elseIf = "else if";
                }
            }

            if (_csharp8)
            {
                w.WriteLine("_ => context.MatchMember(key, ", membersTable, "),");
                w.CloseBrace(";");
            }
            else
            {
                w.WriteLine((elseIf == "if" ? string.Empty : "else "), "member = context.MatchMember(key, ", membersTable, ");");
            }

            w.WriteLine("switch (member)");
            w.OpenBrace();
            var memberExpected = new string[count];
            for (int i = 0; i < count; i++)
            {
                MemberSpec m = d.Members[i];
                w.WriteLine("case ", Int(i), ":");
                w.Indent();
                w.WriteLine("if (context.ClaimMember(ref reader, ref state, ", Int(i), ", ", CSharpLiteral.String(m.JsonName), "))");
                w.OpenBrace();
                var path = new ValuePath(Names.Key(d.Id, Int(i)), id + "_" + Identifier(m.Name));
                memberExpected[i] = Constant(Names.Key("E", path.Key), _names.ExpectedOf(d) + "_" + Identifier(m.Name), Describe(m.Type, m.Constraints));
                EmitValue(w, m.Type, m.Constraints, locals[i], memberExpected[i], path);
                w.WriteLine("context.EndMember();");
                w.CloseBrace();
                w.WriteLine("break;");
                w.Unindent();
            }

            if (discriminator is not null)
            {
                w.WriteLine("case ", Int(count), ": // the discriminator, already used to choose this type");
                w.Indent();
                w.WriteLine("reader.Read();");
                w.WriteLine(Json, "LlmReadContext.Skip(ref reader);");
                w.WriteLine("break;");
                w.Unindent();
            }

            w.WriteLine("default:");
            w.Indent();
            w.WriteLine(d.DisallowUnknownMembers ? "context.RefuseUnknownMember(ref reader, key);" : "context.SkipUnknownMember(ref reader, key);");
            w.WriteLine("break;");
            w.Unindent();
            w.CloseBrace();
            w.CloseBrace();
            w.WriteLine();

            for (int i = 0; i < count; i++)
            {
                MemberSpec m = d.Members[i];
                if (m.IsRequired)
                {
                    w.WriteLine("if (!context.HasMember(in state, ", Int(i), ")) context.ReportMissing(", CSharpLiteral.String(m.JsonName), ", ", memberExpected[i], ");");
                }
            }

            w.WriteLine("context.EndObject(ref state);");
            w.WriteLine("if (context.ErrorCount != errors)");
            w.OpenBrace();
            w.WriteLine("return false;");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("value = ", Construct(d, locals), ";");
            w.WriteLine("return true;");
            w.CloseBrace();
        }

        /// <summary>The UTF-8 key bytes of member <paramref name="index"/> of definition <paramref name="definitionId"/> (the discriminator after the last member).</summary>
        private string NameSpan(string definitionId, int index, string readable, string jsonName)
        {
            if (BeginField(Names.Key("N", Names.Key(definitionId, Int(index))), "N_" + readable, out string name) is not { } line)
            {
                return name;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(jsonName);
            line.Append("private static global::System.ReadOnlySpan<byte> ").Append(name).Append(" => new byte[] { ");
            for (int i = 0; i < bytes.Length; i++)
            {
                (i == 0 ? line : line.Append(", ")).Append(Int(bytes[i]));
            }

            line.Append(" };");
            if (!HasLineBreakingChar(jsonName))
            {
                line.Append(" // ").Append(jsonName);
            }

            EndField();
            return name;
        }

        private static bool HasLineBreakingChar(string text)
        {
            foreach (char c in text)
            {
                if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085' || char.IsSurrogate(c))
                {
                    return true;
                }
            }

            return false;
        }

        private string Construct(TypeDefinitionSpec d, string[] locals)
        {
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < d.Members.Count; i++)
            {
                byName[d.Members[i].Name] = i;
            }

            var arguments = new List<string>();
            foreach (ConstructorParameterSpec p in d.ConstructorParameters)
            {
                if (p.MemberName is not null && byName.TryGetValue(p.MemberName, out int i) && d.Members[i].Assignment == AssignmentKind.ConstructorParameter)
                {
                    arguments.Add(Escape(p.Name) + ": " + locals[i]);
                }
                else if (!p.HasDefaultValue)
                {
                    arguments.Add(Escape(p.Name) + ": default!"); // reached only after an SLLM error for it; `!` keeps the generated code free of nullable warnings
                }
            }

            var initializers = new List<string>();
            for (int i = 0; i < d.Members.Count; i++)
            {
                MemberSpec m = d.Members[i];
                // A C# `required` member must be set by the initializer even when a constructor parameter takes it
                // (`record R(string Name) { public required string Name { get; init; } = Name; }`), as any C# caller
                // must write it: otherwise CS9035. It is settable: C# requires a required member's setter to be as
                // accessible as the type (CS9032).
                if (m.Assignment is AssignmentKind.Init or AssignmentKind.Set
                    || (m.Assignment == AssignmentKind.ConstructorParameter && m.IsCSharpRequired))
                {
                    initializers.Add(Escape(m.Name) + " = " + locals[i]);
                }
            }

            string result = "new " + NonNullable(d.TypeName) + "(" + string.Join(", ", arguments) + ")";
            return initializers.Count == 0 ? result : result + " { " + string.Join(", ", initializers) + " }";
        }

        // -------------------------------------------------------------- structural equality

        /// <summary>
        /// <c>Same{Definition}(a, b)</c>: true when two read values hold the same data in every member the reader sets
        /// (behind <c>LlmInfo.ValueEquals</c>; the parser takes two valid candidates that differ only in spelling as one
        /// answer). A polymorphic value compares only with a value of exactly the same derived type.
        /// </summary>
        private void EmitSame(TypeDefinitionSpec d)
        {
            string type = NonNullable(d.TypeName);
            string parameter = d.IsValueType ? type : type + (_csharp8 ? "?" : string.Empty);
            SourceWriter w = _methods;
            w.WriteLine();
            w.WriteLine("/// <summary>True when two ", DocType(type), " values hold the same data in every member the reader sets.</summary>");
            w.WriteLine("public static bool ", _names.SameOf(d.Id), "(", parameter + " a, " + parameter + " b)");
            w.OpenBrace();
            if (!d.IsValueType)
            {
                w.WriteLine("if (global::System.Object.ReferenceEquals(a, b)) return true;");
                w.WriteLine("if (a is null || b is null) return false;");
            }

            if (d.Kind == DefinitionKind.Polymorphic)
            {
                w.WriteLine("if (a.GetType() != b.GetType()) return false;");
                foreach (DerivedTypeSpec branch in d.DerivedTypes)
                {
                    TypeDefinitionSpec derived = _definitions[branch.DefinitionId];
                    string derivedType = NonNullable(derived.TypeName);
                    w.WriteLine("if (a.GetType() == typeof(", derivedType, ")) return ", _names.SameOf(derived.Id), "((" + derivedType + ")a, (" + derivedType + ")b);");
                }

                w.WriteLine("return false;");
            }
            else
            {
                var terms = new List<string>(d.Members.Count);
                foreach (MemberSpec m in d.Members)
                {
                    string member = Escape(m.Name);
                    terms.Add(SameExpression(m.Type, "a." + member, "b." + member, 1));
                }

                if (terms.Count == 0)
                {
                    w.WriteLine("return true;");
                }

                for (int i = 0; i < terms.Count; i++)
                {
                    w.WriteLine(i == 0 ? "return " : "    && ", terms[i], i == terms.Count - 1 ? ";" : string.Empty);
                }
            }

            w.CloseBrace();
        }

        /// <summary>The expression that compares <paramref name="a"/> and <paramref name="b"/> (side-effect-free, read twice) as <paramref name="v"/>.</summary>
        private string SameExpression(ValueSpec v, string a, string b, int depth)
        {
            if (v.Primitive != PrimitiveKind.None)
            {
                return v.Primitive switch
                {
                    PrimitiveKind.String => "string.Equals(" + a + ", " + b + ")",
                    PrimitiveKind.Uri => Json + "LlmSame.Uri(" + a + ", " + b + ")",
                    PrimitiveKind.Bytes => Json + "LlmSame.Bytes(" + a + ", " + b + ")",
                    PrimitiveKind.DateTime => v.IsNullable
                        ? NullableValue(a, b, Json + "LlmSame.DateTime(" + a + ".Value, " + b + ".Value)")
                        : Json + "LlmSame.DateTime(" + a + ", " + b + ")",
                    PrimitiveKind.DateTimeOffset => v.IsNullable
                        ? NullableValue(a, b, a + ".Value.EqualsExact(" + b + ".Value)")
                        : a + ".EqualsExact(" + b + ")",
                    // numbers, bool, char, Guid, DateOnly, TimeOnly, TimeSpan: `==`, lifted for nullable ones (null == null)
                    _ => "(" + a + " == " + b + ")",
                };
            }

            switch (v.Kind)
            {
                case ValueKind.Enum:
                    return "(" + a + " == " + b + ")";
                case ValueKind.Object when v.DefinitionId is { } id && _definitions.ContainsKey(id):
                    if (v.IsValueType && v.IsNullable)
                    {
                        return NullableValue(a, b, SameObject(id, a + ".Value", b + ".Value"));
                    }

                    return SameObject(id, a, b);
                case ValueKind.Array when v.Element is { } element:
                {
                    if (v.IsValueType && v.IsNullable)
                    {
                        return NullableValue(a, b, SameExpression(v with { IsNullable = false }, a + ".Value", b + ".Value", depth));
                    }

                    string x = "x" + Int(depth), y = "y" + Int(depth);
                    string sequence = Json + "LlmSame.Sequence<" + element.TypeName + ">(" + a + ", " + b + ", (" + x + ", " + y + ") => "
                        + SameExpression(element, x, y, depth + 1) + ")";
                    return v.Collection == CollectionKind.ImmutableArray
                        ? "(" + a + ".IsDefault ? " + b + ".IsDefault : !" + b + ".IsDefault && " + sequence + ")"
                        : sequence;
                }

                case ValueKind.Dictionary when v.Element is { } value:
                {
                    string x = "x" + Int(depth), y = "y" + Int(depth);
                    return Json + "LlmSame.Dictionary<" + value.TypeName + ">(" + a + ", " + b + ", (" + x + ", " + y + ") => "
                        + SameExpression(value, x, y, depth + 1) + ")";
                }

                default:
                    return "false"; // nothing the reader sets: never "the same"
            }
        }

        private static string NullableValue(string a, string b, string same) => "(" + a + ".HasValue ? " + b + ".HasValue && " + same + " : !" + b + ".HasValue)";

        /// <summary>An object definition's comparison: its own <c>Same</c> method, or another <c>[LlmOutput]</c> type's <c>LlmInfo.ValueEquals</c>.</summary>
        private string SameObject(string definitionId, string a, string b)
            => IsExternal(definitionId)
                ? NonNullable(_definitions[definitionId].TypeName) + ".LlmInfo.ValueEquals(" + a + ", " + b + ")"
                : _names.SameOf(definitionId) + "(" + a + ", " + b + ")";

        // -------------------------------------------------------------- polymorphic bases

        private void EmitPolymorphic(TypeDefinitionSpec d)
        {
            string id = _names.Of(d);
            string read = _names.ReadOf(d);
            string discriminator = d.DiscriminatorPropertyName ?? "$type";
            string expected = Constant(Names.Key("E", d.Id), _names.ExpectedOf(d), AnObject(d.TypeName));
            var named = d.DerivedTypes.Select((b, i) => (Branch: b, Index: i)).Where(x => x.Branch.Discriminator is not null).ToList();
            int fallback = d.DerivedTypes.Select((b, i) => (b, i)).Where(x => x.b.Discriminator is null).Select(x => x.i).DefaultIfEmpty(-1).First();
            string branches = string.Empty;
            bool allStrings = named.Count > 0 && named.All(x => x.Branch.Discriminator!.StartsWith("\"", StringComparison.Ordinal));
            string discriminatorExpected = Constant(Names.Key("EDiscriminator", d.Id), _names.ExpectedOf(d) + "_Discriminator", "one of " + string.Join(", ",
                named.Select(x => allStrings ? JsonUnquote(x.Branch.Discriminator!) : x.Branch.Discriminator!)));
            if (allStrings)
            {
                // A derived type's C# name names it as exactly as its discriminator (`Rectangle` for "rect"): accepted too,
                // unless it could be read as another type's discriminator.
                var values = named.Select(x => JsonUnquote(x.Branch.Discriminator!)).ToList();
                var aliases = new List<string>();
                for (int i = 0; i < named.Count; i++)
                {
                    string typeName = SimpleName(_definitions[named[i].Branch.DefinitionId].TypeName);
                    if (!LooseEquals(typeName, values[i]) && !values.Any(v => LooseEquals(v, typeName)))
                    {
                        aliases.Add("new global::System.Collections.Generic.KeyValuePair<string, int>(" + CSharpLiteral.String(typeName) + ", " + Int(i) + ")");
                    }
                }

                branches = Field(Names.Key("Branches", d.Id), "s_" + id + "Branches", "private static readonly " + Json + "LlmEnumTable<int> ", " = new " + Json + "LlmEnumTable<int>(new string[] { "
                    + string.Join(", ", values.Select(CSharpLiteral.String)) + " }, new int[] { "
                    + string.Join(", ", named.Select(x => Int(x.Index))) + " }"
                    + (aliases.Count == 0 ? string.Empty : ", new global::System.Collections.Generic.KeyValuePair<string, int>[] { " + string.Join(", ", aliases) + " }")
                    + ");");
            }

            SourceWriter w = _methods;
            w.WriteLine();
            w.WriteLine("/// <summary>Reads a ", DocType(NonNullable(d.TypeName)), ": the ", CSharpLiteral.String(discriminator).Replace("\"", "&quot;"), " member chooses the derived type.</summary>");
            w.WriteLine("public static bool ", read, "(", ReaderType, ", ", ContextType, ", out ", NonNullable(d.TypeName), " value)");
            w.OpenBrace();
            w.WriteLine("value = default", _bang, ";");
            w.WriteLine("if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)");
            w.OpenBrace();
            w.WriteLine("return ", Json, "LlmRead.DecodedObject(ref reader, context, ", expected, ", ", read, ", out value); // the object encoded as a JSON string");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)");
            w.OpenBrace();
            w.WriteLine("context.AddError(", expected, ", ref reader);");
            w.WriteLine(Json, "LlmReadContext.Skip(ref reader);");
            w.WriteLine("return false;");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("int branch = -1;");
            w.WriteLine("global::System.Text.Json.Utf8JsonReader probe = reader;");
            w.WriteLine("context.PushProperty(", CSharpLiteral.String(discriminator), ");");
            w.WriteLine("if (", Json, "LlmRead.FindMember(ref probe, ", CSharpLiteral.String(discriminator), ", context))");
            w.OpenBrace();
            // [JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)]: a discriminator naming no derived type is the
            // branch without one (System.Text.Json's reading; without such a branch it refuses, as it does).
            bool unknownIsFallback = d.UnknownDiscriminatorIsFallback && fallback >= 0;
            if (allStrings && unknownIsFallback)
            {
                w.WriteLine("if (", branches, ".Read(ref probe, context, ", discriminatorExpected, ", out int found, out bool unknown))");
                w.OpenBrace();
                w.WriteLine("branch = found;");
                w.CloseBrace();
                w.WriteLine("else if (unknown)");
                w.OpenBrace();
                w.WriteLine("branch = ", Int(fallback), "; // an unrecognized discriminator: the base's own branch");
                w.CloseBrace();
            }
            else if (allStrings)
            {
                w.WriteLine("if (", branches, ".Read(ref probe, context, ", discriminatorExpected, ", out int found))");
                w.OpenBrace();
                w.WriteLine("branch = found;");
                w.CloseBrace();
            }
            else
            {
                w.WriteLine("switch (", Json, "LlmRead.Literal(ref probe))");
                w.OpenBrace();
                foreach (var x in named)
                {
                    w.WriteLine("case ", CSharpLiteral.String(x.Branch.Discriminator), ":");
                    w.Indent();
                    w.WriteLine("branch = ", Int(x.Index), ";");
                    w.WriteLine("break;");
                    w.Unindent();
                }

                w.WriteLine("default:");
                w.Indent();
                if (unknownIsFallback)
                {
                    w.WriteLine("if (probe.TokenType is global::System.Text.Json.JsonTokenType.Number or global::System.Text.Json.JsonTokenType.String)");
                    w.OpenBrace();
                    w.WriteLine("branch = ", Int(fallback), "; // an unrecognized discriminator: the base's own branch");
                    w.CloseBrace();
                    w.WriteLine("else");
                    w.OpenBrace();
                    w.WriteLine("context.AddError(", discriminatorExpected, ", ref probe);");
                    w.CloseBrace();
                }
                else
                {
                    w.WriteLine("context.AddError(", discriminatorExpected, ", ref probe);");
                }

                w.WriteLine("break;");
                w.Unindent();
                w.CloseBrace();
            }

            w.CloseBrace();
            w.WriteLine("else");
            w.OpenBrace();
            if (fallback >= 0)
            {
                w.WriteLine("branch = ", Int(fallback), "; // the derived type registered without a discriminator");
            }
            else if (d.DerivedTypes.All(b => b.Discriminator is not null && _definitions.TryGetValue(b.DefinitionId, out TypeDefinitionSpec? x) && x.Kind == DefinitionKind.Object))
            {
                // No discriminator: the one derived type whose members name every key, if exactly one does.
                w.WriteLine("if (", Json, "LlmRead.InferBranch(reader, context, ", CSharpLiteral.String(discriminator), ", new ", Json, "LlmMemberTable[] { ",
                    string.Join(", ", d.DerivedTypes.Select(b => _names.Get(Names.Key("Members", b.DefinitionId), "s_" + _names.Of(_definitions[b.DefinitionId]) + "Members"))), " }, new string[] { ",
                    string.Join(", ", d.DerivedTypes.Select(b => CSharpLiteral.String(b.Discriminator!))), " }, out int inferred))");
                w.OpenBrace();
                w.WriteLine("branch = inferred;");
                w.CloseBrace();
                w.WriteLine("else");
                w.OpenBrace();
                w.WriteLine("context.AddError(", discriminatorExpected, ", \"nothing (the member is missing)\");");
                w.CloseBrace();
            }
            else
            {
                w.WriteLine("context.AddError(", discriminatorExpected, ", \"nothing (the member is missing)\");");
            }

            w.CloseBrace();
            w.WriteLine("context.PopPath();");
            w.WriteLine();
            w.WriteLine("switch (branch)");
            w.OpenBrace();
            for (int i = 0; i < d.DerivedTypes.Count; i++)
            {
                TypeDefinitionSpec derived = _definitions[d.DerivedTypes[i].DefinitionId];
                string t = "b" + Int(i);
                w.WriteLine("case ", Int(i), ":");
                w.Indent();
                w.WriteLine("if (", _names.ReadOf(derived), "(ref reader, context, out ", NonNullable(derived.TypeName), " ", t, "))");
                w.OpenBrace();
                w.WriteLine("value = ", t, ";");
                w.WriteLine("return true;");
                w.CloseBrace();
                w.WriteLine();
                w.WriteLine("return false;");
                w.Unindent();
            }

            w.WriteLine("default:");
            w.Indent();
            w.WriteLine(Json, "LlmReadContext.Skip(ref reader);");
            w.WriteLine("return false;");
            w.Unindent();
            w.CloseBrace();
            w.CloseBrace();
        }

        // -------------------------------------------------------------- enums

        private void EmitEnumTable(TypeDefinitionSpec d)
        {
            if (BeginField(Names.Key("Values", d.Id), "s_" + _names.Of(d) + "Values", out string values) is not { } sb)
            {
                return;
            }

            string type = NonNullable(d.TypeName);
            sb.Append("private static readonly ").Append(Json).Append("LlmEnumTable<").Append(type).Append("> ").Append(values).Append(" = new ").Append(Json).Append("LlmEnumTable<").Append(type).Append(">(");
            sb.Append("new string[] { ");
            for (int i = 0; i < d.EnumMembers.Count; i++)
            {
                CSharpLiteral.Append(i == 0 ? sb : sb.Append(", "), d.EnumMembers[i].JsonName);
            }

            sb.Append(" }, new ").Append(type).Append("[] { ");
            for (int i = 0; i < d.EnumMembers.Count; i++)
            {
                (i == 0 ? sb : sb.Append(", ")).Append(type).Append('.').Append(Escape(d.EnumMembers[i].Name));
            }

            sb.Append(" }");
            bool first = true;
            for (int i = 0; i < d.EnumMembers.Count; i++)
            {
                foreach (string alias in d.EnumMembers[i].Aliases)
                {
                    sb.Append(first ? ", new global::System.Collections.Generic.KeyValuePair<string, int>[] { " : ", ");
                    first = false;
                    CSharpLiteral.Append(sb.Append("new global::System.Collections.Generic.KeyValuePair<string, int>("), alias).Append(", ").Append(Int(i)).Append(')');
                }

                // A member renamed in JSON (`[JsonStringEnumMemberName("postal-mail")] Post`) is named as exactly by its C#
                // name: accepted too, unless it could be read as another member's name or alias.
                string csharpName = d.EnumMembers[i].Name;
                if (!LooseEquals(csharpName, d.EnumMembers[i].JsonName) && !NamesAnotherMember(d, i, csharpName))
                {
                    sb.Append(first ? ", new global::System.Collections.Generic.KeyValuePair<string, int>[] { " : ", ");
                    first = false;
                    CSharpLiteral.Append(sb.Append("new global::System.Collections.Generic.KeyValuePair<string, int>("), csharpName).Append(", ").Append(Int(i)).Append(')');
                }
            }

            if (!first)
            {
                sb.Append(" }");
            }

            sb.Append(");");
            EndField();
        }

        // -------------------------------------------------------------- values

        /// <summary>Statements that read the current token into <paramref name="target"/>, enforcing <paramref name="c"/>.</summary>
        private void EmitValue(SourceWriter w, ValueSpec v, ConstraintSpec c, string target, string expected, ValuePath path)
        {
            if (v.IsNullable)
            {
                // An optional value that is not text: "" or "null" says there is none (text keeps them as written).
                // (a byte[] too: "" is its empty value in base64)
                w.WriteLine(v.Kind == ValueKind.String || v.Primitive == PrimitiveKind.Bytes ? "if (" + Json + "LlmRead.IsNull(ref reader))" : "if (" + Json + "LlmRead.IsNullOrNoValue(ref reader, context))");
                w.OpenBrace();
                w.WriteLine(target, " = null;");
                w.CloseBrace();
                w.WriteLine("else");
                w.OpenBrace();
                EmitNonNull(w, v, c, target, expected, path);
                w.CloseBrace();
            }
            else
            {
                EmitNonNull(w, v, c, target, expected, path);
            }
        }

        private void EmitNonNull(SourceWriter w, ValueSpec v, ConstraintSpec c, string target, string expected, ValuePath path)
        {
            string t = "t" + Int(_temp++);
            string type = NonNullable(v.TypeName);
            string read;
            string converted = t;
            var checks = new List<string>();
            switch (v.Kind)
            {
                case ValueKind.Enum:
                    read = EnumTable(v.DefinitionId!) + ".Read(ref reader, context, " + expected + ", out " + type + " " + t + ")";
                    break;
                case ValueKind.Object:
                    // The delegate's value is [MaybeNullWhen(false)]: `out var` keeps that (non-null where the call returned true).
                    read = IsExternal(v.DefinitionId!)
                        ? ExternalReader(v.DefinitionId!) + "(ref reader, context, out var " + t + ")"
                        : _names.ReadOf(v.DefinitionId!) + "(ref reader, context, out " + type + " " + t + ")";
                    break;
                case ValueKind.Array:
                {
                    string element = v.Element!.TypeName;
                    string list = "global::System.Collections.Generic.List<" + element + ">";
                    read = Json + "LlmRead.List<" + element + ">(ref reader, context, " + expected + ", " + ElementReader(v.Element, path) + ", out " + list + " " + t + ")";
                    if (c.MinItems is not null || c.MaxItems is not null)
                    {
                        checks.Add(Json + "LlmCheck.Count(context, " + t + ".Count, " + Int(c.MinItems ?? 0) + ", " + Int(c.MaxItems ?? -1) + ", " + expected + ");");
                    }

                    if (c.UniqueItems)
                    {
                        checks.Add(Json + "LlmCheck.Unique(context, " + t + ", " + expected + ");");
                    }

                    converted = v.Collection switch
                    {
                        CollectionKind.Array => t + ".ToArray()",
                        CollectionKind.ImmutableArray => "global::System.Collections.Immutable.ImmutableArray.CreateRange(" + t + ")",
                        CollectionKind.ImmutableList or CollectionKind.IImmutableList => "global::System.Collections.Immutable.ImmutableList.CreateRange(" + t + ")",
                        CollectionKind.HashSet or CollectionKind.ISet or CollectionKind.IReadOnlySet => "new global::System.Collections.Generic.HashSet<" + element + ">(" + t + ")",
                        CollectionKind.ImmutableHashSet => "global::System.Collections.Immutable.ImmutableHashSet.CreateRange(" + t + ")",
                        CollectionKind.CustomCollection or CollectionKind.CustomSet => Json + "LlmRead.Fill<" + type + ", " + element + ">(" + t + ")",
                        _ => t,
                    };
                    break;
                }

                case ValueKind.Dictionary:
                {
                    string element = v.Element!.TypeName;
                    read = Json + "LlmRead.Dictionary<" + element + ">(ref reader, context, " + expected + ", " + ElementReader(v.Element, path) + ", out global::System.Collections.Generic.Dictionary<string, " + element + "> " + t + ")";
                    converted = v.Collection switch
                    {
                        CollectionKind.ImmutableDictionary => "global::System.Collections.Immutable.ImmutableDictionary.CreateRange(" + t + ")",
                        CollectionKind.CustomDictionary => Json + "LlmRead.FillDictionary<" + type + ", " + element + ">(" + t + ")",
                        _ => t,
                    };
                    break;
                }

                default:
                    read = Json + "LlmRead." + ScalarReader(v.Primitive) + "(ref reader, context, " + expected + ", out " + type + " " + t + ")";
                    ScalarChecks(v, c, t, expected, path, checks);
                    break;
            }

            w.WriteLine("if (", read, ")");
            w.OpenBrace();
            foreach (string check in checks)
            {
                w.WriteLine(check);
            }

            w.WriteLine(target, " = ", converted, ";");
            w.CloseBrace();
        }

        /// <summary>The name of an enum definition's value table (declared when the definition is emitted).</summary>
        private string EnumTable(string definitionId) => _names.Get(Names.Key("Values", definitionId), "s_" + _names.Of(_definitions[definitionId]) + "Values");

        /// <summary>The delegate that reads one element: the definition's reader, or a generated item method.</summary>
        private string ElementReader(ValueSpec element, ValuePath path)
        {
            string delegateType = Json + "LlmJsonReadFunc<" + element.TypeName + ">";
            if (element.Kind == ValueKind.Object && !element.IsNullable)
            {
                string method = IsExternal(element.DefinitionId!) ? ExternalReader(element.DefinitionId!) : _names.ReadOf(element.DefinitionId!);
                return Field(Names.Key("ReadField", element.DefinitionId!), "s_read" + _names.Of(_definitions[element.DefinitionId!]), "private static readonly " + delegateType + " ", " = " + method + ";");
            }

            ValuePath item = path.Item;
            if (BeginField(Names.Key("ReadField", item.Key), "s_read" + item.Name, out string field) is not { } line)
            {
                return field;
            }

            string name = _names.Get(Names.Key("Read", item.Key), "Read" + item.Name);
            line.Append("private static readonly ").Append(delegateType).Append(' ').Append(field).Append(" = ").Append(name).Append(';');
            EndField();
            string expected = Constant(Names.Key("E", item.Key), "E_" + item.Name, Describe(element, ConstraintSpec.None));
            var w = new SourceWriter();
            int saved = _temp;
            _temp = 0;
            w.WriteLine();
            w.WriteLine("private static bool ", name, "(", ReaderType, ", ", ContextType, ", out ", element.TypeName, " value)");
            w.OpenBrace();
            w.WriteLine("value = default", _bang, ";");
            w.WriteLine("int errors = context.ErrorCount;");
            EmitValue(w, element, ConstraintSpec.None, "value", expected, item);
            w.WriteLine("return context.ErrorCount == errors;");
            w.CloseBrace();
            _temp = saved;
            _pendingMethods.Add(w.ToString());
            return field;
        }

        private readonly List<string> _pendingMethods = new();

        private void ScalarChecks(ValueSpec v, ConstraintSpec c, string t, string expected, ValuePath path, List<string> checks)
        {
            // Numeric bounds: the member's own, tightened by the type's range (the same Effective() the schema uses).
            if (c.HasNumericBounds)
            {
                ConstraintSpec e = c.Effective(v.Primitive);
                checks.Add(RangeCheck(v.Primitive, e, t, expected));
            }

            if (v.Primitive == PrimitiveKind.String)
            {
                if (c.HasStringLength)
                {
                    checks.Add(Json + "LlmCheck.Length(context, " + t + ", " + Int(c.MinLength ?? 0) + ", " + Int(c.MaxLength ?? -1) + ", " + expected + ");");
                }

                if (c.Pattern is not null)
                {
                    string regex = Field(Names.Key("Pattern", path.Key), "s_" + path.Name + "Pattern", "private static readonly global::System.Text.RegularExpressions.Regex ", " = new global::System.Text.RegularExpressions.Regex("
                        + (IsEcmaScriptPattern(c.Pattern)
                            ? CSharpLiteral.String(EcmaWhitespace(c.Pattern)) + ", global::System.Text.RegularExpressions.RegexOptions.ECMAScript"
                            : CSharpLiteral.String(c.Pattern) + ", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant")
                        + ", global::System.TimeSpan.FromSeconds(1));");
                    checks.Add(Json + "LlmCheck.Pattern(context, " + t + ", " + regex + ", " + expected + ");");
                }

                if (c.Format == "email")
                {
                    checks.Add(Json + "LlmCheck.Email(context, " + t + ", " + expected + ");");
                }
                else if (c.Format == "uri")
                {
                    checks.Add(Json + "LlmCheck.Url(context, " + t + ", " + expected + ");");
                }
            }
            else if (v.Primitive == PrimitiveKind.Bytes && (c.MinItems is not null || c.MaxItems is not null))
            {
                checks.Add(Json + "LlmCheck.Count(context, " + t + ".Length, " + Int(c.MinItems ?? 0) + ", " + Int(c.MaxItems ?? -1) + ", " + expected + ");");
            }
            else if (v.Primitive == PrimitiveKind.Uri && c.Format == "uri")
            {
                checks.Add(Json + "LlmCheck.Url(context, " + t + ".OriginalString, " + expected + ");");
            }

            if (!c.AllowedValues.IsEmpty)
            {
                List<string> values = c.AllowedValues.Where(a => a != "null").ToList();
                switch (v.Kind)
                {
                    case ValueKind.String when v.Primitive == PrimitiveKind.String:
                        checks.Add(Json + "LlmCheck.AllowedValues(context, ref " + t + ", " + Field(Names.Key("Allowed", path.Key), "s_" + path.Name + "Allowed", "private static readonly string[] ", " = new string[] { "
                            + string.Join(", ", values.Select(a => CSharpLiteral.String(JsonUnquote(a)))) + " };") + ", " + expected + ");");
                        break;
                    case ValueKind.String when v.Primitive == PrimitiveKind.Char:
                        checks.Add(Json + "LlmCheck.AllowedValues<char>(context, " + t + ", " + Field(Names.Key("Allowed", path.Key), "s_" + path.Name + "Allowed", "private static readonly char[] ", " = new char[] { "
                            + string.Join(", ", values.Select(a => "(char)" + ((int)JsonUnquote(a)[0]).ToString(CultureInfo.InvariantCulture))) + " };") + ", " + expected + ");");
                        break;
                    case ValueKind.FormattedString when v.Primitive == PrimitiveKind.Guid:
                        checks.Add(Json + "LlmCheck.AllowedValues<global::System.Guid>(context, " + t + ", " + Field(Names.Key("Allowed", path.Key), "s_" + path.Name + "Allowed", "private static readonly global::System.Guid[] ", " = new global::System.Guid[] { "
                            + string.Join(", ", values.Select(a => "new global::System.Guid(" + CSharpLiteral.String(JsonUnquote(a)) + ")")) + " };") + ", " + expected + ");");
                        break;
                    case ValueKind.Boolean:
                        checks.Add(Json + "LlmCheck.AllowedValues<bool>(context, " + t + ", " + Field(Names.Key("Allowed", path.Key), "s_" + path.Name + "Allowed", "private static readonly bool[] ", " = new bool[] { "
                            + string.Join(", ", values) + " };") + ", " + expected + ");");
                        break;
                    case ValueKind.Integer or ValueKind.Number when v.Primitive is not (PrimitiveKind.Double or PrimitiveKind.Single or PrimitiveKind.Half):
                        var decimals = values.Select(a => decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal x) ? x.ToString(CultureInfo.InvariantCulture) + "m" : null).Where(x => x is not null).ToList();
                        checks.Add(Json + "LlmCheck.AllowedValues<decimal>(context, (decimal)" + t + ", " + Field(Names.Key("Allowed", path.Key), "s_" + path.Name + "Allowed", "private static readonly decimal[] ", " = new decimal[] { "
                            + string.Join(", ", decimals) + " };") + ", " + expected + ");");
                        break;
                    case ValueKind.Number:
                        // A float or Half holds each allowed value rounded to its own precision, as the JSON number read into it is.
                        checks.Add(Json + "LlmCheck.AllowedValues<double>(context, (double)" + t + ", " + Field(Names.Key("Allowed", path.Key), "s_" + path.Name + "Allowed", "private static readonly double[] ", " = new double[] { "
                            + string.Join(", ", values.Select(a => InPrecision(v.Primitive, a + "d"))) + " };") + ", " + expected + ");");
                        break;
                }
            }
        }

        /// <summary>
        /// Whether the reader matches <paramref name="pattern"/> as ECMA-262 does, the dialect the schema's <c>pattern</c>
        /// states it in: <c>\d</c> only ASCII digits, <c>\w</c> only ASCII word characters. True when the schema states it
        /// as a <c>pattern</c> (no .NET-only syntax) and .NET's ECMAScript mode accepts it; a pattern that mode refuses
        /// (Unicode categories <c>\p{L}</c>, lookbehind) keeps .NET's reading, as the description then says.
        /// </summary>
        internal static bool IsEcmaScriptPattern(string pattern)
        {
            if (SchemaEmitter.DotNetOnlySyntax(pattern))
            {
                return false;
            }

            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        // ECMA-262's \s beyond .NET's ECMAScript-mode \s (which is [ \f\n\r\t\v] only).
        private const string EcmaSpaces = "\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

        /// <summary>
        /// <paramref name="pattern"/> with <c>\s</c> (and <c>\S</c> outside a class) spelled out as ECMA-262 reads them,
        /// Unicode spaces included, for .NET's ECMAScript mode, whose <c>\s</c> is ASCII only. A <c>\S</c> inside a class
        /// (<c>[^\S\n]</c>) keeps the mode's reading.
        /// </summary>
        internal static string EcmaWhitespace(string pattern)
        {
            if (pattern.IndexOf("\\s", StringComparison.Ordinal) < 0 && pattern.IndexOf("\\S", StringComparison.Ordinal) < 0)
            {
                return pattern;
            }

            var sb = new StringBuilder(pattern.Length + 64);
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char ch = pattern[i];
                char next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
                if (ch == '\\')
                {
                    if (next == 's')
                    {
                        sb.Append(inClass ? "\\s" + EcmaSpaces : "[\\s" + EcmaSpaces + "]");
                    }
                    else if (next == 'S' && !inClass)
                    {
                        sb.Append("[^\\s" + EcmaSpaces + "]");
                    }
                    else
                    {
                        sb.Append(ch);
                        if (next != '\0')
                        {
                            sb.Append(next);
                        }
                    }

                    i++;
                    continue;
                }

                sb.Append(ch);
                if (inClass)
                {
                    inClass = ch != ']';
                }
                else if (ch == '[')
                {
                    inClass = true;
                    if (next == ']' || next == '^')
                    {
                        // `[]...]` / `[^]...]`: a leading ']' is a member, not the end.
                        int skip = next == '^' && i + 2 < pattern.Length && pattern[i + 2] == ']' ? 2 : next == ']' ? 1 : next == '^' ? 1 : 0;
                        sb.Append(pattern, i + 1, skip);
                        i += skip;
                    }
                }
            }

            return sb.ToString();
        }

        /// <summary>Whether the C# name reads differently from the JSON name and every alias (ignoring case and separators).</summary>
        private static bool DeclaredNameDiffers(MemberSpec m)
        {
            string key = StructuredLlm.Generators.Parsing.NamingPolicies.MatchKey(m.Name);
            if (key == StructuredLlm.Generators.Parsing.NamingPolicies.MatchKey(m.JsonName))
            {
                return false;
            }

            foreach (string alias in m.Aliases)
            {
                if (key == StructuredLlm.Generators.Parsing.NamingPolicies.MatchKey(alias))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A double literal rounded to a float's or Half's precision (and widened back), or as it is for a double.</summary>
        private static string InPrecision(PrimitiveKind primitive, string literal) => primitive switch
        {
            PrimitiveKind.Single => "(double)(float)" + literal,
            PrimitiveKind.Half => "(double)(global::System.Half)" + literal,
            _ => literal,
        };

        private static string RangeCheck(PrimitiveKind primitive, ConstraintSpec e, string t, string expected)
        {
            switch (primitive)
            {
                case PrimitiveKind.Double or PrimitiveKind.Single or PrimitiveKind.Half:
                {
                    // The bounds in the value's own precision: `0.3` read into a float is 0.3f, which is 0.30000001 as a
                    // double, and must still be within `[Range(0.1, 0.3)]`.
                    string min = e.Minimum is null ? "double.NegativeInfinity" : InPrecision(primitive, e.Minimum + "d");
                    string max = e.Maximum is null ? "double.PositiveInfinity" : InPrecision(primitive, e.Maximum + "d");
                    string value = primitive == PrimitiveKind.Double ? t : "(double)" + t;
                    return e.ExclusiveMinimum || e.ExclusiveMaximum
                        ? Json + "LlmCheck.Range(context, " + value + ", " + min + ", " + Bool(e.ExclusiveMinimum) + ", " + max + ", " + Bool(e.ExclusiveMaximum) + ", " + expected + ");"
                        : Json + "LlmCheck.Range(context, " + value + ", " + min + ", " + max + ", " + expected + ");";
                }

                case PrimitiveKind.Decimal:
                {
                    string min = DecimalLiteral(e.Minimum) ?? "decimal.MinValue";
                    string max = DecimalLiteral(e.Maximum) ?? "decimal.MaxValue";
                    return e.ExclusiveMinimum || e.ExclusiveMaximum
                        ? Json + "LlmCheck.Range(context, " + t + ", " + min + ", " + Bool(e.ExclusiveMinimum) + ", " + max + ", " + Bool(e.ExclusiveMaximum) + ", " + expected + ");"
                        : Json + "LlmCheck.Range(context, " + t + ", " + min + ", " + max + ", " + expected + ");";
                }

                default:
                {
                    // Integers: exclusive or fractional bounds become the nearest inclusive integer bound.
                    if (primitive is PrimitiveKind.Int128 or PrimitiveKind.UInt128)
                    {
                        // Compared as the type itself: a decimal holds neither every value (Int128.MinValue would throw
                        // converting) nor every bound (1e30 as a minimum would be dropped).
                        return Json + "LlmCheck.Range(context, " + t + ", " + WideBound(primitive, e.Minimum, e.ExclusiveMinimum, up: true) + ", "
                            + WideBound(primitive, e.Maximum, e.ExclusiveMaximum, up: false) + ", " + expected + ");";
                    }

                    decimal? lo = IntegerBound(e.Minimum, e.ExclusiveMinimum, up: true);
                    decimal? hi = IntegerBound(e.Maximum, e.ExclusiveMaximum, up: false);
                    if (primitive is PrimitiveKind.UInt64)
                    {
                        return Json + "LlmCheck.Range(context, (decimal)" + t + ", " + (lo is null ? "decimal.MinValue" : Dec(lo.Value) + "m") + ", " + (hi is null ? "decimal.MaxValue" : Dec(hi.Value) + "m") + ", " + expected + ");";
                    }

                    string min = lo is null || lo.Value < long.MinValue ? "long.MinValue" : Dec(lo.Value) + "L";
                    string max = hi is null || hi.Value > long.MaxValue ? "long.MaxValue" : Dec(hi.Value) + "L";
                    if (lo > long.MaxValue)
                    {
                        min = "long.MaxValue"; // no value of the type can meet it; the check refuses every value but MaxValue
                    }

                    return Json + "LlmCheck.Range(context, " + t + ", " + min + ", " + max + ", " + expected + ");";
                }
            }
        }

        /// <summary>
        /// A bound of an Int128 or UInt128 as a constructor call of that type (no literal syntax exists): the nearest
        /// whole number on the allowed side of the bound, clamped to the type's range (no bound: the type's end).
        /// </summary>
        private static string WideBound(PrimitiveKind primitive, string? literal, bool exclusive, bool up)
        {
            bool signed = primitive == PrimitiveKind.Int128;
            BigInteger typeMin = signed ? -(BigInteger.One << 127) : BigInteger.Zero;
            BigInteger typeMax = signed ? (BigInteger.One << 127) - 1 : (BigInteger.One << 128) - 1;
            BigInteger bound = ExactIntegerBound(literal, exclusive, up) ?? (up ? typeMin : typeMax);
            bound = BigInteger.Max(typeMin, BigInteger.Min(typeMax, bound));
            BigInteger bits = bound.Sign < 0 ? bound + (BigInteger.One << 128) : bound;
            ulong upper = (ulong)(bits >> 64);
            ulong lower = (ulong)(bits & ulong.MaxValue);
            return "new global::System." + (signed ? "Int128" : "UInt128") + "(0x" + upper.ToString("X", CultureInfo.InvariantCulture) + "UL, 0x"
                + lower.ToString("X", CultureInfo.InvariantCulture) + "UL)";
        }

        /// <summary>The exact nearest whole number on the allowed side of a bound written as an invariant number (<c>1.5E+30</c>).</summary>
        private static BigInteger? ExactIntegerBound(string? literal, bool exclusive, bool up)
        {
            if (literal is null || literal.Length == 0)
            {
                return null;
            }

            string digits = literal;
            bool negative = digits[0] == '-';
            if (negative || digits[0] == '+')
            {
                digits = digits.Substring(1);
            }

            int exponent = 0;
            int e = digits.IndexOfAny(new[] { 'e', 'E' });
            if (e >= 0)
            {
                if (!int.TryParse(digits.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                {
                    return null;
                }

                digits = digits.Substring(0, e);
            }

            int dot = digits.IndexOf('.');
            if (dot >= 0)
            {
                exponent -= digits.Length - dot - 1;
                digits = digits.Remove(dot, 1);
            }

            if (digits.Length == 0 || !BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger mantissa))
            {
                return null;
            }

            if (negative)
            {
                mantissa = -mantissa;
            }

            if (exponent >= 0)
            {
                BigInteger whole = mantissa * BigInteger.Pow(10, exponent);
                return exclusive ? whole + (up ? 1 : -1) : whole;
            }

            BigInteger quotient = BigInteger.DivRem(mantissa, BigInteger.Pow(10, -exponent), out BigInteger remainder); // toward zero
            if (remainder.IsZero)
            {
                return exclusive ? quotient + (up ? 1 : -1) : quotient;
            }

            return up && mantissa.Sign > 0 ? quotient + 1 : !up && mantissa.Sign < 0 ? quotient - 1 : quotient;
        }

        private static decimal? IntegerBound(string? literal, bool exclusive, bool up)
        {
            if (literal is null || !decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d))
            {
                return null;
            }

            decimal rounded = up ? Math.Ceiling(d) : Math.Floor(d);
            if (exclusive && rounded == d)
            {
                rounded += up ? 1 : -1;
            }

            return rounded;
        }

        private static string? DecimalLiteral(string? literal)
            => literal is not null && decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? Dec(d) + "m" : null;

        private static string Dec(decimal d) => d.ToString(CultureInfo.InvariantCulture);

        private static string Bool(bool b) => b ? "true" : "false";

        private static string ScalarReader(PrimitiveKind primitive) => primitive switch
        {
            PrimitiveKind.String => "String",
            PrimitiveKind.Char => "Char",
            PrimitiveKind.Boolean => "Boolean",
            PrimitiveKind.SByte => "SByte",
            PrimitiveKind.Byte => "Byte",
            PrimitiveKind.Int16 => "Int16",
            PrimitiveKind.UInt16 => "UInt16",
            PrimitiveKind.Int32 => "Int32",
            PrimitiveKind.UInt32 => "UInt32",
            PrimitiveKind.Int64 => "Int64",
            PrimitiveKind.UInt64 => "UInt64",
            PrimitiveKind.Int128 => "Int128",
            PrimitiveKind.UInt128 => "UInt128",
            PrimitiveKind.Half => "Half",
            PrimitiveKind.Single => "Single",
            PrimitiveKind.Double => "Double",
            PrimitiveKind.Decimal => "Decimal",
            PrimitiveKind.DateTime => "DateTime",
            PrimitiveKind.DateTimeOffset => "DateTimeOffset",
            PrimitiveKind.DateOnly => "DateOnly",
            PrimitiveKind.TimeOnly => "TimeOnly",
            PrimitiveKind.TimeSpan => "TimeSpan",
            PrimitiveKind.Guid => "Guid",
            PrimitiveKind.Uri => "Uri",
            PrimitiveKind.Bytes => "Bytes",
            _ => "String",
        };

        // -------------------------------------------------------------- descriptions

        /// <summary>What a value must be, phrased for a retry prompt: <c>an integer 1..5</c>, <c>a string of at most 500 characters or null</c>.</summary>
        private string Describe(ValueSpec v, ConstraintSpec c)
        {
            string text;
            if (!c.AllowedValues.IsEmpty && v.Kind is not (ValueKind.Array or ValueKind.Dictionary or ValueKind.Object or ValueKind.Enum))
            {
                text = "one of " + string.Join(", ", c.AllowedValues.Where(a => a != "null"));
            }
            else
            {
                text = v.Kind switch
                {
                    ValueKind.String when v.Primitive == PrimitiveKind.Char => "a single character",
                    ValueKind.String => DescribeString(c),
                    ValueKind.Boolean => "true or false",
                    ValueKind.Integer => "an integer" + DescribeRange(c.Effective(v.Primitive)),
                    ValueKind.Number => "a number" + DescribeRange(c.Effective(v.Primitive)),
                    ValueKind.FormattedString when c.Format == "uri" => "an http, https or ftp URL",
                    ValueKind.FormattedString when v.Primitive == PrimitiveKind.Bytes => "a base64 string" + DescribeCount(c).Replace(" items", " bytes").Replace(" item", " byte"),
                    ValueKind.FormattedString => DescribeFormatted(v.Primitive),
                    ValueKind.Enum => "one of " + string.Join(", ", _definitions[v.DefinitionId!].EnumMembers.Select(e => e.JsonName)),
                    ValueKind.Object => AnObject(v.TypeName),
                    ValueKind.Array => "an array" + DescribeCount(c) + (c.UniqueItems ? " of unique items" : string.Empty),
                    ValueKind.Dictionary => "an object mapping names to values",
                    _ => "a value",
                };
            }

            return v.IsNullable ? text + " or null" : text;
        }

        private static string DescribeString(ConstraintSpec c)
        {
            string text = c.Format switch
            {
                "email" => "an email address",
                "uri" => "an http, https or ftp URL",
                _ => "a string",
            };
            if (c.MinLength is int min && c.MaxLength is int max)
            {
                text += min == max ? " of exactly " + Count(min, "character") : " of " + Int(min) + ".." + Int(max) + " characters";
            }
            else if (c.MinLength is int onlyMin)
            {
                text += " of at least " + Count(onlyMin, "character");
            }
            else if (c.MaxLength is int onlyMax)
            {
                text += " of at most " + Count(onlyMax, "character");
            }

            if (c.Pattern is not null)
            {
                text += " matching " + c.Pattern;
            }

            return text;
        }

        /// <summary><c>1 character</c>, <c>5 characters</c>.</summary>
        private static string Count(int n, string noun) => Int(n) + " " + noun + (n == 1 ? string.Empty : "s");

        private static string DescribeRange(ConstraintSpec c)
        {
            if (c.Minimum is not null && c.Maximum is not null && !c.ExclusiveMinimum && !c.ExclusiveMaximum)
            {
                return " " + c.Minimum + ".." + c.Maximum;
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

            return parts.Count == 0 ? string.Empty : " " + string.Join(" and ", parts);
        }

        private static string DescribeCount(ConstraintSpec c)
        {
            if (c.MinItems is int min && c.MaxItems is int max)
            {
                return min == max ? " of exactly " + Count(min, "item") : " of " + Int(min) + ".." + Int(max) + " items";
            }

            if (c.MinItems is int onlyMin)
            {
                return " of at least " + Count(onlyMin, "item");
            }

            return c.MaxItems is int onlyMax ? " of at most " + Count(onlyMax, "item") : string.Empty;
        }

        private static string DescribeFormatted(PrimitiveKind primitive) => primitive switch
        {
            PrimitiveKind.DateTime => "a date-time (ISO 8601)",
            PrimitiveKind.DateTimeOffset => "a date-time with offset (ISO 8601)",
            PrimitiveKind.DateOnly => "a date (yyyy-MM-dd)",
            PrimitiveKind.TimeOnly => "a time (HH:mm:ss)",
            PrimitiveKind.TimeSpan => "a duration (d.hh:mm:ss)",
            PrimitiveKind.Guid => "a GUID",
            PrimitiveKind.Uri => "an absolute URI",
            PrimitiveKind.Bytes => "a base64 string",
            _ => "a string",
        };
    }

    // "0".."255": member indexes, counts and byte literals (written per member, so no string per number).
    private static readonly string[] s_smallInts = Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string Int(int value) => (uint)value < (uint)s_smallInts.Length ? s_smallInts[value] : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text of a JSON string literal (<c>"\"a\\nb\""</c> → <c>a\nb</c>); other literals are returned as they are.</summary>
    internal static string JsonUnquote(string literal)
    {
        if (literal.Length < 2 || literal[0] != '"' || literal[literal.Length - 1] != '"')
        {
            return literal;
        }

        var sb = new StringBuilder(literal.Length);
        for (int i = 1; i < literal.Length - 1; i++)
        {
            char c = literal[i];
            if (c != '\\' || i + 1 >= literal.Length - 1)
            {
                sb.Append(c);
                continue;
            }

            char e = literal[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u' when i + 4 < literal.Length - 1
                    && int.TryParse(literal.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }

        return sb.ToString();
    }
}
