using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace StructuredLlm.Json;

/// <summary>
/// Value readers called by generated code. Each reads the current token, applies only lossless coercions
/// (each recorded, and refused when the options disallow it), adds an error otherwise, and leaves the reader
/// on the last token of the value.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public static partial class LlmRead
{
    /// <summary>True when the current token is JSON null (generated code reads nullable members as null).</summary>
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>
    /// True when the current token is JSON null, or, for an optional value that is not text (a number, bool, enum,
    /// date, object or list), an empty string or the string <c>"null"</c> (any case, trimmed): such a string cannot
    /// be the value and says there is none, so it reads as null (<see cref="LlmRepairKind.NullFromString"/>).
    /// </summary>
    public static bool IsNullOrNoValue(ref Utf8JsonReader reader, LlmReadContext context)
    {
        if (reader.TokenType == JsonTokenType.Null) return true;
        return reader.TokenType == JsonTokenType.String && SaysNoValue(ref reader)
            && context.TryCoerce(LlmRepairKind.NullFromString, ref reader, "null");
    }

    // ------------------------------------------------------------------ strings

    /// <summary>A string; a number becomes its exact digits (<see cref="LlmRepairKind.StringFromNumber"/>).</summary>
    public static bool String(ref Utf8JsonReader reader, LlmReadContext context, string expected, out string value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    value = context.ReadString(ref reader);
                    return true;
                }
                catch (InvalidOperationException)
                {
                    break;
                }
            case JsonTokenType.Number:
                // The characters the model wrote: `+15550100` keeps its plus and `1001.` gets no invented digit, though
                // the repairer wrote them as the JSON numbers 15550100 and 1001.0.
                var digits = context.RewrittenNumber(ref reader) ?? Utf8Text.GetString(reader.ValueSpan);
                if (context.TryCoerce(LlmRepairKind.StringFromNumber, ref reader, LlmReadContext.Quote(digits)))
                {
                    value = digits;
                    return true;
                }
                break;
        }
        return FailOrSingle(ref reader, context, expected, String, out value);
    }

    // ------------------------------------------------------------------ integers

    /// <summary>An <see cref="int"/>.</summary>
    public static bool Int32(ref Utf8JsonReader reader, LlmReadContext context, string expected, out int value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value)) return true;
        bool ok = Integer(ref reader, context, expected, int.MinValue, int.MaxValue, out var d);
        value = ok ? (int)d : 0;
        return ok;
    }

    /// <summary>A <see cref="long"/>.</summary>
    public static bool Int64(ref Utf8JsonReader reader, LlmReadContext context, string expected, out long value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value)) return true;
        bool ok = Integer(ref reader, context, expected, long.MinValue, long.MaxValue, out var d);
        value = ok ? (long)d : 0;
        return ok;
    }

    /// <summary>A <see cref="short"/>.</summary>
    public static bool Int16(ref Utf8JsonReader reader, LlmReadContext context, string expected, out short value)
    {
        bool ok = Integer(ref reader, context, expected, short.MinValue, short.MaxValue, out var d);
        value = ok ? (short)d : (short)0;
        return ok;
    }

    /// <summary>An <see cref="sbyte"/>.</summary>
    public static bool SByte(ref Utf8JsonReader reader, LlmReadContext context, string expected, out sbyte value)
    {
        bool ok = Integer(ref reader, context, expected, sbyte.MinValue, sbyte.MaxValue, out var d);
        value = ok ? (sbyte)d : (sbyte)0;
        return ok;
    }

    /// <summary>A <see cref="byte"/>.</summary>
    public static bool Byte(ref Utf8JsonReader reader, LlmReadContext context, string expected, out byte value)
    {
        bool ok = Integer(ref reader, context, expected, byte.MinValue, byte.MaxValue, out var d);
        value = ok ? (byte)d : (byte)0;
        return ok;
    }

    /// <summary>A <see cref="ushort"/>.</summary>
    public static bool UInt16(ref Utf8JsonReader reader, LlmReadContext context, string expected, out ushort value)
    {
        bool ok = Integer(ref reader, context, expected, ushort.MinValue, ushort.MaxValue, out var d);
        value = ok ? (ushort)d : (ushort)0;
        return ok;
    }

    /// <summary>A <see cref="uint"/>.</summary>
    public static bool UInt32(ref Utf8JsonReader reader, LlmReadContext context, string expected, out uint value)
    {
        bool ok = Integer(ref reader, context, expected, uint.MinValue, uint.MaxValue, out var d);
        value = ok ? (uint)d : 0;
        return ok;
    }

    /// <summary>A <see cref="ulong"/>.</summary>
    public static bool UInt64(ref Utf8JsonReader reader, LlmReadContext context, string expected, out ulong value)
    {
        bool ok = Integer(ref reader, context, expected, ulong.MinValue, ulong.MaxValue, out var d);
        value = ok ? (ulong)d : 0;
        return ok;
    }

    private static bool Integer(ref Utf8JsonReader reader, LlmReadContext context, string expected, decimal min, decimal max, out decimal value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDecimal(out var d) || d < min || d > max || d != decimal.Truncate(d)) return Fail(ref reader, context, expected, out value);
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
            // A decimal keeps ~28 digits, so 3.0000000000000000000000000000001 and 1e-30 arrive here rounded to 3 and 0:
            // whether the number written is whole is decided from its text.
            if (!IsPlainInteger(raw) && (!JsonNumberText.IsWhole(raw)
                || !context.TryCoerce(LlmRepairKind.IntegerFromFloat, ref reader, decimal.Truncate(d).ToString(CultureInfo.InvariantCulture))))
            {
                return Fail(ref reader, context, expected, out value);
            }
            value = d;
            return true;
        }
        if (reader.TokenType == JsonTokenType.String && TryNumberFromString(ref reader, out var parsed) &&
            parsed >= min && parsed <= max && parsed == decimal.Truncate(parsed) &&
            context.TryCoerce(LlmRepairKind.NumberFromString, ref reader, decimal.Truncate(parsed).ToString(CultureInfo.InvariantCulture)))
        {
            value = parsed;
            return true;
        }
        if (EnterSingleElement(ref reader, context))
        {
            bool ok = Integer(ref reader, context, expected, min, max, out value);
            reader.Read(); // the array's end
            return ok;
        }
        return Fail(ref reader, context, expected, out value);
    }

    private static bool IsPlainInteger(ReadOnlySpan<byte> raw)
    {
        foreach (byte b in raw)
        {
            if (b is (byte)'.' or (byte)'e' or (byte)'E') return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ floating point and decimal

    /// <summary>A <see cref="double"/>; a numeric string is accepted (<c>"12.5"</c>), nothing with units, separators or symbols.</summary>
    public static bool Double(ref Utf8JsonReader reader, LlmReadContext context, string expected, out double value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value) && !double.IsInfinity(value)
            && (value != 0 || !HasNonZeroDigit(NumberText(ref reader))))
        {
            context.NoteNumber(ref reader); // for a range check on a bound the double rounded onto
            return true;
        }
        if (reader.TokenType == JsonTokenType.String && TryNumberTextFromString(ref reader, out var text) &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value) &&
            (value != 0 || !HasNonZeroDigit(text)) &&
            context.TryCoerce(LlmRepairKind.NumberFromString, ref reader, text))
        {
            context.NoteNumber(text);
            return true;
        }
        return FailOrSingle(ref reader, context, expected, Double, out value);
    }

    /// <summary>A <see cref="float"/>.</summary>
    public static bool Single(ref Utf8JsonReader reader, LlmReadContext context, string expected, out float value)
    {
        bool ok = Double(ref reader, context, expected, out var d);
        value = (float)d;
        // Too large or too small for a float (1e-50 would read as 0): not the number written.
        if (ok && (float.IsInfinity(value) || (value == 0 && d != 0)))
        {
            context.AddError(expected, ref reader);
            return false;
        }
        return ok;
    }

    /// <summary>A <see cref="decimal"/>.</summary>
    public static bool Decimal(ref Utf8JsonReader reader, LlmReadContext context, string expected, out decimal value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out value)
            && ((value != 0 && reader.ValueSpan.Length <= 28 && reader.ValueSpan.IndexOfAny((byte)'e', (byte)'E') < 0)
                || KeepsDigits(NumberText(ref reader), value))) return true;
        if (reader.TokenType == JsonTokenType.String && TryNumberFromString(ref reader, out value) &&
            context.TryCoerce(LlmRepairKind.NumberFromString, ref reader, value.ToString(CultureInfo.InvariantCulture)))
        {
            return true;
        }
        return FailOrSingle(ref reader, context, expected, Decimal, out value);
    }

    /// <summary>A number token's text (rarely needed: only to check a zero or a long decimal).</summary>
    private static string NumberText(ref Utf8JsonReader reader) =>
        Utf8Text.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    /// <summary>Whether a number's digits before its exponent hold anything but zeros (<c>1e-400</c> is not zero).</summary>
    private static bool HasNonZeroDigit(string text)
    {
        foreach (char c in text)
        {
            if (c is 'e' or 'E') break;
            if (c is >= '1' and <= '9') return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a decimal holds every significant digit written: more than its 28–29 digits would be rounded, and a value
    /// below its smallest step would read as zero.
    /// </summary>
    private static bool KeepsDigits(string text, decimal value) =>
        SignificantDigits(text.AsSpan()).SequenceEqual(SignificantDigits(value.ToString(CultureInfo.InvariantCulture).AsSpan()));

    /// <summary>The digits of a number's mantissa without its sign, point, leading and trailing zeros (<c>-0.0120e5</c> → <c>12</c>).</summary>
    private static ReadOnlySpan<char> SignificantDigits(ReadOnlySpan<char> text)
    {
        int e = text.IndexOfAny('e', 'E');
        if (e >= 0) text = text.Slice(0, e);
        var digits = new char[text.Length];
        int n = 0;
        foreach (char c in text)
        {
            if (c is >= '0' and <= '9' && (n > 0 || c != '0')) digits[n++] = c;
        }
        while (n > 0 && digits[n - 1] == '0') n--;
        return digits.AsSpan(0, n);
    }

    // ------------------------------------------------------------------ bool

    /// <summary>A <see cref="bool"/>; the strings <c>"true"</c>/<c>"false"</c> (any case, trimmed) are accepted, nothing else.</summary>
    public static bool Boolean(ref Utf8JsonReader reader, LlmReadContext context, string expected, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            case JsonTokenType.String:
                var s = SafeString(ref reader)?.Trim();
                if (string.Equals(s, "true", StringComparison.OrdinalIgnoreCase) && context.TryCoerce(LlmRepairKind.BoolFromString, ref reader, "true"))
                {
                    value = true;
                    return true;
                }
                if (string.Equals(s, "false", StringComparison.OrdinalIgnoreCase) && context.TryCoerce(LlmRepairKind.BoolFromString, ref reader, "false"))
                {
                    value = false;
                    return true;
                }
                break;
        }
        return FailOrSingle(ref reader, context, expected, Boolean, out value);
    }

    // ------------------------------------------------------------------ strings with a format

    /// <summary>A <see cref="Guid"/> string.</summary>
    public static bool Guid(ref Utf8JsonReader reader, LlmReadContext context, string expected, out Guid value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetGuid(out value)) return true;
            // {…}, (…) or 32 digits without hyphens: the same 128 bits
            var s = SafeString(ref reader);
            if (s is not null && (System.Guid.TryParseExact(s, "B", out value) || System.Guid.TryParseExact(s, "P", out value) || System.Guid.TryParseExact(s, "N", out value))
                && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, LlmReadContext.Quote(value.ToString("D"))))
            {
                return true;
            }
        }
        return FailOrSingle(ref reader, context, expected, Guid, out value);
    }

    /// <summary>An ISO 8601 <see cref="DateTime"/> string.</summary>
    public static bool DateTime(ref Utf8JsonReader reader, LlmReadContext context, string expected, out DateTime value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTime(out value) && HasTime(IsoText(ref reader), out bool offset))
            {
                // System.Text.Json turns a time with an offset into the server's local time, a clock time that differs
                // from server to server; the same instant in UTC does not.
                if (offset && value.Kind == DateTimeKind.Local && reader.TryGetDateTimeOffset(out var instant))
                {
                    value = instant.UtcDateTime;
                }

                return true;
            }
            if (AsIsoDateTime(ref reader) is { } iso && !FractionTooLong(iso))
            {
                var r = new Utf8JsonReader(iso);
                r.Read();
                if (r.TryGetDateTime(out value) && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, Utf8Text.GetString(iso))) return true;
            }
            // A month by its English name, or the year first with slashes, and a time: one instant as written (no offset,
            // as an ISO text without one).
            if (SafeString(ref reader)?.Trim() is { } written && WithoutOrdinal(written) is { } words
                && System.DateTime.TryParseExact(words, OtherDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, LlmReadContext.Quote(value.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture))))
            {
                return true;
            }
            // An HTTP date names its offset (GMT): that instant in UTC, as an ISO text with an offset reads.
            if (TryHttpDate(ref reader, out var http)
                && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, LlmReadContext.Quote(http.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))))
            {
                value = http.UtcDateTime;
                return true;
            }
        }
        return FailOrSingle(ref reader, context, expected, DateTime, out value);
    }

    /// <summary>An ISO 8601 <see cref="DateTimeOffset"/> string.</summary>
    public static bool DateTimeOffset(ref Utf8JsonReader reader, LlmReadContext context, string expected, out DateTimeOffset value)
    {
        // System.Text.Json reads a missing offset as the machine's local one, and a date alone as its midnight: both
        // would be a value the model never wrote, different on every server, so an offset and a time are required.
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out value) && HasTime(IsoText(ref reader), out bool offset) && offset) return true;
            if (AsIsoDateTime(ref reader) is { } iso && HasTime(iso.AsSpan(1, iso.Length - 2), out offset) && offset && !FractionTooLong(iso))
            {
                var r = new Utf8JsonReader(iso);
                r.Read();
                if (r.TryGetDateTimeOffset(out value) && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, Utf8Text.GetString(iso))) return true;
            }
            if (TryHttpDate(ref reader, out value)
                && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, LlmReadContext.Quote(value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))))
            {
                return true;
            }
        }
        return FailOrSingle(ref reader, context, expected, DateTimeOffset, out value);
    }

    /// <summary>
    /// An HTTP (RFC 1123) date, <c>Wed, 05 Mar 2025 09:00:00 GMT</c>, as HTTP headers, cookies and RSS write it: one
    /// instant at offset zero. Its weekday is checked against the date (a wrong one fails, as in the other forms).
    /// </summary>
    private static bool TryHttpDate(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        var s = SafeString(ref reader)?.Trim();
        return s is { Length: >= 28 } && (s.EndsWith(" GMT", StringComparison.Ordinal) || s.EndsWith(" UTC", StringComparison.Ordinal))
            && System.DateTimeOffset.TryParseExact(s, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static readonly string[] HttpDateFormats =
    {
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss 'UTC'", "ddd, d MMM yyyy HH:mm:ss 'UTC'",
    };

    /// <summary>
    /// A date-time in a form that names exactly one instant but that System.Text.Json does not read, as a quoted ISO 8601
    /// JSON string: a space where ISO 8601 has its <c>T</c> (<c>2025-03-01 10:00:00Z</c>, as SQL and many logs write it),
    /// an offset without its colon (<c>+0200</c>, as <c>strftime("%z")</c> writes it), and RFC 3339's lower-case <c>t</c> and
    /// <c>z</c>; null for any other text.
    /// </summary>
    private static byte[]? AsIsoDateTime(ref Utf8JsonReader reader)
    {
        var text = IsoText(ref reader);
        if (text.Length < 16 || text[10] is not ((byte)' ' or (byte)'T' or (byte)'t') || text[4] != (byte)'-' || text[7] != (byte)'-'
            || text[13] != (byte)':' || !IsDigit(text[11]) || !IsDigit(text[12]))
        {
            return null;
        }
        // RFC 3339 allows a lower-case `t` and `z`, which System.Text.Json does not read
        bool lowerZ = text[text.Length - 1] == (byte)'z';
        bool changed = text[10] is (byte)' ' or (byte)'t' || lowerZ;
        int sign = text.Slice(11).IndexOfAny((byte)'+', (byte)'-');
        int offsetDigits = 0; // 4 when the offset is ±hhmm
        if (sign >= 0)
        {
            sign += 11;
            var digits = text.Slice(sign + 1);
            bool allDigits = true;
            foreach (byte d in digits) allDigits &= IsDigit(d);
            if (allDigits && digits.Length == 4)
            {
                offsetDigits = digits.Length;
                changed = true;
            }
        }
        if (!changed) return null;

        int end = offsetDigits == 0 ? text.Length : sign + 1;
        var quoted = new byte[end + 2 + offsetDigits + (offsetDigits == 0 ? 0 : 1)];
        quoted[0] = (byte)'"';
        text.Slice(0, end).CopyTo(quoted.AsSpan(1));
        quoted[11] = (byte)'T';
        if (lowerZ) quoted[end] = (byte)'Z';
        if (offsetDigits > 0)
        {
            int o = end + 1;
            quoted[o] = text[sign + 1];
            quoted[o + 1] = text[sign + 2];
            quoted[o + 2] = (byte)':';
            quoted[o + 3] = text[sign + 3];
            quoted[o + 4] = text[sign + 4];
        }
        quoted[quoted.Length - 1] = (byte)'"';
        return quoted;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static ReadOnlySpan<byte> IsoText(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    /// <summary>
    /// True when an ISO 8601 text that parsed as a date-time has a time part (<c>yyyy-MM-ddThh:mm…</c>), not a date
    /// alone (whose midnight would be invented); <paramref name="offset"/> tells whether it ends in <c>Z</c> or
    /// <c>±hh:mm</c>.
    /// </summary>
    private static bool HasTime(ReadOnlySpan<byte> text, out bool offset)
    {
        offset = false;
        if (text.Length <= 11 || text[10] is not ((byte)'T' or (byte)'t') || FractionTooLong(text)) return false;
        var time = text.Slice(11);
        offset = time[time.Length - 1] is (byte)'Z' or (byte)'z' || time.IndexOfAny((byte)'+', (byte)'-') >= 0;
        return true;
    }

    /// <summary>
    /// More than seven digits of a second (<c>10:00:00.123456789</c>): System.Text.Json reads the first seven (ticks) and
    /// drops the rest, a value other than the one written, so such a date-time is refused, as such a duration is.
    /// </summary>
    private static bool FractionTooLong(ReadOnlySpan<byte> text)
    {
        int dot = text.IndexOf((byte)'.');
        if (dot < 0) return false;
        int digits = 0;
        for (int i = dot + 1; i < text.Length && IsDigit(text[i]); i++) digits++;
        return digits > 7;
    }

    /// <summary>
    /// A <see cref="TimeSpan"/> string in the constant format (<c>[-][d.]hh:mm:ss[.fffffff]</c>), hours, minutes and seconds
    /// all written: the format's shorter forms read <c>"90"</c> as 90 days and <c>"1:30"</c> as an hour and a half, where
    /// a model may have meant minutes or seconds.
    /// </summary>
    public static bool TimeSpan(ref Utf8JsonReader reader, LlmReadContext context, string expected, out TimeSpan value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var s = SafeString(ref reader);
            if (HasHoursMinutesSeconds(s) && System.TimeSpan.TryParseExact(s, "c", CultureInfo.InvariantCulture, out value)) return true;
            if ((TryParseIsoDuration(s, out value) || TryParseWordDuration(s, out value))
                && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, LlmReadContext.Quote(value.ToString("c", CultureInfo.InvariantCulture))))
            {
                return true;
            }
        }
        return FailOrSingle(ref reader, context, expected, TimeSpan, out value);
    }

    private static bool HasHoursMinutesSeconds(string? text)
    {
        int colons = 0;
        foreach (char c in text ?? "") colons += c == ':' ? 1 : 0;
        return colons == 2;
    }

    /// <summary>
    /// A duration in words (<c>30 minutes</c>, <c>1 hour 30 min</c>, <c>1.5 hours</c>, <c>2h 15m</c>, <c>3 days</c>): numbers
    /// each followed by a unit of fixed length (weeks, days, hours, minutes, seconds, milliseconds), each unit once, joined by
    /// spaces, commas or "and". Months and years (whose length varies), a number without a unit, a unit without a number,
    /// and a fraction that is not a whole number of ticks are refused.
    /// </summary>
    internal static bool TryParseWordDuration(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null) return false;
        int i = 0, n = text.Length;
        long ticks = 0;
        int seen = 0; // one bit per unit
        bool any = false;
        while (true)
        {
            while (i < n && (text[i] is ' ' or ',' || (text[i] == 'a' && i + 3 <= n && string.CompareOrdinal(text, i, "and", 0, 3) == 0 && (i + 3 == n || text[i + 3] == ' ')))) i += text[i] == 'a' ? 3 : 1;
            if (i >= n) break;
            int numberStart = i;
            while (i < n && (text[i] is >= '0' and <= '9' || text[i] == '.')) i++;
            if (i == numberStart || i - numberStart > 12
                || !decimal.TryParse(text.Substring(numberStart, i - numberStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }
            while (i < n && text[i] == ' ') i++;
            int unitStart = i;
            while (i < n && char.IsLetter(text[i])) i++;
            long unitTicks;
            int bit;
            switch (text.Substring(unitStart, i - unitStart).ToLowerInvariant())
            {
                case "w" or "wk" or "wks" or "week" or "weeks": unitTicks = System.TimeSpan.TicksPerDay * 7; bit = 1; break;
                case "d" or "day" or "days": unitTicks = System.TimeSpan.TicksPerDay; bit = 2; break;
                case "h" or "hr" or "hrs" or "hour" or "hours": unitTicks = System.TimeSpan.TicksPerHour; bit = 4; break;
                case "m" or "min" or "mins" or "minute" or "minutes": unitTicks = System.TimeSpan.TicksPerMinute; bit = 8; break;
                case "s" or "sec" or "secs" or "second" or "seconds": unitTicks = System.TimeSpan.TicksPerSecond; bit = 16; break;
                case "ms" or "msec" or "millisecond" or "milliseconds": unitTicks = System.TimeSpan.TicksPerMillisecond; bit = 32; break;
                default: return false;
            }
            if ((seen & bit) != 0) return false;
            seen |= bit;
            decimal part = amount * unitTicks;
            if (part != decimal.Truncate(part) || part > long.MaxValue - ticks) return false;
            ticks += (long)part;
            any = true;
        }
        if (!any) return false;
        value = new TimeSpan(ticks);
        return true;
    }

    /// <summary>
    /// An ISO 8601 duration of weeks, days, hours, minutes and seconds (<c>PT1H30M</c>, <c>P2DT4H</c>, <c>PT0.5S</c>,
    /// <c>-PT5M</c>). Years and months are refused (their length depends on the calendar), and so are a fraction on any
    /// unit but seconds, more than seven fractional digits, units out of order and an empty <c>P</c> or <c>T</c>.
    /// </summary>
    internal static bool TryParseIsoDuration(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null) return false;
        int i = 0, n = text.Length;
        bool negative = i < n && text[i] == '-';
        if (negative) i++;
        if (i >= n || text[i] != 'P') return false;
        i++;
        bool inTime = false;
        int lastRank = -1;
        long ticks = 0;
        try
        {
            while (i < n)
            {
                if (text[i] == 'T')
                {
                    if (inTime || i + 1 >= n) return false;
                    inTime = true;
                    i++;
                    continue;
                }
                int digitsStart = i;
                while (i < n && text[i] is >= '0' and <= '9') i++;
                if (i == digitsStart || i - digitsStart > 12) return false;
                long whole = long.Parse(text.Substring(digitsStart, i - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture);
                long fraction = 0;
                bool hasFraction = i < n && text[i] is '.' or ',';
                if (hasFraction)
                {
                    int fractionStart = ++i;
                    while (i < n && text[i] is >= '0' and <= '9') i++;
                    int digits = i - fractionStart;
                    if (digits is 0 or > 7) return false;
                    fraction = long.Parse(text.Substring(fractionStart, digits), NumberStyles.None, CultureInfo.InvariantCulture);
                    for (int k = digits; k < 7; k++) fraction *= 10;
                }
                if (i >= n) return false;
                char unit = text[i++];
                int rank;
                long unitTicks;
                switch (unit)
                {
                    case 'W' when !inTime: rank = 0; unitTicks = System.TimeSpan.TicksPerDay * 7; break;
                    case 'D' when !inTime: rank = 1; unitTicks = System.TimeSpan.TicksPerDay; break;
                    case 'H' when inTime: rank = 2; unitTicks = System.TimeSpan.TicksPerHour; break;
                    case 'M' when inTime: rank = 3; unitTicks = System.TimeSpan.TicksPerMinute; break;
                    case 'S' when inTime: rank = 4; unitTicks = System.TimeSpan.TicksPerSecond; break;
                    default: return false; // Y, M before T: a calendar length
                }
                if (rank <= lastRank || (hasFraction && unit != 'S')) return false;
                lastRank = rank;
                ticks = checked(ticks + whole * unitTicks + fraction);
            }
        }
        catch (OverflowException)
        {
            return false;
        }
        if (lastRank < 0 || (inTime && lastRank < 2)) return false;
        value = System.TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>
    /// Bytes as a base64 string (<c>"AQID"</c>), as System.Text.Json reads a <c>byte[]</c>; an array of numbers is refused,
    /// as it refuses one.
    /// </summary>
    public static bool Bytes(ref Utf8JsonReader reader, LlmReadContext context, string expected, out byte[] value)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out byte[]? bytes) && bytes is not null)
        {
            value = bytes;
            return true;
        }

        return FailOrSingle(ref reader, context, expected, Bytes, out value);
    }

    /// <summary>
    /// An absolute <see cref="System.Uri"/> string, written with its scheme. A path (<c>/c/123</c>, <c>C:\docs\a.pdf</c>,
    /// <c>\\server\share</c>) is no absolute URI, although <see cref="System.Uri"/> reads it as a <c>file:</c> one: taking it
    /// would give a link the model never wrote (a relative link read as a file on the server's disk).
    /// </summary>
    public static bool Uri(ref Utf8JsonReader reader, LlmReadContext context, string expected, out Uri value)
    {
        if (reader.TokenType == JsonTokenType.String && SafeString(ref reader) is { } text
            && System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && WritesScheme(text, uri.Scheme))
        {
            value = uri;
            return true;
        }
        value = null!;
        return Fail<object?>(ref reader, context, expected, out _);
    }

    /// <summary>Whether <paramref name="text"/> starts (after spaces) with <paramref name="scheme"/> and a colon, as RFC 3986 writes an absolute URI.</summary>
    private static bool WritesScheme(string text, string scheme)
    {
        string trimmed = text.TrimStart();
        return trimmed.Length > scheme.Length && trimmed[scheme.Length] == ':'
            && string.Compare(trimmed, 0, scheme, 0, scheme.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>
    /// A date written with an English ordinal day (<c>March 31st, 2025</c>, <c>1st March 2025</c>) without its suffix, when
    /// the suffix is the day's own (<c>31nd</c> is left as written, and refused); the text as written otherwise.
    /// </summary>
    internal static string WithoutOrdinal(string text)
    {
        for (int i = 1; i + 1 < text.Length; i++)
        {
            if (!IsAsciiDigit(text[i - 1]) || !char.IsLetter(text[i]) || (i + 2 < text.Length && char.IsLetter(text[i + 2])))
            {
                continue;
            }

            int start = i - 1;
            while (start > 0 && IsAsciiDigit(text[start - 1])) start--;
            int digits = i - start;
            if (digits > 2 || (start > 0 && char.IsLetterOrDigit(text[start - 1]))) continue;
            int day = digits == 1 ? text[start] - '0' : ((text[start] - '0') * 10) + (text[start + 1] - '0');
            string suffix = (day % 100) is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
            if (string.Compare(text, i, suffix, 0, 2, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return text.Remove(i, 2);
            }
        }

        return text;
    }

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Date-times with an English month name or the year first, and a time (see <see cref="DateTime"/>).</summary>
    private static readonly string[] OtherDateTimeFormats =
    {
        "MMMM d, yyyy HH:mm", "MMMM d, yyyy HH:mm:ss", "MMMM d, yyyy h:mm tt", "MMMM d, yyyy h:mmtt",
        "MMM d, yyyy HH:mm", "MMM d, yyyy HH:mm:ss", "MMM d, yyyy h:mm tt", "d MMMM yyyy HH:mm", "d MMMM yyyy HH:mm:ss",
        "d MMM yyyy HH:mm", "yyyy/MM/dd HH:mm", "yyyy/MM/dd HH:mm:ss",
        "MMMM d, yyyy, h:mm tt", "MMM d, yyyy, h:mm tt", "MMMM d, yyyy, HH:mm", "MMM d, yyyy, HH:mm", "MMM. d, yyyy h:mm tt", "MMM. d, yyyy HH:mm",
        // the ISO date with a 12-hour clock (12:00 AM is midnight)
        "yyyy-MM-dd h:mm tt", "yyyy-MM-dd h:mm:ss tt", "yyyy-MM-dd h:mmtt", "yyyy-MM-dd h:mm:sstt",
    };

#if NET
    /// <summary>A <see cref="DateOnly"/> string (<c>yyyy-MM-dd</c>).</summary>
    public static bool DateOnly(ref Utf8JsonReader reader, LlmReadContext context, string expected, out DateOnly value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var s = SafeString(ref reader);
            if (System.DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return true;
            // A month by its English name, or the year first with another separator: one date whatever the reader's
            // locale (`01/03/2025` is not, and stays refused).
            if (s is not null && (System.DateOnly.TryParseExact(WithoutOrdinal(s.Trim()), OtherDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                    || IsMidnight(ref reader, out value))
                && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, LlmReadContext.Quote(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
            {
                return true;
            }
        }
        return FailOrSingle(ref reader, context, expected, DateOnly, out value);
    }

    /// <summary>
    /// A date written as an ISO 8601 date-time at midnight (<c>2025-03-31T00:00:00</c>, with <c>Z</c> or an offset; a space
    /// for the <c>T</c> and <c>+0200</c> as <see cref="AsIsoDateTime"/> reads them): the date as written, nothing lost.
    /// Any other time of day is refused (the time would be dropped).
    /// </summary>
    private static bool IsMidnight(ref Utf8JsonReader reader, out DateOnly value)
    {
        value = default;
        if (!(reader.TryGetDateTimeOffset(out var instant) && HasTime(IsoText(ref reader), out _)))
        {
            if (AsIsoDateTime(ref reader) is not { } iso || !HasTime(iso.AsSpan(1, iso.Length - 2), out _))
            {
                return false;
            }

            var normalized = new Utf8JsonReader(iso);
            normalized.Read();
            if (!normalized.TryGetDateTimeOffset(out instant)) return false;
        }

        if (instant.TimeOfDay != System.TimeSpan.Zero) return false;
        value = System.DateOnly.FromDateTime(instant.DateTime); // the clock date in the written offset
        return true;
    }

    private static readonly string[] OtherDateFormats =
    {
        "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "d MMMM, yyyy", "yyyy/MM/dd", "yyyy.MM.dd",
        // the ISO date with spaces around it or without its zeros, an abbreviated month with its period, and a weekday
        // (checked against the date: a wrong one fails)
        "yyyy-MM-dd", "yyyy-M-d", "MMM. d, yyyy", "dddd, MMMM d, yyyy", "ddd, MMM d, yyyy", "dddd, d MMMM yyyy", "dddd d MMMM yyyy",
        // `4th of March 2025` (its ordinal suffix checked and taken off first), and the date of an HTTP/RFC 1123 date
        // (`Tue, 04 Mar 2025`, its weekday checked)
        "d 'of' MMMM yyyy", "d 'of' MMMM, yyyy", "d 'of' MMM yyyy", "ddd, d MMM yyyy", "dddd, d MMM yyyy",
    };

    private static readonly string[] TimeFormats = { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" };
    private static readonly string[] OneDigitHourFormats = { "H:mm", "H:mm:ss", "H:mm:ss.FFFFFFF" };

    /// <summary>A 12-hour clock with AM/PM (<c>9:45 PM</c>, <c>9:45PM</c>, <c>11:05:30 am</c>): one time of day, as written.</summary>
    private static readonly string[] TwelveHourFormats = { "h:mm tt", "h:mmtt", "h:mm:ss tt", "h:mm:sstt", "hh:mm tt", "hh:mm:ss tt" };

    /// <summary>A <see cref="TimeOnly"/> string (<c>HH:mm</c>, <c>HH:mm:ss</c> or with fractions).</summary>
    public static bool TimeOnly(ref Utf8JsonReader reader, LlmReadContext context, string expected, out TimeOnly value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var s = SafeString(ref reader);
            if (System.TimeOnly.TryParseExact(s, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return true;
            // 9:45 is 09:45, 9:45 PM is 21:45
            if ((System.TimeOnly.TryParseExact(s, OneDigitHourFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                    || System.TimeOnly.TryParseExact(s?.Trim().ToUpperInvariant(), TwelveHourFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
                && context.TryCoerce(LlmRepairKind.FormatNormalized, ref reader, LlmReadContext.Quote(value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'))))
            {
                return true;
            }
        }
        return FailOrSingle(ref reader, context, expected, TimeOnly, out value);
    }
#endif

    // ------------------------------------------------------------------ collections

    /// <summary>
    /// A collection type of the user's (a class implementing <see cref="ICollection{T}"/> with a public parameterless
    /// constructor: <c>class Tags : List&lt;string&gt;</c>) created and filled with <paramref name="items"/> through
    /// <see cref="ICollection{T}.Add"/>, as System.Text.Json fills one.
    /// </summary>
    public static TCollection Fill<TCollection, T>(List<T> items)
        where TCollection : ICollection<T>, new()
    {
        var collection = new TCollection();
        foreach (T item in items)
        {
            collection.Add(item);
        }

        return collection;
    }

    /// <summary>A dictionary type of the user's (<see cref="IDictionary{TKey, TValue}"/> with string keys and a public parameterless constructor) filled with <paramref name="items"/>.</summary>
    public static TDictionary FillDictionary<TDictionary, T>(Dictionary<string, T> items)
        where TDictionary : IDictionary<string, T>, new()
    {
        var dictionary = new TDictionary();
        foreach (KeyValuePair<string, T> item in items)
        {
            dictionary.Add(item.Key, item.Value);
        }

        return dictionary;
    }

    /// <summary>
    /// A list: an array read element by element with <paramref name="readItem"/>; a single non-null value where
    /// a list is expected becomes a one-element list (<see cref="LlmRepairKind.ScalarToList"/>).
    /// </summary>
    public static bool List<T>(ref Utf8JsonReader reader, LlmReadContext context, string expected, LlmJsonReadFunc<T> readItem, out List<T> value)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            int errors = context.ErrorCount;
            int index = 0;
            var items = new ListBuilder<T>(new List<T>());
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                context.PushIndex(index++);
                if (context.IsIncompleteValue(ref reader))
                {
                    context.AddError("a complete value", "a value that was cut off or left out of the output");
                    LlmReadContext.Skip(ref reader);
                }
                else if (readItem(ref reader, context, out var item))
                {
                    items.Add(item);
                }
                context.PopPath();
            }
            value = items.ToList();
            return context.ErrorCount == errors;
        }
        value = new List<T>();
        if (reader.TokenType == JsonTokenType.String && DecodeJsonArray(ref reader) is { } decoded)
        {
            // "[\"a\",\"b\"]" is the array encoded a second time, not one item whose text is an array (wrapping it
            // would be a silently wrong one-element list): it is read from its decoded text, once. When that is not
            // allowed (strict mode, or a value already inside decoded text), say what was found.
            if (!context.CanDecode || !context.TryCoerce(LlmRepairKind.DoubleEncoded, ref reader, RepairSnippets.HeadTail(decoded)))
            {
                context.AddError(expected, "a string holding a JSON array, " + LlmReadContext.Describe(ref reader));
                return false;
            }
            return ReadDecodedList(decoded, context, expected, readItem, out value);
        }
        if (reader.TokenType == JsonTokenType.String && LooksLikeArray(ref reader))
        {
            // "[refund, urgent]", "['a', 'b']", "[\"a\", ..." : an array written as text that is not strict JSON. Taken as one
            // item it would be a silently wrong one-element list; decoding it would guess at its elements.
            context.AddError(expected, "a string holding an array that is not valid JSON, " + LlmReadContext.Describe(ref reader));
            return false;
        }
        if (reader.TokenType == JsonTokenType.String && SaysNoValue(ref reader))
        {
            // "", " " or "null" where a list is required: the model says there is none (an optional list reads it as null
            // before getting here); as one item it would be a list holding the word "null".
            context.AddError(expected, LlmReadContext.Describe(ref reader));
            return false;
        }
        if (reader.TokenType == JsonTokenType.String && IsNoItemPlaceholder(ref reader))
        {
            // "N/A", "none", "-" for a list: the model says there is no item. As one item it would be a list holding the
            // placeholder (tags ["N/A"]); as an empty list or null it would be a guess at what the model meant.
            context.AddError(expected, "a placeholder for no value, " + LlmReadContext.Describe(ref reader));
            return false;
        }
        if (reader.TokenType == JsonTokenType.String && ListsSeveral(ref reader))
        {
            // "Ana, Bo, Cy" for a list: three items written as one text. One item holding all three would be a silently
            // wrong list, and splitting it would guess where each item ends (a name or address may hold a comma).
            context.AddError(expected, "a string listing several items, " + LlmReadContext.Describe(ref reader));
            return false;
        }
        if (reader.TokenType != JsonTokenType.Null && reader.TokenType != JsonTokenType.EndArray &&
            context.TryCoerce(LlmRepairKind.ScalarToList, ref reader, "[" + LlmReadContext.Describe(ref reader) + "]"))
        {
            context.PushIndex(0);
            bool ok = readItem(ref reader, context, out var item);
            context.PopPath();
            if (ok) value.Add(item!);
            return ok;
        }
        return Fail<object?>(ref reader, context, expected, out _);
    }

    /// <summary>Whether the current string token is empty, blank or the word null (any case, trimmed): no value.</summary>
    private static bool SaysNoValue(ref Utf8JsonReader reader)
    {
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > 16) return false;
        var s = SafeString(ref reader)?.Trim();
        return s is not null && (s.Length == 0 || string.Equals(s, "null", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the current string token is a placeholder for no value (<c>N/A</c>, <c>n.a.</c>, <c>none</c>, <c>nil</c>, a dash; any case, trimmed).</summary>
    private static bool IsNoItemPlaceholder(ref Utf8JsonReader reader)
    {
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > 16) return false;
        var s = SafeString(ref reader)?.Trim();
        if (s is null) return false;
        foreach (var word in s_noItemPlaceholders)
        {
            if (string.Equals(s, word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static readonly string[] s_noItemPlaceholders = { "n/a", "n.a.", "none", "nil", "-", "--", "\u2013", "\u2014" };

    /// <summary>Whether the current string token's text separates several parts with commas, semicolons or lines (a comma between digits, as in 1,200, does not).</summary>
    private static bool ListsSeveral(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        for (int i = 0; i < raw.Length; i++)
        {
            byte c = raw[i];
            if (c == (byte)';' || c == (byte)'\n' || (c == (byte)'\\' && i + 1 < raw.Length && raw[i + 1] == (byte)'n')) return true;
            if (c == (byte)',' && !(i > 0 && i + 1 < raw.Length && IsAsciiDigit(raw[i - 1]) && IsAsciiDigit(raw[i + 1]))) return true;
        }
        return false;

        static bool IsAsciiDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
    }

    /// <summary>Whether the current string token's text starts, after spaces, with <c>[</c>.</summary>
    private static bool LooksLikeArray(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        int a = 0;
        while (a < raw.Length && raw[a] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') a++;
        return a < raw.Length && raw[a] == (byte)'[';
    }

    /// <summary>The current string token's text, trimmed and unescaped, when it is a complete strict JSON array; else null.</summary>
    private static byte[]? DecodeJsonArray(ref Utf8JsonReader reader) => DecodeJson(ref reader, (byte)'[', (byte)']', JsonTokenType.StartArray);

    /// <summary>
    /// An object written as a string holding its JSON (<c>"address": "{\"city\": \"Paris\"}"</c>), as tool-call arguments
    /// and some models encode nested objects: read from the decoded text, once, reported as <see cref="LlmRepairKind.DoubleEncoded"/>.
    /// Any other string is refused as the object reader would (generated readers call this for a string token).
    /// </summary>
    public static bool DecodedObject<T>(ref Utf8JsonReader reader, LlmReadContext context, string expected, LlmJsonReadFunc<T> read, out T value)
    {
        value = default!;
        var decoded = DecodeJson(ref reader, (byte)'{', (byte)'}', JsonTokenType.StartObject);
        if (decoded is null)
        {
            context.AddError(expected, ref reader);
            return false;
        }
        if (!context.CanDecode || !context.TryCoerce(LlmRepairKind.DoubleEncoded, ref reader, RepairSnippets.HeadTail(decoded)))
        {
            context.AddError(expected, "a string holding a JSON object, " + LlmReadContext.Describe(ref reader));
            return false;
        }
        return ReadDecoded(decoded, context, read, out value);
    }

    /// <summary>Reads <paramref name="decoded"/> (a value's text decoded from a string) with <paramref name="read"/>, positions and repairs marked as inside decoded text.</summary>
    private static unsafe bool ReadDecoded<T>(byte[] decoded, LlmReadContext context, LlmJsonReadFunc<T> read, out T value)
    {
        fixed (byte* p = decoded)
        {
            var saved = context.EnterDecoded(p, decoded.Length);
            try
            {
                var inner = new Utf8JsonReader(decoded, new JsonReaderOptions { MaxDepth = context.Options.MaxDepth });
                inner.Read();
                bool ok = read(ref inner, context, out var result);
                value = result!;
                return ok;
            }
            finally
            {
                context.ExitDecoded(saved);
            }
        }
    }

    /// <summary>The current string token's text, trimmed and unescaped, when it is one complete strict JSON value opening with <paramref name="open"/>; else null.</summary>
    private static byte[]? DecodeJson(ref Utf8JsonReader reader, byte open, byte close, JsonTokenType start)
    {
        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        int a = 0, b = raw.Length;
        while (a < b && raw[a] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') a++;
        while (b > a && raw[b - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') b--;
        if (b - a < 2 || raw[a] != open || raw[b - 1] != close) return null;
        // escaped text (the usual case: quotes inside a JSON string are written \") is unescaped first
        var text = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!.Trim()) : raw.Slice(a, b - a).ToArray();
        try
        {
            var inner = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 64 });
            if (!inner.Read() || inner.TokenType != start) return null;
            inner.Skip();
            return inner.Read() ? null : text; // nothing after the array
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool ReadDecodedList<T>(byte[] decoded, LlmReadContext context, string expected, LlmJsonReadFunc<T> readItem, out List<T> value) =>
        ReadDecoded(decoded, context, (ref Utf8JsonReader inner, LlmReadContext c, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out List<T> list) => List(ref inner, c, expected, readItem, out list), out value);

    /// <summary>
    /// An object read as a string-keyed dictionary. Its keys are data, kept as written (never matched like member names).
    /// A key written twice with the same JSON value (compared as a member's two keys are) is one entry, reported as
    /// <see cref="LlmRepairKind.DuplicateKey"/>; with another value it is refused. An object written as a string holding
    /// its JSON is read from the decoded text, once (<see cref="LlmRepairKind.DoubleEncoded"/>), as a nested record's is.
    /// </summary>
    public static bool Dictionary<T>(ref Utf8JsonReader reader, LlmReadContext context, string expected, LlmJsonReadFunc<T> readItem, out Dictionary<string, T> value)
    {
        value = new Dictionary<string, T>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.String && DecodeJson(ref reader, (byte)'{', (byte)'}', JsonTokenType.StartObject) is { } decoded)
        {
            if (!context.CanDecode || !context.TryCoerce(LlmRepairKind.DoubleEncoded, ref reader, RepairSnippets.HeadTail(decoded)))
            {
                context.AddError(expected, "a string holding a JSON object, " + LlmReadContext.Describe(ref reader));
                return false;
            }
            bool ok = ReadDecoded(decoded, context, (ref Utf8JsonReader inner, LlmReadContext c, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Dictionary<string, T> d) => Dictionary(ref inner, c, expected, readItem, out d), out var fromText);
            value = fromText ?? value;
            return ok;
        }
        if (reader.TokenType != JsonTokenType.StartObject) return Fail<object?>(ref reader, context, expected, out _);
        if (context.IsUnclosedObject(ref reader))
        {
            // Its entries are data, not members that may be absent: the end of the text may have cut some off.
            context.AddError(expected, "an object cut off before its end");
            LlmReadContext.Skip(ref reader);
            return false;
        }
        int errors = context.ErrorCount;
        var objectStart = reader;
        Dictionary<string, int>? firstStarts = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            context.PushProperty(key);
            if (value.ContainsKey(key))
            {
                // Where each key's first value starts, found in one pass over the object at the first repeat (a rare
                // path), so that many repeats cost no more than one.
                firstStarts ??= FirstValueStarts(objectStart);
                context.DuplicateEntry(ref reader, firstStarts.TryGetValue(key, out int first) ? first : -1);
            }
            else if (readItem(ref reader, context, out var item))
            {
                value[key] = item;
            }
            context.PopPath();
        }
        return context.ErrorCount == errors;
    }

    /// <summary>Where the value of each key's first entry starts, read from a copy of the reader on the object's start.</summary>
    private static Dictionary<string, int> FirstValueStarts(Utf8JsonReader probe)
    {
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            string key = probe.GetString()!;
            probe.Read();
            if (!starts.ContainsKey(key)) starts[key] = (int)probe.TokenStartIndex;
            LlmReadContext.Skip(ref probe);
        }
        return starts;
    }

    // ------------------------------------------------------------------ shared

    private delegate bool ScalarReader<T>(ref Utf8JsonReader reader, LlmReadContext context, string expected, out T value);

    /// <summary>
    /// The failure path of a scalar reader: a one-element array around a scalar (<c>["Billing"]</c>, <c>[3]</c>) is that
    /// scalar, read with <paramref name="read"/> and reported (<see cref="LlmRepairKind.ListToScalar"/>); anything else is
    /// an error.
    /// </summary>
    private static bool FailOrSingle<T>(ref Utf8JsonReader reader, LlmReadContext context, string expected, ScalarReader<T> read, out T value)
    {
        if (EnterSingleElement(ref reader, context))
        {
            bool ok = read(ref reader, context, expected, out value);
            reader.Read(); // the array's end
            return ok;
        }
        return Fail(ref reader, context, expected, out value);
    }

    /// <summary>
    /// On an array holding exactly one complete scalar (not an object, an array or null): records
    /// <see cref="LlmRepairKind.ListToScalar"/> and moves to the element. False, with the reader unmoved, otherwise or
    /// when the options do not allow the kind. Two elements are refused: which one was meant would be a guess.
    /// </summary>
    internal static bool EnterSingleElement(ref Utf8JsonReader reader, LlmReadContext context)
    {
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        var probe = reader;
        if (!probe.Read() || probe.TokenType is not (JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False)
            || context.IsIncompleteValue(ref probe))
        {
            return false;
        }
        string element = LlmReadContext.Describe(ref probe);
        if (!probe.Read() || probe.TokenType != JsonTokenType.EndArray || !context.TryCoerce(LlmRepairKind.ListToScalar, ref reader, element))
        {
            return false;
        }
        reader.Read();
        return true;
    }

    private static bool Fail<T>(ref Utf8JsonReader reader, LlmReadContext context, string expected, out T value)
    {
        value = default!;
        context.AddError(expected, ref reader);
        LlmReadContext.Skip(ref reader);
        return false;
    }

    private static string? SafeString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A numeric string's value as a decimal, when the decimal holds every digit written (see <see cref="KeepsDigits"/>).</summary>
    private static bool TryNumberFromString(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        return TryNumberTextFromString(ref reader, out var text) &&
               decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value) &&
               KeepsDigits(text, value);
    }

    /// <summary>The trimmed string when it is exactly a JSON number: no unit, currency, percent, thousands separator, plus sign or leading zero.</summary>
    private static bool TryNumberTextFromString(ref Utf8JsonReader reader, out string text)
    {
        text = SafeString(ref reader)?.Trim() ?? string.Empty;
        return IsJsonNumber(text);
    }

    internal static bool IsJsonNumber(string s)
    {
        int i = 0, n = s.Length;
        if (i < n && s[i] == '-') i++;
        if (i >= n) return false;
        if (s[i] == '0')
        {
            i++;
        }
        else if (s[i] is >= '1' and <= '9')
        {
            while (i < n && s[i] is >= '0' and <= '9') i++;
        }
        else
        {
            return false;
        }
        if (i < n && s[i] == '.')
        {
            i++;
            int d = i;
            while (i < n && s[i] is >= '0' and <= '9') i++;
            if (i == d) return false;
        }
        if (i < n && s[i] is 'e' or 'E')
        {
            i++;
            if (i < n && s[i] is '+' or '-') i++;
            int d = i;
            while (i < n && s[i] is >= '0' and <= '9') i++;
            if (i == d) return false;
        }
        return i == n;
    }

    /// <summary>
    /// Collects list items: the first <see cref="InlineLimit"/> in the list itself, the rest in pooled arrays, so a
    /// long list is built once at its exact size instead of through repeated doubling (whose discarded arrays, large-
    /// object-heap ones past ~10,000 references, drove the garbage collections that made clean 1 MB inputs slower
    /// per byte than small ones).
    /// </summary>
    private struct ListBuilder<T>
    {
        private const int InlineLimit = 64;
        private readonly List<T> _list;
        private T[]? _spill;
        private int _spillCount;

        public ListBuilder(List<T> list)
        {
            _list = list;
            _spill = null;
            _spillCount = 0;
        }

        public void Add(T item)
        {
            if (_spill is null)
            {
                if (_list.Count < InlineLimit)
                {
                    _list.Add(item);
                    return;
                }
                _spill = System.Buffers.ArrayPool<T>.Shared.Rent(InlineLimit * 2);
            }
            else if (_spillCount == _spill.Length)
            {
                var bigger = System.Buffers.ArrayPool<T>.Shared.Rent(_spill.Length * 2);
                Array.Copy(_spill, bigger, _spillCount);
                Return(_spill, _spillCount);
                _spill = bigger;
            }
            _spill[_spillCount++] = item;
        }

        public List<T> ToList()
        {
            if (_spill is null) return _list;
            var all = new List<T>(_list.Count + _spillCount);
            all.AddRange(_list);
            all.AddRange(new ArraySegment<T>(_spill, 0, _spillCount));
            Return(_spill, _spillCount);
            _spill = null;
            return all;
        }

        private static void Return(T[] array, int count)
        {
            Array.Clear(array, 0, count); // no references kept alive by the pool
            System.Buffers.ArrayPool<T>.Shared.Return(array);
        }
    }
}
