using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace StructuredLlm.Json;

/// <summary>
/// Reads an enum written as a string: exact JSON names first, then names or aliases after trimming and ignoring
/// case and separators. Numbers and unknown names are refused. Built once per enum by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class LlmEnumTable<TEnum> where TEnum : struct
{
    private readonly byte[][] _names;
    private readonly TEnum[] _values;
    private readonly byte[][] _normalized;
    private readonly int[] _normalizedIndex;
    private readonly string[] _jsonNames;
    private readonly byte[] _typeName;

    /// <summary>Creates the table.</summary>
    /// <param name="jsonNames">The names written in the schema.</param>
    /// <param name="values">The value for each name.</param>
    /// <param name="aliases">Extra accepted names, each as (alias, index into <paramref name="values"/>); may be null.</param>
    public LlmEnumTable(string[] jsonNames, TEnum[] values, IReadOnlyList<KeyValuePair<string, int>>? aliases = null)
    {
        if (jsonNames.Length != values.Length) throw new ArgumentException("names and values differ in length");
        _jsonNames = jsonNames;
        _values = values;
        _names = Array.ConvertAll(jsonNames, Encoding.UTF8.GetBytes);
        var normalized = new List<(byte[], int)>();
        void Add(string name, int index)
        {
            var n = LlmMemberTable.Normalize(Encoding.UTF8.GetBytes(name));
            int existing = normalized.FindIndex(x => x.Item1.AsSpan().SequenceEqual(n));
            if (existing < 0) normalized.Add((n, index));
            else if (normalized[existing].Item2 != index) normalized[existing] = (n, -1); // ambiguous: nobody gets it
        }
        for (int k = 0; k < jsonNames.Length; k++) Add(jsonNames[k], k);
        if (aliases is not null)
        {
            foreach (var a in aliases) Add(a.Key, a.Value);
        }
        _normalized = normalized.ConvertAll(x => x.Item1).ToArray();
        _normalizedIndex = normalized.ConvertAll(x => x.Item2).ToArray();
        Expected = "one of " + string.Join(", ", jsonNames);
        _typeName = LlmMemberTable.Normalize(Encoding.UTF8.GetBytes(typeof(TEnum).Name));
    }

    /// <summary><c>one of a, b, c</c>.</summary>
    public string Expected { get; }

    /// <summary>Reads the enum at the current token.</summary>
    public bool Read(ref Utf8JsonReader reader, LlmReadContext context, string? expected, out TEnum value) =>
        Read(ref reader, context, expected, out value, out _, unknownIsError: true);

    /// <summary>
    /// Reads the enum at the current token; a string that names no value returns false with <paramref name="unknown"/>
    /// set and no error, for a caller that has somewhere else to go (a polymorphic base's own branch).
    /// </summary>
    public bool Read(ref Utf8JsonReader reader, LlmReadContext context, string? expected, out TEnum value, out bool unknown) =>
        Read(ref reader, context, expected, out value, out unknown, unknownIsError: false);

    private bool Read(ref Utf8JsonReader reader, LlmReadContext context, string? expected, out TEnum value, out bool unknown, bool unknownIsError)
    {
        value = default;
        unknown = false;
        if (reader.TokenType != JsonTokenType.String)
        {
            if (LlmRead.EnterSingleElement(ref reader, context))
            {
                bool ok = Read(ref reader, context, expected, out value, out unknown, unknownIsError); // ["Billing"]: the one value
                reader.Read(); // the array's end
                return ok;
            }
            context.AddError(expected ?? Expected, ref reader);
            LlmReadContext.Skip(ref reader);
            return false;
        }
        var text = reader.ValueIsEscaped || reader.HasValueSequence ? Encoding.UTF8.GetBytes(reader.GetString() ?? "") : reader.ValueSpan;
        for (int k = 0; k < _names.Length; k++)
        {
            if (text.SequenceEqual(_names[k]))
            {
                value = _values[k];
                return true;
            }
        }
        int index = Match(text);
        if (index < 0)
        {
            // `Category.Billing`: the C# enum's own name as a qualifier names the same value.
            int dot = text.LastIndexOf((byte)'.');
            if (dot > 0 && NormalizedEquals(text.Slice(0, dot), _typeName)) index = Match(text.Slice(dot + 1));
        }
        if (index >= 0)
        {
            if (context.TryCoerce(LlmRepairKind.EnumNormalized, ref reader, _jsonNames[index]))
            {
                value = _values[index];
                return true;
            }
        }
        else if (!unknownIsError)
        {
            unknown = true;
            return false;
        }
        context.AddError(expected ?? Expected, ref reader);
        return false;
    }

    /// <summary>
    /// The value index whose name or alias equals <paramref name="text"/> ignoring case and separators, or -1. A value
    /// opening with a mark that negates or strikes it out (<c>!Billing</c>, <c>-Billing</c>, <c>~~Billing~~</c>,
    /// <c>- Billing</c>) names it only to say it is not the answer, so it matches nothing; emphasis and trailing
    /// punctuation (<c>**Billing**</c>, <c>(Billing)</c>, <c>Billing?!</c>) still match.
    /// </summary>
    private int Match(ReadOnlySpan<byte> text)
    {
        if (StartsNegated(text)) return -1;
        Span<byte> buffer = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        var n = buffer.Slice(0, LlmMemberTable.Normalize(text, buffer));
        if (n.Length == 0) return -1;
        for (int k = 0; k < _normalized.Length; k++)
        {
            if (n.SequenceEqual(_normalized[k])) return _normalizedIndex[k];
        }
        return -1;
    }

    private static bool StartsNegated(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') i++;
        if (i >= text.Length) return false;
        byte b = text[i];
        return b is (byte)'!' or (byte)'-' or (byte)'~'; // (¬ and − are not separators, so they never match anyway)
    }

    private static bool NormalizedEquals(ReadOnlySpan<byte> text, byte[] normalized)
    {
        Span<byte> buffer = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        return normalized.Length > 0 && buffer.Slice(0, LlmMemberTable.Normalize(text, buffer)).SequenceEqual(normalized);
    }
}
