using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StructuredLlm.Analyzers.Llm;

namespace StructuredLlm.Analyzers.Taint;

/// <summary>
/// A syntactic over-approximation of which code can reach a prompt sink, built once per compilation so that the
/// pre-scan binds nothing (no callee body, no reach scan) for a body that cannot reach one, which is almost every body.
/// A sink is written by name: a method or property name, or <c>new T</c> for a constructor (the <em>key</em>). A body
/// may reach a sink when it mentions a sink key, or the key of a method or constructor declared in this compilation
/// whose body may (closed over calls of any depth, by name). It is only ever too generous: overloads and unrelated
/// members that share a name count as the same key. An implicit conversion sink (OpenAI's <c>string</c> →
/// <c>ChatMessage</c>) has no name where it happens, so every name that can type its slot is a key (see
/// <see cref="Build"/>). What syntax cannot show turns the index off (every body may then reach a sink, as without the
/// index): <c>[PromptSink]</c> members in a referenced assembly, and <c>[PromptSink]</c> under a using alias.
/// </summary>
internal sealed partial class SinkIndex
{
    /// <summary>The key of a target-typed <c>new(...)</c>: it may create any type with a sink constructor.</summary>
    private const string ImplicitNew = "new()";

    private const string NewPrefix = "new ";

    /// <summary>Keys that are sinks themselves, whatever the receiver; <see langword="null"/> when the index is off.</summary>
    private readonly HashSet<string>? _direct;

    /// <summary>
    /// Names of sink properties that are no other key: such a property is a sink only where it is written (the walk checks
    /// assignments to it), so only a written mention counts. Read or used as a qualifier, the name is no sink: Anthropic's
    /// and Ollama's <c>System</c> property would otherwise make every <c>System.Text.Json</c> in the code base a sink mention.
    /// </summary>
    private readonly HashSet<string> _writtenOnly;

    /// <summary>
    /// For each written-only name, the types that declare it as a sink property: a write on a receiver whose type syntax
    /// states, and that may be none of them (see <see cref="MayBeOfAny"/>), is no sink (a code base's own request type
    /// with a <c>System</c> or <c>Prompt</c> property).
    /// </summary>
    private readonly Dictionary<string, List<INamedTypeSymbol>> _propertySinkTypes;

    /// <summary>Whether a direct key is a constructor (<c>new T</c>): then a target-typed <c>new(...)</c> may be a sink.</summary>
    private readonly bool _directNew;

    /// <summary>Every method and constructor declaration with a body, by key, with its type's name (null: any receiver).</summary>
    private readonly Dictionary<string, List<Declaration>> _byKey;

    /// <summary>Every constructor declaration with a body (what a target-typed <c>new(...)</c> may call).</summary>
    private readonly List<Declaration> _constructors;

    private readonly HashSet<SyntaxNode> _recorded;

    /// <summary>Names declared as using aliases anywhere in the compilation (a target type under such a name is not resolved).</summary>
    private readonly HashSet<string> _aliases;

    private readonly Receivers? _receivers;

    /// <summary>A distance that stands for "no sink reachable at any depth".</summary>
    public const int Unreachable = int.MaxValue;

    /// <summary>
    /// The demand-driven part: for the declarations asked about so far, the fewest calls from their body to a body that
    /// mentions a sink key (<see cref="Unreachable"/> when none is reachable), and the keys each scanned body mentions. A
    /// body is scanned the first time a question needs it, not when the index is built. No lock: every entry is a fact
    /// about the syntax (two threads that work one out at the same time write the same answer).
    /// </summary>
    private readonly ConcurrentDictionary<SyntaxNode, int> _distances = new();
    private readonly ConcurrentDictionary<SyntaxNode, List<Mention>> _mentions = new();
    private readonly ConcurrentDictionary<SyntaxNode, int> _scopes = new();

    private SinkIndex(HashSet<string> aliases)
        : this(null, new(StringComparer.Ordinal), new(StringComparer.Ordinal), null, new(StringComparer.Ordinal), new List<Declaration>(), aliases, null)
    {
    }

    /// <summary>
    /// Method-sink keys whose every sink is an instance or extension method: a call on a receiver whose declared type the
    /// syntax states is one only when that type may be (or derive from) a type such a sink is called on. Otherwise
    /// OllamaSharp's <c>Chat.SendAsync</c> makes every <c>HttpClient.SendAsync</c> of the code base a sink mention.
    /// </summary>
    private readonly Dictionary<string, List<INamedTypeSymbol>> _receiverChecked;

    private readonly Compilation? _compilation;

    /// <summary>Per sink receiver type: its name and the names of every referenced type that derives from or implements it.</summary>
    private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>> _derivedNames = new(SymbolEqualityComparer.Default);

    private SinkIndex(
        HashSet<string>? direct,
        Dictionary<string, List<INamedTypeSymbol>> propertySinkTypes,
        Dictionary<string, List<INamedTypeSymbol>> receiverChecked,
        Compilation? compilation,
        Dictionary<string, List<Declaration>> byKey,
        List<Declaration> constructors,
        HashSet<string> aliases,
        Receivers? receivers)
    {
        _direct = direct;
        _propertySinkTypes = propertySinkTypes;
        _receiverChecked = receiverChecked;
        _compilation = compilation;
        _writtenOnly = new HashSet<string>(propertySinkTypes.Keys, StringComparer.Ordinal);
        _byKey = byKey;
        _constructors = constructors;
        _aliases = aliases;
        _receivers = receivers;
        _recorded = new HashSet<SyntaxNode>();
        foreach (var list in byKey.Values)
        {
            foreach (var declaration in list)
            {
                _recorded.Add(declaration.Node);
            }
        }

        if (direct is not null)
        {
            foreach (var key in direct)
            {
                if (key.StartsWith(NewPrefix, StringComparison.Ordinal))
                {
                    _directNew = true;
                    _createdNames.Add(key.Substring(NewPrefix.Length));
                }
            }
        }

        foreach (var key in byKey.Keys)
        {
            if (key.StartsWith(NewPrefix, StringComparison.Ordinal))
            {
                _createdNames.Add(key.Substring(NewPrefix.Length));
            }
        }
    }

    /// <summary>The type names <c>T</c> whose <c>new T</c> is a key (a sink or a declaration with a body).</summary>
    private readonly HashSet<string> _createdNames = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a plain name can matter to any question: a sink key, a written sink property or the key of a declaration
    /// with a body. Every other name of a body (locals, types, framework members) is dropped as it is met.
    /// </summary>
    private bool IsKeyName(string name) =>
        _direct!.Contains(name) || _byKey.ContainsKey(name) || _writtenOnly.Contains(name);

