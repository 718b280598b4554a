#nullable enable
using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StructuredLlm.Json;

// Readers that only generated code needs beyond the common scalars: char, the wide numeric types and the
// discriminator probe of polymorphic types.
public static partial class LlmRead
{
    /// <summary>A <see cref="char"/>: a string of exactly one UTF-16 character.</summary>
    public static bool Char(ref Utf8JsonReader reader, LlmReadContext context, string expected, out char value)
    {
        if (reader.TokenType == JsonTokenType.String && SafeString(ref reader) is { Length: 1 } s)
        {
            value = s[0];
            return true;
        }
        return Fail(ref reader, context, expected, out value);
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// An <see cref="System.Int128"/>: an integer token over its whole range; the coercions of the other integer types
    /// (<c>"5"</c>, <c>5.0</c>) within the range a <see cref="decimal"/> holds exactly.
    /// </summary>
    public static bool Int128(ref Utf8JsonReader reader, LlmReadContext context, string expected, out Int128 value)
    {
        if (reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence
            && System.Int128.TryParse(reader.ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        bool ok = Integer(ref reader, context, expected, decimal.MinValue, decimal.MaxValue, out var d);
        value = ok ? (Int128)d : default;
        return ok;
    }

    /// <summary>A <see cref="System.UInt128"/>, as <see cref="Int128(ref Utf8JsonReader, LlmReadContext, string, out System.Int128)"/> reads.</summary>
    public static bool UInt128(ref Utf8JsonReader reader, LlmReadContext context, string expected, out UInt128 value)
    {
        if (reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence
            && System.UInt128.TryParse(reader.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        bool ok = Integer(ref reader, context, expected, 0m, decimal.MaxValue, out var d);
        value = ok ? (UInt128)d : default;
        return ok;
    }

    /// <summary>A <see cref="System.Half"/>; values beyond its range are refused.</summary>
    public static bool Half(ref Utf8JsonReader reader, LlmReadContext context, string expected, out Half value)
    {
        bool ok = Double(ref reader, context, expected, out var d);
        value = (Half)d;
        if (ok && System.Half.IsInfinity(value))
        {
            context.AddError(expected, ref reader);
            return false;
        }
        return ok;
    }
#endif

    /// <summary>
    /// For a polymorphic object that has no discriminator: the derived type whose members name every key of the object
    /// (exactly, or ignoring case and separators), when exactly one of <paramref name="branches"/> does. A key no derived
    /// type has whose string value is one derived type's discriminator value (<c>"type": "circle"</c> for
    /// <c>"kind"</c>) names the discriminator under a drifted key: that type is chosen when it is the only one so named
    /// and its members name every other key. The choice is recorded as <see cref="LlmRepairKind.DiscriminatorInferred"/>
    /// at the current path (the discriminator's); no fit, several fits, an empty object or options that do not allow
    /// the kind give false, and the caller reports the missing discriminator. The derived type's own reader still checks
    /// every member (and reports the drifted key as unknown).
    /// </summary>
    /// <param name="reader">The reader on the object's start (a copy is scanned; the caller's reader does not move).</param>
    /// <param name="context">The read context.</param>
    /// <param name="discriminator">The discriminator's JSON name, for the repair record.</param>
    /// <param name="branches">Each derived type's member table, in branch order.</param>
    /// <param name="values">Each derived type's discriminator value as JSON text, in branch order.</param>
    /// <param name="branch">The branch that fits.</param>
    public static bool InferBranch(Utf8JsonReader reader, LlmReadContext context, string discriminator, LlmMemberTable[] branches, string[] values, out int branch)
    {
        branch = -1;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        var keys = new System.Collections.Generic.List<byte[]>();
        var stringValues = new System.Collections.Generic.List<string?>();
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                keys.Add(Encoding.UTF8.GetBytes(reader.GetString() ?? string.Empty));
                reader.Read();
                stringValues.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        if (keys.Count == 0) return false;
        int found = FitAll(branches, keys, skip: -1);
        string before = "no \"" + discriminator + "\"";
        if (found == -1)
        {
            // A drifted discriminator key: exactly one key, unknown to every derived type, whose value names one of them.
            int drifted = -1;
            for (int k = 0; k < keys.Count; k++)
            {
                if (stringValues[k] is not { } text || KnownToAny(branches, keys[k])) continue;
                int named = BranchNamed(values, text);
                if (named < 0) continue;
                if (drifted >= 0) return false; // two keys name a derived type: which one is the discriminator would be a guess
                drifted = k;
                found = named;
            }

            if (drifted < 0 || FitAll(new[] { branches[found] }, keys, skip: drifted) != 0) return false;
            before = "\"" + Encoding.UTF8.GetString(keys[drifted]) + "\": " + LlmReadContext.Quote(stringValues[drifted]!);
        }

        if (found < 0 || !context.TryRecord(LlmRepairKind.DiscriminatorInferred, context.Path, -1, before, "\"" + discriminator + "\": " + values[found]))
        {
            return false;
        }

        branch = found;
        return true;
    }

    /// <summary>The one branch whose members name every key but <paramref name="skip"/>; -1 for none, -2 for several.</summary>
    private static int FitAll(LlmMemberTable[] branches, System.Collections.Generic.List<byte[]> keys, int skip)
    {
        int found = -1;
        for (int b = 0; b < branches.Length; b++)
        {
            bool fits = true;
            for (int k = 0; k < keys.Count; k++)
            {
                if (k != skip && !branches[b].Knows(keys[k]))
                {
                    fits = false;
                    break;
                }
            }

            if (!fits) continue;
            if (found >= 0) return -2; // two derived types fit: which was meant would be a guess
            found = b;
        }

        return found;
    }

    private static bool KnownToAny(LlmMemberTable[] branches, byte[] key)
    {
        foreach (var table in branches)
        {
            if (table.Knows(key)) return true;
        }

        return false;
    }

    /// <summary>The branch whose discriminator value (JSON text) equals <paramref name="text"/> ignoring case and separators, or -1.</summary>
    private static int BranchNamed(string[] values, string text)
    {
        byte[] wanted = LlmMemberTable.Normalize(Encoding.UTF8.GetBytes(text.Trim()));
        if (wanted.Length == 0) return -1;
        int found = -1;
        for (int b = 0; b < values.Length; b++)
        {
            string value = values[b];
            if (value.Length < 2 || value[0] != '"') continue; // a numeric discriminator is never drifted text
            byte[] candidate = LlmMemberTable.Normalize(Encoding.UTF8.GetBytes(value.Substring(1, value.Length - 2)));
            if (!candidate.AsSpan().SequenceEqual(wanted)) continue;
            if (found >= 0) return -1;
            found = b;
        }

        return found;
    }

    /// <summary>
    /// Looks ahead for the discriminator member of the object that starts at <paramref name="probe"/> (a copy of the
    /// caller's reader, which stays where it is): an exact key first, else one equal ignoring case and separators. On
    /// success <paramref name="probe"/> is on its value, to be read with an <see cref="LlmEnumTable{TEnum}"/> or
    /// <see cref="Literal"/>. When the object names the discriminator more than once (the same or an equivalent key, in
    /// any order) with different values, an error is added at the current path: which derived type was meant would be a guess;
    /// with the same value, the repeat is recorded as <see cref="LlmRepairKind.DuplicateKey"/> (as a member's is).
    /// </summary>
    /// <returns>False when the object has no such member.</returns>
    public static bool FindMember(ref Utf8JsonReader probe, string jsonName, LlmReadContext context)
    {
        if (probe.TokenType != JsonTokenType.StartObject) return false;
        byte[] wanted = Encoding.UTF8.GetBytes(jsonName);
        byte[] normalizedWanted = LlmMemberTable.Normalize(wanted);
        Utf8JsonReader exact = default, loose = default, first = default, repeat = default;
        bool hasExact = false, hasLoose = false, conflict = false, repeated = false;
        string? firstValue = null;
        var scan = probe;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            byte[] key = Encoding.UTF8.GetBytes(scan.GetString() ?? string.Empty);
            bool isExact = key.AsSpan().SequenceEqual(wanted);
            bool isLoose = !isExact && normalizedWanted.Length > 0 && LlmMemberTable.Normalize(key).AsSpan().SequenceEqual(normalizedWanted);
            scan.Read();
            if (isExact || isLoose)
            {
                if (isExact && !hasExact)
                {
                    exact = scan;
                    hasExact = true;
                }
                else if (isLoose && !hasLoose)
                {
                    loose = scan;
                    hasLoose = true;
                }
                string value = DiscriminatorText(ref scan);
                conflict |= firstValue is not null && !string.Equals(value, firstValue, StringComparison.Ordinal);
                if (firstValue is null)
                {
                    first = scan; // described only if the member is repeated
                    firstValue = value;
                }
                else if (!repeated)
                {
                    repeat = scan;
                    repeated = true;
                }
            }
            LlmReadContext.Skip(ref scan);
        }
        if (!hasExact && !hasLoose) return false;
        probe = hasExact ? exact : loose;
        if (conflict) context.AddError("one value", "two different values for this member (duplicate or equivalent keys)");
        else if (repeated) context.RecordRepeat(ref repeat, LlmReadContext.Describe(ref first));
        return true;
    }

    /// <summary>A discriminator value as compared for repeats: strings ignoring case and separators (as they are matched), others as literals.</summary>
    private static string DiscriminatorText(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? Encoding.UTF8.GetString(LlmMemberTable.Normalize(Encoding.UTF8.GetBytes(SafeString(ref reader) ?? string.Empty)))
        : Literal(ref reader);

    /// <summary>The current scalar token as a JSON literal (<c>"circle"</c>, <c>1</c>, <c>true</c>), for discriminators that are not all strings.</summary>
    public static string Literal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => LlmReadContext.Quote(SafeString(ref reader) ?? string.Empty),
        JsonTokenType.Number => Utf8Text.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => LlmReadContext.Describe(ref reader),
    };

    internal static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
