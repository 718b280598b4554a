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
            if ((await StringPartsAsync(context.Document, root, diagnostic, context.CancellationToken).ConfigureAwait(false)).IsEmpty)
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
        var targets = root is null ? ImmutableArray<ExpressionSyntax>.Empty : await StringPartsAsync(document, root, diagnostic, cancellationToken).ConfigureAwait(false);
        if (root is null || targets.IsEmpty)
        {
            return document;
        }

        // Every untrusted part at once (`$"{a} and {b}"`), so one application leaves nothing to fix.
        var newRoot = root.ReplaceNodes(targets, (original, _) => SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("Prompt.Untrusted"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(original.WithoutTrivia()))))
            .WithTriviaFrom(original)
            .WithAdditionalAnnotations(Formatter.Annotation));
        newRoot = FixTargets.AddUsing(newRoot, "StructuredLlm");
        return FixTargets.WithText(document, newRoot);
    }

    /// <summary>The tainted parts that are strings (what <c>Prompt.Untrusted(string)</c> takes).</summary>
    private static async Task<ImmutableArray<ExpressionSyntax>> StringPartsAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var parts = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var part in FixTargets.TaintedParts(root, diagnostic))
        {
            if (await FixTargets.IsStringAsync(document, part, cancellationToken).ConfigureAwait(false))
            {
                parts.Add(part);
            }
        }

        return parts.ToImmutable();
    }
}