    public bool IsEnabled => _direct is not null;

    /// <summary>
    /// Whether code in <paramref name="node"/> (a body, an initializer, an accessor...) may reach a sink through at most
    /// <paramref name="maxCalls"/> calls (0: a sink key in the code itself). The walk follows calls only as deep as its
    /// interprocedural depth, so a sink further down a chain of calls is none for it.
    /// </summary>
    public bool MayReachSink(SyntaxNode node, int maxCalls) => CallsToSink(node) <= maxCalls;

    /// <summary>
    /// The fewest calls from code in <paramref name="node"/> to a sink key (see <see cref="MayReachSink(SyntaxNode, int)"/>);
    /// <see cref="Unreachable"/> when none is reachable, 0 when the index is off.
    /// </summary>
    public int CallsToSink(SyntaxNode node)
    {
        if (_direct is null)
        {
            return 0;
        }

        // An accessor, a field initializer, a parameter default: the whole enclosing member, whose type can type a slot.
        var scope = node;
        while (!_recorded.Contains(scope) && scope is not MemberDeclarationSyntax && scope.Parent is { } parent)
        {
            scope = parent;
        }

        if (_recorded.Contains(scope))
        {
            return Distance(scope);
        }

        // The answer is final (each mention's answer is), so it is kept for the scope's other blocks (accessors...).
        if (_scopes.TryGetValue(scope, out var known))
        {
            return known;
        }

        var distance = Unreachable;
        foreach (var mention in Keys(scope))
        {
            distance = Math.Min(distance, MentionDistance(mention));
            if (distance == 0)
            {
                break;
            }
        }

        _scopes[scope] = distance;
        return distance;
    }

    /// <summary>
    /// Whether a call of <paramref name="method"/> (a same-compilation callee) may reach a sink through at most
    /// <paramref name="maxCalls"/> calls from its own body (see <see cref="CallsToSink(IMethodSymbol, CancellationToken)"/>).
    /// </summary>
    public bool MayReachSink(IMethodSymbol method, int maxCalls, CancellationToken cancellationToken) =>
        CallsToSink(method, cancellationToken) <= maxCalls;

    /// <summary>
    /// The fewest calls from <paramref name="method"/>'s own declarations to a sink key (a member that only shares its name
    /// with one that reaches a sink does not count); a declaration the index did not record (an accessor, a primary
    /// constructor...) counts as the declarations of its key do, or 0 when its key is a sink key. 0 when the index is off.
    /// </summary>
    public int CallsToSink(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_direct is null)
        {
            return 0;
        }

