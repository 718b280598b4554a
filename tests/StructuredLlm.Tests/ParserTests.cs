using System;
using System.Buffers;
using System.Linq;
using System.Text;
using StructuredLlm.Json;
using StructuredLlm.Tests.Readers;

namespace StructuredLlm.Tests;

public class ParserTests
{
    private const string Clean = """{"category":"technical","priority":2,"summary":"App crashes on login","tags":["ios","crash"],"customerEmail":"a@b.com"}""";

    private static SupportTicket Ok(string text, LlmParseOptions? options = null)
    {
        var r = SupportTicketReader.Parse(text, options);
        Assert.True(r.Success, string.Join("; ", r.Errors));
        return r.Value!;
    }

    private static LlmResult<SupportTicket> Refused(string text, LlmParseOptions? options = null)
    {
        var r = SupportTicketReader.Parse(text, options);
        Assert.False(r.Success, "expected a refusal but got " + r.Value);
        Assert.NotEmpty(r.Errors);
        return r;
    }

    [Fact]
    public void Clean_json_is_read_with_no_repairs()
    {
        var r = SupportTicketReader.Parse(Clean);
        Assert.True(r.Success);
        Assert.Empty(r.Repairs);
        Assert.Empty(r.UnknownMembers);
        Assert.Equal(Category.Technical, r.Value!.Category);
        Assert.Equal(2, r.Value.Priority);
        Assert.Equal(new[] { "ios", "crash" }, r.Value.Tags);
        Assert.Equal("a@b.com", r.Value.CustomerEmail);
    }

    [Theory]
    [InlineData("""It's # not // a /* comment */, } ` ``` \"'""", "It's # not // a /* comment */, } ` ``` \"'")]
    [InlineData("""ends in a backslash \\""", "ends in a backslash \\")]
    [InlineData("""quote \" then backslash-quote \\\" end""", "quote \" then backslash-quote \\\" end")]
    public void Strict_json_with_any_bytes_inside_strings_is_read_with_no_repairs(string escaped, string expected)
    {
        // Bytes that cannot appear in strict JSON outside a string (quotes, fences, comments, `,}`) are data inside one.
        var r = SupportTicketReader.Parse("{\"category\":\"technical\",\"priority\":2,\"summary\":\"" + escaped + "\",\"tags\":[\"" + escaped + "\"]}");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Empty(r.Repairs);
        Assert.Equal(expected, r.Value!.Summary);
        Assert.Equal(new[] { expected }, r.Value.Tags);
    }

    [Fact]
    public void Error_message_names_path_expected_and_found()
    {
        var r = Refused("""{"category":"technical","priority":"high","summary":"x","tags":[]}""");
        Assert.Equal("$.priority: expected an integer 1..5, found \"high\"", r.Errors.Single().Message);
        Assert.Equal("$.priority", r.Errors[0].Path);
        Assert.Equal("an integer 1..5", r.Errors[0].Expected);
        var ex = Assert.Throws<LlmParseException>(() => r.GetValueOrThrow());
        Assert.Contains("\"high\"", ex.RawText, StringComparison.Ordinal);
        Assert.Same(r.Errors, ex.Errors);
    }

