using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StructuredLlm.Analyzers;

namespace StructuredLlm.CodeFixes;

/// <summary>Finds, from an SLLM1001/SLLM1002 diagnostic, the sink argument and the tainted part of it.</summary>
internal static class FixTargets
{
    public static ExpressionSyntax? SinkArgument(SyntaxNode root, Diagnostic diagnostic) =>
        Expression(root, diagnostic.Location);

    /// <summary>
    /// The first part a fix should wrap or move (see <see cref="TaintedParts"/>), or null when the analyzer found none.
    /// </summary>
    public static ExpressionSyntax? TaintedPart(SyntaxNode root, Diagnostic diagnostic)
    {
        var parts = TaintedParts(root, diagnostic);
        return parts.IsEmpty ? null : parts[0];
    }

    /// <summary>
    /// The parts a fix should wrap or move (the additional locations after the source's): tainted interpolation holes,
    /// operands and arguments, or the whole sink argument when it is untrusted as a whole. Empty when the analyzer found
    /// no such part (the value mixes trusted and untrusted text that no expression isolates).
    /// </summary>
    public static ImmutableArray<ExpressionSyntax> TaintedParts(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PromptInjectionAnalyzer.HasFixTargetProperty, out var has) || has != "true")
        {
            return ImmutableArray<ExpressionSyntax>.Empty;
        }

        var parts = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        for (var i = 1; i < diagnostic.AdditionalLocations.Count; i++)
        {
            if (Expression(root, diagnostic.AdditionalLocations[i]) is { } target && !parts.Contains(Widen(target)))
            {
                parts.Add(Widen(target));
            }
        }

        return parts.ToImmutable();
    }

    public static async Task<bool> IsStringAsync(Document document, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var type = model?.GetTypeInfo(expression, cancellationToken).Type;
        return type?.SpecialType == SpecialType.System_String;
    }

    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root, string ns)
    {
        if (root.Usings.Any(u => u.Name?.ToString() == ns && u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None)))
        {
            return root;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).NormalizeWhitespace()
            .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.LineFeed);
        return root.AddUsings(directive);
    }

    /// <summary>The document with the new root's text, reparsed, so trivia is exactly what the text says.</summary>
    public static Document WithText(Document document, SyntaxNode newRoot) =>
        document.WithText(newRoot.GetText());

    private static ExpressionSyntax? Expression(SyntaxNode root, Location location)
    {
        if (!location.IsInSource || location.SourceSpan.End > root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        while (node is not null && node is not ExpressionSyntax)
        {
            if (node is ArgumentSyntax argument)
            {
                return argument.Expression;
            }

            node = node.Parent;
        }

        return node as ExpressionSyntax;
    }

    private static ExpressionSyntax Widen(ExpressionSyntax expression)
    {
        while (expression.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } or ParenthesizedExpressionSyntax)
        {
            expression = (ExpressionSyntax)expression.Parent;
        }

        return expression;
    }
}
