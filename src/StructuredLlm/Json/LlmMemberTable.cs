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

    /// <summary>
    /// The C# member's own name when the JSON name differs from it (<c>[JsonPropertyName("dark")] bool DarkMode</c>): a
    /// model that saw the C# name writes it (<c>darkMode</c>), so it is accepted ignoring case and separators, as a
    /// <see cref="LlmRepairKind.KeyNormalized"/> repair, unless another member's name reads the same.
    /// </summary>
    public string? DeclaredName { get; init; }
}

/// <summary>
/// The fallback key matcher of a generated reader, used only when a key is not one of the exact JSON names
/// (which the generated code matches by a switch on the key bytes). Built once per type.
/// </summary>
/// <remarks>
/// In order: an exact JSON name or alias; a name equal after ignoring case and separators
/// (<c>Customer_Email</c>, <c>customer-email</c>, <c>CUSTOMER_EMAIL</c>); an unambiguous prefix or suffix match, the
/// member's name plus whole extra words (<c>ticket_category</c> → <c>category</c>, <c>priority_level</c> →
/// <c>priority</c>). A prefix/suffix match is weak: an exact or normalized key for the same member wins wherever it is
/// in the object (the weak key is then reported as unknown), and the weak key's value must already have the member's
/// JSON type (no string/number/bool/list coercion), so an extra key such as <c>summary_length: 42</c> can never become the summary.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class LlmMemberTable
{
    private readonly byte[][] _exact;
    private readonly int[] _exactMember;
    private readonly byte[][] _normalized;
    private readonly int[] _normalizedMember;
    private readonly string[] _jsonNames;
    private readonly HashSet<string> _typeWords;

    /// <summary>Creates the table for a type.</summary>
    /// <param name="typeName">The C# type name: its words may qualify a member's name in a drifted key (<c>ticket_category</c> in a <c>SupportTicket</c>).</param>
    /// <param name="members">The members, in the order of the indices the generated reader uses.</param>
    public LlmMemberTable(string typeName, params LlmMember[] members)
    {
        _typeWords = TypeWords(typeName ?? string.Empty);
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

        // C# names last, and only where no JSON name or alias reads the same: they never take a name from a member.
        for (int m = 0; m < members.Length; m++)
        {
            if (members[m].DeclaredName is not { Length: > 0 } declared) continue;
            var n = Normalize(Encoding.UTF8.GetBytes(declared));
            if (n.Length > 0 && !normalized.Exists(x => x.Item1.AsSpan().SequenceEqual(n))) normalized.Add((n, m));
        }
        _exact = exact.ConvertAll(x => x.Item1).ToArray();
        _exactMember = exact.ConvertAll(x => x.Item2).ToArray();
        _normalized = normalized.ConvertAll(x => x.Item1).ToArray();
        _normalizedMember = normalized.ConvertAll(x => x.Item2).ToArray();
    }

    /// <summary>Number of members.</summary>
    public int Count => _jsonNames.Length;

    /// <summary>Whether <paramref name="key"/> names a member exactly or ignoring case and separators (no drifted-name match); records nothing.</summary>
    internal bool Knows(scoped ReadOnlySpan<byte> key)
    {
        for (int k = 0; k < _exact.Length; k++)
        {
            if (key.SequenceEqual(_exact[k])) return true;
        }

        Span<byte> buffer = key.Length <= 256 ? stackalloc byte[key.Length] : new byte[key.Length];
        int len = Normalize(key, buffer);
        if (len == 0) return false;
        var n = buffer.Slice(0, len);
        for (int k = 0; k < _normalized.Length; k++)
        {
            if (_normalizedMember[k] >= 0 && n.SequenceEqual(_normalized[k])) return true;
        }

        return false;
    }

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
                string written = Utf8Text.GetString(key);
                return context.TryRecordKey(LlmRepairKind.KeyNormalized, written, _jsonNames[m]) ? m : -1;
            }
        }

        // The other grammatical number (`tag` for `tags`, `categories` for `category`): one member only, and the same
        // weak claim as a drifted name below.
        int numbered = -1;
        for (int k = 0; k < _normalized.Length; k++)
        {
            int member = _normalizedMember[k];
            if (member < 0 || member == numbered || !OtherNumber(n, _normalized[k])) continue;
            if (numbered >= 0) { numbered = -2; break; }
            numbered = member;
        }
        if (numbered >= 0)
        {
            string renamed = Utf8Text.GetString(key);
            if (!context.TryRecordKey(LlmRepairKind.KeyPartialMatch, renamed, _jsonNames[numbered])) return -1;
            context.MarkWeakMatch(renamed);
            return numbered;
        }

        // Drifted names: the member's name plus extra whole words before or after it (`ticket_category`,
        // `priority_level`, `customer_email_address`). Unambiguous only: one member, or members nested in one another
        // (`name` and `customerName` for `the_customer_name`: the longest). Such a key is a weak claim: an exact key
        // for the same member wins wherever it appears, and its value is not coerced to another JSON type.
        int found = -1;
        byte[]? foundName = null;
        bool ambiguous = false;
        for (int k = 0; k < _normalized.Length; k++)
        {
            var name = _normalized[k];
            int member = _normalizedMember[k];
            if (member < 0 || name.Length < MinPartialLength || name.Length >= n.Length) continue;
            bool suffix = n.EndsWith(name) && IsWordBoundary(key, n.Length - name.Length);
            bool prefix = !suffix && n.StartsWith(name) && IsWordBoundary(key, name.Length);
            if (!suffix && !prefix) continue;
            // `previous_priority`, `max_priority`, `first_name`: the extra word names another value of the same kind.
            if (suffix ? HasOtherValueWord(key, 0, n.Length - name.Length) : HasOtherValueWord(key, name.Length, n.Length)) continue;
            // Words before the name qualify it: only the type's own words (`ticket_category` in a SupportTicket) or words
            // that say the value is this output's own (`predicted_category`, `the_summary`) leave it the member;
            // `return_status`, `parent_title`, `target_language` or `backordered_quantity` name another value.
            if (suffix && !OnlySelfQualifiers(key, n.Length - name.Length, context)) continue;
            // Words after the name make the last of them the head of the key: `total_tax` is a tax and `summary_length` a
            // length, while `priority_level`, `summary_text` and `email_address` restate the member.
            if (prefix && !OnlyRestatingWords(key, name.Length, n.Length)) continue;
            if (foundName is not null && found != member)
            {
                // Two members: fine only when the shorter name lies inside the longer one at the same end.
                var (longer, shorter) = name.Length > foundName.Length ? (name, foundName) : (foundName, name);
                if (name.Length == foundName.Length || !(longer.AsSpan().EndsWith(shorter) || longer.AsSpan().StartsWith(shorter)))
                {
                    ambiguous = true;
                    continue;
                }
            }
            if (foundName is null || name.Length > foundName.Length) { found = member; foundName = name; }
        }
        if (found < 0 || ambiguous) return -1;
        string drifted = Utf8Text.GetString(key);
        if (!context.TryRecordKey(LlmRepairKind.KeyPartialMatch, drifted, _jsonNames[found])) return -1;
        context.MarkWeakMatch(drifted);
        return found;
    }

    /// <summary>
    /// Called for an unknown key whose value was cut off or left out: when the key is the start of the name of a member
    /// not yet seen in this object (<c>customerEm</c>), the output was cut while that member was being written, so it
    /// is reported as cut off instead of being left absent (null).
    /// </summary>
    internal void ReportCutKey(scoped ReadOnlySpan<byte> key, LlmReadContext context, int slotBase)
    {
        Span<byte> buffer = key.Length <= 256 ? stackalloc byte[key.Length] : new byte[key.Length];
        // An empty key (`…, "` cut right after the quote) starts every name: any member not yet seen may have begun.
        var n = buffer.Slice(0, Normalize(key, buffer));
        int first = -1;
        bool several = false;
        CollectBegun(n, key, 0, context, slotBase, ref first, ref several);
        // `ticket_customer_em`, `the_customer_email_addr`: after words the matcher accepts before a name (the type's own,
        // `the_`, `final_`), a name begun, or a name with a restating word begun after it; the member was being written.
        for (int at = 1; first < 0 && at < n.Length; at++)
        {
            if (IsWordBoundary(key, at) && OnlySelfQualifiers(key, at, context)) CollectBegun(n.Slice(at), key, at, context, slotBase, ref first, ref several);
        }
        if (first < 0) return;
        string written = Utf8Text.GetString(key);
        if (several && n.Length == 0)
        {
            context.AddError("a complete value", "a member whose key was cut off (" + LlmReadContext.Quote(written) + ")");
            return;
        }

        context.AddErrorAt(several ? written : _jsonNames[first], "a complete value", "a key that was cut off (" + LlmReadContext.Quote(written) + ")");
    }

    /// <summary>
    /// The members not yet seen whose name starts with <paramref name="rest"/> (the normalized key from character
    /// <paramref name="offset"/>), or that <paramref name="rest"/> starts with when what follows the name is the start of a
    /// restating word (<c>customer_email_addr</c>).
    /// </summary>
    private void CollectBegun(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> key, int offset, LlmReadContext context, int slotBase, ref int first, ref bool several)
    {
        for (int k = 0; k < _normalized.Length; k++)
        {
            int member = _normalizedMember[k];
            if (member < 0 || member == first || context.HasSlot(slotBase + member)) continue;
            var name = _normalized[k].AsSpan();
            bool begun = name.Length > rest.Length ? name.StartsWith(rest)
                : name.Length >= MinPartialLength && name.Length < rest.Length && rest.StartsWith(name) && IsWordBoundary(key, offset + name.Length)
                    && StartsRestatingWord(rest.Slice(name.Length));
            if (!begun) continue;
            if (first < 0) first = member;
            else several = true;
        }
    }

    /// <summary>Whether <paramref name="written"/> is the start of one of <see cref="RestatingWords"/> (<c>addr</c>, <c>tex</c>).</summary>
    private static bool StartsRestatingWord(ReadOnlySpan<byte> written)
    {
        foreach (string word in RestatingWords)
        {
            if (word.Length < written.Length) continue;
            bool starts = true;
            for (int i = 0; i < written.Length && starts; i++) starts = word[i] == written[i];
            if (starts) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether two normalized names are the singular and plural of one word (<c>tag</c>/<c>tags</c>,
    /// <c>box</c>/<c>boxes</c>, <c>category</c>/<c>categories</c>), the shorter at least <see cref="MinPartialLength"/> long.
    /// </summary>
    private static bool OtherNumber(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length > b.Length) { var t = a; a = b; b = t; }
        if (a.Length < MinPartialLength || !b.StartsWith(a.Slice(0, a.Length - 1))) return false;
        var tail = b.Slice(a.Length - 1);
        byte last = a[a.Length - 1];
        return (tail.Length == 2 && tail[0] == last && tail[1] == (byte)'s')                                  // tag → tags
            || (tail.Length == 3 && tail[0] == last && tail[1] == (byte)'e' && tail[2] == (byte)'s')          // box → boxes
            || (last == (byte)'y' && tail.Length == 3 && tail[0] == (byte)'i' && tail[1] == (byte)'e' && tail[2] == (byte)'s'); // category → categories
    }

    /// <summary>Member names shorter than this (<c>id</c>) are not matched inside longer keys: too many keys contain them.</summary>
    private const int MinPartialLength = 3;

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

    /// <summary>
    /// Words that make a drifted key name a different value of the member's kind rather than the member itself: an
    /// earlier, later or other one (<c>previous_status</c>, <c>first_name</c>, <c>alt_email</c>, <c>cc_email</c>), a bound
    /// or an aggregate or part of one (<c>max_priority</c>, <c>total_price</c>, <c>net_total</c>), or a stand-in (<c>default_tone</c>, <c>example_summary</c>).
    /// </summary>
    private static readonly HashSet<string> OtherValueWords = new(StringComparer.Ordinal)
    {
        "previous", "prev", "prior", "old", "original", "former", "first", "last", "middle", "next",
        "min", "max", "minimum", "maximum", "avg", "average", "mean", "median", "total", "sum", "sub", "net", "gross", "partial",
        "alt", "alternate", "alternative", "secondary", "other", "backup", "fallback", "cc", "bcc",
        "default", "suggested", "example", "sample", "placeholder",
    };

    /// <summary>
    /// Words that, after a member's name, still name the member itself: its value or text (<c>priority_level</c>,
    /// <c>summary_text</c>, <c>confidence_score</c>), its written form (<c>email_address</c>, <c>category_name</c>,
    /// <c>homepage_url</c>), or
    /// a container of it (<c>tags_list</c>); and <c>of</c>/<c>for</c>, after which the name stays the head
    /// (<c>summary_of_reasoning</c>).
    /// </summary>
    private static readonly HashSet<string> RestatingWords = new(StringComparer.Ordinal)
    {
        "level", "value", "val", "text", "txt", "string", "str", "field", "data", "info", "content", "score", "rating",
        "amount", "address", "addr", "name", "label", "code", "type", "kind", "flag", "list", "array", "items", "set",
        "date", "time", "at", "on", "url", "uri", "link", "href",
    };

    /// <summary>Whether every word of <paramref name="key"/> in normalized characters [start, end) restates the member (see <see cref="RestatingWords"/>), or the first is "of"/"for".</summary>
    private static bool OnlyRestatingWords(ReadOnlySpan<byte> key, int start, int end)
    {
        bool first = true;
        bool all = true;
        ForEachWord(key, start, end, word =>
        {
            if (first && word is "of" or "for") return false; // stop: the rest qualifies the name
            first = false;
            if (!RestatingWords.Contains(word)) all = false;
            return all;
        });
        return all;
    }

    /// <summary>Calls <paramref name="visit"/> with each lower-cased word of <paramref name="key"/> lying in normalized characters [start, end), until it returns false.</summary>
    private static void ForEachWord(ReadOnlySpan<byte> key, int start, int end, Func<string, bool> visit)
    {
        int seen = 0;
        for (int i = 0; i < key.Length;)
        {
            if (!IsWordChar(key[i]))
            {
                i++;
                continue;
            }

            int wordStart = i, wordSeen = seen;
            do
            {
                i++;
                seen++;
            }
            while (i < key.Length && IsWordChar(key[i]) && !(key[i] is >= (byte)'A' and <= (byte)'Z' && key[i - 1] is >= (byte)'a' and <= (byte)'z'));

            if (wordSeen >= start && seen <= end && !visit(Encoding.UTF8.GetString(key.Slice(wordStart, i - wordStart).ToArray()).ToLowerInvariant()))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Words before a member's name that leave the key naming this output's own value: articles and possessives, and the
    /// words a model uses for what it concluded (<c>predicted_</c>, <c>detected_</c>, <c>final_</c>, <c>overall_</c>…).
    /// </summary>
    private static readonly HashSet<string> SelfQualifierWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "your", "our", "its", "this",
        "final", "overall", "main", "primary", "current", "latest", "new", "updated", "actual", "resolved",
        "predicted", "detected", "extracted", "inferred", "estimated", "assigned", "identified", "classified", "determined",
        "chosen", "selected", "computed", "calculated", "derived", "output", "result", "response", "answer",
    };

    /// <summary>Whether every word of <paramref name="key"/> before normalized character <paramref name="end"/> is a word of the type's name or a <see cref="SelfQualifierWords"/> word.</summary>
    private bool OnlySelfQualifiers(ReadOnlySpan<byte> key, int end, LlmReadContext context)
    {
        bool all = true;
        var typeWords = _typeWords;
        // The words of the member this object is the value of qualify too, made only when a word needs them: inside
        // `billingAddress`, `billing_street` is its street; inside `lineItems`, `item_price` is the item's price.
        HashSet<string>? memberWords = null;
        ForEachWord(key, 0, end, word => all = SelfQualifierWords.Contains(word) || HasWord(typeWords, word)
            || context.EnclosingMemberName is { } enclosing && HasWord(memberWords ??= TypeWords(enclosing), word));
        return all;

        static bool HasWord(HashSet<string> words, string word) => words.Contains(word) || words.Contains(Singular(word));
    }

    /// <summary>The lower-cased words of a C# type name (<c>SupportTicket</c> → support, ticket; <c>HTTPRequest2</c> → http, request2).</summary>
    private static HashSet<string> TypeWords(string typeName)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(typeName);
        ForEachWord(bytes, 0, int.MaxValue, word =>
        {
            words.Add(word);
            words.Add(Singular(word));
            return true;
        });
        return words;
    }

    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith("ies", StringComparison.Ordinal) ? word.Substring(0, word.Length - 3) + "y"
        : word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) ? word.Substring(0, word.Length - 1)
        : word;

    /// <summary>Whether a word of <paramref name="key"/> lying in normalized characters [start, end) is one of <see cref="OtherValueWords"/>.</summary>
    private static bool HasOtherValueWord(ReadOnlySpan<byte> key, int start, int end)
    {
        bool found = false;
        ForEachWord(key, start, end, word => !(found = OtherValueWords.Contains(word)));
        return found;
    }

    private static bool IsWordChar(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' || b >= 0x80;

    internal static byte[] Normalize(ReadOnlySpan<byte> name)
    {
        var buffer = new byte[name.Length];
        int n = Normalize(name, buffer);
        return buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>
    /// Lower-case ASCII letters and digits (and non-ASCII bytes), dropping separators and invisible characters (zero-width
    /// space, joiners, word joiner, BOM, direction marks, soft hyphen): `Customer_Email` → `customeremail`.
    /// </summary>
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
            else if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9') into[n++] = b;
            else if (b >= 0x80)
            {
                int invisible = InvisibleLength(name, i);
                if (invisible > 0)
                {
                    i += invisible - 1;
                    continue;
                }
                int space = Utf8Text.SpecialSpaceLength(name, i);
                if (space > 0)
                {
                    i += space - 1; // a separator like the ASCII space (`Billing\u00A0`)
                    continue;
                }
                into[n++] = b;
            }
        }
        return n;
    }

    /// <summary>
    /// The UTF-8 length of an invisible format character at <paramref name="i"/>, else 0: U+200B–U+200D (zero-width space
    /// and joiners), U+2060 (word joiner), U+FEFF (BOM), the direction marks and controls that right-to-left text and its
    /// copies carry (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069), U+2061–U+2064 (invisible operators) and U+00AD
    /// (soft hyphen).
    /// </summary>
    private static int InvisibleLength(ReadOnlySpan<byte> s, int i)
    {
        if (i + 1 < s.Length && ((s[i] == 0xC2 && s[i + 1] == 0xAD) || (s[i] == 0xD8 && s[i + 1] == 0x9C))) return 2;
        if (i + 2 >= s.Length) return 0;
        byte b1 = s[i + 1], b2 = s[i + 2];
        bool invisible = s[i] == 0xE2
            ? (b1 == 0x80 && b2 is >= 0x8B and <= 0x8F or >= 0xAA and <= 0xAE) || (b1 == 0x81 && b2 is >= 0xA0 and <= 0xA4 or >= 0xA6 and <= 0xA9)
            : s[i] == 0xEF && b1 == 0xBB && b2 == 0xBF;
        return invisible ? 3 : 0;
    }
}
