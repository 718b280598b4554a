using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StructuredLlm.Analyzers.Taint;

/// <summary>
/// Constant-comparison guards, CodeQL's string-constant-compare barrier: where a condition guarantees that a local, a
/// parameter or a member path equals one of the program's constants (<c>x == "fr"</c>, <c>x is "fr" or "de"</c>,
/// <c>string.Equals(x, "fr", StringComparison.OrdinalIgnoreCase)</c>, <c>"fr".Equals(x)</c>, <c>Allowed.Contains(x)</c>
/// over an allow-list of literals, a switch section or arm whose labels are constants), reading that same path in the
/// code the condition guards is clean: the value is a constant of the program, or a case variant of one. The guarded
/// code is either arm of an <c>if</c> or conditional expression, the statements after <c>if (!guard) return/throw;</c> in
/// the same block, a switch section, or a switch-expression arm. A region that assigns to the path (or to a prefix of
/// it, or passes it by reference) keeps no guard for it.
/// </summary>
internal sealed partial class TaintWalker
{
    private readonly List<GuardPath> _guards = new();

    /// <summary>How many functions deep each active guard was pushed: a lambda or local function inside the guarded code may
    /// run later, after the value changed, so a guard holds only in the function it was found in.</summary>
    private readonly List<int> _guardDepths = new();

    private bool IsGuarded(IOperation operation)
    {
        if (_guards.Count == 0
            || operation is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation))
        {
            return false;
        }

        var path = GuardPath.Of(operation, unwrapCase: false);
        if (path is null)
        {
            return false;
        }

        for (var i = 0; i < _guards.Count; i++)
        {
            if (_guardDepths[i] == _functions.Count && _guards[i].Equals(path))
            {
                return true;
            }
        }

