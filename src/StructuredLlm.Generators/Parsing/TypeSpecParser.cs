using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StructuredLlm.Generators.Diagnostics;
using StructuredLlm.Generators.Emit;
using StructuredLlm.Generators.Helpers;
using StructuredLlm.Generators.Model;

namespace StructuredLlm.Generators.Parsing;

/// <summary>
/// Turns an <c>[LlmOutput]</c> type symbol into an equatable <see cref="OutputSpec"/> plus diagnostics and the member
/// locations that profile-limit diagnostics point at. It builds no schema or source text: this transform reruns for every
/// target type on every compilation change, so it does only what needs the symbols.
/// </summary>
internal sealed class TypeSpecParser
{
    private const string DescriptionAttribute = "System.ComponentModel.DescriptionAttribute";
    private static readonly Regex OpenAISchemaName = new("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly SymbolDisplayFormat IdFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);
    // A definition's id: the type with the nullability of its type arguments (Box<string?> and Box<string> read and
    // describe Value differently, so they are two definitions), without its own top-level annotation (a use as T? is
    // the same definition).
    private static readonly SymbolDisplayFormat DefinitionIdFormat = IdFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
    private static readonly SymbolDisplayFormat TypeNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly CancellationToken _ct;
    private readonly INamedTypeSymbol _root;
    private readonly LocationInfo? _rootLocation;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, TypeDefinitionSpec?> _definitions = new(StringComparer.Ordinal);
    private readonly List<string> _definitionOrder = new();
    private readonly HashSet<string> _definitionNames = new(StringComparer.Ordinal);
    private readonly List<MemberLocation> _memberLocations = new();
    private readonly Dictionary<ISymbol, DocComments> _docs = new(SymbolEqualityComparer.Default);

    // What the roots of one compilation share (memoized subtrees, see SubtreeMemo, and own-reader answers): one entry per
    // compilation, living as long as it does. Keyed by the compilation rather than by each type symbol, so a collection
    // walks one weak entry per compilation instead of one per type, and a metadata type shared by several compilations
    // never carries one compilation's answer into another.
    private static readonly ConditionalWeakTable<Compilation, CompilationMemo> s_memos = new();
    private readonly CompilationMemo _memo;
    private readonly Compilation _compilation;
    private readonly HashSet<ITypeSymbol> _collectionsInProgress = new(SymbolEqualityComparer.Default);

    private sealed class CompilationMemo
    {
        public readonly Dictionary<INamedTypeSymbol, SubtreeMemo> Subtrees = new(SymbolEqualityComparer.Default);
        public readonly Dictionary<INamedTypeSymbol, bool> OwnReader = new(SymbolEqualityComparer.Default);
    }

    // While an object subtree is parsed: whether it depended on where it was reached from (then it is not memoized), and
    // the ids it looked up that were already defined.
    private bool _contextual;
    private readonly Dictionary<string, string> _baseNames = new(StringComparer.Ordinal);
    private List<string>? _referenced;
    private int _reportCount;

    private TypeSpecParser(INamedTypeSymbol root, LocationInfo? rootLocation, Compilation compilation, CancellationToken ct)
    {
        _memo = s_memos.GetValue(compilation, static _ => new CompilationMemo());
        _compilation = compilation;
        _root = root;
        _rootLocation = rootLocation;
        _ct = ct;
    }

    /// <summary>The transform of the <c>ForAttributeWithMetadataName</c> step. Never throws (except on cancellation).</summary>
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol symbol || context.TargetNode is not TypeDeclarationSyntax declaration)
        {
            return ParseResult.Empty;
        }

        LocationInfo? location = LocationInfo.From(declaration.Identifier.GetLocation());
        try
        {
            // [LlmOutput] repeated on several partial declarations (CS0579) must not produce duplicate hint names:
            // only the declaration holding the first attribute generates.
            AttributeData? first = symbol.GetAttributes().FirstOrDefault(a => HasFullName(a.AttributeClass, StructuredLlmGenerator.LlmOutputAttributeName));
            if (first?.ApplicationSyntaxReference is { } reference
                && reference.GetSyntax(ct).FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } owner && (owner.SyntaxTree != declaration.SyntaxTree || owner.Span != declaration.Span))
            {
                return ParseResult.Empty;
            }

