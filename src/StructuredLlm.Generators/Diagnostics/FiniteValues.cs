using System;
using System.Collections.Generic;
using StructuredLlm.Generators.Model;

namespace StructuredLlm.Generators.Diagnostics;

/// <summary>
/// Finds object types no finite JSON value can satisfy: a required, non-null member whose type needs, through required
/// non-null members again, a value of the type itself (<c>record Loop(Loop Next, int V)</c>, or <c>A</c> needing a
/// <c>B</c> that needs an <c>A</c>). The schema of such a type asks for an infinitely deep object and the reader refuses
/// every document, so it is reported (SLLM0004) instead. Null, an empty array or an empty object ends a chain.
/// </summary>
internal static class FiniteValues
{
    /// <summary>One issue per type on such a cycle, at its first member that closes it: (definition id, member name, message).</summary>
    public static List<(string DefinitionId, string MemberName, string Subject, string Message)> Check(OutputSpec spec)
    {
        var result = new List<(string, string, string, string)>();
        var byId = new Dictionary<string, TypeDefinitionSpec>(StringComparer.Ordinal);
        foreach (TypeDefinitionSpec d in spec.Definitions)
        {
            byId[d.Id] = d;
        }

        // Least fixed point: a definition has a finite value when every member it requires has one (a polymorphic base:
        // when one of its branches has).
        var finite = new HashSet<string>(StringComparer.Ordinal);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (TypeDefinitionSpec d in spec.Definitions)
            {
                if (!finite.Contains(d.Id) && HasFiniteValue(d, byId, finite))
                {
                    finite.Add(d.Id);
                    changed = true;
                }
            }
        }

        if (finite.Count == spec.Definitions.Count)
        {
            return result;
        }

        foreach (TypeDefinitionSpec d in spec.Definitions)
        {
            if (finite.Contains(d.Id) || d.Kind != DefinitionKind.Object)
            {
                continue;
            }

            foreach (MemberSpec m in d.Members)
            {
                if (Blocking(m.Type, m.Constraints, finite) is { } target && Reaches(target, d.Id, byId, finite))
                {
                    string type = Simple(d.TypeName);
                    result.Add((d.Id, m.Name, type + "." + m.Name,
                        "it requires a non-null '" + Simple(byId[target].TypeName) + "', which in turn requires a '" + type
                        + "' without end, so no finite JSON value is valid; make the member nullable (or a collection) to end the chain"));
                    break;
                }
            }
        }

        return result;
    }

    private static bool HasFiniteValue(TypeDefinitionSpec d, Dictionary<string, TypeDefinitionSpec> byId, HashSet<string> finite)
    {
        switch (d.Kind)
        {
            case DefinitionKind.Object:
                foreach (MemberSpec m in d.Members)
                {
                    if (Blocking(m.Type, m.Constraints, finite) is not null)
                    {
                        return false;
                    }
                }

                return true;
            case DefinitionKind.Polymorphic:
                foreach (DerivedTypeSpec derived in d.DerivedTypes)
                {
                    if (finite.Contains(derived.DefinitionId) || !byId.ContainsKey(derived.DefinitionId))
                    {
                        return true;
                    }
                }

                return d.DerivedTypes.IsEmpty; // nothing to choose from is reported elsewhere
            default:
                return true;
        }
    }

    /// <summary>The definition a required value needs that has no finite value yet, or null when the value can end here.</summary>
    private static string? Blocking(ValueSpec v, ConstraintSpec c, HashSet<string> finite)
    {
        if (v.IsNullable)
        {
            return null;
        }

        switch (v.Kind)
        {
            case ValueKind.Object:
                return v.DefinitionId is { } id && !finite.Contains(id) ? id : null;
            case ValueKind.Array when (c.MinItems ?? 0) > 0 && v.Element is { } element:
                return Blocking(element, ConstraintSpec.None, finite);
            default:
                return null;
        }
    }

    /// <summary>Whether <paramref name="from"/> needs <paramref name="target"/> through required values (the definition is on a cycle).</summary>
    private static bool Reaches(string from, string target, Dictionary<string, TypeDefinitionSpec> byId, HashSet<string> finite)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(from);
        while (pending.Count > 0)
        {
            string id = pending.Pop();
            if (id == target)
            {
                return true;
            }

            if (!seen.Add(id) || !byId.TryGetValue(id, out TypeDefinitionSpec? d))
            {
                continue;
            }

            if (d.Kind == DefinitionKind.Polymorphic)
            {
                foreach (DerivedTypeSpec derived in d.DerivedTypes)
                {
                    pending.Push(derived.DefinitionId);
                }

                continue;
            }

            foreach (MemberSpec m in d.Members)
            {
                if (Blocking(m.Type, m.Constraints, finite) is { } next)
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    private static string Simple(string typeName)
    {
        string name = typeName.StartsWith("global::", StringComparison.Ordinal) ? typeName.Substring(8) : typeName;
        int generic = name.IndexOf('<');
        int dot = (generic < 0 ? name : name.Substring(0, generic)).LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }
}
