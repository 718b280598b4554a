using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StructuredLlm.Analyzers.Taint;

internal sealed partial class SinkIndex
{
    /// <summary>
    /// The declared types of receivers, from syntax only: for <c>x.M(...)</c>, <c>this.x.M(...)</c>, <c>x?.M(...)</c> and
    /// <c>this.M(...)</c>, the types that the declarations of <c>x</c> in scope state (locals, parameters, pattern and
    /// <c>out</c> variables of the enclosing member; fields, properties, events and primary-constructor parameters of the
    /// enclosing type and its source base types), and the type names each of them derives from in source. Anything
    /// syntax does not state (<c>var</c>, an untyped lambda parameter, a type parameter, an alias, <c>dynamic</c>, a
    /// tuple, top-level statements) leaves the receiver unknown, and an unknown receiver matches every declaration of the
    /// key, as before. A name that no declaration of the member or of its type's source family states but that names a
    /// type of this compilation is that type when no base or enclosing type declares a member of that name and no using
    /// alias or `using static` can give it another meaning (a static call). The build fills it on one thread; analysis threads then read it at once (its lazy caches are concurrent).
    /// </summary>
    private sealed class Receivers
    {
        private readonly HashSet<string> _aliases;
        private readonly HashSet<string> _typeParameters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _bases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, List<TypeSyntax?>>> _members = new(StringComparer.Ordinal);
        // Filled on demand by analysis threads at once: each entry is computed from syntax only, so a race writes the same value.
        private readonly ConcurrentDictionary<string, HashSet<string>> _families = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<SyntaxNode, Scope> _scopes = new();
        private readonly ConcurrentDictionary<SyntaxNode, string[]?> _resolved = new();
        private readonly ConcurrentDictionary<SyntaxNode, string[]?> _declared = new();

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SyntaxTree, bool> _usingStatic = new();
        private int _globalUsingStatic; // 0: not looked at yet, 1: none, 2: some file has a `global using static`

        public Receivers(HashSet<string> aliases, Compilation compilation)
        {
            _aliases = aliases;
            _compilation = compilation;
        }

        /// <summary>Records what a declaration outside bodies says: type parameters, base types, member types.</summary>
        public void Add(SyntaxNode node)
        {
            switch (node)
            {
                case TypeParameterSyntax typeParameter:
                    _typeParameters.Add(typeParameter.Identifier.ValueText);
                    break;
                case BaseTypeDeclarationSyntax type:
                    {
                        var name = type.Identifier.ValueText;
                        if (!_bases.TryGetValue(name, out var bases))
                        {
                            _bases[name] = bases = new List<string>();
                        }

                        if (type.BaseList is { } baseList)
                        {
                            foreach (var baseType in baseList.Types)
                            {
                                if (RightmostName(baseType.Type) is { } baseName)
                                {
                                    bases.Add(baseName);
                                }
                            }
                        }

                        if (type is TypeDeclarationSyntax { ParameterList: { } primary } && TypeNameOf(type) is { } typeName)
                        {
                            foreach (var parameter in primary.Parameters)
                            {
                                AddMember(typeName, parameter.Identifier.ValueText, parameter.Type);
                            }
                        }

                        break;
                    }

                case BaseFieldDeclarationSyntax field when TypeNameOf(field.Parent) is { } typeName:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        AddMember(typeName, variable.Identifier.ValueText, field.Declaration.Type);
                    }

                    break;
                case PropertyDeclarationSyntax property when TypeNameOf(property.Parent) is { } typeName:
                    AddMember(typeName, property.Identifier.ValueText, property.Type);
                    break;
                case EventDeclarationSyntax @event when TypeNameOf(@event.Parent) is { } typeName:
                    AddMember(typeName, @event.Identifier.ValueText, @event.Type);
                    break;
            }
        }

        private void AddMember(string type, string member, TypeSyntax? declared)
        {
            if (!_members.TryGetValue(type, out var members))
            {
                _members[type] = members = new Dictionary<string, List<TypeSyntax?>>(StringComparer.Ordinal);
            }

            if (!members.TryGetValue(member, out var types))
            {
                members[member] = types = new List<TypeSyntax?>();
            }

            types.Add(declared);
        }

        /// <summary>The name of a class, struct, record or interface declaration (not an enum, a delegate or anything newer).</summary>
        public static string? TypeNameOf(SyntaxNode? node) =>
            node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax or InterfaceDeclarationSyntax
                ? ((TypeDeclarationSyntax)node).Identifier.ValueText
                : null;

