using System;
using System.Collections.Generic;

namespace StructuredLlm.Json;

/// <summary>A span of the input that may hold the JSON, and how it was found.</summary>
internal readonly struct JsonCandidate
{
    public JsonCandidate(int start, int length, LlmRepairKind via, int viaPosition)
    {
        Start = start;
        Length = length;
        Via = via;
        ViaPosition = viaPosition;
    }

    public int Start { get; }
    public int Length { get; }
    /// <summary>0 when the candidate is the whole text; otherwise fence, tag or surrounding text.</summary>
    public LlmRepairKind Via { get; }
    public int ViaPosition { get; }
}

/// <summary>
/// Finds where the JSON is in a model response. Linear: each byte is visited a bounded number of times
/// (the fence, tag and bracket scans each move forward only).
/// </summary>
internal static class JsonLocator
{
    /// <summary>Start and end of the text without BOM and surrounding whitespace.</summary>
    public static (int Start, int End, bool Bom) Trim(ReadOnlySpan<byte> text)
    {
        int a = 0, b = text.Length;
        bool bom = false;
        if (b >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF)
        {
            a = 3;
            bom = true;
        }
        while (a < b && IsWs(text[a])) a++;
        while (b > a && IsWs(text[b - 1])) b--;
        return (a, b, bom);
    }

    /// <summary>
    /// The repairs shared by every candidate (a byte-order mark, leading reasoning blocks), with <paramref name="start"/>
    /// moved past the reasoning. False when nothing is left but reasoning: a block that never closed (the output was cut
    /// off while the model was still thinking) or one with no answer after it.
    /// </summary>
    public static bool Preamble(ReadOnlySpan<byte> text, ref int start, int end, bool bom, out LlmRepair[] repairs)
    {
        int answer = start;
        for (int n = 0; n < 8; n++) // interleaved blocks: a few, never unbounded
        {
            int next = SkipReasoning(text, answer, end);
            if (next == answer) break;
            if (next < 0 || next >= end)
            {
                repairs = Array.Empty<LlmRepair>();
                return false;
            }
            answer = next;
        }
        int count = (bom ? 1 : 0) + (answer != start ? 1 : 0);
        repairs = count == 0 ? Array.Empty<LlmRepair>() : new LlmRepair[count];
        if (bom) repairs[0] = RepairSnippets.ByteOrderMark(text);
        if (answer != start) repairs[count - 1] = RepairSnippets.Reasoning(text, start, answer, end);
        start = answer;
        return true;
    }

