using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StructuredLlm.Analyzers.Llm;

namespace StructuredLlm.Analyzers.Taint;

/// <summary>A parameter of a summarised method whose value reaches a sink inside it (or in its callees).</summary>
internal sealed class ParameterSink
{
    public ParameterSink(int ordinal, SinkInfo sink, bool embedded, string via, Location location, ISymbol? member = null)
    {
        Member = member;
        Ordinal = ordinal;
        Sink = sink;
        Embedded = embedded;
        Via = via;
        Location = location;
    }

    public int Ordinal { get; }

    /// <summary>
    /// For a sink fed by the method's own object (<see cref="Origin.IsMember"/>): the member whose value reaches it. A call
    /// site maps it to what the receiver holds in that member (see <c>TaintWalker.ReceiverMemberTaint</c>).
    /// </summary>
    public ISymbol? Member { get; }

    /// <summary>The sink with its role already resolved (never <see cref="SinkRole.FromRoleArgument"/>).</summary>
    public SinkInfo Sink { get; }

    public bool Embedded { get; }

    /// <summary>The chain of methods through which the value reaches the sink ("BuildPrompt").</summary>
    public string Via { get; }

    /// <summary>The sink inside the callee.</summary>
    public Location Location { get; }
}

/// <summary>What a method does with taint: what its return value carries, and which parameters reach sinks.</summary>
internal sealed class MethodSummary
{
    public MethodSummary(TaintValue? returned, ImmutableArray<ParameterSink> parameterSinks, int neededDepth, ImmutableArray<(int Ordinal, TaintValue Taint)> outParameters = default,
        ImmutableHashSet<IMethodSymbol>? cutBy = null, ImmutableArray<(ISymbol Member, TaintValue Taint)> memberStores = default,
        ImmutableArray<TaintValue?> returnElements = default, ImmutableArray<(int Ordinal, ISymbol Member, TaintValue Taint)> parameterMemberStores = default)
    {
        ParameterMemberStores = parameterMemberStores.IsDefault ? ImmutableArray<(int, ISymbol, TaintValue)>.Empty : parameterMemberStores;
        ReturnElements = returnElements;
        MemberStores = memberStores.IsDefault ? ImmutableArray<(ISymbol, TaintValue)>.Empty : memberStores;
        OutParameters = outParameters.IsDefault ? ImmutableArray<(int, TaintValue)>.Empty : outParameters;
        Returned = returned;
        ParameterSinks = parameterSinks;
        NeededDepth = neededDepth;
        CutBy = cutBy ?? ImmutableHashSet<IMethodSymbol>.Empty;
    }

    /// <summary>
    /// The methods still being summarised (callers on a recursion cycle) whose summaries this one had to leave out. Such a
    /// summary holds only inside that recursion: it is not cached, or a block analyzed later that reaches this method
    /// from elsewhere would miss what those callers add (findings would depend on the order blocks are analyzed).
    /// </summary>
    public ImmutableHashSet<IMethodSymbol> CutBy { get; }

    /// <summary>
    /// The depth from which this summary no longer changes (1 + the deepest complete callee summary it used), or
    /// <see cref="int.MaxValue"/> when a callee was cut off by the depth limit or by recursion: then it holds only for
    /// the depth it was built at.
    /// </summary>
    public int NeededDepth { get; }

    /// <summary>Origins of the returned value: sources inside the method, and parameters (mapped to arguments at call sites).</summary>
    public TaintValue? Returned { get; }

    /// <summary>
    /// When every <c>return</c> of the method gives a tuple literal: the origins of each position, so that a caller's
    /// <c>var (system, user) = Build(q)</c> keeps them apart; default otherwise.
    /// </summary>
    public ImmutableArray<TaintValue?> ReturnElements { get; }

    public ImmutableArray<ParameterSink> ParameterSinks { get; }

    /// <summary>Origins of what the method stores into its <c>out</c>/<c>ref</c> parameters, or appends to a text container
    /// argument (<see cref="TaintWalker.IsMutableReference"/>), by ordinal.</summary>
    public ImmutableArray<(int Ordinal, TaintValue Taint)> OutParameters { get; }

    /// <summary>
    /// What the method stores into members of its own object (original definitions) from its parameters or sources: a
    /// constructor's <c>_persona = persona</c>, a setter method's. A call site maps it onto the receiver it was called on.
    /// </summary>
    public ImmutableArray<(ISymbol Member, TaintValue Taint)> MemberStores { get; }

    /// <summary>
    /// What the method stores into members of an object it is given (<c>o.Persona = r.Query["p"]</c>), by parameter ordinal
    /// and member (original definition), beyond what the object held: a call site puts it into that member of its argument.
    /// </summary>
    public ImmutableArray<(int Ordinal, ISymbol Member, TaintValue Taint)> ParameterMemberStores { get; }
}

/// <summary>What a same-compilation method can do, directly or through its callees, whatever its arguments.</summary>
[Flags]
internal enum MethodReach : byte
{
    None = 0,

    /// <summary>It contains a sink (or calls a method that does): tainted arguments may reach a prompt.</summary>
    Sink = 1,

    /// <summary>It reads a source (or calls a method that does): its return value may be untrusted.</summary>
    Source = 2,

    Both = Sink | Source,
}

