using System;

namespace StructuredLlm.Json;

/// <summary>
/// The most common messy shape, found without repairing: strict JSON but for a Markdown fence around it and trailing
/// commas (<c>["a", "b",]</c>, <c>{"a": 1,}</c>). <see cref="System.Text.Json.Utf8JsonReader"/> reads that directly
/// with <c>AllowTrailingCommas</c>, so the parser reads such a candidate in place instead of repairing a copy of it and
/// reading the copy. The records are those the repair would make (<see cref="JsonRepairer"/>: a fence record per fence,
/// a trailing-comma record at each comma, under its container's path), and anything the reader then refuses goes to the
/// repair as before: this is only a shortcut, never a second set of rules.
/// </summary>
internal ref struct TolerableJson
{
    /// <summary>The most trailing commas read in place; a candidate with more goes to the repair.</summary>
    public const int MaxCommas = 8;

    /// <summary>The deepest nesting whose paths are found here; deeper candidates go to the repair.</summary>
    private const int MaxFrames = 64;

    public int OpenFence;       // offset of the opening fence, or -1
    public int OpenFenceLength;
    public int CloseFence;      // offset of the closing fence, or -1
    public int CloseFenceLength;
    public int JsonStart;       // the JSON between the fences (or the whole candidate)
    public int JsonLength;
    public int CommaCount;      // trailing commas, their offsets (in the candidate) in Commas[..CommaCount]

    /// <summary>Whether reading in place needs records: a fence or a trailing comma.</summary>
    public readonly bool HasRepairs => OpenFence >= 0 || CloseFence >= 0 || CommaCount > 0;

    /// <summary>
    /// Finds the shape of <paramref name="candidate"/>: false when it certainly is not strict JSON, fenced or with
    /// trailing commas (see <see cref="MayBeStrictJson"/>); <paramref name="commas"/> receives the trailing commas' offsets.
    /// </summary>
    public static bool Find(ReadOnlySpan<byte> candidate, Span<int> commas, out TolerableJson shape)
    {
        shape = default;
        shape.OpenFence = shape.CloseFence = -1;
        int start = 0, end = candidate.Length;
        while (start < end && JsonLocator.IsWs(candidate[start])) start++;
        while (end > start && JsonLocator.IsWs(candidate[end - 1])) end--;

        if (end - start >= 3 && candidate[start] == (byte)'`' && candidate.Slice(start).StartsWith("```"u8))
        {
            int i = JsonRepairer.SkipFenceInfo(candidate, start + 3, end); // as the repair takes it off
            shape.OpenFence = start;
            shape.OpenFenceLength = i - start;
            start = i;
            while (start < end && JsonLocator.IsWs(candidate[start])) start++;
        }
        if (end - start >= 3 && candidate[end - 1] == (byte)'`')
        {
            int k = end;
            while (k > start && candidate[k - 1] == (byte)'`') k--;
            if (end - k >= 3)
            {
                shape.CloseFence = k;
                shape.CloseFenceLength = end - k;
                end = k;
                while (end > start && JsonLocator.IsWs(candidate[end - 1])) end--;
            }
        }
        if (start >= end) return false;

        shape.JsonStart = start;
        shape.JsonLength = end - start;
        return MayBeStrictJson(candidate.Slice(start, end - start), start, commas, out shape.CommaCount);
    }

    /// <summary>
    /// False only when <paramref name="bytes"/> certainly is not strict JSON with at most <paramref name="commas"/>'s
    /// length of trailing commas: outside strings (delimited as JSON delimits them) it holds a byte that strict JSON never
    /// has there (a fence, a comment, a single quote, an unquoted key, prose), or more trailing commas. Strict JSON never
    /// returns false, so skipping the strict read on false changes no result: that read would end in a syntax error
    /// anyway, and the reader's exception costs more than the repair and the typed read together. Anything unsure (a
    /// byte-order mark, a string still open at the end) returns true and is left to the reader.
    /// </summary>
    public static bool MayBeStrictJson(ReadOnlySpan<byte> bytes, int offset, Span<int> commas, out int commaCount)
    {
        commaCount = 0;
        bool inString = false;
        byte last = 0; // last non-whitespace byte outside strings
        int lastAt = -1;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (inString)
            {
                // String content is most of a typical response: jump to the next quote or backslash (vectorized).
                int next = bytes.Slice(i).IndexOfAny((byte)'"', (byte)'\\');
                if (next < 0) return true; // a string still open at the end: left to the reader
                i += next;
                if (bytes[i] == (byte)'\\') i++;
                else inString = false;
                continue;
            }
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r':
                    continue;
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)']' or (byte)'}':
                    if (last == (byte)',')
                    {
                        if (commaCount == commas.Length) return false;
                        commas[commaCount++] = offset + lastAt;
                    }
                    break;
                case (byte)'{' or (byte)'[' or (byte)',' or (byte)':' or (byte)'-' or (byte)'+' or (byte)'.' or (>= (byte)'0' and <= (byte)'9')
                    or (byte)'e' or (byte)'E' or (byte)'t' or (byte)'r' or (byte)'u' or (byte)'f' or (byte)'a' or (byte)'l' or (byte)'s' or (byte)'n':
                    break;
                case 0xEF:
                    return true;
                default:
                    return false;
            }
            last = b;
            lastAt = i;
        }
        return true;
    }

    /// <summary>
    /// The path of the container each trailing comma of <paramref name="commas"/> (in order, offsets in <paramref name="json"/>
    /// plus <paramref name="offset"/>) ends, as the repair names it: keys as written, <c>$</c> for the root. Null when the
    /// nesting is deeper than this follows (the repair then makes the records). The array is this thread's, reused by the
    /// next call: its first <c>commas.Length</c> entries are the paths.
    /// </summary>
    public static string[]? CommaPaths(ReadOnlySpan<byte> json, int offset, ReadOnlySpan<int> commas)
    {
        // Per open container below the root: its place in its parent, a key (start, length) or an index (-1, index).
        Span<int> labelStart = stackalloc int[MaxFrames];
        Span<int> label = stackalloc int[MaxFrames];
        Span<int> items = stackalloc int[MaxFrames];   // an array's elements so far; -1 for an object
        var paths = t_paths ??= new string[MaxCommas]; // read by the caller before the next call on this thread
        int depth = 0, next = 0;
        int keyStart = -1, keyLength = 0; // the last key read in the innermost object
        bool expectKey = false;
        for (int i = 0; i < json.Length && next < commas.Length; i++)
        {
            switch (json[i])
            {
                case (byte)'"':
                    int end = i + 1;
                    while (end < json.Length)
                    {
                        int q = json.Slice(end).IndexOfAny((byte)'"', (byte)'\\');
                        if (q < 0) return null;
                        end += q;
                        if (json[end] == (byte)'"') break;
                        end += 2;
                    }
                    if (end >= json.Length) return null;
                    if (expectKey)
                    {
                        keyStart = i + 1;
                        keyLength = end - i - 1;
                        expectKey = false;
                    }
                    i = end;
                    break;
                case (byte)'{' or (byte)'[':
                    if (depth == MaxFrames) return null;
                    if (depth > 0 && items[depth - 1] >= 0)
                    {
                        labelStart[depth] = -1;
                        label[depth] = items[depth - 1];
                    }
                    else
                    {
                        labelStart[depth] = keyStart;
                        label[depth] = keyLength;
                    }
                    items[depth] = json[i] == (byte)'[' ? 0 : -1;
                    expectKey = json[i] == (byte)'{';
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    expectKey = false;
                    break;
                case (byte)',':
                    if (i + offset == commas[next])
                    {
                        paths[next++] = PathOf(json, labelStart.Slice(0, depth), label.Slice(0, depth));
                    }
                    else if (depth > 0)
                    {
                        if (items[depth - 1] >= 0) items[depth - 1]++;
                        else expectKey = true;
                    }
                    break;
            }
        }
        return next == commas.Length ? paths : null;
    }

    [ThreadStatic]
    private static string[]? t_paths;

    private static string PathOf(ReadOnlySpan<byte> json, ReadOnlySpan<int> labelStart, ReadOnlySpan<int> label)
    {
        if (labelStart.Length <= 1) return "$"; // the root's own comma
        var sb = LlmPath.Rent().Append('$');
        for (int d = 1; d < labelStart.Length; d++) // the root container has no place in a parent
        {
            if (labelStart[d] < 0) sb.Append('[').Append(label[d]).Append(']');
            else LlmPath.AppendKey(sb, json.Slice(labelStart[d], label[d]));
        }
        return LlmPath.ToStringAndReturn(sb);
    }
}
