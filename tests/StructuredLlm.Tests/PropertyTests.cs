using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using StructuredLlm.Json;
using StructuredLlm.Tests.Corpus;
using StructuredLlm.Tests.Readers;

namespace StructuredLlm.Tests;

/// <summary>
/// Parse(Serialize(x)) == x with zero repairs; and a mutation from the repair catalogue gives x or a refusal,
/// never a different value.
/// </summary>
public class PropertyTests
{
    // characters that stress the repairer when they appear inside strings
    private const string Nasty = "abcxyzABC 019é€\"'\\/\n\t{}[],:*#`\u201c\u201d\u2018\u2019.-_+<>";

    private static readonly Gen<string> Text = Gen.String[Gen.Char[Nasty], 0, 40];
    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 10];

    internal static readonly Gen<SupportTicket> Tickets = Gen.Select(
        Gen.Enum<Category>(), Gen.Int[1, 5], Text, Text.List[0, 5],
        Gen.Select(Word, Word, (a, b) => a + "@" + b + ".com").Null(0.3),
        (c, p, s, t, e) => new SupportTicket(c, p, s, t, e));

    internal static readonly Gen<Invoice> Invoices = Gen.Select(
        Gen.Int[1, 99999].Select(n => "INV-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ"], 3, 3],
        Gen.Select(Text, Gen.Int[1, 10000], Gen.Int[0, 10_000_000].Select(c => c / 100m), (d, q, u) => new LineItem(d, q, u)).List[1, 4],
        Gen.Int[0, 100_000_000].Select(c => c / 100m),
        Gen.Int[0, 3000].Select(d => new DateOnly(2024, 1, 1).AddDays(d)).Nullable(0.3),
        Text.Null(0.5),
        (n, c, l, t, d, notes) => new Invoice(n, c, l, t, d, notes));

    internal static readonly Gen<Sentiment> Sentiments = Gen.Select(
        Gen.Enum<SentimentLabel>(), Gen.Int[0, 1000].Select(i => i / 1000.0), Gen.Bool, Gen.Long[0, 1L << 52].Nullable(0.3),
        (l, c, s, r) => new Sentiment(l, c, s, r));

    private static string Ser<T>(T value) => JsonSerializer.Serialize(value, CorpusTests.Canonical);

    /// <summary>Raw apostrophes, curly quotes, &lt; &gt; &amp; and non-ASCII in strings: what models actually write.</summary>
    private static readonly JsonSerializerOptions Relaxed = new(CorpusTests.Canonical) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Serialized_tickets_parse_back_with_zero_repairs()
    {
        Tickets.Sample(t =>
        {
            var json = Ser(t);
            var r = SupportTicketReader.Parse(json);
            Assert.True(r.Success, json + " => " + string.Join("; ", r.Errors));
            Assert.Empty(r.Repairs);
            Assert.Equal(json, Ser(r.Value));
            var bytes = SupportTicketReader.Parse(Encoding.UTF8.GetBytes(json).AsSpan());
            Assert.Equal(json, Ser(bytes.Value));
        }, iter: 500);
    }

    [Fact]
    public void Serialized_invoices_and_sentiments_parse_back_with_zero_repairs()
    {
        Invoices.Sample(x =>
        {
            var json = Ser(x);
            var r = InvoiceReader.Parse(json);
            Assert.True(r.Success, json + " => " + string.Join("; ", r.Errors));
            Assert.Empty(r.Repairs);
            Assert.Equal(json, Ser(r.Value));
        }, iter: 300);
        Sentiments.Sample(x =>
        {
            var json = JsonSerializer.Serialize(x, new JsonSerializerOptions(CorpusTests.Canonical) { WriteIndented = true });
            var r = SentimentReader.Parse(json);
            Assert.True(r.Success, json + " => " + string.Join("; ", r.Errors));
            Assert.Empty(r.Repairs);
            Assert.Equal(Ser(x), Ser(r.Value));
        }, iter: 300);
    }

    // ------------------------------------------------------------------ mutations

    internal enum Mutation
    {
        TrailingComma, DropComma, Comment, SingleQuotes, UnquotedKeys, PythonLiterals, Fence, Prose,
        RawNewlines, DropFinalBrace, SnakeCaseKeys, PascalCaseKeys, CurlyQuotes, WrapInArray, WrapInObject,
    }

    /// <summary>Positions of structural characters (outside strings) in compact JSON.</summary>
    private static List<int> Structural(string json, Func<char, bool> which)
    {
        var list = new List<int>();
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (which(c)) list.Add(i);
        }
        return list;
    }

    /// <summary>Rewrites every string token: keys with <paramref name="key"/>, all with new delimiters.</summary>
    private static string RewriteStrings(string json, Func<string, bool, string> rewrite)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < json.Length)
        {
            if (json[i] != '"')
            {
                sb.Append(json[i++]);
                continue;
            }
            int start = i++;
            while (json[i] != '"') i += json[i] == '\\' ? 2 : 1;
            i++;
            var token = json.Substring(start, i - start);
            int k = i;
            while (k < json.Length && json[k] == ' ') k++;
            bool isKey = k < json.Length && json[k] == ':';
            sb.Append(rewrite(token, isKey));
        }
        return sb.ToString();
    }

    internal static string Mutate(string json, Mutation m, int pick)
    {
        switch (m)
        {
            case Mutation.TrailingComma:
            {
                var closes = Structural(json, c => c is '}' or ']');
                int at = closes[pick % closes.Count];
                return json.Insert(at, ",");
            }
            case Mutation.DropComma:
            {
                var commas = Structural(json, c => c == ',');
                if (commas.Count == 0) return json;
                return json.Remove(commas[pick % commas.Count], 1).Insert(commas[pick % commas.Count], "\n");
            }
            case Mutation.Comment:
            {
                var spots = Structural(json, c => c is ',' or '{' or '[' or ':');
                int at = spots[pick % spots.Count] + 1;
                string[] comments = { "/* note */", "// note\n", "# note\n", " /* a, \"b\" */ " };
                return json.Insert(at, comments[pick % comments.Length]);
            }
            case Mutation.SingleQuotes:
                // An apostrophe inside is escaped, as single-quoted JSON writes it: left raw, `'a','b'` inside one string
                // is the same text as two strings, and no reader could tell which was meant.
                return RewriteStrings(json, (t, _) => "'" + t.Substring(1, t.Length - 2).Replace("'", "\\'") + "'");
            case Mutation.CurlyQuotes:
                // Curly quotes have no escape: a string that holds one keeps its straight quotes, or the mutated text
                // could mean two strings as well as one.
                return RewriteStrings(json, (t, _) => t.IndexOfAny(new[] { '\u201c', '\u201d' }) >= 0 ? t : "\u201c" + t.Substring(1, t.Length - 2) + "\u201d");
            case Mutation.UnquotedKeys:
                return RewriteStrings(json, (t, isKey) => isKey ? t.Substring(1, t.Length - 2) : t);
            case Mutation.SnakeCaseKeys:
                return RewriteStrings(json, (t, isKey) => isKey ? string.Concat(t.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString())) : t);
            case Mutation.PascalCaseKeys:
                return RewriteStrings(json, (t, isKey) => isKey ? "\"" + char.ToUpperInvariant(t[1]) + t.Substring(2) : t);
            case Mutation.PythonLiterals:
            {
                var sb = new StringBuilder(json);
                foreach (var (from, to) in new[] { ("true", "True"), ("false", "False"), ("null", "None") })
                {
                    foreach (int at in Structural(sb.ToString(), c => c == from[0]).Where(p => sb.ToString().Substring(p).StartsWith(from, StringComparison.Ordinal)).Reverse())
                    {
                        sb.Remove(at, from.Length).Insert(at, to);
                    }
                }
                return sb.ToString();
            }
            case Mutation.Fence:
                return "```json\n" + json + "\n```";
            case Mutation.Prose:
                return "Sure, here is the result:\n" + json + "\nHope this helps.";
            case Mutation.RawNewlines:
                return json.Replace("\\n", "\n", StringComparison.Ordinal);
            case Mutation.DropFinalBrace:
                return json.Substring(0, json.Length - 1);
            case Mutation.WrapInArray:
                return "[" + json + "]";
            case Mutation.WrapInObject:
                return "{\"result\":" + json + "}";
            default:
                throw new ArgumentOutOfRangeException(nameof(m));
        }
    }

    [Fact]
    public void Catalogue_mutations_give_the_value_or_a_refusal_never_a_different_value()
    {
        var counts = new int[2];
        Gen.Select(Tickets, Gen.Enum<Mutation>(), Gen.Int[0, 1000], Gen.Bool).Sample((t, m, pick, relaxed) =>
        {
            var json = Ser(t);
            var mutated = Mutate(relaxed ? JsonSerializer.Serialize(t, Relaxed) : json, m, pick);
            var r = SupportTicketReader.Parse(mutated);
            lock (counts) counts[r.Success ? 0 : 1]++;
            if (r.Success) Assert.True(json == Ser(r.Value), $"{m}: {mutated}\n=> {Ser(r.Value)}\nexpected {json}");
        }, iter: 3000);
        // the mutations are repairable most of the time: a test that always refuses would prove nothing
        Assert.True(counts[0] > counts[1] * 3, $"succeeded {counts[0]}, refused {counts[1]}");
    }

    [Fact]
    public void Catalogue_mutations_of_invoices_and_sentiments_never_give_a_different_value()
    {
        Gen.Select(Invoices, Gen.Enum<Mutation>(), Gen.Int[0, 1000]).Sample((x, m, pick) =>
        {
            var json = Ser(x);
            var mutated = Mutate(json, m, pick);
            var r = InvoiceReader.Parse(mutated);
            if (r.Success) Assert.True(json == Ser(r.Value), $"{m}: {mutated}\n=> {Ser(r.Value)}\nexpected {json}");
        }, iter: 1500);
        Gen.Select(Sentiments, Gen.Enum<Mutation>(), Gen.Int[0, 1000]).Sample((x, m, pick) =>
        {
            var json = Ser(x);
            var mutated = Mutate(json, m, pick);
            var r = SentimentReader.Parse(mutated);
            if (r.Success) Assert.True(json == Ser(r.Value), $"{m}: {mutated}\n=> {Ser(r.Value)}\nexpected {json}");
        }, iter: 1500);
    }

    [Fact]
    public void Truncation_gives_the_value_a_refusal_or_the_value_without_optional_members_that_never_began()
    {
        Gen.Select(Tickets, Gen.Double[0, 1]).Sample((t, f) =>
        {
            var json = Ser(t);
            int cut = (int)(f * json.Length);
            var text = json.Substring(0, cut);
            var r = SupportTicketReader.Parse(text);
            if (!r.Success) return;
            var got = Ser(r.Value);
            bool emailBegan = text.Contains("\"customerEmail\"", StringComparison.Ordinal);
            Assert.True(got == json || (!emailBegan && got == Ser(t with { CustomerEmail = null })), $"cut {text}\n=> {got}\nexpected {json}");
        }, iter: 3000);
    }
}
