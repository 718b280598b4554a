using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace StructuredLlm.CodeFixes;

/// <summary>SLLM1001/SLLM1002: spotlight the tainted part of the prompt with <c>Prompt.Untrusted(...)</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInPromptUntrustedCodeFix)), Shared]
public sealed class WrapInPromptUntrustedCodeFix : CodeFixProvider
{
    internal const string EquivalenceKey = "StructuredLlm.WrapInPromptUntrusted";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SLLM1001", "SLLM1002");

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax || model?.Compilation.GetTypeByMetadataName("StructuredLlm.Prompt") is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if ((await WrappablePartsAsync(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false)).IsEmpty)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Spotlight the untrusted value with Prompt.Untrusted(...)",
                    ct => WrapAsync(context.Document, diagnostic, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> WrapAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax?)await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var targets = root is null ? ImmutableArray<(ExpressionSyntax, string?)>.Empty : await WrappablePartsAsync(document, root, diagnostic, cancellationToken).ConfigureAwait(false);
        if (root is null || targets.IsEmpty)
        {
            return document;
        }

        // Every untrusted part at once (`$"{a} and {b}"`), so one application leaves nothing to fix. A hole that is not a
        // string is turned into the text the interpolation would have written (`{ticket}` → `ticket?.ToString()`).
        var conversions = new Dictionary<ExpressionSyntax, string?>();
        foreach (var (part, conversion) in targets)
        {
            conversions[part] = conversion;
        }

        // Where `Prompt` already means something else (a `Prompt` property of the class, another `Prompt` type in scope),
        // the call is written with the type's full name.
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var prompt = model?.Compilation.GetTypeByMetadataName("StructuredLlm.Prompt");
        var qualified = false;
        foreach (var part in conversions.Keys)
        {
            foreach (var symbol in model?.LookupSymbols(part.SpanStart, name: "Prompt") ?? ImmutableArray<ISymbol>.Empty)
            {
                qualified |= !SymbolEqualityComparer.Default.Equals(symbol, prompt);
            }
        }

        var newRoot = root.ReplaceNodes(conversions.Keys, (original, _) =>
        {
            var conversion = conversions[original];
            if (conversion == CoalesceRewrite && Unparenthesized(original) is BinaryExpressionSyntax coalesce)
            {
                // `q ?? "Be brief."` → `(q is null ? "Be brief." : Prompt.Untrusted(q))`: the app's default stays its own
                // text, the value is spotlighted when there is one (Prompt.Untrusted(null) is a block, never null).
                var left = coalesce.Left.WithoutTrivia().ToFullString();
                var wrapped = (qualified ? "global::StructuredLlm.Prompt.Untrusted(" : "Prompt.Untrusted(") + left + ")";
                return SyntaxFactory.ParseExpression("(" + left + " is null ? " + coalesce.Right.WithoutTrivia().ToFullString() + " : " + wrapped + ")")
                    .WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation);
            }

            var argument = conversion is null
                ? original.WithoutTrivia()
                : SyntaxFactory.ParseExpression(Parenthesize(original.WithoutTrivia()) + conversion);
            ExpressionSyntax call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression(qualified ? "global::StructuredLlm.Prompt.Untrusted" : "Prompt.Untrusted"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));
            if (qualified && original.Parent is InterpolationSyntax)
            {
                // In a hole `::` would start a format string: `{(global::StructuredLlm.Prompt.Untrusted(q))}`.
                call = SyntaxFactory.ParenthesizedExpression(call);
            }

            return call.WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation);
        });
        if (!qualified)
        {
            newRoot = FixTargets.AddUsing(newRoot, "StructuredLlm");
        }

        return FixTargets.WithText(document, newRoot);
    }

    /// <summary>
    /// The tainted parts <c>Prompt.Untrusted(string)</c> can take: strings as they are, and an interpolation hole of
    /// another type without a format or alignment (its text is what <c>ToString()</c> gives, which the hole wrote anyway),
    /// with the conversion to append (<c>?.ToString()</c>, or <c>.ToString()</c> for a non-nullable value type).
    /// </summary>
    private static async Task<ImmutableArray<(ExpressionSyntax Part, string? Conversion)>> WrappablePartsAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var parts = ImmutableArray.CreateBuilder<(ExpressionSyntax, string?)>();
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        foreach (var part in ValueParts(FixTargets.TaintedParts(root, diagnostic), model, cancellationToken))
        {
            var type = model?.GetTypeInfo(part, cancellationToken).Type;
            if (Unparenthesized(part) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce
                && model?.GetConstantValue(coalesce.Right, cancellationToken).HasValue == true)
            {
                // The app's default text after `??` is not data: only a value read twice unchanged can be tested and
                // wrapped apart from it (a name or a chain of member reads); anything else is not offered.
                if (IsStable(coalesce.Left) && model.GetTypeInfo(coalesce.Left, cancellationToken).Type?.SpecialType == SpecialType.System_String)
                {
                    parts.Add((part, CoalesceRewrite));
                }

                continue;
            }

            if (type?.SpecialType == SpecialType.System_String)
            {
                parts.Add((part, null));
            }
            else if (type is not null and not IErrorTypeSymbol
                && part.Parent is InterpolationSyntax { FormatClause: null, AlignmentClause: null })
            {
                parts.Add((part, type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? ".ToString()" : "?.ToString()"));
            }
        }

        return parts.ToImmutable();
    }

    /// <summary>
    /// A ternary or switch expression that picks between the app's own text and the untrusted value
    /// (<c>string.IsNullOrEmpty(q) ? "Be brief." : q</c>): its arms that are not constants, so the app's instruction is not
    /// marked as data; any other part as it is.
    /// </summary>
    private static IEnumerable<ExpressionSyntax> ValueParts(IEnumerable<ExpressionSyntax> parts, SemanticModel? model, CancellationToken cancellationToken)
    {
        foreach (var part in parts)
        {
            var arms = new List<ExpressionSyntax>();
            AddArms(part, arms);
            var values = arms.FindAll(arm => model?.GetConstantValue(arm, cancellationToken).HasValue != true);
            foreach (var value in values.Count > 0 && arms.Count > 1 ? values : new List<ExpressionSyntax> { part })
            {
                yield return value;
            }
        }
    }

    private static void AddArms(ExpressionSyntax expression, List<ExpressionSyntax> into)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized when parenthesized.Expression is ConditionalExpressionSyntax or SwitchExpressionSyntax:
                AddArms(parenthesized.Expression, into);
                break;
            case ConditionalExpressionSyntax conditional:
                AddArms(conditional.WhenTrue, into);
                AddArms(conditional.WhenFalse, into);
                break;
            case SwitchExpressionSyntax switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    AddArms(arm.Expression, into);
                }

                break;
            default:
                into.Add(expression);
                break;
        }
    }

    /// <summary>The conversion marker of a <c>value ?? "default"</c> part, rewritten as a test of the value.</summary>
    private const string CoalesceRewrite = "??";

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>A value that reads the same when written twice: a name, <c>this</c>, or member reads of those.</summary>
    private static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax } access => IsStable(access.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsStable(parenthesized.Expression),
        _ => false,
    };

    /// <summary>The expression's text, in parentheses unless it is a name, member access, call or element access.</summary>
    private static string Parenthesize(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ThisExpressionSyntax
            ? expression.ToFullString()
            : "(" + expression.ToFullString() + ")";
}
