using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StructuredLlm.Analyzers.Llm;

namespace StructuredLlm.Analyzers.Taint;

/// <summary>Which rule a sink hit belongs to.</summary>
internal enum SinkRule
{
    Instructions,
    UserTemplate,
    SemanticKernelTemplate,
}

/// <summary>Untrusted text from <see cref="Source"/> reaching a sink at <see cref="Value"/>.</summary>
internal sealed class SinkHit
{
    public SinkHit(SinkRule rule, IOperation value, SinkInfo sink, Origin source, ImmutableArray<IOperation> fixTargets, string? via)
    {
        Rule = rule;
        Value = value;
        Sink = sink;
        Source = source;
        FixTargets = fixTargets;
        Via = via;
    }

    public SinkRule Rule { get; }

    public IOperation Value { get; }

    public SinkInfo Sink { get; }

    public Origin Source { get; }

    /// <summary>The parts of the sink value that carry the taint (interpolation holes, operands, arguments), or the value
    /// itself when it is untrusted as a whole; empty when no part isolates the untrusted text.</summary>
    public ImmutableArray<IOperation> FixTargets { get; }

    public string? Via { get; }
}

/// <summary>
/// A flow-insensitive, monotone taint walk over the <see cref="IOperation"/> tree of one method (with its lambdas and
/// local functions): variables only gain taint, the walk repeats until nothing changes, then a last pass records sink
/// hits. In summary mode parameters are symbolic origins and the result is a <see cref="MethodSummary"/>.
/// </summary>
internal sealed partial class TaintWalker
{
    private const int MaxPasses = 5;

    private readonly TaintContext _context;
    private readonly LlmApiTable _table;
    private readonly ISymbol _owner;
    private readonly bool _summaryMode;

    /// <summary>A full summary: the owner's parameters and its object's members stand for what the caller gives (origins).
    /// False for a summary of sources only (see <see cref="TaintContext.GetSummary"/>), where they hold nothing untrusted.</summary>
    private readonly bool _symbolic;
    private readonly int _depth;
    private readonly ImmutableHashSet<IMethodSymbol> _inProgress;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _followMembers;
    private readonly List<IOperation> _roots = new();
    private readonly Dictionary<ISymbol, TaintValue> _vars = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Variables that hold text the app wrote (words, not only separators): a string or StringBuilder given such text by
    /// its initializer, an assignment, <c>+=</c> or an append. Untrusted text added to one of them is mixed with the app's
    /// text; untrusted text accumulated alone (a streamed reply, chunk by chunk) stays whole. Only ever grows.
    /// </summary>
    private readonly HashSet<ISymbol> _appText = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, TaintValue> _returns = new(SymbolEqualityComparer.Default);
    private readonly Stack<ISymbol> _functions = new();
    private readonly Dictionary<IOperation, SinkHit> _hits = new();
    private readonly List<ParameterSink> _parameterSinks = new();
    private readonly Dictionary<IOperation, TaintValue?> _lastEval = new();
    private readonly Dictionary<ISymbol, int> _firstTaint = new(SymbolEqualityComparer.Default);

    // `var safe = request with { Persona = "x" };`: the taint of each member a `with` sets, and for each local the one
    // `with` expression, or tuple or positional record with known elements (see _tupleElements), that every tainting
    // assignment to it came from (null once anything else taints it).
    private readonly Dictionary<IWithOperation, Dictionary<ISymbol, TaintValue?>> _withMembers = new();
    private readonly Dictionary<IWithOperation, TaintValue?> _withOperands = new();
    private readonly Dictionary<ISymbol, IOperation?> _withOrigin = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The taint of each element of a tuple value, by position: a tuple literal's elements, a positional record's
    /// constructor arguments, or what a call whose summary returns such values gives in each position. A local assigned only from one such value reads its elements one
    /// by one (<see cref="TryWithMember"/>), and deconstructing one splits it (<see cref="AssignDeconstruction"/>).
    /// </summary>
    private readonly Dictionary<IOperation, TaintValue?[]> _tupleElements = new();

    /// <summary>Per function (the method and its lambdas), the taint of each element of the tuple literals it returns; null once it returns anything else.</summary>
    private readonly Dictionary<ISymbol, TaintValue?[]?> _returnElements = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// <c>new T { A = x, B = y }</c>: the taint each member set by the initializer was given (a member the initializer does
    /// not set, or sets through a nested initializer, is not there). A local assigned only from that creation (and from calls
    /// handing the same object back, see <see cref="ShapedValue"/>) reads those members one by one.
    /// </summary>
    private readonly Dictionary<IObjectCreationOperation, Dictionary<ISymbol, TaintValue?>> _initializedMembers = new();

    /// <summary>
    /// For such a creation, what the calls that handed it back (<c>ctx = await provider.InvokeAsync(new Invoking(ctx))</c>)
    /// brought beyond what the object already held: it may be in any member.
    /// </summary>
    private readonly Dictionary<IObjectCreationOperation, TaintValue?> _handedBackAdds = new();

    /// <summary>
    /// A <c>ref</c> local and the variables whose storage it was bound to (<c>ref string slot = ref parts[1];</c>, also
    /// rebound with <c>slot = ref other;</c>): a write through it is a write to them. Filled only where a ref local is declared.
    /// </summary>
    private Dictionary<ISymbol, List<ISymbol>>? _refTargets;

    /// <summary>The value being assigned when it is a <c>with</c> expression or a tuple whose elements are known.</summary>
    private IOperation? _assigningWith;
    private readonly Stack<TaintValue?> _conditionalReceivers = new();
    private Dictionary<ISymbol, int>? _stores;

    // An object of this compilation held in a variable (`var agent = new Agent(persona); agent.Persona = x;`): what each of
    // its members was given and by which operation (an assignment through the variable, or a call whose summary stores
    // into its object, `agent.SetPersona(q)`), and the `new` expressions assigned to a local, with their arguments' taint.
    // A call on it whose summary puts a member into a sink (`agent.RunAsync()` building its system message from
    // `_persona`) looks it up here.
    private readonly Dictionary<(ISymbol Variable, ISymbol Member), List<(IOperation Writer, TaintValue Taint)>> _memberWrites = new(VariableMemberComparer.Instance);
    private readonly Dictionary<ISymbol, List<IObjectCreationOperation>> _createdInto = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IObjectCreationOperation, TaintValue?[]> _creationArguments = new();
    private int _calleeDepth;
    private bool _calleesTruncated;
    private HashSet<IMethodSymbol>? _cutBy; // callers in progress whose summaries a summarised callee left out
    private int _position;
    private bool _changed;
    private bool _report;

    public TaintWalker(TaintContext context, ISymbol owner, bool summaryMode, int depth, ImmutableHashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken, bool followMembers = true, bool sourcesOnly = false)
    {
        _symbolic = summaryMode && !sourcesOnly;
        _followMembers = followMembers;
        _context = context;
        _table = context.Table;
        _owner = owner;
        _summaryMode = summaryMode;
        _depth = depth;
        _inProgress = inProgress;
        _cancellationToken = cancellationToken;
    }

    public void AddRoot(IOperation root) => _roots.Add(root);

    /// <summary>Runs the walk with the owner's untrusted parameters seeded; returns the hits, ordered by position.</summary>
    public List<SinkHit> RunTopLevel()
    {
        if (_owner is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                var kind = ParameterSourceKind(method, parameter, registration: null);
                if (kind is not null)
                {
                    Seed(parameter, kind);
                }
            }
        }

