using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StructuredLlm.Analyzers.Llm;

namespace StructuredLlm.Analyzers.Taint;

/// <summary>A parameter of a summarised method whose value reaches a sink inside it (or in its callees).</summary>
internal sealed class ParameterSink
{
    public ParameterSink(int ordinal, SinkInfo sink, bool embedded, string via, Location location)
    {
        Ordinal = ordinal;
        Sink = sink;
        Embedded = embedded;
        Via = via;
        Location = location;
    }

    public int Ordinal { get; }

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
    public static readonly MethodSummary Empty = new(null, ImmutableArray<ParameterSink>.Empty);

    public MethodSummary(TaintValue? returned, ImmutableArray<ParameterSink> parameterSinks)
    {
        Returned = returned;
        ParameterSinks = parameterSinks;
    }

    /// <summary>Origins of the returned value: sources inside the method, and parameters (mapped to arguments at call sites).</summary>
    public TaintValue? Returned { get; }

    public ImmutableArray<ParameterSink> ParameterSinks { get; }
}

/// <summary>Per-compilation state of the taint analysis: the API table, method summaries and semantic models.</summary>
internal sealed class TaintContext
{
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), MethodSummary> _summaries = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public TaintContext(LlmApiTable table)
    {
        Table = table;
    }

    public LlmApiTable Table { get; }

    public Compilation Compilation => Table.Compilation;

    /// <summary>Whether <paramref name="method"/> has a body in this compilation that a summary can be built from.</summary>
    public static bool HasSourceBody(IMethodSymbol method) =>
        !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0
        && method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.Constructor or MethodKind.ReducedExtension;

    /// <summary>
    /// The summary of a same-compilation method, built at most <paramref name="depth"/> levels deep; <see langword="null"/>
    /// when the depth is exhausted or the method is already being summarised (recursion).
    /// </summary>
    public MethodSummary? GetSummary(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken)
    {
        method = method.ReducedFrom ?? method;
        method = method.OriginalDefinition;
        if (depth <= 0 || inProgress.Contains(method) || !HasSourceBody(method))
        {
            return null;
        }

        if (method.PartialImplementationPart is { } implementation)
        {
            method = implementation;
        }

        if (_summaries.TryGetValue((method, depth), out var cached))
        {
            return cached;
        }

        var summary = Build(method, depth, inProgress.Add(method), cancellationToken);
        return _summaries.GetOrAdd((method, depth), summary);
    }

    private MethodSummary Build(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken)
    {
        var walker = new TaintWalker(this, method, summaryMode: true, depth - 1, inProgress, cancellationToken);
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (!Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            var model = GetModel(syntax.SyntaxTree);
            if (model.GetOperation(syntax, cancellationToken) is { } body)
            {
                walker.AddRoot(body);
            }
        }

        return walker.RunSummary();
    }

    private SemanticModel GetModel(SyntaxTree tree) =>
#pragma warning disable RS1030 // Summaries need operations of other methods; models are cached once per tree.
        _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030
}
