using System;
using System.Text;

namespace StructuredLlm.Json;

internal static class Utf8Text
{
    /// <summary>
    /// The UTF-8 length of a whitespace character other than ASCII's at <paramref name="i"/> (no-break, Ogham, en/em and
    /// the other U+2000 spaces, narrow no-break, medium mathematical, ideographic; next line, line and paragraph
    /// separators; the Mongolian vowel separator, zero-width space and BOM), or 0.
    /// </summary>
    internal static int SpecialSpaceLength(ReadOnlySpan<byte> s, int i)
    {
        if ((uint)i >= (uint)s.Length) return 0;
        byte b = s[i];
        if (b < 0xC2) return 0;
        byte b1 = i + 1 < s.Length ? s[i + 1] : (byte)0, b2 = i + 2 < s.Length ? s[i + 2] : (byte)0;
        if (b == 0xC2 && b1 is 0xA0 or 0x85) return 2; // U+00A0, U+0085 (next line)
        if (b == 0xE1 && ((b1 == 0x9A && b2 == 0x80) || (b1 == 0xA0 && b2 == 0x8E))) return 3; // U+1680, U+180E
        if (b == 0xE2 && b1 == 0x80 && b2 is >= 0x80 and <= 0x8B or 0xA8 or 0xA9 or 0xAF) return 3; // U+2000..U+200B, U+2028, U+2029, U+202F
        if (b == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3; // U+205F
        if (b == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3; // U+3000
        if (b == 0xEF && b1 == 0xBB && b2 == 0xBF) return 3; // U+FEFF
        return 0;
    }

    /// <summary>
    /// The length of the run at the start of <paramref name="s"/> that holds no byte a string's repair looks at: a control
    /// character, <c>"</c>, <c>'</c>, <c>`</c>, a backslash, or 0xC2 / 0xE2 (the lead bytes of <c>´</c> and the typographic
    /// quotes). The whole length when there is none.
    /// </summary>
    internal static int PlainStringRun(ReadOnlySpan<byte> s)
    {
#if NET8_0_OR_GREATER
        int k = s.IndexOfAny(StringSpecials);
        return k < 0 ? s.Length : k;
#else
        for (int k = 0; k < s.Length; k++)
        {
            byte b = s[k];
            if (b < 0x20 || b is (byte)'"' or (byte)'\'' or (byte)'`' or (byte)'\\' or 0xC2 or 0xE2) return k;
        }
        return s.Length;
#endif
    }

#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<byte> StringSpecials = System.Buffers.SearchValues.Create(
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
        (byte)'"', (byte)'\'', (byte)'`', (byte)'\\', 0xC2, 0xE2,
    ]);
#endif

    /// <summary>The index of the first <c>{ } [ ] "</c> or backslash in <paramref name="s"/>, or -1.</summary>
    internal static int IndexOfBracketOrQuote(ReadOnlySpan<byte> s)
    {
#if NET8_0_OR_GREATER
        return s.IndexOfAny(BracketsAndQuote);
#else
        for (int k = 0; k < s.Length; k++)
        {
            if (s[k] is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)'"' or (byte)'\\') return k;
        }
        return -1;
#endif
    }

#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<byte> BracketsAndQuote = System.Buffers.SearchValues.Create("{}[]\"\\"u8);
#endif

    /// <summary>True when every byte is ASCII (so byte offsets are char offsets).</summary>
    internal static bool IsAscii(ReadOnlySpan<byte> s)
    {
#if NET8_0_OR_GREATER
        return System.Text.Ascii.IsValid(s);
#else
        foreach (byte b in s)
        {
            if (b >= 0x80) return false;
        }
        return true;
#endif
    }

    public static readonly UTF8Encoding Strict = new(false, false);

    public static unsafe string GetString(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return string.Empty;
#if NET
        return Encoding.UTF8.GetString(bytes);
#else
        fixed (byte* p = bytes) return Encoding.UTF8.GetString(p, bytes.Length);
#endif
    }

    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="chars"/> (at least one char per byte long); returns the chars written.</summary>
    public static unsafe int Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (bytes.IsEmpty) return 0;
#if NET
        return Encoding.UTF8.GetChars(bytes, chars);
#else
        fixed (byte* b = bytes)
        fixed (char* c = chars)
        {
            return Encoding.UTF8.GetChars(b, bytes.Length, c, chars.Length);
        }
#endif
    }

    public static byte[] GetBytes(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>
    /// Encodes <paramref name="text"/> into <paramref name="into"/> (at least <c>GetMaxByteCount(text.Length)</c> long). A
    /// lone surrogate, which no UTF-8 can hold, becomes the invalid byte 0xFF instead of U+FFFD: a string value holding
    /// it is then refused as invalid text, as it is in UTF-8 input, rather than read with a replacement character; and
    /// one byte for one char keeps positions mapped back to the text exact.
    /// </summary>
    public static int GetBytesMarkingLoneSurrogates(string text, byte[] into)
    {
#if NET
        int written = 0;
        var source = text.AsSpan();
        while (true)
        {
            var status = System.Text.Unicode.Utf8.FromUtf16(source, into.AsSpan(written), out int read, out int wrote, replaceInvalidSequences: false);
            written += wrote;
            if (status != System.Buffers.OperationStatus.InvalidData) return written;
            into[written++] = 0xFF; // the lone surrogate at source[read]
            source = source.Slice(read + 1);
        }
#else
        int written = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            written += Encoding.UTF8.GetBytes(text, start, i - start, into, written);
            into[written++] = 0xFF;
            start = i + 1;
        }

        return written + Encoding.UTF8.GetBytes(text, start, text.Length - start, into, written);
#endif
    }

    /// <summary>Char count of the UTF-8 prefix: maps a byte offset to a char offset.</summary>
    public static unsafe int CharCount(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return 0;
#if NET
        return Encoding.UTF8.GetCharCount(bytes);
#else
        fixed (byte* p = bytes) return Encoding.UTF8.GetCharCount(p, bytes.Length);
#endif
    }

    /// <summary>A short, printable snippet of the input for repair records and error messages.</summary>
    public static string Snippet(ReadOnlySpan<byte> bytes, int max = SnippetBytes)
    {
        if (bytes.Length > max)
        {
            return GetString(bytes.Slice(0, SnippetCut(bytes, max))) + "…";
        }
        return GetString(bytes);
    }

    /// <summary>Bytes a <see cref="Snippet"/> shows before its ellipsis, by default.</summary>
    public const int SnippetBytes = 40;

    /// <summary>
    /// <see cref="Snippet"/> written into <paramref name="chars"/> (at least <see cref="SnippetBytes"/> + 1 long) instead of
    /// a new string; returns the chars written.
    /// </summary>
    public static int WriteSnippet(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (bytes.Length <= SnippetBytes) return Decode(bytes, chars);
        int n = Decode(bytes.Slice(0, SnippetCut(bytes, SnippetBytes)), chars);
        chars[n] = '…';
        return n + 1;
    }

    /// <summary>Where a snippet of at most <paramref name="max"/> bytes ends without splitting a UTF-8 sequence.</summary>
    private static int SnippetCut(ReadOnlySpan<byte> bytes, int max)
    {
        int cut = max;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
        return cut;
    }

    /// <summary>True when <paramref name="bytes"/> equals the lowercase ASCII <paramref name="lower"/>, ignoring ASCII case.</summary>
    public static bool EqualsAsciiIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lower)
    {
        if (bytes.Length != lower.Length) return false;
        for (int i = 0; i < bytes.Length; i++)
        {
            if ((bytes[i] | 0x20) != lower[i]) return false;
        }
        return true;
    }
}
