using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StructuredLlm.CodeFixes;

/// <summary>
/// SLLM1001/SLLM1002: move the untrusted value out of the instructions into its own user message. When the value is
/// the whole argument the message's role becomes user; when it is an interpolation hole the hole is replaced by a
/// pointer to the next message, and a user message carrying the value is added right after (next statement, next
/// collection element).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveToUserMessageCodeFix)), Shared]
public sealed class MoveToUserMessageCodeFix : CodeFixProvider
{
    internal const string EquivalenceKey = "StructuredLlm.MoveToUserMessage";
    internal const string Pointer = "(see the next user message)";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SLLM1001", "SLLM1002");

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = Plan(root, model, diagnostic, context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Move the untrusted value into its own user message",
                    _ => Task.FromResult(FixTargets.WithText(context.Document, plan())),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private enum SinkKind
    {
        SemanticKernelAdd,
        SemanticKernelAddMessage,
        ExtensionsAiMessage,
        OpenAiMessage,
    }

    private delegate SyntaxNode Rewrite();

    private static Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var argument = FixTargets.SinkArgument(root, diagnostic);
        var tainted = FixTargets.TaintedPart(root, diagnostic);
        if (argument?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } } || tainted is null)
        {
            return null;
        }

        var symbol = model.GetSymbolInfo(call, cancellationToken).Symbol as IMethodSymbol;
        string typeName;
        if (symbol is not null)
        {
            typeName = symbol.ContainingType.ToDisplayString();
        }
        else if (call is ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 }
            && diagnostic.Properties.TryGetValue(StructuredLlm.Analyzers.PromptInjectionAnalyzer.SinkApiProperty, out var api) && api == "ExtensionsAi")
        {
            // A target-typed `new(...)` in a collection expression has no symbol for the semantic model here; the analyzer
            // found the sink there, and the only two-argument Microsoft.Extensions.AI sink is `new ChatMessage(role, text)`.
            typeName = "Microsoft.Extensions.AI.ChatMessage";
        }
        else
        {
            return null;
        }

        SinkKind kind;
        if (typeName == "Microsoft.SemanticKernel.ChatCompletion.ChatHistory"
            && symbol?.Name is "AddSystemMessage" or "AddDeveloperMessage" or "AddUserMessage"
            && call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax })
        {
            kind = SinkKind.SemanticKernelAdd;
        }
        else if (typeName == "Microsoft.SemanticKernel.ChatCompletion.ChatHistory" && symbol?.Name == "AddMessage"
            && call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } addMessage
            && RoleArgument(addMessage.ArgumentList, "authorRole") is { } skRole && skRole != argument)
        {
            kind = SinkKind.SemanticKernelAddMessage;
        }
        else if (typeName == "Microsoft.Extensions.AI.ChatMessage" && (symbol is null || symbol.MethodKind == MethodKind.Constructor)
            && call is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } creation && RoleArgument(creation) is not null)
        {
            kind = SinkKind.ExtensionsAiMessage;
        }
        else if (typeName is "OpenAI.Chat.SystemChatMessage" or "OpenAI.Chat.DeveloperChatMessage" or "OpenAI.Chat.UserChatMessage"
            && call is ObjectCreationExpressionSyntax)
        {
            kind = SinkKind.OpenAiMessage;
        }
        else
        {
            return null;
        }

        if (tainted == argument)
        {
            // The whole text is untrusted: the message itself becomes a user message.
            if (diagnostic.Id != "SLLM1001" || HasConstantArm(argument, model, cancellationToken))
            {
                // (not when the app's own text is one of the values it may be, `q ?? "Be brief."` or `x ? "A." : q`: that
                // instruction would be demoted to a user message with it)
                return null;
            }

            return kind switch
            {
                SinkKind.SemanticKernelAdd => () => root.ReplaceNode(
                    ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)call).Expression).Name,
                    SyntaxFactory.IdentifierName("AddUserMessage").WithTriviaFrom(((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)call).Expression).Name)),
                SinkKind.ExtensionsAiMessage => () =>
                {
                    var role = RoleArgument((BaseObjectCreationExpressionSyntax)call)!;
                    return root.ReplaceNode(role, SyntaxFactory.ParseExpression(RoleText(role)).WithTriviaFrom(role));
                },
                SinkKind.SemanticKernelAddMessage => () =>
                {
                    var role = RoleArgument(((InvocationExpressionSyntax)call).ArgumentList, "authorRole")!;
                    return root.ReplaceNode(role, SyntaxFactory.ParseExpression(RoleText(role, "AuthorRole")).WithTriviaFrom(role));
                },
                _ => RenameOpenAi(root, (ObjectCreationExpressionSyntax)call),
            };
        }

        if (tainted.Parent is not InterpolationSyntax hole || (hole.Parent != argument && !IsInitializerOf(hole.Parent, argument)))
        {
            return null;
        }

        // Every untrusted hole of the message moves (the first one included), each into a user message of its own in
        // order: moving only the first would leave the finding standing. The added message takes a value as its text, so
        // only a string can move as it is; taken from a local's initializer, a value is read again at the sink, so only
        // when nothing between can change it.
        var holes = new List<InterpolationSyntax>();
        foreach (var part in FixTargets.TaintedParts(root, diagnostic))
        {
            if (part.Parent is not InterpolationSyntax other || other.Parent != hole.Parent
                || model.GetTypeInfo(part, cancellationToken).Type?.SpecialType != SpecialType.System_String
                || (hole.Parent != argument && !UnchangedBetween(part, hole.Parent!.SpanStart, argument.SpanStart, model, cancellationToken)))
            {
                return null;
            }

            holes.Add(other);
        }

        holes.Sort((a, b) => a.SpanStart.CompareTo(b.SpanStart));
        var values = holes.ConvertAll(h => h.Expression.WithoutTrivia().ToFullString());
        return kind switch
        {
            SinkKind.SemanticKernelAdd or SinkKind.SemanticKernelAddMessage when call.Parent is ExpressionStatementSyntax statement && InBlock(statement)
                && IsStable(((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)call).Expression).Expression) => () =>
            {
                var receiver = ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)call).Expression).Expression.WithoutTrivia().ToFullString();
                return InsertAfter(root, statement, holes, values.ConvertAll(v => receiver + ".AddUserMessage(" + v + ");"));
            },
            SinkKind.ExtensionsAiMessage or SinkKind.OpenAiMessage => InsertMessage(root, (ExpressionSyntax)call, holes, kind, values),
            _ => null,
        };
    }

    /// <summary>A <c>??</c>, conditional or switch expression one of whose values is a constant (the app's own text).</summary>
    private static bool HasConstantArm(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return HasConstantArm(parenthesized.Expression, model, cancellationToken);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce:
                return IsConstantOrHasConstantArm(coalesce.Left, model, cancellationToken) || IsConstantOrHasConstantArm(coalesce.Right, model, cancellationToken);
            case ConditionalExpressionSyntax conditional:
                return IsConstantOrHasConstantArm(conditional.WhenTrue, model, cancellationToken) || IsConstantOrHasConstantArm(conditional.WhenFalse, model, cancellationToken);
            case SwitchExpressionSyntax switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    if (IsConstantOrHasConstantArm(arm.Expression, model, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsConstantOrHasConstantArm(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: not null } || HasConstantArm(expression, model, cancellationToken);

    /// <summary>The text that replaces hole <paramref name="index"/> of <paramref name="count"/>: where its value went.</summary>
    internal static string PointerFor(int index, int count) =>
        count == 1 ? Pointer : "(see user message " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the " + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " that follow)";

    /// <summary>
    /// <c>var prompt = $"...{value}..."; history.AddSystemMessage(prompt);</c>: the interpolated string is the initializer of
    /// the local passed to the sink (the analyzer points into it only for a local assigned once).
    /// </summary>
    private static bool IsInitializerOf(SyntaxNode? interpolated, ExpressionSyntax argument) =>
        argument is IdentifierNameSyntax local
        && interpolated is InterpolatedStringExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } }
        && declarator.Identifier.ValueText == local.Identifier.ValueText
        && declarator.Span.End <= argument.SpanStart;

    /// <summary>
    /// Whether <paramref name="value"/> (a hole of a local's initializer) reads the same at <paramref name="end"/> as where
    /// it was written: no variable it reads, nor a member of one, is assigned, incremented or passed by <c>ref</c>/<c>out</c>
    /// in between; and when it runs code (a call, a <c>new</c>, an <c>await</c>), nothing in between runs any (the value is
    /// now computed later, so calls would run out of their order).
    /// </summary>
    private static bool UnchangedBetween(ExpressionSyntax value, int start, int end, SemanticModel model, CancellationToken cancellationToken)
    {
        var read = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var runsCode = false;
        foreach (var node in value.DescendantNodesAndSelf())
        {
            runsCode |= RunsCode(node);
            if (node is IdentifierNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is { Kind: SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field or SymbolKind.Property } symbol)
            {
                read.Add(symbol);
            }
        }

        if (value.Ancestors().OfType<BlockSyntax>().FirstOrDefault() is not { } block)
        {
            return false;
        }

        foreach (var node in block.DescendantNodes(n => n.Span.End > start && n.SpanStart < end))
        {
            if (node.SpanStart < start || node.Span.End > end || value.Span.Contains(node.Span))
            {
                continue;
            }

            if (runsCode && RunsCode(node))
            {
                return false;
            }

            var written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
                _ => null,
            };
            for (var target = written; target is not null; target = (target as MemberAccessExpressionSyntax)?.Expression ?? (target as ElementAccessExpressionSyntax)?.Expression)
            {
                if (model.GetSymbolInfo(target, cancellationToken).Symbol is { } symbol && read.Contains(symbol))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool RunsCode(SyntaxNode node) => node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AwaitExpressionSyntax;

    /// <summary>The role given to <c>new ChatMessage(role, text)</c>, by name or position; null when it cannot be told.</summary>
    private static ExpressionSyntax? RoleArgument(BaseObjectCreationExpressionSyntax creation) => RoleArgument(creation.ArgumentList!, "role");

    /// <summary>The role argument of a call, named <paramref name="name"/> or first by position; null when it cannot be told.</summary>
    private static ExpressionSyntax? RoleArgument(ArgumentListSyntax list, string name)
    {
        var arguments = list.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == name)
            {
                return argument.Expression;
            }
        }

        return arguments.Count > 0 && arguments[0].NameColon is null ? arguments[0].Expression : null;
    }

    /// <summary>
    /// A statement another can be added after in the same place: one of a block's or a switch section's statements, not
    /// the single statement of an <c>if</c>, <c>else</c> or loop (the added one would run whatever the condition).
    /// </summary>
    private static bool InBlock(StatementSyntax statement) => statement.Parent is BlockSyntax or SwitchSectionSyntax;

    /// <summary>A receiver that names the same object when written again: a variable, <c>this</c>, or members of those.</summary>
    private static bool IsStable(ExpressionSyntax receiver) => receiver switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax => true,
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } access => IsStable(access.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsStable(parenthesized.Expression),
        _ => false,
    };

    private static string RoleText(ExpressionSyntax role, string roleType = "ChatRole") =>
        role is MemberAccessExpressionSyntax access ? access.Expression.WithoutTrivia().ToFullString() + ".User" : roleType + ".User";

    private static Rewrite? RenameOpenAi(SyntaxNode root, ObjectCreationExpressionSyntax creation)
    {
        var name = creation.Type switch
        {
            QualifiedNameSyntax q => q.Right,
            SimpleNameSyntax s => s,
            _ => null,
        };
        if (name is null)
        {
            return null;
        }

        return () => root.ReplaceNode(name, SyntaxFactory.IdentifierName("UserChatMessage").WithTriviaFrom(name));
    }

    private static Rewrite? InsertMessage(SyntaxNode root, ExpressionSyntax creation, List<InterpolationSyntax> holes, SinkKind kind, List<string> values)
    {
        List<string> texts;
        if (kind == SinkKind.ExtensionsAiMessage)
        {
            var role = RoleArgument((BaseObjectCreationExpressionSyntax)creation)!;
            texts = values.ConvertAll(value => creation is ImplicitObjectCreationExpressionSyntax
                ? "new(" + RoleText(role) + ", " + value + ")"
                : "new " + ((ObjectCreationExpressionSyntax)creation).Type.WithoutTrivia().ToFullString() + "(" + RoleText(role) + ", " + value + ")");
        }
        else
        {
            var type = ((ObjectCreationExpressionSyntax)creation).Type.WithoutTrivia().ToFullString();
            var dot = type.LastIndexOf('.');
            texts = values.ConvertAll(value => "new " + (dot >= 0 ? type.Substring(0, dot + 1) : string.Empty) + "UserChatMessage(" + value + ")");
        }

        // An element of a collection initializer, array initializer or collection expression: add the next elements.
        if (creation.Parent is InitializerExpressionSyntax or ExpressionElementSyntax { Parent: CollectionExpressionSyntax })
        {
            var element = creation.Parent is ExpressionElementSyntax e ? (SyntaxNode)e : creation;
            return () => Edit(root, holes, element.Span.End, ", " + string.Join(", ", texts));
        }

        // list.Add(new ChatMessage(...)); → list.Add(new ChatMessage(ChatRole.User, value));
        if (creation.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax add, Parent: ExpressionStatementSyntax statement } } }
            && add.Name.Identifier.ValueText == "Add" && InBlock(statement) && IsStable(add.Expression))
        {
            var receiver = add.Expression.WithoutTrivia().ToFullString();
            return () => InsertAfter(root, statement, holes, texts.ConvertAll(text => receiver + ".Add(" + text + ");"));
        }

        return null;
    }

    /// <summary>Replaces each hole by its pointer text and inserts <paramref name="insertion"/> at <paramref name="position"/>.</summary>
    private static SyntaxNode Edit(SyntaxNode root, List<InterpolationSyntax> holes, int position, string insertion)
    {
        var source = root.GetText();
        var changes = new List<TextChange>(holes.Count + 1);
        for (var i = 0; i < holes.Count; i++)
        {
            changes.Add(new TextChange(holes[i].Span, PointerFor(i, holes.Count)));
        }

        changes.Add(new TextChange(new TextSpan(position, 0), insertion));
        return root.SyntaxTree.WithChangedText(source.WithChanges(changes)).GetRoot();
    }

    private static SyntaxNode InsertAfter(SyntaxNode root, StatementSyntax statement, List<InterpolationSyntax> holes, List<string> added)
    {
        // The indentation of the line the statement starts on (it may not be the first statement on the line).
        var text = root.GetText();
        var line = text.Lines.GetLineFromPosition(statement.SpanStart).ToString();
        var indentation = line.Substring(0, line.Length - line.TrimStart().Length);
        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine.ToFullString() : "\n";
        var insertion = new StringBuilder();
        foreach (var statementText in added)
        {
            insertion.Append(newLine).Append(indentation).Append(statementText);
        }

        return Edit(root, holes, statement.Span.End, insertion.ToString());
    }
}