        Run();
        var hits = new List<SinkHit>(_hits.Values);
        hits.Sort((a, b) => a.Value.Syntax.SpanStart.CompareTo(b.Value.Syntax.SpanStart));
        return hits;
    }

    /// <summary>Runs the walk as <see cref="RunTopLevel"/> does and returns the taint stored into <paramref name="member"/>.</summary>
    public TaintValue? RunForStoredTaint(ISymbol member)
    {
        RunTopLevel();
        return Get(member);
    }

    public MethodSummary RunSummary()
    {
        if (_owner is IMethodSymbol method && _symbolic)
        {
            foreach (var parameter in method.Parameters)
            {
                if (!IsSafeType(parameter.Type))
                {
                    Assign(parameter, TaintValue.Of(Origin.Parameter(parameter)));
                }
            }
        }

        Run();
        _returns.TryGetValue(_owner, out var returned);
        var outParameters = ImmutableArray<(int, TaintValue)>.Empty;
        if (_owner is IMethodSymbol owner)
        {
            foreach (var parameter in owner.Parameters)
            {
                if (parameter.RefKind is RefKind.Out or RefKind.Ref && Get(parameter) is { } stored)
                {
                    outParameters = outParameters.Add((parameter.Ordinal, stored));
                }
                else if (parameter.RefKind == RefKind.None && IsMutableReference(parameter.Type) && Get(parameter) is { } mutated
                    && GainsOrigins(mutated, parameter.Ordinal))
                {
                    // The method appended to or filled a text container the caller passed (a StringBuilder, a list of
                    // strings): the caller's variable holds what was put into it, as it would for a ref parameter.
                    outParameters = outParameters.Add((parameter.Ordinal, mutated));
                }
            }
        }

        ImmutableHashSet<IMethodSymbol>? cutBy = null;
        if (_cutBy is not null && _owner is IMethodSymbol self)
        {
            _cutBy.Remove(TaintContext.BodyOwner(self)); // the cycle closes here: what it left out is this summary itself
            cutBy = _cutBy.Count == 0 ? null : ImmutableHashSet.CreateRange<IMethodSymbol>(SymbolEqualityComparer.Default, _cutBy);
        }

        var returnElements = default(ImmutableArray<TaintValue?>);
        if (_returnElements.TryGetValue(_owner, out var elements) && elements is not null)
        {
            returnElements = ImmutableArray.Create(elements);
        }

        // Members of an object of the app's types the method was given, set here (`o.Persona = r.Query["p"]`): kept by
        // member, not on the whole object (a method that completes a DTO it read does not put its result into its input).
        ImmutableArray<(int, ISymbol, TaintValue)>.Builder? parameterMembers = null;
        if (_owner is IMethodSymbol withParameters)
        {
            foreach (var pair in _memberWrites)
            {
                if (pair.Key.Variable is IParameterSymbol { RefKind: RefKind.None } parameter
                    && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, withParameters)
                    && !IsMutableReference(parameter.Type))
                {
                    TaintValue? stored = null;
                    foreach (var (_, taint) in pair.Value)
                    {
                        stored = TaintValue.Union(stored, taint);
                    }

                    if (stored is not null && GainsOrigins(stored, parameter.Ordinal))
                    {
                        (parameterMembers ??= ImmutableArray.CreateBuilder<(int, ISymbol, TaintValue)>()).Add((parameter.Ordinal, pair.Key.Member, stored));
                    }
                }
            }
        }

        return new MethodSummary(
            returned,
            _parameterSinks.Count == 0 ? ImmutableArray<ParameterSink>.Empty : _parameterSinks.ToImmutableArray(),
            _calleesTruncated ? int.MaxValue : _calleeDepth + 1,
            outParameters,
            cutBy,
            MemberStores(),
            returnElements,
            parameterMembers?.ToImmutable() ?? default);
    }

    /// <summary>What this method stored into its own object's members from its parameters or sources (for <see cref="MethodSummary.MemberStores"/>).</summary>
    private ImmutableArray<(ISymbol Member, TaintValue Taint)> MemberStores()
    {
        if (_owner is not IMethodSymbol { IsStatic: false })
        {
            return default;
        }

        ImmutableArray<(ISymbol, TaintValue)>.Builder? stores = null;
        foreach (var pair in _vars)
        {
            if (IsReceiverStateMember(pair.Key) && HasOriginBesidesMembers(pair.Value))
            {
                (stores ??= ImmutableArray.CreateBuilder<(ISymbol, TaintValue)>()).Add((pair.Key.OriginalDefinition, pair.Value));
            }
        }

        return stores?.ToImmutable() ?? default;
    }

    private static bool HasOriginBesidesMembers(TaintValue taint)
    {
        foreach (var origin in taint.Origins)
        {
            if (!origin.IsMember)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A field or property of the summarised method's own object whose value a caller can set (through a constructor, an
    /// initializer, a setter or another call): a text-carrying instance member of the method's type or a base type, not a
    /// computed property (its getter is summarised like a call instead).
    /// </summary>
    private bool IsReceiverStateMember(ISymbol member)
    {
        if (member.IsStatic || !TaintContext.IsTrackedMember(member)
            || (member is IPropertySymbol { GetMethod: { } getter } && TaintContext.IsComputedGetter(getter))
            || _owner is not IMethodSymbol { IsStatic: false, ContainingType: { } type })
        {
            return false;
        }

        var declaring = member.ContainingType.OriginalDefinition;
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A primary-constructor parameter read by another member of its type (<c>class Agent(string persona)</c>, then
    /// <c>persona</c> in a method): state of the object, set by whoever created it.
    /// </summary>
    private bool IsCapturedPrimaryParameter(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        && !SymbolEqualityComparer.Default.Equals(constructor.OriginalDefinition, (_owner as IMethodSymbol)?.OriginalDefinition)
        && !IsSafeType(parameter.Type)
        && IsPrimaryConstructor(constructor);

    private static bool IsPrimaryConstructor(IMethodSymbol constructor)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the method sets <paramref name="member"/> (an original definition) of its own object in a statement of its
    /// body's outermost block that ends before <paramref name="at"/> (<c>_router = router;</c> first thing): from there on
    /// the member holds what this call put there, not what the caller's object held.
    /// </summary>
    private bool StoredBefore(ISymbol member, IOperation at)
    {
        if (_functions.Count > 1)
        {
            return false;
        }

        if (_stores is null)
        {
            _stores = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
            foreach (var root in _roots)
            {
                var body = root switch
                {
                    IMethodBodyOperation method => method.BlockBody,
                    IConstructorBodyOperation constructor => constructor.BlockBody,
                    IBlockOperation block => block,
                    _ => null,
                };
                if (body is null)
                {
                    continue;
                }

                foreach (var statement in body.Operations)
                {
                    if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } target } }
                        && (!_stores.TryGetValue(target.Member.OriginalDefinition, out var end) || statement.Syntax.Span.End < end))
                    {
                        _stores[target.Member.OriginalDefinition] = statement.Syntax.Span.End;
                    }
                }
            }
        }

        return _stores.TryGetValue(member.OriginalDefinition, out var storedAt) && storedAt <= at.Syntax.SpanStart;
    }

    /// <summary>A <c>new</c> of a type of this compilation: its arguments' taint, and the local it is assigned to.</summary>
    private void RecordCreation(IObjectCreationOperation creation, TaintValue?[] arguments)
    {
        _creationArguments[creation] = arguments;
        var value = (IOperation)creation;
        while (value.Parent is IConversionOperation conversion)
        {
            value = conversion;
        }

        ILocalSymbol? local = value.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value => target.Local,
            _ => null,
        };
        if (local is null)
        {
            return;
        }

        if (!_createdInto.TryGetValue(local, out var creations))
        {
            _createdInto[local] = creations = new List<IObjectCreationOperation>(1);
        }

        if (!creations.Contains(creation))
        {
            creations.Add(creation);
            _changed = true;
        }
    }

    /// <summary>
    /// What <paramref name="writer"/> gave a member of an object held in a variable: an assignment (<c>agent.Persona = x</c>)
    /// or a call's stores (<c>agent.SetPersona(q)</c>).
    /// </summary>
    private void RecordMemberWrite(IOperation? instance, ISymbol member, TaintValue? value, IOperation writer)
    {
        if (value is null || HeldIn(instance) is not { } variable)
        {
            return;
        }

        var key = (variable, member.OriginalDefinition);
        if (!_memberWrites.TryGetValue(key, out var writes))
        {
            _memberWrites[key] = writes = new List<(IOperation, TaintValue)>(1);
        }

        for (var i = 0; i < writes.Count; i++)
        {
            if (writes[i].Writer == writer)
            {
                var merged = TaintValue.Union(writes[i].Taint, value)!;
                if (!merged.Equals(writes[i].Taint))
                {
                    writes[i] = (writer, merged);
                    _changed = true;
                }

                return;
            }
        }

        writes.Add((writer, value));
        _changed = true;
    }

    /// <summary>The variable an object is read from: a local, a parameter, or a field or property of this object.</summary>
    private static ISymbol? HeldIn(IOperation? instance) => Unconverted(instance) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.IsIndexer: false } property => property.Property,
        _ => null,
    };

    /// <summary>
    /// What a call's receiver holds in <paramref name="member"/> (an original definition): for <c>this</c>, what this walk
    /// stored there and, in a summary, the member itself as an origin for the caller to map; for an object created here
    /// (<c>new Agent(persona)</c>, directly or through the local it was assigned to), what its constructor and initializer
    /// put there; for any variable, what was written to that member through it, except by <paramref name="call"/> itself (a
    /// call's own stores are not what its receiver held when it ran, and its summary reports them through its parameters).
    /// </summary>
    private TaintValue? ReceiverMemberTaint(IOperation? receiver, ISymbol member, IOperation? call = null)
    {
        switch (Unconverted(receiver))
        {
            case null:
                return null;
            case IInstanceReferenceOperation:
                return _summaryMode ? TaintValue.Union(Get(member), !_symbolic || StoredBefore(member, receiver!) ? null : TaintValue.Of(Origin.OfMember(member))) : null;
            case IObjectCreationOperation creation:
                return CreationMemberTaint(creation, member);
        }

        TaintValue? result = null;
        if (HeldIn(receiver) is { } variable)
        {
            if (_memberWrites.TryGetValue((variable, member), out var writes))
            {
                foreach (var (writer, taint) in writes)
                {
                    if (writer != call)
                    {
                        result = TaintValue.Union(result, taint);
                    }
                }
            }

            if (_createdInto.TryGetValue(variable, out var creations))
            {
                foreach (var creation in creations)
                {
                    result = TaintValue.Union(result, CreationMemberTaint(creation, member));
                }
            }
        }

        return result;
    }

    /// <summary>What <c>new T(args) { M = x }</c> puts into <paramref name="member"/>: a primary-constructor parameter or a
    /// positional record property from its argument, what a constructor stores from its arguments (by its summary), an
    /// initializer's value.</summary>
    private TaintValue? CreationMemberTaint(IObjectCreationOperation creation, ISymbol member)
    {
        TaintValue? result = null;
        if (creation.Constructor is { } constructor && _creationArguments.TryGetValue(creation, out var arguments))
        {
            var ordinal = -1;
            if (member is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, constructor.OriginalDefinition))
            {
                ordinal = parameter.Ordinal;
            }
            else if (member is IPropertySymbol property && IsPrimaryConstructor(constructor) && IsPositional(property))
            {
                foreach (var candidate in constructor.Parameters)
                {
                    if (candidate.Name == property.Name)
                    {
                        ordinal = candidate.Ordinal;
                    }
                }
            }

            if (ordinal >= 0)
            {
                for (var i = 0; i < creation.Arguments.Length; i++)
                {
                    if (creation.Arguments[i].Parameter?.Ordinal == ordinal)
                    {
                        result = TaintValue.Union(result, arguments[i]);
                    }
                }
            }
            else if (TaintContext.HasSourceBody(constructor) && _depth > 0 && Summarise(constructor) is { } summary)
            {
                foreach (var (stored, taint) in summary.MemberStores)
                {
                    if (SymbolEqualityComparer.Default.Equals(stored, member))
                    {
                        result = TaintValue.Union(result, MapOrigins(taint, creation.Arguments, arguments, argumentsOnly: true));
                    }
                }
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var set in initializer.Initializers)
            {
                if (set is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member))
                {
                    result = TaintValue.Union(result, Eval(assignment.Value));
                }
            }
        }

        return result;
    }

    /// <summary>A record's positional property (declared by its primary constructor's parameter).</summary>
    private static bool IsPositional(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is ParameterSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a same-compilation call stored into its object's members, onto the receiver it was called on.</summary>
    private void ApplyMemberStores(IInvocationOperation call, IOperation? receiver, MethodSummary summary, ImmutableArray<IArgumentOperation> callArguments, TaintValue?[] arguments)
    {
        if (receiver is null || summary.MemberStores.IsEmpty)
        {
            return;
        }

        // Onto another object, only what this call gave it: untrusted text the object fetches and keeps itself (a model
        // reply it stores for its next prompt) is its own flow, found (if at all) inside its type, not at every call.
        var self = Unconverted(receiver) is IInstanceReferenceOperation;
        foreach (var (member, taint) in summary.MemberStores)
        {
            var mapped = MapOrigins(taint, callArguments, arguments, argumentsOnly: !self);
            if (self)
            {
                Assign(member, mapped);
            }
            else
            {
                RecordMemberWrite(receiver, member, mapped, call);
            }
        }
    }

    /// <summary>
    /// A text container a callee can append to or fill: a <c>StringBuilder</c>, or an array or collection of strings
    /// (parts joined into a prompt later). Not other objects: a method that reads an object and then writes a result into
    /// it (a DTO it completes) would look, to this flow-insensitive walk, as if the result flowed into its own input; and
    /// not collections of other things, whose elements carry their own taint where they are created.
    /// </summary>
    internal static bool IsMutableReference(ITypeSymbol type)
    {
        if (!type.IsReferenceType)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType == SpecialType.System_String;
        }

        if (type is { Name: "StringBuilder", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
            || IsTextWriter(type))
        {
            return true;
        }

        return IsOrImplements(type, IsStringCollection);
    }

    /// <summary>A <c>System.IO.TextWriter</c> (a <c>StringWriter</c>...): what is written to it is its text.</summary>
    internal static bool IsTextWriter(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t is { Name: "TextWriter", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStringCollection(INamedTypeSymbol type) =>
        type is { Name: "ICollection", Arity: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
        && type.TypeArguments[0].SpecialType == SpecialType.System_String;

    /// <summary>Whether a parameter's taint has an origin other than the parameter itself.</summary>
    private static bool GainsOrigins(TaintValue taint, int ordinal)
    {
        foreach (var origin in taint.Origins)
        {
            if (origin.ParameterOrdinal != ordinal)
            {
                return true;
            }
        }

        return false;
    }

    private void Run()
    {
        _functions.Push(_owner);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            _changed = false;
            foreach (var root in _roots)
            {
                Eval(root);
            }

            if (!_changed)
            {
                break;
            }
        }

        _report = true;
        foreach (var root in _roots)
        {
            Eval(root);
        }
    }

    // ---- state ---------------------------------------------------------------------------------------------

    private void Seed(IParameterSymbol parameter, SourceKind kind)
    {
        var location = parameter.Locations.Length > 0 ? parameter.Locations[0] : Location.None;
        Assign(parameter, TaintValue.Of(Origin.Source(parameter.Name, kind, location)));
    }

    private TaintValue? Get(ISymbol symbol) => _vars.TryGetValue(symbol, out var taint) ? taint : null;

    private void Assign(ISymbol? symbol, TaintValue? taint)
    {
        if (symbol is null || taint is null || IsSafeType(TypeOf(symbol)))
        {
            return;
        }

        if (symbol is ILocalSymbol)
        {
            if (!_withOrigin.TryGetValue(symbol, out var origin))
            {
                _withOrigin[symbol] = _assigningWith;
            }
            else if (origin is not null && !ReferenceEquals(origin, _assigningWith))
            {
                _withOrigin[symbol] = null;
            }
        }

        _vars.TryGetValue(symbol, out var current);
        var merged = TaintValue.Union(current, taint)!;
        if (!merged.Equals(current))
        {
            _vars[symbol] = merged;
            _changed = true;
        }

        // Where a local or parameter first gains taint, in straight-line code of the method itself (see ReadVariable).
        var position = _functions.Count > 1 ? int.MinValue : _position;
        if (!_firstTaint.TryGetValue(symbol, out var first) || position < first)
        {
            _firstTaint[symbol] = position;
        }
    }

    /// <summary>
    /// A local or parameter read, outside any loop and in the method itself, before the first statement that taints it
    /// is clean: the one ordering rule of an otherwise flow-insensitive walk (a template used before untrusted text is
    /// appended; a parameter object read for the prompt before the reply is written into it). A parameter seeded as a
    /// source, or as a summary's parameter, is tainted from the start.
    /// </summary>
    private TaintValue? ReadVariable(ISymbol variable, IOperation reference)
    {
        var taint = Get(variable);
        if (taint is null || _functions.Count > 1 || !_firstTaint.TryGetValue(variable, out var first)
            || reference.Syntax.SpanStart >= first)
        {
            return taint;
        }

        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILoopOperation)
            {
                return taint;
            }
        }

        return null;
    }

    /// <summary>Adds a returned value's elements to its function's <see cref="_returnElements"/> (a tuple literal; anything else ends them).</summary>
    private void AddReturnElements(IOperation? value)
    {
        if (_functions.Count == 0 || value is null)
        {
            return;
        }

        var function = _functions.Peek();
        var elements = TupleElementsOf(value);
        if (_returnElements.TryGetValue(function, out var current))
        {
            if (current is null)
            {
                return;
            }

            if (elements is null || elements.Length != current.Length)
            {
                _returnElements[function] = null;
                _changed = true;
                return;
            }

            for (var i = 0; i < current.Length; i++)
            {
                var merged = TaintValue.Union(current[i], elements[i]);
                if (!Equals(merged, current[i]))
                {
                    current[i] = merged;
                    _changed = true;
                }
            }

            return;
        }

        _returnElements[function] = elements is null ? null : (TaintValue?[])elements.Clone();
        _changed = true;
    }

    /// <summary>The taint of each element of a tuple value whose elements are known (a tuple literal, a call returning tuple literals, a local holding one), by position.</summary>
    private TaintValue?[]? TupleElementsOf(IOperation? value)
    {
        value = Unconverted(value);
        if (value is null)
        {
            return null;
        }

        if (value is IAwaitOperation)
        {
            // `var (system, user) = await BuildAsync(q);`: an async method's tuple, by position, as a synchronous call's.
            value = AwaitedCall(value);
            if (value is null)
            {
                return null;
            }
        }

        if (_tupleElements.TryGetValue(value, out var elements))
        {
            return elements;
        }

        return value is ILocalReferenceOperation local && _withOrigin.TryGetValue(local.Local, out var origin) && origin is not null
            && _tupleElements.TryGetValue(origin, out var held)
            ? held
            : null;
    }

    /// <summary>The builder variable a <c>StringWriter</c> was created over (<c>new StringWriter(sb)</c>, directly or through a local assigned once).</summary>
    private ISymbol? BuilderUnder(IOperation writer)
    {
        writer = Unconverted(writer)!;
        if (writer is ILocalReferenceOperation local)
        {
            writer = Unconverted(SingleAssignment(local))!;
        }

        if (writer is IObjectCreationOperation { Arguments.Length: > 0 } creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Value.Type, _table.StringBuilder))
                {
                    return RootVariable(argument.Value);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A local function or lambda of this method given a builder, writer or list (<c>void Add(StringBuilder sb, string v)
    /// =&gt; sb.Append(v); Add(rules, q);</c>): what its body put into the parameter is in the caller's object too.
    /// </summary>
    private void FillArgumentsFrom(ImmutableArray<IArgumentOperation> arguments, ImmutableArray<IParameterSymbol> parameters = default)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = parameters.IsDefault ? arguments[i].Parameter : (i < parameters.Length ? parameters[i] : null);
            if (parameter is not null && IsMutableReference(parameter.Type) && Get(parameter) is { } filled)
            {
                Assign(RootVariable(arguments[i].Value), filled);
            }
        }
    }

    /// <summary>
    /// <c>strict ? ("Be strict.", q) : ("Be lenient.", q)</c>: when every arm is a tuple with known elements (an arm that
    /// throws gives no value), the choice has those elements too, position by position.
    /// </summary>
    private void MergeArmElements(IOperation choice, params IOperation[] arms)
    {
        TaintValue?[]? merged = null;
        foreach (var arm in arms)
        {
            if (Unconverted(arm) is IThrowOperation)
            {
                continue;
            }

            if (TupleElementsOf(arm) is not { } elements || (merged is not null && merged.Length != elements.Length))
            {
                return;
            }

            if (merged is null)
            {
                merged = (TaintValue?[])elements.Clone();
            }
            else
            {
                for (var i = 0; i < merged.Length; i++)
                {
                    merged[i] = TaintValue.Union(merged[i], elements[i]);
                }
            }
        }

        if (merged is not null)
        {
            _tupleElements[choice] = merged;
        }
    }

    /// <summary>The value being assigned, when reading its members one by one is possible (a <c>with</c> expression, a tuple with known elements).</summary>
    private IOperation? ShapedValue(IOperation? value, TaintValue? taint)
    {
        value = Unconverted(value);
        if (value is IObjectCreationOperation creation && _initializedMembers.ContainsKey(creation))
        {
            return creation;
        }

        var resultType = value?.Type;
        if (value is IAwaitOperation)
        {
            value = AwaitedCall(value);
        }

        if (value is IInvocationOperation call && HandedBack(call, resultType) is { } carried
            && _withOrigin.TryGetValue(carried.Local, out var origin) && origin is IObjectCreationOperation held)
        {
            // A call given the object (directly or inside an object created for the call) that returns one of its type: the
            // object's members keep the taint they held; only what the call brings besides may be in any member.
            _handedBackAdds.TryGetValue(held, out var added);
            _handedBackAdds[held] = TaintValue.Union(added, TaintValue.Except(taint, Get(carried.Local)));
            return held;
        }

        return value is IWithOperation || (value is not null && _tupleElements.ContainsKey(value)) ? value : null;
    }

    /// <summary>What an <c>await</c> awaits, under its conversions and a <c>ConfigureAwait</c> call (<c>await p.InvokeAsync(...).ConfigureAwait(false)</c>: the call awaited is its receiver).</summary>
    private static IOperation? AwaitedCall(IOperation value)
    {
        var awaited = Unconverted(((IAwaitOperation)value).Operation);
        return awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured } ? Unconverted(configured) : awaited;
    }

    /// <summary>
    /// The local of type <paramref name="type"/> (a class or struct of the app or a library, not text or a collection)
    /// that <paramref name="call"/> is given as an argument, directly or as an argument of the <c>new</c> expression a
    /// local argument is assigned once (<c>ctx = await p.InvokeAsync(new Invoking(this, ctx))</c>, or through
    /// <c>var context = new Invoking(this, ctx);</c>).
    /// </summary>
    private static ILocalReferenceOperation? HandedBack(IInvocationOperation call, ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || IsCollection(type))
        {
            return null;
        }

        foreach (var argument in call.Arguments)
        {
            var value = Unconverted(argument.Value);
            if (value is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local.Type, type))
            {
                return local;
            }

            var wrapper = value as IObjectCreationOperation;
            if (value is ILocalReferenceOperation { Local.Type.TypeKind: TypeKind.Class } holder)
            {
                wrapper = Unconverted(SingleAssignment(holder)) as IObjectCreationOperation;
            }

            if (wrapper is not null)
            {
                foreach (var wrapped in wrapper.Arguments)
                {
                    if (Unconverted(wrapped.Value) is ILocalReferenceOperation inner && SymbolEqualityComparer.Default.Equals(inner.Local.Type, type))
                    {
                        return inner;
                    }
                }
            }
        }

        return null;
    }

    private void AddReturn(TaintValue? taint)
    {
        if (taint is null || _functions.Count == 0)
        {
            return;
        }

        var function = _functions.Peek();
        _returns.TryGetValue(function, out var current);
        var merged = TaintValue.Union(current, taint)!;
        if (!merged.Equals(current))
        {
            _returns[function] = merged;
            _changed = true;
        }
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol l => l.Type,
        IParameterSymbol p => p.Type,
        IFieldSymbol f => f.Type,
        IPropertySymbol p => p.Type,
        _ => null,
    };

    /// <summary>A collection (other than text itself): what is added to it stays a separate item.</summary>
    private static bool IsCollection(ITypeSymbol? type) =>
        type is not null && type.SpecialType != SpecialType.System_String && IsOrImplements(type, t => t.SpecialType == SpecialType.System_Collections_IEnumerable);

    /// <summary>A dictionary type (implements <c>IDictionary&lt;,&gt;</c> or <c>IReadOnlyDictionary&lt;,&gt;</c>, or is one).</summary>
    private static bool IsDictionaryLike(ITypeSymbol? type) => type is not null && IsOrImplements(type, IsDictionaryInterface);

    private static bool IsDictionaryInterface(INamedTypeSymbol type) =>
        type is { IsGenericType: true, Name: "IDictionary" or "IReadOnlyDictionary", ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    /// <summary>Whether <paramref name="type"/> is, or implements, an interface <paramref name="matches"/> accepts.</summary>
    private static bool IsOrImplements(ITypeSymbol type, Func<INamedTypeSymbol, bool> matches)
    {
        if (type is INamedTypeSymbol named && matches(named))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (matches(implemented))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A cryptographic hash of the value (<c>SHA256.HashData</c>, <c>HashAlgorithm.ComputeHash</c>, <c>IncrementalHash</c>,
    /// HMACs): a digest of fixed length that cannot carry the text's words, like a conversion to a number.
    /// </summary>
    private static bool IsCryptographicHash(IMethodSymbol method) =>
        method.Name is "HashData" or "HashDataAsync" or "ComputeHash" or "ComputeHashAsync" or "GetHashAndReset" or "GetCurrentHash"
        && method.ContainingNamespace is { Name: "Cryptography", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>
    /// Numbers, bool, Guid, dates, times, enums: converting untrusted text to these removes the threat. So do arrays and
    /// the framework's collections of them (<c>int[]</c>, <c>List&lt;int&gt;</c>, <c>IEnumerable&lt;Guid&gt;</c>), bytes
    /// excepted: joined into a prompt they write only numbers, dates or names the app chose.
    /// </summary>
    internal static bool IsSafeType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsSafeElement(array.ElementType);
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && generic.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            && IsFrameworkCollectionNamespace(generic.ContainingNamespace)
            && IsOrImplements(generic, t => t.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            return IsSafeElement(generic.TypeArguments[0]);
        }

        return IsSafeScalar(type);
    }

    /// <summary><c>System.Collections.Generic</c>, <c>.Immutable</c>, <c>.ObjectModel</c>, <c>.Concurrent</c> and <c>System.Linq</c>.</summary>
    private static bool IsFrameworkCollectionNamespace(INamespaceSymbol? ns) =>
        ns switch
        {
            { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } => true,
            { Name: "Generic" or "Immutable" or "ObjectModel" or "Concurrent", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } => true,
            _ => false,
        };

    /// <summary>A collection's element that cannot spell text: bytes can (<c>Encoding.UTF8.GetBytes(q)</c> is the text, encoded).</summary>
    private static bool IsSafeElement(ITypeSymbol element) =>
        element.SpecialType is not (SpecialType.System_Byte or SpecialType.System_SByte) && IsSafeScalar(element);

    private static bool IsSafeScalar(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
            case SpecialType.System_DateTime:
                return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            switch (type.MetadataName)
            {
                case "Guid":
                case "DateTimeOffset":
                case "TimeSpan":
                case "DateOnly":
                case "TimeOnly":
                case "Half":
                case "Int128":
                case "UInt128":
                    return true;
            }
        }

        return type.ContainingNamespace is { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
            && type.MetadataName is "BigInteger" or "Complex";
    }

    // ---- evaluation ----------------------------------------------------------------------------------------

    private TaintValue? Eval(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue)
        {
            return null;
        }

        _position = operation.Syntax.SpanStart;
        var result = EvalCore(operation);
        if (result is not null && IsSafeType(operation.Type))
        {
            result = null;
        }

        if (_report)
        {
            _lastEval[operation] = result;
        }

        return result;
    }

    private TaintValue? EvalCore(IOperation operation)
    {
        if (_guards.Count > 0 && IsGuarded(operation))
        {
            return null;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return ReadVariable(local.Local, local);
            case IParameterReferenceOperation parameter:
                return _symbolic && IsCapturedPrimaryParameter(parameter.Parameter)
                    ? TaintValue.Union(ReadVariable(parameter.Parameter, parameter), TaintValue.Of(Origin.OfMember(parameter.Parameter)))
                    : ReadVariable(parameter.Parameter, parameter);
            case IInstanceReferenceOperation:
                return null;
            case IFieldReferenceOperation field:
                return EvalMemberRead(field, field.Field, field.Instance, ImmutableArray<IArgumentOperation>.Empty);
            case IPropertyReferenceOperation property:
                return EvalMemberRead(property, property.Property, property.Instance, property.Arguments);
            case IInvocationOperation invocation:
                return EvalInvocation(invocation);
            case IObjectCreationOperation creation:
                return EvalCreation(creation);
            case IConversionOperation conversion:
                return EvalConversion(conversion);
            case IAwaitOperation await:
                return Eval(await.Operation);
            case IBinaryOperation binary:
                return EvalBinary(binary);
            case IInterpolatedStringOperation interpolated:
                return EvalInterpolated(interpolated);
            case IConditionalOperation conditional:
                {
                    Eval(conditional.Condition);
                    var whenTrue = EvalGuarded(conditional.WhenTrue, GuardsOf(conditional.Condition, whenTrue: true));
                    var whenFalse = EvalGuarded(conditional.WhenFalse, GuardsOf(conditional.Condition, whenTrue: false));
                    if (conditional.WhenFalse is not null && conditional.Type is not null)
                    {
                        MergeArmElements(conditional, conditional.WhenTrue, conditional.WhenFalse);
                    }

                    return conditional.IsRef || conditional.Type is not null ? TaintValue.Union(whenTrue, whenFalse) : null;
                }

            case ICoalesceOperation coalesce:
                return TaintValue.Union(Eval(coalesce.Value), Eval(coalesce.WhenNull));
            case ISwitchExpressionOperation switchExpression:
                {
                    var value = Eval(switchExpression.Value);
                    TaintValue? result = null;
                    foreach (var arm in switchExpression.Arms)
                    {
                        BindPattern(arm.Pattern, value);
                        Eval(arm.Guard);
                        var guards = OnlyConstants(arm.Pattern, matched: true) ? Single(GuardPath.Of(switchExpression.Value, unwrapCase: true)) : null;
                        result = TaintValue.Union(result, EvalGuarded(arm.Value, guards));
                    }

                    var armValues = new IOperation[switchExpression.Arms.Length];
                    for (var i = 0; i < armValues.Length; i++)
                    {
                        armValues[i] = switchExpression.Arms[i].Value;
                    }

                    MergeArmElements(switchExpression, armValues);
                    return result;
                }

            case ISimpleAssignmentOperation assignment:
                {
                    var value = Eval(assignment.Value);
                    if (assignment is { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation created }, Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } set }
                        && set is not IPropertyReferenceOperation { Property.IsIndexer: true })
                    {
                        // `new T { A = x }`: what A holds, for reading it off a local holding that object (see TryWithMember).
                        if (!_initializedMembers.TryGetValue(created, out var initialized))
                        {
                            _initializedMembers[created] = initialized = new Dictionary<ISymbol, TaintValue?>(SymbolEqualityComparer.Default);
                        }

                        initialized.TryGetValue(set.Member, out var before);
                        initialized[set.Member] = TaintValue.Union(before, value);
                    }

                    if (assignment.IsRef && VariableOf(assignment.Target) is ILocalSymbol { IsRef: true } rebound)
                    {
                        // `slot = ref other;`: later writes through `slot` go to `other` (the storage it was bound to keeps what it held).
                        BindRefLocal(rebound, assignment.Value);
                        Assign(rebound, value);
                        return value;
                    }

                    _assigningWith = ShapedValue(assignment.Value, value);
                    AssignTo(assignment.Target, value, assignment.Value);
                    _assigningWith = null;
                    if (IsAppText(assignment.Value, value))
                    {
                        MarkAppText(RootVariable(assignment.Target));
                    }

                    return value;
                }

            case IWithOperation with:
                return EvalWith(with);

            case ICompoundAssignmentOperation compound:
                {
                    var current = Eval(compound.Target);
                    var value = Eval(compound.Value);
                    var target = RootVariable(compound.Target);
                    if (IsAppText(compound.Value, value))
                    {
                        MarkAppText(target);
                    }

                    // `text += chunk` on a local: mixed when the local holds the app's words. A parameter, field or
                    // property may hold anything already; a `+=` of anything but text mixes as before.
                    var mixes = compound.Type?.SpecialType != SpecialType.System_String || target is not ILocalSymbol || _appText.Contains(target);
                    var result = TaintValue.Union(current, value, embedded: value is not null && mixes);
                    // A sink property is checked for what the `+=` adds: what it held was checked where it was written
                    // (every write of a sink property is a sink), so `Instructions += " Be brief."` is not that flow again.
                    AssignTo(compound.Target, result, compound.Value, TaintValue.Union(value, null, embedded: mixes));
                    return result;
                }

            case IDeconstructionAssignmentOperation deconstruction:
                {
                    // `var (title, text) = chunk;` of a configured retrieved-document type: the parts are read from it.
                    var value = TaintValue.Union(Eval(deconstruction.Value), TypeSourceValue(deconstruction.Value, deconstruction.Value.Type));
                    AssignDeconstruction(deconstruction.Target, deconstruction.Value, value);
                    return value;
                }

            case IInterpolatedStringAppendOperation append:
                {
                    // An interpolation hole given to a handler (`AppendFormatted(value)`) is part of the text, whatever a
                    // handler of this compilation does with it (its summary may see only a field it stores into).
                    var appended = Eval(append.AppendCall);
                    return appended is null && append.AppendCall is IInvocationOperation { Arguments.Length: > 0 } call && call.TargetMethod.Name == "AppendFormatted"
                        ? Eval(call.Arguments[0].Value)
                        : appended;
                }
            case ICoalesceAssignmentOperation coalesceAssignment:
                {
                    var current = Eval(coalesceAssignment.Target);
                    var value = Eval(coalesceAssignment.Value);
                    AssignTo(coalesceAssignment.Target, value, coalesceAssignment.Value);
                    return TaintValue.Union(current, value);
                }

            case IVariableDeclaratorOperation declarator:
                {
                    var value = Eval(declarator.Initializer?.Value);
                    if (declarator.Symbol.IsRef)
                    {
                        BindRefLocal(declarator.Symbol, declarator.Initializer?.Value);
                    }

                    _assigningWith = ShapedValue(declarator.Initializer?.Value, value);
                    Assign(declarator.Symbol, value);
                    _assigningWith = null;
                    if (declarator.Initializer is { } initializer && IsAppText(initializer.Value, value))
                    {
                        MarkAppText(declarator.Symbol);
                    }

                    return null;
                }

            case IForEachLoopOperation forEach:
                {
                    // A loop over values of a source type (`foreach (var (title, text) in chunks)`) reads such values.
                    var collection = TaintValue.Union(Eval(forEach.Collection), TypeSourceValue(forEach.Collection, ElementTypeOf(forEach.Collection)));
                    BindLoopVariable(forEach.LoopControlVariable, collection);
                    Eval(forEach.Body);
                    return null;
                }

            case IReturnOperation ret:
                {
                    var returned = Eval(ret.ReturnedValue);
                    AddReturn(returned);
                    AddReturnElements(ret.ReturnedValue);
                    return null;
                }
            case IAnonymousFunctionOperation lambda:
                {
                    _functions.Push(lambda.Symbol);
                    Eval(lambda.Body);
                    _functions.Pop();
                    return _returns.TryGetValue(lambda.Symbol, out var returned) ? returned : null;
                }

            case ILocalFunctionOperation localFunction:
                _functions.Push(localFunction.Symbol);
                Eval(localFunction.Body ?? localFunction.IgnoredBody);
                _functions.Pop();
                return null;
            case IDelegateCreationOperation delegateCreation:
                return Eval(delegateCreation.Target);
            case IMethodReferenceOperation methodReference:
                Eval(methodReference.Instance);
                return null;
            case IIsPatternOperation isPattern:
                BindPattern(isPattern.Pattern, Eval(isPattern.Value));
                return null;
            case IArrayElementReferenceOperation element:
                {
                    foreach (var index in element.Indices)
                    {
                        Eval(index);
                    }

                    return Eval(element.ArrayReference);
                }

            case IArgumentOperation argument:
                return Eval(argument.Value);
            case IFieldInitializerOperation fieldInitializer:
                {
                    var value = Eval(fieldInitializer.Value);
                    foreach (var field in fieldInitializer.InitializedFields)
                    {
                        Assign(field, value);
                    }

                    return null;
                }

            case IPropertyInitializerOperation propertyInitializer:
                {
                    var value = Eval(propertyInitializer.Value);
                    foreach (var property in propertyInitializer.InitializedProperties)
                    {
                        Assign(property, value);
                    }

                    return null;
                }

            case IDeclarationExpressionOperation:
                return null;
            case IConditionalAccessOperation access:
                {
                    // `reply.Messages.LastOrDefault()?.Text`: one value read through its receiver, as `.Text` would be,
                    // not the receiver and the member side by side (which would mix them).
                    _conditionalReceivers.Push(Eval(access.Operation));
                    try
                    {
                        return Eval(access.WhenNotNull);
                    }
                    finally
                    {
                        _conditionalReceivers.Pop();
                    }
                }

            case IConditionalAccessInstanceOperation:
                return _conditionalReceivers.Count > 0 ? _conditionalReceivers.Peek() : null;
            case IThrowOperation thrown:
                // `x ?? throw new ArgumentException($"Bad {x}")`, a switch arm that throws: the exception never becomes the
                // value, so the text built for its message neither taints nor mixes what the expression gives.
                Eval(thrown.Exception);
                return null;
            case ITupleOperation tuple:
                {
                    // Its elements side by side, each with its own taint (a tuple joins no text).
                    var elements = new TaintValue?[tuple.Elements.Length];
                    TaintValue? all = null;
                    for (var i = 0; i < elements.Length; i++)
                    {
                        elements[i] = Eval(tuple.Elements[i]);
                        all = TaintValue.Union(all, elements[i]);
                    }

                    _tupleElements[tuple] = elements;
                    return all;
                }

            case IBlockOperation block:
                return EvalBlock(block);
            case ISwitchOperation switchOperation:
                return EvalSwitch(switchOperation);
            case IInvalidOperation invalid when SinkCandidate(invalid) is { } candidate:
                return EvalInvalidSinkCall(invalid, candidate);
            default:
                return EvalChildren(operation);
        }
    }

    /// <summary>
    /// A call the compiler could not bind only because an argument has an error (a name still being typed, a type from
    /// a package that did not restore): when it names one method, and that method has sink parameters, that method.
    /// </summary>
    internal static IMethodSymbol? SinkCandidateOf(IInvalidOperation invalid, LlmApiTable table)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax call || invalid.SemanticModel is not { } model)
        {
            return null;
        }

        // Overloads (`AddUserMessage(string)`, `AddUserMessage(items)`): every candidate taking this many arguments must
        // be a sink with the same roles, so that whichever the code meant, the argument goes to that sink.
        var info = model.GetSymbolInfo(call);
        if (info.Symbol is not null || info.CandidateSymbols.IsEmpty)
        {
            return null;
        }

        IMethodSymbol? chosen = null;
        var count = call.ArgumentList.Arguments.Count;
        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is not IMethodSymbol method || method.Parameters.Length != count)
            {
                continue;
            }

            if (!table.HasMethodSinks(method))
            {
                return null;
            }

            if (chosen is null)
            {
                chosen = method;
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                var a = table.TryGetMethodSink(chosen, i, out var first) ? first.Role : (SinkRole?)null;
                var b = table.TryGetMethodSink(method, i, out var other) ? other.Role : (SinkRole?)null;
                if (a != b)
                {
                    return null;
                }
            }
        }

        return chosen;
    }

    private IMethodSymbol? SinkCandidate(IInvalidOperation invalid) => SinkCandidateOf(invalid, _table);

    /// <summary>
    /// <see cref="SinkCandidateOf"/>'s call: its arguments (the children after the receiver, in source order, positional
    /// only) checked against the method's sink parameters with a fixed role; the value is unknown text.
    /// </summary>
    private TaintValue? EvalInvalidSinkCall(IInvalidOperation invalid, IMethodSymbol method)
    {
        var call = (InvocationExpressionSyntax)invalid.Syntax;
        var children = new List<IOperation>();
        foreach (var child in invalid.ChildOperations)
        {
            children.Add(child);
        }

        var firstArgument = children.Count - call.ArgumentList.Arguments.Count;
        TaintValue? all = null;
        for (var i = 0; i < children.Count; i++)
        {
            var taint = Eval(children[i]);
            all = TaintValue.Union(all, taint);
            var ordinal = i - firstArgument;
            if (ordinal < 0 || call.ArgumentList.Arguments[ordinal].NameColon is not null || children[i].Syntax != call.ArgumentList.Arguments[ordinal].Expression)
            {
                continue;
            }

            if (_table.TryGetMethodSink(method, ordinal, out var sink) && sink.Role != SinkRole.FromRoleArgument)
            {
                CheckSink(children[i], taint, sink, ImmutableArray<IArgumentOperation>.Empty, via: null, viaEmbedded: false);
            }
        }

        return method.ReturnsVoid ? null : all;
    }

    /// <summary>
    /// <c>source with { A = x }</c>: the copy is tainted like its source and the values it sets; the values each member
    /// gets are kept so that reading such a member of a local assigned only from this expression sees only its value.
    /// </summary>
    private TaintValue? EvalWith(IWithOperation with)
    {
        var result = Eval(with.Operand);
        _withOperands[with] = result;
        var members = new Dictionary<ISymbol, TaintValue?>(SymbolEqualityComparer.Default);
        foreach (var initializer in with.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment)
            {
                var value = Eval(assignment.Value);
                members[target.Member] = value;
                result = TaintValue.Union(result, value);
            }
            else
            {
                result = TaintValue.Union(result, Eval(initializer));
            }
        }

        _withMembers[with] = members;
        return result;
    }

    /// <summary>
    /// For <c>local.Member</c> where every tainting assignment to the local is one <c>with</c> expression: the value it set
    /// the member to, or for a member it did not set, what the copied object held (its taint). Only a member nothing can change after the copy is made (an init-only or get-only
    /// property, a readonly field, any member of a struct copy), so no alias can put other text there later.
    /// </summary>
    private bool TryWithMember(IOperation? instance, ISymbol member, out TaintValue? taint)
    {
        taint = null;
        IOperation? origin;
        var temporary = Unconverted(instance) is { } direct && (direct is IWithOperation || _tupleElements.ContainsKey(direct)
            || (direct is IObjectCreationOperation created && _initializedMembers.ContainsKey(created))) ? direct : null;
        if (temporary is not null)
        {
            // `(settings with { Other = q }).Instructions`: a copy nothing else holds
            origin = temporary;
        }
        else if (instance is not ILocalReferenceOperation local || !_withOrigin.TryGetValue(local.Local, out origin) || origin is null)
        {
            return false;
        }

        if (_tupleElements.TryGetValue(origin, out var elements))
        {
            // A tuple is a struct: the local holds its own copy of the elements. A positional record's properties are set
            // once, by its constructor (init-only), or the record is a struct copy.
            if (ElementIndex(member) is not { } index || index >= elements.Length)
            {
                return false;
            }

            taint = elements[index];
            return true;
        }

        if (origin is IObjectCreationOperation creation && _initializedMembers.TryGetValue(creation, out var initialized))
        {
            // `var ctx = new T { A = clean, B = q }; ... ctx.A`: a member the initializer set holds what it was given (it
            // replaced whatever the constructor put there), plus what calls handing the object back brought, plus what
            // was written into it through the local since (a tainted write through the local, `ctx.A = q`, ends this).
            if (!initialized.TryGetValue(member, out taint) || !HoldsWhatIsSet(member))
            {
                return false;
            }

            if (_handedBackAdds.TryGetValue(creation, out var added))
            {
                taint = TaintValue.Union(taint, added);
            }

            if (temporary is null && _memberWrites.TryGetValue((((ILocalReferenceOperation)instance!).Local, member.OriginalDefinition), out var writes))
            {
                foreach (var (_, written) in writes)
                {
                    taint = TaintValue.Union(taint, written);
                }
            }

            return true;
        }

        if (origin is not IWithOperation with || !_withMembers.TryGetValue(with, out var members))
        {
            return false;
        }

        // A member the copy does not set holds what the copied object held there (at most that object's taint) when it
        // is stored; a computed one is worked out from the members, the ones the copy sets among them.
        if (!members.TryGetValue(member, out taint) && (!IsStored(member) || !_withOperands.TryGetValue(with, out taint)))
        {
            return false;
        }

        return temporary is not null || ((ILocalReferenceOperation)instance!).Local.Type.IsValueType
            || member is IPropertySymbol { SetMethod: null or { IsInitOnly: true } } or IFieldSymbol { IsReadOnly: true };
    }

    /// <summary>
    /// A member that reads back what was set: a field, an auto-property of this compilation, or a settable, readable
    /// property of a referenced assembly (whose accessors are taken to store and return the value).
    /// </summary>
    private static bool HoldsWhatIsSet(ISymbol member) => member switch
    {
        IFieldSymbol { IsConst: false } => true,
        IPropertySymbol { IsIndexer: false, GetMethod: not null, SetMethod: not null } property => property.DeclaringSyntaxReferences.Length == 0 || IsStored(property),
        _ => false,
    };

    /// <summary>
    /// A field, or a property with a backing field (an auto-property, a positional record's): its value is copied as it
    /// is. A metadata property's storage is not known, so it counts as computed.
    /// </summary>
    private static bool IsStored(ISymbol member)
    {
        if (member is IFieldSymbol)
        {
            return true;
        }

        if (member is IPropertySymbol property)
        {
            foreach (var candidate in property.ContainingType.GetMembers("<" + property.Name + ">k__BackingField"))
            {
                if (candidate is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, property))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The position of a member among the values a tuple or positional record is made of: a tuple element's (<c>t.User</c>,
    /// <c>t.Item2</c>), or a positional record property's constructor parameter (a property the record declares itself
    /// is not one: its value need not be the argument's).
    /// </summary>
    private static int? ElementIndex(ISymbol member)
    {
        if (member is IPropertySymbol { ContainingType: { IsRecord: true } record, DeclaringSyntaxReferences: [var declared] } property
            && declared.GetSyntax() is ParameterSyntax)
        {
            foreach (var constructor in record.InstanceConstructors)
            {
                if (IsPositionalRecordConstructor(constructor))
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.Name == property.Name)
                        {
                            return parameter.Ordinal;
                        }
                    }
                }
            }

            return null;
        }

        return TupleElementIndex(member);
    }

    /// <summary>Whether a constructor is a record's primary constructor (the one its positional parameters declare).</summary>
    private static bool IsPositionalRecordConstructor(IMethodSymbol? constructor) =>
        constructor is { MethodKind: MethodKind.Constructor, ContainingType.IsRecord: true, DeclaringSyntaxReferences: [var reference] }
        && reference.GetSyntax() is RecordDeclarationSyntax { ParameterList: not null };

    /// <summary>The position of a tuple element field (<c>t.User</c>, <c>t.Item2</c>): from its <c>ItemN</c> field, whatever the element's name.</summary>
    private static int? TupleElementIndex(ISymbol member)
    {
        if (member is not IFieldSymbol { ContainingType.IsTupleType: true } field || (field.CorrespondingTupleField ?? field).Name is not { } name
            || !name.StartsWith("Item", StringComparison.Ordinal)
            || !int.TryParse(name.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            || position is < 1 or > 7)
        {
            return null;
        }

        return position - 1;
    }

    private static IOperation? Unconverted(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// Any other operation: its children's taint, mixed when more than one child carries taint. Code that does not bind
    /// (an invalid operation: a call with no applicable overload, a name that is not found) says nothing about how its
    /// parts are combined, so it passes their taint on without mixing them (incomplete code in the editor, a project
    /// missing a reference).
    /// </summary>
    private TaintValue? EvalChildren(IOperation operation)
    {
        TaintValue? result = null;
        // A collection expression (`[a, b]`, which Roslyn 4.8 gives no operation kind of its own) holds its elements side
        // by side, as a collection initializer does; another operation the walk does not know may join its parts.
        // An array initializer (`new[] { a, b }`, a `params` argument's elements) holds them side by side too: what joins
        // the elements (`string.Join`, a format) is judged where it does.
        var mixes = operation.Kind is not (OperationKind.Invalid or OperationKind.ArrayInitializer) && operation.Syntax is not CollectionExpressionSyntax;
        var tainted = 0;
        foreach (var child in operation.ChildOperations)
        {
            var taint = Eval(child);
            if (taint is not null)
            {
                tainted++;
                result = TaintValue.Union(result, taint, embedded: mixes && tainted > 1);
            }
        }

        return result;
    }

    private TaintValue? EvalMemberRead(IOperation operation, ISymbol member, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
    {
        var instanceTaint = Eval(instance);
        if (TryWithMember(instance, member, out var replaced))
        {
            instanceTaint = replaced;
        }

        TaintValue? argumentTaint = null;
        foreach (var argument in arguments)
        {
            argumentTaint = TaintValue.Union(argumentTaint, Eval(argument.Value));
        }

        if (member is IPropertySymbol { IsIndexer: true } indexer && IsDictionaryLike(indexer.ContainingType))
        {
            // dictionary[key]: an untrusted key selects among the dictionary's values.
            argumentTaint = null;
        }

        var kind = MemberSource(member, operation.Type, instance?.Type);
        if (kind is not null)
        {
            return TaintValue.Of(Origin.Source(Display(operation.Syntax), kind, operation.Syntax.GetLocation()));
        }

        TaintValue? stored = null;
        if (instance is null or IInstanceReferenceOperation)
        {
            stored = Get(member);
            if (_followMembers && TaintContext.IsTrackedMember(member))
            {
                // Stored by another member of the type (a constructor, a setter method, an initializer).
                stored = TaintValue.Union(stored, _context.GetMemberTaint(member, _cancellationToken));
            }

            if (_symbolic && IsReceiverStateMember(member) && !StoredBefore(member, operation))
            {
                // What the caller's object holds in it: the call site maps this to its receiver's member.
                stored = TaintValue.Union(stored, TaintValue.Of(Origin.OfMember(member)));
            }
        }
        else if (_memberWrites.Count > 0 && HeldIn(instance) is { } holder && _memberWrites.TryGetValue((holder, member.OriginalDefinition), out var writes))
        {
            // What a call stored into this member of the object (a method given the object that sets the member).
            foreach (var (writer, taint) in writes)
            {
                if (writer is IInvocationOperation)
                {
                    stored = TaintValue.Union(stored, taint);
                }
            }
        }

        if (instanceTaint is not null && ComputedFromMembers(member, instance) is { } computed)
        {
            // A computed property of an untrusted object that reads only its numbers, dates or enums
            // (`o.QtyText => $"{Qty} units"`) carries none of the object's text: only the sources its getter reads.
            return TaintValue.Union(TaintValue.Union(stored, MapReturn(computed, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<TaintValue?>(), instance)), argumentTaint);
        }

        return TaintValue.Union(TaintValue.Union(TaintValue.Union(stored, ComputedProperty(member, instance)), RefineHere(instanceTaint, operation)), argumentTaint);
    }

    /// <summary>
    /// The complete summary of a computed property's getter read on another object than this one, when the getter reads
    /// only that object's numbers, dates or enums (see <see cref="UsesObjectOnlyForValues"/>); else null. (A getter that
    /// reads none of its object's members, `InnerText => ""`, is a stand-in for a library's property more often than data
    /// of its own: the object's taint stays; so it does for a getter reading a text member.)
    /// </summary>
    private MethodSummary? ComputedFromMembers(ISymbol member, IOperation? instance)
    {
        if (member is not IPropertySymbol { IsIndexer: false, GetMethod: { } getter } || !TaintContext.IsComputedGetter(getter) || _depth <= 0
            || !ReadsOnlyValuesOf(getter, instance))
        {
            return null;
        }

        var summary = Summarise(getter.OriginalDefinition);
        return IsComplete(summary) ? summary : null;
    }

    /// <summary>
    /// Whether <paramref name="bodyOwner"/> (a getter or method of the app's own type), run on another object than this
    /// one, reads only that object's numbers, dates or enums (<c>o.TotalOf(2) => (Qty * Price * 2).ToString("C")</c>): its
    /// value carries none of the object's text (its parameters and the sources it reads still count, through its summary).
    /// </summary>
    private bool ReadsOnlyValuesOf(IMethodSymbol bodyOwner, IOperation? instance) =>
        Unconverted(instance) is not (null or IInstanceReferenceOperation)
        && bodyOwner.OriginalDefinition.DeclaringSyntaxReferences is [var reference]
        && UsesObjectOnlyForValues(reference.GetSyntax(_cancellationToken), bodyOwner.ContainingType);

    private static bool IsComplete(MethodSummary? summary) => summary is { NeededDepth: < int.MaxValue, CutBy.IsEmpty: true };

    /// <summary>
    /// Whether the body uses its object only through instance fields and properties whose values cannot hold text
    /// (numbers, dates, enums…; written as <c>Qty</c> or <c>this.Qty</c>), naming at least one: no <c>this</c> or
    /// <c>base</c> as a value (<c>$"{this}"</c>), no text member, no other member (a method such as <c>ToString()</c>,
    /// which prints a record's every member).
    /// </summary>
    private static bool UsesObjectOnlyForValues(SyntaxNode body, INamedTypeSymbol type)
    {
        var named = false;
        foreach (var node in body.DescendantNodes())
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax && !(node.Parent is MemberAccessExpressionSyntax thisAccess && thisAccess.Expression == node))
            {
                return false;
            }

            if (node is not IdentifierNameSyntax name || (name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Expression is not ThisExpressionSyntax))
            {
                continue;
            }

            // the type's own members and those it inherits (a record's base declares `Note` too)
            for (var declaring = type; declaring is not null; declaring = declaring.BaseType)
            {
                foreach (var member in declaring.GetMembers(name.Identifier.ValueText))
                {
                    if (member.IsStatic)
                    {
                        continue;
                    }

                    if (!(member is IFieldSymbol { Type: var fieldType } && IsSafeType(fieldType)) && !(member is IPropertySymbol { Type: var propertyType } && IsSafeType(propertyType)))
                    {
                        return false;
                    }

                    named = true;
                }
            }
        }

        return named;
    }

    /// <summary>
    /// The sources a computed property of this compilation returns (<c>string Query => _request.Query["q"]</c>): its getter's
    /// summary, as for a call without arguments. Its receiver's own taint is added by the caller, as for any member read.
    /// </summary>
    private TaintValue? ComputedProperty(ISymbol member, IOperation? receiver)
    {
        if (member is not IPropertySymbol { IsIndexer: false, GetMethod: { } getter } || !TaintContext.IsComputedGetter(getter))
        {
            return null;
        }

        var target = getter.OriginalDefinition;
        var targets = ImmutableArray.Create(target);
        if (_depth <= 0 || !MayReturnSource(targets))
        {
            // As for a skipped call: a summary that left it out may differ at another depth.
            _calleesTruncated |= _summaryMode && !SummaryIsEmpty(target);
            return null;
        }

        return SummaryIsEmpty(target) || Summarise(target) is not { } summary
            ? null
            : MapReturn(summary, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<TaintValue?>(), receiver);
    }

    /// <summary>
    /// <see cref="Refine"/>, except in a summary of sources only: there a value has a single source origin only because
    /// the parameters it also depends on are not origins, and the source keeps the name it was read under (the same
    /// name at every call site, whichever kind of summary it asks for).
    /// </summary>
    private TaintValue? RefineHere(TaintValue? taint, IOperation operation) => _summaryMode && !_symbolic ? taint : Refine(taint, operation);

    /// <summary>Reading a member of a wholly tainted object names the more specific expression as the source.</summary>
    private static TaintValue? Refine(TaintValue? taint, IOperation operation)
    {
        if (taint is null || taint.Embedded || taint.Origins.Length != 1 || !taint.Origins[0].IsSource)
        {
            return taint;
        }

        var display = Display(operation.Syntax);
        var location = operation.Syntax.GetLocation();
        return taint.Map(o => o.Refine(display, location));
    }

    private TaintValue? EvalBinary(IBinaryOperation binary)
    {
        var left = Eval(binary.LeftOperand);
        var right = Eval(binary.RightOperand);
        // (a `+` with an operand in error, `"Rules: " + q + undefinedName`, is still a concatenation when the other side is text)
        if (binary.OperatorKind == BinaryOperatorKind.Add
            && (binary.Type?.SpecialType == SpecialType.System_String
                || (binary.Type?.TypeKind == TypeKind.Error && (binary.LeftOperand.Type?.SpecialType == SpecialType.System_String || binary.RightOperand.Type?.SpecialType == SpecialType.System_String))))
        {
            var embedded = (left is not null || right is not null)
                && (IsAppText(binary.LeftOperand, left) || IsAppText(binary.RightOperand, right));
            return TaintValue.Union(left, right, embedded);
        }

        return TaintValue.Union(left, right);
    }

    private TaintValue? EvalInterpolated(IInterpolatedStringOperation interpolated)
    {
        TaintValue? result = null;
        var appParts = 0;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolationOperation hole:
                    {
                        var taint = Eval(hole.Expression);
                        if (hole.Expression.Type is { SpecialType: not SpecialType.System_String })
                        {
                            taint = TaintValue.Union(taint, StringifiedSource(hole.Expression)); // `{response}` writes response.ToString()
                        }

                        if (IsAppText(hole.Expression, taint))
                        {
                            appParts++;
                        }

                        result = TaintValue.Union(result, taint);
                        Eval(hole.Alignment);
                        Eval(hole.FormatString);
                        break;
                    }

                case IInterpolatedStringTextOperation text:
                    if (IsAppText(text.Text, null))
                    {
                        appParts++;
                    }

                    break;
                default:
                    appParts++;
                    result = TaintValue.Union(result, Eval(part));
                    break;
            }
        }

        return TaintValue.Union(result, null, embedded: result is not null && appParts > 0);
    }

    private TaintValue? EvalConversion(IConversionOperation conversion)
    {
        var operand = Eval(conversion.Operand);
        if (conversion.IsImplicit && conversion.Type?.SpecialType == SpecialType.System_Object && IsTextContext(conversion))
        {
            // `"Answer: " + response`, `sb.Append(update)`: the object is written as its ToString().
            operand = TaintValue.Union(operand, StringifiedSource(conversion.Operand));
        }

        if (conversion.OperatorMethod is { } op && _table.HasMethodSinks(op) && _table.TryGetMethodSink(op, 0, out var sink))
        {
            CheckSink(conversion.Operand, operand, sink, ImmutableArray<IArgumentOperation>.Empty, via: null, viaEmbedded: false);
        }

        return operand;
    }

    /// <summary>
    /// A call of another assembly that writes characters into a buffer it is given, the framework's <c>destination</c>
    /// (<c>text.AsSpan().CopyTo(buffer)</c>, <c>MemoryExtensions.ToUpperInvariant(text, buffer)</c>, <c>TryCopyTo</c>,
    /// <c>TryFormat</c>): the buffer holds what the call read, its receiver and its other arguments.
    /// </summary>
    private void FillDestinations(IInvocationOperation invocation, TaintValue? instance, TaintValue?[] arguments)
    {
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            if (invocation.Arguments[i].Parameter is not { Name: "destination", Type: var type } || !IsCharBuffer(type))
            {
                continue;
            }

            var read = instance;
            for (var j = 0; j < arguments.Length; j++)
            {
                if (j != i)
                {
                    read = TaintValue.Union(read, arguments[j]);
                }
            }

            if (read is not null && RootVariable(invocation.Arguments[i].Value) is { } buffer)
            {
                Assign(buffer, read);
            }
        }

        static bool IsCharBuffer(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char } => true,
            INamedTypeSymbol { Name: "Span" or "Memory", TypeArguments: [{ SpecialType: SpecialType.System_Char }] } => true,
            _ => false,
        };
    }

    /// <summary>
    /// A stream's (or an upload's) copy into another stream, or a read into a buffer: what the receiver holds ends up in
    /// the first argument.
    /// </summary>
    private static bool WritesIntoFirstArgument(IMethodSymbol method)
    {
        if (method.IsStatic || method.Parameters.Length == 0)
        {
            return false;
        }

        var first = method.Parameters[0].Type;
        if (method.Name is "CopyTo" or "CopyToAsync")
        {
            return IsStream(first);
        }

        return method.Name is "Read" or "ReadAsync" or "ReadExactly" or "ReadExactlyAsync" or "ReadAtLeast" or "ReadAtLeastAsync" or "ReadBlock" or "ReadBlockAsync"
            && (IsStream(method.ContainingType) || method.ContainingType is { Name: "TextReader" or "StreamReader" or "StringReader" })
            && (first is IArrayTypeSymbol || first is INamedTypeSymbol { Name: "Span" or "Memory", IsGenericType: true });

        static bool IsStream(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current is { Name: "Stream", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A value of a source type (a configured <c>T:</c> entry, a retrieved document...) read as a whole: untrusted.</summary>
    private TaintValue? TypeSourceValue(IOperation value, ITypeSymbol? type) =>
        type is not null && _table.GetTypeSource(type) is { } kind ? TaintValue.Of(Origin.Source(Display(value.Syntax), kind, value.Syntax.GetLocation())) : null;

    /// <summary>The element type a <c>foreach</c> over <paramref name="collection"/> gives: an array's, or the <c>T</c> of <c>IEnumerable&lt;T&gt;</c>/<c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    internal static ITypeSymbol? ElementTypeOf(IOperation collection)
    {
        while (collection is IConversionOperation { IsImplicit: true } conversion)
        {
            collection = conversion.Operand;
        }

        switch (collection.Type)
        {
            case IArrayTypeSymbol array:
                return array.ElementType;
            case INamedTypeSymbol named:
                if (IsEnumerableOfT(named))
                {
                    return named.TypeArguments[0];
                }

                foreach (var face in named.AllInterfaces)
                {
                    if (IsEnumerableOfT(face))
                    {
                        return face.TypeArguments[0];
                    }
                }

                return null;
            default:
                return null;
        }

        static bool IsEnumerableOfT(INamedTypeSymbol type) =>
            type is { MetadataName: "IEnumerable`1" or "IAsyncEnumerable`1", ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace.Name: "System" } } };
    }

    /// <summary>
    /// A value whose type's <c>ToString()</c> is a source (a chat response, update or message: its text), written as text.
    /// </summary>
    private TaintValue? StringifiedSource(IOperation value) =>
        _table.StringSourceOf(value.Type) is { } kind ? TaintValue.Of(Origin.Source(Display(value.Syntax), kind, value.Syntax.GetLocation())) : null;

    /// <summary>An implicit conversion to <c>object</c> whose value is written as text: a <c>string</c> concatenation's operand or a <c>StringBuilder</c>/<c>string.Concat</c>/<c>Format</c>/<c>Join</c> argument.</summary>
    private bool IsTextContext(IConversionOperation conversion) =>
        conversion.Parent switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } => true,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } => true,
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod: var method } } =>
                (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic && method.Name is "Concat" or "Format" or "Join")
                || (_table.StringBuilder is { } sb && SymbolEqualityComparer.Default.Equals(method.ContainingType, sb)),
            _ => false,
        };

    private TaintValue? EvalCreation(IObjectCreationOperation creation)
    {
        // Several untrusted values given to a constructor are mixed into one text only when the object is text (a string,
        // a StringBuilder); any other object holds them side by side (a tool result's call id and result, a provider
        // item), so what was whole stays whole.
        var arguments = EvalArguments(creation.Arguments, out var argumentTaint, mixed: HoldsText(creation.Type));
        if (creation.Type is { DeclaringSyntaxReferences.Length: > 0 } && (argumentTaint is not null || creation.Initializer is not null))
        {
            RecordCreation(creation, arguments);
        }

        if (creation.Initializer is null && IsPositionalRecordConstructor(creation.Constructor))
        {
            // `new Parts("Be brief.", q)`: each positional property holds its own argument.
            var elements = new TaintValue?[creation.Constructor!.Parameters.Length];
            for (var i = 0; i < creation.Arguments.Length; i++)
            {
                if (creation.Arguments[i].Parameter is { } parameter && parameter.Ordinal < elements.Length)
                {
                    elements[parameter.Ordinal] = TaintValue.Union(elements[parameter.Ordinal], arguments[i]);
                }
            }

            _tupleElements[creation] = elements;
        }

        if (creation.Constructor is { } constructor)
        {
            CheckMethodSinks(constructor, creation.Arguments, arguments);
            if (argumentTaint is not null && TaintContext.HasSourceBody(constructor))
            {
                ApplyConstructorSummary(creation, constructor, arguments);
            }
        }

        var initializer = creation.Initializer is { Initializers.Length: > 1 } members && RoleSetIn(members) is { } role
            ? EvalRoleInitializer(members, role.Value, role.Family)
            : creation.Initializer is { } init && !HoldsText(creation.Type) && SetsMembersOrAddsItems(init)
                ? EvalSideBySide(init.Initializers)
                : Eval(creation.Initializer);
        return TaintValue.Union(argumentTaint, initializer);
    }

    /// <summary>
    /// An initializer that only sets members (<c>{ Role = r, Text = t }</c>) or only adds items (<c>{ a, b }</c>, each an
    /// <c>Add</c> call on the new collection): what it is given is held side by side, as a collection expression's elements are.
    /// </summary>
    private static bool SetsMembersOrAddsItems(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var member in initializer.Initializers)
        {
            if (member is not (ISimpleAssignmentOperation or IMemberInitializerOperation or IInvocationOperation { Instance: IInstanceReferenceOperation }))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Members set side by side on an object that is not text: their taints join without mixing (see <see cref="EvalCreation"/>).</summary>
    private TaintValue? EvalSideBySide(ImmutableArray<IOperation> members)
    {
        TaintValue? result = null;
        foreach (var member in members)
        {
            result = TaintValue.Union(result, Eval(member));
        }

        return result;
    }

    /// <summary>
    /// Whether a value is text the app wrote: not untrusted, and with words in it — a constant with a letter or digit, a
    /// string, interpolation or object the analysis cannot see into, a StringBuilder created with such text. Separators
    /// (<c>"\n"</c>, <c>": "</c>, <c>Environment.NewLine</c>), empty text, numbers, dates and other safe values are not.
    /// </summary>
    private bool IsAppText(IOperation? value, TaintValue? taint)
    {
        if (value is null || taint is not null)
        {
            return false;
        }

        var unconverted = Unconverted(value)!;
        if (unconverted.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value switch
            {
                string text => HasWords(text),
                char c => char.IsLetterOrDigit(c),
                _ => false,
            };
        }

        if (unconverted.Type is { } type && (IsSafeType(type) || type.TypeKind == TypeKind.Delegate))
        {
            return false;
        }

        switch (unconverted)
        {
            case IPropertyReferenceOperation { Property: { Name: "NewLine", IsStatic: true, ContainingType.Name: "Environment" } }:
            case IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } }:
            case IDefaultValueOperation:
                return false;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation text ? IsAppText(text.Text, null) : part is IInterpolationOperation hole && IsAppText(hole.Expression, null))
                    {
                        return true;
                    }
                }

                return false;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return IsAppText(binary.LeftOperand, null) || IsAppText(binary.RightOperand, null);
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, _table.StringBuilder):
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Value.Type?.SpecialType == SpecialType.System_String && IsAppText(argument.Value, null))
                    {
                        return true;
                    }
                }

                return false;
        }

        return true;
    }

    private static bool HasWords(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records that a variable holds the app's text; untrusted text it already holds becomes mixed.</summary>
    private void MarkAppText(ISymbol? variable)
    {
        if (variable is not null && _appText.Add(variable) && _vars.TryGetValue(variable, out var held))
        {
            Assign(variable, held.AsEmbedded());
        }
    }

    /// <summary>A lambda, a method group or a delegate value.</summary>
    private static bool IsFunction(IOperation value) =>
        Unconverted(value) is IDelegateCreationOperation or IAnonymousFunctionOperation || value.Type?.TypeKind == TypeKind.Delegate;

    private bool HoldsText(ITypeSymbol? type) =>
        type is not null
        && (type.SpecialType == SpecialType.System_String || SymbolEqualityComparer.Default.Equals(type, _table.StringBuilder));

    /// <summary>The role an object initializer sets on a chat message (<c>Role = ChatRole.System</c>), if it sets one.</summary>
    private (IOperation Value, RoleFamily Family)? RoleSetIn(IObjectOrCollectionInitializerOperation members)
    {
        foreach (var member in members.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Role" } property } } assignment
                && RoleFamilyOf(property.Type) is var family and not RoleFamily.None)
            {
                return (assignment.Value, family);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>new ChatMessage { Role = ChatRole.System, Contents = [...] }</c> (or SK's <c>ChatMessageContent</c> with
    /// <c>Content</c>/<c>Items</c>): each member is evaluated once, as for any initializer, and the content members are
    /// judged by the role set beside them, as a constructor's role argument decides its text's sink.
    /// </summary>
    private TaintValue? EvalRoleInitializer(IObjectOrCollectionInitializerOperation members, IOperation role, RoleFamily family)
    {
        var sink = WithRoleRank(new SinkInfo(SinkRole.FromRoleArgument, "the chat message", family == RoleFamily.ExtensionsAi ? "ExtensionsAi" : "SemanticKernel", family), RoleRank(role, 0));
        TaintValue? result = null;
        var tainted = 0;
        foreach (var member in members.Initializers)
        {
            // `Contents = { new TextContent(...) }` adds items to the message's own content list: the items are its content.
            var added = member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "Contents" or "Items" }, Initializer: { } items }
                ? items
                : null;
            var taint = added is not null ? EvalAddedItems(added) : Eval(member); // an assignment's value taint
            if (taint is null)
            {
                continue;
            }

            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Contents" or "Text" or "Content" or "Items" } } content)
            {
                RecordSink(content.Value, taint, sink, via: null, viaEmbedded: false);
            }
            else if (added is not null)
            {
                RecordSink(added, taint, sink, via: null, viaEmbedded: false);
            }

            tainted++;
            result = TaintValue.Union(result, taint, embedded: tainted > 1);
        }

        return result;
    }

    /// <summary>The taint of the items a collection initializer adds (<c>{ a, b }</c>): embedded when more than one carries taint.</summary>
    private TaintValue? EvalAddedItems(IObjectOrCollectionInitializerOperation added)
    {
        TaintValue? result = null;
        var tainted = 0;
        foreach (var item in added.Initializers)
        {
            TaintValue? taint;
            if (item is IInvocationOperation add)
            {
                EvalArguments(add.Arguments, out taint);
            }
            else
            {
                taint = Eval(item);
            }

            if (taint is not null)
            {
                tainted++;
                result = TaintValue.Union(result, taint, embedded: tainted > 1);
            }
        }

        return result;
    }

    /// <summary>
    /// <c>message.Contents.Add(...)</c> / <c>Insert</c> / <c>AddRange</c> (SK: <c>Items</c>) on a local message created once
    /// in this member with a role (a constructor's role argument or <c>Role = ...</c> in its initializer) whose role is
    /// not set again: the sink that role makes, else null.
    /// </summary>
    private SinkInfo? AddedToMessageContent(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("Add" or "Insert" or "AddRange")
            || invocation.Instance is not IPropertyReferenceOperation { Property.Name: "Contents" or "Items", Instance: ILocalReferenceOperation message })
        {
            return null;
        }

        return MessageSinkOf(message);
    }

    /// <summary>The sink a message local's content is, decided by the role it was created with (a message created once, role never rewritten).</summary>
    private SinkInfo? MessageSinkOf(ILocalReferenceOperation message)
    {
        if (SingleAssignment(message) is not { } created)
        {
            return null;
        }

        while (created is IConversionOperation conversion)
        {
            created = conversion.Operand;
        }

        if (created is not IObjectCreationOperation { Constructor: { } constructor } creation || RoleWrittenLater(message))
        {
            return null;
        }

        if (creation.Initializer is { } members && RoleSetIn(members) is { } set)
        {
            return WithRoleRank(new SinkInfo(SinkRole.FromRoleArgument, "the chat message", set.Family == RoleFamily.ExtensionsAi ? "ExtensionsAi" : "SemanticKernel", set.Family), RoleRank(set.Value, 0));
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && _table.TryGetMethodSink(constructor, parameter.Ordinal, out var sink) && sink.Role == SinkRole.FromRoleArgument)
            {
                return ResolveRole(sink, creation.Arguments);
            }
        }

        return null;
    }

    /// <summary>Whether the member writes <c>message.Role</c> anywhere (then the role at creation does not decide).</summary>
    private static bool RoleWrittenLater(ILocalReferenceOperation message)
    {
        IOperation root = message;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var descendant in root.Descendants())
        {
            if (descendant is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Role", Instance: ILocalReferenceOperation target } }
                && SymbolEqualityComparer.Default.Equals(target.Local, message.Local))
            {
                return true;
            }
        }

        return false;
    }

    private RoleFamily RoleFamilyOf(ITypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type, _table.ExtensionsAiChatRole) ? RoleFamily.ExtensionsAi
        : SymbolEqualityComparer.Default.Equals(type, _table.SemanticKernelAuthorRole) ? RoleFamily.SemanticKernel
        : RoleFamily.None;

    /// <summary>
    /// A constructor of this compilation given tainted arguments: the parameters its body puts into a sink are sinks here
    /// too (a wrapper whose constructor builds the prompt). The created object stays tainted by its arguments, as before.
    /// </summary>
    private void ApplyConstructorSummary(IObjectCreationOperation creation, IMethodSymbol constructor, TaintValue?[] arguments)
    {
        // Only a constructor's parameter sinks are used here: one the index rules out has none at this depth.
        if (!MayReachSinkHere(constructor))
        {
            return;
        }

        if (_depth <= 0)
        {
            _calleesTruncated |= _summaryMode;
            return;
        }

        if (Summarise(constructor) is { } summary)
        {
            ApplyParameterSinks(creation.Arguments, arguments, summary, constructor, creation);
        }
    }

    /// <summary>
    /// Whether the sink index lets <paramref name="method"/>'s body reach a sink that its summary at this walk's depth
    /// can see: the summary walks the body one level shallower, so it sees sinks at most <c>depth - 1</c> calls from it.
    /// A callee ruled out only by that limit (a sink further down) is a skip that holds for this depth alone, so a
    /// summary being built is not kept for deeper questions.
    /// </summary>
    private bool MayReachSinkHere(IMethodSymbol method)
    {
        var calls = _context.GetSinkIndex(_cancellationToken).CallsToSink(TaintContext.BodyOwner(method), _cancellationToken);
        if (calls <= Math.Max(0, _depth - 1))
        {
            return true;
        }

        _calleesTruncated |= _summaryMode && calls != SinkIndex.Unreachable;
        return false;
    }

    /// <summary>
    /// A same-compilation callee whose summary is empty at this depth whatever its body does: it gives nothing back (void
    /// or a safe type, no out/ref or fillable argument) and the sink index rules out a sink its summary could see, so it
    /// has no parameter sinks. Its body is neither bound nor walked; the call is applied as an empty summary would be.
    /// </summary>
    private bool SummaryIsEmpty(IMethodSymbol target) =>
        TaintContext.HasSourceBody(target) && !_context.GivesTaintBack(TaintContext.BodyOwner(target)) && !MayReachSinkHere(target);

    /// <summary>A callee's summary at the remaining depth, noting in this walk how deep it needed to go (or that it was cut).</summary>
    private MethodSummary? Summarise(IMethodSymbol callee, bool sourcesOnly = false)
    {
        var summary = _context.GetSummary(callee, _depth, _inProgress, _cancellationToken, sourcesOnly);
        if (summary is null && _depth > 0 && _inProgress.Contains(TaintContext.BodyOwner(callee)))
        {
            (_cutBy ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(TaintContext.BodyOwner(callee));
        }
        else if (summary is { CutBy.IsEmpty: false })
        {
            (_cutBy ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).UnionWith(summary.CutBy);
        }

        if (summary is null || summary.NeededDepth == int.MaxValue)
        {
            _calleesTruncated = true;
        }
        else
        {
            _calleeDepth = Math.Max(_calleeDepth, summary.NeededDepth);
        }

        return summary;
    }

    private TaintValue?[] EvalArguments(ImmutableArray<IArgumentOperation> arguments, out TaintValue? union, bool mixed = true) =>
        EvalArguments(arguments, out union, out _, mixed);

    /// <summary>
    /// Evaluates the arguments; <paramref name="union"/> is their joined taint, embedded when <paramref name="mixed"/> and
    /// more than one value carries taint (or when one already was). A lambda, method group or delegate is no second
    /// value: what it returns is a projection of what the call gives it (<c>xs.Select(x => x.Text)</c>), so its taint
    /// joins the union without counting; <paramref name="valueTainted"/> says whether any other argument carries taint.
    /// </summary>
    private TaintValue?[] EvalArguments(ImmutableArray<IArgumentOperation> arguments, out TaintValue? union, out bool valueTainted, bool mixed = true)
    {
        var taints = new TaintValue?[arguments.Length];
        union = null;
        var tainted = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            taints[i] = Eval(arguments[i].Value);
            if (taints[i] is not null)
            {
                if (!IsFunction(arguments[i].Value))
                {
                    tainted++;
                }

                union = TaintValue.Union(union, taints[i], embedded: mixed && tainted > 1);
            }
        }

        valueTainted = tainted > 0;

        return taints;
    }

    private TaintValue? EvalInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var registration = _table.GetHandlerRegistration(method);
        if (registration is not null)
        {
            SeedHandlers(invocation, registration);
        }

        var instance = Eval(invocation.Instance);
        var arguments = EvalArguments(invocation.Arguments, out var argumentTaint, out var valueTainted);
        SeedItemLambdas(invocation, instance, arguments);

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            var target = method.OriginalDefinition;
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                Assign(invocation.Arguments[i].Parameter, arguments[i]);
            }

            FillArgumentsFrom(invocation.Arguments);

            if (_returnElements.TryGetValue(target, out var returnedElements) && returnedElements is not null)
            {
                _tupleElements[invocation] = (TaintValue?[])returnedElements.Clone();
            }

            return _returns.TryGetValue(target, out var returned) ? returned : null;
        }

        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            // `Action<StringBuilder> add = sb => sb.Append(q); add(rules);`: a lambda of this method fills what it is given
            if (Unconverted(invocation.Instance) is ILocalReferenceOperation delegateLocal
                && DelegateTarget(SingleAssignment(delegateLocal) ?? delegateLocal) is IAnonymousFunctionOperation lambda)
            {
                FillArgumentsFrom(invocation.Arguments, lambda.Symbol.Parameters);

                // `Func<string, ChatMessage> system = t => new(ChatRole.System, t); system(q);`: the lambda's parameters
                // hold what its calls give them (the lambda is walked where it is written, on the next pass).
                var parameters = lambda.Symbol.Parameters;
                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    if (arguments[i] is { } given && invocation.Arguments[i].Parameter is { Ordinal: var ordinal } && ordinal < parameters.Length)
                    {
                        Assign(parameters[ordinal], given);
                    }
                }
            }
            else if (argumentTaint is not null && TaintContext.DelegateMemberOf(invocation) is { } delegateMember)
            {
                // `_ask(q)` on a field or property the type stores a lambda (or a method) in: the call runs that body,
                // so what it puts into a sink is reported here, through the member, as a method's parameter sink is.
                return TaintValue.Union(TaintValue.Union(instance, argumentTaint), CallStoredDelegates(invocation, delegateMember, arguments));
            }

            return TaintValue.Union(instance, argumentTaint);
        }

        CheckMethodSinks(method, invocation.Arguments, arguments);
        if (argumentTaint is not null && AddedToMessageContent(invocation) is { } messageSink)
        {
            // `message.Contents.Add(new TextContent(q))`: content added to a message whose role is set where it is created.
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i] is { } added)
                {
                    CheckSink(invocation.Arguments[i].Value, added, messageSink, invocation.Arguments, via: null, viaEmbedded: false);
                }
            }
        }

        if (_table.IsSanitizer(method) || IsCryptographicHash(method) || MapsWithSanitizer(invocation))
        {
            return null;
        }

        var kind = MemberSource(method, invocation.Type, ReceiverType(invocation));
        if (kind == SourceKind.FileContents)
        {
            if (ReadsEmbeddedResource(invocation.Instance, 0))
            {
                // A reader over the app's own embedded resource (a prompt template compiled into the assembly).
                kind = null;
            }
            else if (instance is { Embedded: false, Origins.Length: 1 } && instance.Origins[0].IsSource)
            {
                // A reader over an untrusted stream (the request body, an upload): name that source, not "file contents".
                return RefineHere(instance, invocation);
            }
        }

        if (kind is not null)
        {
            // What a source method hands back through an out parameter is the same data (`reply.TryGetResult(out var r)`).
            var source = TaintValue.Of(Origin.Source(Display(invocation.Syntax), kind, invocation.Syntax.GetLocation()));
            BindOutArguments(invocation, source);
            return source;
        }

        // StringBuilder and other mutators: the appended text taints the receiver.
        if (_table.StringBuilder is { } sb && SymbolEqualityComparer.Default.Equals(method.ContainingType, sb))
        {
            if (method.Name is "Append" or "AppendLine" or "AppendFormat" or "Insert" or "Replace" or "AppendJoin")
            {
                var builder = RootVariable(invocation.Instance);
                var appended = false;
                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    appended |= IsAppText(invocation.Arguments[i].Value, arguments[i]);
                }

                if (appended)
                {
                    MarkAppText(builder);
                }

                if (argumentTaint is not null)
                {
                    // Chunks of untrusted text appended to a local builder that holds none of the app's words stay
                    // whole (a streamed reply gathered update by update); the app's text, a format with words, a join's
                    // worded separator, or a builder from elsewhere (which may hold anything) mixes.
                    var mixed = builder is not ILocalSymbol || _appText.Contains(builder);
                    Assign(builder, mixed ? argumentTaint.AsEmbedded() : argumentTaint);
                    return TaintValue.Union(instance, argumentTaint, embedded: mixed);
                }

                return appended && instance is not null ? instance.AsEmbedded() : instance;
            }

            return instance;
        }

        if (instance is not null && invocation.Arguments.Length > 0 && WritesIntoFirstArgument(method))
        {
            // `request.Body.CopyToAsync(ms)`, `body.ReadAsync(buffer)`: the bytes read go into the argument.
            Assign(RootVariable(invocation.Arguments[0].Value), instance);
        }

        if ((instance is not null || argumentTaint is not null) && method.DeclaringSyntaxReferences.Length == 0)
        {
            FillDestinations(invocation, instance, arguments);
        }

        var fillsReceiver = argumentTaint is not null && invocation.Instance is not null
            && (method.ReturnsVoid || SymbolEqualityComparer.Default.Equals(method.ReturnType, invocation.Instance.Type)
                || PutsElement(method, invocation.Arguments, arguments));
        // A collection given several values (`metadata.Add(key, value)`) holds them as separate items, side by side; any
        // other object the call fills may join them.
        var filled = fillsReceiver && IsCollection(invocation.Instance!.Type) ? SideBySide(arguments) : argumentTaint;
        if (fillsReceiver)
        {
            Assign(RootVariable(invocation.Instance!), filled);
            if (PartOf(invocation.Instance!) is { } whole)
            {
                // `var writer = channel.Writer; writer.TryWrite(q);`: the local holds a part of another object (a view of
                // it, a member collection), so what it was given is in that object too, as `channel.Writer.TryWrite(q)` is.
                Assign(RootVariable(whole), filled);
            }

            if (IsTextWriter(invocation.Instance!.Type) && BuilderUnder(invocation.Instance!) is { } under)
            {
                // `new StringWriter(sb).Write(q)`: the writer's text is the builder's
                Assign(under, filled);
            }
        }

        if (method.Name is "TryGetValue" or "GetValueOrDefault"
            && IsDictionaryLike(method.IsExtensionMethod ? (method.Parameters.Length > 0 ? method.Parameters[0].Type : null) : method.ContainingType))
        {
            // A lookup yields what the dictionary holds: an untrusted key selects among trusted values.
            var held = method.IsExtensionMethod ? (arguments.Length > 0 ? arguments[0] : null) : instance;
            BindOutArguments(invocation, held);
            return held;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            if (method.IsStatic && method.Name is "Format" or "Concat" or "Join")
            {
                return EvalJoin(invocation, arguments);
            }

            if (method.Name is "Replace" or "Insert")
            {
                return TaintValue.Union(instance, argumentTaint, embedded: argumentTaint is not null);
            }
        }

        TaintValue? result = null;
        var summarised = false;
        // Without tainted arguments or receiver, a callee's summary adds only the sources it reads itself. A summary
        // that skips a callee (at depth 0, or because the callee reads no source within this depth) may differ at
        // another depth, so it is not reused across depths.
        // The bodies the call may run: the method's own, or, through an interface or a base method, the implementations
        // and overrides of this compilation (their union: any of them may be the one called).
        var targets = _context.DispatchTargets(invocation);
        // In a summary, a call on the method's own object may hand back or sink what the caller's object holds.
        var untainted = argumentTaint is null && instance is null
            && !(_summaryMode && !method.IsStatic && Unconverted(invocation.Instance) is IInstanceReferenceOperation);
        if (targets.Length > 0 && (_depth <= 0 || (untainted && !MayReturnSource(targets))))
        {
            // Skipping a callee that gets no taint and can give none back (void, a number, bool...; no out/ref
            // parameter) loses nothing at any depth; any other skip holds only for this depth.
            _calleesTruncated |= _summaryMode && !(untainted && !_context.GivesTaintBack(method)) && !AllSummariesEmpty(targets);
        }
        else if (targets.Length > 0)
        {
            var unsummarised = false;
            var receiverValuesOnly = false; // see ReadsOnlyValuesOf
            TaintValue?[]? elements = null;
            var elementsKnown = true;
            // Untrusted text given to a method of an object held here may be stored in its members (`agent.SetPersona(q)`)
            // for a later call on it to put into a prompt: such a call is summarised even when it returns nothing.
            // So is a constructor's call on its own object (`: base(persona)`, `: this(persona, 1)`, `Init(persona)`): what
            // it stores is what this constructor stores.
            var mayStore = argumentTaint is not null && !method.IsStatic
                && (TaintContext.MayPassState(invocation.Instance)
                    || (_summaryMode && _owner is IMethodSymbol { MethodKind: MethodKind.Constructor } && Unconverted(invocation.Instance) is IInstanceReferenceOperation));
            // Given nothing untrusted, a callee can only give back the sources it reads itself (what a receiver's members
            // are given here taints the receiver's variable too, so such a receiver is not untainted).
            foreach (var target in targets)
            {
                if (!mayStore && SummaryIsEmpty(target))
                {
                    summarised = true;
                }
                else if (untainted && _context.GetReach(target, _depth, MethodReach.Source, _cancellationToken) == MethodReach.None)
                {
                    // Given nothing untrusted, an implementation that reads no source within this depth gives nothing
                    // back, whatever the others do: its body is not walked (a skip that holds for this depth only).
                    summarised = true;
                    _calleesTruncated |= _summaryMode && _context.GivesTaintBack(TaintContext.BodyOwner(target));
                }
                else if (Summarise(target, sourcesOnly: untainted) is { } summary)
                {
                    summarised = true;
                    receiverValuesOnly = targets.Length == 1 && IsComplete(summary) && ReadsOnlyValuesOf(target, invocation.Instance);
                    ApplyParameterSinks(invocation.Arguments, arguments, summary, target, invocation.Instance, invocation);
                    BindSummaryOutArguments(invocation, arguments, summary);
                    ApplyMemberStores(invocation, invocation.Instance, summary, invocation.Arguments, arguments);
                    result = TaintValue.Union(result, MapReturn(summary, invocation.Arguments, arguments, invocation.Instance));
                    elementsKnown &= AddReturnedElements(ref elements, summary, invocation.Arguments, arguments, invocation.Instance);
                }
                else
                {
                    unsummarised = true;
                }
            }

            // `(string System, string User) Build(string q) => ("Be brief.", q)`: each position of what it returns keeps
            // its own taint (the whole value is still the union, for any other use).
            if (elementsKnown && elements is not null && !unsummarised && !(fillsReceiver && !method.ReturnsVoid))
            {
                if (!method.IsStatic && instance is not null)
                {
                    for (var i = 0; i < elements.Length; i++)
                    {
                        elements[i] = TaintValue.Union(elements[i], instance);
                    }
                }

                _tupleElements[invocation] = elements;
            }

            if (summarised && !method.IsStatic && !receiverValuesOnly)
            {
                result = TaintValue.Union(result, instance);
            }

            // A fluent call (`new Builder().Add(q).Text`) returns the object its argument filled: the result carries
            // what the receiver got, as the receiver's variable does above (a chain has no variable to hold it).
            if (summarised && fillsReceiver && !method.ReturnsVoid)
            {
                result = TaintValue.Union(result, filled);
            }

            // A body that could not be summarised (recursion, depth) is treated as an opaque call, as a lone callee is.
            summarised &= !unsummarised;
        }

        if (!summarised && SelectorOf(invocation) is not null)
        {
            // `items.Select(x => ...)`: the elements are what the selector returns (its parameter holds an item, see
            // SeedItemLambdas), not the items themselves: `ratings.Select(r => r.Stars.ToString())` is numbers, whatever
            // the ratings hold. The lambda's argument was evaluated to that.
            return arguments[1];
        }

        if (!summarised)
        {
            // A call the walk cannot see into mixes what it is given into one text only when it gives back text; an
            // object it returns (a content item converted from a reply, a request built from a prompt and its options)
            // holds its inputs side by side, as a constructor's arguments do (see EvalCreation).
            var text = MayBeText(method.ReturnType);
            var opaque = TaintValue.Union(instance, text ? argumentTaint : SideBySide(arguments), embedded: text && instance is not null && valueTainted);
            BindOutArguments(invocation, opaque);
            result = TaintValue.Union(result, opaque);
        }

        return result;
    }

    /// <summary>
    /// The bodies stored in a delegate member (<see cref="TaintContext.StoredDelegates"/>) run with this call's arguments:
    /// their parameter sinks are checked at the call and their returns given back.
    /// </summary>
    private TaintValue? CallStoredDelegates(IInvocationOperation invocation, ISymbol member, TaintValue?[] arguments)
    {
        if (_depth <= 0)
        {
            _calleesTruncated |= _summaryMode;
            return null;
        }

        TaintValue? result = null;
        foreach (var stored in _context.StoredDelegates(member, _cancellationToken))
        {
            MethodSummary? summary;
            if (stored is IAnonymousFunctionOperation lambda)
            {
                summary = _context.GetLambdaSummary(lambda, _depth, _inProgress, _cancellationToken);
                if (summary is null || summary.NeededDepth == int.MaxValue)
                {
                    _calleesTruncated = true;
                }
                else
                {
                    _calleeDepth = Math.Max(_calleeDepth, summary.NeededDepth);
                }
            }
            else if (stored is IMethodReferenceOperation { Method: var method } && TaintContext.HasSourceBody(TaintContext.BodyOwner(method)))
            {
                summary = Summarise(method);
            }
            else
            {
                continue;
            }

            if (summary is not null)
            {
                ApplyParameterSinks(invocation.Arguments, arguments, summary, invocation.TargetMethod, receiver: null, invocation, member.Name);
                result = TaintValue.Union(result, MapReturn(summary, invocation.Arguments, arguments, receiver: null));
            }
        }

        return result;
    }

    /// <summary>
    /// A method of a generic type of another assembly given a tainted value for a parameter typed by one of the type's own
    /// type parameters (its element type): it puts the value into the object, whatever it returns (<c>HashSet.Add</c>'s
    /// bool, <c>LinkedList.AddLast</c>'s node, <c>ChannelWriter.WriteAsync</c>'s task, <c>TryAdd</c>, <c>TryWrite</c>). Without
    /// <paramref name="arguments"/>, whether it may (any argument for such a parameter).
    /// </summary>
    internal static bool PutsElement(IMethodSymbol method, ImmutableArray<IArgumentOperation> callArguments, TaintValue?[]? arguments)
    {
        if (method.IsStatic || method.DeclaringSyntaxReferences.Length > 0 || method.ContainingType is not { IsGenericType: true } type
            || !IsPutName(method.Name))
        {
            return false;
        }

        for (var i = 0; i < callArguments.Length; i++)
        {
            if ((arguments is null || arguments[i] is not null) && callArguments[i].Parameter is { RefKind: RefKind.None } parameter
                && parameter.OriginalDefinition.Type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Type } element
                && SymbolEqualityComparer.Default.Equals(element.DeclaringType, type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name that puts its argument in (<c>Add</c>, <c>AddLast</c>, <c>Enqueue</c>, <c>Push</c>, <c>WriteAsync</c>, <c>TryAdd</c>...), not a query (<c>Contains</c>, <c>IndexOf</c>, <c>Remove</c>).</summary>
    private static bool IsPutName(string name)
    {
        if (name.StartsWith("Try", StringComparison.Ordinal))
        {
            name = name.Substring(3);
        }

        return name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Insert", StringComparison.Ordinal)
            || name.StartsWith("Enqueue", StringComparison.Ordinal) || name.StartsWith("Push", StringComparison.Ordinal)
            || name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("GetOrAdd", StringComparison.Ordinal)
            || name.StartsWith("Post", StringComparison.Ordinal) || name.StartsWith("Send", StringComparison.Ordinal)
            || name.StartsWith("Set", StringComparison.Ordinal);
    }

    /// <summary>
    /// The object a receiver local is a part of: the instance of the member read that is the local's only assignment
    /// (<c>var writer = channel.Writer;</c> gives <c>channel</c>); null for anything else.
    /// </summary>
    private static IOperation? PartOf(IOperation receiver)
    {
        var operation = receiver;
        while (true)
        {
            switch (operation)
            {
                case IInvocationOperation { Instance: { } inner }:
                    operation = inner;
                    continue;
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case ILocalReferenceOperation local:
                    // Syntax first (`var writer = channel.Writer;`): SingleAssignment walks the whole body.
                    return local.Local.DeclaringSyntaxReferences is [var declared]
                        && declared.GetSyntax(CancellationToken.None) is VariableDeclaratorSyntax { Initializer.Value: MemberAccessExpressionSyntax }
                        && Unconverted(SingleAssignment(local)) is IMemberReferenceOperation { Instance: { } whole } member
                        && member is IPropertyReferenceOperation or IFieldReferenceOperation
                        && Unconverted(whole) is ILocalReferenceOperation or IParameterReferenceOperation
                        ? whole
                        : null;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// <c>string.Format</c>, <c>Concat</c>, <c>Join</c>: the untrusted parts are mixed when the app's words join them (a
    /// format, separator or part with words, or text the analysis cannot see into); joined only by separators, numbers or
    /// more untrusted text they stay whole, as with <c>+</c>. An array's elements count one by one (a <c>params</c>
    /// array, one written in the call, or the initializer of a local array for its words).
    /// </summary>
    private TaintValue? EvalJoin(IInvocationOperation invocation, TaintValue?[] arguments)
    {
        TaintValue? parts = null;
        var words = false;
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (Unconverted(argument.Value) is IArrayCreationOperation { Initializer: { } elements })
            {
                // A `params` array or an array written in the call: its elements one by one.
                foreach (var element in elements.ElementValues)
                {
                    var taint = Eval(element);
                    parts = TaintValue.Union(parts, taint);
                    words |= IsAppText(element, taint);
                }
            }
            else if (arguments[i] is not null && Unconverted(argument.Value) is ILocalReferenceOperation { Local.Type: IArrayTypeSymbol } array
                && SingleAssignment(array) is { } assigned && Unconverted(assigned) is IArrayCreationOperation { Initializer: { } initial })
            {
                // `var parts = new[] { "Rules:", "" }; parts[1] = q; string.Join(" ", parts)`: what the array holds, joined
                // with the words its initializer wrote (an array holds its elements side by side until something joins them).
                parts = TaintValue.Union(parts, arguments[i]);
                foreach (var element in initial.ElementValues)
                {
                    words |= IsAppText(element, Eval(element));
                }
            }
            else if (Unconverted(argument.Value) is { Syntax: CollectionExpressionSyntax } collection)
            {
                // `string.Join("\n", ["Rules:", q])`: the elements are the parts, as a params array's are (a spread's
                // collection counts as one part: whatever it holds).
                foreach (var element in collection.ChildOperations)
                {
                    var taint = Eval(element);
                    parts = TaintValue.Union(parts, taint);
                    words |= IsAppText(element, taint);
                }
            }
            else if (invocation.TargetMethod.Name == "Format" && argument.Parameter?.Name == "format"
                && Unconverted(argument.Value)?.ConstantValue is { HasValue: true, Value: string format })
            {
                // The format's own text, not its placeholders (`{0}`, `{1:N2}`), is what the app adds.
                words |= HasWords(WithoutPlaceholders(format));
            }
            else
            {
                parts = TaintValue.Union(parts, arguments[i]);
                words |= IsAppText(argument.Value, arguments[i]);
            }
        }

        return parts is null ? null : TaintValue.Union(parts, null, embedded: words);
    }

    private static string WithoutPlaceholders(string format)
    {
        var text = new System.Text.StringBuilder(format.Length);
        var depth = 0;
        foreach (var c in format)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static TaintValue? SideBySide(TaintValue?[] values)
    {
        TaintValue? result = null;
        foreach (var value in values)
        {
            result = TaintValue.Union(result, value);
        }

        return result;
    }

    /// <summary>
    /// Whether a call's value can be text that joins its inputs: a string or StringBuilder (also awaited from a task), or
    /// a type that does not say (<c>object</c>, <c>dynamic</c>, a type parameter).
    /// </summary>
    private bool MayBeText(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Arity: 1 } task && TaintContext.IsTaskType(task))
        {
            type = task.TypeArguments[0];
        }

        return HoldsText(type) || type.SpecialType == SpecialType.System_Object
            || type.TypeKind is TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Error;
    }

    private bool AllSummariesEmpty(ImmutableArray<IMethodSymbol> targets)
    {
        foreach (var target in targets)
        {
            if (!SummaryIsEmpty(target))
            {
                return false;
            }
        }

        return true;
    }

    private bool MayReturnSource(ImmutableArray<IMethodSymbol> targets)
    {
        foreach (var target in targets)
        {
            if (_context.GetReach(target, _depth, MethodReach.Source, _cancellationToken) != MethodReach.None)
            {
                return true;
            }
        }

        return false;
    }

    private void BindOutArguments(IInvocationOperation invocation, TaintValue? taint)
    {
        if (taint is null)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
            {
                Assign(VariableOf(argument.Value), taint);
            }
        }
    }

    private static ISymbol? VariableOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        IFieldReferenceOperation f => f.Field,
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation l } => l.Local,
        _ => null,
    };

    /// <summary>The variable a chain like <c>sb.Append(a).Append(b)</c> mutates.</summary>
    private static ISymbol? RootVariable(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when invocation.Instance is not null:
                    operation = invocation.Instance;
                    continue;
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation or null } property:
                    return property.Property;
                case IPropertyReferenceOperation property:
                    operation = property.Instance;
                    continue;
                case IFieldReferenceOperation { Instance: IInstanceReferenceOperation or null } field:
                    return field.Field;
                case IFieldReferenceOperation field:
                    operation = field.Instance;
                    continue;
                default:
                    return operation is null ? null : VariableOf(operation);
            }
        }
    }

    /// <summary>What a summarised callee stores into its <c>out</c>/<c>ref</c> parameters, mapped to the call's variables.</summary>
    private void BindSummaryOutArguments(IInvocationOperation invocation, TaintValue?[] arguments, MethodSummary summary)
    {
        foreach (var (ordinal, member, stored) in summary.ParameterMemberStores)
        {
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter?.Ordinal == ordinal)
                {
                    // `Fill(opts, request)` setting `o.Persona`: that member of the caller's object holds it (see EvalMemberRead).
                    RecordMemberWrite(invocation.Arguments[i].Value, member, MapOrigins(stored, invocation.Arguments, arguments), invocation);
                }
            }
        }

        foreach (var (ordinal, stored) in summary.OutParameters)
        {
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if (invocation.Arguments[i].Parameter?.Ordinal == ordinal)
                {
                    // (through an implicit conversion: a StringWriter given as a TextWriter is the same object)
                    Assign(Unconverted(invocation.Arguments[i].Value) is { } argument ? VariableOf(argument) : null, MapOrigins(stored, invocation.Arguments, arguments));
                }
            }
        }
    }

    /// <summary>
    /// Adds what a summarised callee returns in each tuple position to <paramref name="elements"/>; false when the callee's
    /// returned positions are not known (it returns something other than tuple literals) or differ in number.
    /// </summary>
    private bool AddReturnedElements(ref TaintValue?[]? elements, MethodSummary summary, ImmutableArray<IArgumentOperation> callArguments, TaintValue?[] arguments, IOperation? receiver)
    {
        if (summary.ReturnElements.IsDefault)
        {
            // Nothing known by position: fine only when it returns no taint at all.
            return summary.Returned is null;
        }

        if (elements is not null && elements.Length != summary.ReturnElements.Length)
        {
            return false;
        }

        elements ??= new TaintValue?[summary.ReturnElements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            if (summary.ReturnElements[i] is { } element)
            {
                elements[i] = TaintValue.Union(elements[i], MapReturned(element, callArguments, arguments, receiver));
            }
        }

        return true;
    }

    /// <summary>A summary's return value at a call site: parameter origins mapped to the arguments, member origins to the receiver's members.</summary>
    private TaintValue? MapReturn(MethodSummary summary, ImmutableArray<IArgumentOperation> callArguments, TaintValue?[] arguments, IOperation? receiver) =>
        summary.Returned is { } returned ? MapReturned(returned, callArguments, arguments, receiver) : null;

    /// <summary>A returned taint at a call site: parameter origins replaced by the arguments', member origins by what the receiver holds.</summary>
    private TaintValue? MapReturned(TaintValue returned, ImmutableArray<IArgumentOperation> callArguments, TaintValue?[] arguments, IOperation? receiver)
    {
        var result = MapOrigins(returned, callArguments, arguments);
        foreach (var origin in returned.Origins)
        {
            if (origin.Member is { } member)
            {
                result = TaintValue.Union(result, ReceiverMemberTaint(receiver, member), embedded: returned.Embedded);
            }
        }

        return result;
    }

    /// <summary>A summary's taint at a call site: its sources as they are, its parameter origins replaced by the arguments' taint.</summary>
    private static TaintValue? MapOrigins(TaintValue returned, ImmutableArray<IArgumentOperation> callArguments, TaintValue?[] arguments, bool argumentsOnly = false)
    {
        TaintValue? result = null;
        foreach (var origin in returned.Origins)
        {
            if (origin.IsSource)
            {
                if (!argumentsOnly)
                {
                    result = TaintValue.Union(result, TaintValue.Of(origin));
                }
            }
            else
            {
                for (var i = 0; i < callArguments.Length; i++)
                {
                    if (callArguments[i].Parameter?.Ordinal == origin.ParameterOrdinal)
                    {
                        result = TaintValue.Union(result, arguments[i]);
                    }
                }
            }
        }

        return result is null ? null : TaintValue.Union(result, null, embedded: returned.Embedded);
    }

    private void ApplyParameterSinks(ImmutableArray<IArgumentOperation> callArguments, TaintValue?[] arguments, MethodSummary summary, IMethodSymbol method, IOperation? receiver, IOperation? call = null, string? calledName = null)
    {
        var name = calledName ?? (method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name);
        foreach (var parameterSink in summary.ParameterSinks)
        {
            var sink = parameterSink.Sink;
            if (sink.RoleParameter >= 0)
            {
                // The callee's message takes its role from a parameter: the role this call passes.
                IOperation? role = null;
                for (var i = 0; i < callArguments.Length; i++)
                {
                    if (callArguments[i].Parameter?.Ordinal == sink.RoleParameter)
                    {
                        role = callArguments[i].Value;
                    }
                }

                sink = ResolveRoleFrom(sink, role);
            }

            if (parameterSink.Member is { } member)
            {
                // The callee puts a member of its object into a sink: what this call's receiver holds there reaches it.
                if (ReceiverMemberTaint(receiver, member, call) is { } held)
                {
                    var via = name + (parameterSink.Via.Length > 0 ? " → " + parameterSink.Via : string.Empty);
                    RecordSink(receiver!, held, sink, via, parameterSink.Embedded);
                }

                continue;
            }

            for (var i = 0; i < callArguments.Length; i++)
            {
                if (callArguments[i].Parameter?.Ordinal == parameterSink.Ordinal && arguments[i] is { } taint)
                {
                    var via = name + (parameterSink.Via.Length > 0 ? " → " + parameterSink.Via : string.Empty);
                    RecordSink(callArguments[i].Value, taint, sink, via, parameterSink.Embedded);
                }
            }
        }
    }

    /// <summary>
    /// Whether an operation is written by an assignment (simple, compound, <c>??=</c>, or an element of a deconstructed
    /// tuple): where <see cref="AssignTo"/> checks a property sink. Reading a sink property sinks nothing.
    /// </summary>
    internal static bool IsAssignmentTarget(IOperation operation)
    {
        var node = operation;
        while (node.Parent is ITupleOperation or IDeclarationExpressionOperation)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == node,
            IForEachLoopOperation loop => loop.LoopControlVariable == node,
            _ => false,
        };
    }

    private void AssignTo(IOperation target, TaintValue? value, IOperation valueOperation) => AssignTo(target, value, valueOperation, value);

    /// <param name="sinkValue">What a sink property is checked for (what the assignment adds to it).</param>
    private void AssignTo(IOperation target, TaintValue? value, IOperation valueOperation, TaintValue? sinkValue)
    {
        switch (target)
        {
            case IPropertyReferenceOperation property:
                if (_table.TryGetPropertySink(property.Property, out var sink))
                {
                    CheckSink(valueOperation, sinkValue, sink, ImmutableArray<IArgumentOperation>.Empty, via: null, viaEmbedded: false);
                }
                else if (sinkValue is not null && property is { Property.Name: "Contents" or "Items" or "Content", Instance: ILocalReferenceOperation message }
                    && MessageSinkOf(message) is { } messageSink)
                {
                    // `message.Contents = [new TextContent(q)]`: the content of a message whose role is set where it is created
                    CheckSink(valueOperation, sinkValue, messageSink, ImmutableArray<IArgumentOperation>.Empty, via: null, viaEmbedded: false);
                }

                if (property.Instance is null or IInstanceReferenceOperation)
                {
                    Assign(property.Property, value);
                }
                else
                {
                    Assign(RootVariable(property.Instance), value);
                    RecordMemberWrite(property.Instance, property.Property, value, property);
                }

                break;
            case IFieldReferenceOperation field:
                if (field.Instance is null or IInstanceReferenceOperation)
                {
                    Assign(field.Field, value);
                }
                else
                {
                    Assign(RootVariable(field.Instance), value);
                    RecordMemberWrite(field.Instance, field.Field, value, field);
                }

                break;
            case IArrayElementReferenceOperation element:
                Assign(RootVariable(element.ArrayReference), value);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    AssignTo(element, value, valueOperation);
                }

                break;
            case IDeclarationExpressionOperation declaration:
                AssignTo(declaration.Expression, value, valueOperation);
                break;
            default:
                var variable = VariableOf(target);
                Assign(variable, value);
                if (variable is ILocalSymbol { IsRef: true } && _refTargets is not null && _refTargets.TryGetValue(variable, out var storage))
                {
                    // `slot = q;` with `ref string slot = ref parts[1];`: `parts` holds it.
                    foreach (var aliased in storage)
                    {
                        Assign(aliased, value);
                    }
                }

                break;
        }
    }

    private void BindRefLocal(ILocalSymbol local, IOperation? storage)
    {
        if (storage is IArrayElementReferenceOperation element)
        {
            storage = element.ArrayReference;
        }

        if (RootVariable(storage) is not { } root || SymbolEqualityComparer.Default.Equals(root, local))
        {
            return;
        }

        _refTargets ??= new Dictionary<ISymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
        if (!_refTargets.TryGetValue(local, out var roots))
        {
            _refTargets[local] = roots = new List<ISymbol>(1);
        }

        foreach (var known in roots)
        {
            if (SymbolEqualityComparer.Default.Equals(known, root))
            {
                return;
            }
        }

        roots.Add(root);
    }

    private void AssignDeconstruction(IOperation target, IOperation value, TaintValue? taint)
    {
        while (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (target is ITupleOperation targets && value is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
        {
            for (var i = 0; i < targets.Elements.Length; i++)
            {
                AssignDeconstruction(targets.Elements[i], values.Elements[i], LastEval(values.Elements[i]) ?? Eval(values.Elements[i]));
            }

            return;
        }

        if (target is ITupleOperation split && value.Type is { IsTupleType: true } && TupleElementsOf(value) is { } elements && elements.Length == split.Elements.Length)
        {
            // `var (system, user) = BuildPrompts(q)`: each variable gets what its position holds.
            for (var i = 0; i < split.Elements.Length; i++)
            {
                AssignAll(split.Elements[i], elements[i]);
            }

            return;
        }

        if (target is ITupleOperation)
        {
            AssignAll(target, taint);
            return;
        }

        AssignTo(target, taint, value);
    }

    /// <summary>Every variable of a deconstruction target (nested ones too) gets <paramref name="taint"/>.</summary>
    private void AssignAll(IOperation target, TaintValue? taint)
    {
        while (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
            {
                AssignAll(element, taint);
            }

            return;
        }

        AssignTo(target, taint, target);
    }

    private TaintValue? LastEval(IOperation operation) => _lastEval.TryGetValue(operation, out var taint) ? taint : null;

    private void BindLoopVariable(IOperation? variable, TaintValue? taint)
    {
        switch (variable)
        {
            case null:
                return;
            case IVariableDeclaratorOperation declarator:
                Assign(declarator.Symbol, taint);
                return;
            default:
                if (VariableOf(variable) is { } symbol)
                {
                    Assign(symbol, taint);
                    return;
                }

                foreach (var descendant in variable.Descendants())
                {
                    if (descendant is ILocalReferenceOperation local)
                    {
                        Assign(local.Local, taint);
                    }
                    else if (descendant is IVariableDeclaratorOperation d)
                    {
                        Assign(d.Symbol, taint);
                    }
                }

                return;
        }
    }

    private void BindPattern(IPatternOperation? pattern, TaintValue? taint)
    {
        if (pattern is null)
        {
            return;
        }

        // A pattern matching a value of a source type (`hits is [(var title, _), ..]` over configured chunks) reads it.
        taint = TaintValue.Union(taint, TypeSourceValue(pattern, pattern.NarrowedType));
        if (taint is null)
        {
            // Nothing known yet: only a nested pattern of a source type can bind untrusted parts.
            foreach (var child in pattern.ChildOperations)
            {
                BindPattern(child as IPatternOperation ?? (child as IPropertySubpatternOperation)?.Pattern, null);
            }

            return;
        }

        // `x is string s`, `x is var s`, `x is { Length: > 0 } s`, `x is [.., var last] all`: the designation holds the value.
        var declared = pattern switch
        {
            IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
            IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
            IListPatternOperation list => list.DeclaredSymbol,
            _ => null,
        };
        if (declared is not null)
        {
            Assign(declared, taint);
        }

        // Nested patterns match parts of the value (`{ Persona: var p }`, `(var a, _)`, `[var first, ..]`): a part of
        // an untrusted value is untrusted, as reading a property of a tainted object is.
        foreach (var child in pattern.ChildOperations)
        {
            if (child is IPatternOperation nested)
            {
                BindPattern(nested, taint);
            }
            else if (child is IPropertySubpatternOperation subpattern)
            {
                BindPattern(subpattern.Pattern, taint);
            }
        }
    }

    // ---- sources -------------------------------------------------------------------------------------------

    private SourceKind? MemberSource(ISymbol member, ITypeSymbol? valueType, ITypeSymbol? instanceType) =>
        MemberSourceOf(_table, member, valueType, instanceType);

    /// <summary>Why reading <paramref name="member"/> (a field, property or call) yields untrusted data, if it does.</summary>
    internal static SourceKind? MemberSourceOf(LlmApiTable table, ISymbol member, ITypeSymbol? valueType, ITypeSymbol? instanceType)
    {
        var kind = table.GetMemberSource(member);
        if (kind is not null)
        {
            return kind;
        }

        foreach (var attribute in member.GetAttributes())
        {
            var attributeKind = AttributeSourceOf(table, attribute);
            if (attributeKind is not null)
            {
                return attributeKind;
            }
        }

        if (member is IPropertySymbol && table.IsRouteParameter(member))
        {
            return SourceKind.RouteValue;
        }

        if (member is IMethodSymbol method)
        {
            foreach (var attribute in method.GetReturnTypeAttributes())
            {
                var attributeKind = AttributeSourceOf(table, attribute);
                if (attributeKind is not null)
                {
                    return attributeKind;
                }
            }

            if (HasToolAttribute(table, method.OriginalDefinition))
            {
                return SourceKind.ToolResult;
            }

            // A method of an untrusted value (IFormFile.OpenReadStream()) yields untrusted data too.
            return table.GetTypeSource(valueType) ?? table.GetTypeSource(instanceType);
        }

        return table.GetTypeSource(instanceType) ?? table.GetTypeSource(valueType);
    }

    private static SourceKind? AttributeSourceOf(LlmApiTable table, AttributeData attribute)
    {
        if (attribute.AttributeClass is not { } attributeClass)
        {
            return null;
        }

        if (table.UntrustedAttribute is { } untrusted && SymbolEqualityComparer.Default.Equals(attributeClass, untrusted))
        {
            return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string { Length: > 0 } description
                ? new SourceKind(description)
                : SourceKind.MarkedUntrusted;
        }

        return table.GetSourceAttribute(attributeClass);
    }

    /// <summary>
    /// The type of the value a call is made on: its instance, or for an extension method the first argument (the
    /// <c>this</c> parameter), so that an extension on an untrusted type (<c>req.ReadAsStringAsync()</c>) reads from it.
    /// </summary>
    internal static ITypeSymbol? ReceiverType(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance.Type;
        }

        if (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && invocation.Arguments[0].Value is { } receiver)
        {
            return (receiver is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : receiver).Type;
        }

        return null;
    }

    /// <summary>A method the model calls as a tool: <c>[KernelFunction]</c> or <c>[McpServerTool]</c>.</summary>
    private static bool HasToolAttribute(LlmApiTable table, ISymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (table.IsToolAttribute(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    private SourceKind? ParameterSourceKind(IMethodSymbol method, IParameterSymbol parameter, SourceKind? registration) =>
        ParameterSourceKindOf(_context, method, parameter, registration, _summaryMode, _cancellationToken);

    /// <summary>Why a parameter of <paramref name="method"/> is untrusted, if it is (outside a summary, where parameters are symbolic).</summary>
    internal static SourceKind? ParameterSourceKindOf(TaintContext context, IMethodSymbol method, IParameterSymbol parameter, SourceKind? registration, bool summaryMode, CancellationToken cancellationToken)
    {
        var table = context.Table;
        foreach (var attribute in parameter.GetAttributes())
        {
            var kind = AttributeSourceOf(table, attribute);
            if (kind is not null)
            {
                return kind;
            }

            if (attribute.AttributeClass?.Name is "FromServicesAttribute" or "FromKeyedServicesAttribute")
            {
                return null;
            }
        }

        // A gRPC service method: the client chooses the request message, or the request stream's messages.
        if (table.GrpcBindServiceMethodAttribute is { } bindService && method.IsOverride && OverridesGrpcServiceMethod(method, bindService))
        {
            var plumbing = parameter.Type.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(plumbing, table.GrpcServerCallContext)
                || SymbolEqualityComparer.Default.Equals(plumbing, table.GrpcServerStreamWriter)
                || IsSafeType(parameter.Type)
                ? null
                : SourceKind.GrpcRequest;
        }

        // A SignalR client-to-server stream (IAsyncEnumerable<T>, ChannelReader<T>): the client sends every item.
        if (IsClientStream(table, parameter.Type) && IsHubMethod(table, method))
        {
            return SourceKind.HubMethodArgument;
        }

        if (!IsBindableType(table, parameter.Type))
        {
            return null;
        }

        // A program's command-line arguments: Main(string[] args), or the args of top-level statements.
        if (method.IsStatic && method.MethodKind == MethodKind.Ordinary && method.Name is "Main" or "<Main>$"
            && parameter.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String })
        {
            return SourceKind.CommandLine;
        }

        if (registration is not null)
        {
            return registration;
        }

        if (method.MethodKind == MethodKind.Ordinary && !summaryMode && context.GetHandlerMethodKind(method, cancellationToken) is { } handlerKind)
        {
            return handlerKind;
        }

        if (HasToolAttribute(table, method))
        {
            return SourceKind.ToolArgument;
        }

        if (table.McpServerPromptAttribute is { } mcpPrompt && HasAttribute(method, mcpPrompt))
        {
            return SourceKind.McpPromptArgument;
        }

        if (method.MethodKind == MethodKind.Ordinary && !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public
            && method.ContainingType is { } type)
        {
            if (table.ControllerBase is { } controller && InheritsFrom(type, controller)
                && (table.NonActionAttribute is null || !HasAttribute(method, table.NonActionAttribute)))
            {
                return SourceKind.ActionParameter;
            }

            if (table.PageModel is { } pageModel && method.Name.StartsWith("On", StringComparison.Ordinal) && InheritsFrom(type, pageModel))
            {
                return SourceKind.PageHandlerParameter;
            }

            if (IsHubMethod(table, method))
            {
                return SourceKind.HubMethodArgument;
            }
        }

        return null;
    }

    /// <summary>
    /// A hub method is called by clients with arguments they choose; the hub's own overrides (OnConnectedAsync,
    /// OnDisconnectedAsync) are lifecycle callbacks, not client calls.
    /// </summary>
    private static bool IsHubMethod(LlmApiTable table, IMethodSymbol method) =>
        table.SignalRHub is { } hub && method is { MethodKind: MethodKind.Ordinary, IsStatic: false, IsOverride: false, DeclaredAccessibility: Accessibility.Public, ContainingType: { } type }
        && InheritsFrom(type, hub);

    /// <summary><c>IAsyncEnumerable&lt;T&gt;</c> or <c>ChannelReader&lt;T&gt;</c> of a type a client can send.</summary>
    private static bool IsClientStream(LlmApiTable table, ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, MetadataName: "IAsyncEnumerable`1" or "ChannelReader`1" } stream
        && stream.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic" or "System.Threading.Channels"
        && IsBindableType(table, stream.TypeArguments[0]);

    /// <summary>Whether <paramref name="method"/> overrides a method of a generated gRPC service base (<c>[BindServiceMethod]</c> on its type).</summary>
    private static bool OverridesGrpcServiceMethod(IMethodSymbol method, INamedTypeSymbol bindServiceAttribute)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (overridden.ContainingType is { } type && HasAttribute(type, bindServiceAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Strings, arrays and user-defined records and classes bind from a request; services (interfaces) do not.</summary>
    private static bool IsBindableType(LlmApiTable table, ITypeSymbol type)
    {
        if (IsSafeType(type))
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String || table.GetTypeSource(type) is not null)
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return IsBindableType(table, array.ElementType);
        }

        if (type.TypeKind is TypeKind.Interface or TypeKind.Delegate or TypeKind.TypeParameter or TypeKind.Error)
        {
            return false;
        }

        if (IsJsonDocumentType(type))
        {
            // `(JsonElement body, IChatClient chat) => ...`: a JSON document is what a request body binds to.
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } collection && IsFrameworkCollection(collection))
        {
            // `List<Note>`, `Dictionary<string, string>`: a framework collection of bindable items binds as they do.
            foreach (var item in collection.TypeArguments)
            {
                if (!IsBindableType(table, item))
                {
                    return false;
                }
            }

            return true;
        }

        // Framework types (HttpContext, CancellationToken, Kernel, ...) are not bound from the caller's input, and
        // neither are the app's own services (DbContexts, *Service, *Client...): only plain DTO-like types are.
        return type.Locations.Length > 0 && type.Locations[0].IsInSource && !LooksLikeService(type);
    }

    /// <summary>System.Text.Json's document types: <c>JsonElement</c>, <c>JsonDocument</c>, <c>JsonNode</c> and its <c>JsonObject</c>/<c>JsonArray</c>/<c>JsonValue</c>.</summary>
    private static bool IsJsonDocumentType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "JsonElement" or "JsonDocument" or "JsonNode"
                && current.ContainingNamespace?.ToDisplayString() is "System.Text.Json" or "System.Text.Json.Nodes")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A generic collection class of the framework (<c>System.Collections.Generic</c>, <c>.Concurrent</c>, <c>.Immutable</c>...).</summary>
    private static bool IsFrameworkCollection(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == "System.Collections.Generic" || ns.StartsWith("System.Collections.", StringComparison.Ordinal))
            && type.TypeKind is TypeKind.Class or TypeKind.Struct;
    }

    private static bool LooksLikeService(ITypeSymbol type)
    {
        if (type.BaseType is { } baseType
            && baseType.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType)
            && !(baseType.Locations.Length > 0 && baseType.Locations[0].IsInSource))
        {
            return true;
        }

        var name = type.Name;
        foreach (var suffix in ServiceSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ServiceSuffixes =
    {
        "Service", "Context", "Client", "Repository", "Factory", "Manager", "Provider", "Options", "Handler", "Logger", "Cache",
    };

    private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lambda given a collection's items (<c>docs.ForEach(d => ...)</c>, <c>Array.ForEach(docs, d => ...)</c>,
    /// <c>Parallel.ForEach(docs, d => ...)</c>, <c>docs.Select(d => ...)</c>): its parameters get what the collection holds,
    /// as a <c>foreach</c> variable does. The collection is the receiver, or the first argument of a static or extension
    /// method; the lambda is walked again with them (the walk runs to a fixed point).
    /// </summary>
    private void SeedItemLambdas(IInvocationOperation invocation, TaintValue? instance, TaintValue?[] arguments)
    {
        List<IAnonymousFunctionOperation>? lambdas = null;
        foreach (var argument in invocation.Arguments)
        {
            if (DelegateTarget(argument.Value) is IAnonymousFunctionOperation lambda)
            {
                (lambdas ??= new List<IAnonymousFunctionOperation>(1)).Add(lambda);
            }
        }

        if (lambdas is null)
        {
            return;
        }

        var items = invocation.Instance is not null
            ? (IsCollection(invocation.Instance.Type) ? instance : null)
            : (arguments.Length > 1 && IsCollection(invocation.Arguments[0].Value.Type) ? arguments[0] : null);
        if (items is null)
        {
            return;
        }

        foreach (var lambda in lambdas)
        {
            foreach (var parameter in lambda.Symbol.Parameters)
            {
                Assign(parameter, items);
            }
        }
    }

    /// <summary>The lambda of LINQ's <c>Select</c> or <c>SelectMany</c> (one selector, no result selector), whose returns are the elements.</summary>
    private static IAnonymousFunctionOperation? SelectorOf(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("Select" or "SelectMany") || !method.IsStatic || invocation.Arguments.Length != 2
            || method.ContainingType is not { Name: "Enumerable" or "Queryable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
            || !IsCollection(invocation.Arguments[0].Value.Type))
        {
            // (the selector's parameter is seeded with the items only for a collection, see SeedItemLambdas)
            return null;
        }

        return DelegateTarget(invocation.Arguments[1].Value) as IAnonymousFunctionOperation;
    }

    /// <summary>
    /// <c>docs.Select(Prompt.Untrusted)</c>, <c>Array.ConvertAll(docs, Prompt.Untrusted)</c>, <c>list.ConvertAll(Hash)</c>:
    /// every element is what a sanitizer (or a hash) returned, as with the lambda form <c>d =&gt; Prompt.Untrusted(d)</c>.
    /// </summary>
    private bool MapsWithSanitizer(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("Select" or "ConvertAll"))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (DelegateTarget(argument.Value) is IMethodReferenceOperation { Method: { } mapper }
                && (_table.IsSanitizer(mapper) || IsCryptographicHash(mapper)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a delegate argument runs: the lambda or method reference under its conversions and delegate creation.</summary>
    private static IOperation DelegateTarget(IOperation value)
    {
        while (value is IConversionOperation or IDelegateCreationOperation)
        {
            value = value is IConversionOperation c ? c.Operand : ((IDelegateCreationOperation)value).Target;
        }

        return value;
    }

    private void SeedHandlers(IInvocationOperation invocation, SourceKind registration)
    {
        foreach (var argument in invocation.Arguments)
        {
            // A lambda, or a local function given by name (`AIFunctionFactory.Create(Search)`): both are walked as part of
            // this block, so their parameters are seeded here (a method given by name is its own block, found by the
            // registration scan).
            var handler = DelegateTarget(argument.Value) switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } local => local.Method.OriginalDefinition,
                _ => null,
            };
            if (handler is null)
            {
                continue;
            }

            foreach (var parameter in handler.Parameters)
            {
                var kind = ParameterSourceKind(handler, parameter, registration);
                if (kind is not null)
                {
                    Seed(parameter, kind);
                }
            }
        }
    }

    // ---- sinks ---------------------------------------------------------------------------------------------

    private void CheckMethodSinks(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, TaintValue?[] taints)
    {
        var known = _table.HasMethodSinks(method);
        var attributed = _table.PromptSinkAttribute is not null;
        if (!known && !attributed)
        {
            return;
        }

        PromptSinkRole? methodRole = attributed ? PromptSinkRoleOf(method.OriginalDefinition) : null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (taints[i] is null || arguments[i].Parameter is not { } parameter)
            {
                continue;
            }

            if (known && _table.TryGetMethodSink(method, parameter.Ordinal, out var sink))
            {
                CheckSink(SinkValue(arguments[i]), taints[i], sink, arguments, via: null, viaEmbedded: false);
                continue;
            }

            if (!attributed || parameter.Type.SpecialType != SpecialType.System_String && parameter.Type.TypeKind != TypeKind.Error)
            {
                continue;
            }

            var role = PromptSinkRoleOf(parameter.OriginalDefinition) ?? methodRole;
            if (role is { } r)
            {
                var description = "the prompt sink '" + parameter.Name + "' of '" + method.Name + "'";
                var attributeSink = new SinkInfo(
                    r switch { PromptSinkRole.User => SinkRole.User, PromptSinkRole.Template => SinkRole.Template, _ => SinkRole.Instructions },
                    description,
                    "Attribute");
                CheckSink(arguments[i].Value, taints[i], attributeSink, arguments, via: null, viaEmbedded: false);
            }
        }
    }

    private enum PromptSinkRole
    {
        Instructions = 0,
        User = 1,
        Template = 2,
    }

    private PromptSinkRole? PromptSinkRoleOf(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _table.PromptSinkAttribute))
            {
                return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int role && role is >= 0 and <= 2
                    ? (PromptSinkRole)role
                    : PromptSinkRole.Instructions;
            }
        }

        return null;
    }

    private void CheckSink(IOperation value, TaintValue? taint, SinkInfo sink, ImmutableArray<IArgumentOperation> arguments, string? via, bool viaEmbedded)
    {
        if (taint is null)
        {
            return;
        }

        if (sink.Role == SinkRole.FromRoleArgument)
        {
            sink = ResolveRole(sink, arguments);
        }

        RecordSink(value, taint, sink, via, viaEmbedded);
    }

    private void RecordSink(IOperation value, TaintValue taint, SinkInfo sink, string? via, bool viaEmbedded)
    {
        var embedded = taint.Embedded || viaEmbedded;
        SinkRule rule;
        switch (sink.Role)
        {
            case SinkRole.Instructions:
                rule = SinkRule.Instructions;
                break;
            case SinkRole.Template:
                rule = SinkRule.SemanticKernelTemplate;
                break;
            case SinkRole.User:
                rule = SinkRule.UserTemplate;
                break;
            case SinkRole.None when sink.RoleParameter >= 0 && _summaryMode && _report:
                // A role the caller passes: recorded for the parameters that reach it, judged at each call site.
                foreach (var origin in taint.Origins)
                {
                    if (!origin.IsSource)
                    {
                        _parameterSinks.Add(new ParameterSink(origin.ParameterOrdinal, sink, embedded, via ?? string.Empty, value.Syntax.GetLocation(), origin.Member));
                    }
                }

                return;
            default:
                return;
        }

        foreach (var origin in taint.Origins)
        {
            if (!origin.IsSource)
            {
                if (_summaryMode && _report && !ReportsItself(origin))
                {
                    _parameterSinks.Add(new ParameterSink(origin.ParameterOrdinal, sink, embedded, via ?? string.Empty, value.Syntax.GetLocation(), origin.Member));
                }

                continue;
            }

            if (_summaryMode || !_report || (rule == SinkRule.UserTemplate && !embedded))
            {
                continue;
            }

            if (!_hits.ContainsKey(value))
            {
                _hits[value] = new SinkHit(rule, value, sink, origin, FixTargetsOf(value, mixed: taint.Embedded && via is null), via);
            }
        }
    }

    /// <summary>
    /// Whether a parameter origin is a parameter that is itself untrusted where it is declared (<c>[Untrusted]</c>,
    /// <c>[FromBody]</c>...): the method's own analysis reports the sinks it reaches, so a call site does not report them
    /// again through it.
    /// </summary>
    private bool ReportsItself(Origin origin)
    {
        return origin.Member is null
            && _owner is IMethodSymbol method
            && origin.ParameterOrdinal >= 0 && origin.ParameterOrdinal < method.Parameters.Length
            && ParameterSourceKind(method, method.Parameters[origin.ParameterOrdinal], registration: null) is not null;
    }

    private SinkInfo ResolveRole(SinkInfo sink, ImmutableArray<IArgumentOperation> arguments)
    {
        IOperation? role = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == sink.RoleOrdinal)
            {
                role = argument.Value;
            }
        }

        return ResolveRoleFrom(sink, role);
    }

    private SinkInfo ResolveRoleFrom(SinkInfo sink, IOperation? role)
    {
        int rank = RoleRank(role, 0);
        if (rank < 3 && RoleChosenByInput(role))
        {
            // `new ChatRole(turn.Role)`, `new AuthorRole(m.Role)`: the caller picks the role, so it can send a system message.
            return sink.WithRole(SinkRole.Instructions, "a message whose role the untrusted input chooses (it can be the system role)");
        }

        if (rank == 0 && _summaryMode && _symbolic && UnwrapConversions(role) is IParameterReferenceOperation { Parameter: var parameter }
            && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _owner) && !IsReassigned(parameter))
        {
            // `static ChatMessage Msg(ChatRole role, string text) => new(role, text);`: each call site judges the role it passes.
            return sink.WithRoleParameter(parameter.Ordinal);
        }

        return WithRoleRank(sink, rank);
    }

    private static IOperation? UnwrapConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>Whether the method assigns to its parameter anywhere (then the role it holds is not only the caller's).</summary>
    private bool IsReassigned(IParameterSymbol parameter)
    {
        foreach (var root in _roots)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IAssignmentOperation { Target: IParameterReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Parameter, parameter))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the role expression makes a role from text that untrusted input (other than model output) supplies:
    /// <c>new ChatRole(turn.Role)</c>, <c>new AuthorRole(m.Role)</c>, directly, in an arm of a choice, or in any assignment
    /// of a role local. A role read off a message (a model reply's <c>result.Role</c>) is that message's own: history.
    /// </summary>
    private bool RoleChosenByInput(IOperation? role, int hops = 0)
    {
        while (role is IConversionOperation conversion)
        {
            role = conversion.Operand;
        }

        switch (role)
        {
            case IObjectCreationOperation { Arguments.Length: > 0 } creation when RoleFamilyOf(creation.Type!) != RoleFamily.None:
                return IsInputTaint(LastEval(creation.Arguments[0].Value));
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional when hops < 4:
                return RoleChosenByInput(conditional.WhenTrue, hops + 1) || RoleChosenByInput(whenFalse, hops + 1);
            case ISwitchExpressionOperation switchExpression when hops < 4:
                foreach (var arm in switchExpression.Arms)
                {
                    if (RoleChosenByInput(arm.Value, hops + 1))
                    {
                        return true;
                    }
                }

                return false;
            case ILocalReferenceOperation local when hops < 4:
                foreach (var assigned in AssignedValues(local))
                {
                    if (RoleChosenByInput(assigned, hops + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsInputTaint(TaintValue? taint)
    {
        foreach (var origin in taint?.Origins ?? ImmutableArray<Origin>.Empty)
        {
            if (origin.IsSource && origin.Kind != SourceKind.ModelOutput)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every value the local is given in its method: its initializer and the right side of each assignment.</summary>
    private static List<IOperation> AssignedValues(ILocalReferenceOperation reference)
    {
        var values = new List<IOperation>();
        IOperation root = reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var descendant in root.Descendants())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    values.Add(initial);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    values.Add(assignment.Value);
                    break;
            }
        }

        return values;
    }

    private static SinkInfo WithRoleRank(SinkInfo sink, int rank)
    {
        return rank switch
        {
            3 => sink.WithRole(SinkRole.Instructions, "the system message"),
            2 => sink.WithRole(SinkRole.Instructions, "the developer message"),
            1 => sink.WithRole(SinkRole.User, "the user message"),
            // A role that is not a constant (often a message's own Role, copied from model output) is not judged;
            // assistant and tool text is conversation history.
            _ => sink.WithRole(SinkRole.None, "the chat message"),
        };
    }

    /// <summary>
    /// The most privileged role a role expression can have: 3 system, 2 developer, 1 user, 0 other or unknown. Follows
    /// conversions, both arms of a conditional, and a local whose only assignment is its initializer.
    /// </summary>
    private static int RoleRank(IOperation? role, int hops)
    {
        while (role is IConversionOperation conversion)
        {
            role = conversion.Operand;
        }

        switch (role)
        {
            case IPropertyReferenceOperation { Instance: null } p:
                return RoleRank(p.Property.Name);
            case IFieldReferenceOperation { Field.IsReadOnly: true } f when ReadOnlyRoleInitializer(f.Field) is { } initializer:
                // `static readonly ChatRole SystemRole = ChatRole.System;`: a role the field is given once, where it is declared.
                return RoleRank(initializer);
            case IFieldReferenceOperation { Instance: null } f:
                return RoleRank(f.Field.Name);
            case IObjectCreationOperation { Arguments.Length: > 0 } c when c.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string s }:
                return RoleRank(s);
            case IConditionalOperation conditional when hops < 4:
                return Math.Max(RoleRank(conditional.WhenTrue, hops + 1), RoleRank(conditional.WhenFalse, hops + 1));
            case ISwitchExpressionOperation switchExpression when hops < 4:
                var most = 0;
                foreach (var arm in switchExpression.Arms)
                {
                    most = Math.Max(most, RoleRank(arm.Value, hops + 1));
                }

                return most;
            case ILocalReferenceOperation local when hops < 4:
                return RoleRank(SingleAssignment(local), hops + 1);
            default:
                return 0;
        }
    }

    /// <summary>
    /// The role a read-only field of this compilation holds, from the syntax of its initializer (`ChatRole.System`,
    /// `AuthorRole.Developer`, `new ChatRole("system")`), when no constructor of its type names the field (where it could
    /// be given another role). A role expression of the conversation types only, so null (unknown) for anything else.
    /// </summary>
    private static string? ReadOnlyRoleInitializer(IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var value })
        {
            return null;
        }

        string? role = null;
        switch (value)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Expression: var type } when RoleTypeName(type):
                role = name;
                break;
            case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } creation
                when (creation is ImplicitObjectCreationExpressionSyntax || (creation is ObjectCreationExpressionSyntax { Type: var created } && RoleTypeName(created)))
                && arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string text }:
                role = text;
                break;
        }

        if (role is null)
        {
            return null;
        }

        foreach (var type in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (type.GetSyntax() is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var member in declaration.Members)
            {
                if (member is ConstructorDeclarationSyntax constructor)
                {
                    foreach (var token in constructor.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == field.Name)
                        {
                            return null;
                        }
                    }
                }
            }
        }

        return role;

        static bool RoleTypeName(ExpressionSyntax type) => type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText is "ChatRole" or "AuthorRole",
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText is "ChatRole" or "AuthorRole",
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText is "ChatRole" or "AuthorRole",
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText is "ChatRole" or "AuthorRole",
            _ => false,
        };
    }

    private static int RoleRank(string name) => name.ToLowerInvariant() switch
    {
        "system" => 3,
        "developer" => 2,
        "user" => 1,
        _ => 0,
    };

    /// <summary>
    /// Whether a reader was created over <c>Assembly.GetManifestResourceStream</c> (directly, or through locals
    /// assigned once): <c>new StreamReader(assembly.GetManifestResourceStream(name)!)</c>.
    /// </summary>
    private static bool ReadsEmbeddedResource(IOperation? operation, int hops)
    {
        while (operation is IConversionOperation or IParenthesizedOperation or ICoalesceOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                ICoalesceOperation coalesce => coalesce.Value,
                _ => null,
            };
        }

        switch (operation)
        {
            case ILocalReferenceOperation local when hops < 4:
                return ReadsEmbeddedResource(SingleAssignment(local), hops + 1);
            case IObjectCreationOperation { Arguments.Length: > 0 } creation when creation.Type is INamedTypeSymbol { Name: "StreamReader" or "BinaryReader" }:
                return ReadsEmbeddedResource(creation.Arguments[0].Value, hops + 1);
            case IInvocationOperation { TargetMethod: { Name: "GetManifestResourceStream", ContainingType.Name: "Assembly" } }:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The initializer of a local that is never assigned again in its method, else null.</summary>
    private static IOperation? SingleAssignment(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        IOperation? root = reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        IOperation? initializer = null;
        foreach (var descendant in root.Descendants())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    initializer = declarator.Initializer?.Value;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation compound } when SymbolEqualityComparer.Default.Equals(compound.Local, local):
                case IArgumentOperation { Value: ILocalReferenceOperation byRef, Parameter.RefKind: not RefKind.None and not RefKind.In } when SymbolEqualityComparer.Default.Equals(byRef.Local, local):
                    return null;
            }
        }

        return initializer;
    }

    /// <summary>
    /// What a fix should wrap: the tainted parts of the sink value, or the value when it is untrusted as a whole. None
    /// when the value mixes trusted text with untrusted text that no part of it isolates (a StringBuilder's text, a
    /// helper's result): wrapping all of it would mark the instructions as data too.
    /// </summary>
    private ImmutableArray<IOperation> FixTargetsOf(IOperation value, bool mixed)
    {
        var parts = new List<IOperation>(1);
        CollectFixTargets(value, hops: 0, parts);
        return parts.Count == 1 && parts[0] == value && mixed ? ImmutableArray<IOperation>.Empty : parts.ToImmutableArray();
    }

    /// <summary>
    /// The tainted parts of a sink value: its tainted interpolation holes, concatenated operands and formatted arguments
    /// (<c>string.Format</c>/<c>Concat</c>/<c>Join</c>), looking through a local assigned once (<c>var p = "Rules: " + q;</c>);
    /// the value itself when no part of it is tainted on its own.
    /// </summary>
    private void CollectFixTargets(IOperation value, int hops, List<IOperation> parts)
    {
        var current = value;
        while (current is IConversionOperation conversion)
        {
            current = conversion.Operand;
        }

        var found = parts.Count;
        var throughLocal = false;
        switch (current)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole)
                    {
                        CollectTaintedPart(parts, hops, hole.Expression);
                    }
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                CollectTaintedPart(parts, hops, binary.LeftOperand);
                CollectTaintedPart(parts, hops, binary.RightOperand);

                break;
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Format" or "Concat" or "Join", ContainingType.SpecialType: SpecialType.System_String } } call:
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Name is "format" or "provider" or "separator")
                    {
                        continue;
                    }

                    if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { IsImplicit: true, Initializer: { } elements })
                    {
                        CollectTaintedParts(parts, hops, elements.ElementValues);
                    }
                    else
                    {
                        CollectTaintedPart(parts, hops, argument.Value);
                    }
                }

                break;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                // `flag ? "A." : $"Custom {q}"`: the untrusted parts of each arm
                CollectTaintedParts(parts, hops, new[] { conditional.WhenTrue, whenFalse });
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    CollectTaintedPart(parts, hops, arm.Value);
                }

                break;
            case IObjectCreationOperation creation when _table.IsMessageContentType(creation.Type):
                // `new TextContent($"Persona {q}.")`: the text the content item is made of
                foreach (var argument in creation.Arguments)
                {
                    CollectTaintedPart(parts, hops, argument.Value);
                }

                break;
            case IObjectCreationOperation { Initializer: { } initializer }:
                // `new List<AIContent> { new TextContent("Rules " + q) }`: the items its initializer adds
                foreach (var added in initializer.Initializers)
                {
                    if (added is IInvocationOperation { Arguments.Length: 1 } add)
                    {
                        CollectTaintedPart(parts, hops, add.Arguments[0].Value);
                    }
                }

                break;
            case IArrayCreationOperation { Initializer: { } arrayElements }:
                CollectTaintedParts(parts, hops, arrayElements.ElementValues);
                break;
            case { Kind: OperationKind.None } unknown when unknown.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionExpression):
                // `[new TextContent($"Persona {q}.")]` (a collection expression has no operation of its own in Roslyn 4.8)
                CollectTaintedParts(parts, hops, unknown.ChildOperations);
                break;
            case ILocalReferenceOperation local when hops < 4 && SingleAssignment(local) is { } initializer && IsTainted(initializer):
                // The parts of the text the local was built from; the local itself when it holds only untrusted text.
                var built = new List<IOperation>(1);
                CollectFixTargets(initializer, hops + 1, built);
                if (built.Count != 1 || built[0] != initializer)
                {
                    throughLocal = true;
                    foreach (var part in built)
                    {
                        if (!parts.Contains(part))
                        {
                            parts.Add(part);
                        }
                    }
                }

                break;
        }

        if (parts.Count == found && !throughLocal)
        {
            parts.Add(value);
        }
    }

    private void CollectTaintedParts(List<IOperation> parts, int hops, IEnumerable<IOperation> values)
    {
        foreach (var value in values)
        {
            CollectTaintedPart(parts, hops, value);
        }
    }

    /// <summary>The fix targets inside <paramref name="value"/> when it carries taint.</summary>
    private void CollectTaintedPart(List<IOperation> parts, int hops, IOperation value)
    {
        if (IsTainted(value))
        {
            CollectFixTargets(value, hops, parts);
        }
    }

    /// <summary>
    /// The operation a finding points at: the argument's value, or for an expanded <c>params</c> array (whose implicit
    /// array creation spans the whole call) its first tainted element.
    /// </summary>
    private IOperation SinkValue(IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { IsImplicit: true, Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                if (IsTainted(element))
                {
                    return element;
                }
            }
        }

        return argument.Value;
    }

    private bool IsTainted(IOperation operation) => _lastEval.TryGetValue(operation, out var taint) && taint is not null;

    internal static string Display(SyntaxNode syntax)
    {
        var text = syntax.ToString();
        var first = syntax.GetFirstToken();
        if (first.RawKind is (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DotToken or (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.OpenBracketToken
            && syntax.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { } access
            && access.WhenNotNull.Span.Contains(syntax.Span))
        {
            // `.Provider` read through `request?.Provider`: name it with its receiver.
            text = access.Expression.ToString() + "?" + text;
        }

        var sb = new System.Text.StringBuilder(Math.Min(text.Length, 64));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
            if (sb.Length > 60)
            {
                return sb.ToString(0, 57) + "...";
            }
        }

        return sb.ToString();
    }
}

/// <summary>Keys of <c>TaintWalker._memberWrites</c>: a variable and a member, compared as symbols.</summary>
internal sealed class VariableMemberComparer : IEqualityComparer<(ISymbol Variable, ISymbol Member)>
{
    public static readonly VariableMemberComparer Instance = new();

    public bool Equals((ISymbol Variable, ISymbol Member) x, (ISymbol Variable, ISymbol Member) y) =>
        SymbolEqualityComparer.Default.Equals(x.Variable, y.Variable) && SymbolEqualityComparer.Default.Equals(x.Member, y.Member);

    public int GetHashCode((ISymbol Variable, ISymbol Member) obj) =>
        (SymbolEqualityComparer.Default.GetHashCode(obj.Variable) * 31) + SymbolEqualityComparer.Default.GetHashCode(obj.Member);
}
