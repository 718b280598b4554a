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
            var target = FixTargets.TaintedPart(root, diagnostic);
            if (target is null || !await FixTargets.IsStringAsync(context.Document, target, context.CancellationToken).ConfigureAwait(false))
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
        var target = root is null ? null : FixTargets.TaintedPart(root, diagnostic);
        if (root is null || target is null)
        {
            return document;
        }

        var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("Prompt.Untrusted"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(target.WithoutTrivia()))))
            .WithTriviaFrom(target)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var newRoot = root.ReplaceNode(target, call);
        newRoot = FixTargets.AddUsing(newRoot, "StructuredLlm");
        return FixTargets.WithText(document, newRoot);
    }
}
