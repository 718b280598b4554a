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
    /// <summary>An <see cref="System.Int128"/> within the range a <see cref="decimal"/> holds exactly.</summary>
    public static bool Int128(ref Utf8JsonReader reader, LlmReadContext context, string expected, out Int128 value)
    {
        bool ok = Integer(ref reader, context, expected, decimal.MinValue, decimal.MaxValue, out var d);
        value = ok ? (Int128)d : default;
        return ok;
    }

    /// <summary>A <see cref="System.UInt128"/> within the range a <see cref="decimal"/> holds exactly.</summary>
    public static bool UInt128(ref Utf8JsonReader reader, LlmReadContext context, string expected, out UInt128 value)
    {
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
    /// Looks ahead for the discriminator member of the object that starts at <paramref name="probe"/> (a copy of the
    /// caller's reader, which stays where it is): matched exactly first, then ignoring case and separators. On success
    /// <paramref name="probe"/> is on its value, to be read with an <see cref="LlmEnumTable{TEnum}"/> or <see cref="Literal"/>.
    /// </summary>
    /// <returns>False when the object has no such member.</returns>
    public static bool FindMember(ref Utf8JsonReader probe, string jsonName) => FindMember(ref probe, jsonName, null);

    /// <summary>
    /// <see cref="FindMember(ref Utf8JsonReader, string)"/>, and when the object names the discriminator a second time
    /// (the same or an equivalent key) with a different value, an error at the current path: which derived type was
    /// meant would be a guess.
    /// </summary>
    public static bool FindMember(ref Utf8JsonReader probe, string jsonName, LlmReadContext? context)
    {
        if (probe.TokenType != JsonTokenType.StartObject) return false;
        byte[] wanted = Encoding.UTF8.GetBytes(jsonName);
        byte[] normalizedWanted = LlmMemberTable.Normalize(wanted);
        for (int pass = 0; pass < 2; pass++)
        {
            var scan = probe;
            while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
            {
                byte[] key = Encoding.UTF8.GetBytes(scan.GetString() ?? string.Empty);
                bool match = pass == 0
                    ? key.AsSpan().SequenceEqual(wanted)
                    : normalizedWanted.Length > 0 && LlmMemberTable.Normalize(key).AsSpan().SequenceEqual(normalizedWanted);
                scan.Read();
                if (match)
                {
                    probe = scan;
                    if (context is not null && HasConflictingRepeat(scan, wanted, normalizedWanted))
                    {
                        context.AddError("one value", "two different values for this member (duplicate or equivalent keys)");
                    }
                    return true;
                }
                LlmReadContext.Skip(ref scan);
            }
        }
        return false;
    }

    /// <summary>True when a later key equal to the discriminator's (exactly or ignoring case and separators) has a different value.</summary>
    private static bool HasConflictingRepeat(Utf8JsonReader scan, byte[] wanted, byte[] normalizedWanted)
    {
        string first = DiscriminatorText(ref scan);
        LlmReadContext.Skip(ref scan);
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            byte[] key = Encoding.UTF8.GetBytes(scan.GetString() ?? string.Empty);
            bool same = key.AsSpan().SequenceEqual(wanted) || (normalizedWanted.Length > 0 && LlmMemberTable.Normalize(key).AsSpan().SequenceEqual(normalizedWanted));
            scan.Read();
            if (same && !string.Equals(DiscriminatorText(ref scan), first, StringComparison.Ordinal)) return true;
            LlmReadContext.Skip(ref scan);
        }
        return false;
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