        var unrecorded = false;
        var distance = Unreachable;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (_recorded.Contains(syntax))
            {
                distance = Math.Min(distance, Distance(syntax));
            }
            else
            {
                unrecorded = true;
            }
        }

        if (unrecorded || method.DeclaringSyntaxReferences.IsEmpty)
        {
            var namesake = new Mention(KeyOf(method));
            distance = Math.Min(distance, IsDirect(namesake) ? 0 : CalleeDistance(namesake));
        }

        return distance;
    }

    /// <summary>The fewest calls to a sink key from the nearest declaration of the mention's key that its receiver may call.</summary>
    private int CalleeDistance(Mention mention)
    {
        var distance = Unreachable;
        foreach (var declaration in Callees(mention))
        {
            distance = Math.Min(distance, Distance(declaration.Node));
            if (distance == 0)
            {
                break;
            }
        }

        return distance;
    }

    /// <summary>The fewest calls to a sink key from code that holds a mention: 0 for a direct key, else one more than its nearest callee's.</summary>
    private int MentionDistance(Mention mention)
    {
        if (IsDirect(mention))
        {
            return 0;
        }

        var distance = CalleeDistance(mention);
        return distance == Unreachable ? Unreachable : distance + 1;
    }

    /// <summary>A sink key itself (a target-typed <c>new(...)</c> is one when any sink is a constructor it may call).</summary>
    private bool IsDirect(Mention mention)
    {
        if (mention.Key != ImplicitNew)
        {
            if (_direct!.Contains(mention.Key))
            {
                return !_receiverChecked.TryGetValue(mention.Key, out var receiverTypes) || MayCallOn(mention, receiverTypes);
            }

            return mention.Written && _writtenOnly.Contains(mention.Key) && MayWriteSinkType(mention);
        }

        if (!_directNew)
        {
            return false;
        }

        if (CreatedTypes(mention) is not { } created)
        {
            return true;
        }

        foreach (var type in created)
        {
            if (_direct!.Contains(NewPrefix + type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a member mention (<c>x.M</c>) may call a method sink declared for one of <paramref name="sinkReceivers"/>:
    /// unless the receiver's declared types are known and none of them is, or derives in source from, such a type or a
    /// referenced type deriving from it.
    /// </summary>
    private bool MayCallOn(Mention mention, List<INamedTypeSymbol> sinkReceivers)
    {
        if (_receivers is null || mention.Member is not { } member || _receivers.ReceiverTypes(member) is not { } declared)
        {
            return true;
        }

        return MayBeOfAny(declared, sinkReceivers);
    }

    /// <summary>Whether an object declared as one of <paramref name="declared"/> (null: unknown) may be one of <paramref name="types"/>.</summary>
    private bool MayBeOfAny(string[]? declared, List<INamedTypeSymbol> types)
    {
        foreach (var type in types)
        {
            if (_receivers!.MayBeOfType(declared, DerivedNames(type)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The receiver type a method sink is called on: the extended type of an extension method, the containing type of an
    /// instance method; null when any receiver may call it (a static method, an extension of <c>object</c> or of a type
    /// parameter).
    /// </summary>
    private static INamedTypeSymbol? ReceiverTypeOf(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        if (method.IsExtensionMethod)
        {
            return method.Parameters.Length > 0 && method.Parameters[0].Type is INamedTypeSymbol { SpecialType: not SpecialType.System_Object } extended
                ? extended.OriginalDefinition
                : null;
        }

        return method.IsStatic ? null : method.ContainingType?.OriginalDefinition;
    }

    /// <summary>
    /// The simple names a receiver of <paramref name="type"/> may be declared with outside source: the type itself and
    /// every type of a referenced assembly that derives from or implements it (only assemblies that can see the type's
    /// assembly, directly or through others, are searched; source types are followed by their declared bases).
    /// </summary>
    private HashSet<string> DerivedNames(INamedTypeSymbol type) => _derivedNames.GetOrAdd(type, FindDerivedNames);

    private HashSet<string> FindDerivedNames(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { type.Name };
        if (_compilation is null || type.ContainingAssembly is not { } home)
        {
            return names;
        }

        // The referenced assemblies that can see the type's assembly: a fixed point over their references (by name).
        var assemblies = new List<IAssemblySymbol>();
        foreach (var reference in _compilation.References)
        {
            if (_compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
            {
                assemblies.Add(assembly);
            }
        }

        var seeing = new HashSet<string>(StringComparer.Ordinal) { home.Identity.Name };
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var assembly in assemblies)
            {
                if (seeing.Contains(assembly.Identity.Name))
                {
                    continue;
                }

                foreach (var module in assembly.Modules)
                {
                    foreach (var referenced in module.ReferencedAssemblySymbols)
                    {
                        if (seeing.Contains(referenced.Identity.Name))
                        {
                            seeing.Add(assembly.Identity.Name);
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }

        var stack = new Stack<INamespaceOrTypeSymbol>();
        foreach (var assembly in assemblies)
        {
            if (seeing.Contains(assembly.Identity.Name))
            {
                stack.Push(assembly.GlobalNamespace);
            }
        }

        while (stack.Count > 0)
        {
            var container = stack.Pop();
            if (container is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    stack.Push(member);
                }

                continue;
            }

            var candidate = (INamedTypeSymbol)container;
            foreach (var nested in candidate.GetTypeMembers())
            {
                stack.Push(nested);
            }

            if (!names.Contains(candidate.Name) && DerivesFrom(candidate, type))
            {
                names.Add(candidate.Name);
            }
        }

        return names;
    }

    private static bool DerivesFrom(INamedTypeSymbol candidate, INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in candidate.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, type))
                {
                    return true;
                }
            }

            return false;
        }

        for (var current = candidate.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a written sink-property name may write a sink: unless the receiver's declared types are known and none of
    /// them is a type that declares that sink property, a referenced type deriving from one, or a source type deriving
    /// from one of those.
    /// </summary>
    private bool MayWriteSinkType(Mention mention)
    {
        if (_receivers is null || mention.Site is not { } site || !_propertySinkTypes.TryGetValue(mention.Key, out var sinkTypes))
        {
            return true;
        }

        return MayBeOfAny(WrittenReceiverTypes(site), sinkTypes);
    }

    /// <summary>
    /// The declared types of the object a written name belongs to: the receiver of <c>x.P</c> / <c>this.P</c>, the
    /// created type of an object initializer's <c>P = v</c>, the enclosing type of a bare <c>P = v</c>; null when unknown.
    /// </summary>
    private string[]? WrittenReceiverTypes(SimpleNameSyntax name)
    {
        if (Receivers.IsResolvableMember(name))
        {
            return _receivers!.ReceiverTypes(name);
        }

        if (name.Parent is not AssignmentExpressionSyntax assignment || assignment.Left != name)
        {
            return null;
        }

        if (assignment.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression } initializer)
        {
            switch (initializer.Parent)
            {
                case ObjectCreationExpressionSyntax creation:
                    return _receivers!.StatedType(creation.Type) is { } stated ? new[] { stated } : null;
                case ImplicitObjectCreationExpressionSyntax implicitNew:
                    if (TargetTypeName(implicitNew, _aliases) is { } target)
                    {
                        return _receivers!.StatedType(SyntaxFactory.IdentifierName(target)) is { } known ? new[] { known } : null;
                    }

                    return AssignedName(implicitNew) is { } assigned ? _receivers!.DeclaredTypes(assigned) : null;
                default:
                    return null;
            }
        }

        return assignment.Parent is InitializerExpressionSyntax ? null : _receivers!.EnclosingType(name);
    }

    /// <summary>
    /// The types a target-typed <c>new(...)</c> assigned to a variable, field or property (<c>x = new(...)</c>) creates:
    /// the declared types of that name in scope; <see langword="null"/> when unknown (then it may create any type).
    /// </summary>
    private string[]? CreatedTypes(Mention mention) =>
        mention.Key == ImplicitNew && mention.Member is { } assigned && _receivers is not null ? _receivers.DeclaredTypes(assigned) : null;

    /// <summary>The recorded declarations a mention may call (receiver-aware for member mentions of typed declarations).</summary>
    private IEnumerable<Declaration> Callees(Mention mention)
    {
        if (mention.Key == ImplicitNew)
        {
            if (CreatedTypes(mention) is { } created)
            {
                foreach (var type in created)
                {
                    if (_byKey.TryGetValue(NewPrefix + type, out var typed))
                    {
                        foreach (var constructor in typed)
                        {
                            yield return constructor;
                        }
                    }
                }

                yield break;
            }

            foreach (var constructor in _constructors)
            {
                yield return constructor;
            }

            yield break;
        }

        if (!_byKey.TryGetValue(mention.Key, out var declarations))
        {
            yield break;
        }

        foreach (var declaration in declarations)
        {
            // A declaration known not to reach a sink is no callee worth the receiver check (every caller skips it).
            if (_distances.TryGetValue(declaration.Node, out var distance) && distance == Unreachable)
            {
                continue;
            }

            if (mention.Member is null || declaration.Type is null || _receivers is null || _receivers.Matches(mention.Member, declaration.Type))
            {
                yield return declaration;
            }
        }
    }

    /// <summary>
    /// The fewest calls from a recorded declaration's body to a body that mentions a direct key (0: its own body does),
    /// calls followed by key, receiver-aware; <see cref="Unreachable"/> when no body it may call, at any depth, does. A
    /// breadth-first search, level by level, over the bodies it may call, scanning each body once and taking the known
    /// distance of bodies asked about before; it stops at the first level that cannot beat the nearest sink found. When
    /// no sink is found every body searched is known not to reach one; when one is found the bodies on the shortest path
    /// to it get their own distance (a shorter one for any of them would make the root's shorter too).
    /// </summary>
    private int Distance(SyntaxNode root)
    {
        if (_distances.TryGetValue(root, out var known))
        {
            return known;
        }

        var parents = new Dictionary<SyntaxNode, SyntaxNode?> { [root] = null };
        var level = new List<SyntaxNode> { root };
        var best = Unreachable;
        SyntaxNode? nearest = null;
        var nearestDistance = 0;
        for (var depth = 0; level.Count > 0 && depth < best; depth++)
        {
            var next = new List<SyntaxNode>();
            foreach (var body in level)
            {
                foreach (var mention in MentionsOf(body))
                {
                    if (IsDirect(mention))
                    {
                        // Nothing at this level or below beats it.
                        best = depth;
                        nearest = body;
                        nearestDistance = 0;
                        break;
                    }

                    foreach (var callee in Callees(mention))
                    {
                        if (_distances.TryGetValue(callee.Node, out var calleeDistance))
                        {
                            if (calleeDistance != Unreachable && depth + 1 + calleeDistance < best)
                            {
                                best = depth + 1 + calleeDistance;
                                nearest = body;
                                nearestDistance = 1 + calleeDistance;
                            }

                            continue;
                        }

                        if (!parents.ContainsKey(callee.Node))
                        {
                            parents[callee.Node] = body;
                            next.Add(callee.Node);
                        }
                    }
                }

                if (best == depth)
                {
                    break;
                }
            }

            level = next;
        }

        if (nearest is null)
        {
            // Nothing reachable from the root reaches a sink, so nothing reachable from any body searched does either.
            foreach (var searched in parents.Keys)
            {
                _distances[searched] = Unreachable;
            }

            return Unreachable;
        }

        for (SyntaxNode? current = nearest; current is not null; current = parents[current])
        {
            _distances[current] = nearestDistance++;
        }

        return best;
    }

    /// <summary>
    /// The keys a declaration mentions, scanned once: one unqualified mention per key, and one member mention per key and
    /// receiver name (every declaration of a name in the member is resolved together, so one node stands for all of them).
    /// The whole declaration counts: its signature can type a conversion slot (a ChatMessage return or parameter).
    /// </summary>
    private List<Mention> MentionsOf(SyntaxNode declaration)
    {
        // Syntax only and deterministic: a body two threads scan at once gets the same list either way.
        if (_mentions.TryGetValue(declaration, out var mentions))
        {
            return mentions;
        }

        // Only names that can mean something to a question are kept: a sink key, a written sink property, a target-typed
        // new, or the key of a declaration with a body in this compilation. Every other identifier of the body (locals,
        // types, framework members) is dropped here, once, instead of being looked up again by every search through it.
        mentions = new List<Mention>();
        HashSet<(string Key, string? Receiver)>? seen = null;
        foreach (var mentioned in Keys(declaration))
        {
            var key = mentioned.Key;
            if (mentioned.Written && _writtenOnly.Contains(key))
            {
                // Each write of a sink property's name has a receiver of its own (few of them: kept as they are).
                mentions.Add(mentioned);
                continue;
            }

            if (key != ImplicitNew && !_direct!.Contains(key) && !_byKey.ContainsKey(key))
            {
                continue;
            }

            var member = mentioned.Member;
            var receiver = member is null ? null : key == ImplicitNew ? member.Identifier.ValueText : ReceiverName(member);
            if ((seen ??= new HashSet<(string Key, string? Receiver)>()).Add((key, receiver)))
            {
                mentions.Add(mentioned);
            }
        }

        return _mentions.GetOrAdd(declaration, mentions);
    }

    /// <summary>A method or constructor declaration with a body; <see cref="Type"/> is its type's name when a receiver's type can rule it out.</summary>
    private readonly struct Declaration
    {
        public Declaration(SyntaxNode node, string? type)
        {
            Node = node;
            Type = type;
        }

        public SyntaxNode Node { get; }

        public string? Type { get; }
    }

    private static string KeyOf(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        return method.MethodKind == MethodKind.Constructor ? NewPrefix + method.ContainingType.Name : method.Name;
    }

    public static SinkIndex Build(LlmApiTable table, CancellationToken cancellationToken)
    {
        var direct = new HashSet<string>(StringComparer.Ordinal);
        var conversionTargets = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        // Method sinks by key, with the types a receiver must be of to call one (null: any receiver, as for a static
        // method or an extension of object); they join the direct keys once every other key is known.
        var receiverSinks = new Dictionary<string, List<INamedTypeSymbol>?>(StringComparer.Ordinal);
        foreach (var method in table.MethodSinkSymbols)
        {
            if (method.MethodKind is MethodKind.Conversion or MethodKind.UserDefinedOperator)
            {
                conversionTargets.Add(method.ReturnType.OriginalDefinition);
                continue;
            }

            var key = KeyOf(method);
            var receiverType = ReceiverTypeOf(method);
            if (!receiverSinks.TryGetValue(key, out var types))
            {
                receiverSinks[key] = receiverType is null ? null : new List<INamedTypeSymbol> { receiverType };
            }
            else if (types is not null && receiverType is not null)
            {
                types.Add(receiverType);
            }
            else
            {
                receiverSinks[key] = null;
            }
        }

        // An implicit conversion sink (string → OpenAI ChatMessage) has no name at the conversion: it happens where a
        // string meets a slot of the target type. Such a slot is typed by something that names the type: the body
        // itself, the enclosing declaration's signature, a member declared with it (in source or in a referenced
        // assembly that can see the type), or an alias, delegate or derived type of it. Those names become sink keys.
        var conversionNames = new HashSet<string>(StringComparer.Ordinal);
        if (conversionTargets.Count > 0)
        {
            var mentions = new TypeMentions(conversionTargets);
            foreach (var target in conversionTargets)
            {
                conversionNames.Add(target.Name);
            }

            AddMetadataMembers(table.Compilation, mentions, conversionNames, direct, SourceIdentifiers(table.Compilation, cancellationToken), cancellationToken);
        }

        // Source aliases, delegates, derived types and members that name a conversion type are collected by the one walk
        // below and decided after it (the type names first, closed, then the members declared with them).
        var typeNameCandidates = conversionNames.Count > 0 ? new List<(string Name, SyntaxNode Declaration)>() : null;
        var memberCandidates = conversionNames.Count > 0 ? new List<SyntaxNode>() : null;

        var propertySinkTypes = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
        foreach (var property in table.PropertySinkSymbols)
        {
            if (!propertySinkTypes.TryGetValue(property.Name, out var types))
            {
                propertySinkTypes[property.Name] = types = new List<INamedTypeSymbol>();
            }

            types.Add(property.ContainingType.OriginalDefinition);
        }

        var promptSink = table.PromptSinkAttribute;
        if (promptSink is not null && UsedInReferences(table.Compilation, promptSink))
        {
            return new SinkIndex(new HashSet<string>(StringComparer.Ordinal));
        }

        var aliases = AliasNames(table.Compilation, cancellationToken);

        // Every method and constructor body of the compilation, with the keys it mentions. A method of a named type (not an
        // extension method) is recorded with its type's name: a call on a receiver whose declared type the syntax states
        // reaches it only when that type is the method's type or derives from it (`list.Add` is not SK's `ChatHistory.Add`).
        var byKey = new Dictionary<string, List<Declaration>>(StringComparer.Ordinal);
        var constructors = new List<Declaration>();
        var receivers = new Receivers(aliases, table.Compilation);
        foreach (var tree in table.Compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)))
            {
                string key;
                SyntaxNode? body;
                SyntaxNode? expressionBody;
                SyntaxNode? initializer = null;
                if (typeNameCandidates is not null)
                {
                    AddConversionCandidates(node, typeNameCandidates, memberCandidates!);
                }

                receivers.Add(node);
                string? declaringType = null;
                switch (node)
                {
                    case MethodDeclarationSyntax method:
                        key = method.Identifier.ValueText;
                        declaringType = IsExtension(method) ? null : Receivers.TypeNameOf(method.Parent);
                        body = method.Body;
                        expressionBody = method.ExpressionBody;
                        break;
                    case ConstructorDeclarationSyntax constructor:
                        key = NewPrefix + constructor.Identifier.ValueText;
                        body = constructor.Body;
                        expressionBody = constructor.ExpressionBody;
                        initializer = constructor.Initializer;
                        break;
                    case UsingDirectiveSyntax { Alias: not null, Name: { } aliased } when promptSink is not null && IsPromptSinkName(aliased):
                        // `using Sink = StructuredLlm.PromptSinkAttribute;`: attributes under another name are not tracked.
                        return new SinkIndex(aliases);
                    case TypeDeclarationSyntax { ParameterList: { } primary } primaryType:
                        {
                            // A primary constructor: [PromptSink] on one of its parameters makes `new T(...)` a sink.
                            var primaryKey = NewPrefix + primaryType.Identifier.ValueText;
                            if (promptSink is not null && HasPromptSink(primary))
                            {
                                direct.Add(primaryKey);
                            }

                            // Its parameters are used by the member initializers and the primary base: the whole
                            // declaration stands for its body (more than it runs, never less).
                            if (!byKey.TryGetValue(primaryKey, out var primaryList))
                            {
                                byKey[primaryKey] = primaryList = new List<Declaration>();
                            }

                            primaryList.Add(new Declaration(node, null));
                            constructors.Add(new Declaration(node, null));
                            continue;
                        }
                    case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax, Type: var fieldType } } field
                        when field.Initializer?.Value is AnonymousFunctionExpressionSyntax || IsFuncOrAction(fieldType):
                        // A delegate field: a call of it (`_ask(q)`, `_ask.Invoke(q)`) runs the lambda or method it was
                        // initialized with, or, assigned elsewhere, any member of its type may have given it its body.
                        // (only a readonly field initialized with a lambda is known to hold just that one, constructors aside).
                        AddDelegateMember(byKey, field.Identifier.ValueText, field.Initializer?.Value is AnonymousFunctionExpressionSyntax
                            && field.Parent?.Parent is FieldDeclarationSyntax { Modifiers: var fieldModifiers } && fieldModifiers.Any(SyntaxKind.ReadOnlyKeyword)
                            && !HasConstructor(field.FirstAncestorOrSelf<TypeDeclarationSyntax>())
                                ? field
                                : field.FirstAncestorOrSelf<TypeDeclarationSyntax>());
                        continue;
                    case VariableDeclaratorSyntax { Parent.Parent: EventFieldDeclarationSyntax } handlers:
                        // A field-like event: raising it runs the handlers any member of its type subscribed.
                        AddDelegateMember(byKey, handlers.Identifier.ValueText, handlers.FirstAncestorOrSelf<TypeDeclarationSyntax>());
                        continue;
                    case PropertyDeclarationSyntax delegateProperty
                        when delegateProperty.Initializer?.Value is AnonymousFunctionExpressionSyntax || IsFuncOrAction(delegateProperty.Type):
                        AddDelegateMember(byKey, delegateProperty.Identifier.ValueText, delegateProperty.Initializer?.Value is AnonymousFunctionExpressionSyntax
                            && delegateProperty.AccessorList is { Accessors: [{ Keyword.ValueText: "get", Body: null, ExpressionBody: null }] }
                            && !HasConstructor(delegateProperty.FirstAncestorOrSelf<TypeDeclarationSyntax>())
                                ? delegateProperty
                                : delegateProperty.FirstAncestorOrSelf<TypeDeclarationSyntax>());
                        continue;
                    default:
                        continue;
                }

                var declaration = (BaseMethodDeclarationSyntax)node;
                if (promptSink is not null && (HasPromptSink(declaration.AttributeLists) || HasPromptSink(declaration.ParameterList)))
                {
                    direct.Add(key);
                }

                if (body is null && expressionBody is null && initializer is null)
                {
                    continue;
                }

                // Its body is scanned for keys only when a question needs it (see Reaches).
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = new List<Declaration>();
                }

                list.Add(new Declaration(node, declaringType));
                if (node is ConstructorDeclarationSyntax)
                {
                    constructors.Add(new Declaration(node, null));
                }
            }
        }

        if (typeNameCandidates is not null)
        {
            AddSourceTypeNames(typeNameCandidates, conversionNames);
            direct.UnionWith(conversionNames);
            foreach (var member in memberCandidates!)
            {
                AddSourceMembers(member, conversionNames, direct);
            }
        }

        // A method sink's name that is also another kind of key ([PromptSink] in source, a conversion slot) counts
        // whatever its receiver.
        var receiverChecked = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
        foreach (var pair in receiverSinks)
        {
            if (pair.Value is not null && !direct.Contains(pair.Key))
            {
                receiverChecked[pair.Key] = pair.Value;
            }

            direct.Add(pair.Key);
        }

        // A name that is also another kind of key (a method, a conversion slot) counts wherever it is mentioned.
        foreach (var key in direct)
        {
            propertySinkTypes.Remove(key);
        }

        return new SinkIndex(direct, propertySinkTypes, receiverChecked, table.Compilation, byKey, constructors, aliases, receivers);
    }

    /// <summary>A <c>Func&lt;...&gt;</c> or <c>Action</c>/<c>Action&lt;...&gt;</c> type, nullable or qualified too.</summary>
    private static bool IsFuncOrAction(TypeSyntax type) =>
        (type is NullableTypeSyntax nullable ? RightmostName(nullable.ElementType) : RightmostName(type)) is "Func" or "Action";

    /// <summary>Whether a constructor may assign the type's members: one is declared, or another partial part may declare one.</summary>
    private static bool HasConstructor(TypeDeclarationSyntax? type)
    {
        if (type is null || type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return true;
        }

        foreach (var member in type.Members)
        {
            if (member is ConstructorDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records a delegate member under its name, with the node whose mentions stand for the bodies it may run.</summary>
    private static void AddDelegateMember(Dictionary<string, List<Declaration>> byKey, string name, SyntaxNode? body)
    {
        if (body is null)
        {
            return;
        }

        if (!byKey.TryGetValue(name, out var list))
        {
            byKey[name] = list = new List<Declaration>();
        }

        // Receiver-aware like a method of the type: `other.Log(x)` on a receiver of another type is not this member.
        list.Add(new Declaration(body, Receivers.TypeNameOf(body as TypeDeclarationSyntax ?? body.FirstAncestorOrSelf<TypeDeclarationSyntax>())));
    }

    private static bool IsExtension(MethodDeclarationSyntax method)
    {
        if (method.ParameterList.Parameters.Count == 0)
        {
            return false;
        }

        foreach (var modifier in method.ParameterList.Parameters[0].Modifiers)
        {
            if (modifier.ValueText == "this")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name a member mention's receiver is resolved by: <c>x</c> for <c>x.M</c>, <c>this.x.M</c> and <c>x?.M</c>; <c>this</c> for <c>this.M</c> and <c>base.M</c>.</summary>
    private static string ReceiverName(SimpleNameSyntax member) => Receivers.ReceiverOf(member) switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax field } => field.Identifier.ValueText,
        _ => "this",
    };

    /// <summary>Using-alias names of the compilation (compilation units and namespaces only: aliases cannot be declared elsewhere).</summary>
    private static HashSet<string> AliasNames(Compilation compilation, CancellationToken cancellationToken)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is UsingDirectiveSyntax { Alias: { } alias })
                {
                    aliases.Add(alias.Name.Identifier.ValueText);
                }
            }
        }

        return aliases;
    }

    /// <summary>
    /// The name of the type a target-typed <c>new(...)</c> creates, where the syntax says it: the declared type of the
    /// variable, field or property it initializes, or the declared return type of the (non-async) method, local function
    /// or property it is returned from; through parentheses and <c>!</c>. Otherwise (an argument,
    /// an assignment, a lambda, an alias or a predefined type) <see langword="null"/>: it may create any type.
    /// </summary>
    private static string? TargetTypeName(ImplicitObjectCreationExpressionSyntax creation, HashSet<string> aliases)
    {
        SyntaxNode node = creation;
        // Not through a conditional: `flag ? new(...) : derived` has the natural type of the other branch.
        while (node.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression })
        {
            node = node.Parent;
        }

        TypeSyntax? type = node.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
            ReturnStatementSyntax or ArrowExpressionClauseSyntax => ReturnType(node.Parent),
            _ => null,
        };
        while (type is NullableTypeSyntax nullable)
        {
            type = nullable.ElementType;
        }

        if (type is null || type is IdentifierNameSyntax { IsVar: true } || RightmostName(type) is not { } name || aliases.Contains(name))
        {
            return null;
        }

        return name;
    }

    /// <summary>The declared type a <c>return</c> statement or an <c>=&gt;</c> body returns, when syntax says it.</summary>
    private static TypeSyntax? ReturnType(SyntaxNode returning)
    {
        if (returning is ArrowExpressionClauseSyntax arrow)
        {
            return arrow.Parent switch
            {
                MethodDeclarationSyntax method => Returned(method.Modifiers, method.ReturnType),
                LocalFunctionStatementSyntax local => Returned(local.Modifiers, local.ReturnType),
                PropertyDeclarationSyntax property => property.Type,
                AccessorDeclarationSyntax { Keyword.ValueText: "get", Parent.Parent: PropertyDeclarationSyntax property } => property.Type,
                _ => null,
            };
        }

        for (var current = returning.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case MethodDeclarationSyntax method:
                    return Returned(method.Modifiers, method.ReturnType);
                case LocalFunctionStatementSyntax local:
                    return Returned(local.Modifiers, local.ReturnType);
                case AccessorDeclarationSyntax { Keyword.ValueText: "get", Parent.Parent: PropertyDeclarationSyntax property }:
                    return property.Type;
                case AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax or AccessorDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The type a <c>return</c> gives: the declared return type, or for an async method the <c>T</c> of its <c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c>.</summary>
    private static TypeSyntax? Returned(SyntaxTokenList modifiers, TypeSyntax returnType)
    {
        if (!IsAsync(modifiers))
        {
            return returnType;
        }

        var generic = returnType switch
        {
            GenericNameSyntax name => name,
            QualifiedNameSyntax { Right: GenericNameSyntax name } => name,
            _ => null,
        };
        return generic is { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 } ? generic.TypeArgumentList.Arguments[0] : null;
    }

    private static bool IsAsync(SyntaxTokenList modifiers)
    {
        foreach (var modifier in modifiers)
        {
            if (modifier.ValueText == "async")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A key mentioned in code; <see cref="Member"/> is the name when it is a member of a receiver that may say its type.</summary>
    private readonly struct Mention
    {
        public Mention(string key, SimpleNameSyntax? member = null, bool written = false, SimpleNameSyntax? site = null)
        {
            Key = key;
            Member = member;
            Written = written;
            Site = site;
        }

        /// <summary>The written name itself, for a written mention: its receiver decides whether it can be a sink property.</summary>
        public SimpleNameSyntax? Site { get; }

        public string Key { get; }

        public SimpleNameSyntax? Member { get; }

        /// <summary>Whether the name is assigned here (<c>x.P = v</c>, <c>P += v</c>, <c>{ P = v }</c>, <c>(x.P, y) = t</c>).</summary>
        public bool Written { get; }
    }

    /// <summary>The keys that code in <paramref name="node"/> may call or write: names, <c>new T</c>, <c>new()</c>.</summary>
    /// <remarks>
    /// Only names that are keys are yielded (<see cref="IsKeyName"/>, or <c>new T</c> for a key's <c>T</c>): the others could
    /// answer no question, and are most of a body's names.
    /// </remarks>
    private IEnumerable<Mention> Keys(SyntaxNode node)
    {
        var aliases = _aliases;
        foreach (var n in node.DescendantNodesAndSelf())
        {
            switch (n)
            {
                case SimpleNameSyntax name:
                    if (IsCreatedType(name))
                    {
                        if (_createdNames.Contains(name.Identifier.ValueText))
                        {
                            yield return new Mention(NewPrefix + name.Identifier.ValueText);
                        }
                    }
                    else if (IsKeyName(name.Identifier.ValueText))
                    {
                        var written = IsAssigned(name);
                        yield return new Mention(name.Identifier.ValueText, Receivers.IsResolvableMember(name) ? name : null, written, written ? name : null);
                    }

                    break;
                case ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } implicitNew
                    when implicitNew.Initializer is not null || !AllConstant(implicitNew.ArgumentList):
                    // Without arguments, or with only constants, it passes no text to a constructor (an initializer's
                    // property sinks are names; a collection initializer's elements are mentions of their own).
                    yield return TargetTypeName(implicitNew, aliases) is { } created
                        ? new Mention(NewPrefix + created)
                        : new Mention(ImplicitNew, AssignedName(implicitNew));
                    break;
                case ConstructorInitializerSyntax initializer when initializer.Parent?.Parent is TypeDeclarationSyntax type:
                    // `: this(...)` calls a constructor of the type itself, `: base(...)` one of the base class.
                    if (initializer.ThisOrBaseKeyword.ValueText == "this")
                    {
                        yield return new Mention(NewPrefix + type.Identifier.ValueText);
                    }
                    else if (type.BaseList is { Types.Count: > 0 } bases && RightmostName(bases.Types[0].Type) is { } baseName)
                    {
                        yield return new Mention(NewPrefix + baseName);
                    }

                    break;
                case PrimaryConstructorBaseTypeSyntax primaryBase when RightmostName(primaryBase.Type) is { } primaryBaseName:
                    yield return new Mention(NewPrefix + primaryBaseName);
                    break;
            }
        }
    }

    /// <summary>The name a target-typed <c>new(...)</c> is assigned to (<c>x = new(...)</c>, <c>this.x = new(...)</c>), if that is all it is.</summary>
    private static SimpleNameSyntax? AssignedName(ImplicitObjectCreationExpressionSyntax creation)
    {
        SyntaxNode node = creation;
        while (node.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            node = node.Parent;
        }

        // Not in an object or `with` initializer: there the name is a member of the created object, not one in scope.
        return node.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: not InitializerExpressionSyntax } assignment && assignment.Right == node
            ? assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax field } => field,
                _ => null,
            }
            : null;
    }

    /// <summary>Whether a name is the target of an assignment, directly, as a member (<c>x.P</c>, <c>x?.P</c>) or inside a deconstructed tuple.</summary>
    private static bool IsAssigned(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == name)
        {
            node = access;
        }
        else if (node.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
        {
            node = binding;
        }

        while (node.Parent is ParenthesizedExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax } or TupleExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            ForEachVariableStatementSyntax forEach => forEach.Variable == node,
            _ => false,
        };
    }

    /// <summary>Whether every argument is written as a constant (a literal, <c>default</c>, <c>string.Empty</c>...): no text of a caller can pass.</summary>
    private static bool AllConstant(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) || !IsConstant(argument.Expression))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsConstant(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax or DefaultExpressionSyntax or TypeOfExpressionSyntax or SizeOfExpressionSyntax => true,
        ParenthesizedExpressionSyntax parenthesized => IsConstant(parenthesized.Expression),
        CastExpressionSyntax cast => IsConstant(cast.Expression),
        PrefixUnaryExpressionSyntax unary => IsConstant(unary.Operand),
        BinaryExpressionSyntax binary => IsConstant(binary.Left) && IsConstant(binary.Right),
        InterpolatedStringExpressionSyntax interpolated => AllText(interpolated),
        MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax predefined, Name.Identifier.ValueText: "Empty" } => predefined.Keyword.IsKind(SyntaxKind.StringKeyword),
        _ => false,
    };

    private static bool AllText(InterpolatedStringExpressionSyntax interpolated)
    {
        foreach (var content in interpolated.Contents)
        {
            if (content is not InterpolatedStringTextSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCreatedType(SimpleNameSyntax name)
    {
        SyntaxNode type = name;
        if (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name)
        {
            type = qualified;
        }
        else if (name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name)
        {
            type = alias;
        }

        return type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type;
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool HasPromptSink(BaseParameterListSyntax parameters)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (HasPromptSink(parameter.AttributeLists))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPromptSink(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (IsPromptSinkName(attribute.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPromptSinkName(NameSyntax name) => RightmostName(name) is "PromptSink" or "PromptSinkAttribute";

    /// <summary>Whether an assembly referenced by the compilation (other than the attribute's own) refers to the attribute's assembly.</summary>
    private static bool UsedInReferences(Compilation compilation, INamedTypeSymbol attribute)
    {
        var home = attribute.ContainingAssembly;
        if (home is null || SymbolEqualityComparer.Default.Equals(home, compilation.Assembly))
        {
            return false;
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                || SymbolEqualityComparer.Default.Equals(assembly, home))
            {
                continue;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (string.Equals(identity.Name, home.Name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Whether a type is, contains (type arguments, array elements, delegate signatures) or derives from a target.</summary>
    private sealed class TypeMentions
    {
        private readonly HashSet<ITypeSymbol> _targets;
        private readonly Dictionary<ITypeSymbol, bool> _cache = new(SymbolEqualityComparer.Default);

        public TypeMentions(HashSet<ITypeSymbol> targets) => _targets = targets;

        public IEnumerable<ITypeSymbol> Targets => _targets;

        public bool Mentions(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (_cache.TryGetValue(type, out var known))
            {
                return known;
            }

            _cache[type] = false; // recursion guard (a type that mentions itself)
            var result = Compute(type);
            _cache[type] = result;
            return result;
        }

        private bool Compute(ITypeSymbol type)
        {
            if (_targets.Contains(type.OriginalDefinition))
            {
                return true;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    return Mentions(array.ElementType);
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                    {
                        if (Mentions(argument))
                        {
                            return true;
                        }
                    }

                    if (named.DelegateInvokeMethod is { } invoke && Mentions(invoke))
                    {
                        return true;
                    }

                    if (Mentions(named.BaseType))
                    {
                        return true;
                    }

                    foreach (var iface in named.Interfaces)
                    {
                        if (Mentions(iface))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        public bool Mentions(IMethodSymbol method)
        {
            if (Mentions(method.ReturnType))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (Mentions(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Every identifier-like word of the compilation's source text, comments and strings included (a superset of the
    /// names any code can mention; <c>\uXXXX</c> escapes are decoded). Read from the text, so no syntax node is created.
    /// </summary>
    private static HashSet<string> SourceIdentifiers(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var word = new System.Text.StringBuilder();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ' ';
                if (c == '\\' && i + 1 < text.Length && text[i + 1] is 'u' or 'U')
                {
                    // \uXXXX or \UXXXXXXXX: part of the word when it stands for an identifier character.
                    var digits = text[i + 1] == 'u' ? 4 : 8;
                    if (i + 2 + digits <= text.Length && AppendEscape(text.Substring(i + 2, digits), word))
                    {
                        i += 1 + digits;
                        continue;
                    }
                }

                if (c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.ConnectorPunctuation
                    or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                    or System.Globalization.UnicodeCategory.Format)
                {
                    word.Append(c);
                }
                else if (word.Length > 0)
                {
                    names.Add(word.ToString());
                    word.Clear();
                }
            }
        }

        return names;
    }

    /// <summary>Appends the character of an escape when it can be part of an identifier; otherwise the word ends.</summary>
    private static bool AppendEscape(string hex, System.Text.StringBuilder word)
    {
        if (int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code)
            && code is >= 0 and <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
        {
            var decoded = char.ConvertFromUtf32(code);
            if (char.IsLetterOrDigit(decoded, 0) || decoded[0] == '_')
            {
                word.Append(decoded);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Members of the target's assembly and of referenced assemblies that refer to it, whose signature mentions a target:
    /// their names become keys, and types that derive from or contain a target become conversion names.
    /// </summary>
    private static void AddMetadataMembers(Compilation compilation, TypeMentions mentions, HashSet<string> conversionNames, HashSet<string> keys, HashSet<string> sourceNames, CancellationToken cancellationToken)
    {
        var homes = new HashSet<string>(StringComparer.Ordinal);
        var assemblies = new List<IAssemblySymbol>();
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
            {
                assemblies.Add(assembly);
            }
        }

        foreach (var target in mentions.Targets)
        {
            if (target.ContainingAssembly is { } home)
            {
                homes.Add(home.Name);
            }
        }

        foreach (var assembly in assemblies)
        {
            if (!homes.Contains(assembly.Name) && !ReferencesAny(assembly, homes))
            {
                continue;
            }

            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(assembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var container = stack.Pop();
                foreach (var member in container.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol nested)
                    {
                        if (nested is INamedTypeSymbol type)
                        {
                            if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                            {
                                continue;
                            }

                            if (sourceNames.Contains(type.Name) && mentions.Mentions(type))
                            {
                                conversionNames.Add(type.Name);
                            }
                        }

                        stack.Push(nested);
                        continue;
                    }

                    if (member.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                    {
                        continue;
                    }

                    // A name the source never writes cannot be mentioned by any body: its signature is not decoded.
                    if (!sourceNames.Contains(member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? member.ContainingType.Name : member.Name))
                    {
                        continue;
                    }

                    var mentioned = member switch
                    {
                        IMethodSymbol method => mentions.Mentions(method),
                        IPropertySymbol property => mentions.Mentions(property.Type) || HasMentioningParameter(property.Parameters, mentions),
                        IFieldSymbol field => mentions.Mentions(field.Type),
                        IEventSymbol @event => mentions.Mentions(@event.Type),
                        _ => false,
                    };
                    if (mentioned)
                    {
                        keys.Add(member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? NewPrefix + member.ContainingType.Name : member.Name);
                    }
                }
            }
        }
    }

    private static bool HasMentioningParameter(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, TypeMentions mentions)
    {
        foreach (var parameter in parameters)
        {
            if (mentions.Mentions(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReferencesAny(IAssemblySymbol assembly, HashSet<string> names)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (names.Contains(identity.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The declarations the conversion-slot keys are decided on, collected during the index's one walk: aliases,
    /// delegates and base lists (which make a type name a conversion name), and members whose declared type may name one.
    /// </summary>
    private static void AddConversionCandidates(SyntaxNode node, List<(string Name, SyntaxNode Declaration)> typeNames, List<SyntaxNode> members)
    {
        switch (node)
        {
            case UsingDirectiveSyntax { Alias: { } alias } usingDirective:
                typeNames.Add((alias.Name.Identifier.ValueText, usingDirective));
                break;
            case DelegateDeclarationSyntax @delegate:
                typeNames.Add((@delegate.Identifier.ValueText, @delegate));
                break;
            case BaseTypeDeclarationSyntax { BaseList: { } baseList } type:
                typeNames.Add((type.Identifier.ValueText, baseList));
                break;
        }

        // The kinds AddSourceMembers decides on (kept apart so the list holds only those).
        if (node is BaseFieldDeclarationSyntax or PropertyDeclarationSyntax or EventDeclarationSyntax or MethodDeclarationSyntax
            or ConstructorDeclarationSyntax or TypeDeclarationSyntax { ParameterList: not null })
        {
            members.Add(node);
        }
    }

    /// <summary>
    /// Source aliases, delegates and types whose declaration names a conversion name become conversion names too
    /// (closed: a type deriving from such a type is one as well).
    /// </summary>
    private static void AddSourceTypeNames(List<(string Name, SyntaxNode Declaration)> candidates, HashSet<string> conversionNames)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, declaration) in candidates)
            {
                if (!conversionNames.Contains(name) && MentionsAny(declaration, conversionNames))
                {
                    conversionNames.Add(name);
                    changed = true;
                }
            }
        }
    }

    /// <summary>Members (fields, properties, events, methods, primary constructor parameters) whose declared type names a conversion name.</summary>
    private static void AddSourceMembers(SyntaxNode node, HashSet<string> conversionNames, HashSet<string> keys)
    {
        switch (node)
        {
            case BaseFieldDeclarationSyntax field when MentionsAny(field.Declaration.Type, conversionNames):
                foreach (var variable in field.Declaration.Variables)
                {
                    keys.Add(variable.Identifier.ValueText);
                }

                break;
            case PropertyDeclarationSyntax property when MentionsAny(property.Type, conversionNames):
                keys.Add(property.Identifier.ValueText);
                break;
            case EventDeclarationSyntax @event when MentionsAny(@event.Type, conversionNames):
                keys.Add(@event.Identifier.ValueText);
                break;
            case MethodDeclarationSyntax method when MentionsAny(method.ReturnType, conversionNames) || MentionsAny(method.ParameterList, conversionNames):
                keys.Add(method.Identifier.ValueText);
                break;
            case ConstructorDeclarationSyntax constructor when MentionsAny(constructor.ParameterList, conversionNames):
                keys.Add(NewPrefix + constructor.Identifier.ValueText);
                break;
            case TypeDeclarationSyntax { ParameterList: { } primary } type:
                foreach (var parameter in primary.Parameters)
                {
                    if (parameter.Type is { } parameterType && MentionsAny(parameterType, conversionNames))
                    {
                        keys.Add(parameter.Identifier.ValueText);
                        keys.Add(NewPrefix + type.Identifier.ValueText);
                    }
                }

                break;
        }
    }

    private static bool MentionsAny(SyntaxNode node, HashSet<string> names)
    {
        foreach (var n in node.DescendantNodesAndSelf())
        {
            if (n is SimpleNameSyntax name && names.Contains(name.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }
}