    [Fact]
    public void Fence_and_prose_are_dropped_and_reported()
    {
        var t = Ok("Sure! Here is the ticket:\n```json\n" + Clean + "\n```\nLet me know if you need anything else.");
        Assert.Equal(Category.Technical, t.Category);
        var r = SupportTicketReader.Parse("<output>" + Clean + "</output>");
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.TagWrapper);
        var p = SupportTicketReader.Parse("The answer is " + Clean + " as requested.");
        Assert.True(p.Success);
        Assert.Contains(p.Repairs, x => x.Kind == LlmRepairKind.SurroundingText);
    }

    [Theory]
    [InlineData("\"5\"", 5, LlmRepairKind.NumberFromString)]
    [InlineData("5.0", 5, LlmRepairKind.IntegerFromFloat)]
    [InlineData("\" 3 \"", 3, LlmRepairKind.NumberFromString)]
    [InlineData("+3", 3, LlmRepairKind.NumberFormat)]
    public void Lossless_integer_coercions_are_applied_and_recorded(string priority, int expected, LlmRepairKind kind)
    {
        var r = SupportTicketReader.Parse($$"""{"category":"billing","priority":{{priority}},"summary":"x","tags":[]}""");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal(expected, r.Value!.Priority);
        Assert.Equal(kind, Assert.Single(r.Repairs).Kind);
        Assert.Equal("$.priority", r.Repairs[0].Path);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("3.0000000000000000000000000000001")] // a decimal rounds it to 3: wholeness comes from the text
    [InlineData("\"3 stars\"")]
    [InlineData("\"+3\"")]
    [InlineData("\"03\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[3, 4]")] // two values for one: picking either would be a guess ([3] is read as 3, see ListToScalar)
    [InlineData("9")]
    public void Lossy_or_out_of_range_integers_are_refused(string priority)
    {
        var r = Refused($$"""{"category":"billing","priority":{{priority}},"summary":"x","tags":[]}""");
        Assert.All(r.Errors, e => Assert.Equal("$.priority", e.Path));
    }

    [Theory]
    [InlineData("\"$12.50\"")]
    [InlineData("\"1,200\"")]
    [InlineData("\"81%\"")]
    [InlineData("\"12.50 USD\"")]
    [InlineData("\"NaN\"")]
    public void Money_percent_and_separated_numbers_are_refused(string price)
    {
        var r = InvoiceReader.Parse($$"""{"invoiceNumber":"INV-1","currency":"USD","lineItems":[{"description":"a","quantity":1,"unitPrice":{{price}}}],"total":1}""");
        Assert.False(r.Success);
        Assert.Equal("$.lineItems[0].unitPrice", r.Errors.Single().Path);
    }

    [Fact]
    public void Numeric_string_becomes_a_decimal_exactly()
    {
        var r = InvoiceReader.Parse("""{"invoiceNumber":"INV-7","currency":"EUR","lineItems":[{"description":"a","quantity":"2","unitPrice":"12.50"}],"total":"25.00"}""");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal(12.50m, r.Value!.LineItems[0].UnitPrice);
        Assert.Equal(25.00m, r.Value.Total);
    }

    [Theory]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\" false \"", false)]
    public void Bool_strings_are_accepted(string json, bool expected)
    {
        var r = SentimentReader.Parse($$"""{"label":"positive","confidence":0.9,"sarcastic":{{json}}}""");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal(expected, r.Value!.Sarcastic);
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("\"no\"")]
    public void Other_bool_spellings_are_refused(string json)
    {
        var r = SentimentReader.Parse($$"""{"label":"positive","confidence":0.9,"sarcastic":{{json}}}""");
        Assert.False(r.Success);
        Assert.Equal("$.sarcastic", r.Errors.Single().Path);
    }

    [Theory]
    [InlineData("\" Technical \"", Category.Technical)]
    [InlineData("\"BILLING\"", Category.Billing)]
    [InlineData("\"Category.Technical\"", Category.Technical)]
    [InlineData("\"category.BILLING\"", Category.Billing)]
    public void Enum_names_match_after_trim_and_case(string json, Category expected)
    {
        Assert.Equal(expected, Ok($$"""{"category":{{json}},"priority":1,"summary":"x","tags":[]}""").Category);
    }

    [Fact]
    public void Enum_aliases_match_and_unknown_names_are_refused()
    {
        Assert.Equal(SentimentLabel.Negative, SentimentReader.Parse("""{"label":"NEG","confidence":0.5,"sarcastic":false}""").Value!.Label);
        var r = Refused("""{"category":"refund","priority":1,"summary":"x","tags":[]}""");
        Assert.Equal("$.category: expected one of billing, technical, sales, other, found \"refund\"", r.Errors.Single().Message);
        Refused("""{"category":1,"priority":1,"summary":"x","tags":[]}""");
        // a qualifier names the enum type or nothing: another word before the dot is not the C# enum's name
        Refused("""{"category":"Team.Billing","priority":1,"summary":"x","tags":[]}""");
        Refused("""{"category":"Category.","priority":1,"summary":"x","tags":[]}""");
    }

    [Fact]
    public void Required_members_are_never_defaulted_and_optional_ones_are_null()
    {
        var r = Refused("""{"category":"billing","summary":"x","tags":[]}""");
        Assert.Equal("$.priority: expected an integer 1..5, found nothing (the member is missing)", r.Errors.Single().Message);
        Assert.Null(Ok("""{"category":"billing","priority":1,"summary":"x","tags":[]}""").CustomerEmail);
        Refused("""{"category":"billing","priority":1,"summary":null,"tags":[]}""");
    }

    [Fact]
    public void Key_names_drift_is_matched_case_and_separator_insensitively()
    {
        var t = Ok("""{"Category":"billing","PRIORITY":1,"Summary":"x","tags":[],"customer_email":"a@b.c"}""");
        Assert.Equal("a@b.c", t.CustomerEmail);
        var r = SupportTicketReader.Parse("""{"ticket_category":"billing","priority":1,"summary":"x","tags":[],"email":"a@b.c"}""");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch && x.Before == "ticket_category");
        Assert.DoesNotContain(r.Repairs, x => x.Before == "email"); // a declared alias is not a repair
    }

    [Fact]
    public void Keys_with_extra_words_match_only_while_no_exact_key_exists()
    {
        // The rule: an unambiguous prefix or suffix match is accepted (and reported) ...
        var r = SupportTicketReader.Parse("""{"predicted_category":"billing","priority":1,"summary":"x","tags":[]}""");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch && x.Before == "predicted_category" && x.After == "category");
        // ... but the exact key wins, and the drifted one is an unknown member.
        var both = SupportTicketReader.Parse("""{"ticket_category":"sales","priority":1,"summary":"x","category":"billing","tags":[]}""");
        Assert.True(both.Success, string.Join("; ", both.Errors));
        Assert.Contains("$.ticket_category", both.UnknownMembers);
    }

    /// <summary>
    /// A word before the member's name must be one of the type's own (<c>ticket_</c>) or say the value is this output's
    /// (<c>predicted_</c>, <c>the_</c>); any other qualifier names another value (the customer's category, the status of a
    /// return), so the key stays unknown and the member missing.
    /// </summary>
    [Theory]
    [InlineData("ticket_category", true)]
    [InlineData("support_ticket_category", true)]
    [InlineData("the_final_category", true)]
    [InlineData("detectedCategory", true)]
    [InlineData("customer_category", false)]
    [InlineData("parent_category", false)]
    [InlineData("return_category", false)]
    [InlineData("ticket_parent_category", false)]
    public void Only_the_types_own_words_or_self_qualifiers_may_come_before_a_member_name(string key, bool matches)
    {
        var r = SupportTicketReader.Parse("{\"" + key + "\":\"billing\",\"priority\":1,\"summary\":\"x\",\"tags\":[]}");
        Assert.Equal(matches, r.Success);
        if (!matches)
        {
            Assert.Contains("$." + key, r.UnknownMembers);
        }
    }

    [Fact]
    public void A_key_in_the_other_grammatical_number_is_a_drifted_name()
    {
        var r = SupportTicketReader.Parse("""{"categories":"billing","priority":1,"summary":"x","tag":["refund"]}""");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal(new[] { "refund" }, r.Value!.Tags);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch && x.Before == "tag" && x.After == "tags");
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch && x.Before == "categories" && x.After == "category");
        // A weak claim: the exact key wins, and the value keeps its JSON type (one tag is not a list of tags).
        var both = SupportTicketReader.Parse("""{"category":"billing","priority":1,"summary":"x","tags":["a"],"tag":["b"]}""");
        Assert.Equal(new[] { "a" }, both.Value!.Tags);
        Assert.Contains("$.tag", both.UnknownMembers);
        Refused("""{"category":"billing","priority":1,"summary":"x","tag":"refund"}""");
        // Not a word's other number: a different word that happens to share the stem.
        Refused("""{"category":"billing","priority":1,"summary":"x","tagline":["refund"]}""");
    }

    [Fact]
    public void A_string_closed_by_a_different_kind_of_quote_is_refused_as_ambiguous()
    {
        // From a property-test seed: with single-quote delimiters, 'a',’b' is one tag ("a',’b") or two ("a", "b").
        var r = Refused("{'category':'other','priority':4,'summary':'x','tags':['a',’b']}");
        Assert.NotEmpty(r.Errors);
        // Matching curly quotes, or straight ones, are fine.
        Assert.Equal(new[] { "a", "b" }, Ok("{'category':'other','priority':4,'summary':'x','tags':['a',‘b’]}").Tags);
    }

    [Fact]
    public void Duplicate_keys_with_different_values_are_refused_same_values_accepted()
    {
        var r = Refused("""{"category":"billing","priority":1,"priority":2,"summary":"x","tags":[]}""");
        Assert.Equal("$.priority", r.Errors.Single().Path);
        Refused("""{"category":"billing","Category":"sales","priority":1,"summary":"x","tags":[]}""");
        Assert.Equal(1, Ok("""{"category":"billing","priority":1,"priority":1.0,"summary":"x","tags":[]}""").Priority);
        // Equal as decimals (28 digits), not as written: two values.
        Refused("""{"category":"billing","priority":3,"priority":3.0000000000000000000000000000001,"summary":"x","tags":[]}""");
    }

    [Fact]
    public void Unknown_members_are_ignored_and_reported()
    {
        var r = SupportTicketReader.Parse("""{"category":"billing","priority":1,"summary":"x","tags":[],"confidence":0.9,"extra":{"a":[1]}}""");
        Assert.True(r.Success);
        Assert.Equal(new[] { "$.confidence", "$.extra" }, r.UnknownMembers);
    }

    [Fact]
    public void Scalar_becomes_a_one_element_list()
    {
        var r = SupportTicketReader.Parse("""{"category":"billing","priority":1,"summary":"x","tags":"urgent"}""");
        Assert.True(r.Success);
        Assert.Equal(new[] { "urgent" }, r.Value!.Tags);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.ScalarToList);
    }

    /// <summary>
    /// A list written as text in brackets that is not strict JSON: one item holding the whole text would be silently wrong
    /// (the model meant several, or one without the brackets), and its elements would be a guess, so it is refused.
    /// </summary>
    [Theory]
    [InlineData("\"[urgent]\"")]
    [InlineData("\"[refund, urgent]\"")]
    [InlineData("\"['refund', 'urgent']\"")]
    [InlineData("\" [\\\"refund\\\", \\\"dup\\\"\"")]
    [InlineData("\"[\\\"refund\\\", \\\"urgent\\\",]\"")]
    [InlineData("\"[\\\"refund\\\", ...]\"")]
    public void A_string_holding_an_array_that_is_not_json_is_refused(string tags)
    {
        var r = SupportTicketReader.Parse("{\"category\":\"billing\",\"priority\":1,\"summary\":\"x\",\"tags\":" + tags + "}");
        Assert.False(r.Success);
        var error = Assert.Single(r.Errors);
        Assert.Equal("$.tags", error.Path);
        Assert.Contains("an array that is not valid JSON", error.Found, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"[\\\"ios\\\", \\\"crash\\\"]\"", new[] { "ios", "crash" })]
    [InlineData("\" [] \"", new string[0])]
    [InlineData("\"[1, 2]\"", new[] { "1", "2" })]
    public void A_string_holding_a_json_array_is_read_as_that_array_not_wrapped_as_one_item(string tags, string[] expected)
    {
        var r = SupportTicketReader.Parse($$"""{"category":"billing","priority":1,"summary":"x","tags":{{tags}}}""");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal(expected, r.Value!.Tags);
        var decoded = Assert.Single(r.Repairs, x => x.Kind == LlmRepairKind.DoubleEncoded);
        Assert.Equal("$.tags", decoded.Path);
        Assert.DoesNotContain(r.Repairs, x => x.Kind == LlmRepairKind.ScalarToList);
    }

    [Fact]
    public void A_string_holding_a_json_array_is_refused_in_strict_mode_and_its_string_items_are_data()
    {
        const string input = """{"category":"billing","priority":1,"summary":"x","tags":"[\"ios\"]"}""";
        var strict = SupportTicketReader.Parse(input, new LlmParseOptions { Strict = true });
        var e = Assert.Single(strict.Errors);
        Assert.Equal("$.tags", e.Path);
        Assert.StartsWith("a string holding a JSON array", e.Found, StringComparison.Ordinal);

        // only the list is decoded: a string item whose text looks like an array stays that text
        var r = Ok("""{"category":"billing","priority":1,"summary":"x","tags":"[\"[1]\", \"b\"]"}""");
        Assert.Equal(new[] { "[1]", "b" }, r.Tags);
    }

    [Theory]
    [InlineData("""{"category":"billing","priority":1,"summary":"x","tags":"[\"a\"]""")]       // the string never closed
    [InlineData("""{"category":"billing","priority":1,"summary":"x","tags":"[\"a\", \"b""")] // cut inside it
    public void A_cut_string_holding_an_array_is_refused_not_decoded(string input)
    {
        // the text after the cut is lost data, whatever it would have decoded to
        var r = Refused(input);
        Assert.DoesNotContain(r.Repairs, x => x.Kind == LlmRepairKind.DoubleEncoded);
    }

    [Fact]
    public void A_wrapper_around_the_answer_encoded_as_a_string_is_decoded_once()
    {
        // tool-call arguments arrive this way: {"arguments": "{\"category\": ...}"}
        const string inner = Clean;
        var r = SupportTicketReader.Parse("{\"arguments\": " + System.Text.Json.JsonSerializer.Serialize(inner) + "}");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal(new[] { (LlmRepairKind.UnwrappedWrapperObject, "$.arguments"), (LlmRepairKind.DoubleEncoded, "$.arguments") },
            r.Repairs.Select(x => (x.Kind, x.Path)));

        // beside plain metadata (a tool call's id) it is an envelope, unwrapped the same way
        var withId = SupportTicketReader.Parse("{\"arguments\": " + System.Text.Json.JsonSerializer.Serialize(inner) + ", \"id\": 1}");
        Assert.True(withId.Success, string.Join("; ", withId.Errors));
        Assert.Equal(new[] { "$.id" }, withId.UnknownMembers);

        // two encoded strings, a string that is not JSON, or strict options: refused
        Refused("{\"arguments\": " + System.Text.Json.JsonSerializer.Serialize(inner) + ", \"previous\": " + System.Text.Json.JsonSerializer.Serialize(inner) + "}");
        Refused("{\"arguments\": \"billing, priority 3\"}");
        Refused("{\"arguments\": " + System.Text.Json.JsonSerializer.Serialize(inner) + "}", LlmParseOptions.StrictDefault);
    }

    [Fact]
    public void Number_becomes_a_string_with_its_exact_digits()
    {
        Assert.Equal("1.50", Ok("""{"category":"billing","priority":1,"summary":1.50,"tags":[]}""").Summary);
    }

    [Fact]
    public void Cut_string_in_a_member_is_refused()
    {
        var r = Refused("""{"category":"billing","priority":3,"summary":"Card was charg""");
        Assert.Contains(r.Errors, e => e.Path == "$.summary");
    }

    [Fact]
    public void Output_cut_inside_the_key_of_a_member_not_yet_written_is_refused_for_that_member()
    {
        const string Head = """{"category":"billing","priority":3,"summary":"x","tags":[]""";
        // the model had begun customerEmail: leaving it null would be data lost silently
        var r = Refused(Head + ""","customerEm""");
        var e = Assert.Single(r.Errors);
        Assert.Equal(("$.customerEmail", "a key that was cut off (\"customerEm\")"), (e.Path, e.Found));
        Refused(Head + ""","customer_e""");
        // after words the key matcher accepts before a name (the type's own, `the_`), and with a restating word begun after it
        Assert.Equal("$.customerEmail", Refused(Head + ""","ticket_customer_em""").Errors.Single().Path);
        Assert.Equal("$.customerEmail", Refused(Head + ""","the_customer_email_addr""").Errors.Single().Path);
        Assert.Equal("$.customerEmail", Refused(Head + ""","customer_email_addr""").Errors.Single().Path);
        // a word before the name that makes it another value, or a word after it that restates nothing, begins no member
        Assert.True(SupportTicketReader.Parse(Head + ""","previous_customer_em""").Success);
        Assert.True(SupportTicketReader.Parse(Head + ""","customer_email_cou""").Success);

        // a cut key that starts no missing member (an extra the type does not have) loses nothing
        var extra = SupportTicketReader.Parse(Head + ""","notes""");
        Assert.True(extra.Success, string.Join("; ", extra.Errors));
        Assert.Null(extra.Value!.CustomerEmail);
        Assert.Equal(new[] { "$.notes" }, extra.UnknownMembers);
        // nor one whose member was already written
        var written = SupportTicketReader.Parse(Head + ""","customerEmail":"a@b.c","custo""");
        Assert.True(written.Success, string.Join("; ", written.Errors));
        Assert.Equal("a@b.c", written.Value!.CustomerEmail);
    }

    [Fact]
    public void Number_ending_the_text_is_refused()
    {
        var r = Refused("""{"category":"billing","summary":"x","tags":[],"priority":4""");
        Assert.Equal("$.priority", r.Errors.Single().Path);
    }

    [Fact]
    public void Unclosed_array_is_refused_but_an_unclosed_object_is_closed()
    {
        Assert.Equal("$.tags", Refused("""{"category":"billing","priority":1,"summary":"x","tags":["a","b""").Errors.Single().Path);
        var t = Ok("""{"category":"billing","priority":1,"summary":"x","tags":["a"]""");
        Assert.Null(t.CustomerEmail); // never began: absent
        Assert.Equal("$.customerEmail", Refused("""{"category":"billing","priority":1,"summary":"x","tags":["a"],"customerEmail":""").Errors.Single().Path);
        Refused("""{"category":"billing","priority":1,"summary":"x","tags":["a"],"customerEmail":"a@b""");
    }

    [Fact]
    public void Ellipsis_for_omitted_items_is_refused()
    {
        Refused("""{"category":"billing","priority":1,"summary":"x","tags":["a", ...]}""");
    }

    [Fact]
    public void Syntax_repairs_are_applied_and_recorded()
    {
        var r = SupportTicketReader.Parse("{category: 'billing', priority: 2, // urgent?\n summary: \"line1\nline2\", tags: ['a',], customerEmail: None,}");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal("line1\nline2", r.Value!.Summary);
        var kinds = r.Repairs.Select(x => x.Kind).ToHashSet();
        Assert.Superset(new[] { LlmRepairKind.UnquotedKey, LlmRepairKind.SingleQuotes, LlmRepairKind.Comment, LlmRepairKind.ControlCharacter, LlmRepairKind.TrailingComma, LlmRepairKind.PythonLiteral }.ToHashSet(), kinds);
    }

    [Fact]
    public void Repair_positions_are_char_offsets_for_string_input()
    {
        var text = "{\"summary\": \"é€😀\", 'category': \"billing\", \"priority\": 1, \"tags\": []}";
        var r = SupportTicketReader.Parse(text);
        Assert.True(r.Success, string.Join("; ", r.Errors));
        var q = r.Repairs.Single(x => x.Kind == LlmRepairKind.SingleQuotes);
        Assert.Equal(text.IndexOf('\'', StringComparison.Ordinal), q.Position);
    }

    [Fact]
    public void Root_wrappers_are_unwrapped()
    {
        var a = SupportTicketReader.Parse("[" + Clean + "]");
        Assert.True(a.Success);
        Assert.Contains(a.Repairs, x => x.Kind == LlmRepairKind.UnwrappedRootArray);
        var w = SupportTicketReader.Parse("{\"result\": " + Clean + "}");
        Assert.True(w.Success);
        Assert.Contains(w.Repairs, x => x.Kind == LlmRepairKind.UnwrappedWrapperObject);
        var bad = SupportTicketReader.Parse("{\"ticket\": {\"category\":\"billing\",\"priority\":7,\"summary\":\"x\",\"tags\":[]}}");
        Assert.False(bad.Success);
        Assert.Equal("$.ticket.priority", bad.Errors.Single().Path);
        Assert.False(SupportTicketReader.Parse("[" + Clean + "," + Clean + "]").Success);
    }

    [Fact]
    public void Up_to_six_wrapper_levels_are_unwrapped_each_reported()
    {
        var two = SupportTicketReader.Parse("{\"data\": {\"result\": " + Clean + "}}");
        Assert.True(two.Success, string.Join("; ", two.Errors));
        Assert.Equal(Category.Technical, two.Value!.Category);
        Assert.Equal(new[] { "$.data", "$.data.result" },
            two.Repairs.Where(x => x.Kind == LlmRepairKind.UnwrappedWrapperObject).Select(x => x.Path));

        var mixed = SupportTicketReader.Parse("[{\"response\": [" + Clean + "]}]");
        Assert.True(mixed.Success, string.Join("; ", mixed.Errors));
        Assert.Equal(new[] { (LlmRepairKind.UnwrappedRootArray, "$[0]"), (LlmRepairKind.UnwrappedWrapperObject, "$[0].response"), (LlmRepairKind.UnwrappedRootArray, "$[0].response[0]") },
            mixed.Repairs.Select(x => (x.Kind, x.Path)));
        Assert.Equal(0, mixed.Repairs[0].Position);
        Assert.Equal(1, mixed.Repairs[1].Position); // each level at its own wrapper
        Assert.Equal(14, mixed.Repairs[2].Position);

        // six levels are taken off (a tool call inside a message is four), a seventh is not
        var six = SupportTicketReader.Parse("{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": " + Clean + "}}}}}}");
        Assert.True(six.Success, string.Join("; ", six.Errors));
        Assert.Equal(6, six.Repairs.Count(x => x.Kind == LlmRepairKind.UnwrappedWrapperObject));
        var seven = SupportTicketReader.Parse("{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": {\"g\": " + Clean + "}}}}}}}");
        Assert.False(seven.Success);
        Assert.DoesNotContain(seven.Repairs, x => x.Kind == LlmRepairKind.UnwrappedWrapperObject);
    }

    [Fact]
    public void Wrappers_are_never_unwrapped_when_a_level_offers_a_choice()
    {
        // a second structured member or element at any level: which one is the answer would be a guess. (A second member
        // holding a plain value is not a choice: an envelope's metadata, see the next test.)
        Assert.False(SupportTicketReader.Parse("{\"data\": {\"result\": " + Clean + "}, \"meta\": {}}").Success);
        Assert.False(SupportTicketReader.Parse("{\"data\": [" + Clean + ", " + Clean + "]}").Success);
        Assert.False(SupportTicketReader.Parse("{\"data\": {\"old\": " + Clean + ", \"new\": " + Clean + "}}").Success);

        // a wrapped value that breaks a constraint is refused with the error at its path in the input
        var bad = SupportTicketReader.Parse("{\"data\": {\"ticket\": {\"category\":\"billing\",\"priority\":7,\"summary\":\"x\",\"tags\":[]}}}");
        Assert.False(bad.Success);
        Assert.Equal("$.data.ticket.priority", bad.Errors.Single().Path);

        // unwrapping is a repair: options that do not allow it refuse the wrapped answer
        var noWrappers = new LlmParseOptions { AllowedRepairs = new[] { LlmRepairKind.UnwrappedRootArray } };
        Assert.False(SupportTicketReader.Parse("{\"data\": {\"result\": " + Clean + "}}", noWrappers).Success);
        Assert.False(SupportTicketReader.Parse("{\"data\": {\"result\": " + Clean + "}}", LlmParseOptions.StrictDefault).Success);
        Assert.True(SupportTicketReader.Parse("[[" + Clean + "]]", noWrappers).Success);
    }

    [Fact]
    public void An_envelope_with_plain_metadata_beside_its_one_structured_member_is_unwrapped_at_any_level()
    {
        var r = SupportTicketReader.Parse("{\"data\": {\"result\": " + Clean + ", \"status\": \"ok\"}}");
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Equal(new[] { "$.data", "$.data.result" }, r.Repairs.Where(x => x.Kind == LlmRepairKind.UnwrappedWrapperObject).Select(x => x.Path));
        Assert.Contains("$.data.status", r.UnknownMembers);
    }

    [Fact]
    public void A_string_closed_by_an_unrelated_quote_character_is_refused_as_ambiguous()
    {
        // Found by PropertyTests (CsCheck seed 5ce3yKNt_7R2): the tag `a',`b` re-delimited with single quotes reads as
        // 'a',`b' -- two tags, or one tag holding both quote characters? A backtick closed by an apostrophe is a guess.
        var mixed = SupportTicketReader.Parse("{'category':'other','priority':3,'summary':'s','tags':['a',`b']}");
        Assert.False(mixed.Success);
        Assert.Contains("quote characters", mixed.Errors.Single().Found, StringComparison.Ordinal);

        // the same quote on both sides, or a typographic pair, is not a guess
        Assert.Equal(new[] { "a", "b" }, Ok("{'category':'other','priority':3,'summary':'s','tags':['a','b']}").Tags);
        Assert.Equal(new[] { "a", "b" }, Ok("{'category':'other','priority':3,'summary':'s','tags':['a',`b`]}").Tags);
        Assert.Equal(new[] { "a", "b" }, Ok("{\u2018category\u2019:\u2018other\u2019,\u2018priority\u2019:3,\u2018summary\u2019:\u2018s\u2019,\u2018tags\u2019:[\u2018a\u2019,\u2018b\u2019]}").Tags);

        // schema-less repair still returns text for it, like jsonrepair
        Assert.True(LlmJson.TryRepair("['a',`b']", out _, out _, out _));
    }

    [Fact]
    public void Double_encoded_json_is_decoded_once()
    {
        var encoded = System.Text.Json.JsonSerializer.Serialize(Clean);
        var r = SupportTicketReader.Parse(encoded);
        Assert.True(r.Success, string.Join("; ", r.Errors));
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.DoubleEncoded);
        Assert.False(SupportTicketReader.Parse(System.Text.Json.JsonSerializer.Serialize(encoded)).Success);
    }

    [Fact]
    public void Two_different_valid_candidates_are_ambiguous_equal_ones_are_not()
    {
        var other = Clean.Replace("\"priority\":2", "\"priority\":4", StringComparison.Ordinal);
        var r = SupportTicketReader.Parse("Option A:\n```json\n" + Clean + "\n```\nOption B:\n```json\n" + other + "\n```");
        Assert.False(r.Success);
        Assert.Contains("several different", r.Errors.Single().Found, StringComparison.Ordinal);
        Assert.True(SupportTicketReader.Parse("```json\n" + Clean + "\n```\nrepeat:\n```\n" + Clean + "\n```").Success);
        // an invalid example next to the answer is dropped
        Assert.True(SupportTicketReader.Parse("Schema example: {\"category\": \"...\"}. Answer: " + Clean).Success);
    }

    [Fact]
    public void A_bare_value_beside_a_fenced_or_tagged_block_is_a_candidate_too()
    {
        var example = Clean.Replace("\"priority\":2", "\"priority\":4", StringComparison.Ordinal);
        // a valid example in a block and the answer in prose are two answers: never the example alone
        foreach (var text in new[]
        {
            $"Format example:\n```json\n{example}\n```\nAnswer: {Clean}",
            $"<example>{example}</example>\nAnswer: {Clean}",
            $"Answer: {Clean}\n\nFor comparison, last week's:\n```json\n{example}\n```",
        })
        {
            var r = SupportTicketReader.Parse(text);
            Assert.False(r.Success, text + " was read with priority " + r.Value?.Priority);
            Assert.Contains("several different", Assert.Single(r.Errors).Found, StringComparison.Ordinal);
        }

        // the same value in prose and in a block is one answer; an invalid fragment in the prose is dropped
        Assert.Equal(2, SupportTicketReader.Parse($"The ticket is {Clean}.\n```json\n{Clean}\n```").Value!.Priority);
        Assert.Equal(2, SupportTicketReader.Parse($"Fill in {{category}} and {{priority}}:\n```json\n{Clean}\n```").Value!.Priority);
        // a block of code in another language holds no answer, so the answer in the prose is read
        var code = SupportTicketReader.Parse($"Call it like this:\n```python\nclient.create(ticket)\n```\nwith {Clean}");
        Assert.True(code.Success, string.Join("; ", code.Errors));
        Assert.Equal(2, code.Value!.Priority);
    }

    [Fact]
    public void A_reasoning_block_is_dropped_so_json_inside_it_is_never_the_answer()
    {
        var other = Clean.Replace("\"priority\":2", "\"priority\":4", StringComparison.Ordinal);
        // without the rule, the valid JSON inside the block and the answer would be two different candidates
        foreach (var tag in new[] { "think", "thinking", "reasoning" })
        {
            var r = SupportTicketReader.Parse($"<{tag}>\nMaybe {other}? No, priority 2.\n</{tag}>\n\n{Clean}");
            Assert.True(r.Success, string.Join("; ", r.Errors));
            Assert.Equal(2, r.Value!.Priority);
            var repair = Assert.Single(r.Repairs, x => x.Kind == LlmRepairKind.ReasoningBlock);
            Assert.Equal(("$", 0), (repair.Path, repair.Position));
            Assert.StartsWith("{\"category\"", repair.After, StringComparison.Ordinal); // after: the answer that was kept
            Assert.Contains("</" + tag + ">", repair.Before, StringComparison.Ordinal);
        }

        // DeepSeek-R1-style templates drop the opening tag: text ending in </think> is reasoning too
        var r1 = SupportTicketReader.Parse("The user reports a login crash, so " + other + " looks wrong.\n</think>\n```json\n" + Clean + "\n```");
        Assert.True(r1.Success, string.Join("; ", r1.Errors));
        Assert.Equal(2, r1.Value!.Priority);
        Assert.Equal(new[] { LlmRepairKind.ReasoningBlock, LlmRepairKind.MarkdownFence }, r1.Repairs.Select(x => x.Kind).Distinct()); // the fence: its opening and closing lines

        // cut off while still thinking: no answer, a clear refusal (never the JSON inside the block)
        var cut = SupportTicketReader.Parse("<think>\nThe answer could be " + Clean);
        Assert.False(cut.Success);
        Assert.Contains("reasoning block", Assert.Single(cut.Errors).Found, StringComparison.Ordinal);
        Assert.False(SupportTicketReader.Parse("<think>" + Clean + "</think>").Success);

        // the tag as data inside the answer's strings is not reasoning
        var data = Clean.Replace("App crashes on login", "Model printed </think> in the reply", StringComparison.Ordinal);
        var d = SupportTicketReader.Parse(data);
        Assert.True(d.Success, string.Join("; ", d.Errors));
        Assert.Equal("Model printed </think> in the reply", d.Value!.Summary);
        Assert.Empty(d.Repairs);
        var inProse = SupportTicketReader.Parse("Here is the ticket: " + data);
        Assert.True(inProse.Success, string.Join("; ", inProse.Errors));
        Assert.Equal("Model printed </think> in the reply", inProse.Value!.Summary);
        Assert.DoesNotContain(inProse.Repairs, x => x.Kind == LlmRepairKind.ReasoningBlock);

        // gpt-oss's harmony format: the analysis channel is reasoning, the final channel's message the answer
        var harmony = SupportTicketReader.Parse("<|channel|>analysis<|message|>Draft " + other + ". Finalize.<|end|><|start|>assistant<|channel|>final<|message|>" + Clean + "<|return|>");
        Assert.True(harmony.Success, string.Join("; ", harmony.Errors));
        Assert.Equal(2, harmony.Value!.Priority);
        Assert.Contains(harmony.Repairs, x => x.Kind == LlmRepairKind.ReasoningBlock);
        Assert.Equal(2, SupportTicketReader.Parse("<|start|>assistant<|channel|>final<|message|>" + Clean).Value!.Priority);
        var analysisOnly = SupportTicketReader.Parse("<|channel|>analysis<|message|>Maybe " + other);
        Assert.False(analysisOnly.Success);
        Assert.Contains("reasoning block", Assert.Single(analysisOnly.Errors).Found, StringComparison.Ordinal);

        // strict mode lists it like any other repair
        Refused("<think>ok</think>" + Clean, LlmParseOptions.StrictDefault);
        Assert.True(SupportTicketReader.Parse("<think>ok</think>" + Clean, new LlmParseOptions { AllowedRepairs = new[] { LlmRepairKind.ReasoningBlock } }).Success);
    }

    [Fact]
    public void Json_inside_a_reasoning_block_is_never_a_candidate_wherever_the_block_is()
    {
        var draft = Clean.Replace("\"priority\":2", "\"priority\":4", StringComparison.Ordinal);
        string[] texts =
        {
            // the tag's case, and attributes on it, do not make the block a <tag> holding the answer
            $"<THINK>{draft}</THINK>\n{Clean}",
            $"<Thinking>Maybe {draft}</Thinking>\n{Clean}",
            $"<think type=\"draft\">{draft}</think>\n{Clean}",
            // more leading blocks than the preamble drops
            string.Concat(Enumerable.Repeat($"<think>{draft}</think>\n", 12)) + Clean,
            // a block after the answer, or between two lines of prose, is reasoning too: neither its fence nor its braces are an answer
            $"{Clean}\n<think>\n```json\n{draft}\n```\n</think>",
            $"Here you go: {Clean}\n<thinking>or {draft}?</thinking> Done.",
            $"Sure. <think>\n```json\n{draft}\n```\n</think>\nHere: {Clean}",
        };
        foreach (var text in texts)
        {
            var r = SupportTicketReader.Parse(text);
            Assert.True(r.Success, text + " → " + string.Join("; ", r.Errors));
            Assert.Equal(2, r.Value!.Priority);
        }

        // a block that is all there is stays no answer
        Assert.False(SupportTicketReader.Parse($"Sure. <THINK>{draft}</THINK> I could not decide.").Success);
        // `<think` in prose whose line has no `>` is no tag, so it does not swallow the answer after it
        Assert.Equal(2, SupportTicketReader.Parse($"I <think it is a login crash.\nSo: {Clean}").Value!.Priority);
        // nor does a tag quoted or in inline code: it is named, not used
        Assert.Equal(2, SupportTicketReader.Parse($"I won't use `<think>` tags.\n```json\n{Clean}\n```").Value!.Priority);
        Assert.Equal(2, SupportTicketReader.Parse($"No \"<thinking>\" here. {Clean}").Value!.Priority);
    }

    [Fact]
    public void A_harmony_tool_call_on_the_commentary_channel_is_the_answer()
    {
        var draft = Clean.Replace("\"priority\":2", "\"priority\":4", StringComparison.Ordinal);
        foreach (var call in new[]
        {
            $"<|channel|>analysis<|message|>Draft {draft}<|end|><|start|>assistant<|channel|>commentary to=functions.file_ticket <|constrain|>json<|message|>{Clean}<|call|>",
            $"<|channel|>analysis<|message|>Draft {draft}<|end|><|start|>assistant to=functions.file_ticket<|channel|>commentary json<|message|>{Clean}<|call|>",
        })
        {
            var r = SupportTicketReader.Parse(call);
            Assert.True(r.Success, string.Join("; ", r.Errors));
            Assert.Equal(2, r.Value!.Priority);
            Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.ReasoningBlock);
        }

        // commentary that calls no tool is not an answer; with no final message the output is only reasoning
        Assert.False(SupportTicketReader.Parse($"<|channel|>analysis<|message|>Draft {draft}<|end|><|start|>assistant<|channel|>commentary<|message|>Working on it {draft}<|end|>").Success);
    }

    [Fact]
    public void Strict_mode_applies_no_repair_and_allowed_repairs_are_honoured()
    {
        Assert.True(SupportTicketReader.Parse(Clean, LlmParseOptions.StrictDefault).Success);
        Refused("```json\n" + Clean + "\n```", LlmParseOptions.StrictDefault);
        Refused(Clean.Replace("]", ",]", StringComparison.Ordinal), LlmParseOptions.StrictDefault);
        Refused("""{"category":"billing","priority":"2","summary":"x","tags":[]}""", LlmParseOptions.StrictDefault);
        var some = new LlmParseOptions { AllowedRepairs = new[] { LlmRepairKind.TrailingComma, LlmRepairKind.MarkdownFence } };
        Assert.True(SupportTicketReader.Parse("```json\n" + Clean.Replace("]", ",]", StringComparison.Ordinal) + "\n```", some).Success);
        Refused("{'category':'billing','priority':1,'summary':'x','tags':[]}", some);
    }

    [Fact]
    public void Utf8_span_and_sequence_inputs_are_read()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFF```json\n" + Clean + "\n```");
        var r = SupportTicketReader.Parse(bytes.AsSpan());
        Assert.True(r.Success);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.ByteOrderMark);

        var first = new Segment(bytes.AsMemory(0, 10));
        var last = first.Append(bytes.AsMemory(10));
        var seq = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        Assert.False(seq.IsSingleSegment);
        Assert.Equal(2, LlmParser.Parse<SupportTicket>(seq, SupportTicketReader.Read).Value!.Priority);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("I'm sorry, I can't help with that request.")]
    public void Empty_and_refusal_responses_are_refused_clearly(string text)
    {
        var r = Refused(text);
        Assert.Equal("$", r.Errors.Single().Path);
        Assert.Equal("a SupportTicket object", r.Errors[0].Expected);
    }

    [Fact]
    public void Deep_nesting_gives_a_clean_error()
    {
        foreach (var text in new[] { new string('[', 100_000), new string('[', 100_000) + new string(']', 100_000), "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) })
        {
            var r = SupportTicketReader.Parse(text);
            Assert.False(r.Success);
            Assert.False(LlmJson.TryRepair(text, out _, out _, out var error));
            Assert.Contains("nest", error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Input_size_limit_gives_a_clean_error()
    {
        var options = new LlmParseOptions { MaxInputLength = 100 };
        var r = SupportTicketReader.Parse(Clean + new string(' ', 200), options);
        Assert.Contains("at most 100", r.Errors.Single().Expected, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LlmParseOptions { MaxDepth = 100_000 });
        Assert.Throws<InvalidOperationException>(() => LlmParseOptions.Default.Strict = true);
        Assert.False(LlmParseOptions.Default.Strict);
    }

    [Fact]
    public void Nested_paths_are_reported()
    {
        var r = InvoiceReader.Parse("""{"invoiceNumber":"INV-1","currency":"USD","lineItems":[{"description":"a","quantity":1,"unitPrice":1},{"description":"b","quantity":0,"unitPrice":1}],"total":2}""");
        Assert.Equal("$.lineItems[1].quantity: expected an integer 1..10000, found 0", r.Errors.Single().Message);
        var p = InvoiceReader.Parse("""{"invoiceNumber":"1234","currency":"USD","lineItems":[],"total":2}""");
        Assert.Equal(new[] { "$.invoiceNumber", "$.lineItems" }, p.Errors.Select(e => e.Path));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