        return false;
    }

    private void PopGuards(int count)
    {
        _guards.RemoveRange(_guards.Count - count, count);
        _guardDepths.RemoveRange(_guardDepths.Count - count, count);
    }

    /// <summary>Evaluates <paramref name="region"/> with <paramref name="guards"/> active (those it does not assign to).</summary>
    private TaintValue? EvalGuarded(IOperation? region, List<GuardPath>? guards)
    {
        if (region is null)
        {
            return null;
        }

        var pushed = PushGuards(guards, ImmutableArray.Create(region), 0);
        try
        {
            return Eval(region);
        }
        finally
        {
            PopGuards(pushed);
        }
    }

    private int PushGuards(List<GuardPath>? guards, ImmutableArray<IOperation> region, int from)
    {
        if (guards is null)
        {
            return 0;
        }

        var pushed = 0;
        foreach (var guard in guards)
        {
            if (!Reassigns(region, from, guard))
            {
                _guards.Add(guard);
                _guardDepths.Add(_functions.Count);
                pushed++;
            }
        }

        return pushed;
    }

    /// <summary>A block: as <see cref="EvalChildren"/>, and <c>if (cond) return/throw;</c> guards the statements after it.</summary>
    private TaintValue? EvalBlock(IBlockOperation block)
    {
        TaintValue? result = null;
        var tainted = 0;
        var pushed = 0;
        try
        {
            var operations = block.Operations;
            for (var i = 0; i < operations.Length; i++)
            {
                var operation = operations[i];
                var taint = Eval(operation);
                if (taint is not null)
                {
                    tainted++;
                    result = TaintValue.Union(result, taint, embedded: tainted > 1);
                }

                if (operation is IConditionalOperation { WhenFalse: null } guard && Exits(guard.WhenTrue) && i + 1 < operations.Length
                    && !HasLabel(operations, i + 1))
                {
                    pushed += PushGuards(GuardsOf(guard.Condition, whenTrue: false), operations, i + 1);
                }
                else if (operation is IConditionalOperation { WhenFalse: null } fallback && i + 1 < operations.Length
                    && ConstantResets(fallback.WhenTrue) is { } resets && !HasLabel(operations, i + 1))
                {
                    // `if (!Allowed.Contains(lang)) lang = "en";`: after it, the value is either one the check allowed
                    // or the constant the branch put in its place.
                    pushed += PushGuards(Intersect(GuardsOf(fallback.Condition, whenTrue: false), resets), operations, i + 1);
                }
                else if (operation is IExpressionStatementOperation { Operation: IInvocationOperation check } && i + 1 < operations.Length
                    && !HasLabel(operations, i + 1) && ThrowingCheckGuards(check) is { } checkedPaths)
                {
                    // `ValidateMode(mode);`, `ArgumentOutOfRangeException.ThrowIfNotEqual(mode, "short");`: a check that
                    // throws unless the value is one of its constants guards what follows it, as `if (!ok) throw` does.
                    pushed += PushGuards(checkedPaths, operations, i + 1);
                }
                else if (operation is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Value: IConditionalOperation choice } assignment }
                    && i + 1 < operations.Length && GuardPath.Of(assignment.Target, unwrapCase: false) is { } chosen
                    && ConstantOrGuarded(choice, chosen) && !HasLabel(operations, i + 1))
                {
                    // `lang = Allowed.Contains(lang) ? lang : "en";`: from here on the value is an allowed one or the constant.
                    pushed += PushGuards(Single(chosen), operations, i + 1);
                }
            }

            return result;
        }
        finally
        {
            PopGuards(pushed);
        }
    }

    /// <summary>
    /// The paths a branch ends by setting to a constant: a statement of its own (not nested in another statement)
    /// <c>x = "en";</c> that nothing after it in the branch writes again. Syntax-cheap, so it is asked before the condition.
    /// </summary>
    private static List<GuardPath>? ConstantResets(IOperation branch)
    {
        var statements = branch is IBlockOperation block ? block.Operations : ImmutableArray.Create(branch);
        List<GuardPath>? resets = null;
        for (var i = 0; i < statements.Length; i++)
        {
            if (statements[i] is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Value.ConstantValue.HasValue: true } assignment }
                && GuardPath.Of(assignment.Target, unwrapCase: false) is { } path
                && !Reassigns(statements, i + 1, path))
            {
                (resets ??= new List<GuardPath>()).Add(path);
            }
        }

        return resets;
    }

    /// <summary>Whether each arm of <paramref name="choice"/> is a constant, or <paramref name="path"/> itself where the condition guards it.</summary>
    private bool ConstantOrGuarded(IConditionalOperation choice, GuardPath path)
    {
        return Arm(choice.WhenTrue, whenTrue: true) && Arm(choice.WhenFalse, whenTrue: false);

        bool Arm(IOperation? arm, bool whenTrue)
        {
            while (arm is IConversionOperation { OperatorMethod: null } conversion)
            {
                arm = conversion.Operand;
            }

            if (arm is null || arm.ConstantValue.HasValue)
            {
                return arm is not null;
            }

            return path.Equals(GuardPath.Of(arm, unwrapCase: false)) && GuardsOf(choice.Condition, whenTrue) is { } guards && guards.Contains(path);
        }
    }

    /// <summary>A switch statement: pattern clauses bind their variables; a section whose labels are all constants guards the value.</summary>
    private TaintValue? EvalSwitch(ISwitchOperation switchOperation)
    {
        var value = Eval(switchOperation.Value);
        var path = GuardPath.Of(switchOperation.Value, unwrapCase: true);
        if (path is not null && HasGoto(switchOperation))
        {
            path = null;
        }

        foreach (var section in switchOperation.Cases)
        {
            var constantLabels = path is not null && section.Clauses.Length > 0;
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case ISingleValueCaseClauseOperation single:
                        constantLabels &= single.Value.ConstantValue.HasValue;
                        break;
                    case IPatternCaseClauseOperation pattern:
                        constantLabels &= OnlyConstants(pattern.Pattern, matched: true);
                        BindPattern(pattern.Pattern, value);
                        Eval(pattern.Guard);
                        break;
                    default:
                        constantLabels = false;
                        break;
                }
            }

            var pushed = constantLabels ? PushGuards(new List<GuardPath> { path! }, section.Body, 0) : 0;
            try
            {
                foreach (var statement in section.Body)
                {
                    Eval(statement);
                }
            }
            finally
            {
                PopGuards(pushed);
            }
        }

        return null;
    }

    /// <summary>A label in the rest of the block can be jumped to from before the guard.</summary>
    private static bool HasLabel(ImmutableArray<IOperation> operations, int from)
    {
        for (var i = from; i < operations.Length; i++)
        {
            if (operations[i] is ILabeledOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>goto case</c> or <c>goto default</c> enters a section without matching its labels.</summary>
    private static bool HasGoto(ISwitchOperation switchOperation)
    {
        foreach (var operation in switchOperation.Descendants())
        {
            if (operation is IBranchOperation { BranchKind: BranchKind.GoTo })
            {
                return true;
            }
        }

        return false;
    }

    private static bool Exits(IOperation? operation) => operation switch
    {
        IReturnOperation or IThrowOperation or IBranchOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod: var method } } => DoesNotReturn(method),
        IBlockOperation { Operations.Length: > 0 } block => Exits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>Whether a branch ends by throwing (not by returning: a helper's <c>return</c> gets back to its caller).</summary>
    private static bool Throws(IOperation? operation) => operation switch
    {
        IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod: var method } } => DoesNotReturn(method),
        IBlockOperation { Operations.Length: > 0 } block => Throws(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>
    /// The values a call statement has checked when it returns: <c>ArgumentOutOfRangeException.ThrowIfNotEqual(x, "c")</c>,
    /// or a <c>void</c> method of the compilation that cannot be overridden and whose body starts with a check that throws
    /// unless its parameter equals a constant (<c>if (mode is not ("a" or "b")) throw ...;</c>, <c>if (!Allowed.Contains(mode))
    /// throw ...;</c>, or a <c>switch</c> on it whose sections are all constant labels and whose default section throws):
    /// the arguments given for those parameters. Syntax rules a helper out before any binding.
    /// </summary>
    private List<GuardPath>? ThrowingCheckGuards(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method is { IsStatic: true, Name: "ThrowIfNotEqual", ContainingType: { Name: "ArgumentOutOfRangeException", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
        {
            return call.Arguments.Length >= 2 && call.Arguments[1].Value.ConstantValue.HasValue
                ? Single(GuardPath.Of(call.Arguments[0].Value, unwrapCase: false))
                : null;
        }

        if (_helperGuardDepth >= 2 || !method.ReturnsVoid || method.IsGenericMethod || method.MethodKind != MethodKind.Ordinary
            || method.IsAbstract || ((method.IsVirtual || method.IsOverride) && !method.IsSealed)
            || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not MethodDeclarationSyntax { Body.Statements: var statements } declaration
            || declaration.Modifiers.Any(SyntaxKind.AsyncKeyword) || CheckIndex(statements) < 0)
        {
            return null;
        }

        var anyPath = false;
        foreach (var argument in call.Arguments)
        {
            anyPath |= GuardPath.Of(argument.Value, unwrapCase: true) is not null;
        }

        if (!anyPath || _context.FirstStatement(method, _cancellationToken) is not { } first)
        {
            return null;
        }

        List<GuardPath>? inner = null;
        if (first is IConditionalOperation { WhenFalse: null } guard && Throws(guard.WhenTrue))
        {
            inner = GuardsElsewhere(guard.Condition, whenTrue: false);
        }
        else if (first is ISwitchOperation choice && !HasGoto(choice) && GuardPath.Of(choice.Value, unwrapCase: true) is { } switched)
        {
            var allConstant = true;
            var defaultThrows = false;
            foreach (var section in choice.Cases)
            {
                foreach (var clause in section.Clauses)
                {
                    switch (clause)
                    {
                        case IDefaultCaseClauseOperation:
                            defaultThrows = section.Body.Length > 0 && Throws(section.Body[section.Body.Length - 1]);
                            allConstant &= defaultThrows;
                            break;
                        case ISingleValueCaseClauseOperation single:
                            allConstant &= single.Value.ConstantValue.HasValue;
                            break;
                        case IPatternCaseClauseOperation { Guard: null } pattern:
                            allConstant &= OnlyConstants(pattern.Pattern, matched: true);
                            break;
                        default:
                            allConstant = false;
                            break;
                    }
                }
            }

            inner = allConstant && defaultThrows ? Single(switched) : null;
        }

        return ArgumentGuards(inner, method, call.Arguments);
    }

    /// <summary>
    /// Where a helper's check is: the first statement that is an <c>if</c> or a <c>switch</c>, after calls only
    /// (<c>ArgumentException.ThrowIfNullOrWhiteSpace(mode);</c>: a call cannot return from the helper, nor change its
    /// parameter); -1 when there is none.
    /// </summary>
    private static int CheckIndex(SyntaxList<StatementSyntax> statements)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            switch (statements[i])
            {
                case IfStatementSyntax or SwitchStatementSyntax:
                    return i;
                case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } when !HasRefArgument(invocation):
                    continue;
                default:
                    return -1;
            }
        }

        return -1;
    }

    private static bool HasRefArgument(InvocationExpressionSyntax invocation)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A method marked <c>[DoesNotReturn]</c> (a throw helper, <c>Environment.FailFast</c>): a call to it exits like <c>throw</c>.</summary>
    private static bool DoesNotReturn(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "DoesNotReturnAttribute", ContainingNamespace: { Name: "CodeAnalysis", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace.Name: "System" } } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The paths <paramref name="condition"/> guarantees equal to a constant when it is <paramref name="whenTrue"/>.</summary>
    private List<GuardPath>? GuardsOf(IOperation? condition, bool whenTrue)
    {
        switch (condition)
        {
            case IConversionOperation { OperatorMethod: null } conversion:
                return GuardsOf(conversion.Operand, whenTrue);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return GuardsOf(not.Operand, !whenTrue);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                {
                    // (a && b) true: both hold; (a || b) true: one of them does, so only what both guarantee.
                    var both = (logical.OperatorKind == BinaryOperatorKind.ConditionalAnd) == whenTrue;
                    var left = GuardsOf(logical.LeftOperand, whenTrue);
                    var right = GuardsOf(logical.RightOperand, whenTrue);
                    return both ? Union(left, right) : Intersect(left, right);
                }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return (comparison.OperatorKind == BinaryOperatorKind.Equals) == whenTrue
                    ? Single(Compared(comparison.LeftOperand, comparison.RightOperand))
                    : null;
            case IIsPatternOperation isPattern:
                return OnlyConstants(isPattern.Pattern, whenTrue) ? Single(GuardPath.Of(isPattern.Value, unwrapCase: true)) : null;
            case IInvocationOperation invocation when whenTrue:
                return Single(EqualsGuard(invocation) ?? AllowListGuard(invocation)) ?? HelperGuards(invocation);
            case ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_Boolean } flag } reference:
                return FlagGuards(flag, reference, whenTrue);
            default:
                return null;
        }
    }

    /// <summary>
    /// A check held in a <c>bool</c> local (<c>var known = lang is "en" or "fr"; if (!known) return …;</c>): the check it
    /// was initialized with, when that local is never assigned again and nothing the check compares (a local, a parameter,
    /// or the object a member is read from) is assigned anywhere in the member after its declaration, so the values
    /// compared are still the values read.
    /// </summary>
    private List<GuardPath>? FlagGuards(ILocalSymbol flag, ILocalReferenceOperation reference, bool whenTrue)
    {
        if (_helperGuardDepth > 0 || flag.DeclaringSyntaxReferences.Length != 1
            || flag.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member
            || !NeverAssigned(flag.Name, member, declarator)
            || reference.SemanticModel?.GetOperation(initializer, _cancellationToken) is not { } check)
        {
            return null;
        }

        var inner = GuardsElsewhere(check, whenTrue);

        List<GuardPath>? guards = null;
        foreach (var path in inner ?? new List<GuardPath>())
        {
            // Only a variable of the same function: a captured one could be changed by a call made in between.
            if (path.Root is ILocalSymbol or IParameterSymbol && SymbolEqualityComparer.Default.Equals(path.Root.ContainingSymbol, flag.ContainingSymbol)
                && NeverAssigned(path.Root.Name, member, path.Root.DeclaringSyntaxReferences.Length == 1 ? path.Root.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) : null))
            {
                (guards ??= new List<GuardPath>()).Add(path);
            }
        }

        return guards;
    }

    /// <summary>
    /// Whether no code of <paramref name="member"/> assigns to a variable named <paramref name="name"/> (or to anything
    /// read through it), passes it by reference, or declares another variable of that name, besides
    /// <paramref name="declaration"/>. By name: a shadowing lambda parameter counts as a write too, which only keeps a taint.
    /// </summary>
    private static bool NeverAssigned(string name, SyntaxNode member, SyntaxNode? declaration)
    {
        foreach (var node in member.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax other when other.Identifier.ValueText == name && other != declaration:
                case SingleVariableDesignationSyntax designation when designation.Identifier.ValueText == name && designation != declaration:
                case ForEachStatementSyntax loop when loop.Identifier.ValueText == name:
                case ParameterSyntax parameter when parameter.Identifier.ValueText == name && parameter != declaration:
                    return false;
                case IdentifierNameSyntax { Identifier.ValueText: var text } identifier when text == name && IsWritten(identifier):
                    return false;
            }
        }

        return true;
    }

    /// <summary>Whether a use of a name may change it or what is read through it: an assignment, <c>++</c>/<c>--</c>, a <c>ref</c>/<c>out</c> argument.</summary>
    private static bool IsWritten(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        while (node.Parent is MemberAccessExpressionSyntax access && access.Expression == node
            || node.Parent is ElementAccessExpressionSyntax element && element.Expression == node
            || node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        while (node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax } or TupleExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => node.Parent.IsKind(SyntaxKind.PreIncrementExpression)
                || node.Parent.IsKind(SyntaxKind.PreDecrementExpression) || node.Parent.IsKind(SyntaxKind.PostIncrementExpression)
                || node.Parent.IsKind(SyntaxKind.PostDecrementExpression),
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            _ => false,
        };
    }

    /// <summary>How many checks deep <see cref="HelperGuards"/> and <see cref="FlagGuards"/> are looking.</summary>
    private int _helperGuardDepth;

    /// <summary>The guards of a check written elsewhere (a helper's body, a flag's initializer), one level deeper.</summary>
    private List<GuardPath>? GuardsElsewhere(IOperation check, bool whenTrue)
    {
        _helperGuardDepth++;
        try
        {
            return GuardsOf(check, whenTrue);
        }
        finally
        {
            _helperGuardDepth--;
        }
    }

    /// <summary>
    /// A check written as a method of the compilation (<c>static bool IsAllowed(string l) =&gt; l is "en" or "fr";</c>):
    /// true only when its parameter equals a constant, so the argument given for it does too. Only a method that cannot
    /// be overridden and whose body is one <c>return</c> of a condition, up to two helpers deep.
    /// </summary>
    private List<GuardPath>? HelperGuards(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (_helperGuardDepth >= 2 || method.ReturnType.SpecialType != SpecialType.System_Boolean || method.IsGenericMethod
            || method.MethodKind != MethodKind.Ordinary || method.IsAbstract || ((method.IsVirtual || method.IsOverride) && !method.IsSealed)
            || _context.SingleReturnedValue(method, _cancellationToken) is not { } returned)
        {
            return null;
        }

        var inner = GuardsElsewhere(returned, whenTrue: true);

        return ArgumentGuards(inner, method, invocation.Arguments);
    }

    /// <summary>
    /// The guards a call gives its caller: for each guard <paramref name="inner"/> (found in the body of
    /// <paramref name="method"/>) on one of its own by-value parameters, the same guard on the argument passed for it.
    /// </summary>
    private static List<GuardPath>? ArgumentGuards(List<GuardPath>? inner, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        List<GuardPath>? guards = null;
        foreach (var path in inner ?? new List<GuardPath>())
        {
            if (path.Parameter is not { RefKind: RefKind.None } parameter || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
            {
                continue;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal && GuardPath.Of(argument.Value, unwrapCase: true) is { } given)
                {
                    (guards ??= new List<GuardPath>()).Add(given);
                }
            }
        }

        return guards;
    }

    /// <summary>Whether a pattern, when it matched (or did not), leaves only constants for the value.</summary>
    private static bool OnlyConstants(IPatternOperation? pattern, bool matched) => pattern switch
    {
        IConstantPatternOperation => matched,
        INegatedPatternOperation negated => OnlyConstants(negated.Pattern, !matched),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => matched
            ? OnlyConstants(or.LeftPattern, true) && OnlyConstants(or.RightPattern, true)
            : OnlyConstants(or.LeftPattern, false) || OnlyConstants(or.RightPattern, false),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } and => matched
            ? OnlyConstants(and.LeftPattern, true) || OnlyConstants(and.RightPattern, true)
            : OnlyConstants(and.LeftPattern, false) && OnlyConstants(and.RightPattern, false),
        _ => false,
    };

    /// <summary>The path compared with a constant: <c>x == "a"</c>, <c>"a" == x</c>.</summary>
    private static GuardPath? Compared(IOperation left, IOperation right)
    {
        if (right.ConstantValue.HasValue && !left.ConstantValue.HasValue)
        {
            return GuardPath.Of(left, unwrapCase: true);
        }

        if (left.ConstantValue.HasValue && !right.ConstantValue.HasValue)
        {
            return GuardPath.Of(right, unwrapCase: true);
        }

        return null;
    }

    /// <summary><c>string.Equals(x, "a"[, comparison])</c>, <c>x.Equals("a"[, comparison])</c>, <c>"a".Equals(x)</c>.</summary>
    private static GuardPath? EqualsGuard(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "Equals" || method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        if (method.IsStatic)
        {
            return method.ContainingType?.SpecialType == SpecialType.System_String && invocation.Arguments.Length >= 2
                ? Compared(invocation.Arguments[0].Value, invocation.Arguments[1].Value)
                : null;
        }

        if (invocation.Arguments.Length == 2 && method.Parameters.Length == 2
            && method.Parameters[0].Type.SpecialType == SpecialType.System_String && method.Parameters[1].Type.SpecialType == SpecialType.System_String
            && method.ContainingType is { } comparer && (IsStringComparer(comparer) || IsOrImplements(comparer, IsStringEqualityComparer)))
        {
            // `StringComparer.OrdinalIgnoreCase.Equals(lang, "fr")`: a comparer of strings compares its two arguments.
            return Compared(invocation.Arguments[0].Value, invocation.Arguments[1].Value);
        }

        return invocation.Instance is { } instance && invocation.Arguments.Length >= 1
            && instance.Type?.SpecialType == SpecialType.System_String
            ? Compared(instance, invocation.Arguments[0].Value)
            : null;
    }

    private static bool IsStringComparer(INamedTypeSymbol type) =>
        type is { Name: "StringComparer", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool IsStringEqualityComparer(INamedTypeSymbol type) =>
        type is { Name: "IEqualityComparer", Arity: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
        && type.TypeArguments[0].SpecialType == SpecialType.System_String;

    /// <summary><c>Allowed.Contains(x)</c> (or <c>Enumerable.Contains</c>) over an allow-list of literals, or over a string constant.</summary>
    private GuardPath? AllowListGuard(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "Contains" || method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        IOperation? collection;
        IOperation item;
        if (method.IsExtensionMethod || (method.IsStatic && invocation.Instance is null))
        {
            if (invocation.Arguments.Length < 2)
            {
                return null;
            }

            collection = invocation.Arguments[0].Value;
            item = invocation.Arguments[1].Value;
        }
        else
        {
            if (invocation.Arguments.Length < 1)
            {
                return null;
            }

            collection = invocation.Instance;
            item = invocation.Arguments[0].Value;
        }

        while (collection is IConversionOperation { OperatorMethod: null } conversion)
        {
            collection = conversion.Operand;
        }

        var constant = collection switch
        {
            { ConstantValue.HasValue: true } => true, // "fr,de".Contains(x): x is part of a constant
            IArrayCreationOperation array => array.Initializer is { } initializer && AllConstant(initializer.ElementValues),
            IFieldReferenceOperation field => (field.Field.IsConst || field.Field.IsReadOnly) && HasLiteralInitializer(field.Field),
            IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false } property } => HasLiteralInitializer(property),
            ILocalReferenceOperation local => IsLiteralAllowListLocal(local.Local),
            _ => false,
        };

        return constant && !item.ConstantValue.HasValue ? GuardPath.Of(item, unwrapCase: true) : null;
    }

    /// <summary>
    /// A local initialized with literals only (<c>var allowed = new[] { "en", "fr" };</c>) that its method only ever reads
    /// through <c>Contains</c>: never assigned again, passed by reference, or given to any other call that could fill it.
    /// </summary>
    private bool IsLiteralAllowListLocal(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || !IsLiteralCollection(initializer, 0)
            || declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
        {
            return false;
        }

        var name = local.Name;
        foreach (var identifier in member.DescendantNodes())
        {
            if (identifier is not IdentifierNameSyntax { Identifier.ValueText: var text } use || text != name)
            {
                continue;
            }

            // allowed.Contains(x), or Enumerable.Contains(allowed, x) / allowed as the first argument of a Contains call
            var ok = use.Parent switch
            {
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Contains" } access when access.Expression == use
                    && access.Parent is InvocationExpressionSyntax => true,
                ArgumentSyntax { RefKindKeyword.RawKind: 0, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } list } when list.Arguments[0].Expression == use
                    && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Contains" } or IdentifierNameSyntax { Identifier.ValueText: "Contains" } => true,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllConstant(ImmutableArray<IOperation> values)
    {
        foreach (var value in values)
        {
            if (!value.ConstantValue.HasValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A field or get-only property initialized with literals only: an array, a collection expression or initializer.</summary>
    private bool HasLiteralInitializer(ISymbol member)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var initializer = member.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value,
            _ => null,
        };
        return initializer is not null && IsLiteralCollection(initializer, 0);
    }

    private static bool IsLiteralCollection(ExpressionSyntax expression, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        switch (expression)
        {
            case ArrayCreationExpressionSyntax array:
                return array.Initializer is { } arrayInitializer && AllLiterals(arrayInitializer.Expressions);
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                return AllLiterals(implicitArray.Initializer.Expressions);
            case CollectionExpressionSyntax collection:
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax { Expression: LiteralExpressionSyntax })
                    {
                        return false;
                    }
                }

                return true;
            case BaseObjectCreationExpressionSyntax creation:
                // new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "a", "b" }, new(["a", "b"], StringComparer.Ordinal)
                if (creation.ArgumentList is { } arguments)
                {
                    foreach (var argument in arguments.Arguments)
                    {
                        if (!IsComparer(argument.Expression) && !IsLiteralCollection(argument.Expression, depth + 1))
                        {
                            return false;
                        }
                    }
                }

                return creation.Initializer is null
                    ? creation.ArgumentList is { Arguments.Count: > 0 } args && !IsComparer(args.Arguments[0].Expression)
                    : creation.Initializer.IsKind(SyntaxKind.CollectionInitializerExpression) && AllLiterals(creation.Initializer.Expressions);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (!IsComparer(argument.Expression) && argument.Expression is not LiteralExpressionSyntax)
                    {
                        return false;
                    }
                }

                // ImmutableArray.Create("a", "b"), FrozenSet.ToFrozenSet(...), new[] { ... }.ToFrozenSet(comparer)
                return access.Name.Identifier.ValueText switch
                {
                    "Create" => invocation.ArgumentList.Arguments.Count > 0 && IsTypeName(access.Expression),
                    "ToFrozenSet" or "ToHashSet" or "ToImmutableHashSet" or "ToImmutableArray" or "ToArray" or "ToList" or "AsReadOnly"
                        => IsLiteralCollection(access.Expression, depth + 1),
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>A type named in an expression: <c>ImmutableArray</c>, <c>System.Collections.Immutable.ImmutableHashSet</c>.</summary>
    private static bool IsTypeName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or GenericNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => true,
        MemberAccessExpressionSyntax access => IsTypeName(access.Expression),
        _ => false,
    };

    private static bool AllLiterals(SeparatedSyntaxList<ExpressionSyntax> expressions)
    {
        foreach (var expression in expressions)
        {
            if (expression is not LiteralExpressionSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsComparer(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "StringComparer" } };

    /// <summary>Whether <paramref name="region"/> (from its <paramref name="from"/>th operation) assigns to the path or a prefix of it.</summary>
    private static bool Reassigns(ImmutableArray<IOperation> region, int from, GuardPath guard)
    {
        for (var i = from; i < region.Length; i++)
        {
            foreach (var operation in region[i].DescendantsAndSelf())
            {
                var target = operation switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IIncrementOrDecrementOperation increment => increment.Target,
                    IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                    _ => null,
                };
                if (target is null)
                {
                    continue;
                }

                if (target is ITupleOperation tuple)
                {
                    foreach (var element in tuple.Elements)
                    {
                        if (GuardPath.Of(element, unwrapCase: false) is { } elementPath && elementPath.IsPrefixOf(guard))
                        {
                            return true;
                        }
                    }
                }
                else if (GuardPath.Of(target, unwrapCase: false) is { } path && path.IsPrefixOf(guard))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<GuardPath>? Single(GuardPath? path) => path is null ? null : new List<GuardPath> { path };

    private static List<GuardPath>? Union(List<GuardPath>? left, List<GuardPath>? right)
    {
        if (left is null)
        {
            return right;
        }

        if (right is not null)
        {
            left.AddRange(right);
        }

        return left;
    }

    private static List<GuardPath>? Intersect(List<GuardPath>? left, List<GuardPath>? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        var both = new List<GuardPath>();
        foreach (var path in left)
        {
            if (right.Contains(path))
            {
                both.Add(path);
            }
        }

        return both.Count == 0 ? null : both;
    }
}

/// <summary>A local, parameter or member path (<c>request.Language</c>, <c>this.mode</c>) that a guard compares with a constant.</summary>
internal sealed class GuardPath : IEquatable<GuardPath>
{
    private readonly ISymbol[] _symbols;

    private GuardPath(ISymbol[] symbols) => _symbols = symbols;

    /// <summary>The variable the path starts from (a local, a parameter, or a field or property of the type itself).</summary>
    public ISymbol Root => _symbols[0];

    /// <summary>The parameter this path is, when it is a parameter itself (not a member of one).</summary>
    public IParameterSymbol? Parameter => _symbols.Length == 1 ? _symbols[0] as IParameterSymbol : null;

    /// <summary>
    /// The path read by <paramref name="operation"/>, or null for anything else. With <paramref name="unwrapCase"/>,
    /// <c>x.ToLowerInvariant()</c>, <c>x.Trim()</c> and the like name <c>x</c>: equal to a constant after them, x is a case
    /// or whitespace variant of that constant.
    /// </summary>
    public static GuardPath? Of(IOperation? operation, bool unwrapCase)
    {
        var symbols = new List<ISymbol>(3);
        return Build(operation, unwrapCase, symbols) ? new GuardPath(symbols.ToArray()) : null;
    }

    private static bool Build(IOperation? operation, bool unwrapCase, List<ISymbol> into)
    {
        while (true)
        {
            if (operation is IConversionOperation { OperatorMethod: null } conversion)
            {
                operation = conversion.Operand;
            }
            else if (unwrapCase && operation is IInvocationOperation
            {
                Instance: { } instance,
                TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant" or "Trim" or "TrimStart" or "TrimEnd" },
            })
            {
                operation = instance;
            }
            else
            {
                break;
            }
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                into.Add(local.Local);
                return true;
            case IParameterReferenceOperation parameter:
                into.Add(parameter.Parameter);
                return true;
            case IFieldReferenceOperation field:
                return Member(field.Instance, field.Field, into);
            case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                return Member(property.Instance, property.Property, into);
            default:
                return false;
        }
    }

    private static bool Member(IOperation? instance, ISymbol member, List<ISymbol> into)
    {
        if (instance is not (null or IInstanceReferenceOperation) && !Build(instance, unwrapCase: false, into))
        {
            return false;
        }

        into.Add(member);
        return true;
    }

    /// <summary>Whether this path is <paramref name="other"/> or a prefix of it (assigning it changes <paramref name="other"/>).</summary>
    public bool IsPrefixOf(GuardPath other)
    {
        if (_symbols.Length > other._symbols.Length)
        {
            return false;
        }

        for (var i = 0; i < _symbols.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(_symbols[i], other._symbols[i]))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(GuardPath? other) => other is not null && other._symbols.Length == _symbols.Length && IsPrefixOf(other);

    public override bool Equals(object? obj) => Equals(obj as GuardPath);

    public override int GetHashCode()
    {
        var hash = _symbols.Length;
        foreach (var symbol in _symbols)
        {
            hash = (hash * 31) + SymbolEqualityComparer.Default.GetHashCode(symbol);
        }

        return hash;
    }
}