            var parser = new TypeSpecParser(symbol, location, context.SemanticModel.Compilation, ct);
            OutputSpec? spec = parser.Run(declaration, context.Attributes.FirstOrDefault());
            return new ParseResult(spec, parser._diagnostics.ToEquatableArray(), spec is null ? EquatableArray<MemberLocation>.Empty : parser._memberLocations.ToEquatableArray(), location);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A generator must never throw: report the bug instead of crashing the user's build with CS8785.
            return new ParseResult(null, new[] { DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, symbol.Name, ex.GetType().Name + ": " + ex.Message) }.ToEquatableArray(), EquatableArray<MemberLocation>.Empty, location);
        }
    }

    private OutputSpec? Run(TypeDeclarationSyntax declaration, AttributeData? attribute)
    {
        string display = _root.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

        // Type-level problems: nothing can be generated.
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Report(DiagnosticDescriptors.TypeNotPartial, _rootLocation, display);
            return null;
        }

        if (declaration.Modifiers.Any(SyntaxKind.FileKeyword))
        {
            Report(DiagnosticDescriptors.FileLocalType, _rootLocation, display);
            return null;
        }

        var containing = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? outer = _root.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
            {
                Report(DiagnosticDescriptors.GenericType, _rootLocation, display);
                return null;
            }

            if (!IsPartial(outer))
            {
                Report(DiagnosticDescriptors.TypeNotPartial, _rootLocation, outer.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
                return null;
            }

            containing.Insert(0, new ContainingTypeSpec(Keyword(outer), outer.Name));
        }

        if (_root.IsGenericType)
        {
            Report(DiagnosticDescriptors.GenericType, _rootLocation, display);
            return null;
        }

        if (_root.IsStatic || _root.IsRefLikeType || _root.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            Report(DiagnosticDescriptors.NotConstructible, _rootLocation, display, _root.IsStatic ? "a static class has no instances" : _root.IsRefLikeType ? "a ref struct cannot be stored or used as a type argument" : "only classes, records and structs can be output types");
            return null;
        }

        if (_root.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            // System.Text.Json reads a collection type as a JSON array (or a dictionary as an object of values), never
            // as an object of its properties, and a schema root must be an object.
            Report(DiagnosticDescriptors.NotConstructible, _rootLocation, display, "it is a collection (it implements IEnumerable), which JSON reads as an array, and an [LlmOutput] type must be an object; wrap it in a record (record Tags(List<string> Items))");
            return null;
        }

        if (ReservedNameClash(display))
        {
            return null;
        }

        // Attribute arguments.
        string schemaName = _root.Name;
        NamingPolicy policy = NamingPolicy.CamelCase;
        (bool strict, EquatableArray<string>? allowedRepairs) = ReaderOptions(attribute);
        if (attribute is not null)
        {
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == "Name" && named.Value.Value is string name)
                {
                    schemaName = name;
                }
                else if (named.Key == "NamingPolicy" && named.Value.Value is int p)
                {
                    policy = (NamingPolicy)p;
                }
            }
        }

        if (!OpenAISchemaName.IsMatch(schemaName))
        {
            LocationInfo? attributeLocation = LocationInfo.From(attribute?.ApplicationSyntaxReference?.GetSyntax(_ct).GetLocation()) ?? _rootLocation;
            Report(DiagnosticDescriptors.InvalidSchemaName, attributeLocation, schemaName);
        }

        string rootId = GetDefinition(_root, policy, _rootLocation)!;
        var definitions = new List<TypeDefinitionSpec>(_definitionOrder.Count);
        foreach (string id in _definitionOrder)
        {
            if (_definitions[id] is { } definition)
            {
                definitions.Add(definition);
            }
        }

        if (definitions.Count == 0 || definitions[0].Id != rootId)
        {
            return null;
        }

        return new OutputSpec(
            _root.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(IdFormat) : string.Empty,
            _root.Name,
            _root.ToDisplayString(TypeNameFormat),
            Keyword(_root),
            containing.ToEquatableArray(),
            IsAccessibleFromAssembly(_root),
            schemaName,
            rootId,
            definitions.ToEquatableArray(),
            HidesInheritedLlmInfo(_root),
            strict,
            allowedRepairs);
    }

    // ---------------------------------------------------------------- definitions

    private static string DefinitionId(INamedTypeSymbol type)
        => type.IsGenericType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(DefinitionIdFormat) : type.ToDisplayString(IdFormat);

    /// <summary>Returns the definition id of an object, enum or polymorphic type, parsing it once.</summary>
    private string? GetDefinition(INamedTypeSymbol type, NamingPolicy? policyOverride, LocationInfo? usage)
    {
        _ct.ThrowIfCancellationRequested();
        string id = DefinitionId(type);
        if (_definitions.TryGetValue(id, out TypeDefinitionSpec? known))
        {
            if (known is null)
            {
                _contextual = true; // a cycle: the subtree's text and $defs depend on where the cycle is entered
            }
            else
            {
                _referenced?.Add(id);
            }

            return id;
        }

        _definitions.Add(id, null);
        _definitionOrder.Add(id);
        string definitionName = UniqueDefinitionName(type.Name);
        _baseNames[id] = type.Name;
        string typeName = type.ToDisplayString(TypeNameFormat);

        if (type.TypeKind == TypeKind.Enum)
        {
            _definitions[id] = ParseEnum(type, id, typeName, definitionName, GetDescription(type) ?? TypeSummary(type));
            return id;
        }

        NamingPolicy policy = policyOverride ?? OwnNamingPolicy(type);
        List<(INamedTypeSymbol Type, string? Discriminator)> derived = DerivedTypes(type);
        if (derived.Count > 0)
        {
            _contextual = true; // derived types take the base's naming policy and discriminator
            string discriminatorName = "$type";
            bool unknownIsFallback = false;
            foreach (AttributeData a in type.GetAttributes())
            {
                if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonPolymorphicAttribute"))
                {
                    foreach (KeyValuePair<string, TypedConstant> named in a.NamedArguments)
                    {
                        if (named.Key == "TypeDiscriminatorPropertyName" && named.Value.Value is string s && s.Length > 0)
                        {
                            discriminatorName = s;
                        }
                        else if (named.Key == "IgnoreUnrecognizedTypeDiscriminators" && named.Value.Value is true)
                        {
                            unknownIsFallback = true;
                        }
                    }
                }
            }

            var branches = new List<DerivedTypeSpec>();
            var seenDiscriminators = new Dictionary<string, string>(StringComparer.Ordinal); // discriminator → the derived type it names
            var seenTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach ((INamedTypeSymbol derivedType, string? discriminator) in derived)
            {
                if (!seenTypes.Add(derivedType))
                {
                    // System.Text.Json refuses the type at run time: one derived type, two discriminators to write it with.
                    Report(DiagnosticDescriptors.NotConstructible, usage, type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                        $"'{derivedType.Name}' is listed by more than one [JsonDerivedType]; list each derived type once");
                    continue;
                }

                // The base itself may be listed (`[JsonDerivedType(typeof(Base), "base")]`): its own branch.
                if (derivedType.IsAbstract || derivedType.IsUnboundGenericType
                    || !(DerivesFrom(derivedType, type) || SymbolEqualityComparer.Default.Equals(derivedType, type)))
                {
                    Report(DiagnosticDescriptors.NotConstructible, usage, derivedType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                        $"a [JsonDerivedType] must be a concrete type derived from '{type.Name}'");
                    continue;
                }

                if (discriminator is not null && seenDiscriminators.TryGetValue(discriminator, out string? first))
                {
                    // Name the derived type that has the discriminator already, not the base.
                    Report(DiagnosticDescriptors.DuplicateJsonName, usage, derivedType.Name, discriminator, first);
                    continue;
                }

                if (discriminator is not null)
                {
                    seenDiscriminators.Add(discriminator, derivedType.Name);
                }

                // A derived type that is itself polymorphic ([JsonDerivedType] on it too) is, as this base's branch, the
                // plain object this discriminator names; used as a member's type elsewhere it is its own anyOf. The two
                // are different definitions.
                string derivedId = DefinitionId(derivedType);
                if (DerivedTypes(derivedType).Count > 0)
                {
                    derivedId += " (branch of " + id + ")";
                }

                if (!_definitions.ContainsKey(derivedId))
                {
                    _definitions.Add(derivedId, null);
                    _definitionOrder.Add(derivedId);
                    _definitions[derivedId] = ParseObject(derivedType, derivedId, derivedType.ToDisplayString(TypeNameFormat), UniqueDefinitionName(derivedType.Name),
                        GetDescription(derivedType) ?? TypeSummary(derivedType), OwnNamingPolicy(derivedType, policy), usage, discriminatorName);
                }

                branches.Add(new DerivedTypeSpec(derivedId, discriminator));
            }

            // A concrete base is a value of its own, written without a discriminator (as System.Text.Json writes and
            // reads it): a branch of its own members, the one an object without a discriminator is.
            if (!type.IsAbstract && type.TypeKind != TypeKind.Interface && !HasBranchWithoutDiscriminator(branches)
                && !derived.Exists(d => SymbolEqualityComparer.Default.Equals(d.Type, type)))
            {
                string baseId = id + " (branch of " + id + ")";
                if (!_definitions.ContainsKey(baseId))
                {
                    _definitions.Add(baseId, null);
                    _definitionOrder.Add(baseId);
                    _definitions[baseId] = ParseObject(type, baseId, typeName, UniqueDefinitionName(type.Name),
                        GetDescription(type) ?? TypeSummary(type), policy, usage, discriminatorName);
                }

                branches.Add(new DerivedTypeSpec(baseId, null));
            }

            SortedSet<string>? gated = null;
            AddTypeGatedDiagnostics(type, ref gated);
            _definitions[id] = new TypeDefinitionSpec(id, DefinitionKind.Polymorphic, typeName, definitionName, GetDescription(type) ?? TypeSummary(type), type.IsValueType,
                EquatableArray<MemberSpec>.Empty, EquatableArray<ConstructorParameterSpec>.Empty, EquatableArray<EnumMemberSpec>.Empty,
                discriminatorName, branches.ToEquatableArray(), GatedDiagnostics: Sorted(gated), UnknownDiscriminatorIsFallback: unknownIsFallback);
            return id;
        }

        if (type.IsAbstract)
        {
            Report(DiagnosticDescriptors.NotConstructible, usage, type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), "it is abstract and has no [JsonDerivedType] attributes");
            _definitions.Remove(id);
            _definitionOrder.Remove(id);
            return null;
        }

        ParseObjectOnce(type, id, typeName, definitionName, policy, usage);
        if (!SymbolEqualityComparer.Default.Equals(type, _root) && HasUsableOwnReader(type) && _definitions[id] is { } parsed)
        {
            _definitions[id] = parsed with { HasOwnReader = true };
        }

        return id;
    }

    /// <summary>
    /// An object type's parsed subtree (its definition, every definition it added, the member locations it added, in
    /// order), kept for the other roots of the same compilation that reach the type: each [LlmOutput] root parses the
    /// types nested in it, and the parse reruns for every root on every edit. Only a subtree that did not depend on where
    /// it was reached from is kept: no diagnostic, no cycle, no polymorphic type, every type in source (a metadata type's
    /// members are located at the use). Replaying it gives the same definitions, names and locations as parsing it again.
    /// </summary>
    private sealed class SubtreeMemo
    {
        public SubtreeMemo(NamingPolicy policy, TypeDefinitionSpec[] definitions, string[] baseNames, MemberLocation[] locations, string[] referenced)
        {
            Policy = policy;
            Definitions = definitions;
            BaseNames = baseNames;
            Locations = locations;
            Referenced = referenced;
        }

        public NamingPolicy Policy { get; }

        /// <summary>Discovery order; the first is the type itself (without its per-root <c>HasOwnReader</c>).</summary>
        public TypeDefinitionSpec[] Definitions { get; }

        /// <summary>The simple type name each definition's unique <c>$defs</c> name was made from.</summary>
        public string[] BaseNames { get; }

        public MemberLocation[] Locations { get; }

        /// <summary>Ids the subtree found already defined (not added by it): a replay needs them defined too.</summary>
        public string[] Referenced { get; }
    }

    /// <summary>Parses an object type's members into <c>_definitions[id]</c>, or replays the subtree another root of this compilation parsed.</summary>
    private void ParseObjectOnce(INamedTypeSymbol type, string id, string typeName, string definitionName, NamingPolicy policy, LocationInfo? usage)
    {
        // The key: one symbol per type. A use as `T?` is a different (annotated) symbol object of the same type; a
        // constructed generic type is not memoized (its definition is shared by every construction).
        INamedTypeSymbol? key = type.IsGenericType ? null : type.OriginalDefinition;
        SubtreeMemo? memo = null;
        if (key is not null && TryGetSubtree(key, out memo) && memo!.Policy == policy && TryReplay(memo, id, typeName, definitionName))
        {
            return;
        }

        int orderStart = _definitionOrder.Count - 1;
        int locationStart = _memberLocations.Count;
        int reports = _reportCount;
        bool outerContextual = _contextual;
        List<string>? outerReferenced = _referenced;
        _contextual = false;
        _referenced = new List<string>();
        try
        {
            string? description = GetDescription(type) ?? TypeSummary(type); // only when parsing: a replay has it
            _definitions[id] = ParseObject(type, id, typeName, definitionName, description, policy, usage, discriminatorName: null);
            if (key is not null && !_contextual && _reportCount == reports && _definitionOrder[orderStart] == id)
            {
                int count = _definitionOrder.Count - orderStart;
                var definitions = new TypeDefinitionSpec[count];
                var baseNames = new string[count];
                for (int i = 0; i < count; i++)
                {
                    TypeDefinitionSpec? d = _definitions[_definitionOrder[orderStart + i]];
                    if (d is null)
                    {
                        return;
                    }

                    definitions[i] = d;
                    baseNames[i] = _baseNames[d.Id];
                }

                // Subtrees are small (a handful of definitions): linear searches, no sets.
                var referenced = new List<string>();
                foreach (string r in _referenced)
                {
                    if (IndexOf(definitions, r) < 0 && !referenced.Contains(r))
                    {
                        referenced.Add(r);
                    }
                }

                var locations = new MemberLocation[_memberLocations.Count - locationStart];
                _memberLocations.CopyTo(locationStart, locations, 0, locations.Length);
                memo = new SubtreeMemo(policy, definitions, baseNames, locations, referenced.ToArray());
                lock (_memo)
                {
                    // Another root of this compilation may have recorded the same subtree first (the entries are equal).
                    if (!_memo.Subtrees.ContainsKey(key))
                    {
                        _memo.Subtrees.Add(key, memo);
                    }
                }
            }
        }
        finally
        {
            _contextual |= outerContextual;
            if (outerReferenced is not null)
            {
                outerReferenced.AddRange(_referenced!);
            }

            _referenced = outerReferenced;
        }
    }

    // typeName: as this use spells the type (a first use as `T?` keeps the '?', as a fresh parse would).
    private bool TryReplay(SubtreeMemo memo, string id, string typeName, string definitionName)
    {
        // fresh[i]: definition i is added here (the type itself, and every one this root has not defined yet).
        TypeDefinitionSpec[] definitions = memo.Definitions;
        var fresh = new bool[definitions.Length];
        for (int i = 0; i < definitions.Length; i++)
        {
            if (i == 0 || !_definitions.TryGetValue(definitions[i].Id, out TypeDefinitionSpec? existing))
            {
                fresh[i] = true;
            }
            else if (existing is null)
            {
                return false; // reached while being parsed here: a cycle through this root
            }
        }

        bool IsFresh(string definitionId) => IndexOf(definitions, definitionId) is var at && at >= 0 && fresh[at];
        foreach (string r in memo.Referenced)
        {
            if (!IsFresh(r) && (!_definitions.TryGetValue(r, out TypeDefinitionSpec? d) || d is null))
            {
                return false; // a type the first parse found defined is missing (or unfinished) here: parse again
            }
        }

        for (int i = 0; i < memo.Definitions.Length; i++)
        {
            TypeDefinitionSpec d = memo.Definitions[i];
            if (i == 0)
            {
                _definitions[id] = d.DefinitionName == definitionName && d.TypeName == typeName ? d : d with { DefinitionName = definitionName, TypeName = typeName };
                continue;
            }

            if (!fresh[i])
            {
                _referenced?.Add(d.Id);
                continue;
            }

            _definitions.Add(d.Id, null);
            _definitionOrder.Add(d.Id);
            string name = UniqueDefinitionName(memo.BaseNames[i]);
            _baseNames[d.Id] = memo.BaseNames[i];
            _definitions[d.Id] = d.DefinitionName == name ? d : d with { DefinitionName = name };
        }

        foreach (string r in memo.Referenced)
        {
            _referenced?.Add(r);
        }

        foreach (MemberLocation location in memo.Locations)
        {
            if (IsFresh(location.DefinitionId))
            {
                _memberLocations.Add(location);
            }
        }

        return true;
    }

    private static int IndexOf(TypeDefinitionSpec[] definitions, string id)
    {
        for (int i = 0; i < definitions.Length; i++)
        {
            if (definitions[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is another <c>[LlmOutput]</c> type of this compilation whose own generated
    /// <c>LlmInfo.Reader</c> the root's reader can call instead of re-emitting its read methods: it passes every
    /// type-level check that would stop its own generation (the same checks as <see cref="Run"/>), and it can be named
    /// from the root's generated code (internal or public all the way out, not file-local). When unsure, false: the
    /// reader is then emitted inline as before.
    /// </summary>
    private bool HasUsableOwnReader(INamedTypeSymbol type)
    {
        // The answer depends on the type only (and on the root's assembly, which every root of a compilation shares):
        // asked by every root that reaches the type, computed once per compilation.
        if (type.IsGenericType)
        {
            return false;
        }

        INamedTypeSymbol key = type.OriginalDefinition;
        lock (_memo)
        {
            if (_memo.OwnReader.TryGetValue(key, out bool known))
            {
                return known;
            }
        }

        bool usable = ComputeHasUsableOwnReader(key);
        lock (_memo)
        {
            _memo.OwnReader[key] = usable; // another root may have computed it first: the same answer
        }

        return usable;
    }

    private bool TryGetSubtree(INamedTypeSymbol key, out SubtreeMemo? memo)
    {
        lock (_memo)
        {
            return _memo.Subtrees.TryGetValue(key, out memo);
        }
    }

    private bool ComputeHasUsableOwnReader(INamedTypeSymbol type)
    {
        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _root.ContainingAssembly)
            || !type.GetAttributes().Any(a => HasFullName(a.AttributeClass, StructuredLlmGenerator.LlmOutputAttributeName))
            || type.IsGenericType || type.IsStatic || type.IsRefLikeType || type.IsAbstract
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || !IsAccessibleFromAssembly(type) || !IsPartial(type))
        {
            return false;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_ct) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                return false;
            }
        }

        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType || !IsPartial(outer))
            {
                return false;
            }
        }

        return !ReservedNameClash(type, report: false);
    }

    private static bool HasBranchWithoutDiscriminator(List<DerivedTypeSpec> branches)
    {
        foreach (DerivedTypeSpec branch in branches)
        {
            if (branch.Discriminator is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the member's key must be present (<c>[JsonRequired]</c>, the C# <c>required</c> modifier, as in
    /// System.Text.Json, or <c>[Required]</c>), and whether its value must also be non-null (<c>[Required]</c>, which
    /// refuses null and, unless <c>AllowEmptyStrings</c>, an empty string).
    /// </summary>
    private static (bool Required, bool NotNull, bool AllowEmptyStrings) Presence(AttributeSource attributes, IPropertySymbol property)
    {
        bool required = property.IsRequired, notNull = false, allowEmpty = false;
        foreach (AttributeData a in attributes.Annotations())
        {
            if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonRequiredAttribute"))
            {
                required = true;
            }
            else if (HasFullName(a.AttributeClass, "System.ComponentModel.DataAnnotations.RequiredAttribute"))
            {
                required = notNull = true;
                foreach (KeyValuePair<string, TypedConstant> named in a.NamedArguments)
                {
                    allowEmpty |= named.Key == "AllowEmptyStrings" && named.Value.Value is true;
                }
            }
        }

        return (required, notNull, allowEmpty);
    }

    /// <summary>
    /// SLLM0015 for serialization settings the generated schema and reader cannot follow: a custom
    /// <c>[JsonConverter]</c> on the member or its type (string-enum converters match what they do already), and a
    /// <c>[Flags]</c> enum member, whose combinations (<c>"Read, Write"</c>) one enum value cannot express.
    /// </summary>
    private void ReportUnhonouredSerialization(AttributeSource attributes, ITypeSymbol memberType, string memberDisplay, LocationInfo? location)
    {
        void ReportConverter(string converter, string where) => Report(DiagnosticDescriptors.UnhonouredSerialization, location, memberDisplay,
            "[JsonConverter(typeof(" + converter + "))]" + where,
            "they read and describe the declared type's own JSON shape; remove the attribute or declare the member with the type of the JSON the converter reads");

        foreach (AttributeData a in attributes.All())
        {
            if (CustomConverter(a) is { } converter)
            {
                ReportConverter(converter, string.Empty);
            }
        }

        ITypeSymbol type = memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper ? wrapper.TypeArguments[0] : memberType;
        if (type is not INamedTypeSymbol named || named.TypeKind == TypeKind.Error)
        {
            return;
        }

        foreach (AttributeData a in named.GetAttributes())
        {
            if (CustomConverter(a) is { } converter)
            {
                ReportConverter(converter, " on '" + named.Name + "'");
            }
            else if (named.TypeKind == TypeKind.Enum && HasFullName(a.AttributeClass, "System.FlagsAttribute"))
            {
                Report(DiagnosticDescriptors.UnhonouredSerialization, location, memberDisplay, "[Flags] on '" + named.Name + "'",
                    "the schema lists one value per member and the reader refuses a combination such as \"A, B\"; declare a list of '" + named.Name + "' to let the model choose several");
            }
        }
    }

    /// <summary>Whether the member's JSON holds numbers: a number, or a collection of them (at any depth).</summary>
    private static bool HoldsNumbers(ValueSpec value)
    {
        for (ValueSpec? v = value; v is not null; v = v.Element)
        {
            if (v.Kind is ValueKind.Integer or ValueKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// SLLM0015 for <c>[JsonNumberHandling]</c> on the member, or else on its declaring type, that lets System.Text.Json
    /// write numbers as strings (<c>WriteAsString</c>) or hold NaN and infinities (<c>AllowNamedFloatingPointLiterals</c>):
    /// the schema asks for JSON numbers and the reader reads finite numbers. <c>AllowReadingFromString</c> alone is
    /// followed: the reader takes a number in a string as a recorded coercion.
    /// </summary>
    private void ReportNumberHandling(AttributeSource attributes, INamedTypeSymbol declaringType, string memberDisplay, LocationInfo? location)
    {
        const int WriteAsString = 2, AllowNamedFloatingPointLiterals = 4;
        int? handling = NumberHandling(attributes.All());
        string where = string.Empty;
        if (handling is null)
        {
            handling = NumberHandling(declaringType.GetAttributes());
            where = " on '" + declaringType.Name + "'";
        }

        if (handling is not { } h || (h & (WriteAsString | AllowNamedFloatingPointLiterals)) == 0)
        {
            return;
        }

        string setting = (h & WriteAsString) != 0 && (h & AllowNamedFloatingPointLiterals) != 0 ? "WriteAsString, AllowNamedFloatingPointLiterals"
            : (h & WriteAsString) != 0 ? "WriteAsString" : "AllowNamedFloatingPointLiterals";
        Report(DiagnosticDescriptors.UnhonouredSerialization, location, memberDisplay, "[JsonNumberHandling(" + setting + ")]" + where,
            "the schema asks for JSON numbers, not numbers in strings, and the reader reads finite numbers only (not \"NaN\" or \"Infinity\"); remove the setting, or declare the member as a string if the model should write one");

        static int? NumberHandling(System.Collections.Immutable.ImmutableArray<AttributeData> all)
        {
            foreach (AttributeData a in all)
            {
                if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonNumberHandlingAttribute")
                    && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int value)
                {
                    return value;
                }
            }

            return null;
        }
    }

    /// <summary>The converter type's name when <paramref name="a"/> is a <c>[JsonConverter]</c> the generator does not follow, else null.</summary>
    private static string? CustomConverter(AttributeData a)
    {
        if (!HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonConverterAttribute")
            || a.ConstructorArguments.Length != 1 || a.ConstructorArguments[0].Value is not INamedTypeSymbol converter)
        {
            return null;
        }

        return HasFullName(converter, "System.Text.Json.Serialization.JsonStringEnumConverter") // generic or not
            ? null // strings by member name: what the schema and reader do already
            : converter.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
    }

    /// <summary>
    /// Adds the diagnostic IDs that naming <paramref name="symbol"/> raises: <c>[Experimental("ID")]</c> and
    /// <c>[Obsolete(DiagnosticId = "ID")]</c> (a plain [Obsolete] is CS0612/CS0618, which generated code always suppresses).
    /// </summary>
    private static void AddGatedDiagnostics(ISymbol symbol, ref SortedSet<string>? ids)
    {
        foreach (AttributeData a in symbol.GetAttributes())
        {
            string? id = null;
            if (HasFullName(a.AttributeClass, "System.Diagnostics.CodeAnalysis.ExperimentalAttribute"))
            {
                id = a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null;
            }
            else if (HasFullName(a.AttributeClass, "System.ObsoleteAttribute"))
            {
                foreach (KeyValuePair<string, TypedConstant> named in a.NamedArguments)
                {
                    if (named.Key == "DiagnosticId")
                    {
                        id = named.Value.Value as string;
                    }
                }
            }

            if (IsPragmaToken(id))
            {
                (ids ??= new SortedSet<string>(StringComparer.Ordinal)).Add(id!);
            }
        }
    }

    /// <summary>A type's own IDs, its containing types' and its assembly's and module's (which make every type in them experimental).</summary>
    private static void AddTypeGatedDiagnostics(INamedTypeSymbol type, ref SortedSet<string>? ids)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            AddGatedDiagnostics(t, ref ids);
        }

        if (type.ContainingAssembly is { } assembly)
        {
            AddGatedDiagnostics(assembly, ref ids);
        }

        if (type.ContainingModule is { } module)
        {
            AddGatedDiagnostics(module, ref ids);
        }
    }

    /// <summary>An ID that <c>#pragma warning disable</c> accepts: letters, digits and '_' (others could not be suppressed there).</summary>
    private static bool IsPragmaToken(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        foreach (char c in id!)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static EquatableArray<string> Sorted(SortedSet<string>? ids) => ids is null ? EquatableArray<string>.Empty : ids.ToEquatableArray();

    private static bool IsObsoleteError(ISymbol symbol)
    {
        foreach (AttributeData a in symbol.GetAttributes())
        {
            if (HasFullName(a.AttributeClass, "System.ObsoleteAttribute") && a.ConstructorArguments.Length == 2
                && a.ConstructorArguments[1].Value is true)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasEnumValue(INamedTypeSymbol type)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, IsStatic: true })
            {
                return true;
            }
        }

        return false;
    }

    private TypeDefinitionSpec ParseEnum(INamedTypeSymbol type, string id, string typeName, string definitionName, string? description)
    {
        var members = new List<EnumMemberSpec>();
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        SortedSet<string>? gated = null;
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is not IFieldSymbol { HasConstantValue: true, IsStatic: true } field)
            {
                continue;
            }

            string jsonName = field.Name;
            foreach (AttributeData a in field.GetAttributes())
            {
                if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute")
                    && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string s)
                {
                    jsonName = s;
                }
            }

            EquatableArray<string> aliases = Aliases(field);
            LocationInfo? location = LocationInfo.From(field.Locations.FirstOrDefault());
            for (int n = -1; n < aliases.Count; n++)
            {
                string name = n < 0 ? jsonName : aliases[n];
                string key = NamingPolicies.MatchKey(name);
                if (used.TryGetValue(key, out string? other))
                {
                    // An alias that spells the member's own name again is redundant, not a collision.
                    if (other != field.Name)
                    {
                        Report(DiagnosticDescriptors.DuplicateJsonName, location ?? _rootLocation, type.Name + "." + field.Name, name, type.Name + "." + other);
                    }
                }
                else
                {
                    used.Add(key, field.Name);
                }
            }

            AddGatedDiagnostics(field, ref gated);
            members.Add(new EnumMemberSpec(field.Name, jsonName, aliases, GetDescription(field) ?? Docs(field, _ct).Summary));
        }

        AddTypeGatedDiagnostics(type, ref gated);
        return new TypeDefinitionSpec(id, DefinitionKind.Enum, typeName, definitionName, description, true,
            EquatableArray<MemberSpec>.Empty, EquatableArray<ConstructorParameterSpec>.Empty, members.ToEquatableArray(), null, EquatableArray<DerivedTypeSpec>.Empty,
            GatedDiagnostics: Sorted(gated));
    }

    private TypeDefinitionSpec ParseObject(INamedTypeSymbol type, string id, string typeName, string definitionName, string? description, NamingPolicy policy, LocationInfo? usage, string? discriminatorName)
    {
        string typeDisplay = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        DocComments typeDocs = Docs(type, _ct);
        LocationInfo? typeLocation = type.Locations.FirstOrDefault() is { IsInSource: true } tl ? LocationInfo.From(tl) : usage;
        _contextual |= type.Locations.FirstOrDefault() is not { IsInSource: true }; // then members are located at the use

        // 1. Properties: base-most type first, then declaration order; an override keeps the base's position.
        var chain = new List<System.Collections.Immutable.ImmutableArray<ISymbol>>(2); // members of each type, base-most first
        int memberCount = 0;
        for (INamedTypeSymbol? t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
        {
            System.Collections.Immutable.ImmutableArray<ISymbol> typeMembers = t.GetMembers(); // the public model builds a new array per call: ask once
            chain.Insert(0, typeMembers);
            memberCount += typeMembers.Length;
        }

        var properties = new List<IPropertySymbol>(memberCount);

        foreach (System.Collections.Immutable.ImmutableArray<ISymbol> typeMembers in chain)
        {
            foreach (ISymbol member in typeMembers)
            {
                if ((member is IFieldSymbol || member is IPropertySymbol { DeclaredAccessibility: not Accessibility.Public } || member is IPropertySymbol { GetMethod.DeclaredAccessibility: not Accessibility.Public })
                    && !member.IsStatic && !member.IsImplicitlyDeclared
                    && member.GetAttributes().Any(a => HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonIncludeAttribute")))
                {
                    // System.Text.Json serializes these; the schema and reader describe public properties only, so the
                    // model would never be asked for the value and the reader would leave it unset: say so.
                    Report(DiagnosticDescriptors.UnhonouredSerialization, LocationInfo.From(member.Locations.FirstOrDefault()) ?? typeLocation, typeDisplay + "." + member.Name,
                        member is IFieldSymbol ? "[JsonInclude] on a field" : "[JsonInclude] on a non-public property",
                        "the schema and reader take public properties only; make it a public property");
                }

                if (member is not IPropertySymbol property || property.IsStatic || property.IsIndexer
                    || property.DeclaredAccessibility != Accessibility.Public || property.GetMethod is null
                    || property.GetMethod.DeclaredAccessibility != Accessibility.Public || property.Name == "EqualityContract"
                    || IsJsonIgnored(property))
                {
                    continue;
                }

                int existing = IndexOfName(properties, property.Name);
                if (existing >= 0)
                {
                    properties[existing] = property;
                }
                else
                {
                    properties.Add(property);
                }
            }
        }

        // [JsonPropertyOrder] (default 0) reorders like System.Text.Json: a stable sort on the order value.
        int[] orders = new int[properties.Count];
        bool ordered = false;
        for (int i = 0; i < orders.Length; i++)
        {
            orders[i] = PropertyOrder(properties[i]);
            ordered |= orders[i] != 0;
        }

        if (ordered)
        {
            properties = properties.Select((p, i) => (Property: p, Index: i, Order: orders[i]))
                .OrderBy(x => x.Order).ThenBy(x => x.Index).Select(x => x.Property).ToList();
        }

        // 2. The constructor the reader calls.
        IMethodSymbol? constructor = ChooseConstructor(type, out string? constructorProblem);
        if (constructor is null)
        {
            Report(DiagnosticDescriptors.NotConstructible, typeLocation, typeDisplay, constructorProblem ?? "it has no public constructor");
        }

        // A C# 'required' member the reader does not set (ignored, not public, a field) makes `new T { ... }` fail to
        // compile (CS9035), unless the constructor is [SetsRequiredMembers].
        bool unsettableRequired = false;
        bool constructorSetsRequired = constructor is not null && constructor.GetAttributes().Any(a => HasFullName(a.AttributeClass, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"));
        if (constructor is not null && !constructorSetsRequired)
        {
            foreach (System.Collections.Immutable.ImmutableArray<ISymbol> typeMembers in chain)
            {
                foreach (ISymbol member in typeMembers)
                {
                    bool required = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
                    if (required && !member.IsStatic && IndexOfName(properties, member.Name) < 0)
                    {
                        unsettableRequired = true;
                        Report(DiagnosticDescriptors.NotConstructible, LocationInfo.From(member.Locations.FirstOrDefault()) ?? typeLocation, typeDisplay,
                            $"required member '{member.Name}' is not a serialized property, so the reader cannot set it (remove 'required' or [JsonIgnore])");
                    }
                }
            }
        }

        var parameters = new List<ConstructorParameterSpec>(constructor?.Parameters.Length ?? 0);
        // The constructor parameter bound to each property (same index as properties).
        var parameterOf = new IParameterSymbol?[properties.Count];
        bool[]? mistyped = null; // bound by name to a parameter of another type: reported once, on the parameter
        if (constructor is not null)
        {
            foreach (IParameterSymbol parameter in constructor.Parameters)
            {
                int boundIndex = IndexOfName(properties, parameter.Name);
                if (boundIndex < 0)
                {
                    boundIndex = IndexOfName(properties, parameter.Name, StringComparison.OrdinalIgnoreCase);
                }

                IPropertySymbol? bound = boundIndex < 0 ? null : properties[boundIndex];
                if (bound is not null && !SymbolEqualityComparer.Default.Equals(parameter.Type, bound.Type))
                {
                    // System.Text.Json binds a parameter only to a property of the same type (nullable annotations
                    // aside), and the reader passes the property's value: `int?` into `int`, `long` into `int` or
                    // `IReadOnlyList<T>` into `List<T>` would not compile, or would need a conversion the JSON never asked for.
                    Report(DiagnosticDescriptors.NotConstructible, LocationInfo.From(parameter.Locations.FirstOrDefault()) ?? typeLocation, typeDisplay,
                        $"constructor parameter '{parameter.Name}' is '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' but property '{bound.Name}' is '{bound.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'; a parameter binds only to a property of the same type");
                    parameters.Add(new ConstructorParameterSpec(parameter.Name, null, parameter.Type.ToDisplayString(TypeNameFormat), parameter.HasExplicitDefaultValue));
                    (mistyped ??= new bool[properties.Count])[boundIndex] = true;
                    continue;
                }

                if (bound is not null && parameterOf[boundIndex] is null)
                {
                    parameterOf[boundIndex] = parameter;
                }
                else if (!parameter.HasExplicitDefaultValue)
                {
                    string? unread = bound is null ? UnreadPropertyNamed(chain, parameter.Name) : null;
                    Report(DiagnosticDescriptors.NotConstructible, LocationInfo.From(parameter.Locations.FirstOrDefault()) ?? typeLocation, typeDisplay,
                        unread is not null
                            ? $"constructor parameter '{parameter.Name}' sets '{unread}', which is not read from JSON ([JsonIgnore], [JsonExtensionData] or not public), so the reader has no value for it; give the parameter a default value"
                            : $"constructor parameter '{parameter.Name}' matches no public property, so the reader has no JSON value for it; give the parameter a default value or add the property");
                }

                parameters.Add(new ConstructorParameterSpec(parameter.Name, bound?.Name, parameter.Type.ToDisplayString(TypeNameFormat), parameter.HasExplicitDefaultValue));
            }
        }

        // 3. Members.
        var members = new List<MemberSpec>(properties.Count);
        SortedSet<string>? gated = null;
        var usedNames = new Dictionary<string, string>(properties.Count + 1, StringComparer.Ordinal);
        if (discriminatorName is not null)
        {
            usedNames.Add(NamingPolicies.MatchKey(discriminatorName), discriminatorName);
        }

        int getOnlyLeftOut = 0;
        for (int index = 0; index < properties.Count; index++)
        {
            _ct.ThrowIfCancellationRequested();
            IPropertySymbol property = properties[index];
            IParameterSymbol? parameter = parameterOf[index];
            LocationInfo? location = MemberLocation(property, parameter) ?? typeLocation;
            string memberDisplay = typeDisplay + "." + property.Name;
            _memberLocations.Add(new MemberLocation(id, property.Name, location));

            AssignmentKind assignment;
            if (parameter is null && mistyped is not null && mistyped[index])
            {
                continue;
            }

            if (parameter is null && IsObsoleteError(property))
            {
                // [Obsolete(..., error: true)]: no code may set it (CS0619), so it is not model output: leave it out.
                continue;
            }

            if (parameter is not null)
            {
                assignment = AssignmentKind.ConstructorParameter;
            }
            else if (property.SetMethod is { DeclaredAccessibility: Accessibility.Public } setter)
            {
                assignment = setter.IsInitOnly ? AssignmentKind.Init : AssignmentKind.Set;
            }
            else if (property.SetMethod is { DeclaredAccessibility: Accessibility.Internal or Accessibility.ProtectedOrInternal } includedSetter
                && _compilation.IsSymbolAccessibleWithin(includedSetter, _compilation.Assembly)
                && property.GetAttributes().Any(a => HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonIncludeAttribute")))
            {
                // [JsonInclude] makes System.Text.Json use a non-public setter; the generated reader (in this assembly)
                // can call an internal one too. A private or protected one stays out of its reach (SLLM0004 below).
                assignment = includedSetter.IsInitOnly ? AssignmentKind.Init : AssignmentKind.Set;
            }
            else if (IsSourceAutoProperty(property) || property.SetMethod is not null)
            {
                // Stored data the reader cannot set (a setter it cannot call: private, internal to another assembly).
                Report(DiagnosticDescriptors.NotConstructible, location, typeDisplay,
                    $"property '{property.Name}' has no public setter or init accessor and no constructor parameter, so the reader cannot set it (add 'init;' or [JsonIgnore])");
                continue;
            }
            else
            {
                // A computed (or metadata-only) get-only property is derived data, not model output: leave it out.
                getOnlyLeftOut++;
                continue;
            }

            ValueSpec? value = ParseValue(property.Type, memberDisplay, location);
            if (value is null)
            {
                continue;
            }

            AttributeSource attributes = new(property, parameter);
            string jsonName = attributes.JsonPropertyName() ?? NamingPolicies.Apply(policy, property.Name);
            EquatableArray<string> aliases = MergeAliases(Aliases(property), parameter is null ? EquatableArray<string>.Empty : Aliases(parameter));
            for (int n = -1; n < aliases.Count; n++)
            {
                string name = n < 0 ? jsonName : aliases[n];
                string key = NamingPolicies.MatchKey(name);
                if (usedNames.TryGetValue(key, out string? other))
                {
                    // An alias that spells the member's own name again is redundant, not a collision.
                    if (other != property.Name)
                    {
                        Report(DiagnosticDescriptors.DuplicateJsonName, location, memberDisplay, name, other);
                    }
                }
                else
                {
                    usedNames.Add(key, property.Name);
                }
            }

            string? memberDescription = attributes.Description()
                ?? MemberSummary(property)
                ?? (parameter is not null && typeDocs.Parameters.TryGetValue(parameter.Name, out string? p) ? p : null);
            (bool required, bool notNull, bool allowEmptyStrings) = Presence(attributes, property);
            if (notNull && value.IsNullable)
            {
                value = value with { IsNullable = false }; // [Required]: null fails validation, so the member needs a value
            }

            ConstraintSpec constraints = ParseConstraints(attributes, value, memberDisplay, location);
            if (value.IsNullable && !constraints.AllowedValues.IsEmpty && !constraints.AllowedValues.Contains("null"))
            {
                // DataAnnotations' [AllowedValues] refuses null unless it lists null: the member needs one of the values.
                value = value with { IsNullable = false };
            }
            if (notNull && !allowEmptyStrings && value.Primitive == PrimitiveKind.String && (constraints.MinLength ?? 0) < 1)
            {
                constraints = constraints with { MinLength = 1 }; // [Required] refuses "" unless AllowEmptyStrings
            }

            ReportUnhonouredSerialization(attributes, property.Type, memberDisplay, location);
            if (HoldsNumbers(value))
            {
                ReportNumberHandling(attributes, property.ContainingType, memberDisplay, location);
            }
            AddGatedDiagnostics(property, ref gated);
            members.Add(new MemberSpec(
                property.Name,
                jsonName,
                aliases,
                value,
                IsRequired: !value.IsNullable || required,
                memberDescription,
                constraints,
                assignment,
                parameter is null ? -1 : parameter.Ordinal,
                property.IsRequired && !constructorSetsRequired,
                parameter?.HasExplicitDefaultValue ?? false));
        }

        if (members.Count == 0 && getOnlyLeftOut > 0 && !type.Locations.Any(l => l.IsInSource))
        {
            // A referenced type whose every property is get-only here (setters internal to its assembly are not visible
            // from this one): the reader could set nothing, and the schema would be an empty object.
            Report(DiagnosticDescriptors.NotConstructible, usage, typeDisplay,
                "none of its properties can be set from here (get-only, or setters internal to its assembly) and no constructor parameter takes them");
        }

        AddTypeGatedDiagnostics(type, ref gated);
        if (constructor is not null)
        {
            AddGatedDiagnostics(constructor, ref gated);
        }

        return new TypeDefinitionSpec(id, DefinitionKind.Object, typeName, definitionName, description, type.IsValueType,
            members.ToEquatableArray(), parameters.ToEquatableArray(), EquatableArray<EnumMemberSpec>.Empty, null, EquatableArray<DerivedTypeSpec>.Empty,
            IsConstructible: constructor is not null && !unsettableRequired, GatedDiagnostics: Sorted(gated),
            DisallowUnknownMembers: DisallowsUnmappedMembers(type));
    }

    /// <summary><c>[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]</c> on the type (System.Text.Json reads it from the type only).</summary>
    private static bool DisallowsUnmappedMembers(INamedTypeSymbol type)
    {
        foreach (AttributeData a in type.GetAttributes())
        {
            if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute")
                && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int handling)
            {
                return handling == 1; // Disallow
            }
        }

        return false;
    }

    /// <summary>The reader's per-type options: <c>Strict</c> and <c>AllowedRepairs</c> (as <c>LlmRepairKind</c> member names).</summary>
    private static (bool Strict, EquatableArray<string>? AllowedRepairs) ReaderOptions(AttributeData? attribute)
    {
        bool strict = false;
        EquatableArray<string>? allowed = null;
        foreach (KeyValuePair<string, TypedConstant> named in attribute?.NamedArguments ?? System.Collections.Immutable.ImmutableArray<KeyValuePair<string, TypedConstant>>.Empty)
        {
            if (named.Key == "Strict" && named.Value.Value is bool b)
            {
                strict = b;
            }
            else if (named.Key == "AllowedRepairs" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
            {
                var names = new List<string>();
                foreach (TypedConstant item in named.Value.Values)
                {
                    string? name = item.Type?.GetMembers().OfType<IFieldSymbol>()
                        .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, item.Value))?.Name;
                    if (name is not null && !names.Contains(name))
                    {
                        names.Add(name);
                    }
                }

                allowed = names.ToEquatableArray();
            }
        }

        return (strict, allowed);
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, out string? problem)
    {
        problem = null;
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(type, c))
            .ToList();
        IMethodSymbol? marked = candidates.FirstOrDefault(c => c.GetAttributes().Any(a => HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonConstructorAttribute")));
        if (marked is not null)
        {
            return marked;
        }

        var withParameters = candidates.Where(c => c.Parameters.Length > 0).ToList();
        IMethodSymbol? parameterless = candidates.FirstOrDefault(c => c.Parameters.Length == 0);
        if (type.IsValueType && withParameters.Count == 1)
        {
            return withParameters[0];
        }

        if (parameterless is not null)
        {
            return parameterless;
        }

        if (withParameters.Count == 1)
        {
            return withParameters[0];
        }

        problem = withParameters.Count == 0
            ? "it has no public constructor"
            : "it has several public constructors and none is marked [JsonConstructor]";
        return null;
    }

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor)
        => type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    // ---------------------------------------------------------------- values

    private ValueSpec? ParseValue(ITypeSymbol type, string memberDisplay, LocationInfo? location)
    {
        bool nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            nullable = true;
        }

        if (type.TypeKind == TypeKind.Error)
        {
            return null; // the compiler already reports the missing type
        }

        string typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat) + (nullable ? "?" : string.Empty);
        ValueSpec Scalar(ValueKind kind, PrimitiveKind primitive)
            => new(kind, typeName, nullable, type.IsValueType, primitive, CollectionKind.None, null, null);

        string? unsupported = null;
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return Scalar(ValueKind.String, PrimitiveKind.String);
            case SpecialType.System_Char: return Scalar(ValueKind.String, PrimitiveKind.Char);
            case SpecialType.System_Boolean: return Scalar(ValueKind.Boolean, PrimitiveKind.Boolean);
            case SpecialType.System_SByte: return Scalar(ValueKind.Integer, PrimitiveKind.SByte);
            case SpecialType.System_Byte: return Scalar(ValueKind.Integer, PrimitiveKind.Byte);
            case SpecialType.System_Int16: return Scalar(ValueKind.Integer, PrimitiveKind.Int16);
            case SpecialType.System_UInt16: return Scalar(ValueKind.Integer, PrimitiveKind.UInt16);
            case SpecialType.System_Int32: return Scalar(ValueKind.Integer, PrimitiveKind.Int32);
            case SpecialType.System_UInt32: return Scalar(ValueKind.Integer, PrimitiveKind.UInt32);
            case SpecialType.System_Int64: return Scalar(ValueKind.Integer, PrimitiveKind.Int64);
            case SpecialType.System_UInt64: return Scalar(ValueKind.Integer, PrimitiveKind.UInt64);
            case SpecialType.System_Single: return Scalar(ValueKind.Number, PrimitiveKind.Single);
            case SpecialType.System_Double: return Scalar(ValueKind.Number, PrimitiveKind.Double);
            case SpecialType.System_Decimal: return Scalar(ValueKind.Number, PrimitiveKind.Decimal);
            case SpecialType.System_DateTime: return Scalar(ValueKind.FormattedString, PrimitiveKind.DateTime);
            case SpecialType.System_Object: unsupported = "'object' can be anything; use a concrete type"; break;
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr: unsupported = "native-sized integers are not data; use int or long"; break;
        }

        if (unsupported is null)
        {
            // Every name matched below is in System.*: other types skip building the name.
            string metadataName = !InSystemNamespace(type) ? string.Empty : type.ContainingNamespace is null ? type.Name : type.ToDisplayString(IdFormat);
            if (metadataName.Length > 0 && type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                metadataName = generic.OriginalDefinition.ContainingNamespace.ToDisplayString() + "." + generic.OriginalDefinition.MetadataName;
            }

            switch (metadataName)
            {
                case "System.DateTimeOffset": return Scalar(ValueKind.FormattedString, PrimitiveKind.DateTimeOffset);
                case "System.DateOnly": return Scalar(ValueKind.FormattedString, PrimitiveKind.DateOnly);
                case "System.TimeOnly": return Scalar(ValueKind.FormattedString, PrimitiveKind.TimeOnly);
                case "System.TimeSpan": return Scalar(ValueKind.FormattedString, PrimitiveKind.TimeSpan);
                case "System.Guid": return Scalar(ValueKind.FormattedString, PrimitiveKind.Guid);
                case "System.Uri": return Scalar(ValueKind.FormattedString, PrimitiveKind.Uri);
                case "System.Int128": return Scalar(ValueKind.Integer, PrimitiveKind.Int128);
                case "System.UInt128": return Scalar(ValueKind.Integer, PrimitiveKind.UInt128);
                case "System.Half": return Scalar(ValueKind.Number, PrimitiveKind.Half);
                case "System.Text.Json.JsonElement":
                case "System.Text.Json.JsonDocument":
                case "System.Text.Json.Nodes.JsonNode":
                case "System.Text.Json.Nodes.JsonObject":
                case "System.Text.Json.Nodes.JsonArray":
                case "System.Text.Json.Nodes.JsonValue":
                    unsupported = $"'{type.Name}' is untyped JSON; use a concrete type";
                    break;
            }

            if (unsupported is null && type is INamedTypeSymbol { IsGenericType: true } named)
            {
                CollectionKind collection = CollectionKindOf(metadataName);
                if (collection != CollectionKind.None)
                {
                    bool isDictionary = collection >= CollectionKind.Dictionary;
                    if (isDictionary && named.TypeArguments[0].SpecialType != SpecialType.System_String)
                    {
                        Report(DiagnosticDescriptors.UnsupportedMemberType, location, memberDisplay, Display(type), "JSON object keys are strings, so only dictionaries with string keys are supported");
                        return null;
                    }

                    ValueSpec? element = ParseValue(named.TypeArguments[isDictionary ? 1 : 0], memberDisplay, location);
                    return element is null ? null : new ValueSpec(isDictionary ? ValueKind.Dictionary : ValueKind.Array, typeName, nullable, type.IsValueType, PrimitiveKind.None, collection, element, null);
                }
            }
        }

        if (unsupported is null)
        {
            switch (type)
            {
                case IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }:
                    return Scalar(ValueKind.FormattedString, PrimitiveKind.Bytes); // base64, as System.Text.Json reads byte[]
                case IArrayTypeSymbol { Rank: 1 } array:
                    ValueSpec? element = ParseValue(array.ElementType, memberDisplay, location);
                    return element is null ? null : new ValueSpec(ValueKind.Array, typeName, nullable, false, PrimitiveKind.None, CollectionKind.Array, element, null);
                case IArrayTypeSymbol:
                    unsupported = "multi-dimensional arrays have no JSON shape; use an array of arrays";
                    break;
                case IDynamicTypeSymbol:
                    unsupported = "'dynamic' can be anything; use a concrete type";
                    break;
                case ITypeParameterSymbol:
                    unsupported = "type parameters are not supported";
                    break;
                case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                    unsupported = "pointers are not data";
                    break;
                case INamedTypeSymbol { IsTupleType: true }:
                    unsupported = "tuple element names do not survive compilation; use a record";
                    break;
                case INamedTypeSymbol { IsRefLikeType: true }:
                    unsupported = "ref structs cannot be stored in a property";
                    break;
                case INamedTypeSymbol { TypeKind: TypeKind.Delegate }:
                    unsupported = "delegates are not data";
                    break;
                case INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType when !HasEnumValue(enumType):
                    unsupported = "an enum with no members has no value a model could give";
                    break;
                case INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType:
                    string? enumId = GetDefinition(enumType, null, location);
                    return enumId is null ? null : new ValueSpec(ValueKind.Enum, typeName, nullable, true, PrimitiveKind.None, CollectionKind.None, null, enumId);
                case INamedTypeSymbol { TypeKind: TypeKind.Interface } when DerivedTypes((INamedTypeSymbol)type).Count == 0:
                    unsupported = "an interface other than a known collection interface cannot be constructed; use a concrete type or [JsonDerivedType]";
                    break;
                case INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } objectType:
                    if (IsFrameworkType(objectType))
                    {
                        // A framework collection class System.Text.Json fills through ICollection<T>.Add or as an
                        // IDictionary<string, T> (SortedSet<T>, LinkedList<T>, ObservableCollection<T>,
                        // SortedDictionary<string, T>) has the shape of the user's own collection classes.
                        if (CollectionShape(objectType, typeName, nullable, memberDisplay, location, out ValueSpec? frameworkCollection, out string? frameworkNotFillable)
                            && frameworkNotFillable is null)
                        {
                            return frameworkCollection;
                        }

                        unsupported = "this framework type has no JSON Schema mapping";
                        break;
                    }

                    if (objectType.IsGenericType && objectType.TypeArguments.Any(a => a.TypeKind == TypeKind.TypeParameter))
                    {
                        unsupported = "open generic types are not supported";
                        break;
                    }

                    if (CollectionShape(objectType, typeName, nullable, memberDisplay, location, out ValueSpec? collectionSpec, out string? notFillable))
                    {
                        if (notFillable is not null)
                        {
                            unsupported = notFillable;
                            break;
                        }

                        return collectionSpec; // null when its element type was refused (reported there)
                    }

                    string? objectId = GetDefinition(objectType, null, location);
                    return objectId is null ? null : new ValueSpec(ValueKind.Object, typeName, nullable, objectType.IsValueType, PrimitiveKind.None, CollectionKind.None, null, objectId);
                default:
                    unsupported = "this kind of type has no JSON shape";
                    break;
            }
        }

        Report(DiagnosticDescriptors.UnsupportedMemberType, location, memberDisplay, Display(type), unsupported!);
        return null;
    }

    /// <summary>
    /// A type of the user's that is a collection (it implements <c>IEnumerable</c>) is never an object: System.Text.Json
    /// reads an <c>IDictionary&lt;string, T&gt;</c> as a JSON object of values and an <c>ICollection&lt;T&gt;</c> as an
    /// array, creating it with its public parameterless constructor and filling it through <c>Add</c>. The same shapes
    /// are read here; any other collection (only <c>IEnumerable&lt;T&gt;</c>/<c>IReadOnlyList&lt;T&gt;</c>, abstract, no
    /// public parameterless constructor, non-string keys) gets a reason for SLLM0003 instead of a silent object schema.
    /// False when the type is no collection.
    /// </summary>
    private bool CollectionShape(INamedTypeSymbol type, string typeName, bool nullable, string memberDisplay, LocationInfo? location, out ValueSpec? spec, out string? unsupported)
    {
        spec = null;
        unsupported = null;
        INamedTypeSymbol? dictionary = null, collection = null;
        int dictionaries = 0, collections = 0;
        bool enumerable = false, set = false;
        foreach (INamedTypeSymbol i in type.AllInterfaces)
        {
            INamedTypeSymbol d = i.OriginalDefinition;
            if (d.ContainingNamespace?.ToDisplayString() is not ("System.Collections.Generic" or "System.Collections"))
            {
                continue;
            }

            switch (d.MetadataName)
            {
                case "IDictionary`2":
                    dictionary = i;
                    dictionaries++;
                    break;
                case "ICollection`1":
                    collection = i;
                    collections++;
                    break;
                case "ISet`1":
                    set = true;
                    break;
                case "IEnumerable" when d.ContainingNamespace.ToDisplayString() == "System.Collections":
                    enumerable = true;
                    break;
            }
        }

        if (!enumerable)
        {
            return false;
        }

        if (type.TypeKind != TypeKind.Class || type.IsAbstract
            || !type.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public))
        {
            unsupported = "it is a collection, and the reader (like System.Text.Json) can only create a non-abstract collection class with a public parameterless constructor; use List<T>, T[] or Dictionary<string, T>";
            return true;
        }

        if (!_collectionsInProgress.Add(type))
        {
            unsupported = "it is a collection that contains itself (no JSON value has that shape)";
            return true;
        }

        try
        {
            return FillableCollection(typeName, nullable, memberDisplay, location, dictionary, collection, dictionaries, collections, set, out spec, out unsupported);
        }
        finally
        {
            _collectionsInProgress.Remove(type);
        }
    }

    private bool FillableCollection(string typeName, bool nullable, string memberDisplay, LocationInfo? location,
        INamedTypeSymbol? dictionary, INamedTypeSymbol? collection, int dictionaries, int collections, bool set, out ValueSpec? spec, out string? unsupported)
    {
        spec = null;
        unsupported = null;
        if (dictionaries > 1 || (dictionaries == 0 && collections > 1))
        {
            unsupported = "it is a collection of more than one element type; use List<T>, T[] or Dictionary<string, T>";
            return true;
        }

        if (dictionary is not null)
        {
            if (dictionary.TypeArguments[0].SpecialType != SpecialType.System_String)
            {
                unsupported = "JSON object keys are strings, so only dictionaries with string keys are supported";
                return true;
            }

            ValueSpec? value = ParseValue(dictionary.TypeArguments[1], memberDisplay, location);
            spec = value is null ? null : new ValueSpec(ValueKind.Dictionary, typeName, nullable, false, PrimitiveKind.None, CollectionKind.CustomDictionary, value, null);
            return true;
        }

        if (collection is null)
        {
            unsupported = "it is a collection without ICollection<T>.Add (only IEnumerable<T> or IReadOnlyList<T>), so the reader cannot fill it (System.Text.Json cannot either); use List<T> or T[]";
            return true;
        }

        ValueSpec? element = ParseValue(collection.TypeArguments[0], memberDisplay, location);
        spec = element is null ? null : new ValueSpec(ValueKind.Array, typeName, nullable, false, PrimitiveKind.None, set ? CollectionKind.CustomSet : CollectionKind.CustomCollection, element, null);
        return true;
    }

    private static bool InSystemNamespace(ITypeSymbol type)
    {
        INamespaceSymbol? ns = type.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return false;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false } outer)
        {
            ns = outer;
        }

        return ns.Name == "System";
    }

    private static CollectionKind CollectionKindOf(string metadataName) => metadataName switch
    {
        "System.Collections.Generic.List`1" => CollectionKind.List,
        "System.Collections.Generic.IList`1" => CollectionKind.IList,
        "System.Collections.Generic.IReadOnlyList`1" => CollectionKind.IReadOnlyList,
        "System.Collections.Generic.IEnumerable`1" => CollectionKind.IEnumerable,
        "System.Collections.Generic.ICollection`1" => CollectionKind.ICollection,
        "System.Collections.Generic.IReadOnlyCollection`1" => CollectionKind.IReadOnlyCollection,
        "System.Collections.Immutable.ImmutableArray`1" => CollectionKind.ImmutableArray,
        "System.Collections.Immutable.ImmutableList`1" => CollectionKind.ImmutableList,
        "System.Collections.Immutable.IImmutableList`1" => CollectionKind.IImmutableList,
        "System.Collections.Generic.HashSet`1" => CollectionKind.HashSet,
        "System.Collections.Generic.ISet`1" => CollectionKind.ISet,
        "System.Collections.Generic.IReadOnlySet`1" => CollectionKind.IReadOnlySet,
        "System.Collections.Immutable.ImmutableHashSet`1" => CollectionKind.ImmutableHashSet,
        "System.Collections.Immutable.IImmutableSet`1" => CollectionKind.ImmutableHashSet, // read as System.Text.Json does: an ImmutableHashSet
        "System.Collections.Generic.Dictionary`2" => CollectionKind.Dictionary,
        "System.Collections.Generic.IDictionary`2" => CollectionKind.IDictionary,
        "System.Collections.Generic.IReadOnlyDictionary`2" => CollectionKind.IReadOnlyDictionary,
        "System.Collections.Immutable.ImmutableDictionary`2" => CollectionKind.ImmutableDictionary,
        "System.Collections.Immutable.IImmutableDictionary`2" => CollectionKind.ImmutableDictionary, // an ImmutableDictionary, as System.Text.Json reads it
        _ => CollectionKind.None,
    };

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        if (type.Locations.Any(l => l.IsInSource))
        {
            return false;
        }

        string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal))
        {
            return true;
        }

        // A Microsoft.* namespace is the framework's only in an assembly signed with one of the framework's keys (the
        // runtime's, ASP.NET Core's and the extensions'): a user library that chose such a namespace holds data types.
        return (ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal)) && IsSignedByFramework(type.ContainingAssembly);
    }

    /// <summary>The public key tokens .NET's own assemblies are signed with (ECMA, Microsoft, ASP.NET Core and extensions, Open).</summary>
    private static readonly string[] FrameworkKeyTokens =
    {
        "b77a5c561934e089", "b03f5f7f11d50a3a", "31bf3856ad364e35", "cc7b13ffcd2ddd51", "7cec85d7bea7798e", "adb9793829ddae60",
    };

    private static bool IsSignedByFramework(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        var token = assembly.Identity.PublicKeyToken;
        if (token.Length != 8)
        {
            return false;
        }

        var hex = new System.Text.StringBuilder(16);
        foreach (byte b in token)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Array.IndexOf(FrameworkKeyTokens, hex.ToString()) >= 0;
    }

    // ---------------------------------------------------------------- constraints

    private ConstraintSpec ParseConstraints(AttributeSource attributes, ValueSpec value, string memberDisplay, LocationInfo? location)
    {
        ConstraintSpec c = ConstraintSpec.None;
        bool isString = value.Kind == ValueKind.String && value.Primitive == PrimitiveKind.String;
        bool isNumeric = value.Kind is ValueKind.Integer or ValueKind.Number;
        bool isCollection = value.Kind == ValueKind.Array || value.Primitive == PrimitiveKind.Bytes; // [MaxLength] on byte[] counts bytes
        bool isScalar = value.Kind is ValueKind.String or ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.FormattedString;

        void Ignored(string attribute, string reason) => Report(DiagnosticDescriptors.IgnoredConstraint, location, memberDisplay, "[" + attribute + "]", reason);

        // A dictionary is a collection to DataAnnotations (its count is checked), so say what is missing instead.
        string notStringOrCollection = value.Kind == ValueKind.Dictionary
            ? "the schema and reader do not bound a dictionary's number of entries; check it after reading"
            : "the member is neither a string nor a collection";

        foreach (AttributeData a in attributes.Annotations())
        {
            if (a.AttributeClass is null || !HasFullName(a.AttributeClass.ContainingSymbol, "System.ComponentModel.DataAnnotations"))
            {
                continue;
            }

            string shortName = a.AttributeClass!.Name.EndsWith("Attribute", StringComparison.Ordinal) ? a.AttributeClass.Name.Substring(0, a.AttributeClass.Name.Length - 9) : a.AttributeClass.Name;
            ImmutableArrayView args = new(a.ConstructorArguments);
            switch (shortName)
            {
                case "Range":
                    if (!isNumeric)
                    {
                        // [Range(typeof(DateTime), "2020-01-01", "2030-12-31")]: DataAnnotations compares values of that type.
                        Ignored(shortName, args.Count == 3 && args[0].Value is ITypeSymbol rangeType && rangeType.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Double or SpecialType.System_Decimal)
                            ? $"its bounds are '{rangeType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' values, which the schema and reader do not compare; check it after reading"
                            : "the member is not a number");
                        break;
                    }

                    string? min = null, max = null;
                    // An infinite bound (`[Range(double.NegativeInfinity, 0)]`) bounds nothing on its side, as DataAnnotations
                    // compares with it: the other side is the constraint.
                    bool noMin = args.Count == 2 && args[0].Value is double minDouble && double.IsNegativeInfinity(minDouble);
                    bool noMax = args.Count == 2 && args[1].Value is double maxDouble && double.IsPositiveInfinity(maxDouble);
                    if (args.Count == 2)
                    {
                        min = noMin ? null : NumberLiteral(args[0].Value);
                        max = noMax ? null : NumberLiteral(args[1].Value);
                    }
                    else if (args.Count == 3)
                    {
                        min = NumberLiteral(args[1].Value as string);
                        max = NumberLiteral(args[2].Value as string);
                    }

                    if ((min is null && !noMin) || (max is null && !noMax))
                    {
                        Ignored(shortName, "its bounds are not numbers in invariant culture");
                        break;
                    }

                    bool exclusiveMin = !noMin && a.NamedArguments.Any(n => n.Key == "MinimumIsExclusive" && n.Value.Value is true);
                    bool exclusiveMax = !noMax && a.NamedArguments.Any(n => n.Key == "MaximumIsExclusive" && n.Value.Value is true);
                    // Ordering only: doubles cover every literal NumberLiteral produces (decimal would overflow on 1e300).
                    double low = min is null ? double.NegativeInfinity : double.Parse(min, NumberStyles.Float, CultureInfo.InvariantCulture);
                    double high = max is null ? double.PositiveInfinity : double.Parse(max, NumberStyles.Float, CultureInfo.InvariantCulture);
                    if (low > high || (low == high && (exclusiveMin || exclusiveMax)))
                    {
                        Ignored(shortName, "its minimum is above its maximum, so no value could satisfy it");
                        break;
                    }

                    if (value.Kind == ValueKind.Integer)
                    {
                        // Within the type's own range (`[Range(300, 400)] byte`), and at least one whole number between the
                        // bounds (`[Range(0.5, 0.7)] int`): else no value of the member could satisfy it.
                        (string? typeMin, string? typeMax) = ConstraintSpec.IntegerRange(value.Primitive);
                        double first = exclusiveMin && Math.Floor(low) == low ? low + 1 : Math.Ceiling(low);
                        double last = exclusiveMax && Math.Floor(high) == high ? high - 1 : Math.Floor(high);
                        if ((typeMin is not null && last < double.Parse(typeMin, CultureInfo.InvariantCulture))
                            || (typeMax is not null && first > double.Parse(typeMax, CultureInfo.InvariantCulture)))
                        {
                            Ignored(shortName, "its range lies outside the values the member's type can hold, so no value could satisfy it");
                            break;
                        }

                        if (first > last)
                        {
                            Ignored(shortName, "no whole number lies within its bounds, so no value of the integer member could satisfy it");
                            break;
                        }
                    }
                    else if (value.Primitive is PrimitiveKind.Decimal or PrimitiveKind.Single or PrimitiveKind.Half)
                    {
                        // A finite type's own range (`[Range(1e30, 1e40)] decimal`): the reader's bounds in the type's
                        // precision would otherwise drop or overflow them.
                        double typeMax = value.Primitive switch
                        {
                            PrimitiveKind.Decimal => 7.9228162514264338E+28,
                            PrimitiveKind.Single => float.MaxValue,
                            _ => 65504,
                        };
                        if (low > typeMax || high < -typeMax)
                        {
                            Ignored(shortName, "its range lies outside the values the member's type can hold, so no value could satisfy it");
                            break;
                        }
                    }

                    c = c with { Minimum = min, Maximum = max, ExclusiveMinimum = exclusiveMin, ExclusiveMaximum = exclusiveMax };
                    break;
                case "MinLength" when args.Count == 1 && args[0].Value is int minLength:
                    if (minLength < 0)
                    {
                        Ignored(shortName, "a length cannot be negative");
                    }
                    else if (isString)
                    {
                        c = c with { MinLength = minLength };
                    }
                    else if (isCollection)
                    {
                        c = c with { MinItems = minLength };
                    }
                    else
                    {
                        Ignored(shortName, notStringOrCollection);
                    }

                    break;
                case "MaxLength" when args.Count == 1 && args[0].Value is int maxLength && maxLength != -1:
                    // -1 (also the parameterless [MaxLength]) is "the largest allowed": no limit. DataAnnotations throws
                    // when validating any other length below 1, so no value is valid under it.
                    if (maxLength < 1)
                    {
                        Ignored(shortName, "its length must be at least 1 (or -1 for no limit): DataAnnotations throws when validating " + maxLength.ToString(CultureInfo.InvariantCulture));
                    }
                    else if (isString)
                    {
                        c = c with { MaxLength = maxLength };
                    }
                    else if (isCollection)
                    {
                        c = c with { MaxItems = maxLength };
                    }
                    else
                    {
                        Ignored(shortName, notStringOrCollection);
                    }

                    break;
                case "Length" when args.Count == 2 && args[0].Value is int lengthMin && args[1].Value is int lengthMax:
                    if (lengthMin < 0 || lengthMax < lengthMin)
                    {
                        Ignored(shortName, lengthMin < 0 ? "a length cannot be negative" : "its minimum is above its maximum, so no value could satisfy it");
                    }
                    else if (isString)
                    {
                        c = c with { MinLength = lengthMin, MaxLength = lengthMax };
                    }
                    else if (isCollection)
                    {
                        c = c with { MinItems = lengthMin, MaxItems = lengthMax };
                    }
                    else
                    {
                        Ignored(shortName, notStringOrCollection);
                    }

                    break;
                case "StringLength" when args.Count == 1 && args[0].Value is int stringMax:
                    if (!isString)
                    {
                        Ignored(shortName, "the member is not a string");
                        break;
                    }

                    int stringMin = a.NamedArguments.FirstOrDefault(n => n.Key == "MinimumLength").Value.Value is int m ? m : 0;
                    if (stringMax < 0 || stringMin > stringMax)
                    {
                        Ignored(shortName, stringMax < 0 ? "a length cannot be negative" : "its minimum length is above its maximum, so no value could satisfy it");
                        break;
                    }

                    c = c with { MaxLength = stringMax, MinLength = stringMin > 0 ? stringMin : c.MinLength };
                    break;
                case "RegularExpression" when args.Count == 1 && args[0].Value is not string { Length: > 0 }:
                    // DataAnnotations throws when validating with a null or empty pattern.
                    Ignored(shortName, "its pattern is " + (args[0].Value is null ? "null" : "empty") + ", which DataAnnotations refuses (it throws when validating)");
                    break;
                case "RegularExpression" when args.Count == 1 && args[0].Value is string pattern:
                    if (!isString)
                    {
                        Ignored(shortName, "the member is not a string");
                        break;
                    }

                    try
                    {
                        _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException)
                    {
                        Ignored(shortName, "the pattern is not a valid regular expression");
                        break;
                    }

                    c = c with { Pattern = pattern };
                    break;
                case "EmailAddress" or "Url" when c.Format is not null:
                    // One format per member: the schema states one and the reader checks one, so a second would be dropped.
                    Ignored(shortName, "the member already has a format (" + c.Format + "); the schema and reader take one");
                    break;
                case "EmailAddress":
                    if (isString)
                    {
                        c = c with { Format = "email" };
                    }
                    else
                    {
                        Ignored(shortName, "the member is not a string");
                    }

                    break;
                case "Url":
                    if (isString || value.Primitive == PrimitiveKind.Uri)
                    {
                        c = c with { Format = "uri" };
                    }
                    else
                    {
                        Ignored(shortName, "the member is not a string");
                    }

                    break;
                case "AllowedValues":
                    if (!isScalar)
                    {
                        Ignored(shortName, "the member is not a scalar");
                        break;
                    }

                    var literals = new List<string>();
                    IEnumerable<TypedConstant> values = args.Count == 1 && args[0].Kind == TypedConstantKind.Array ? (args[0].IsNull ? Array.Empty<TypedConstant>() : args[0].Values) : a.ConstructorArguments;
                    bool ok = true;
                    foreach (TypedConstant v in values)
                    {
                        // DataAnnotations compares each value with the member's value by Equals: a value of another kind
                        // (a string for a number, an enum for an int, 1.5 for an int) could never match.
                        string? literal = (v.Kind == TypedConstantKind.Array ? (object)v : v.Value) switch
                        {
                            null => value.IsNullable ? "null" : null,
                            char ch when value.Primitive == PrimitiveKind.Char => JsonWriter.Quote(ch.ToString()),
                            string s when value.Primitive == PrimitiveKind.Char => s.Length == 1 ? JsonWriter.Quote(s) : null,
                            string s when value.Kind is ValueKind.String => JsonWriter.Quote(s),
                            string s when value.Kind is ValueKind.FormattedString => IsValidFormatted(value.Primitive, s) ? JsonWriter.Quote(s) : null,
                            bool b when value.Kind == ValueKind.Boolean => b ? "true" : "false",
                            string or char => null,
                            object o when isNumeric && v.Type?.TypeKind != TypeKind.Enum => FitsMember(value, NumberLiteral(o)),
                            _ => null,
                        };
                        if (literal is null)
                        {
                            ok = false;
                            break;
                        }

                        if (!literals.Contains(literal))
                        {
                            literals.Add(literal);
                        }
                    }

                    if (!ok || literals.Count == 0)
                    {
                        Ignored(shortName, "its values do not match the member's type");
                        break;
                    }

                    c = c with { AllowedValues = literals.ToEquatableArray() };
                    break;
                case "Required" or "Range" or "MinLength" or "MaxLength" or "Length" or "StringLength" or "RegularExpression" or "DataType":
                    break; // handled above or in Presence; [DataType] alone validates nothing
                default:
                    // Any other DataAnnotations validation ([DeniedValues], [Base64String], [Phone], [Compare]...) is neither
                    // stated by the schema nor enforced by the reader: say so, rather than let the schema look complete.
                    if (IsValidationAttribute(a.AttributeClass))
                    {
                        Ignored(shortName, "the schema does not state it and the reader does not enforce it; validate it after reading");
                    }

                    break;
            }
        }

        // Bounds from separate attributes ([MinLength(5)] with [MaxLength(3)]) that no value could satisfy.
        if (c.MinLength is int minChars && c.MaxLength is int maxChars && minChars > maxChars)
        {
            Ignored("MinLength", "it is above the maximum length " + maxChars.ToString(CultureInfo.InvariantCulture) + ", so no value could satisfy both");
            c = c with { MinLength = null };
        }

        if (c.MinItems is int minItems && c.MaxItems is int maxItems && minItems > maxItems)
        {
            Ignored("MinLength", "it is above the maximum count " + maxItems.ToString(CultureInfo.InvariantCulture) + ", so no value could satisfy both");
            c = c with { MinItems = null };
        }

        if (value.Collection is CollectionKind.HashSet or CollectionKind.ISet or CollectionKind.IReadOnlySet or CollectionKind.ImmutableHashSet or CollectionKind.CustomSet)
        {
            c = c with { UniqueItems = true };
        }

        return c;
    }

    /// <summary>A number literal an integer member can hold (whole, within the type's range); any number for other numbers.</summary>
    private static string? FitsMember(ValueSpec value, string? literal)
    {
        if (literal is null || value.Kind != ValueKind.Integer)
        {
            return literal;
        }

        if (!decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) || decimal.Truncate(number) != number)
        {
            return null;
        }

        (string? typeMin, string? typeMax) = ConstraintSpec.IntegerRange(value.Primitive);
        return (typeMin is not null && number < decimal.Parse(typeMin, CultureInfo.InvariantCulture))
            || (typeMax is not null && number > decimal.Parse(typeMax, CultureInfo.InvariantCulture))
            ? null
            : literal;
    }

    /// <summary>A string an allowed value of a formatted member (Guid, dates, times, Uri) can be: one the reader would accept.</summary>
    private static bool IsValidFormatted(PrimitiveKind primitive, string s) => primitive switch
    {
        PrimitiveKind.Guid => Guid.TryParse(s, out _),
        PrimitiveKind.DateTime or PrimitiveKind.DateTimeOffset => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        PrimitiveKind.Uri => Uri.TryCreate(s, UriKind.RelativeOrAbsolute, out _),
        PrimitiveKind.Bytes => false, // DataAnnotations compares a byte[] with Equals: no attribute value ever equals one
        _ => true,
    };

    private static bool IsValidationAttribute(INamedTypeSymbol? attributeClass)
    {
        for (INamedTypeSymbol? t = attributeClass; t is not null; t = t.BaseType)
        {
            if (HasFullName(t, "System.ComponentModel.DataAnnotations.ValidationAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    private static string? NumberLiteral(object? value) => value switch
    {
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        short s => s.ToString(CultureInfo.InvariantCulture),
        byte b => b.ToString(CultureInfo.InvariantCulture),
        sbyte sb => sb.ToString(CultureInfo.InvariantCulture),
        ushort us => us.ToString(CultureInfo.InvariantCulture),
        uint ui => ui.ToString(CultureInfo.InvariantCulture),
        ulong ul => ul.ToString(CultureInfo.InvariantCulture),
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => d.ToString("R", CultureInfo.InvariantCulture),
        float f when !float.IsNaN(f) && !float.IsInfinity(f) => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed) => parsed.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    // ---------------------------------------------------------------- attributes and helpers

    private readonly struct ImmutableArrayView
    {
        private readonly System.Collections.Immutable.ImmutableArray<TypedConstant> _items;

        public ImmutableArrayView(System.Collections.Immutable.ImmutableArray<TypedConstant> items) => _items = items;

        public int Count => _items.IsDefault ? 0 : _items.Length;

        public TypedConstant this[int index] => _items[index];
    }

    /// <summary>Attributes of a property together with those of the constructor parameter it binds to.</summary>
    private readonly struct AttributeSource
    {
        private readonly IPropertySymbol _property;
        private readonly IParameterSymbol? _parameter;

        public AttributeSource(IPropertySymbol property, IParameterSymbol? parameter)
        {
            _property = property;
            _parameter = parameter;
        }

        /// <summary>The property's attributes, then the parameter's (no iterator: this runs for every member on every edit).</summary>
        public System.Collections.Immutable.ImmutableArray<AttributeData> All()
        {
            System.Collections.Immutable.ImmutableArray<AttributeData> own = _property.GetAttributes();
            if (_parameter is null)
            {
                return own;
            }

            System.Collections.Immutable.ImmutableArray<AttributeData> fromParameter = _parameter.GetAttributes();
            return fromParameter.IsEmpty ? own : own.IsEmpty ? fromParameter : own.AddRange(fromParameter);
        }

        public string? JsonPropertyName()
        {
            foreach (AttributeData a in All())
            {
                if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonPropertyNameAttribute")
                    && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string name)
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary>
        /// <see cref="All"/> plus what an override inherits from the properties it overrides, as
        /// <c>Attribute.GetCustomAttributes(property, inherit: true)</c> gives them to DataAnnotations' validators and
        /// <c>[Description]</c> readers: attributes whose usage says <c>Inherited</c> (the default), nearest override
        /// first, and of a single-use attribute class only the nearest. Serialization attributes (System.Text.Json,
        /// StructuredLlm) are not inherited: System.Text.Json reads them from the declared property only.
        /// </summary>
        public System.Collections.Immutable.ImmutableArray<AttributeData> Annotations()
        {
            System.Collections.Immutable.ImmutableArray<AttributeData> own = All();
            if (_property.OverriddenProperty is null)
            {
                return own;
            }

            List<AttributeData>? result = null;
            int depth = 0;
            for (IPropertySymbol? p = _property.OverriddenProperty; p is not null && depth < 64; p = p.OverriddenProperty, depth++)
            {
                foreach (AttributeData a in p.GetAttributes())
                {
                    if (a.AttributeClass is not { } cls || IsSerializationAttribute(cls))
                    {
                        continue;
                    }

                    (bool inherited, bool allowMultiple) = Usage(cls);
                    if (!inherited || (!allowMultiple && (HasClass(own, cls) || (result is not null && HasClass(result, cls)))))
                    {
                        continue;
                    }

                    (result ??= new List<AttributeData>(own)).Add(a);
                }
            }

            return result is null ? own : System.Collections.Immutable.ImmutableArray.CreateRange(result);
        }

        private static bool HasClass(IEnumerable<AttributeData> attributes, INamedTypeSymbol cls)
            => attributes.Any(x => SymbolEqualityComparer.Default.Equals(x.AttributeClass, cls));

        private static bool IsSerializationAttribute(INamedTypeSymbol cls)
        {
            string ns = cls.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return ns.StartsWith("System.Text.Json", StringComparison.Ordinal) || ns == "StructuredLlm";
        }

        /// <summary>The attribute class's <c>[AttributeUsage]</c> (itself inherited by derived attribute classes): Inherited, AllowMultiple.</summary>
        private static (bool Inherited, bool AllowMultiple) Usage(INamedTypeSymbol cls)
        {
            int depth = 0;
            for (INamedTypeSymbol? t = cls; t is not null && depth < 64; t = t.BaseType, depth++)
            {
                foreach (AttributeData a in t.GetAttributes())
                {
                    if (HasFullName(a.AttributeClass, "System.AttributeUsageAttribute"))
                    {
                        bool inherited = true, allowMultiple = false;
                        foreach (KeyValuePair<string, TypedConstant> named in a.NamedArguments)
                        {
                            if (named.Key == "Inherited" && named.Value.Value is bool i)
                            {
                                inherited = i;
                            }
                            else if (named.Key == "AllowMultiple" && named.Value.Value is bool m)
                            {
                                allowMultiple = m;
                            }
                        }

                        return (inherited, allowMultiple);
                    }
                }
            }

            return (true, false);
        }

        public string? Description()
        {
            foreach (AttributeData a in Annotations())
            {
                if (HasFullName(a.AttributeClass, DescriptionAttribute) && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string text && text.Length > 0)
                {
                    return text;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// A member's doc summary: its own; for <c>&lt;inheritdoc cref="..."/&gt;</c> the summary of the member named; for an
    /// override without one (or with a plain <c>&lt;inheritdoc/&gt;</c>) the overridden member's; for a plain
    /// <c>&lt;inheritdoc/&gt;</c> on an interface implementation the interface member's. As far as a chain goes (bounded).
    /// </summary>
    private string? MemberSummary(IPropertySymbol property)
    {
        ISymbol? current = property;
        for (int depth = 0; current is not null && depth < 16; depth++)
        {
            DocComments docs = Docs(current, _ct);
            if (docs.Summary is not null)
            {
                return docs.Summary;
            }

            if (docs.InheritCref is { Length: > 0 } cref)
            {
                current = ResolveCref(current, cref);
            }
            else if (current is IPropertySymbol { OverriddenProperty: { } overridden })
            {
                current = overridden;
            }
            else if (docs.InheritDoc && current is IPropertySymbol p)
            {
                current = ImplementedInterfaceMember(p);
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A type's doc summary: its own; for <c>&lt;inheritdoc cref="..."/&gt;</c> the summary of the type or member named;
    /// for a plain <c>&lt;inheritdoc/&gt;</c> the base type's (not <c>object</c>, <c>ValueType</c> or a record's
    /// implicit base), else the first interface's, as documentation tools read it. As far as a chain goes (bounded).
    /// </summary>
    private string? TypeSummary(INamedTypeSymbol type)
    {
        ISymbol? current = type;
        for (int depth = 0; current is not null && depth < 16; depth++)
        {
            DocComments docs = Docs(current, _ct);
            if (docs.Summary is not null)
            {
                return docs.Summary;
            }

            if (docs.InheritCref is { Length: > 0 } cref)
            {
                current = current is INamedTypeSymbol { ContainingType: null } named
                    ? (cref.Length > 2 && cref[1] == ':' ? ResolveCref(current, cref) : FindType(named, cref.Trim()))
                    : ResolveCref(current, cref);
            }
            else if (docs.InheritDoc && current is INamedTypeSymbol t)
            {
                current = t.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum) } baseType
                    ? baseType
                    : t.Interfaces.FirstOrDefault();
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    private static ISymbol? ImplementedInterfaceMember(IPropertySymbol property)
    {
        if (property.ContainingType is not { } type)
        {
            return null;
        }

        foreach (INamedTypeSymbol i in type.AllInterfaces)
        {
            foreach (ISymbol m in i.GetMembers(property.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(m), property))
                {
                    return m;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The symbol an <c>inheritdoc</c> <c>cref</c> names: a documentation ID (<c>P:N.Base.X</c>, as in metadata XML), or
    /// as written in source (<c>Base.X</c>, <c>X</c>, <c>N.Base.X</c>, <c>Base</c>), looked up from the member's type,
    /// its bases and interfaces, then by metadata name. Null when it names nothing found.
    /// </summary>
    private ISymbol? ResolveCref(ISymbol from, string cref)
    {
        try
        {
            if (cref.Length > 2 && cref[1] == ':')
            {
                return DocumentationCommentId.GetFirstSymbolForDeclarationId(cref, _compilation);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }

        string text = cref.Trim();
        int paren = text.IndexOf('(');
        if (paren >= 0)
        {
            text = text.Substring(0, paren);
        }

        if (from.ContainingType is not { } own)
        {
            return null;
        }

        // A member first (`X`, `Base.X`), then a type (`Base`, `N.Base`).
        int dot = text.LastIndexOf('.');
        string memberName = dot < 0 ? text : text.Substring(dot + 1);
        INamedTypeSymbol? type = dot < 0 ? own : FindType(own, text.Substring(0, dot));
        for (int depth = 0; type is not null && depth < 64; type = type.BaseType, depth++)
        {
            if (type.GetMembers(memberName).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol) is { } member)
            {
                return member;
            }
        }

        return FindType(own, text);
    }

    /// <summary>A type named <paramref name="name"/> (simple or dotted) among <paramref name="own"/>, its containing types, bases and interfaces, or by metadata name.</summary>
    private INamedTypeSymbol? FindType(INamedTypeSymbol own, string name)
    {
        string simple = name.Substring(name.LastIndexOf('.') + 1);
        bool Matches(INamedTypeSymbol t) => t.Name == simple && (simple.Length == name.Length || t.ToDisplayString().EndsWith(name, StringComparison.Ordinal));
        int depth = 0;
        for (INamedTypeSymbol? t = own; t is not null && depth < 64; t = t.BaseType, depth++)
        {
            if (Matches(t))
            {
                return t;
            }
        }

        foreach (INamedTypeSymbol i in own.AllInterfaces)
        {
            if (Matches(i))
            {
                return i;
            }
        }

        for (INamedTypeSymbol? t = own.ContainingType; t is not null; t = t.ContainingType)
        {
            if (Matches(t))
            {
                return t;
            }
        }

        if (_compilation.GetTypeByMetadataName(name) is { } byName)
        {
            return byName;
        }

        string ns = own.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        if (ns.Length > 0 && _compilation.GetTypeByMetadataName(ns + name) is { } inNamespace)
        {
            return inNamespace;
        }

        // Elsewhere in the compilation's own namespaces, by simple name (a sibling type of another namespace).
        return simple.Length == name.Length ? _compilation.GetSymbolsWithName(simple, SymbolFilter.Type, _ct).OfType<INamedTypeSymbol>().FirstOrDefault() : null;
    }

    private static string? GetDescription(ISymbol symbol)
    {
        foreach (AttributeData a in symbol.GetAttributes())
        {
            if (HasFullName(a.AttributeClass, DescriptionAttribute) && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string text && text.Length > 0)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>A property of the type named like a constructor parameter (case-insensitively) that the reader does not set.</summary>
    private static string? UnreadPropertyNamed(List<System.Collections.Immutable.ImmutableArray<ISymbol>> chain, string parameterName)
    {
        foreach (System.Collections.Immutable.ImmutableArray<ISymbol> typeMembers in chain)
        {
            foreach (ISymbol member in typeMembers)
            {
                if (member is IPropertySymbol { IsStatic: false } property && string.Equals(property.Name, parameterName, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Name;
                }
            }
        }

        return null;
    }

    private static int IndexOfName(List<IPropertySymbol> properties, string name, StringComparison comparison = StringComparison.Ordinal)
    {
        for (int i = 0; i < properties.Count; i++)
        {
            if (string.Equals(properties[i].Name, name, comparison))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The property's aliases, then the constructor parameter's that are new (ordinal, first occurrence kept).</summary>
    private static EquatableArray<string> MergeAliases(EquatableArray<string> first, EquatableArray<string> second)
    {
        if (second.IsEmpty)
        {
            return first;
        }

        var merged = new List<string>(first.Count + second.Count);
        foreach (string alias in first)
        {
            merged.Add(alias);
        }

        foreach (string alias in second)
        {
            if (!merged.Contains(alias))
            {
                merged.Add(alias);
            }
        }

        return merged.ToEquatableArray();
    }

    private static EquatableArray<string> Aliases(ISymbol symbol)
    {
        List<string>? aliases = null;
        foreach (AttributeData a in symbol.GetAttributes())
        {
            if (HasFullName(a.AttributeClass, "StructuredLlm.LlmAliasAttribute") && a.ConstructorArguments.Length == 1)
            {
                TypedConstant arg = a.ConstructorArguments[0];
                IEnumerable<TypedConstant> values = arg.Kind != TypedConstantKind.Array ? new[] { arg } : arg.IsNull ? Array.Empty<TypedConstant>() : arg.Values;
                foreach (TypedConstant v in values)
                {
                    if (v.Kind != TypedConstantKind.Array && v.Value is string s && s.Length > 0 && !(aliases ??= new List<string>()).Contains(s))
                    {
                        aliases.Add(s);
                    }
                }
            }
        }

        return aliases is null ? EquatableArray<string>.Empty : aliases.ToEquatableArray();
    }

    private static int PropertyOrder(IPropertySymbol property)
    {
        foreach (AttributeData a in property.GetAttributes())
        {
            if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonPropertyOrderAttribute")
                && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int order)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>[JsonIgnore]</c> (always, or <c>WhenReading</c>: System.Text.Json never reads it), or <c>[JsonExtensionData]</c>: an extension-data bag holds the members a type does not
    /// declare, which a schema never asks for; members a model adds anyway are reported as unknown by the reader.
    /// </summary>
    private static bool IsJsonIgnored(IPropertySymbol property)
    {
        foreach (AttributeData a in property.GetAttributes())
        {
            if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonExtensionDataAttribute"))
            {
                return true;
            }

            if (HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonIgnoreAttribute"))
            {
                // JsonIgnoreCondition.Always = 1 is the default and WhenReading = 5 (.NET 9) skips the member when
                // deserializing; Never = 0 and WhenWritingDefault/WhenWritingNull/WhenWriting (2, 3, 4) only affect
                // writing, so System.Text.Json still reads those members and so do the schema and reader.
                TypedConstant condition = a.NamedArguments.FirstOrDefault(n => n.Key == "Condition").Value;
                return condition.IsNull || condition.Value is null or 1 or 5;
            }
        }

        return false;
    }

    private static NamingPolicy OwnNamingPolicy(INamedTypeSymbol type, NamingPolicy fallback = NamingPolicy.CamelCase)
    {
        foreach (AttributeData a in type.GetAttributes())
        {
            if (HasFullName(a.AttributeClass, "StructuredLlm.LlmOutputAttribute"))
            {
                foreach (KeyValuePair<string, TypedConstant> named in a.NamedArguments)
                {
                    if (named.Key == "NamingPolicy" && named.Value.Value is int p)
                    {
                        return (NamingPolicy)p;
                    }
                }

                return NamingPolicy.CamelCase;
            }
        }

        return fallback;
    }

    private static List<(INamedTypeSymbol Type, string? Discriminator)> DerivedTypes(INamedTypeSymbol type)
    {
        var result = new List<(INamedTypeSymbol, string?)>();
        foreach (AttributeData a in type.GetAttributes())
        {
            if (!HasFullName(a.AttributeClass, "System.Text.Json.Serialization.JsonDerivedTypeAttribute") || a.ConstructorArguments.Length == 0)
            {
                continue;
            }

            if (a.ConstructorArguments[0].Value is not INamedTypeSymbol derived || derived.TypeKind == TypeKind.Error)
            {
                continue;
            }

            string? discriminator = a.ConstructorArguments.Length > 1 ? a.ConstructorArguments[1].Value switch
            {
                string s => JsonWriter.Quote(s),
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => null,
            } : null;
            result.Add((derived, discriminator));
        }

        return result;
    }

    private DocComments Docs(ISymbol symbol, CancellationToken ct)
    {
        if (symbol is not INamedTypeSymbol)
        {
            return DocComments.For(symbol, ct); // members are read once; only types are asked twice
        }

        if (!_docs.TryGetValue(symbol, out DocComments? docs))
        {
            docs = DocComments.For(symbol, ct);
            _docs.Add(symbol, docs);
        }

        return docs;
    }

    /// <summary>
    /// SLLM0014: the generated <c>LlmInfo</c> property and nested <c>__LlmReader</c> class would not compile (CS0102,
    /// CS0542) or would hide an inherited member (CS0108) because the user's code already uses the name.
    /// An inherited <c>LlmInfo</c> is fine: the generated one is declared <c>new</c>. Private base members are invisible.
    /// </summary>
    private bool ReservedNameClash(string display) => ReservedNameClash(_root, report: true, display);

    private bool ReservedNameClash(INamedTypeSymbol type, bool report, string display = "")
    {
        bool clash = false;
        foreach (string name in new[] { "LlmInfo", ReaderEmitter.ClassName })
        {
            if (type.Name == name)
            {
                ReportIf(report, DiagnosticDescriptors.ReservedMemberName, _rootLocation, name, display, "a member cannot have the name of its enclosing type");
                clash = true;
                continue;
            }

            ISymbol? own = type.GetMembers(name).FirstOrDefault(m => !m.IsImplicitlyDeclared) ?? type.GetTypeMembers(name).FirstOrDefault();
            if (own is not null)
            {
                ReportIf(report, DiagnosticDescriptors.ReservedMemberName, SourceLocation(own) ?? _rootLocation, name, display, "'" + own.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "' is already declared");
                clash = true;
                continue;
            }

            if (name != ReaderEmitter.ClassName)
            {
                continue;
            }

            for (INamedTypeSymbol? t = type.BaseType; t is not null; t = t.BaseType)
            {
                ISymbol? inherited = t.GetMembers(name).FirstOrDefault(VisibleToDerived);
                if (inherited is not null)
                {
                    ReportIf(report, DiagnosticDescriptors.ReservedMemberName, _rootLocation, name, display, "it would hide the inherited '" + inherited.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'");
                    clash = true;
                    break;
                }
            }
        }

        return clash;
    }

    // Only a member the derived type can see is hidden (CS0108); internal members of another assembly are not.
    private bool VisibleToDerived(ISymbol member) => member.DeclaredAccessibility switch
    {
        Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
        Accessibility.Internal or Accessibility.ProtectedAndInternal => SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _root.ContainingAssembly),
        _ => false,
    };

    private static LocationInfo? SourceLocation(ISymbol symbol)
        => symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location ? LocationInfo.From(location) : null;

    private static bool HidesInheritedLlmInfo(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (!t.GetMembers("LlmInfo").IsEmpty
                || t.GetAttributes().Any(a => HasFullName(a.AttributeClass, StructuredLlmGenerator.LlmOutputAttributeName)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFrom(INamedTypeSymbol derived, INamedTypeSymbol baseType)
    {
        if (SymbolEqualityComparer.Default.Equals(derived, baseType) || derived.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        for (INamedTypeSymbol? t = derived.BaseType; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return derived.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, baseType));
    }

    private bool IsSourceAutoProperty(IPropertySymbol property)
    {
        foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_ct) is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
                && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null))
            {
                return true;
            }
        }

        return false;
    }

    private static LocationInfo? MemberLocation(IPropertySymbol property, IParameterSymbol? parameter)
    {
        Location? location = property.Locations.FirstOrDefault(l => l.IsInSource) ?? parameter?.Locations.FirstOrDefault(l => l.IsInSource);
        return LocationInfo.From(location);
    }

    private string UniqueDefinitionName(string name)
    {
        string candidate = name;
        for (int i = 2; !_definitionNames.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, IsValueType: true } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Interface } => "interface",
        { IsValueType: true } => "struct",
        _ => "class",
    };

    private static bool IsAccessibleFromAssembly(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="symbol"/> is the type <paramref name="fullName"/> (namespace-qualified, as the default
    /// <c>ToDisplayString()</c> spells a non-generic type), compared name by name without building the string.
    /// </summary>
    internal static bool HasFullName(ISymbol? symbol, string fullName)
    {
        int end = fullName.Length;
        for (ISymbol? s = symbol; s is not null; s = s.ContainingSymbol)
        {
            string name = s.Name;
            int start = end - name.Length;
            if (name.Length == 0 || start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            ISymbol? container = s.ContainingSymbol;
            if (start == 0)
            {
                return container is null or INamespaceSymbol { IsGlobalNamespace: true };
            }

            if (fullName[start - 1] != '.' || container is null or INamespaceSymbol { IsGlobalNamespace: true })
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    private void ReportIf(bool report, DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
    {
        if (report)
        {
            Report(descriptor, location, args);
        }
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
    {
        _reportCount++;
        var info = DiagnosticInfo.Create(descriptor, location, args);
        if (!_diagnostics.Contains(info))
        {
            _diagnostics.Add(info);
        }
    }
}
