using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StructuredLlm.Analyzers.Llm;
using StructuredLlm.Analyzers.Taint;

namespace StructuredLlm.Analyzers;

/// <summary>
/// SLLM1001–SLLM1005: untrusted data (requests, files, tool and model output, <c>[Untrusted]</c>) flowing into prompt
/// instructions, user prompt templates and Semantic Kernel templates; <c>AllowDangerouslySetContent</c>; bad options.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PromptInjectionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: which API family the sink belongs to (see <c>SinkInfo.Api</c>).</summary>
    public const string SinkApiProperty = "SinkApi";

    /// <summary>Diagnostic property: "true" when the additional locations after the first mark the tainted parts of the sink value.</summary>
    public const string HasFixTargetProperty = "HasFixTarget";

    /// <summary>Diagnostic property: "true" when the first additional location marks the source.</summary>
    public const string HasSourceLocationProperty = "HasSourceLocation";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UntrustedDataInInstructions,
        DiagnosticDescriptors.UntrustedDataInUserTemplate,
        DiagnosticDescriptors.UntrustedDataInSemanticKernelTemplate,
        DiagnosticDescriptors.AllowDangerouslySetContent,
        DiagnosticDescriptors.UnresolvedConfiguration);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext start)
    {
        var table = LlmApiTable.Create(start.Compilation, start.Options, start.CancellationToken);
        if (table is null)
        {
            return;
        }

        // The sink index is built by the first block that needs it (TaintContext.GetSinkIndex), not here.
        var taint = new TaintContext(table);
        start.RegisterOperationBlockAction(block => AnalyzeBlock(block, taint));
        if (!table.DangerousContentProperties.IsEmpty)
        {
            start.RegisterOperationAction(op => AnalyzeDangerousContent(op, table), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
        }

        if (table.Unresolved.Count > 0)
        {
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var (key, entry) in table.Unresolved)
                {
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnresolvedConfiguration, Location.None, key, entry));
                }
            });
        }
    }

    private static void AnalyzeDangerousContent(OperationAnalysisContext context, LlmApiTable table)
    {
        // `= value` and `|= value` (a compound `&=` can only keep it false or leave it as it was).
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Or })
        {
            return;
        }

        if (assignment.Target is IPropertyReferenceOperation property
            && table.DangerousContentProperties.Contains(property.Property.OriginalDefinition)
            && assignment.Value.ConstantValue is not { HasValue: true, Value: false })
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AllowDangerouslySetContent,
                assignment.Syntax.GetLocation(),
                property.Property.ContainingType.Name));
        }
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, TaintContext taint)
    {
        if (!MayHaveFlow(context.OperationBlocks, context.OwningSymbol, taint, context.CancellationToken))
        {
            return;
        }

        var walker = new TaintWalker(taint, context.OwningSymbol, summaryMode: false, taint.Table.InterproceduralDepth, ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), context.CancellationToken);
        foreach (var block in context.OperationBlocks)
        {
            if (!IsAttribute(block))
            {
                walker.AddRoot(block);
            }
        }

        foreach (var hit in walker.RunTopLevel())
        {
            context.ReportDiagnostic(CreateDiagnostic(hit, context.Compilation));
        }
    }

    private static Diagnostic CreateDiagnostic(SinkHit hit, Compilation compilation)
    {
        var descriptor = hit.Rule switch
        {
            SinkRule.Instructions => DiagnosticDescriptors.UntrustedDataInInstructions,
            SinkRule.UserTemplate => DiagnosticDescriptors.UntrustedDataInUserTemplate,
            _ => DiagnosticDescriptors.UntrustedDataInSemanticKernelTemplate,
        };

        var additional = new List<Location>(2);
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[SinkApiProperty] = hit.Sink.Api;
        var sourceLocation = hit.Source.Location;
        if (sourceLocation is { IsInSource: true } && compilation.ContainsSyntaxTree(sourceLocation.SourceTree!))
        {
            additional.Add(sourceLocation);
            properties[HasSourceLocationProperty] = "true";
        }
        else
        {
            additional.Add(hit.Value.Syntax.GetLocation());
        }

        foreach (var fix in hit.FixTargets)
        {
            additional.Add(fix.Syntax.GetLocation());
            properties[HasFixTargetProperty] = "true";
        }

        var primary = Widen(hit.Value.Syntax).GetLocation();
        var sink = hit.Via is null ? hit.Sink.Description : hit.Sink.Description + " (through '" + hit.Via + "')";
        return Diagnostic.Create(
            descriptor,
            primary,
            additional,
            properties.ToImmutable(),
            hit.Source.Display,
            hit.Source.Kind?.Description ?? "untrusted source",
            sink);
    }

    /// <summary>The written expression: operations skip <c>x!</c> and parentheses, the diagnostic should not.</summary>
    internal static SyntaxNode Widen(SyntaxNode syntax)
    {
        while (syntax.Parent is { } parent
            && (parent.IsKind(SyntaxKind.SuppressNullableWarningExpression) || parent.IsKind(SyntaxKind.ParenthesizedExpression)))
        {
            syntax = parent;
        }

        return syntax;
    }

    /// <summary>
    /// A cheap scan: the walk runs only when the block has something that can be a sink (a known sink, a prompt sink
    /// attribute, a call into this compilation that reaches one) and something that can be a source. In order of cost:
    /// the syntactic sink index (no binding at all), the block's own operations (already bound by the driver), the
    /// owner's parameters, and last the reach of callees (which binds their bodies), asked only for the side still missing.
    /// </summary>
    private static bool MayHaveFlow(ImmutableArray<IOperation> blocks, ISymbol owner, TaintContext taint, CancellationToken cancellationToken)
    {
        var index = taint.GetSinkIndex(cancellationToken);
        if (index.IsEnabled)
        {
            var reachable = false;
            foreach (var block in blocks)
            {
                if (!IsAttribute(block) && index.MayReachSink(block.Syntax, taint.Table.InterproceduralDepth))
                {
                    reachable = true;
                    break;
                }
            }

            if (!reachable)
            {
                return false;
            }

            // The index lets this block through, so a caller may ask about it later: its facts come from this block,
            // which the driver has bound already, instead of a second look at its body.
            taint.RecordFacts(owner, blocks, cancellationToken);
        }

        var table = taint.Table;
        var sink = false;
        var source = false;
        HashSet<IMethodSymbol>? callees = null;
        HashSet<IMethodSymbol>? sinkCallees = null;
        List<ISymbol>? membersRead = null;
        foreach (var block in blocks)
        {
            if (IsAttribute(block))
            {
                continue;
            }

            foreach (var operation in block.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        {
                            var method = invocation.TargetMethod;
                            if (taint.IsSink(method) || (method.MethodKind == MethodKind.DelegateInvoke && taint.DelegateCallMayReachSink(invocation, cancellationToken)))
                            {
                                sink = true;
                            }
                            else
                            {
                                // A callee matters only through its summary: parameter sinks, or sources it returns.
                                taint.AddCallees(invocation, ref callees, ref sinkCallees);
                            }

                            source |= table.GetMemberSource(method) is not null || table.GetHandlerRegistration(method) is not null
                                || table.GetTypeSource(method.ReturnType) is not null || HasSourceAttribute(method, table) || table.ReturnsStringSource(method.ReturnType)
                                || (method.IsExtensionMethod && table.GetTypeSource(TaintWalker.ReceiverType(invocation)) is not null);
                            break;
                        }

                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        sink |= taint.IsSink(constructor);
                        if (!sink)
                        {
                            // Only a constructor's parameter sinks are used (see TaintWalker.ApplyConstructorSummary).
                            taint.AddCallees(creation, ref callees, ref sinkCallees);
                        }

                        break;
                    case IConversionOperation { OperatorMethod: { } op }:
                        sink |= table.HasMethodSinks(op);
                        break;
                    case IInvalidOperation invalid:
                        sink |= TaintWalker.SinkCandidateOf(invalid, table) is not null; // a sink call with an argument still in error
                        break;
                    case IPropertyReferenceOperation property:
                        sink |= (table.TryGetPropertySink(property.Property, out _) && TaintWalker.IsAssignmentTarget(property))
                            || (property.Property.Name == "Role" && property.Parent is ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation }
                                && (SymbolEqualityComparer.Default.Equals(property.Type, table.ExtensionsAiChatRole) || SymbolEqualityComparer.Default.Equals(property.Type, table.SemanticKernelAuthorRole)));
                        source |= table.GetMemberSource(property.Property) is not null || HasSourceAttribute(property.Property, table) || table.IsRouteParameter(property.Property)
                            || table.GetTypeSource(property.Property.ContainingType) is not null || table.GetTypeSource(property.Type) is not null
                            || table.StringSourceOf(property.Type) is not null; // `$"{context.Result}"` writes a tool result's text
                        taint.AddCallees(property, ref callees, ref sinkCallees); // a computed property's getter
                        break;
                    case IFieldReferenceOperation field:
                        source |= HasSourceAttribute(field.Field, table);
                        break;
                    case IForEachLoopOperation forEach:
                        source |= TaintWalker.ElementTypeOf(forEach.Collection) is { } element && table.GetTypeSource(element) is not null;
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        source |= deconstruction.Value.Type is { } deconstructed && table.GetTypeSource(deconstructed) is not null;
                        break;
                    case IPatternOperation pattern:
                        source |= table.GetTypeSource(pattern.NarrowedType) is not null;
                        break;
                }

                if (sink && source)
                {
                    return true;
                }

                if (TaintContext.TrackedMemberRead(operation) is { } member)
                {
                    (membersRead ??= new List<ISymbol>()).Add(member);
                }
            }
        }

        var depth = table.InterproceduralDepth;
        if (!sink)
        {
            // A parameter sink of a callee is hit only through an argument that can carry taint.
            if (sinkCallees is null)
            {
                return false;
            }

            foreach (var callee in sinkCallees)
            {
                if (taint.GetReach(callee, depth, MethodReach.Sink, cancellationToken) != MethodReach.None)
                {
                    sink = true;
                    break;
                }
            }

            if (!sink)
            {
                return false;
            }
        }

        if (source)
        {
            return true;
        }

        // Parameters the top-level walk seeds as untrusted (request-bound, tool arguments, [Untrusted]...).
        if (owner is IMethodSymbol { Parameters.Length: > 0 } owningMethod)
        {
            foreach (var parameter in owningMethod.Parameters)
            {
                if (TaintWalker.ParameterSourceKindOf(taint, owningMethod, parameter, registration: null, summaryMode: false, cancellationToken) is not null)
                {
                    return true;
                }
            }
        }

        // Only a block that has a sink pays for finding out whether a member it reads holds stored untrusted data.
        if (membersRead is not null)
        {
            foreach (var member in membersRead)
            {
                if (taint.GetMemberTaint(member, cancellationToken) is not null)
                {
                    return true;
                }
            }
        }

        if (callees is not null)
        {
            foreach (var callee in callees)
            {
                if (taint.GetReach(callee, depth, MethodReach.Source, cancellationToken) != MethodReach.None)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// An attribute's block (the driver hands one to its owner: a type, a method, a property...): its arguments are
    /// constants, <c>typeof</c> and <c>nameof</c>, so nothing in it runs or carries data. Left out before the sink index,
    /// whose scope for an attribute on a type would otherwise be the whole type declaration.
    /// </summary>
    private static bool IsAttribute(IOperation block) => block.Kind == OperationKind.Attribute;

    private static bool HasSourceAttribute(ISymbol symbol, LlmApiTable table)
    {
        foreach (var a in symbol.GetAttributes())
        {
            if (a.AttributeClass is { } c
                && (SymbolEqualityComparer.Default.Equals(c, table.UntrustedAttribute)
                    || table.IsToolAttribute(c)
                    || table.GetSourceAttribute(c) is not null))
            {
                return true;
            }
        }

        if (symbol is IMethodSymbol method)
        {
            foreach (var a in method.GetReturnTypeAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, table.UntrustedAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