    /// <summary>
    /// At a reasoning block's opening tag (<c>&lt;think&gt;</c>, <c>&lt;thinking&gt;</c>, <c>&lt;reasoning&gt;</c>, in any
    /// case, attributes allowed): the offset right after its closing tag, with <paramref name="closed"/> set, or
    /// <paramref name="end"/> when it never closes; -1 when no reasoning block opens at <paramref name="lt"/>.
    /// </summary>
    private static int ReasoningBlockEnd(ReadOnlySpan<byte> text, int lt, int end, out bool closed)
    {
        closed = false;
        if (lt >= end || text[lt] != (byte)'<') return -1;
        // quoted or in inline code (`<think>`, "<think>"), the tag is named, not used
        if (lt > 0 && text[lt - 1] is (byte)'`' or (byte)'"' or (byte)'\'') return -1;
        int n = lt + 1;
        while (n < end && (text[n] | 0x20) is >= (byte)'a' and <= (byte)'z') n++;
        var name = text.Slice(lt + 1, n - lt - 1);
        if (!EqualsIgnoreCase(name, "think"u8) && !EqualsIgnoreCase(name, "thinking"u8) && !EqualsIgnoreCase(name, "reasoning"u8)) return -1;
        if (n < end && text[n] is not ((byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')) return -1;
        // the tag ends on its own line (`<think about it` in prose, with a `>` further down, is no tag); cut off inside it, the block never closed
        int gt = text.Slice(n, end - n).IndexOfAny((byte)'>', (byte)'\n');
        if (gt < 0) return end;
        if (text[n + gt] != (byte)'>') return -1;
        int close = IndexOfClosingTag(text, n + gt + 1, end, name, ignoreCase: true);
        if (close < 0) return end;
        closed = true;
        return close + name.Length + 3;
    }

    /// <summary>
    /// The next reasoning block at or after <paramref name="from"/> (<see cref="ReasoningBlockEnd"/>): where it opens and
    /// where it ends; both <paramref name="end"/> when there is none. A caller moving forward asks again only from the end of
    /// the last block found, so its scans stay linear.
    /// </summary>
    private static void NextReasoningBlock(ReadOnlySpan<byte> text, int from, int end, out int blockStart, out int blockEnd)
    {
        int i = from;
        while (i < end)
        {
            int rel = text.Slice(i, end - i).IndexOf((byte)'<');
            if (rel < 0) break;
            int lt = i + rel;
            int after = ReasoningBlockEnd(text, lt, end, out _);
            if (after >= 0)
            {
                blockStart = lt;
                blockEnd = after;
                return;
            }
            i = lt + 1;
        }
        blockStart = blockEnd = end;
    }

    /// <summary>
    /// Where the text after one leading reasoning block starts (whitespace skipped); <paramref name="start"/> when the
    /// text does not start with one; -1 when the block never closes. A closing <c>&lt;/think&gt;</c> with no opening tag
    /// (DeepSeek-R1-style templates put the opening tag in the prompt) ends a block too, unless the text before it
    /// starts like JSON (where the tag would be data inside a string).
    /// </summary>
    private static int SkipReasoning(ReadOnlySpan<byte> text, int start, int end)
    {
        if (start + 1 < end && text[start] == (byte)'<' && text[start + 1] == (byte)'|')
        {
            return SkipHarmonyAnalysis(text, start, end);
        }

        int after = ReasoningBlockEnd(text, start, end, out bool closed);
        if (after >= 0) return closed ? SkipWs(text, after, end) : -1;
        if (!LooksLikeJsonStart(text, start, end))
        {
            int close = text.Slice(start, end - start).IndexOf("</think>"u8);
            if (close >= 0 && !InsideJsonString(text, start, start + close)) return SkipWs(text, start + close + 8, end);
        }
        return start;
    }

    /// <summary>
    /// gpt-oss's harmony format (<c>&lt;|channel|&gt;analysis&lt;|message|&gt;…&lt;|end|&gt;&lt;|start|&gt;assistant&lt;|channel|&gt;final&lt;|message|&gt;{…}</c>):
    /// the analysis channel is reasoning, the answer the final channel's message; -1 when there is none yet (only
    /// reasoning); <paramref name="start"/> for other text starting with <c>&lt;|</c>.
    /// </summary>
    private static int SkipHarmonyAnalysis(ReadOnlySpan<byte> text, int start, int end)
    {
        var rest = text.Slice(start, end - start);
        int final = rest.LastIndexOf("<|channel|>final<|message|>"u8);
        if (final >= 0) return SkipWs(text, start + final + 27, end);
        // no final message: a tool call on the commentary channel is the answer (`<|channel|>commentary
        // to=functions.submit <|constrain|>json<|message|>{…}<|call|>`, or the recipient in the role header,
        // `<|start|>assistant to=functions.submit<|channel|>commentary json<|message|>{…}`)
        int commentary = rest.LastIndexOf("<|channel|>commentary"u8);
        if (commentary >= 0)
        {
            int message = rest.Slice(commentary).IndexOf("<|message|>"u8);
            int header = Math.Max(rest.Slice(0, commentary).LastIndexOf("<|start|>"u8), rest.Slice(0, commentary).LastIndexOf("<|end|>"u8));
            if (message >= 0 && rest.Slice(header < 0 ? commentary : header, commentary + message - (header < 0 ? commentary : header)).IndexOf(" to="u8) >= 0)
            {
                return SkipWs(text, start + commentary + message + 11, end);
            }
        }
        return rest.IndexOf("<|channel|>analysis"u8) >= 0 ? -1 : start;
    }

    /// <summary>True when <paramref name="at"/> lies inside a string of a bracketed value that starts after <paramref name="start"/> (the tag is data there).</summary>
    private static bool InsideJsonString(ReadOnlySpan<byte> text, int start, int at)
    {
        int i = start;
        while (i < at)
        {
            int rel = text.Slice(i, at - i).IndexOfAny((byte)'{', (byte)'[');
            if (rel < 0) return false;
            int close = FindBalancedEnd(text, i + rel, at, out bool inString);
            if (close < 0) return inString;
            i = close + 1;
        }
        return false;
    }

    private static int SkipWs(ReadOnlySpan<byte> text, int i, int end)
    {
        while (i < end && IsWs(text[i])) i++;
        return i;
    }

    /// <summary>
    /// True when the trimmed text (after comments and an opening fence) starts like a JSON document, so the
    /// whole text is the first candidate.
    /// </summary>
    public static bool LooksLikeJsonStart(ReadOnlySpan<byte> text, int start, int end)
    {
        int i = start;
        while (i < end)
        {
            byte c = text[i];
            if (IsWs(c))
            {
                i++;
            }
            else if (c == (byte)'/' && i + 1 < end && text[i + 1] == (byte)'*')
            {
                int close = text.Slice(i + 2, end - i - 2).IndexOf("*/"u8);
                i = close < 0 ? end : i + 2 + close + 2;
            }
            else if (c == (byte)'/' && i + 1 < end && text[i + 1] == (byte)'/')
            {
                int nl = text.Slice(i, end - i).IndexOf((byte)'\n');
                i = nl < 0 ? end : i + nl;
            }
            else
            {
                break;
            }
        }
        if (i >= end) return false;
        byte b = text[i];
        if (b is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'\'' or (byte)'`' or (byte)'-' or (byte)'.' or (byte)'\\' or (byte)'/' || b is >= (byte)'0' and <= (byte)'9')
        {
            return true;
        }
        if (b == 0xE2 && i + 2 < end && text[i + 1] == 0x80 && text[i + 2] is 0x98 or 0x99 or 0x9C or 0x9D) return true;
        return false;
    }

    /// <summary>
    /// Adds fenced blocks and tagged blocks holding JSON-like text. Returns how many were added. With
    /// <paramref name="blocks"/>, the span of every block scanned (fence to fence, tag to closing tag) is added to it.
    /// </summary>
    public static int AddFencesAndTags(ReadOnlySpan<byte> text, int start, int end, List<JsonCandidate> into, List<(int Start, int End)>? blocks = null)
    {
        int before = into.Count;
        int i = start;
        int reasoningStart = start, reasoningEnd = start;
        int prose = start; // where the prose before the next block starts
        bool stringsClose = true; // false once a JSON value in the prose never closes: no later fence is inside one of its strings
        while (i < end)
        {
            int rel = text.Slice(i, end - i).IndexOf("```"u8);
            if (rel < 0) break;
            int open = i + rel;
            // JSON the model wrote while thinking is never a candidate, wherever the reasoning block is.
            if (open >= reasoningEnd) NextReasoningBlock(text, reasoningEnd, end, out reasoningStart, out reasoningEnd);
            if (open >= reasoningStart && open < reasoningEnd)
            {
                i = reasoningEnd;
                continue;
            }
            // `{"text": "Try ```json …```"}` written in the prose: the fence is data inside a string of that value, which
            // the prose scan reads whole
            if (stringsClose && prose < open && ValueAroundStringEnd(text, prose, open, end, ref stringsClose) is int valueEnd and >= 0)
            {
                i = prose = valueEnd;
                continue;
            }
            int j = open + 3;
            while (j < end && text[j] == (byte)'`') j++;
            int info = j;
            while (j < end && (IsIdent(text[j]) || text[j] == (byte)'-')) j++; // info string such as json
            // Inside a block of another language (```python) a bracketed value is code, not an answer.
            var language = text.Slice(info, j - info);
            bool jsonBlock = language.Length == 0 || StartsWithIgnoreCase(language, "json"u8);
            j = SkipInfoAttributes(text, j, end);
            int close = text.Slice(j, end - j).IndexOf("```"u8);
            int contentEnd = close < 0 ? end : j + close;
            int valueStart = SkipWs(text, j, contentEnd);
            if (close >= 0 && jsonBlock && valueStart < contentEnd && text[valueStart] is (byte)'{' or (byte)'['
                && LaterClosingFence(text, valueStart, contentEnd, end) is int later and >= 0)
            {
                contentEnd = later;
                close = later - j;
            }
            AddContent(text, j, contentEnd, LlmRepairKind.MarkdownFence, open, into, innerValues: jsonBlock);
            i = close < 0 ? end : contentEnd + 3;
            while (i < end && text[i] == (byte)'`') i++;
            blocks?.Add((open, i));
            prose = i;
        }
        if (into.Count > before) return into.Count - before;

        // <json>…</json>, <output>…</output>, any <tag>…</tag>, <![CDATA[…]]>
        i = start;
        while (i < end)
        {
            int rel = text.Slice(i, end - i).IndexOf((byte)'<');
            if (rel < 0) break;
            int lt = i + rel;
            int reasoning = ReasoningBlockEnd(text, lt, end, out _);
            if (reasoning >= 0)
            {
                i = reasoning;
                continue;
            }
            if (text.Slice(lt, end - lt).StartsWith("<![CDATA["u8))
            {
                // an XML character-data section: its content is the text as written, up to `]]>`
                int cdata = lt + 9;
                int cdataEnd = text.Slice(cdata, end - cdata).IndexOf("]]>"u8);
                int first = SkipWs(text, cdata, cdataEnd < 0 ? end : cdata + cdataEnd);
                if (first < end && text[first] is (byte)'{' or (byte)'[')
                {
                    AddTrimmed(text, cdata, cdataEnd < 0 ? end : cdata + cdataEnd, LlmRepairKind.TagWrapper, lt, into);
                    i = cdataEnd < 0 ? end : cdata + cdataEnd + 3;
                    blocks?.Add((lt, i));
                    continue;
                }
                i = cdata;
                continue;
            }
            int n = lt + 1;
            while (n < end && (IsIdent(text[n]) || text[n] == (byte)'-')) n++;
            if (n == lt + 1 || n >= end)
            {
                i = lt + 1;
                continue;
            }
            var name = text.Slice(lt + 1, n - lt - 1);
            int gt = text.Slice(n, end - n).IndexOf((byte)'>');
            if (gt < 0) break;
            int contentStart = n + gt + 1;
            int closeTag = IndexOfClosingTag(text, contentStart, end, name);
            int contentEnd = closeTag < 0 ? end : closeTag;
            int k = contentStart;
            while (k < contentEnd && IsWs(text[k])) k++;
            if (k < contentEnd && text[k] is (byte)'{' or (byte)'[')
            {
                if (closeTag >= 0 && LaterClosingTag(text, k, closeTag, end, name) is int later and >= 0)
                {
                    closeTag = later;
                    contentEnd = later;
                }
                AddContent(text, contentStart, contentEnd, LlmRepairKind.TagWrapper, lt, into, innerValues: true);
                i = closeTag < 0 ? end : closeTag + name.Length + 3;
                blocks?.Add((lt, i));
            }
            else
            {
                i = contentStart;
            }
        }
        return into.Count - before;
    }

    /// <summary>
    /// When <paramref name="at"/> lies inside a string of a JSON object or array written in the prose after
    /// <paramref name="start"/> (one that opens like JSON, <c>{"</c> or <c>[{</c> / <c>["</c>, and closes before
    /// <paramref name="end"/>), the index just after that value; else -1. A value that never closes clears
    /// <paramref name="stringsClose"/>, so the scans stay linear.
    /// </summary>
    private static int ValueAroundStringEnd(ReadOnlySpan<byte> text, int start, int at, int end, ref bool stringsClose)
    {
        int i = start;
        while (i < at)
        {
            int rel = text.Slice(i, at - i).IndexOfAny((byte)'{', (byte)'[');
            if (rel < 0) return -1;
            int open = i + rel;
            int close = FindBalancedEnd(text, open, at, out bool inString);
            if (close >= 0)
            {
                i = close + 1;
                continue;
            }
            if (!inString) return -1;
            int first = SkipWs(text, open + 1, at);
            if (first >= at || !(text[first] == (byte)'"' || (text[open] == (byte)'[' && text[first] == (byte)'{'))) return -1;
            int full = FindBalancedEnd(text, open, end);
            if (full < 0)
            {
                stringsClose = false;
                return -1;
            }
            return full + 1;
        }
        return -1;
    }

    /// <summary>Adds every top-level balanced <c>{…}</c> or <c>[…]</c> in prose (an unclosed one runs to the end).</summary>
    public static void AddBalancedValues(ReadOnlySpan<byte> text, int start, int end, List<JsonCandidate> into)
    {
        int i = start;
        // `"category": "Billing", …}` then prose: the continuation of a prefilled `{` (its members up to the brace that
        // closes it) is a candidate of its own; the repair adds the opening brace.
        if (StartsWithKey(text, start, end) && FindClose(text, start, end, 1, out _) is int closing and >= 0 && closing + 1 < end)
        {
            into.Add(new JsonCandidate(start, closing + 1 - start, LlmRepairKind.SurroundingText, closing + 1));
            i = closing + 1;
        }

        while (i < end)
        {
            byte b = text[i];
            if (b is not ((byte)'{' or (byte)'['))
            {
                int reasoning = b == (byte)'<' ? ReasoningBlockEnd(text, i, end, out _) : -1;
                i = reasoning >= 0 ? reasoning : i + 1;
                continue;
            }
            int close = FindBalancedEnd(text, i, end);
            int stop = close < 0 ? end : close + 1;
            into.Add(new JsonCandidate(i, stop - i, LlmRepairKind.SurroundingText, i));
            i = stop;
        }
    }

    /// <summary>
    /// <see cref="AddBalancedValues"/> for the prose between <paramref name="blocks"/> (fenced and tagged blocks, from
    /// <see cref="AddFencesAndTags"/>): a bare value next to a block is a candidate too, so a valid example in a fence and
    /// the answer written after it in prose are two answers (refused unless they are the same value), never the example alone.
    /// </summary>
    public static void AddBalancedValuesBetween(ReadOnlySpan<byte> text, int start, int end, List<(int Start, int End)> blocks, List<JsonCandidate> into)
    {
        blocks.Sort((x, y) => x.Start.CompareTo(y.Start));
        int prose = start;
        foreach (var (blockStart, blockEnd) in blocks)
        {
            if (blockStart > prose) AddBalancedValues(text, prose, blockStart, into);
            if (blockEnd > prose) prose = blockEnd;
        }
        if (prose < end) AddBalancedValues(text, prose, end, into);
    }

    /// <summary>Whether the text at <paramref name="start"/> is a quoted key and its colon (<c>"name":</c>).</summary>
    private static bool StartsWithKey(ReadOnlySpan<byte> text, int start, int end)
    {
        if (start >= end || text[start] != (byte)'"') return false;
        int i = start + 1;
        while (i < end && text[i] != (byte)'"')
        {
            if (text[i] is (byte)'\\') i++;
            else if (text[i] is (byte)'\n' or (byte)'{' or (byte)'[') return false;
            i++;
        }
        for (i++; i < end && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'; i++) { }
        return i < end && text[i] == (byte)':';
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, skipping JSON strings; -1 when unclosed.</summary>
    private static int FindBalancedEnd(ReadOnlySpan<byte> text, int open, int end) => FindBalancedEnd(text, open, end, out _);

    /// <summary>
    /// <see cref="FindBalancedEnd(ReadOnlySpan{byte}, int, int)"/>, and when the bracket is not closed before
    /// <paramref name="end"/>, whether <paramref name="end"/> falls inside a string (<paramref name="inStringAtEnd"/>).
    /// </summary>
    private static int FindBalancedEnd(ReadOnlySpan<byte> text, int open, int end, out bool inStringAtEnd) =>
        FindClose(text, open, end, 0, out inStringAtEnd);

    /// <summary>
    /// Index of the bracket that brings the nesting from <paramref name="depth"/> (brackets already open before
    /// <paramref name="from"/>) back to zero, skipping JSON strings; -1 when none does before <paramref name="end"/>, with
    /// <paramref name="inStringAtEnd"/> telling whether <paramref name="end"/> falls inside a string.
    /// </summary>
    internal static int FindClose(ReadOnlySpan<byte> text, int from, int end, int depth, out bool inStringAtEnd)
    {
        bool inString = false;
        inStringAtEnd = false;
        int i = from;
        while (i < end)
        {
            // jump to the next byte that matters (vectorized): in a string its end or an escape, else a bracket or a quote
            var rest = text.Slice(i, end - i);
            int k = inString ? rest.IndexOfAny((byte)'"', (byte)'\\') : Utf8Text.IndexOfBracketOrQuote(rest);
            if (k < 0) break;
            i += k;
            byte b = text[i];
            if (inString)
            {
                if (b == (byte)'\\') i++;
                else inString = false;
                i++;
                continue;
            }
            switch (b)
            {
                case (byte)'"': inString = true; break;
                case (byte)'\\':
                    // `{\"a\": 1}` quoted in prose (JSON escaped inside a string the scan is not in): an escaped quote
                    // opens no string, so the brackets after it still count
                    if (i + 1 < end && text[i + 1] == (byte)'"') i++;
                    break;
                case (byte)'{':
                case (byte)'[':
                    depth++;
                    break;
                case (byte)'}':
                case (byte)']':
                    if (--depth == 0) return i;
                    break;
            }
            i++;
        }
        inStringAtEnd = inString;
        return -1;
    }

    /// <summary>
    /// <c>&lt;json&gt;{"summary": "see the &lt;/json&gt; tag"}&lt;/json&gt;</c>, <c>```json {"code": "```js x```"} ```</c>:
    /// when the first closer of a block (at <paramref name="firstClose"/>) lies inside a string of the value opening at
    /// <paramref name="open"/>, which has not closed its brackets there, the offset right after the value's end (past
    /// whitespace), where the caller looks for its closer again; -1 otherwise (the first closer stands). Two scans of the
    /// value at most, so linear.
    /// </summary>
    private static int AfterValueClosedInString(ReadOnlySpan<byte> text, int open, int firstClose, int end)
    {
        if (FindBalancedEnd(text, open, firstClose, out bool closerInString) >= 0 || !closerInString) return -1;
        int valueEnd = FindBalancedEnd(text, open, end);
        return valueEnd < 0 ? -1 : SkipWs(text, valueEnd + 1, end);
    }

    /// <summary>The same closing tag right after the value when the first one lies in a string (<see cref="AfterValueClosedInString"/>), else -1.</summary>
    private static int LaterClosingTag(ReadOnlySpan<byte> text, int open, int closeTag, int end, ReadOnlySpan<byte> name)
    {
        int after = AfterValueClosedInString(text, open, closeTag, end);
        return after >= 0 && IndexOfClosingTag(text, after, end, name) == after ? after : -1;
    }

    /// <summary>A fence right after the value when the first one lies in a string (<see cref="AfterValueClosedInString"/>), else -1.</summary>
    private static int LaterClosingFence(ReadOnlySpan<byte> text, int open, int fence, int end)
    {
        int after = AfterValueClosedInString(text, open, fence, end);
        return after >= 0 && text.Slice(after, end - after).StartsWith("```"u8) ? after : -1;
    }

    private static int IndexOfClosingTag(ReadOnlySpan<byte> text, int from, int end, ReadOnlySpan<byte> name, bool ignoreCase = false)
    {
        int i = from;
        while (i < end)
        {
            int rel = text.Slice(i, end - i).IndexOf("</"u8);
            if (rel < 0) return -1;
            int at = i + rel;
            if (at + 2 + name.Length < end && text[at + 2 + name.Length] == (byte)'>'
                && (ignoreCase ? EqualsIgnoreCase(text.Slice(at + 2, name.Length), name) : text.Slice(at + 2, name.Length).SequenceEqual(name)))
            {
                return at;
            }
            i = at + 2;
        }
        return -1;
    }

    /// <summary>
    /// After the info string of an opening fence: the rest of its line when that holds no bracket (```` ```json
    /// title="ticket.json" ````), or is one Pandoc-style attribute group (```` ```json {linenos=true} ````, ```` ```{.json}
    /// ````: braces with no colon, which every JSON object but <c>{}</c> has) with lines after it: attributes, not
    /// content; otherwise <paramref name="i"/> (```` ```json {"a": 1} ````).
    /// </summary>
    internal static int SkipInfoAttributes(ReadOnlySpan<byte> text, int i, int end)
    {
        if (i >= end || text[i] is not ((byte)' ' or (byte)'\t' or (byte)'{')) return i;
        int nl = text.Slice(i, end - i).IndexOf((byte)'\n');
        int lineEnd = nl < 0 ? end : i + nl;
        var rest = text.Slice(i, lineEnd - i);
        if (rest.IndexOf("```"u8) >= 0) return i;
        if (rest.IndexOfAny((byte)'{', (byte)'[') < 0) return lineEnd;
        int a = 0, b = rest.Length;
        while (a < b && rest[a] is (byte)' ' or (byte)'\t') a++;
        while (b > a && rest[b - 1] is (byte)' ' or (byte)'\t' or (byte)'\r') b--;
        var group = rest.Slice(a, b - a);
        bool attributes = nl >= 0 && group.Length > 2 && group[0] == (byte)'{' && group[group.Length - 1] == (byte)'}'
            && group.IndexOf((byte)':') < 0 && group.IndexOf("\uFF1A"u8) < 0
            && group.Slice(1, group.Length - 2).IndexOfAny("{}[]"u8) < 0;
        return attributes ? lineEnd : i;
    }

    /// <summary>
    /// A fenced or tagged block as a candidate, and, when it holds more than that one value (the JSON and a line of
    /// explanation with braces in it), each top-level bracketed value inside it: a candidate of its own, as in prose.
    /// </summary>
    private static void AddContent(ReadOnlySpan<byte> text, int a, int b, LlmRepairKind via, int viaPos, List<JsonCandidate> into, bool innerValues)
    {
        int before = into.Count;
        AddTrimmed(text, a, b, via, viaPos, into);
        if (into.Count == before || !innerValues) return;
        var block = into[before];
        AddBalancedValues(text, block.Start, block.Start + block.Length, into);
        if (into.Count == before + 2 && into[before + 1].Start == block.Start && into[before + 1].Length == block.Length)
        {
            into.RemoveAt(before + 1);
        }
    }

    private static void AddTrimmed(ReadOnlySpan<byte> text, int a, int b, LlmRepairKind via, int viaPos, List<JsonCandidate> into)
    {
        while (a < b && IsWs(text[a])) a++;
        while (b > a && IsWs(text[b - 1])) b--;
        if (b > a) into.Add(new JsonCandidate(a, b - a, via, viaPos));
    }

    /// <summary>ASCII letters compared ignoring case (<paramref name="a"/> and <paramref name="b"/> hold letters only).</summary>
    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) return false;
        for (int k = 0; k < a.Length; k++)
        {
            if ((a[k] | 0x20) != (b[k] | 0x20)) return false;
        }
        return true;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerPrefix)
    {
        if (text.Length < lowerPrefix.Length) return false;
        for (int k = 0; k < lowerPrefix.Length; k++)
        {
            if ((text[k] | 0x20) != lowerPrefix[k]) return false;
        }
        return true;
    }

    internal static bool IsWs(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
    private static bool IsIdent(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_';
}
