using System;
using System.Collections.Generic;
using System.Linq;
using StructuredLlm.Json;
using StructuredLlm.Tests.Readers;

namespace StructuredLlm.Tests;

/// <summary>
/// Every repair kind of the catalogue reports its kind, JSON path, position and a before/after snippet that is
/// non-empty and shows the change: the changed text and its replacement, with neighbouring input text when the
/// change is a pure insertion or deletion (docs/repair.md, "Repair records").
/// </summary>
public class RepairRecordTests
{
    // input, kind, path, position (char offset in the input), before, after
    public static readonly TheoryData<string, LlmRepairKind, string, int, string, string> SyntaxCases = new()
    {
        { "\uFEFF{\"a\": 1}", LlmRepairKind.ByteOrderMark, "$", 0, "\uFEFF{\"a\": 1}", "{\"a\": 1}" },
        { "```json\n{\"a\": 1}\n```", LlmRepairKind.MarkdownFence, "$", 0, "```json\n{\"a\": 1}\n```", "\n{\"a\": 1}\n```" },
        { "Here you go:\n```json\n{\"a\": 1}\n```\nThanks!", LlmRepairKind.MarkdownFence, "$", 13, "Here you go:\n```json\n{\"a\": 1}\n```\nThanks!", "{\"a\": 1}" },
        { "<think>{\"a\": 2}</think>\n{\"a\": 1}", LlmRepairKind.ReasoningBlock, "$", 0, "<think>{\"a\": 2}</think>\n{\"a\": 1}", "{\"a\": 1}" },
        { "<json>{\"a\": 1}</json>", LlmRepairKind.TagWrapper, "$", 0, "<json>{\"a\": 1}</json>", "{\"a\": 1}" },
        { "The answer is {\"a\": 1} as requested.", LlmRepairKind.SurroundingText, "$", 14, "The answer is {\"a\": 1} as requested.", "{\"a\": 1}" },
        { "{\"v\": {\"$oid\": ObjectId(\"5f1\")}}", LlmRepairKind.FunctionWrapper, "$.v['$oid']", 15, "v\": {\"$oid\": ObjectId(\"5f1\")}}", "v\": {\"$oid\": \"5f1\")}}" },
        { "{, \"a\": 1}", LlmRepairKind.LeadingComma, "$", 1, "{, \"a\": 1}", "{ \"a\": 1}" },
        { "[1, 2,]", LlmRepairKind.TrailingComma, "$", 5, "[1, 2,]", "[1, 2]" },
        { "{\"a\": 1,, \"b\": 2}", LlmRepairKind.ExtraComma, "$", 8, "{\"a\": 1,, \"b\": 2}", "{\"a\": 1, \"b\": 2}" },
        { "{\"a\": 1,}", LlmRepairKind.TrailingComma, "$", 7, "{\"a\": 1,}", "{\"a\": 1}" },
        { "{\"a\": [1, 2, ], \"b\": 3}", LlmRepairKind.TrailingComma, "$.a", 11, "{\"a\": [1, 2, ], \"b\": 3}", "{\"a\": [1, 2 ], \"b\": 3}" },
        { "[1 2]", LlmRepairKind.MissingComma, "$", 3, "[1 2]", "[1, 2]" },
        { "{\"a\" 1}", LlmRepairKind.MissingColon, "$.a", 5, "{\"a\" 1}", "{\"a\": 1}" },
        { "{\"a\" = 1}", LlmRepairKind.SeparatorSpelling, "$.a", 5, "=", ":" },
        { "{\"a\": 1 // note\n}", LlmRepairKind.Comment, "$.a", 8, "{\"a\": 1 // note\n}", "{\"a\": 1 \n}" },
        { "{'a': 1}", LlmRepairKind.SingleQuotes, "$", 1, "'", "\"" },
        { "{\u201Ca\u201D: 1}", LlmRepairKind.CurlyQuotes, "$", 1, "\u201C", "\"" },
        { "{a: 1}", LlmRepairKind.UnquotedKey, "$", 1, "a", "\"a\"" },
        { "[abc]", LlmRepairKind.UnquotedString, "$[0]", 1, "abc", "\"abc\"" },
        { "{\"a\": True}", LlmRepairKind.PythonLiteral, "$.a", 6, "True", "true" },
        { "{\"a\": undefined}", LlmRepairKind.UndefinedLiteral, "$.a", 6, "undefined", "null" },
        { "{\"a\": NULL}", LlmRepairKind.LiteralSpelling, "$.a", 6, "NULL", "null" },
        { "{\"a\": \"x\ty\"}", LlmRepairKind.ControlCharacter, "$.a", 8, "{\"a\": \"x\ty\"}", "{\"a\": \"x\\ty\"}" },
        { "{\"a\": \"say \"hi\" now\"}", LlmRepairKind.InnerQuote, "$.a", 11, "{\"a\": \"say \"hi\" now\"}", "{\"a\": \"say \\\"hi\" now\"}" },
        { "{\"a\": \"it\\'s\"}", LlmRepairKind.InvalidEscape, "$.a", 9, "\\'", "'" },
        { "{\\\"a\\\": 1}", LlmRepairKind.EscapedString, "$", 1, "\\\"", "\"" },
        { "[\"a\" + \"b\"]", LlmRepairKind.StringConcatenation, "$[0]", 5, "[\"a\" + \"b\"", "\"ab\"" },
        { "{\"a\":\u00A01}", LlmRepairKind.SpecialWhitespace, "$.a", 5, "{\"a\":\u00A01}", "{\"a\": 1}" },
        { "[.5]", LlmRepairKind.NumberFormat, "$[0]", 1, ".5", "0.5" },
        { "{\"a\": +2}", LlmRepairKind.NumberFormat, "$.a", 6, "+2", "2" },
        { "[0789]", LlmRepairKind.LeadingZeros, "$[0]", 1, "0789", "\"0789\"" },
        { "{\"a\": [1, 2]", LlmRepairKind.MissingClosingBracket, "$", 12, "{\"a\": [1, 2]", "{\"a\": [1, 2]}" },
        { "\"a\": 1, \"b\": [2]}", LlmRepairKind.MissingOpeningBracket, "$", 0, "\"a\": 1, \"b\":", "{\"a\": 1, \"b\":" },
        { "{\"a\": 1}}", LlmRepairKind.ExtraClosingBracket, "$", 8, "{\"a\": 1}}", "{\"a\": 1}" },
        { "{\"a\": 1}\n{\"b\": 2}\n", LlmRepairKind.ValueSequence, "$", 9, "{\"a\": 1}\n{\"b\": 2}", "[{\"a\": 1}\n{\"b\": 2}]" },
        { "{\"a\": \"cut", LlmRepairKind.TruncatedString, "$.a", 6, "{\"a\": \"cut", "{\"a\": \"cut\"" },
        { "{\"a\": 12", LlmRepairKind.TruncatedNumber, "$.a", 6, "12", "12" },
        { "{\"a\": -, \"b\": 1}", LlmRepairKind.IncompleteNumber, "$.a", 6, "-", "-0" },
        { "[1, 2", LlmRepairKind.TruncatedArray, "$", 5, "[1, 2", "[1, 2]" },
        { "[tru", LlmRepairKind.TruncatedLiteral, "$[0]", 1, "tru", "null" },
        { "{\"a\":}", LlmRepairKind.MissingValue, "$.a", 5, "{\"a\":}", "{\"a\":null}" },
        { "{\"a\": \"b, \"c\": 1}", LlmRepairKind.MissingEndQuote, "$.a", 8, "{\"a\": \"b, \"c\": 1}", "{\"a\": \"b\", \"c\": 1}" },
        { "[1, 2, ...]", LlmRepairKind.Ellipsis, "$", 7, "[1, 2, ...]", "[1, 2, ]" },
    };

