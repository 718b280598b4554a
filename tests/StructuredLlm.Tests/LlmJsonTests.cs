using System;
using System.Linq;
using StructuredLlm.Json;

namespace StructuredLlm.Tests;

public class LlmJsonTests
{
    [Fact]
    public void Repair_returns_strict_json_and_records_each_change_with_char_positions()
    {
        var text = "Résumé:\n```json\n{name: 'Zoë', tags: ['a',], ok: True // yes\n}\n```";
        Assert.True(LlmJson.TryRepair(text, out var json, out var repairs, out var error));
        Assert.Null(error);
        Assert.True(JsonValue.DeepEquals("""{"name":"Zoë","tags":["a"],"ok":true}""", json));
        var quote = repairs.First(r => r.Kind == LlmRepairKind.SingleQuotes);
        Assert.Equal(text.IndexOf('\'', StringComparison.Ordinal), quote.Position);
        Assert.Equal("$.name", quote.Path);
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.TrailingComma && r.Path == "$.tags");
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.PythonLiteral && r.Before == "True" && r.After == "true");
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.Comment);
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.MarkdownFence);
    }

    [Fact]
    public void Literals_spelled_as_other_languages_do_become_json_literals_only_when_they_stand_alone()
    {
        Assert.True(LlmJson.TryRepair("{\"a\": NULL, \"b\": TRUE, \"c\": [False, nil], \"d\": Null}", out var json, out var repairs, out _));
        Assert.True(JsonValue.DeepEquals("""{"a":null,"b":true,"c":[false,null],"d":null}""", json));
        Assert.Equal(4, repairs.Count(r => r.Kind == LlmRepairKind.LiteralSpelling));

        // a word that only starts like one stays text
        Assert.True(LlmJson.TryRepair("{\"a\": Null pointer, \"b\": nil-rated, \"c\": Nils}", out json, out repairs, out _));
        Assert.True(JsonValue.DeepEquals("""{"a":"Null pointer","b":"nil-rated","c":"Nils"}""", json));
        Assert.DoesNotContain(repairs, r => r.Kind == LlmRepairKind.LiteralSpelling);
    }

    [Theory]
    [InlineData("{\"category\"\uFF1A\"Billing\"\uFF0C\"priority\"\uFF1A3\uFF0C\"tags\"\uFF1A[\"a\"\uFF0C\"b\"]}", 6)] // fullwidth (CJK input)
    [InlineData("{\"category\" = \"Billing\", \"priority\" = 3, \"tags\" = [\"a\", \"b\"]}", 3)]               // key = value
    [InlineData("{\"category\" => \"Billing\", \"priority\" => 3, \"tags\" => [\"a\", \"b\"]}", 3)]            // Ruby and PHP hashes
    [InlineData("{category = \"Billing\", priority = 3, tags = [\"a\", \"b\"]}", 3)]                              // unquoted keys too
    public void Separators_spelt_another_way_become_json_separators(string text, int separators)
    {
        Assert.True(LlmJson.TryRepair(text, out var json, out var repairs, out var error), error?.Message);
        Assert.True(JsonValue.DeepEquals("""{"category":"Billing","priority":3,"tags":["a","b"]}""", json), json);
        Assert.Equal(separators, repairs.Count(r => r.Kind == LlmRepairKind.SeparatorSpelling));
    }

    [Theory]
    [InlineData("{\"s\": \"He said \"x\" = y\"}", "He said \"x\" = y")]                     // `=` after a value is prose
    [InlineData("{\"s\": \"2+2 = 4 \uFF0C \u7B49\uFF1A\u7B49\"}", "2+2 = 4 \uFF0C \u7B49\uFF1A\u7B49")]    // inside a string: data
    [InlineData("{\"s\": \"\u5BA2\u6237\u8BF4\"\u9000\u6B3E\"\uFF0C\"\u7136\u540E\"}", "\u5BA2\u6237\u8BF4\"\u9000\u6B3E\"\uFF0C\"\u7136\u540E")] // CJK prose with quotes: no fullwidth separator was used
    public void Separator_spellings_inside_or_after_text_stay_text(string text, string expected)
    {
        Assert.True(LlmJson.TryRepair(text, out var json, out var repairs, out var error), error?.Message);
        Assert.Equal(expected, System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("s").GetString());
        Assert.DoesNotContain(repairs, r => r.Kind == LlmRepairKind.SeparatorSpelling);
        Assert.False(LlmJson.TryRepair("{\"a\" == 1}", out _, out _, out _)); // `==` is a comparison, not a separator
    }

    [Fact]
    public void An_object_whose_opening_brace_is_missing_gets_it_only_when_a_later_brace_closes_it()
    {
        // a response that continues a prefilled `{`
        Assert.True(LlmJson.TryRepair("\"a\": 1, \"b\": {\"c\": [2]}}", out var json, out var repairs, out _));
        Assert.True(JsonValue.DeepEquals("""{"a":1,"b":{"c":[2]}}""", json));
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.MissingOpeningBracket && r.Position == 0);

        // no unmatched `}`, a brace inside a string, or a string that is not followed by a colon: not an object
        Assert.DoesNotContain(Kinds("\"a\": 1"), k => k == LlmRepairKind.MissingOpeningBracket);
        Assert.DoesNotContain(Kinds("\"a\": \"}\""), k => k == LlmRepairKind.MissingOpeningBracket);
        Assert.DoesNotContain(Kinds("\"a}\""), k => k == LlmRepairKind.MissingOpeningBracket);
        Assert.DoesNotContain(Kinds("\"a\": [1}"), k => k == LlmRepairKind.MissingOpeningBracket);

        static LlmRepairKind[] Kinds(string text) =>
            LlmJson.TryRepair(text, out _, out var found, out _) ? found.Select(r => r.Kind).ToArray() : Array.Empty<LlmRepairKind>();
    }

    [Fact]
    public void Clean_json_comes_back_unchanged_with_no_repairs()
    {
        const string clean = """{"a":[1,2.5,"x\"y"],"b":{"c":null}}""";
        Assert.True(LlmJson.TryRepair(clean, out var json, out var repairs, out _));
        Assert.Equal(clean, json);
        Assert.Empty(repairs);
    }

    [Fact]
    public void Strict_options_refuse_any_repair_and_the_exception_carries_the_text()
    {
        Assert.False(LlmJson.TryRepair("{'a': 1}", LlmParseOptions.StrictDefault, out _, out _, out var error));
        Assert.Contains("SingleQuotes", error!.Message, StringComparison.Ordinal);
        var ex = Assert.Throws<LlmParseException>(() => LlmJson.Repair("I'm sorry, I can't help with that. {"  + "\"a\": ", LlmParseOptions.StrictDefault));
        Assert.StartsWith("I'm sorry", ex.RawText, StringComparison.Ordinal);
        Assert.NotEmpty(ex.Errors);
    }

    [Theory]
    [InlineData("{\"a\":-}", "{\"a\":-0}")]
    [InlineData("[1e,2]", "[1e0,2]")]
    public void A_number_missing_its_digits_is_completed_like_jsonrepair_but_flagged_incomplete(string input, string expected)
    {
        Assert.True(LlmJson.TryRepair(input, out var json, out var repairs, out _));
        Assert.Equal(expected, json);
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.IncompleteNumber && r.Kind.IsIncomplete());
    }

    [Fact]
    public void A_doubled_comma_is_dropped_in_an_object_and_flags_an_element_left_out_in_an_array()
    {
        Assert.True(LlmJson.TryRepair("{\"a\":1,, \"b\":2,,}", out var json, out var repairs, out _));
        Assert.Equal("{\"a\":1, \"b\":2}", json);
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.ExtraComma && !r.Kind.IsIncomplete());

        Assert.True(LlmJson.TryRepair("[1,,3]", out json, out repairs, out _));
        Assert.Equal("[1,3]", json);
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.MissingValue && r.Kind.IsIncomplete());
    }

    [Fact]
    public void Incomplete_values_are_filled_for_text_but_flagged()
    {
        Assert.True(LlmJson.TryRepair("{\"a\": \"cut", out var json, out var repairs, out _));
        Assert.Equal("{\"a\": \"cut\"}", json);
        Assert.Contains(repairs, r => r.Kind.IsIncomplete() && r.Path == "$.a");
    }

    [Fact]
    public void Separate_fenced_answers_are_candidates_not_one_sequence()
    {
        // two fenced blocks with different values: ambiguous, never an array built from the text between them
        var two = "```json\n{\"a\":1}\n```\n```json\n{\"b\":2}\n```";
        Assert.False(LlmJson.TryRepair(two, out _, out _, out var error));
        Assert.Contains("several different JSON values", error!.Message, StringComparison.Ordinal);
        Assert.False(LlmJson.TryRepair("<json>{\"a\":1}</json>\n<json>{\"b\":2}</json>", out _, out _, out _));

        // the same answer twice (the second one repaired) is one answer
        Assert.True(LlmJson.TryRepair("```json\n{\"a\":1,}\n```\nAgain:\n```json\n{\"a\":1}\n```", out var json, out _, out _));
        Assert.True(JsonValue.DeepEquals("""{"a":1}""", json));

        // records one per line in a single fence stay one document (NDJSON), as without the fence
        Assert.True(LlmJson.TryRepair("{\"a\":1}\n{\"b\":2}", out json, out var repairs, out _));
        Assert.True(JsonValue.DeepEquals("""[{"a":1},{"b":2}]""", json));
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.ValueSequence);
    }

    [Fact]
    public void A_fence_inside_a_string_of_a_json_value_in_prose_is_data_not_a_block()
    {
        // the value in the prose holds a fenced snippet in a string: the value is the answer, not the snippet
        Assert.True(LlmJson.TryRepair("Reply:\n{\"text\": \"Try ```json\\n{\\\"a\\\": 1}\\n```\", \"n\": 2,}\nHope it helps.", out var json, out var repairs, out _));
        Assert.True(JsonValue.DeepEquals("{\"text\": \"Try ```json\\n{\\\"a\\\": 1}\\n```\", \"n\": 2}", json), json);
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.SurroundingText);

        // a fence after a value that closed is a fence; one after prose whose bracket never closes is a fence too
        Assert.True(LlmJson.TryRepair("Set {x} first.\n```json\n{\"a\": 1}\n```", out json, out _, out _));
        Assert.True(JsonValue.DeepEquals("{\"a\": 1}", json), json);
        Assert.True(LlmJson.TryRepair("Note {\"unclosed\": \"x\n```json\n{\"a\": 1}\n```", out json, out _, out _));
        Assert.True(JsonValue.DeepEquals("{\"a\": 1}", json), json);
    }

    [Theory]
    [InlineData("{\"a\": \"one \\\ntwo\"}", "one \ntwo")]
    [InlineData("{\"a\": \"one \\\r\ntwo\"}", "one \r\ntwo")]
    public void A_backslash_before_a_line_break_keeps_the_break_whatever_the_line_end(string input, string expected)
    {
        Assert.True(LlmJson.TryRepair(input, out var json, out var repairs, out _));
        Assert.Equal(expected, System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("a").GetString());
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.InvalidEscape);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    public void Unicode_line_separators_between_tokens_are_whitespace_and_inside_strings_are_data(string separator)
    {
        Assert.True(LlmJson.TryRepair("{" + separator + "\"a\":" + separator + "\"x" + separator + "y\"" + separator + "}", out var json, out var repairs, out _));
        Assert.Equal("x" + separator + "y", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("a").GetString());
        Assert.Contains(repairs, r => r.Kind == LlmRepairKind.SpecialWhitespace);
    }
}