/// <summary>Per-compilation state of the taint analysis: the API table, method summaries and semantic models.</summary>
internal sealed class TaintContext
{
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth, bool SourcesOnly), MethodSummary> _summaries = new();
    private readonly ConcurrentDictionary<(IMethodSymbol Method, bool SourcesOnly), MethodSummary> _completeSummaries = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ReachFacts> _facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth, MethodReach Wanted), MethodReach> _reach = new();
    private readonly ConcurrentDictionary<ISymbol, TaintValue?> _memberTaints = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<MemberWriter>>> _memberWriters = new(SymbolEqualityComparer.Default);
    private Dictionary<string, List<(InvocationExpressionSyntax Invocation, ExpressionSyntax Argument)>>? _handlerCandidates;
    private readonly ConcurrentDictionary<string, Dictionary<IMethodSymbol, SourceKind>> _handlerMethods = new(StringComparer.Ordinal);
    private readonly object _sinkIndexLock = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _dispatchTargets = new(SymbolEqualityComparer.Default);
    private ImmutableArray<INamedTypeSymbol> _sourceTypes;
    private SinkIndex? _sinkIndex;

    public TaintContext(LlmApiTable table)
    {
        Table = table;
    }

    /// <summary>
    /// Why the parameters of <paramref name="method"/> are untrusted when it is passed as a method group to a handler
    /// registration (<c>app.MapPost("/x", Handle)</c>, <c>AIFunctionFactory.Create(tools.Search)</c>). The first call
    /// scans the compilation's syntax once for registration-like calls and indexes their method-group arguments by
    /// name; only the call sites that name <paramref name="method"/> are bound, once per name.
    /// </summary>
    public SourceKind? GetHandlerMethodKind(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (Table.HandlerRegistrationCount == 0)
        {
            return null;
        }

        // Computed once; a scan cancelled half-way is not published, so a later caller scans again.
        var candidates = Volatile.Read(ref _handlerCandidates);
        if (candidates is null)
        {
            candidates = ScanHandlerCandidates(cancellationToken);
            candidates = Interlocked.CompareExchange(ref _handlerCandidates, candidates, null) ?? candidates;
        }

        if (!candidates.TryGetValue(method.Name, out var sites))
        {
            return null;
        }

        if (!_handlerMethods.TryGetValue(method.Name, out var handlers))
        {
            handlers = _handlerMethods.GetOrAdd(method.Name, ResolveHandlers(sites, cancellationToken));
        }

        return handlers.TryGetValue(method.OriginalDefinition, out var kind) ? kind : null;
    }

    private static Dictionary<string, List<(InvocationExpressionSyntax Invocation, ExpressionSyntax Argument)>> ScanHandlerCandidates(Compilation compilation, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<(InvocationExpressionSyntax, ExpressionSyntax)>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            // Most files register nothing: a text search rules them out without creating their nodes.
            if (!MayNameRegistration(tree.GetText(cancellationToken).ToString()))
            {
                continue;
            }

            var root = tree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || !LooksLikeRegistration(invocation))
                {
                    continue;
                }

                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    var name = argument.Expression switch
                    {
                        IdentifierNameSyntax i => i.Identifier.ValueText,
                        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is null)
                    {
                        continue;
                    }

                    if (!result.TryGetValue(name, out var list))
                    {
                        result[name] = list = new List<(InvocationExpressionSyntax, ExpressionSyntax)>();
                    }

                    list.Add((invocation, argument.Expression));
                }
            }
        }

        return result;
    }

    private Dictionary<string, List<(InvocationExpressionSyntax Invocation, ExpressionSyntax Argument)>> ScanHandlerCandidates(CancellationToken cancellationToken) =>
        ScanHandlerCandidates(Compilation, cancellationToken);

    private Dictionary<IMethodSymbol, SourceKind> ResolveHandlers(List<(InvocationExpressionSyntax Invocation, ExpressionSyntax Argument)> sites, CancellationToken cancellationToken)
    {
        var result = new Dictionary<IMethodSymbol, SourceKind>(SymbolEqualityComparer.Default);
        foreach (var (invocation, argument) in sites)
        {
            var model = GetModel(invocation.SyntaxTree);
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol registration
                || Table.GetHandlerRegistration(registration.ReducedFrom ?? registration) is not { } kind)
            {
                continue;
            }

            var info = model.GetSymbolInfo(argument, cancellationToken);
            var target = info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null);
            if (target is not null)
            {
                result[target.OriginalDefinition] = kind;
            }
        }

        return result;
    }

    /// <summary>
    /// False only when <paramref name="text"/> cannot hold a name <see cref="LooksLikeRegistration"/> accepts: no word
    /// starts with <c>Map</c>, none is <c>Create</c> or <c>CreateFromMethod</c>, and no <c>\u</c>/<c>\U</c> escape could spell
    /// one (<c>@Map</c> is a word starting with <c>Map</c>).
    /// </summary>
    private static bool MayNameRegistration(string text)
    {
        if (text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        for (var i = text.IndexOf("Map", StringComparison.Ordinal); i >= 0; i = text.IndexOf("Map", i + 3, StringComparison.Ordinal))
        {
            if (i == 0 || !SyntaxFacts.IsIdentifierPartCharacter(text[i - 1]))
            {
                return true;
            }
        }

        for (var i = text.IndexOf("Create", StringComparison.Ordinal); i >= 0; i = text.IndexOf("Create", i + 6, StringComparison.Ordinal))
        {
            if (i > 0 && SyntaxFacts.IsIdentifierPartCharacter(text[i - 1]))
            {
                continue;
            }

            var end = string.CompareOrdinal(text, i + 6, "FromMethod", 0, 10) == 0 ? i + 16 : i + 6;
            if (end >= text.Length || !SyntaxFacts.IsIdentifierPartCharacter(text[end]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikeRegistration(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            IdentifierNameSyntax i => i.Identifier.ValueText,
            GenericNameSyntax g => g.Identifier.ValueText,
            _ => null,
        };
        return name is not null && (name.StartsWith("Map", StringComparison.Ordinal) || name is "Create" or "CreateFromMethod");
    }

    public LlmApiTable Table { get; }

    /// <summary>
    /// The syntactic sink index of the compilation, built by the first block that asks (not at compilation start, so a
    /// compilation whose blocks are never analysed does not pay for it). Concurrent first callers wait for one build
    /// instead of each building their own; a build cancelled half-way is not published, so a later caller builds again.
    /// </summary>
    public SinkIndex GetSinkIndex(CancellationToken cancellationToken)
    {
        var index = Volatile.Read(ref _sinkIndex);
        if (index is not null)
        {
            return index;
        }

        lock (_sinkIndexLock)
        {
            index = _sinkIndex;
            if (index is null)
            {
                index = SinkIndex.Build(Table, cancellationToken);
                Volatile.Write(ref _sinkIndex, index);
            }
        }

        return index;
    }

    public Compilation Compilation => Table.Compilation;

    /// <summary>
    /// The method whose body a call runs, as summaries and reach facts are keyed: a reduced extension method's static
    /// form, a generic instance's definition, a partial method's implementation part.
    /// </summary>
    public static IMethodSymbol BodyOwner(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        return method.PartialImplementationPart ?? method;
    }

    /// <summary>Whether <paramref name="method"/> has a body in this compilation that a summary can be built from.</summary>
    public static bool HasSourceBody(IMethodSymbol method) =>
        !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0
        && method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.Constructor or MethodKind.ReducedExtension
            or MethodKind.ExplicitInterfaceImplementation;

    /// <summary>The most bodies one call is followed into: an interface or base method with more implementations in the
    /// compilation is followed into the first ones (in declaration order) only.</summary>
    internal const int MaxDispatchTargets = 16;

    /// <summary>
    /// The bodies of this compilation a call may run: the called method itself when it has a body, and, for a virtual call
    /// of a member of an interface or base type declared in this compilation (a service called through its interface, an
    /// abstract template method, a virtual method), the implementations and overrides declared in this compilation. Empty
    /// when there is none (a call into another assembly). Reduced extension methods and generic instances are mapped to
    /// their definitions.
    /// </summary>
    public ImmutableArray<IMethodSymbol> DispatchTargets(IInvocationOperation invocation) => DispatchTargets(invocation.TargetMethod, invocation.IsVirtual);

    /// <inheritdoc cref="DispatchTargets(IInvocationOperation)"/>
    /// <param name="method">The called method.</param>
    /// <param name="isVirtual">False for a call that does not dispatch (<c>base.M()</c>): then only the method's own body.</param>
    public ImmutableArray<IMethodSymbol> DispatchTargets(IMethodSymbol method, bool isVirtual)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        var own = HasSourceBody(method) ? ImmutableArray.Create(method) : ImmutableArray<IMethodSymbol>.Empty;

        // Only an interface or base type declared in this compilation: a library's interface (SK's IChatCompletionService)
        // is implemented by the library's own types, which the analysis cannot see, far more often than by the app's.
        if (!isVirtual || method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.ContainingType is not { } type
            || !(type.TypeKind == TypeKind.Interface || method.IsAbstract || method.IsVirtual || (method.IsOverride && !method.IsSealed))
            || (type.IsSealed && type.TypeKind != TypeKind.Interface)
            || type.DeclaringSyntaxReferences.Length == 0)
        {
            return own;
        }

        return _dispatchTargets.GetOrAdd(method, m => FindDispatchTargets(m, own));
    }

    private ImmutableArray<IMethodSymbol> FindDispatchTargets(IMethodSymbol method, ImmutableArray<IMethodSymbol> own)
    {
        var targets = new List<IMethodSymbol>(own);
        var declaring = method.ContainingType.OriginalDefinition;
        foreach (var type in SourceTypes())
        {
            if (targets.Count >= MaxDispatchTargets)
            {
                break;
            }

            if (type.TypeKind is TypeKind.Interface or TypeKind.Delegate or TypeKind.Enum || SymbolEqualityComparer.Default.Equals(type, declaring))
            {
                continue;
            }

            IMethodSymbol? target = null;
            if (declaring.TypeKind == TypeKind.Interface)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, declaring))
                    {
                        continue;
                    }

                    foreach (var member in implemented.GetMembers(method.Name))
                    {
                        if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, method)
                            && type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation)
                        {
                            target = implementation;
                        }
                    }
                }
            }
            else
            {
                foreach (var member in type.GetMembers(method.Name))
                {
                    for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                        {
                            target = (IMethodSymbol)member;
                            break;
                        }
                    }
                }
            }

            if (target is not null && HasSourceBody(target.OriginalDefinition) && !ContainsSymbol(targets, target.OriginalDefinition))
            {
                targets.Add(target.OriginalDefinition);
            }
        }

        return targets.ToImmutableArray();
    }

    private static bool ContainsSymbol(List<IMethodSymbol> methods, IMethodSymbol method)
    {
        foreach (var m in methods)
        {
            if (SymbolEqualityComparer.Default.Equals(m, method))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every class, struct and record declared in this compilation (nested ones too), collected once.</summary>
    private ImmutableArray<INamedTypeSymbol> SourceTypes()
    {
        if (_sourceTypes.IsDefault)
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(Compilation.Assembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                foreach (var member in stack.Pop().GetMembers())
                {
                    if (member is INamedTypeSymbol named)
                    {
                        if (named.TypeKind is TypeKind.Class or TypeKind.Struct)
                        {
                            types.Add(named);
                        }

                        stack.Push(named);
                    }
                    else if (member is INamespaceSymbol ns)
                    {
                        stack.Push(ns);
                    }
                }
            }

            ImmutableInterlocked.InterlockedInitialize(ref _sourceTypes, types.ToImmutable());
        }

        return _sourceTypes;
    }

    /// <summary>
    /// The summary of a same-compilation method, built at most <paramref name="depth"/> levels deep; <see langword="null"/>
    /// when the depth is exhausted or the method is already being summarised (recursion).
    /// </summary>
    /// <param name="sourcesOnly">
    /// For a call given nothing untrusted (no tainted argument or receiver): only what the method gives back from the
    /// sources it reads itself. Its parameters and its object's members are not origins, so the calls it makes with them
    /// are calls given nothing untrusted too, and callees that read no source are not walked. Kept apart from full
    /// summaries: a full one would serve (its parameter and member origins map to nothing at such a call), but the sources
    /// it names may differ (see TaintWalker.RefineHere), and a call site's message must not depend on what was asked first.
    /// </param>
    public MethodSummary? GetSummary(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken, bool sourcesOnly = false)
    {
        method = BodyOwner(method);
        if (depth <= 0 || inProgress.Contains(method) || !HasSourceBody(method))
        {
            return null;
        }

        // A summary that did not hit the depth limit is the same at every depth from its NeededDepth up: built once,
        // not once per depth.
        if (_completeSummaries.TryGetValue((method, sourcesOnly), out var complete) && complete.NeededDepth <= depth)
        {
            return complete;
        }

        if (_summaries.TryGetValue((method, depth, sourcesOnly), out var cached))
        {
            return cached;
        }

        var summary = Build(method, depth, inProgress.Add(method), sourcesOnly, cancellationToken);
        if (!summary.CutBy.IsEmpty)
        {
            return summary; // holds only inside the recursion that is being summarised: not reused elsewhere
        }

        if (summary.NeededDepth <= depth)
        {
            _completeSummaries.AddOrUpdate((method, sourcesOnly), summary, (_, existing) => existing.NeededDepth <= summary.NeededDepth ? existing : summary);
        }

        return _summaries.GetOrAdd((method, depth, sourcesOnly), summary);
    }

    /// <summary>
    /// Whether the summary of a same-compilation method built <paramref name="depth"/> levels deep can hold a sink
    /// (parameter sinks) or a source (an untrusted return value whatever the arguments): what its body does directly
    /// (one cached scan of its operations), plus what its callees reach one level less deep. Summaries (a fixed-point
    /// walk of the body) are then built only for calls where they can change the result, and no body is bound deeper
    /// than a summary would go. Only the <paramref name="wanted"/> side (<see cref="MethodReach.Sink"/> or
    /// <see cref="MethodReach.Source"/>) is computed; for sinks, callees the <see cref="SinkIndex"/> rules out are not bound.
    /// </summary>
    public MethodReach GetReach(IMethodSymbol method, int depth, MethodReach wanted, CancellationToken cancellationToken)
    {
        method = BodyOwner(method);
        if (depth <= 0 || !HasSourceBody(method))
        {
            return MethodReach.None;
        }

        // A body that the syntactic index rules out cannot reach a sink within the calls left: it is never bound for that
        // question (its own sinks count at this depth, its callees' at one less, down to 1).
        if (wanted == MethodReach.Sink && !GetSinkIndex(cancellationToken).MayReachSink(method, depth - 1, cancellationToken))
        {
            return MethodReach.None;
        }

        // What a method returns as void or as a number, bool, date... carries no taint: without out/ref parameters its
        // sources stay inside it (its own block reports what they reach).
        if (wanted == MethodReach.Source && !GivesTaintBack(method))
        {
            return MethodReach.None;
        }

        if (_reach.TryGetValue((method, depth, wanted), out var cached))
        {
            return cached;
        }

        var facts = _facts.TryGetValue(method, out var known) ? known : _facts.GetOrAdd(method, ScanReach(method, cancellationToken));
        var reach = facts.Direct & wanted;
        if (wanted == MethodReach.Source && reach == MethodReach.None)
        {
            // Fields and properties of its type that another member fills from a source (computed only when asked).
            foreach (var member in facts.MembersRead)
            {
                if (GetMemberTaint(member, cancellationToken) is not null)
                {
                    reach = MethodReach.Source;
                    break;
                }
            }
        }

        // Parameter sinks of a callee are hit only through arguments that can carry taint: for sinks, only those calls.
        foreach (var callee in wanted == MethodReach.Sink ? facts.SinkCallees : facts.Callees)
        {
            if (reach == wanted)
            {
                break;
            }

            reach |= GetReach(callee, depth - 1, wanted, cancellationToken);
        }

        return _reach.GetOrAdd((method, depth, wanted), reach);
    }

    /// <summary>What one scan of a method body found: its own sinks and sources, its callees, the members it reads.</summary>
    private sealed class ReachFacts
    {
        public ReachFacts(MethodReach direct, ImmutableArray<IMethodSymbol> callees, ImmutableArray<IMethodSymbol> sinkCallees, ImmutableArray<ISymbol> membersRead)
        {
            Direct = direct;
            Callees = callees;
            SinkCallees = sinkCallees;
            MembersRead = membersRead;
        }

        public MethodReach Direct { get; }

        public ImmutableArray<IMethodSymbol> Callees { get; }

        /// <summary>The callees called at least once with an argument that can carry taint (<see cref="MayPassTaint"/>).</summary>
        public ImmutableArray<IMethodSymbol> SinkCallees { get; }

        public ImmutableArray<ISymbol> MembersRead { get; }
    }

    /// <summary>Whether a call of <paramref name="method"/> can give its caller taint: a return value the walk can taint, an out/ref parameter, or an object argument it can fill.</summary>
    public static bool CanReturnTaint(IMethodSymbol method) =>
        HasFillableParameter(method) || (!method.ReturnsVoid && !TaintWalker.IsSafeType(method.ReturnType) && !IsValuelessTask(method.ReturnType));

    /// <summary>As <see cref="CanReturnTaint"/>, or it sets a member of an object of the app's types it is given.</summary>
    public bool GivesTaintBack(IMethodSymbol method) => CanReturnTaint(method) || SetsParameterMembers(method);

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _setsParameterMembers = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Whether a method of this compilation assigns a member of an object of the app's own types it is given
    /// (<c>o.Persona = ...</c>): the caller's object then holds what it stored. A parameter of a class of this compilation
    /// is asked about only; the body's syntax is scanned once per method.
    /// </summary>
    private bool SetsParameterMembers(IMethodSymbol method)
    {
        method = BodyOwner(method);
        var candidate = false;
        foreach (var parameter in method.Parameters)
        {
            candidate |= IsAppObjectParameter(parameter);
        }

        if (!candidate || method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        return _setsParameterMembers.GetOrAdd(method, m =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in m.Parameters)
            {
                if (IsAppObjectParameter(parameter))
                {
                    names.Add(parameter.Name);
                }
            }

            foreach (var node in m.DeclaringSyntaxReferences[0].GetSyntax().DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } }
                    && names.Contains(target.Identifier.ValueText))
                {
                    return true;
                }
            }

            return false;
        });
    }

    /// <summary>A by-value parameter of a class of this compilation: an object whose members a method can set for its caller.</summary>
    private static bool IsAppObjectParameter(IParameterSymbol parameter) =>
        parameter.RefKind == RefKind.None && parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Class, DeclaringSyntaxReferences.Length: > 0 };

    /// <summary>An out/ref parameter, or an object the method can fill (a StringBuilder, a list it appends to).</summary>
    private static bool HasFillableParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Out or RefKind.Ref || (parameter.RefKind == RefKind.None && TaintWalker.IsMutableReference(parameter.Type)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A call used as a statement (<c>Update(x);</c>, <c>await SaveAsync(x).ConfigureAwait(false);</c>, <c>x?.Reset();</c>,
    /// <c>_ = Run(x);</c>): nothing reads the value it returns.
    /// </summary>
    internal static bool IsValueDiscarded(IOperation operation)
    {
        while (true)
        {
            switch (operation.Parent)
            {
                case IExpressionStatementOperation:
                    return true;
                case ISimpleAssignmentOperation { Target: IDiscardOperation } assignment when assignment.Value == operation:
                    return assignment.Parent is IExpressionStatementOperation;
                case IAwaitOperation await:
                    operation = await;
                    break;
                case IConditionalAccessOperation access when access.WhenNotNull == operation:
                    operation = access;
                    break;
                case IInvocationOperation { TargetMethod: { Name: "ConfigureAwait", ContainingType: var awaited } } configure
                    when configure.Instance == operation && IsTaskType(awaited):
                    operation = configure;
                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>System.Threading.Tasks' <c>Task</c>, <c>ValueTask</c> or one of their generic forms.</summary>
    internal static bool IsTaskType(INamedTypeSymbol? type) =>
        type is { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    /// <summary>
    /// A <c>Task</c> or <c>ValueTask</c> without a result, or with a result of a type the walk never taints: awaiting it
    /// gives nothing that can carry text (an <c>await</c> of a number, bool, date... evaluates to no taint).
    /// </summary>
    internal static bool IsValuelessTask(ITypeSymbol type) =>
        type is INamedTypeSymbol task && IsTaskType(task)
        && (task.Arity == 0 || (task.Arity == 1 && TaintWalker.IsSafeType(task.TypeArguments[0])));

    /// <summary>
    /// Whether a call passes an argument that the walk can see as tainted: not a constant, and not of a type whose values
    /// the walk never taints (numbers, bool, dates...). Only such an argument can hit a parameter sink of the callee.
    /// </summary>
    public static bool MayPassTaint(IInvocationOperation invocation) => MayPassTaint(invocation.Arguments) || MayPassState(invocation.Instance);

    /// <summary>
    /// Whether a receiver can hand the callee state it was given here: an object of this compilation created here or held
    /// in a local or parameter (<c>new Agent(persona).RunAsync()</c>, <c>agent.RunAsync()</c>), whose members the callee
    /// may put into a sink.
    /// </summary>
    internal static bool MayPassState(IOperation? instance)
    {
        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        return instance is ILocalReferenceOperation or IObjectCreationOperation or IParameterReferenceOperation
            && instance.Type is INamedTypeSymbol { DeclaringSyntaxReferences.Length: > 0 } type
            && !TaintWalker.IsSafeType(type);
    }

    /// <summary>Whether any argument can carry taint (not a constant, not a number, bool, enum...).</summary>
    public static bool MayPassTaint(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value is { } value && !value.ConstantValue.HasValue && !TaintWalker.IsSafeType(value.Type))
            {
                return true;
            }
        }

        return false;
    }

    private ReachFacts ScanReach(IMethodSymbol method, CancellationToken cancellationToken) => CollectFacts(Bodies(method, cancellationToken), cancellationToken);

    /// <summary>
    /// Records the reach facts of the method that owns an operation block from the block the driver has already bound,
    /// so that a later reach question about it (from a caller analysed afterwards) binds nothing. Only a method whose one
    /// declaration is the block's own syntax: then the block is the operation <see cref="ScanReach"/> would get.
    /// </summary>
    public void RecordFacts(ISymbol owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        if (owner is not IMethodSymbol method || !HasSourceBody(method) || method.DeclaringSyntaxReferences.Length != 1
            || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
            || !SymbolEqualityComparer.Default.Equals(method, method.OriginalDefinition) || _facts.ContainsKey(method))
        {
            return;
        }

        // The driver's blocks of a method are its body (a block or `=>` expression) and a constructor's `: base(...)`/
        // `: this(...)`: exactly what the method body operation that ScanReach binds holds (besides parameter defaults
        // and attributes, which are constants).
        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        List<IOperation>? bodies = null;
        foreach (var block in blocks)
        {
            if (block.Syntax.Parent == declaration && block.Kind is OperationKind.Block or OperationKind.Invocation or OperationKind.ExpressionStatement)
            {
                (bodies ??= new List<IOperation>(2)).Add(block);
            }
        }

        if (bodies is not null)
        {
            _facts.TryAdd(method, CollectFacts(bodies, cancellationToken));
        }
    }

    private ReachFacts CollectFacts(IEnumerable<IOperation> bodies, CancellationToken cancellationToken)
    {
        var reach = MethodReach.None;
        HashSet<IMethodSymbol>? callees = null;
        HashSet<IMethodSymbol>? sinkCallees = null;
        HashSet<ISymbol>? membersRead = null;
        var storesMember = false;
        List<IInvocationOperation>? selfCalls = null;
        foreach (var body in bodies)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                reach |= OperationReach(operation, cancellationToken);
                AddCallees(operation, ref callees, ref sinkCallees);

                if (TrackedMemberRead(operation) is { } member)
                {
                    (membersRead ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(member.OriginalDefinition);
                }

                storesMember |= operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation } } store
                    && !store.Value.ConstantValue.HasValue && !TaintWalker.IsSafeType(store.Value.Type);
                if (operation is IInvocationOperation { Instance: IInstanceReferenceOperation, TargetMethod.MethodKind: not MethodKind.LocalFunction } selfCall
                    && !MayPassTaint(selfCall.Arguments))
                {
                    (selfCalls ??= new List<IInvocationOperation>()).Add(selfCall);
                }
            }
        }

        // A method that stores into its own object (`_language = language;`) and calls a method of that object without
        // arguments (`return Compose();`) may hand it what it stored: such a call can reach a sink through that state.
        if (storesMember && selfCalls is not null)
        {
            foreach (var selfCall in selfCalls)
            {
                foreach (var callee in DispatchTargets(selfCall))
                {
                    (sinkCallees ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(callee);
                }
            }
        }

        return new ReachFacts(
            reach,
            callees is null ? ImmutableArray<IMethodSymbol>.Empty : callees.ToImmutableArray(),
            sinkCallees is null ? ImmutableArray<IMethodSymbol>.Empty : sinkCallees.ToImmutableArray(),
            membersRead is null ? ImmutableArray<ISymbol>.Empty : membersRead.ToImmutableArray());
    }

    /// <summary>
    /// The same-compilation bodies a call or <c>new</c> may run, for reach questions: <paramref name="callees"/> gets every
    /// body a call may run (through an interface or base method, each implementation); <paramref name="sinkCallees"/> the
    /// ones reached with an argument that can carry taint, constructors included (only their parameter sinks matter).
    /// </summary>
    public void AddCallees(IOperation operation, ref HashSet<IMethodSymbol>? callees, ref HashSet<IMethodSymbol>? sinkCallees)
    {
        if (operation is IInvocationOperation { TargetMethod.MethodKind: not MethodKind.LocalFunction } invocation
            && DispatchTargets(invocation) is { Length: > 0 } targets)
        {
            var passes = MayPassTaint(invocation);
            // A call whose value is dropped gives its caller taint only through out/ref or fillable arguments: its
            // sources matter only through them (what it stores in members is asked of the members read).
            var gives = !IsValueDiscarded(invocation) || HasFillableParameter(invocation.TargetMethod) || SetsParameterMembers(invocation.TargetMethod);
            foreach (var callee in targets)
            {
                if (gives)
                {
                    (callees ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(callee);
                }

                if (passes)
                {
                    (sinkCallees ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(callee);
                }
            }
        }
        else if (operation is IObjectCreationOperation { Constructor: { } constructor } creation && HasSourceBody(constructor) && MayPassTaint(creation.Arguments))
        {
            (sinkCallees ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(constructor);
        }
        else if (operation is IPropertyReferenceOperation { Property: { IsIndexer: false, GetMethod: { } getter } } && IsComputedGetter(getter))
        {
            // Reading a computed property runs its getter, which may return a source (`string Query => _request.Query["q"]`).
            (callees ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(getter.OriginalDefinition);
        }
    }

    /// <summary>A property getter of this compilation with a body of its own: not an auto-property's, not a record's positional one.</summary>
    public static bool IsComputedGetter(IMethodSymbol getter)
    {
        var references = getter.OriginalDefinition.DeclaringSyntaxReferences;
        if (references.Length != 1 || getter.IsAbstract || getter.IsExtern)
        {
            return false;
        }

        return references[0].GetSyntax() switch
        {
            AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
            ArrowExpressionClauseSyntax => true,
            _ => false,
        };
    }

    /// <summary>
    /// The field or property of this type (or a static one) that <paramref name="operation"/> reads, when it is one whose
    /// stored taint is tracked (<see cref="GetMemberTaint"/>); otherwise null.
    /// </summary>
    public static ISymbol? TrackedMemberRead(IOperation operation)
    {
        ISymbol? member = operation switch
        {
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
            _ => null,
        };
        return member is not null && IsTrackedMember(member) ? member : null;
    }

    private MethodReach OperationReach(IOperation operation, CancellationToken cancellationToken)
    {
        var reach = MethodReach.None;
        switch (operation)
        {
            case IInvocationOperation invocation:
                {
                    var target = invocation.TargetMethod;
                    if (IsSink(target) || (target.MethodKind == MethodKind.DelegateInvoke && DelegateCallMayReachSink(invocation, cancellationToken)))
                    {
                        reach |= MethodReach.Sink;
                    }

                    if (Table.GetHandlerRegistration(target) is not null
                        || TaintWalker.MemberSourceOf(Table, target, invocation.Type, TaintWalker.ReceiverType(invocation)) is not null)
                    {
                        reach |= MethodReach.Source;
                    }

                    break;
                }

            case IObjectCreationOperation { Constructor: { } constructor }:
                if (IsSink(constructor))
                {
                    reach |= MethodReach.Sink;
                }

                break;
            case IConversionOperation { OperatorMethod: { } op }:
                if (Table.HasMethodSinks(op))
                {
                    reach |= MethodReach.Sink;
                }

                break;
            case IPropertyReferenceOperation property:
                if (Table.TryGetPropertySink(property.Property, out _) && TaintWalker.IsAssignmentTarget(property))
                {
                    reach |= MethodReach.Sink;
                }

                if (TaintWalker.MemberSourceOf(Table, property.Property, property.Type, property.Instance?.Type) is not null
                    || Table.StringSourceOf(property.Type) is not null)
                {
                    reach |= MethodReach.Source;
                }

                break;
            case IFieldReferenceOperation field:
                if (TaintWalker.MemberSourceOf(Table, field.Field, field.Type, field.Instance?.Type) is not null)
                {
                    reach |= MethodReach.Source;
                }

                break;
            case IForEachLoopOperation forEach:
                if (TaintWalker.ElementTypeOf(forEach.Collection) is { } element && Table.GetTypeSource(element) is not null)
                {
                    reach |= MethodReach.Source;
                }

                break;
            case IDeconstructionAssignmentOperation deconstruction:
                if (deconstruction.Value.Type is { } deconstructed && Table.GetTypeSource(deconstructed) is not null)
                {
                    reach |= MethodReach.Source;
                }

                break;
            case IPatternOperation pattern:
                if (Table.GetTypeSource(pattern.NarrowedType) is not null)
                {
                    reach |= MethodReach.Source;
                }

                break;
        }

        return reach;
    }

    /// <summary>A known sink, or a method with <c>[PromptSink]</c> on itself or a parameter.</summary>
    public bool IsSink(IMethodSymbol method) =>
        Table.HasMethodSinks(method) || (Table.PromptSinkAttribute is { } attribute && HasPromptSink(method, attribute));

    private static bool HasPromptSink(IMethodSymbol method, INamedTypeSymbol attribute)
    {
        foreach (var a in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
            {
                return true;
            }
        }

        foreach (var parameter in method.Parameters)
        {
            foreach (var a in parameter.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private MethodSummary Build(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> inProgress, bool sourcesOnly, CancellationToken cancellationToken)
    {
        var walker = new TaintWalker(this, method, summaryMode: true, depth - 1, inProgress, cancellationToken, sourcesOnly: sourcesOnly);
        foreach (var body in Bodies(method, cancellationToken))
        {
            walker.AddRoot(body);
        }

        return walker.RunSummary();
    }

    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> _singleReturns = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The value a method of this compilation returns when its whole body is one <c>return</c> (an <c>=&gt;</c> body
    /// too); null otherwise. Bound on demand, once per method.
    /// </summary>
    public IOperation? SingleReturnedValue(IMethodSymbol method, CancellationToken cancellationToken) =>
        _singleReturns.GetOrAdd(method.OriginalDefinition, m => FindSingleReturnedValue(m, cancellationToken));

    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _storedDelegates = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(SyntaxNode Lambda, int Depth), MethodSummary> _lambdaSummaries = new();

    /// <summary>
    /// The field or property of a type of this compilation a delegate call is made on (<c>_ask(q)</c>, <c>_ask.Invoke(q)</c>,
    /// <c>_ask?.Invoke(q)</c>, <c>this.Ask(q)</c>); null for a delegate held anywhere else.
    /// </summary>
    public static ISymbol? DelegateMemberOf(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.MethodKind != MethodKind.DelegateInvoke)
        {
            return null;
        }

        var instance = invocation.Instance;
        while (true)
        {
            switch (instance)
            {
                case IConversionOperation conversion:
                    instance = conversion.Operand;
                    continue;
                case IConditionalAccessInstanceOperation:
                    {
                        IOperation? access = instance.Parent;
                        while (access is not null and not IConditionalAccessOperation)
                        {
                            access = access.Parent;
                        }

                        instance = (access as IConditionalAccessOperation)?.Operation;
                        continue;
                    }

                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return IsSourceDelegateMember(field.Field, field.Field.Type) ? field.Field.OriginalDefinition : null;
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.IsIndexer: false } property:
                    return IsSourceDelegateMember(property.Property, property.Property.Type) ? property.Property.OriginalDefinition : null;
                case IEventReferenceOperation { Instance: null or IInstanceReferenceOperation } handlers:
                    return IsSourceDelegateMember(handlers.Event, handlers.Event.Type) ? handlers.Event.OriginalDefinition : null;
                default:
                    return null;
            }
        }
    }

    private static bool IsSourceDelegateMember(ISymbol member, ITypeSymbol type) =>
        type.TypeKind == TypeKind.Delegate && member.DeclaringSyntaxReferences.Length > 0;

    /// <summary>
    /// The lambdas and method references a type of this compilation stores in a delegate field or property of its own: its
    /// initializer and the assignments (<c>=</c>, <c>+=</c>) its members make to it, found through the type's member writers.
    /// Bound on demand, once per member; the operations are kept, so each lambda is one symbol for every question.
    /// </summary>
    public ImmutableArray<IOperation> StoredDelegates(ISymbol member, CancellationToken cancellationToken) =>
        _storedDelegates.TryGetValue(member, out var known) ? known : _storedDelegates.GetOrAdd(member, FindStoredDelegates(member, cancellationToken));

    private ImmutableArray<IOperation> FindStoredDelegates(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.ContainingType is not { } type || !GetMemberWriters(type, cancellationToken).TryGetValue(member.Name, out var writers))
        {
            return ImmutableArray<IOperation>.Empty;
        }

        var found = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var (body, callsOnly) in writers)
        {
            if (callsOnly || !Compilation.ContainsSyntaxTree(body.SyntaxTree)
                || GetModel(body.SyntaxTree).GetOperation(body, cancellationToken) is not { } operation)
            {
                continue;
            }

            foreach (var descendant in operation.DescendantsAndSelf())
            {
                var value = descendant switch
                {
                    IFieldInitializerOperation initializer when Contains(initializer.InitializedFields, member) => initializer.Value,
                    IPropertyInitializerOperation initializer when Contains(initializer.InitializedProperties, member) => initializer.Value,
                    IAssignmentOperation { Target: IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member) => assignment.Value,
                    IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation { Instance: null or IInstanceReferenceOperation } handlers } subscription
                        when SymbolEqualityComparer.Default.Equals(handlers.Event.OriginalDefinition, member) => subscription.HandlerValue,
                    _ => null,
                };
                if (value is null)
                {
                    continue;
                }

                while (value is IConversionOperation or IDelegateCreationOperation)
                {
                    value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
                }

                if (value is IAnonymousFunctionOperation or IMethodReferenceOperation)
                {
                    found.Add(value);
                }
            }
        }

        return found.ToImmutable();
    }

    private static bool Contains<T>(ImmutableArray<T> symbols, ISymbol member)
        where T : ISymbol
    {
        foreach (var symbol in symbols)
        {
            if (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The summary of a lambda stored in a member (see <see cref="StoredDelegates"/>), as a method's: its parameters are
    /// the origins, its body is walked <paramref name="depth"/> levels deep. Cached per lambda and depth.
    /// </summary>
    public MethodSummary? GetLambdaSummary(IAnonymousFunctionOperation lambda, int depth, ImmutableHashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken)
    {
        if (depth <= 0 || inProgress.Contains(lambda.Symbol))
        {
            return null;
        }

        if (_lambdaSummaries.TryGetValue((lambda.Syntax, depth), out var cached))
        {
            return cached;
        }

        var walker = new TaintWalker(this, lambda.Symbol, summaryMode: true, depth - 1, inProgress.Add(lambda.Symbol), cancellationToken);
        walker.AddRoot(lambda.Body);
        var summary = walker.RunSummary();
        return summary.CutBy.IsEmpty ? _lambdaSummaries.GetOrAdd((lambda.Syntax, depth), summary) : summary;
    }

    /// <summary>
    /// Whether a call of a delegate member may run a body that reaches a sink: a lambda stored in it with a sink in its body
    /// or in a callee within the interprocedural depth, or a stored method that is a sink or reaches one (conservative).
    /// </summary>
    public bool DelegateCallMayReachSink(IInvocationOperation invocation, CancellationToken cancellationToken) =>
        MayPassTaint(invocation.Arguments) && DelegateMemberOf(invocation) is { } member && StoredDelegateMayReachSink(member, cancellationToken);

    private readonly ConcurrentDictionary<ISymbol, bool> _storedDelegateReachesSink = new(SymbolEqualityComparer.Default);

    [ThreadStatic]
    private static HashSet<ISymbol>? s_delegatesInProgress;

    /// <summary>
    /// Whether anything stored in the delegate member can reach a sink (cached per member). A member met again while its
    /// own answer is being found (a lambda calling the member it is stored in) answers yes: never fewer sinks than the walk.
    /// </summary>
    private bool StoredDelegateMayReachSink(ISymbol member, CancellationToken cancellationToken)
    {
        if (_storedDelegateReachesSink.TryGetValue(member, out var known))
        {
            return known;
        }

        var inProgress = s_delegatesInProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(member))
        {
            return true;
        }

        try
        {
            var depth = Table.InterproceduralDepth;
            var reaches = false;
            foreach (var stored in StoredDelegates(member, cancellationToken))
            {
                switch (stored)
                {
                    case IMethodReferenceOperation reference:
                        reaches = IsSink(reference.Method) || GetReach(reference.Method, depth, MethodReach.Sink, cancellationToken) != MethodReach.None;
                        break;
                    case IAnonymousFunctionOperation lambda:
                        var facts = CollectFacts(new IOperation[] { lambda.Body }, cancellationToken);
                        reaches = (facts.Direct & MethodReach.Sink) != 0;
                        foreach (var callee in facts.SinkCallees)
                        {
                            reaches = reaches || GetReach(callee, depth - 1, MethodReach.Sink, cancellationToken) != MethodReach.None;
                        }

                        break;
                }

                if (reaches)
                {
                    break;
                }
            }

            // An answer found while another member was in progress may rest on that member's provisional yes: not kept.
            return inProgress.Count == 1 ? _storedDelegateReachesSink.GetOrAdd(member, reaches) : reaches;
        }
        finally
        {
            inProgress.Remove(member);
        }
    }

    private readonly ConcurrentDictionary<IMethodSymbol, IOperation?> _firstStatements = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The first <c>if</c> or <c>switch</c> statement of a method of this compilation with a block body, when only call
    /// statements come before it (see TaintWalker.ThrowingCheckGuards); null otherwise. Bound on demand, once per method.
    /// </summary>
    public IOperation? FirstStatement(IMethodSymbol method, CancellationToken cancellationToken) =>
        _firstStatements.GetOrAdd(method.OriginalDefinition, m =>
        {
            if (m.DeclaringSyntaxReferences.Length != 1
                || m.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body: { } body }
                || !Compilation.ContainsSyntaxTree(body.SyntaxTree)
                || GetModel(body.SyntaxTree).GetOperation(body, cancellationToken) is not IBlockOperation block)
            {
                return null;
            }

            foreach (var statement in block.Operations)
            {
                if (statement is IConditionalOperation or ISwitchOperation)
                {
                    return statement;
                }

                if (statement is not IExpressionStatementOperation { Operation: IInvocationOperation })
                {
                    return null;
                }
            }

            return null;
        });

    private IOperation? FindSingleReturnedValue(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax
            || !Compilation.ContainsSyntaxTree(syntax.SyntaxTree)
            || GetModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not IMethodBodyOperation body)
        {
            return null;
        }

        return (body.BlockBody ?? body.ExpressionBody) is { Operations: [IReturnOperation { ReturnedValue: { } returned }] } ? returned : null;
    }

    /// <summary>
    /// The operations a method runs, bound on demand: its body (and a constructor's <c>: base(...)</c>); for a primary
    /// constructor, which has no body, the member initializers of every part of its type and the arguments of its
    /// primary base (where its parameters are used at construction).
    /// </summary>
    private List<IOperation> Bodies(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var bodies = new List<IOperation>(1);
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (!Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            if (syntax is not TypeDeclarationSyntax)
            {
                if (GetModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is { } body)
                {
                    bodies.Add(body);
                }

                continue;
            }

            foreach (var part in method.ContainingType.DeclaringSyntaxReferences)
            {
                if (part.GetSyntax(cancellationToken) is not TypeDeclarationSyntax type || !Compilation.ContainsSyntaxTree(type.SyntaxTree))
                {
                    continue;
                }

                var model = GetModel(type.SyntaxTree);
                foreach (var member in type.Members)
                {
                    if (member is FieldDeclarationSyntax field && !field.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword))
                    {
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Initializer is { } value && model.GetOperation(value, cancellationToken) is { } fieldInitializer)
                            {
                                bodies.Add(fieldInitializer);
                            }
                        }
                    }
                    else if (member is PropertyDeclarationSyntax { Initializer: { } value } property
                        && !property.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword)
                        && model.GetOperation(value, cancellationToken) is { } propertyInitializer)
                    {
                        bodies.Add(propertyInitializer);
                    }
                }

                if (type.BaseList is { Types: [PrimaryConstructorBaseTypeSyntax primaryBase, ..] }
                    && model.GetOperation(primaryBase, cancellationToken) is { } baseCall)
                {
                    bodies.Add(baseCall);
                }
            }
        }

        return bodies;
    }

    /// <summary>
    /// The untrusted sources stored into a field or property of a type of this compilation by any member of that type
    /// (<c>_question = request.Query["q"];</c> in one method, <c>AddSystemMessage(_question)</c> in another): the union, over
    /// the type's members that assign it and its initializer, of the source origins of the assigned values. Only
    /// sources count (a value that came from a parameter depends on callers that are not followed). Members of safe types
    /// (numbers, bool, dates...) and of framework or service-like types are not followed. Computed once per member;
    /// the walks of the writing members do not follow other members' stored taint again (one level).
    /// </summary>
    public TaintValue? GetMemberTaint(ISymbol member, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (_memberTaints.TryGetValue(member, out var cached))
        {
            return cached;
        }

        if (!IsTrackedMember(member))
        {
            return null;
        }

        // A writer whose value reads the member itself (directly or through a callee's summary) sees it as clean
        // while it is being computed, instead of recursing.
        var inProgress = s_membersInProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(member))
        {
            return null;
        }

        try
        {
            return _memberTaints.GetOrAdd(member, BuildMemberTaint(member, cancellationToken));
        }
        finally
        {
            inProgress.Remove(member);
        }
    }

    [ThreadStatic]
    private static HashSet<ISymbol>? s_membersInProgress;

    /// <summary>A field or property of a source type, not constant, not an indexer, whose value can carry text.</summary>
    public static bool IsTrackedMember(ISymbol member)
    {
        ITypeSymbol type;
        switch (member)
        {
            case IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } field:
                type = field.Type;
                break;
            case IPropertySymbol { IsIndexer: false } property:
                type = property.Type;
                break;
            default:
                return false;
        }

        return member.DeclaringSyntaxReferences.Length > 0 && member.ContainingType is { DeclaringSyntaxReferences.Length: > 0 } && CanCarryText(type);
    }

    private static bool CanCarryText(ITypeSymbol type)
    {
        switch (type)
        {
            case { SpecialType: SpecialType.System_String or SpecialType.System_Object }:
                return true;
            case IArrayTypeSymbol array:
                return CanCarryText(array.ElementType);
            case INamedTypeSymbol { IsGenericType: true } generic when generic.DeclaringSyntaxReferences.Length == 0:
                // List<string>, Dictionary<string, string>...: any text-carrying type argument.
                foreach (var argument in generic.TypeArguments)
                {
                    if (CanCarryText(argument))
                    {
                        return true;
                    }
                }

                return false;
            case INamedTypeSymbol { Name: "StringBuilder" }:
                return true;
            case INamedTypeSymbol writer when TaintWalker.IsTextWriter(writer):
                return true;
            case INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named:
                // The app's own DTO-like types; interfaces, delegates and framework types (clients, services) are not data.
                return named.DeclaringSyntaxReferences.Length > 0;
            default:
                return false;
        }
    }

    private TaintValue? BuildMemberTaint(ISymbol member, CancellationToken cancellationToken)
    {
        var writers = GetMemberWriters(member.ContainingType, cancellationToken);
        TaintValue? result = null;
        if (!writers.TryGetValue(member.Name, out var bodies))
        {
            return null;
        }

        foreach (var (body, callsOnly) in bodies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = GetModel(body.SyntaxTree);
            var owner = model.GetDeclaredSymbol(body, cancellationToken) ?? member;
            if (model.GetOperation(body, cancellationToken) is not { } operation)
            {
                continue;
            }

            // A body found only through calls on the member (`_processor.RunAsync(...)`) is walked only when one of
            // them can store into it, by the walk's own rules: most such calls are uses of a service, not writes.
            if (callsOnly && !MayStore(operation, member))
            {
                continue;
            }

            var walker = new TaintWalker(this, owner, summaryMode: false, Math.Max(0, Table.InterproceduralDepth - 1), ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), cancellationToken, followMembers: false);
            walker.AddRoot(operation);
            var stored = walker.RunForStoredTaint(member);
            if (stored is not null)
            {
                foreach (var origin in stored.Origins)
                {
                    if (origin.IsSource)
                    {
                        result = TaintValue.Union(result, TaintValue.Of(origin));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Whether the walk of <paramref name="body"/> can store anything into <paramref name="member"/>: a superset of the
    /// places where <see cref="TaintWalker"/> assigns a field or property (an assignment, deconstruction or loop
    /// variable whose target mentions it, an <c>out</c>/<c>ref</c> argument that mentions it, an initializer of it, or
    /// a call on a receiver that mentions it and that the walk treats as a mutator: a <c>StringBuilder</c> method, or
    /// one returning <c>void</c> or the receiver's type). Taint decides nothing here, so it only ever says yes too often.
    /// </summary>
    private bool MayStore(IOperation body, ISymbol member)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            var mayStore = operation switch
            {
                // A call on the member itself mutates it as the walk does (a void method, a fluent one, StringBuilder, a put);
                // a call on a part of it (`_queue.Writer.TryWrite(x)`, `_holder.Items.Add(x)`) only when it puts an element in.
                IInvocationOperation { Instance: { } instance } invocation => IsReferenceTo(instance, member)
                    ? invocation.TargetMethod.ReturnsVoid
                        || SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, instance.Type)
                        || SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, Table.StringBuilder)
                        || TaintWalker.PutsElement(invocation.TargetMethod, invocation.Arguments, null)
                    : TaintWalker.PutsElement(invocation.TargetMethod, invocation.Arguments, null) && Mentions(instance, member),
                IAssignmentOperation assignment => Mentions(assignment.Target, member),
                IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument => Mentions(argument.Value, member),
                IForEachLoopOperation loop => Mentions(loop.LoopControlVariable, member),
                IFieldInitializerOperation or IPropertyInitializerOperation => true,
                _ => false,
            };
            if (mayStore)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="operation"/> (past conversions) is a read of <paramref name="member"/> itself.</summary>
    private static bool IsReferenceTo(IOperation operation, ISymbol member)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation is IMemberReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Member.OriginalDefinition, member);
    }

    /// <summary>Whether <paramref name="operation"/> reads or names <paramref name="member"/> anywhere inside it.</summary>
    private static bool Mentions(IOperation operation, ISymbol member)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            ISymbol? symbol = descendant switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            if (symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A member body that may write a field or property; <see cref="CallsOnly"/> when only calls on it were seen.</summary>
    private readonly struct MemberWriter
    {
        public MemberWriter(SyntaxNode body, bool callsOnly)
        {
            Body = body;
            CallsOnly = callsOnly;
        }

        public SyntaxNode Body { get; }

        public bool CallsOnly { get; }

        public void Deconstruct(out SyntaxNode body, out bool callsOnly)
        {
            body = Body;
            callsOnly = CallsOnly;
        }
    }

    /// <summary>
    /// For each member name, the member declarations of <paramref name="type"/> (all partial parts) that assign a member
    /// of that name or call a method on it, plus the member's own initializer: one syntax scan per type, matched by name
    /// (symbols are checked by the walk itself, and by <see cref="MayStore"/> for bodies that only call methods on it).
    /// </summary>
    private Dictionary<string, List<MemberWriter>> GetMemberWriters(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (_memberWriters.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var result = new Dictionary<string, List<MemberWriter>>(StringComparer.Ordinal);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            if (!Compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                continue;
            }

            foreach (var node in declaration.DescendantNodes(n => n == declaration || n is not BaseTypeDeclarationSyntax))
            {
                string? name;
                SyntaxNode? body;
                var callsOnly = false;
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment:
                        name = AssignedName(assignment.Left);
                        body = EnclosingMember(assignment);
                        if (name is null && assignment.Left is ElementAccessExpressionSyntax { Expression: var indexed })
                        {
                            // _prefs["tone"] = v: an element stored in the member, as a mutator call stores its argument.
                            name = AssignedName(indexed);
                            callsOnly = true;
                        }

                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } when AssignedName(receiver) is { } mutated:
                        // _notes.Add(x), _prompt.Append(x): a mutator call stores its argument in the receiver.
                        name = mutated;
                        body = EnclosingMember(node);
                        callsOnly = true;
                        if (receiver is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: var root } } && body is not null)
                        {
                            // _queue.Writer.TryWrite(x): a part of the member (its writer, a collection it holds) is filled.
                            AddWriter(result, root, body, callsOnly: true);
                        }

                        break;
                    case VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: FieldDeclarationSyntax } field:
                        name = field.Identifier.ValueText;
                        body = initializer;
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } initializer } property:
                        name = property.Identifier.ValueText;
                        body = initializer;
                        break;
                    default:
                        continue;
                }

                if (name is null || body is null)
                {
                    continue;
                }

                AddWriter(result, name, body, callsOnly);
            }
        }

        return _memberWriters.GetOrAdd(type, result);
    }

    private static void AddWriter(Dictionary<string, List<MemberWriter>> result, string name, SyntaxNode body, bool callsOnly)
    {
        if (!result.TryGetValue(name, out var list))
        {
            list = new List<MemberWriter>();
            result[name] = list;
        }

        var index = list.FindIndex(w => w.Body == body);
        if (index < 0)
        {
            list.Add(new MemberWriter(body, callsOnly));
        }
        else if (list[index].CallsOnly && !callsOnly)
        {
            list[index] = new MemberWriter(body, callsOnly: false);
        }
    }

    private static string? AssignedName(ExpressionSyntax? left) => left switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static SyntaxNode? EnclosingMember(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return current;
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } arrow:
                    return arrow;
                case BaseTypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private SemanticModel GetModel(SyntaxTree tree) =>
#pragma warning disable RS1030 // Summaries need operations of other methods; models are cached once per tree.
        _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030
}