    [Theory]
    [MemberData(nameof(SyntaxCases))]
    public void Every_syntax_repair_records_a_visible_before_and_after(string input, LlmRepairKind kind, string path, int position, string before, string after)
    {
        LlmJson.TryRepair(input, out _, out var repairs, out var error);
        Assert.Null(error);
        var r = repairs.First(x => x.Kind == kind); // the first one, where a case has two (both fences, both inner quotes)
        Assert.Equal((path, position, before, after), (r.Path, r.Position, r.Before, r.After));
        AssertVisible(r);
    }

    [Fact]
    public void The_syntax_cases_cover_every_syntax_kind()
    {
        var covered = SyntaxCases.Select(c => (LlmRepairKind)c.Data.Item2).ToHashSet();
        var syntax = Enum.GetValues<LlmRepairKind>().Where(k => !k.IsCoercion() && k != LlmRepairKind.DoubleEncoded).ToHashSet();
        Assert.Empty(syntax.Except(covered));
    }

    // the kinds recorded while reading against a schema, with the hand-written SupportTicket and Sentiment readers
    public static readonly TheoryData<string, string, LlmRepairKind, string, string, string> TypedCases = new()
    {
        { "ticket", """{"Category":"billing","priority":1,"summary":"s","tags":[]}""", LlmRepairKind.KeyNormalized, "$.Category", "Category", "category" },
        { "ticket", """{"ticket_category":"billing","priority":1,"summary":"s","tags":[]}""", LlmRepairKind.KeyPartialMatch, "$.ticket_category", "ticket_category", "category" },
        { "ticket", """{"category":"billing","priority":1,"priority":1,"summary":"s","tags":[]}""", LlmRepairKind.DuplicateKey, "$.priority", "1 … 1", "1" },
        { "ticket", """{"category":"billing","priority":"4","summary":"s","tags":[]}""", LlmRepairKind.NumberFromString, "$.priority", "\"4\"", "4" },
        { "ticket", """{"category":"billing","priority":4.0,"summary":"s","tags":[]}""", LlmRepairKind.IntegerFromFloat, "$.priority", "4.0", "4" },
        { "ticket", """{"category":"billing","priority":1,"summary":42,"tags":[]}""", LlmRepairKind.StringFromNumber, "$.summary", "42", "\"42\"" },
        { "ticket", """{"category":" Billing ","priority":1,"summary":"s","tags":[]}""", LlmRepairKind.EnumNormalized, "$.category", "\" Billing \"", "billing" },
        { "ticket", """{"category":"billing","priority":1,"summary":"s","tags":"urgent"}""", LlmRepairKind.ScalarToList, "$.tags", "\"urgent\"", "[\"urgent\"]" },
        { "ticket", """[{"category":"billing","priority":1,"summary":"s","tags":[]}]""", LlmRepairKind.UnwrappedRootArray, "$[0]", """[{"category":"bil…":"s","tags":[]}]""", """{"category":"bil…":"s","tags":[]}""" },
        { "ticket", """{"result": {"category":"billing","priority":1,"summary":"s","tags":[]}}""", LlmRepairKind.UnwrappedWrapperObject, "$.result", """{"result": {"category":"bil…":"s","tags":[]}}""", """{"category":"bil…":"s","tags":[]}""" },
        { "ticket", "\"{\\\"category\\\":\\\"billing\\\",\\\"priority\\\":1,\\\"summary\\\":\\\"s\\\",\\\"tags\\\":[]}\"", LlmRepairKind.DoubleEncoded, "$", "\"{\\\"category\\\":\\\"…s\\\",\\\"tags\\\":[]}\"", """{"category":"bil…":"s","tags":[]}""" },
        { "sentiment", """{"label":"positive","confidence":0.5,"sarcastic":"TRUE"}""", LlmRepairKind.BoolFromString, "$.sarcastic", "\"TRUE\"", "true" },
        { "ticket", """{"category":"billing","priority":1,"summary":"s","tags":"[\"a\"]"}""", LlmRepairKind.DoubleEncoded, "$.tags", "\"[\\\"a\\\"]\"", "[\"a\"]" },
        { "branch", """{"radius": 2}""", LlmRepairKind.DiscriminatorInferred, "$", "no \"kind\"", "\"kind\": \"circle\"" },
        { "ticket", """{"category":["billing"],"priority":1,"summary":"s","tags":[]}""", LlmRepairKind.ListToScalar, "$.category", "an array", "\"billing\"" },
        { "optional-int", "{\"n\": \" \"}", LlmRepairKind.NullFromString, "$.n", "\" \"", "null" },
        { "guid", "\"{3F2504E0-4F89-11D3-9A0C-0305E82C3301}\"", LlmRepairKind.FormatNormalized, "$", "\"{3F2504E0-4F89-11D3-9A0C-0305E82C3301}\"", "\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"" },
    };

    [Theory]
    [MemberData(nameof(TypedCases))]
    public void Every_read_repair_records_a_visible_before_and_after(string type, string input, LlmRepairKind kind, string path, string before, string after)
    {
        IReadOnlyList<LlmRepair> repairs = type switch
        {
            "ticket" => Read(SupportTicketReader.Parse(input)),
            "sentiment" => Read(SentimentReader.Parse(input)),
            "branch" => Read(LlmParser.Parse<int>(input, static (ref System.Text.Json.Utf8JsonReader r, LlmReadContext c, out int v) =>
            {
                var ok = LlmRead.InferBranch(r, c, "kind", new[] { new LlmMemberTable("Circle", new LlmMember("radius")), new LlmMemberTable("Square", new LlmMember("side")) },
                    new[] { "\"circle\"", "\"square\"" }, out v);
                r.Skip();
                return ok;
            }, null, "a shape")),
            "optional-int" => Read(LlmParser.Parse<int?>(input, static (ref System.Text.Json.Utf8JsonReader r, LlmReadContext c, out int? v) =>
            {
                v = null;
                r.Read(); // the key
                c.PushProperty("n");
                r.Read();
                bool ok = LlmRead.IsNullOrNoValue(ref r, c);
                c.PopPath();
                r.Read(); // the end of the object
                return ok;
            }, null, "an object")),
            _ => Read(LlmParser.Parse<Guid>(input, static (ref System.Text.Json.Utf8JsonReader r, LlmReadContext c, out Guid v) => LlmRead.Guid(ref r, c, "a GUID", out v), null, "a GUID")),
        };
        var r = Assert.Single(repairs, x => x.Kind == kind && x.Path == path);
        Assert.Equal((path, before, after), (r.Path, r.Before, r.After));
        Assert.InRange(r.Position, -1, input.Length);
        AssertVisible(r);
    }

    [Fact]
    public void The_typed_cases_cover_every_read_kind()
    {
        var covered = TypedCases.Select(c => (LlmRepairKind)c.Data.Item3).ToHashSet();
        var read = Enum.GetValues<LlmRepairKind>().Where(k => k.IsCoercion() || k == LlmRepairKind.DoubleEncoded).ToHashSet();
        Assert.Empty(read.Except(covered));
    }

    [Fact]
    public void Long_dropped_text_is_shortened_around_the_kept_value()
    {
        string prose = "Sure! " + new string('x', 200) + " here it is: ";
        string json = "{\"a\": \"" + new string('y', 200) + "\"}";
        LlmJson.TryRepair(prose + json + " Hope this helps.", out _, out var repairs, out _);
        var r = Assert.Single(repairs);
        Assert.Equal(LlmRepairKind.SurroundingText, r.Kind);
        Assert.Equal("…xxxxxxxxxxx here it is: {\"a\": \"yyyyyyyyy…yyyyyyyyyyyyyy\"} Hope this helps.", r.Before);
        Assert.Equal("{\"a\": \"yyyyyyyyy…yyyyyyyyyyyyyy\"}", r.After);
    }

    [Theory]
    [InlineData("[1]\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n]", LlmRepairKind.ExtraClosingBracket, "[1]\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n]", "[1]\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n")]
    [InlineData("[1, \"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"", LlmRepairKind.TruncatedArray, "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"", "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"]")]
    public void Context_reaches_past_blank_runs_and_never_splits_a_character(string input, LlmRepairKind kind, string before, string after)
    {
        // found by AFL: 12 bytes of continuation bytes or of whitespace next to an edit left a snippet empty
        LlmJson.TryRepair(input, out _, out var repairs, out _);
        var r = repairs.First(x => x.Kind == kind);
        Assert.Equal((before, after), (r.Before, r.After));
        AssertVisible(r);
    }

    private static IReadOnlyList<LlmRepair> Read<T>(LlmResult<T> result)
    {
        Assert.True(result.Success, string.Join("; ", result.Errors));
        return result.Repairs;
    }

    private static void AssertVisible(LlmRepair r)
    {
        Assert.False(string.IsNullOrWhiteSpace(r.Before), $"{r.Kind}: empty before");
        Assert.False(string.IsNullOrWhiteSpace(r.After), $"{r.Kind}: empty after");
        if (r.Kind != LlmRepairKind.TruncatedNumber) Assert.NotEqual(r.Before, r.After); // a number that ends the text is kept, only marked
    }
}
