using System;

namespace StructuredLlm.Json;

/// <summary>
/// The before/after snippets of repair records. Before is the text that was changed and after what replaced it;
/// when either would be empty (a pure insertion or deletion) or invisible (only spaces and control characters),
/// both also carry a few neighbouring bytes of the input as written, so a record always shows what happened.
/// </summary>
internal static class RepairSnippets
{
    /// <summary>Neighbouring bytes shown on each side of an insertion or deletion.</summary>
    public const int ContextBytes = 12;

    /// <summary>Snippets for replacing <paramref name="length"/> bytes at <paramref name="editAt"/> with <paramref name="replacement"/>.</summary>
    public static (string Before, string After) Edit(ReadOnlySpan<byte> text, int editAt, int length, string replacement, bool alwaysContext = false)
    {
        editAt = Math.Max(0, Math.Min(editAt, text.Length));
        length = Math.Max(0, Math.Min(length, text.Length - editAt));
        // the changed text, as Utf8Text.Snippet shows it, without a string of its own unless it is shown alone
        Span<char> changed = stackalloc char[Utf8Text.SnippetBytes + 1];
        changed = changed.Slice(0, Utf8Text.WriteSnippet(text.Slice(editAt, length), changed));

        string before, after;
        if (alwaysContext || IsBlank(changed) || IsBlank(replacement.AsSpan()))
        {
            int a = editAt, b = editAt + length;
            // past any whitespace next to the edit, then up to ContextBytes more, widened to whole UTF-8 sequences
            int k = a;
            while (k > 0 && a - k < MaxBlankRun && IsWs(text[k - 1])) k--;
            int from = Math.Max(0, k - ContextBytes);
            for (int n = 0; n < 3 && from > 0 && (text[from] & 0xC0) == 0x80; n++) from--;
            k = b;
            while (k < text.Length && k - b < MaxBlankRun && IsWs(text[k])) k++;
            int to = Math.Min(text.Length, k + ContextBytes);
            for (int n = 0; n < 3 && to < text.Length && (text[to] & 0xC0) == 0x80; n++) to++;
            var left = text.Slice(from, a - from);
            var right = text.Slice(b, to - b);
            before = Join(left, changed, right);
            after = Join(left, replacement.AsSpan(), right);
        }
        else
        {
            before = changed.ToString();
            after = replacement;
        }
        // only whitespace around the edit (or an empty text): say so rather than show nothing
        if (IsBlank(before.AsSpan())) before += "(nothing)";
        if (IsBlank(after.AsSpan())) after += "(nothing)";
        return (before, after);
    }

    /// <summary>One string of <paramref name="left"/>, <paramref name="middle"/> and <paramref name="right"/> (UTF-8 around chars), built once.</summary>
    private static string Join(ReadOnlySpan<byte> left, ReadOnlySpan<char> middle, ReadOnlySpan<byte> right)
    {
        int most = left.Length + middle.Length + right.Length; // UTF-8 decodes to at most one char per byte
        Span<char> chars = most <= 512 ? stackalloc char[most] : new char[most];
        int n = Utf8Text.Decode(left, chars);
        middle.CopyTo(chars.Slice(n));
        n += middle.Length;
        n += Utf8Text.Decode(right, chars.Slice(n));
        return chars.Slice(0, n).ToString();
    }

    /// <summary>
    /// Snippets for keeping only <c>text[keepStart..keepEnd)</c> (a fence, tag, prose, BOM or wrapper dropped): before
    /// shows what surrounded the kept part, after the kept part alone (its start and end when long).
    /// </summary>
    public static (string Before, string After) Kept(ReadOnlySpan<byte> text, int keepStart, int keepEnd, int context = 24)
    {
        keepStart = Math.Max(0, Math.Min(keepStart, text.Length));
        keepEnd = Math.Max(keepStart, Math.Min(keepEnd, text.Length));
        int from = StartOfChar(text, Math.Max(0, keepStart - context), keepStart);
        int to = EndOfChar(text, Math.Min(text.Length, keepEnd + context), keepEnd);
        string kept = HeadTail(text.Slice(keepStart, keepEnd - keepStart));
        string before = (from > 0 ? "…" : "") + Utf8Text.GetString(text.Slice(from, keepStart - from)) + kept +
            Utf8Text.GetString(text.Slice(keepEnd, to - keepEnd)) + (to < text.Length ? "…" : "");
        return (before, kept);
    }

    /// <summary>The record of a byte-order mark dropped from the start of <paramref name="text"/>.</summary>
    public static LlmRepair ByteOrderMark(ReadOnlySpan<byte> text)
    {
        var (before, after) = Edit(text, 0, 3, "");
        return new LlmRepair(LlmRepairKind.ByteOrderMark, "$", 0, before, after);
    }

    /// <summary>The record of reasoning text from <paramref name="blockStart"/> up to the answer at <paramref name="answerStart"/> dropped.</summary>
    public static LlmRepair Reasoning(ReadOnlySpan<byte> text, int blockStart, int answerStart, int end)
    {
        var (before, after) = Kept(text, answerStart, end);
        return new LlmRepair(LlmRepairKind.ReasoningBlock, "$", blockStart, before, after);
    }

    /// <summary>
    /// The record of a candidate taken out of a fence, a tag or prose; <paramref name="copy"/> is the copy of the text its
    /// snippets are deferred to (for the repairer's records to share), or null when the text is too long to keep.
    /// </summary>
    public static LlmRepair Located(ReadOnlySpan<byte> text, JsonCandidate via, out SnippetText? copy)
    {
        copy = SnippetText.CopyIfShort(text);
        if (copy is not null) return Located(copy, via);
        var (before, after) = Kept(text, via.Start, via.Start + via.Length);
        return new LlmRepair(via.Via, "$", via.ViaPosition, before, after);
    }

    private static LlmRepair Located(SnippetText text, JsonCandidate via) =>
        LlmRepair.DeferredKept(via.Via, "$", via.ViaPosition, text, via.Start, via.Start + via.Length);

    /// <summary>The whole text when short, else its start and end around an ellipsis.</summary>
    public static string HeadTail(ReadOnlySpan<byte> text, int keep = 16)
    {
        if (text.Length <= (keep * 2) + 4) return Utf8Text.GetString(text);
        int head = StartOfChar(text, keep, text.Length);
        int tail = StartOfChar(text, text.Length - keep, text.Length);
        return Utf8Text.GetString(text.Slice(0, head)) + "…" + Utf8Text.GetString(text.Slice(tail));
    }

    private const int MaxBlankRun = 64;

    private static bool IsWs(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static bool IsBlank(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c > ' ' && !char.IsWhiteSpace(c)) return false;
        }
        return true;
    }

    /// <summary>Moves <paramref name="i"/> forward (not past <paramref name="limit"/>) off UTF-8 continuation bytes.</summary>
    private static int StartOfChar(ReadOnlySpan<byte> text, int i, int limit)
    {
        while (i < limit && i < text.Length && (text[i] & 0xC0) == 0x80) i++;
        return i;
    }

    /// <summary>Moves an exclusive end back (not before <paramref name="limit"/>) so it does not split a character.</summary>
    private static int EndOfChar(ReadOnlySpan<byte> text, int end, int limit)
    {
        while (end > limit && end < text.Length && (text[end] & 0xC0) == 0x80) end--;
        return end;
    }
}