        /// <summary>Whether <paramref name="name"/> is a member of a receiver whose type syntax may state.</summary>
        public static bool IsResolvableMember(SimpleNameSyntax name) => ReceiverOf(name) switch
        {
            ThisExpressionSyntax or BaseExpressionSyntax or IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax, Name: IdentifierNameSyntax } => true,
            _ => false,
        };

        /// <summary>The receiver of a member name: <c>x</c> in <c>x.M</c> and in <c>x?.M</c>.</summary>
        public static ExpressionSyntax? ReceiverOf(SimpleNameSyntax name)
        {
            switch (name.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Name == name && access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    return access.Expression;
                case MemberBindingExpressionSyntax binding:
                    // The nearest conditional access whose WhenNotNull starts with this binding.
                    SyntaxNode node = binding;
                    while (node.Parent is { } parent)
                    {
                        switch (parent)
                        {
                            case InvocationExpressionSyntax invocation when invocation.Expression == node:
                            case MemberAccessExpressionSyntax access when access.Expression == node:
                            case ElementAccessExpressionSyntax element when element.Expression == node:
                            case PostfixUnaryExpressionSyntax postfix when postfix.Operand == node:
                                node = parent;
                                continue;
                            case ConditionalAccessExpressionSyntax conditional when conditional.WhenNotNull == node:
                                return conditional.Expression;
                        }

                        return null;
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Whether a member mention may call a declaration of its name in a type named <paramref name="type"/>.</summary>
        public bool Matches(SimpleNameSyntax member, string type) => Matches(member, type, null);

        /// <summary>Whether a member mention may call a declaration of its name in one of <paramref name="types"/> (null: any type).</summary>
        public bool Matches(SimpleNameSyntax member, HashSet<string>? types) => types is null || Matches(member, null, types);

        // An unknown receiver matches every declaration; a known one, the declarations in its type's family: the types it
        // derives from (an inherited method) and the types that derive from it (an override or an interface implementation
        // the call may dispatch to).
        private bool Matches(SimpleNameSyntax member, string? type, HashSet<string>? types)
        {
            var receivers = Resolve(member);
            if (receivers is null)
            {
                return true;
            }

            foreach (var receiver in receivers)
            {
                var family = Family(receiver);
                if (type is not null ? family.Contains(type) || Family(type).Contains(receiver) : family.Overlaps(types!) || Derives(types!, receiver))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Derives(HashSet<string> types, string receiver)
        {
            foreach (var type in types)
            {
                if (Family(type).Contains(receiver))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A type name and every name it derives from or implements in source (closed).</summary>
        private HashSet<string> Family(string type)
        {
            if (_families.TryGetValue(type, out var family))
            {
                return family;
            }

            family = new HashSet<string>(StringComparer.Ordinal) { type };
            var stack = new Stack<string>();
            stack.Push(type);
            while (stack.Count > 0)
            {
                if (!_bases.TryGetValue(stack.Pop(), out var bases))
                {
                    continue;
                }

                foreach (var baseName in bases)
                {
                    if (family.Add(baseName))
                    {
                        stack.Push(baseName);
                    }
                }
            }

            _families[type] = family;
            return family;
        }

        /// <summary>The declared type names of the receiver of <paramref name="member"/>; <see langword="null"/> when unknown.</summary>
        private string[]? Resolve(SimpleNameSyntax member)
        {
            if (_resolved.TryGetValue(member, out var known))
            {
                return known;
            }

            var result = ResolveCore(member);
            _resolved[member] = result;
            return result;
        }

        /// <summary>The declared type names of the receiver of a member mention (<c>x</c> of <c>x.P</c>); <see langword="null"/> when unknown.</summary>
        public string[]? ReceiverTypes(SimpleNameSyntax member) => Resolve(member);

        /// <summary>The name of the type whose member <paramref name="node"/> is in; <see langword="null"/> in top-level statements or outside a class, struct, record or interface.</summary>
        public string[]? EnclosingType(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case GlobalStatementSyntax:
                        return null;
                    case BaseTypeDeclarationSyntax type:
                        return TypeNameOf(type) is { } name ? new[] { name } : null;
                }
            }

            return null;
        }

        /// <summary>The type name a type syntax states (not an alias or a type parameter); <see langword="null"/> when unknown.</summary>
        public string? StatedType(TypeSyntax type) => DeclaredName(type, _typeParameters);

        /// <summary>
        /// Whether an object declared as one of <paramref name="types"/> (null: unknown) may be of a type named in
        /// <paramref name="targets"/>: one of the types themselves, or one they derive from or implement in source.
        /// <paramref name="targets"/> holds a type and every referenced type deriving from it, so a source type deriving
        /// from a referenced one is followed to it.
        /// </summary>
        public bool MayBeOfType(string[]? types, HashSet<string> targets)
        {
            if (types is null)
            {
                return true;
            }

            foreach (var type in types)
            {
                if (Family(type).Overlaps(targets))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The declared type names of a variable, parameter, field or property written as <paramref name="name"/> or
        /// <c>this.name</c> (what a target-typed <c>new(...)</c> assigned to it creates); <see langword="null"/> when unknown.
        /// </summary>
        public string[]? DeclaredTypes(SimpleNameSyntax name)
        {
            if (_declared.TryGetValue(name, out var known))
            {
                return known;
            }

            ExpressionSyntax self = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            var result = ResolveCore(name, self);
            _declared[name] = result;
            return result;
        }

        private string[]? ResolveCore(SimpleNameSyntax member) => ResolveCore(member, ReceiverOf(member));

        private string[]? ResolveCore(SyntaxNode member, ExpressionSyntax? receiver)
        {
            MemberDeclarationSyntax? scope = null;
            for (var current = member.Parent; current is not null; current = current.Parent)
            {
                if (current is MemberDeclarationSyntax declaration)
                {
                    scope = declaration;
                    break;
                }
            }

            // Top-level statements share locals across statements: not resolved.
            if (scope is null or GlobalStatementSyntax)
            {
                return null;
            }

            var enclosingType = scope as TypeDeclarationSyntax;
            for (var current = scope.Parent; enclosingType is null && current is not null; current = current.Parent)
            {
                enclosingType = current as TypeDeclarationSyntax;
            }

            var typeName = TypeNameOf(enclosingType);
            string name;
            switch (receiver)
            {
                case ThisExpressionSyntax or BaseExpressionSyntax:
                    return typeName is null ? null : new[] { typeName };
                case IdentifierNameSyntax identifier:
                    name = identifier.Identifier.ValueText;
                    break;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax, Name: IdentifierNameSyntax field }:
                    name = field.Identifier.ValueText;
                    break;
                default:
                    return null;
            }

            var declared = new List<TypeSyntax?>();
            var local = GetScope(scope);
            if (local.Variables.TryGetValue(name, out var variables))
            {
                declared.AddRange(variables);
            }

            if (typeName is not null)
            {
                foreach (var type in Family(typeName))
                {
                    if (_members.TryGetValue(type, out var members) && members.TryGetValue(name, out var types))
                    {
                        declared.AddRange(types);
                    }
                }
            }

            // Not found: a static class, an inherited member of a referenced base type, a member of an outer type...
            if (declared.Count == 0)
            {
                return receiver is IdentifierNameSyntax ? TypeNamed(enclosingType, name) : null;
            }

            var result = new List<string>(declared.Count);
            foreach (var type in declared)
            {
                if (DeclaredName(type, local.TypeParameters) is not { } declaredName)
                {
                    return null;
                }

                if (!result.Contains(declaredName))
                {
                    result.Add(declaredName);
                }
            }

            return result.ToArray();
        }

        /// <summary>
        /// A receiver name that no declaration of the member or of its type's source family states, and that names a type
        /// declared in this compilation, is that type (a static call: <c>HttpRetryPolicy.SendAsync(...)</c> is no call on an
        /// OllamaSharp <c>Chat</c>) unless a member of that name is inherited from a base type or declared in an enclosing
        /// type, which the declared symbols say without binding any body; <see langword="null"/> (unknown) otherwise.
        /// </summary>
        private string[]? TypeNamed(TypeDeclarationSyntax? enclosingType, string name)
        {
            // A using alias of that name, or members a `using static` brings into scope, may mean something else.
            if (enclosingType is null || !_bases.ContainsKey(name) || _aliases.Contains(name) || HasUsingStatic(enclosingType.SyntaxTree)
                || !_compilation.ContainsSyntaxTree(enclosingType.SyntaxTree)
                || _compilation.GetSemanticModel(enclosingType.SyntaxTree).GetDeclaredSymbol(enclosingType) is not { } declared)
            {
                return null;
            }

            for (INamedTypeSymbol? type = declared; type is not null; type = type.ContainingType)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (!current.GetMembers(name).IsEmpty)
                    {
                        return null;
                    }
                }
            }

            return new[] { name };
        }

        /// <summary>Whether a <c>using static</c> applies in <paramref name="tree"/>: its own, or a <c>global using static</c> of any file.</summary>
        private bool HasUsingStatic(SyntaxTree tree)
        {
            if (_usingStatic.TryGetValue(tree, out var known))
            {
                return known;
            }

            var global = Volatile.Read(ref _globalUsingStatic);
            if (global == 0)
            {
                global = 1;
                foreach (var other in _compilation.SyntaxTrees)
                {
                    if (other.GetRoot() is CompilationUnitSyntax { Usings: var usings } && HasStatic(usings, globalOnly: true))
                    {
                        global = 2;
                        break;
                    }
                }

                Volatile.Write(ref _globalUsingStatic, global);
            }

            var result = global == 2;
            foreach (var node in tree.GetRoot().DescendantNodesAndSelf(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is CompilationUnitSyntax { Usings: var unitUsings } && HasStatic(unitUsings, globalOnly: false)
                    || node is BaseNamespaceDeclarationSyntax { Usings: var namespaceUsings } && HasStatic(namespaceUsings, globalOnly: false))
                {
                    result = true;
                    break;
                }
            }

            _usingStatic[tree] = result;
            return result;
        }

        private static bool HasStatic(SyntaxList<UsingDirectiveSyntax> usings, bool globalOnly)
        {
            foreach (var directive in usings)
            {
                if (directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && (!globalOnly || directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The name a declared type states; <see langword="null"/> when syntax does not say which type it is.</summary>
        private string? DeclaredName(TypeSyntax? type, HashSet<string> scopeTypeParameters)
        {
            while (true)
            {
                switch (type)
                {
                    case NullableTypeSyntax nullable:
                        type = nullable.ElementType;
                        continue;
                    case RefTypeSyntax reference:
                        type = reference.Type;
                        continue;
                    case ArrayTypeSyntax:
                        // Arrays have no members declared in source: only extension methods and sinks match.
                        return "[]";
                    case PredefinedTypeSyntax predefined:
                        return predefined.Keyword.ValueText;
                    case IdentifierNameSyntax { IsVar: true } or IdentifierNameSyntax { Identifier.ValueText: "dynamic" }:
                        return null;
                    case SimpleNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax:
                        {
                            var name = RightmostName(type);
                            return name is null || _aliases.Contains(name) || _typeParameters.Contains(name) || scopeTypeParameters.Contains(name) ? null : name;
                        }

                    default:
                        // Tuples, pointers, function pointers, missing types, scoped types, anything newer.
                        return null;
                }
            }
        }

        private Scope GetScope(MemberDeclarationSyntax scope)
        {
            if (_scopes.TryGetValue(scope, out var known))
            {
                return known;
            }

            var result = new Scope();
            foreach (var node in scope.DescendantNodes())
            {
                switch (node)
                {
                    case ParameterSyntax parameter:
                        result.Add(parameter.Identifier.ValueText, parameter.Type);
                        break;
                    case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } variable:
                        result.Add(variable.Identifier.ValueText, declaration.Type);
                        break;
                    case ForEachStatementSyntax forEach:
                        result.Add(forEach.Identifier.ValueText, forEach.Type);
                        break;
                    case SingleVariableDesignationSyntax designation:
                        result.Add(designation.Identifier.ValueText, designation.Parent switch
                        {
                            DeclarationExpressionSyntax expression => expression.Type,
                            DeclarationPatternSyntax pattern => pattern.Type,
                            RecursivePatternSyntax recursive => recursive.Type,
                            _ => null,
                        });
                        break;
                    case CatchDeclarationSyntax catchDeclaration:
                        result.Add(catchDeclaration.Identifier.ValueText, catchDeclaration.Type);
                        break;
                    case FromClauseSyntax from:
                        result.Add(from.Identifier.ValueText, null);
                        break;
                    case LetClauseSyntax let:
                        result.Add(let.Identifier.ValueText, null);
                        break;
                    case JoinClauseSyntax join:
                        result.Add(join.Identifier.ValueText, null);
                        break;
                    case JoinIntoClauseSyntax into:
                        result.Add(into.Identifier.ValueText, null);
                        break;
                    case QueryContinuationSyntax continuation:
                        result.Add(continuation.Identifier.ValueText, null);
                        break;
                    case TypeParameterSyntax typeParameter:
                        result.TypeParameters.Add(typeParameter.Identifier.ValueText);
                        break;
                }
            }

            _scopes[scope] = result;
            return result;
        }

        private sealed class Scope
        {
            public Dictionary<string, List<TypeSyntax?>> Variables { get; } = new(StringComparer.Ordinal);

            public HashSet<string> TypeParameters { get; } = new(StringComparer.Ordinal);

            public void Add(string name, TypeSyntax? type)
            {
                if (!Variables.TryGetValue(name, out var types))
                {
                    Variables[name] = types = new List<TypeSyntax?>();
                }

                types.Add(type);
            }
        }
    }
}
