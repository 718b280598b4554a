using System;
using System.Text;
using CsCheck;
using StructuredLlm.Json;

namespace StructuredLlm.Tests;

/// <summary>
/// The vectorized scans (the next byte a string repair looks at; the bracket that closes a value) agree with a plain
/// byte-by-byte reading of the same rule on any input, including multi-byte characters, escapes at the very end and
/// strings left open.
/// </summary>
public class ScanTests
{
    // brackets, quotes (straight, typographic, backtick, acute), escapes, control characters, multi-byte text, plain text
    private static readonly Gen<byte[]> Bytes = Gen.String[Gen.Char["{}[]\"'`\\\n\t\u0001 ab,:é€\u201c\u201d\u2018\u2019\u00b4xyz"], 0, 200]
        .Select(s => Encoding.UTF8.GetBytes(s));

    [Fact]
    public void A_plain_string_run_stops_at_the_first_byte_a_string_repair_looks_at()
    {
        Bytes.Sample(bytes =>
        {
            int expected = bytes.Length;
            for (int k = 0; k < bytes.Length; k++)
            {
                byte b = bytes[k];
                if (b < 0x20 || b is (byte)'"' or (byte)'\'' or (byte)'`' or (byte)'\\' or 0xC2 or 0xE2)
                {
                    expected = k;
                    break;
                }
            }
            Assert.Equal(expected, Utf8Text.PlainStringRun(bytes));
        }, iter: 5000);
    }

    [Fact]
    public void The_closing_bracket_found_is_the_one_a_byte_by_byte_scan_finds()
    {
        Gen.Select(Bytes, Gen.Int[0, 2]).Sample((bytes, depth) =>
        {
            int expected = ReferenceFindClose(bytes, 0, bytes.Length, depth, out bool expectedOpen);
            int found = JsonLocator.FindClose(bytes, 0, bytes.Length, depth, out bool open);
            Assert.Equal((expected, expectedOpen), (found, open));
        }, iter: 5000);
    }

    /// <summary>The rule read one byte at a time: strings (with escapes) hide brackets; an escaped quote outside one opens none.</summary>
    private static int ReferenceFindClose(byte[] text, int from, int end, int depth, out bool inStringAtEnd)
    {
        bool inString = false;
        inStringAtEnd = false;
        for (int i = from; i < end; i++)
        {
            byte b = text[i];
            if (inString)
            {
                if (b == (byte)'\\') i++;
                else if (b == (byte)'"') inString = false;
                continue;
            }
            if (b == (byte)'"') inString = true;
            else if (b == (byte)'\\' && i + 1 < end && text[i + 1] == (byte)'"') i++;
            else if (b is (byte)'{' or (byte)'[') depth++;
            else if (b is (byte)'}' or (byte)']' && --depth == 0) return i;
        }
        inStringAtEnd = inString;
        return -1;
    }
}
