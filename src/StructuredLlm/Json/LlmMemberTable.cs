using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace StructuredLlm.Json;

/// <summary>One member of an LLM output type as the reader sees it: its JSON name and declared aliases.</summary>
public sealed class LlmMember
{
    /// <summary>Creates a member description.</summary>
    public LlmMember(string jsonName, params string[] aliases)
    {
        JsonName = jsonName ?? throw new ArgumentNullException(nameof(jsonName));
        Aliases = aliases ?? Array.Empty<string>();
    }

    /// <summary>The JSON name written in the schema.</summary>
    public string JsonName { get; }

    /// <summary>Other names accepted as-is (from <c>[LlmAlias]</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }
}

/// <summary>
/// The fallback key matcher of a generated reader, used only when a key is not one of the exact JSON names
/// (which the generated code matches by a switch on the key bytes). Built once per type.
/// </summary>
/// <remarks>
/// In order: an exact JSON name or alias; a name equal after ignoring case and separators
/// (<c>Customer_Email</c>, <c>customer-email</c>, <c>CUSTOMER_EMAIL</c>); a key whose extra leading words
/// are the type's own name (<c>ticket_category</c> on <c>SupportTicket</c> → <c>category</c>). Anything else is unknown:
/// a looser match could hand one member's value to another.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class LlmMemberTable
{
    private readonly byte[][] _exact;
    private readonly int[] _exactMember;
    private readonly byte[][] _normalized;
    private readonly int[] _normalizedMember;
    private readonly byte[] _typeName;
    private readonly string[] _jsonNames;

    /// <summary>Creates the table for a type.</summary>
    /// <param name="typeName">The C# type name (used for the type-name prefix rule).</param>
    /// <param name="members">The members, in the order of the indices the generated reader uses.</param>
    public LlmMemberTable(string typeName, params LlmMember[] members)
    {
        _typeName = Normalize(Encoding.UTF8.GetBytes(typeName ?? string.Empty));
        var exact = new List<(byte[], int)>();
        var normalized = new List<(byte[], int)>();
        _jsonNames = new string[members.Length];
        for (int m = 0; m < members.Length; m++)
        {
            _jsonNames[m] = members[m].JsonName;
            foreach (var name in Names(members[m]))
            {
                var bytes = Encoding.UTF8.GetBytes(name);
                exact.Add((bytes, m));
                var n = Normalize(bytes);
                // a normalized form shared by two members is ambiguous: neither gets it
                int existing = normalized.FindIndex(x => x.Item1.AsSpan().SequenceEqual(n));
                if (existing >= 0)
                {
                    if (normalized[existing].Item2 != m) normalized[existing] = (normalized[existing].Item1, -1);
                }
                else
                {
                    normalized.Add((n, m));
                }
            }
        }
        _exact = exact.ConvertAll(x => x.Item1).ToArray();
        _exactMember = exact.ConvertAll(x => x.Item2).ToArray();
        _normalized = normalized.ConvertAll(x => x.Item1).ToArray();
        _normalizedMember = normalized.ConvertAll(x => x.Item2).ToArray();
    }

    /// <summary>Number of members.</summary>
    public int Count => _jsonNames.Length;

    /// <summary>The member index for <paramref name="key"/>, or -1; records a coercion for a non-exact match.</summary>
    public int Match(scoped ReadOnlySpan<byte> key, LlmReadContext context)
    {
        for (int k = 0; k < _exact.Length; k++)
        {
            if (key.SequenceEqual(_exact[k])) return _exactMember[k];
        }

        Span<byte> buffer = key.Length <= 256 ? stackalloc byte[key.Length] : new byte[key.Length];
        int len = Normalize(key, buffer);
        var n = buffer.Slice(0, len);
        if (len == 0) return -1;

        for (int k = 0; k < _normalized.Length; k++)
        {
            if (_normalizedMember[k] >= 0 && n.SequenceEqual(_normalized[k]))
            {
                int m = _normalizedMember[k];
                return context.TryRecord(LlmRepairKind.KeyNormalized, LlmPath.Combine(context.Path, Utf8Text.GetString(key)), -1,
                    Utf8Text.GetString(key), _jsonNames[m]) ? m : -1;
            }
        }

        // `ticket_category` on SupportTicket: the extra leading words must be the type's own name (or its last words).
        int found = -1;
        for (int k = 0; k < _normalized.Length; k++)
        {
            var name = _normalized[k];
            if (_normalizedMember[k] < 0 || name.Length >= n.Length || !n.EndsWith(name)) continue;
            var qualifier = n.Slice(0, n.Length - name.Length);
            if (_typeName.Length == 0 || !_typeName.AsSpan().EndsWith(qualifier) || !IsWordBoundary(key, qualifier.Length)) continue;
            if (found >= 0 && found != _normalizedMember[k]) return -1; // ambiguous
            found = _normalizedMember[k];
        }
        if (found >= 0 && context.TryRecord(LlmRepairKind.KeyPartialMatch, LlmPath.Combine(context.Path, Utf8Text.GetString(key)), -1,
                Utf8Text.GetString(key), _jsonNames[found]))
        {
            return found;
        }
        return -1;
    }

    private static IEnumerable<string> Names(LlmMember m)
    {
        yield return m.JsonName;
        foreach (var a in m.Aliases) yield return a;
    }

    /// <summary>True when the first <paramref name="normalizedChars"/> letters/digits of the key end at a word boundary (separator or case change).</summary>
    private static bool IsWordBoundary(ReadOnlySpan<byte> key, int normalizedChars)
    {
        int seen = 0;
        for (int i = 0; i < key.Length; i++)
        {
            if (!IsWordChar(key[i])) continue;
            if (seen == normalizedChars)
            {
                byte prev = i > 0 ? key[i - 1] : (byte)0;
                return !IsWordChar(prev) || (key[i] is >= (byte)'A' and <= (byte)'Z' && prev is >= (byte)'a' and <= (byte)'z');
            }
            seen++;
        }
        return false;
    }

    private static bool IsWordChar(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' || b >= 0x80;

    internal static byte[] Normalize(ReadOnlySpan<byte> name)
    {
        var buffer = new byte[name.Length];
        int n = Normalize(name, buffer);
        return buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>Lower-case ASCII letters and digits (and non-ASCII bytes), dropping separators: `Customer_Email` → `customeremail`.</summary>
    internal static int Normalize(ReadOnlySpan<byte> name, Span<byte> into)
    {
        int start = 0, end = name.Length;
        while (start < end && name[start] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') start++;
        while (end > start && name[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') end--;
        int n = 0;
        for (int i = start; i < end; i++)
        {
            byte b = name[i];
            if (b is >= (byte)'A' and <= (byte)'Z') into[n++] = (byte)(b + 32);
            else if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' || b >= 0x80) into[n++] = b;
        }
        return n;
    }
}
