using System;
using System.Buffers;
using System.Linq;
using System.Text;
using StructuredLlm.IntegrationTests.Types;
using StructuredLlm.Json;

namespace StructuredLlm.IntegrationTests.Parsing;

/// <summary>
/// The generated readers of real [LlmOutput] types, run for real through <c>T.LlmInfo.Parse</c>: finding the JSON,
/// repairing syntax, refusing truncation, key drift, lossless coercions and lossy refusals, unknown members,
/// duplicate keys, strict mode, the throwing variant and errors phrased for a retry.
/// </summary>
public class ReaderBehaviourTests
{
    private const string Ticket = """{"category":"Technical","priority":2,"summary":"App crashes on login","tags":["ios","crash"],"customerEmail":"a@b.com"}""";

    private static T Ok<T>(LlmResult<T> result)
    {
        Assert.True(result.Success, "refused: " + string.Join("; ", result.Errors));
        return result.Value!;
    }

    private static LlmError OnlyError<T>(LlmResult<T> result)
    {
        Assert.False(result.Success, "expected a refusal but got " + result.Value);
        return Assert.Single(result.Errors);
    }

    // ------------------------------------------------------------------ the API

    [Fact]
    public void ParseUntyped_reads_utf8_spans_and_sequences_like_the_typed_api()
    {
        Assert.True(LlmOutputRegistry.TryGet(typeof(SupportTicket), out var entry));
        const string Messy = "Here it is:\n```json\n{\"category\":\"technical\",\"priority\":\"2\",\"summary\":\"App crashes on login\",\"tags\":[\"ios\",],}\n```";
        byte[] utf8 = Encoding.UTF8.GetBytes(Messy);
        var typed = SupportTicket.LlmInfo.Parse(utf8.AsSpan());
        Assert.True(typed.Success);

        var fromSpan = entry!.ParseUntyped(utf8.AsSpan());
        var first = new Segment(utf8.AsMemory(0, 7));
        var last = first.Append(utf8.AsMemory(7, 25)).Append(utf8.AsMemory(32));
        var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        var fromSequence = entry.ParseUntyped(in sequence);
        foreach (var untyped in new[] { fromSpan, fromSequence })
        {
            Assert.True(untyped.Success, string.Join("; ", untyped.Errors));
            var ticket = Assert.IsType<SupportTicket>(untyped.Value);
            Assert.Equal(typed.Value!.Summary, ticket.Summary);
            Assert.Equal(2, ticket.Priority);
            Assert.Equal(new[] { "ios" }, ticket.Tags);
            // same repairs as the typed call, byte positions included (fence, NumberFromString, two trailing commas)
            Assert.Equal(typed.Repairs, untyped.Repairs);
        }

        // refusals, strict per-call options and the type's own options behave as in the typed API
        var refused = entry.ParseUntyped(Encoding.UTF8.GetBytes("""{"category":"technical","priority":9,"summary":"s","tags":[]}""").AsSpan());
        Assert.False(refused.Success);
        Assert.Null(refused.Value);
        Assert.Equal("$.priority", Assert.Single(refused.Errors).Path);
        Assert.False(entry.ParseUntyped(utf8.AsSpan(), LlmParseOptions.StrictDefault).Success);
        Assert.False(entry.ParseUntyped(in sequence, LlmParseOptions.StrictDefault).Success);
    }

    [Fact]
    public void Clean_json_is_read_with_no_repairs_from_string_span_and_sequence()
    {
        var fromString = SupportTicket.LlmInfo.Parse(Ticket);
        var t = Ok(fromString);
        Assert.Empty(fromString.Repairs);
        Assert.Empty(fromString.UnknownMembers);
        Assert.Equal(Category.Technical, t.Category);
        Assert.Equal(2, t.Priority);
        Assert.Equal("App crashes on login", t.Summary);
        Assert.Equal(new[] { "ios", "crash" }, t.Tags);
        Assert.Equal("a@b.com", t.CustomerEmail);

        byte[] utf8 = Encoding.UTF8.GetBytes(Ticket);
        var fromSpan = Ok(SupportTicket.LlmInfo.Parse(utf8.AsSpan()));
        Assert.Equal(t.Summary, fromSpan.Summary);

        // A sequence split into three segments, as a pipe would deliver it.
        var first = new Segment(utf8.AsMemory(0, 10));
        var last = first.Append(utf8.AsMemory(10, 30)).Append(utf8.AsMemory(40));
        var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        Assert.False(sequence.IsSingleSegment);
        var fromSequence = Ok(SupportTicket.LlmInfo.Parse(in sequence));
        Assert.Equal(t.Tags, fromSequence.Tags);
        Assert.Equal(t.Summary, SupportTicket.LlmInfo.ParseOrThrow(in sequence).Summary);
    }

    [Fact]
    public void The_registry_reaches_the_same_reader()
    {
        var info = LlmOutputRegistry.Get<SupportTicket>();
        Assert.Same(SupportTicket.LlmInfo, info);
        Assert.True(info.HasReader);
        Assert.Equal(Category.Technical, Ok(info.Parse(Ticket)).Category);
    }

    [Fact]
    public void Errors_are_phrased_for_a_retry()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":"high","summary":"x","tags":[]}""");
        var error = OnlyError(r);
        Assert.Equal("$.priority: expected an integer 1..5, found \"high\"", error.Message);
        Assert.Equal("$.priority", error.Path);
        Assert.Equal("an integer 1..5", error.Expected);
        Assert.Equal("\"high\"", error.Found);
    }

    [Fact]
    public void The_throwing_variant_carries_the_raw_text_and_the_errors()
    {
        const string text = """Here you go: {"category":"Technical","priority":9,"summary":"x","tags":[]}""";
        var ex = Assert.Throws<LlmParseException>(() => SupportTicket.LlmInfo.ParseOrThrow(text));
        Assert.Equal(text, ex.RawText);
        Assert.Equal("$.priority: expected an integer 1..5, found 9", Assert.Single(ex.Errors).Message);
        Assert.Contains("$.priority", ex.Message, StringComparison.Ordinal);

        var fromBytes = Assert.Throws<LlmParseException>(() => SupportTicket.LlmInfo.ParseOrThrow(Encoding.UTF8.GetBytes(text).AsSpan()));
        Assert.Equal(text, fromBytes.RawText);
        Assert.Equal(2, SupportTicket.LlmInfo.ParseOrThrow(Ticket).Priority);
    }

    // ------------------------------------------------------------------ finding the JSON

    [Fact]
    public void Fences_tags_and_prose_are_dropped_and_reported()
    {
        var fenced = SupportTicket.LlmInfo.Parse("Sure! Here is the ticket:\n```json\n" + Ticket + "\n```\nAnything else?");
        Assert.Equal(2, Ok(fenced).Priority);
        Assert.Contains(fenced.Repairs, x => x.Kind == LlmRepairKind.MarkdownFence);

        var tagged = SupportTicket.LlmInfo.Parse("<output>" + Ticket + "</output>");
        Assert.Equal(2, Ok(tagged).Priority);
        Assert.Contains(tagged.Repairs, x => x.Kind == LlmRepairKind.TagWrapper);

        var prose = SupportTicket.LlmInfo.Parse("The ticket is " + Ticket + " as requested.");
        Assert.Equal(2, Ok(prose).Priority);
    }

    /// <summary>A closing tag written inside a string of the answer is data: the block ends at the tag after the value.</summary>
    [Fact]
    public void A_closing_tag_inside_a_string_of_a_tagged_answer_does_not_end_the_block()
    {
        const string inner = """{"category":"Billing","priority":2,"summary":"see the </json> tag","tags":[],"customerEmail":null}""";
        var r = SupportTicket.LlmInfo.Parse("Here it is: <json>" + inner + "</json> Done.");
        Assert.Equal("see the </json> tag", Ok(r).Summary);
        var twice = SupportTicket.LlmInfo.Parse("<json>\n" + inner.Replace("see the", "</json> <json> and </json>", StringComparison.Ordinal) + "\n</json>");
        Assert.Equal("</json> <json> and </json> </json> tag", Ok(twice).Summary);
        // Cut inside the string: no later tag after a value that never closes, so it stays refused.
        Assert.False(SupportTicket.LlmInfo.Parse("<json>{\"category\":\"Billing\",\"summary\":\"see the </json>").Success);
    }

    [Fact]
    public void A_fence_inside_a_string_of_a_fenced_answer_does_not_end_the_block()
    {
        const string inner = "{\"category\":\"Technical\",\"priority\":2,\"summary\":\"Run ```npm ci``` then retry\",\"tags\":[],\"customerEmail\":null}";
        var r = SupportTicket.LlmInfo.Parse("Here it is:\n```json\n" + inner + "\n```\nDone.");
        Assert.Equal("Run ```npm ci``` then retry", Ok(r).Summary);
        Assert.Equal(inner, LlmJson.Repair("```json\n" + inner + "\n```").Trim());
        // cut inside the string: no fence after a value that never closes, so it stays refused
        Assert.False(SupportTicket.LlmInfo.Parse("```json\n{\"category\":\"Technical\",\"summary\":\"Run ```npm").Success);
    }

    [Theory]
    [InlineData("````")]
    [InlineData("`````")]
    public void A_longer_markdown_fence_is_a_fence(string fence)
    {
        // Markdown lets a fence be any run of three or more backticks (used when the content holds a fence itself)
        var whole = SupportTicket.LlmInfo.Parse(fence + "json\n" + Ticket + "\n" + fence);
        Assert.Equal(2, Ok(whole).Priority);
        Assert.Contains(whole.Repairs, x => x.Kind == LlmRepairKind.MarkdownFence);

        var inProse = SupportTicket.LlmInfo.Parse("Here you go:\n\n" + fence + "\n" + Ticket + "\n" + fence + "\n");
        Assert.Equal(2, Ok(inProse).Priority);
        Assert.Equal(LlmJson.Repair("```json\n" + Ticket + "\n```"), LlmJson.Repair(fence + "json\n" + Ticket + "\n" + fence));
        Assert.Equal(Ticket, LlmJson.Repair(fence + "json\n" + Ticket + "\n" + fence).Trim());
    }

    [Theory]
    [InlineData("```json title=\"ticket.json\"\n")]
    [InlineData("```JSON {linenos=true}\n")]
    [InlineData("```json { .numberLines startFrom=\"1\" }\n")]
    [InlineData("```{.json}\n")]
    [InlineData("```json {\"title\": \"ticket\"}\n")]
    public void Attributes_after_a_fence_language_are_not_content(string opening)
    {
        var r = SupportTicket.LlmInfo.Parse(opening + Ticket + "\n```");
        Assert.Equal(2, Ok(r).Priority);
        if (!opening.Contains('"', StringComparison.Ordinal) || opening.Contains('=', StringComparison.Ordinal))
        {
            Assert.Equal(Ticket, LlmJson.Repair("Here:\n" + opening + Ticket + "\n```").Trim());
        }
    }

    [Fact]
    public void An_explanation_inside_the_fence_after_the_json_is_prose_around_it()
    {
        var r = SupportTicket.LlmInfo.Parse("```json\n" + Ticket + "\nExplanation: Technical because the app {crashes}.\n```");
        Assert.Equal(2, Ok(r).Priority);

        // Two tickets in one block are still two answers.
        string other = Ticket.Replace("\"priority\":2", "\"priority\":3", StringComparison.Ordinal);
        var two = SupportTicket.LlmInfo.Parse("```json\n" + Ticket + "\nor\n" + other + "\n```");
        Assert.False(two.Success);
    }

    [Fact]
    public void A_bracketed_value_in_a_code_block_of_another_language_is_code_not_an_answer()
    {
        string other = Ticket.Replace("\"priority\":2", "\"priority\":5", StringComparison.Ordinal);
        var r = SupportTicket.LlmInfo.Parse("```python\nticket = json.loads('" + other + "')\n```\n\n```json\n" + Ticket + "\n```");
        Assert.Equal(2, Ok(r).Priority);
    }

    [Fact]
    public void A_candidate_that_does_not_fit_the_schema_is_dropped_and_two_different_valid_ones_are_ambiguous()
    {
        // The first block is JSON but not a ticket: only the second validates.
        var one = SupportTicket.LlmInfo.Parse("```json\n{\"note\": 1}\n```\nand\n```json\n" + Ticket + "\n```");
        Assert.Equal(2, Ok(one).Priority);

        string other = Ticket.Replace("\"priority\":2", "\"priority\":3", StringComparison.Ordinal);
        var two = SupportTicket.LlmInfo.Parse("```json\n" + Ticket + "\n```\nor maybe\n```json\n" + other + "\n```");
        Assert.Contains("several different valid JSON values", OnlyError(two).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_answer_written_twice_with_its_keys_in_another_order_is_one_answer()
    {
        const string Reordered = """{"customerEmail":"a@b.com","tags":["ios","crash"],"priority":2.0,"summary":"App crashes on login","category":"Technical"}""";
        var r = SupportTicket.LlmInfo.Parse("Answer:\n" + Ticket + "\n\nAgain:\n" + Reordered);
        Assert.Equal(2, Ok(r).Priority);
        Assert.Equal("{\"a\":1,\"b\":[1,2]}", LlmJson.Repair("{\"a\":1,\"b\":[1,2]} and {\"b\":[1,2],\"a\":1}").Trim());

        // an optional member written as null in one and left out in the other: the same ticket
        const string WithNull = """{"category":"Technical","priority":2,"summary":"x","tags":[],"customerEmail":null}""";
        const string Without = """{"category":"Technical","priority":2,"summary":"x","tags":[]}""";
        Assert.Null(Ok(SupportTicket.LlmInfo.Parse("```json\n" + WithNull + "\n```\n```json\n" + Without + "\n```")).CustomerEmail);

        // the order of a list's elements is part of its value: these two are different answers
        var swapped = SupportTicket.LlmInfo.Parse(Ticket + "\n" + Reordered.Replace("[\"ios\",\"crash\"]", "[\"crash\",\"ios\"]", StringComparison.Ordinal));
        Assert.Contains("several different valid JSON values", OnlyError(swapped).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_key_wrapper_and_a_one_element_root_array_are_unwrapped()
    {
        var wrapped = SupportTicket.LlmInfo.Parse("{\"result\": " + Ticket + "}");
        Assert.Equal(2, Ok(wrapped).Priority);
        Assert.Contains(wrapped.Repairs, x => x.Kind == LlmRepairKind.UnwrappedWrapperObject);

        var array = SupportTicket.LlmInfo.Parse("[" + Ticket + "]");
        Assert.Equal(2, Ok(array).Priority);
        Assert.Contains(array.Repairs, x => x.Kind == LlmRepairKind.UnwrappedRootArray);
    }

    [Fact]
    public void An_envelope_whose_keys_name_no_member_is_unwrapped_to_its_one_structured_member()
    {
        var envelope = SupportTicket.LlmInfo.Parse("{\"status\": \"ok\", \"data\": " + Ticket + ", \"took_ms\": 12}");
        Assert.Equal(2, Ok(envelope).Priority);
        var level = Assert.Single(envelope.Repairs, x => x.Kind == LlmRepairKind.UnwrappedWrapperObject);
        Assert.Equal(("$.data", 0), (level.Path, level.Position));
        Assert.Equal(new[] { "$.status", "$.took_ms" }, envelope.UnknownMembers);

        // an envelope around a one-element list: both levels taken off
        var list = SupportTicket.LlmInfo.Parse("{\"results\": [" + Ticket + "], \"count\": 1}");
        Assert.Equal(2, Ok(list).Priority);
        Assert.Equal(new[] { LlmRepairKind.UnwrappedWrapperObject, LlmRepairKind.UnwrappedRootArray }, list.Repairs.Select(x => x.Kind).Take(2));
    }

    [Fact]
    public void Keys_in_another_language_are_reported_as_missing_members_not_as_a_list_that_is_no_ticket()
    {
        // Every key unknown and one list among them: taking the list off as an envelope's answer explains nothing, and a
        // retry needs to hear which members are missing.
        var r = SupportTicket.LlmInfo.Parse("""{"categoría": "facturación", "prioridad": 2, "resumen": "Cobro doble", "etiquetas": ["reembolso"]}""");
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Path == "$.category");
        Assert.Contains(r.Errors, e => e.Path == "$.priority");
        Assert.DoesNotContain(r.Errors, e => e.Path.StartsWith("$.etiquetas", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"name\": \"submit_ticket\", \"arguments\": ENCODED}", "$.arguments")]                                          // a raw tool call
    [InlineData("{\"id\": \"call_1\", \"type\": \"function\", \"function\": {\"name\": \"submit\", \"arguments\": ENCODED}}", "$.function.arguments")] // OpenAI
    [InlineData("{\"type\": \"tool_use\", \"id\": \"toolu_01\", \"name\": \"submit\", \"input\": TICKET}", "$.input")]           // Anthropic
    [InlineData("{\"functionCall\": {\"name\": \"submit\", \"args\": TICKET}}", "$.functionCall.args")]                            // Gemini
    public void A_tool_call_envelope_is_unwrapped_to_its_arguments(string shape, string path)
    {
        var r = SupportTicket.LlmInfo.Parse(shape.Replace("ENCODED", System.Text.Json.JsonSerializer.Serialize(Ticket), StringComparison.Ordinal)
            .Replace("TICKET", Ticket, StringComparison.Ordinal));
        Assert.Equal(2, Ok(r).Priority);
        Assert.Equal(path, r.Repairs.Last(x => x.Kind == LlmRepairKind.UnwrappedWrapperObject).Path);
    }

    [Theory]
    [InlineData("{\"tool_calls\": [{\"id\": \"call_1\", \"type\": \"function\", \"function\": {\"name\": \"submit\", \"arguments\": ENCODED}}]}", "$.tool_calls[0].function.arguments")] // OpenAI tool_calls
    [InlineData("{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\", \"type\": \"function\", \"function\": {\"name\": \"submit\", \"arguments\": ENCODED}}]}", "$.tool_calls[0].function.arguments")] // the whole assistant message
    [InlineData("{\"role\": \"assistant\", \"content\": [{\"type\": \"text\", \"text\": \"Filing it now.\"}, {\"type\": \"tool_use\", \"id\": \"toolu_01\", \"name\": \"submit\", \"input\": TICKET}]}", "$.content[1].input")] // Anthropic content blocks
    public void A_reply_envelope_several_levels_deep_is_unwrapped_to_the_one_block_holding_the_answer(string shape, string path)
    {
        var r = SupportTicket.LlmInfo.Parse(shape.Replace("ENCODED", System.Text.Json.JsonSerializer.Serialize(Ticket), StringComparison.Ordinal)
            .Replace("TICKET", Ticket, StringComparison.Ordinal));
        Assert.Equal(2, Ok(r).Priority);
        Assert.Equal(path, r.Repairs.Last(x => x.Kind == LlmRepairKind.UnwrappedWrapperObject).Path);
    }

    [Fact]
    public void A_value_in_the_prose_beside_a_fenced_answer_counts_only_when_it_names_a_member()
    {
        const string Fenced = "```json\n{\"category\":\"books\",\"limit\":10}\n```\n";
        // {} or metadata reads as an all-optional type's empty object, yet names none of its members: no second answer
        Assert.Equal(10, Ok(SearchFilter.LlmInfo.Parse(Fenced + "If nothing applies, return {}.")).Limit);
        Assert.Equal(10, Ok(SearchFilter.LlmInfo.Parse(Fenced + "Metadata: {\"note\": \"n\"}")).Limit);
        // another filter in the prose is a second answer
        Assert.False(SearchFilter.LlmInfo.Parse(Fenced + "Or, narrower: {\"category\":\"books\",\"limit\":3}").Success);
        Assert.Equal(10, Ok(SearchFilter.LlmInfo.Parse(Fenced + "That is {\"category\":\"books\",\"limit\":10}.")).Limit);
    }

    [Fact]
    public void Responses_api_output_items_are_unwrapped_to_the_function_call_arguments()
    {
        const string Answer = """{"steps":[{"kind":"mail","label":"a","to":"x@y.z"}],"priority":"p1"}""";
        var r = Workflow.LlmInfo.Parse("[{\"id\": \"rs_1\", \"type\": \"reasoning\", \"summary\": []}, {\"id\": \"fc_1\", \"type\": \"function_call\", \"call_id\": \"call_1\", \"name\": \"plan\", \"arguments\": "
            + System.Text.Json.JsonSerializer.Serialize(Answer) + ", \"status\": \"completed\"}]");
        Assert.Equal("x@y.z", Assert.IsType<EmailStep>(Assert.Single(Ok(r).Steps)).To);
        Assert.Equal("$[1].arguments", r.Repairs.Last(x => x.Kind == LlmRepairKind.UnwrappedWrapperObject).Path);
        Assert.Contains("$[0]", r.UnknownMembers);

        // the reasoning item's empty "summary" names a member of SupportTicket, yet holds no answer
        var ticket = SupportTicket.LlmInfo.Parse("{\"output\": [{\"id\": \"rs_1\", \"type\": \"reasoning\", \"summary\": []}, {\"type\": \"function_call\", \"call_id\": \"call_1\", \"name\": \"file\", \"arguments\": "
            + System.Text.Json.JsonSerializer.Serialize(Ticket) + "}]}");
        Assert.Equal("App crashes on login", Ok(ticket).Summary);
        // one with content under a member's key is still a second answer
        Assert.False(SupportTicket.LlmInfo.Parse("[{\"type\": \"reasoning\", \"summary\": [\"billing?\"]}, {\"type\": \"function_call\", \"arguments\": "
            + System.Text.Json.JsonSerializer.Serialize(Ticket) + "}]").Success);
    }

    [Theory]
    [InlineData("[{\"category\": \"billing\", \"priority\": 1, \"summary\": \"s\", \"tags\": \"a\"}, TICKET]")]                 // a list of answers: one is no block
    [InlineData("[{\"type\": \"text\", \"text\": \"First\"}, {\"type\": \"tool_use\", \"input\": TICKET}, {\"type\": \"tool_use\", \"input\": TICKET2}]")] // two calls
    [InlineData("[{\"type\": \"text\", \"text\": \"First\"}, {\"type\": \"tool_use\", \"input\": TICKET, \"draft\": TICKET2}]")] // one block, two answers
    public void Blocks_that_leave_a_choice_are_refused(string shape)
    {
        var r = SupportTicket.LlmInfo.Parse(shape.Replace("TICKET2", Ticket.Replace("\"priority\":2", "\"priority\":4", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("TICKET", Ticket, StringComparison.Ordinal));
        Assert.False(r.Success);
    }

    [Fact]
    public void A_string_that_starts_like_json_beside_an_object_is_metadata_and_two_encoded_strings_are_a_choice()
    {
        var r = SupportTicket.LlmInfo.Parse("{\"note\": \"[info] done\", \"data\": " + Ticket + "}");
        Assert.Equal(2, Ok(r).Priority);
        Assert.Contains("$.note", r.UnknownMembers);

        string encoded = System.Text.Json.JsonSerializer.Serialize(Ticket);
        Assert.False(SupportTicket.LlmInfo.Parse("{\"draft\": " + encoded + ", \"final\": " + encoded + "}").Success);
    }

    [Theory]
    [InlineData("""{"filter": {"category": "books", "limit": 5}}""", "$.filter")]
    [InlineData("""{"status": "ok", "data": {"category": "books", "limit": 5}}""", "$.data")]
    public void A_wrapper_around_an_all_optional_type_is_unwrapped_instead_of_read_as_all_nulls(string json, string path)
    {
        var r = SearchFilter.LlmInfo.Parse(json);
        Assert.Equal(("books", (int?)5), (Ok(r).Category, r.Value!.Limit));
        Assert.Equal(path, Assert.Single(r.Repairs, x => x.Kind == LlmRepairKind.UnwrappedWrapperObject).Path);

        // a key that names a member, or no inner level that reads: the object itself is the answer, as before
        var own = SearchFilter.LlmInfo.Parse("""{"category": "books", "filter": {"limit": 5}}""");
        Assert.Equal(("books", (int?)null), (Ok(own).Category, own.Value!.Limit));
        var none = SearchFilter.LlmInfo.Parse("""{"note": "nothing to filter"}""");
        Assert.Null(Ok(none).Category);
        Assert.Equal(new[] { "$.note" }, none.UnknownMembers);
    }

    /// <summary>
    /// Wrappers nest (`{"data": {"result": {…}}}`): a level that reads as an object of none of the type's members is a
    /// wrapper too, not an answer of nulls. An object of foreign keys holding structured data no level of which reads
    /// (a list of several filters) is refused rather than read as an empty filter.
    /// </summary>
    [Theory]
    [InlineData("""{"data": {"result": {"category": "books", "limit": 5}}}""", "$.data.result")]
    [InlineData("""{"output": {"result": {"category": "books", "limit": 5}}}""", "$.output.result")]
    [InlineData("""{"response": {"data": {"filter": {"category": "books", "limit": 5}}}}""", "$.response.data.filter")]
    [InlineData("""{"status": "ok", "output": {"result": {"category": "books", "limit": 5}}}""", "$.output.result")]
    public void Nested_wrappers_around_an_all_optional_type_are_all_taken_off(string json, string path)
    {
        var r = SearchFilter.LlmInfo.Parse(json);
        Assert.Equal(("books", (int?)5), (Ok(r).Category, r.Value!.Limit));
        Assert.Equal(path, r.Repairs.Last(x => x.Kind == LlmRepairKind.UnwrappedWrapperObject).Path);
    }

    [Theory]
    [InlineData("""{"results": [{"category": "books"}, {"category": "music"}]}""")]
    [InlineData("""{"filters": {"a": {"category": "books"}, "b": {"category": "music"}}}""")]
    public void Foreign_structured_data_that_no_level_reads_is_refused_not_read_as_an_empty_object(string json)
    {
        var r = SearchFilter.LlmInfo.Parse(json);
        Assert.False(r.Success);
        Assert.StartsWith("$: expected a SearchFilter object, found an object with none of its members (", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"old\": TICKET, \"new\": TICKET}")]          // two structured members: which one is the answer is a guess
    [InlineData("{\"category\": \"Billing\", \"data\": TICKET}")] // a key names a member: the object is the type, with errors
    [InlineData("{\"data\": TICKET, \"meta\": {\"v\": 1}}")]      // metadata that is itself structured: two candidates
    public void An_object_that_is_not_clearly_an_envelope_is_not_unwrapped(string shape)
    {
        var r = SupportTicket.LlmInfo.Parse(shape.Replace("TICKET", Ticket, StringComparison.Ordinal));
        Assert.False(r.Success);
        Assert.DoesNotContain(r.Repairs, x => x.Kind == LlmRepairKind.UnwrappedWrapperObject);
        Assert.False(SupportTicket.LlmInfo.Parse("{\"status\": \"ok\", \"data\": " + Ticket + "}", LlmParseOptions.StrictDefault).Success);
    }

    // ------------------------------------------------------------------ syntax repair and truncation

    [Fact]
    public void Syntax_is_repaired_and_each_repair_is_reported()
    {
        const string messy = "{category: 'Technical', // the team\n \"priority\": 2, \"summary\": \"App crashes\", \"tags\": [\"ios\",], customerEmail: None,}";
        var r = SupportTicket.LlmInfo.Parse(messy);
        var t = Ok(r);
        Assert.Equal(Category.Technical, t.Category);
        Assert.Null(t.CustomerEmail);
        Assert.Equal(new[] { "ios" }, t.Tags);
        var kinds = r.Repairs.Select(x => x.Kind).ToHashSet();
        Assert.Contains(LlmRepairKind.UnquotedKey, kinds);
        Assert.Contains(LlmRepairKind.SingleQuotes, kinds);
        Assert.Contains(LlmRepairKind.Comment, kinds);
        Assert.Contains(LlmRepairKind.TrailingComma, kinds);
        Assert.Contains(LlmRepairKind.PythonLiteral, kinds);
    }

    [Fact]
    public void Missing_closing_brackets_at_the_end_are_added_when_every_value_is_complete()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":["a","b"]""");
        Assert.Equal(new[] { "a", "b" }, Ok(r).Tags);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.MissingClosingBracket);
    }

    [Fact]
    public void A_cut_string_in_a_required_member_is_refused()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"tags":[],"summary":"App cras""");
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Path == "$.summary");
    }

    [Fact]
    public void A_number_that_ends_the_text_is_refused_rather_than_taken_as_final()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Technical","summary":"x","tags":[],"priority":4""");
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Path == "$.priority");
    }

    [Theory]
    [InlineData("-")]
    [InlineData("2e")]
    [InlineData("2E+")]
    public void A_number_missing_its_digits_inside_the_text_is_refused(string number)
    {
        // jsonrepair writes -0 / 2e0 for these; a typed read must not take the guess as the model's value.
        var r = SupportTicket.LlmInfo.Parse("{\"category\":\"Technical\",\"priority\":" + number + ",\"summary\":\"x\",\"tags\":[]}");
        Assert.Equal("$.priority", OnlyError(r).Path);
    }

    [Fact]
    public void A_doubled_comma_between_members_is_repaired_but_an_element_left_out_of_a_list_is_refused()
    {
        var members = SupportTicket.LlmInfo.Parse("""{"category":"Technical",, "priority":2,"summary":"x","tags":[]}""");
        Assert.Equal(2, Ok(members).Priority);
        Assert.Contains(members.Repairs, x => x.Kind == LlmRepairKind.ExtraComma);

        var elements = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":["a",,"b"]}""");
        Assert.Equal("$.tags", OnlyError(elements).Path);
    }

    [Fact]
    public void A_dangling_decimal_point_keeps_its_value()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2.,"summary":"x","tags":[]}""");
        Assert.Equal(2, Ok(r).Priority);
    }

    [Fact]
    public void A_cut_optional_value_that_had_begun_is_refused_but_one_that_never_began_is_absent()
    {
        var begun = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":[],"customerEmail":"a@b.c""");
        Assert.False(begun.Success);
        Assert.Contains(begun.Errors, e => e.Path == "$.customerEmail");

        var never = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":[]""");
        Assert.Null(Ok(never).CustomerEmail);
    }

    [Theory]
    [InlineData("""{"category":"Technical","priority":2,"summary":"x","tags":["ios","crash","customerEmail":"a@b.c"}""")]
    [InlineData("{\"category\":\"Technical\",\"priority\":2,\"summary\":\"x\",\"tags\":[\n  \"ios\",\n  \"crash\"\n\"customerEmail\": \"a@b.c\"\n}")]
    [InlineData("""{"category":"Technical","priority":2,"summary":"x","tags":["ios","crash",customerEmail:"a@b.c"}""")]
    [InlineData("""{"category":"Technical","priority":2,"summary":"x","tags":["ios","crash","customerEmail":"a@b.c"]}""")]
    public void A_list_that_runs_into_the_next_key_is_refused_not_read_with_the_key_as_an_element(string json)
    {
        // Before, the key, a ":" and the value became three more tags and the email was lost without an error.
        var r = SupportTicket.LlmInfo.Parse(json);
        Assert.False(r.Success);
        Assert.Equal("$.tags", OnlyError(r).Path);
    }

    [Fact]
    public void A_list_that_runs_into_the_next_key_ends_before_it()
    {
        Assert.Equal("""{"a": ["x", "y"], "b": 2}""", LlmJson.Repair("""{"a": ["x", "y", "b": 2}"""));
        Assert.Equal("""{"a": ["x"], "b": 2}""", LlmJson.Repair("""{"a": ["x", b: 2}"""));
        Assert.Equal("""{"a": ["http://x.com", "y"]}""", LlmJson.Repair("""{"a": [http://x.com, "y"]}"""));

        // An unknown member's list does not matter to the type: the member after it is read.
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":[],"notes":["a","customerEmail":"a@b.c"}""");
        Assert.Equal("a@b.c", Ok(r).CustomerEmail);
        Assert.Throws<LlmParseException>(() => LlmJson.Repair("""["x", "b": 2]"""));
    }

    [Fact]
    public void A_key_cut_right_after_its_opening_quote_had_begun_a_member()
    {
        var r = SupportTicket.LlmInfo.Parse("{\"category\":\"Technical\",\"priority\":2,\"summary\":\"x\",\"tags\":[], \"");
        Assert.False(r.Success);
        Assert.Equal("$.customerEmail", OnlyError(r).Path);

        // Every member already written: nothing else could have begun.
        var all = SupportTicket.LlmInfo.Parse("{\"category\":\"Technical\",\"priority\":2,\"summary\":\"x\",\"tags\":[],\"customerEmail\":null, \"");
        Assert.Equal("x", Ok(all).Summary);

        // Cut after the comma: no member began.
        Assert.Null(Ok(SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":[], """)).CustomerEmail);
    }

    [Fact]
    public void An_unclosed_array_is_refused()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":["a","b""");
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Path.StartsWith("$.tags", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ key matching

    [Fact]
    public void Key_drift_is_matched_and_reported()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"ticket_category":"Technical","Priority":2,"SUMMARY":"x","tags":[],"customer-email":null}""");
        var t = Ok(r);
        Assert.Equal(Category.Technical, t.Category);
        Assert.Equal(2, t.Priority);
        Assert.Equal("x", t.Summary);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch && x.Before == "ticket_category" && x.After == "category");
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyNormalized && x.Before == "customer-email" && x.After == "customerEmail");
    }

    [Theory]
    [InlineData("priority_level", "priority")]
    [InlineData("ticketSummary", "summary")]
    [InlineData("summary_text", "summary")]
    [InlineData("customer_email_address", "customerEmail")]
    [InlineData("the-customer-email", "customerEmail")]
    [InlineData("priorityValue", "priority")]
    [InlineData("summary_of_the_issue", "summary")]
    public void Prefix_and_suffix_drift_is_matched_when_unambiguous(string drifted, string member)
    {
        var r = ParseWithDriftedKey(member, drifted);
        var t = Ok(r);
        Assert.Equal((2, "x", "a@b.c"), (t.Priority, t.Summary, t.CustomerEmail));
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch && x.Before == drifted && x.After == member);
    }

    /// <summary>An address member's key with the word for its written form after it (<c>homepage_url</c>) is the member.</summary>
    [Theory]
    [InlineData("homepage_url")]
    [InlineData("homepageLink")]
    public void An_address_key_ending_in_url_or_link_is_the_member(string drifted)
    {
        var r = UserProfile.LlmInfo.Parse("""{"username":"ada_99","email":"ada@example.com","homepage":"https://ada.dev","bio":"hi","age":30,"language":"en","interests":["math"],"score":0.5}"""
            .Replace("\"homepage\"", "\"" + drifted + "\"", StringComparison.Ordinal));
        Assert.Equal("https://ada.dev", Ok(r).Homepage);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch && x.Before == drifted && x.After == "homepage");
    }

    /// <summary>Invisible characters a model or a copy-paste leaves in a key or an enum value (zero-width space, joiners, BOM) name nothing.</summary>
    [Fact]
    public void Zero_width_characters_in_keys_and_enum_values_are_ignored_and_reported()
    {
        var r = SupportTicket.LlmInfo.Parse("{\"\u200Bcategory\":\"Technical\u200B\",\"prio\u200Drity\":2,\"summary\":\"x\",\"tags\":[],\"customerEmail\":null}");
        var t = Ok(r);
        Assert.Equal((Category.Technical, 2), (t.Category, t.Priority));
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyNormalized && x.After == "category");
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.EnumNormalized && x.Path == "$.category");

        // the direction marks and controls right-to-left text carries, and a soft hyphen, are invisible too
        var rtl = SupportTicket.LlmInfo.Parse("{\"\u200Fcategory\u200E\":\"\u202BTechnical\u202C\",\"prio\u00ADrity\":2,\"\u2067summary\u2069\":\"x\",\"tags\u061C\":[],\"customerEmail\":null}");
        var u = Ok(rtl);
        Assert.Equal((Category.Technical, 2, "x"), (u.Category, u.Priority, u.Summary));
        Assert.Equal(4, rtl.Repairs.Count(x => x.Kind == LlmRepairKind.KeyNormalized));
    }

    /// <summary>
    /// A value opening with a mark that negates or strikes it out names it only to say it is not the answer (Markdown
    /// strikethrough, <c>!</c>, a minus): refused, not read as that value.
    /// </summary>
    [Theory]
    [InlineData("~~Billing~~")]
    [InlineData("~Billing~")]
    [InlineData("!Billing")]
    [InlineData("-Billing")]
    [InlineData(" !billing")]
    [InlineData("Category.!Billing")]
    public void An_enum_value_marked_as_negated_or_struck_out_is_refused(string written)
    {
        var r = SupportTicket.LlmInfo.Parse("{\"category\":\"" + written + "\",\"priority\":2,\"summary\":\"x\",\"tags\":[],\"customerEmail\":null}");
        Assert.False(r.Success, written + " was read as " + r.Value?.Category);
        Assert.Equal("$.category", Assert.Single(r.Errors).Path);
    }

    /// <summary>Emphasis, brackets and trailing punctuation around an enum value, and Unicode spaces (a no-break space after it), still name it.</summary>
    [Theory]
    [InlineData("Billing\u00A0")]
    [InlineData("\u00A0Billing\u3000")]
    [InlineData("Billing\u202F")]
    public void An_enum_value_with_unicode_spaces_around_it_is_read(string written)
    {
        var r = SupportTicket.LlmInfo.Parse("{\"category\":\"" + written + "\",\"priority\":2,\"summary\":\"x\",\"tags\":[],\"customerEmail\":null}");
        Assert.Equal(Category.Billing, Ok(r).Category);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.EnumNormalized && x.Path == "$.category");
        foreach (var kept in new[] { "**Billing**", "(Billing)", "Billing?!", "Billing...", "_Billing_" })
        {
            Assert.Equal(Category.Billing, Ok(SupportTicket.LlmInfo.Parse("{\"category\":\"" + kept + "\",\"priority\":2,\"summary\":\"x\",\"tags\":[],\"customerEmail\":null}")).Category);
        }
    }

    /// <summary>A complete ticket whose key <paramref name="member"/> is written <paramref name="drifted"/>.</summary>
    private static LlmResult<SupportTicket> ParseWithDriftedKey(string member, string drifted) =>
        SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":[],"customerEmail":"a@b.c"}"""
            .Replace("\"" + member + "\"", "\"" + drifted + "\"", StringComparison.Ordinal));

    /// <summary>
    /// A drifted key whose extra word names another value of the member's kind (an earlier or other one, a bound, an
    /// aggregate, a stand-in) is not the member: left unknown, so a required member is missing rather than wrong.
    /// </summary>
    [Theory]
    [InlineData("previous_priority", "priority")]
    [InlineData("maxPriority", "priority")]
    [InlineData("priority_min", "priority")]
    [InlineData("suggested-summary", "summary")]
    [InlineData("cc_customer_email", "customerEmail")]
    [InlineData("customerEmailBackup", "customerEmail")]
    // Words after the name make the last one the head: an email's domain is no email, a summary's length no summary.
    [InlineData("customer_email_domain", "customerEmail")]
    [InlineData("summary_length", "summary")]
    [InlineData("priority_reason", "priority")]
    public void A_drifted_key_that_names_another_value_of_the_kind_is_unknown(string drifted, string member)
    {
        var r = ParseWithDriftedKey(member, drifted);
        Assert.Contains("$." + drifted, r.UnknownMembers);
        Assert.DoesNotContain(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch);
        if (member == "customerEmail")
        {
            Assert.Null(Ok(r).CustomerEmail); // optional: absent, not the other address
        }
        else
        {
            Assert.Equal("$." + member, OnlyError(r).Path);
        }
    }

    /// <summary>
    /// A lone surrogate is no text: a string value holding one is refused alike from a .NET string (where it used to
    /// become U+FFFD), from UTF-8 bytes (invalid UTF-8) and from a <c>\ud800</c> escape. Outside the JSON it is prose.
    /// </summary>
    [Fact]
    public void A_lone_surrogate_in_a_value_is_refused_from_every_input_form()
    {
        const string Expected = "$.summary: expected a string, found a string that is not valid UTF-8";
        Assert.Equal(Expected, OnlyError(SupportTicket.LlmInfo.Parse("{\"category\":\"Technical\",\"priority\":2,\"summary\":\"bad \uD800 char\",\"tags\":[]}")).Message);
        Assert.Equal(Expected, OnlyError(SupportTicket.LlmInfo.Parse("{\"category\":\"Technical\",\"priority\":2,\"summary\":\"bad \uDC00\",\"tags\":[]}")).Message);
        Assert.Equal(Expected, OnlyError(SupportTicket.LlmInfo.Parse("{\"category\":\"Technical\",\"priority\":2,\"summary\":\"bad \\ud800 char\",\"tags\":[]}")).Message);
        var bytes = Encoding.UTF8.GetBytes("{\"category\":\"Technical\",\"priority\":2,\"summary\":\"bad X char\",\"tags\":[]}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        Assert.Equal(Expected, OnlyError(SupportTicket.LlmInfo.Parse(bytes)).Message);

        // A pair is a character; a lone one in the prose around the JSON is not the data.
        Assert.Equal("ok \uD83D\uDE00", Ok(SupportTicket.LlmInfo.Parse("{\"category\":\"Technical\",\"priority\":2,\"summary\":\"ok \uD83D\uDE00\",\"tags\":[]}")).Summary);
        var prose = SupportTicket.LlmInfo.Parse("Here \uD800 it is: {\"category\":\"Technical\",\"priority\":2,\"summary\":\"x\",\"tags\":[]} done \uDFFF");
        Assert.Equal("x", Ok(prose).Summary);
        Assert.Contains(prose.Repairs, r => r.Kind == LlmRepairKind.SurroundingText);
    }

    /// <summary>A part of a total (a tax, a net or partial sum) is no total: the invoice's required total is missing.</summary>
    [Theory]
    [InlineData("total_tax")]
    [InlineData("net_total")]
    [InlineData("sub_total")]
    [InlineData("grossTotal")]
    public void A_part_of_a_total_is_not_the_total(string drifted)
    {
        var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"total\":", "\"" + drifted + "\":", StringComparison.Ordinal));
        Assert.Equal("$.total", OnlyError(r).Path);
        Assert.Contains("$." + drifted, r.UnknownMembers);
    }

    /// <summary>
    /// Keys qualified by the name of the member whose value the object is (`billing_street` inside `billingAddress`) are
    /// that object's members; a qualifier naming another member (`shipping_street` there) is not.
    /// </summary>
    [Fact]
    public void Keys_qualified_by_the_enclosing_member_name_are_its_members()
    {
        const string Billing = "\"billingAddress\":{\"street\":\"1 rue X\",\"city\":\"Paris\",\"postalCode\":null,\"countryCode\":\"FR\"}";
        Assert.Contains(Billing, InvoiceJson, StringComparison.Ordinal);
        var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace(Billing,
            "\"billingAddress\":{\"billing_street\":\"1 rue X\",\"billingCity\":\"Paris\",\"billing_postal_code\":\"75001\",\"countryCode\":\"FR\"}", StringComparison.Ordinal));
        Invoice invoice = Ok(r);
        Assert.Equal(new Address("1 rue X", "Paris", "75001", "FR"), invoice.BillingAddress);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch && x.Path == "$.billingAddress.billing_street" && x.After == "street");

        // a qualifier naming another member: the billing street is missing
        var other = Invoice.LlmInfo.Parse(InvoiceJson.Replace(Billing,
            "\"billingAddress\":{\"shipping_street\":\"1 rue X\",\"city\":\"Paris\",\"postalCode\":null,\"countryCode\":\"FR\"}", StringComparison.Ordinal));
        Assert.Equal("$.billingAddress.street", OnlyError(other).Path);
        Assert.Contains("$.billingAddress.shipping_street", other.UnknownMembers);
    }

    [Fact]
    public void An_exact_key_wins_over_a_drifted_one_in_either_order()
    {
        // summary_text, a weak match, is an extra member, not the summary, whether it comes before or after "summary".
        foreach (var json in new[]
        {
            """{"category":"Technical","priority":2,"summary_text":"short","summary":"x","tags":[]}""",
            """{"category":"Technical","priority":2,"summary":"x","summary_text":"short","tags":[]}""",
        })
        {
            var r = SupportTicket.LlmInfo.Parse(json);
            Assert.Equal("x", Ok(r).Summary);
            Assert.Equal(new[] { "$.summary_text" }, r.UnknownMembers);
            Assert.DoesNotContain(r.Repairs, x => x.Kind == LlmRepairKind.KeyPartialMatch);
        }

        // Errors the drifted key's value caused are dropped with it.
        var wrongType = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority_level":"urgent","priority":2,"summary":"x","tags":[]}""");
        Assert.Equal(2, Ok(wrongType).Priority);
        Assert.Equal(new[] { "$.priority_level" }, wrongType.UnknownMembers);
    }

    [Fact]
    public void A_drifted_key_value_is_never_coerced()
    {
        // summary_text: 42 alone would otherwise become the summary "42".
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary_text":42,"tags":[]}""");
        Assert.Equal("$.summary: expected a string, found 42", OnlyError(r).Message);

        var priority = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority_level":"2","summary":"x","tags":[]}""");
        Assert.Equal("$.priority", OnlyError(priority).Path);
    }

    [Fact]
    public void Ambiguous_or_short_partial_matches_are_unknown()
    {
        // "category_priority" holds two member names: neither gets it, so category is missing.
        var r = SupportTicket.LlmInfo.Parse("""{"category_priority":"Technical","priority":2,"summary":"x","tags":[]}""");
        Assert.Equal("$.category", OnlyError(r).Path);
        Assert.Contains("$.category_priority", r.UnknownMembers);
    }

    [Fact]
    public void Explicit_aliases_are_accepted_without_a_repair()
    {
        var r = Settings.LlmInfo.Parse("""{"colour":"red","flags":[],"ratio":0.5,"cores":2,"separator":";"}""");
        Assert.Equal("red", Ok(r).Color);
        Assert.DoesNotContain(r.Repairs, x => x.Kind is LlmRepairKind.KeyNormalized or LlmRepairKind.KeyPartialMatch);
        Assert.Equal("red", Ok(Settings.LlmInfo.Parse("""{"ThemeColor":"red","flags":[],"ratio":0.5,"cores":2,"separator":";"}""")).Color);
    }

    [Fact]
    public void Duplicate_keys_with_different_values_are_refused_and_equal_ones_are_reported()
    {
        var different = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"priority":3,"summary":"x","tags":[]}""");
        Assert.Equal("$.priority", OnlyError(different).Path);

        var twoKeysOneMember = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"Priority":3,"summary":"x","tags":[]}""");
        Assert.Equal("$.priority", OnlyError(twoKeysOneMember).Path);

        var same = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"priority":2,"summary":"x","tags":[]}""");
        Assert.Equal(2, Ok(same).Priority);
        Assert.Contains(same.Repairs, x => x.Kind == LlmRepairKind.DuplicateKey);
    }

    [Fact]
    public void A_member_written_twice_as_the_same_object_with_its_keys_reordered_is_one_value()
    {
        const string Line = """{"description":"Widget","quantity":2,"unitPrice":9.99}""";
        const string Reordered = """{"unitPrice":9.99,"description":"Widget","quantity":2}""";
        var same = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"total\":", "\"lines\":[" + Reordered + "],\"total\":", StringComparison.Ordinal));
        Assert.Equal(9.99m, Ok(same).Lines[0].UnitPrice);
        Assert.Contains(same.Repairs, x => x.Kind == LlmRepairKind.DuplicateKey && x.Path == "$.lines");

        var different = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"total\":", "\"lines\":[" + Reordered.Replace("9.99", "9.98", StringComparison.Ordinal) + "],\"total\":", StringComparison.Ordinal));
        Assert.Equal("$.lines", OnlyError(different).Path);

        // A list's order is part of its value.
        var swapped = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"lines\":[" + Line + "]", "\"lines\":[" + Line + ",{\"description\":\"Bolt\",\"quantity\":1,\"unitPrice\":1}],\"lines\":[{\"description\":\"Bolt\",\"quantity\":1,\"unitPrice\":1}," + Line + "]", StringComparison.Ordinal));
        Assert.Equal("$.lines", OnlyError(swapped).Path);
    }

    [Fact]
    public void Unknown_members_are_ignored_and_reported_with_their_path()
    {
        var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"total\":", "\"confidence\":0.9,\"total\":", StringComparison.Ordinal)
            .Replace("\"city\":\"Paris\"", "\"city\":\"Paris\",\"geo\":{\"lat\":1}", StringComparison.Ordinal));
        Ok(r);
        Assert.Equal(new[] { "$.billingAddress.geo", "$.confidence" }, r.UnknownMembers.OrderBy(x => x, StringComparer.Ordinal));
    }

    // ------------------------------------------------------------------ coercions and refusals

    [Fact]
    public void Lossless_coercions_are_applied_and_reported()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":" technical ","priority":"5","summary":42,"tags":"solo"}""");
        var t = Ok(r);
        Assert.Equal(Category.Technical, t.Category);
        Assert.Equal(5, t.Priority);
        Assert.Equal("42", t.Summary);
        Assert.Equal(new[] { "solo" }, t.Tags);
        var kinds = r.Repairs.Select(x => x.Kind).ToList();
        Assert.Contains(LlmRepairKind.EnumNormalized, kinds);
        Assert.Contains(LlmRepairKind.NumberFromString, kinds);
        Assert.Contains(LlmRepairKind.StringFromNumber, kinds);
        Assert.Contains(LlmRepairKind.ScalarToList, kinds);

        var floatInt = Measurements.LlmInfo.Parse(MeasurementsJson.Replace("\"int\":7", "\"int\":7.0", StringComparison.Ordinal)
            .Replace("\"flag\":true", "\"flag\":\"TRUE\"", StringComparison.Ordinal));
        Assert.Equal(7, Ok(floatInt).Int);
        Assert.True(floatInt.Value!.Flag);
        Assert.Contains(floatInt.Repairs, x => x.Kind == LlmRepairKind.IntegerFromFloat && x.Path == "$.int");
        Assert.Contains(floatInt.Repairs, x => x.Kind == LlmRepairKind.BoolFromString && x.Path == "$.flag");
    }

    /// <summary>
    /// A number the repairer had to rewrite to make JSON (<c>+1</c>, <c>.5</c>, <c>1.</c>) is, for a text member, the
    /// characters the model wrote: a phone number keeps its plus and no digit is invented.
    /// </summary>
    [Theory]
    [InlineData("+1001", "+1001")]
    [InlineData(".5", ".5")]
    [InlineData("-.5", "-.5")]
    [InlineData("1001.", "1001.")]
    [InlineData("+0", "+0")]
    [InlineData("+.5", "+.5")]
    [InlineData("+0789", "+0789")]
    public void A_number_the_repairer_rewrote_is_read_as_written_into_a_text_member(string written, string expected)
    {
        var r = OrderUpdate.LlmInfo.Parse("{\"orderId\": " + written + """, "status": "Shipped", "items": [{"sku": "ABC-1234", "quantity": 2}], "carrier": null, "previousStatus": null}""");
        Assert.Equal(expected, Ok(r).OrderId);
    }

    [Fact]
    public void A_rewritten_number_keeps_its_text_in_lists_nested_objects_and_beside_other_repairs()
    {
        var phone = ContactCard.LlmInfo.Parse("""{"full_name": "Ana Ruiz", "preferred": "phone", "phone_number": +15550100}""");
        Assert.Equal("+15550100", Ok(phone).PhoneNumber);
        var tags = SupportTicket.LlmInfo.Parse("""{"category": "Billing", "priority": +3, "summary": +5, "tags": ["refund", +1, .5,],}""");
        var t = Ok(tags);
        Assert.Equal(3, t.Priority);
        Assert.Equal("+5", t.Summary);
        Assert.Equal(new[] { "refund", "+1", ".5" }, t.Tags);
        var fenced = SupportTicket.LlmInfo.Parse("Here:\n```json\n{\"category\": \"Billing\", \"priority\": 3, \"summary\": +5, \"tags\": []}\n```");
        Assert.Equal("+5", Ok(fenced).Summary);
    }

    /// <summary>
    /// Prose quoting JSON with escaped quotes (<c>{\"a\": 1}</c>) opens no string: the answer after it is still found (it
    /// was swallowed into one unbalanced candidate running to the end of the text).
    /// </summary>
    [Fact]
    public void Escaped_json_quoted_in_prose_does_not_hide_the_answer_after_it()
    {
        var t = Ok(SupportTicket.LlmInfo.Parse("Note {\\\"a\\\": 1} from the email.\n" + Ticket));
        Assert.Equal("App crashes on login", t.Summary);
    }

    /// <summary>
    /// A nested object written as a string holding its JSON (as tool-call arguments encode it) is read from the decoded
    /// text, once, and reported; text that is no JSON object is refused as before, and strict mode refuses the decode.
    /// </summary>
    [Fact]
    public void A_nested_object_encoded_as_a_json_string_is_decoded_once()
    {
        const string Address = "{\"street\":\"1 rue X\",\"city\":\"Paris\",\"postalCode\":null,\"countryCode\":\"FR\"}";
        var encoded = InvoiceJson.Replace(Address, System.Text.Json.JsonSerializer.Serialize(Address), StringComparison.Ordinal);
        Assert.NotEqual(InvoiceJson, encoded);
        var r = Invoice.LlmInfo.Parse(encoded);
        Assert.Equal("Paris", Ok(r).BillingAddress.City);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.DoubleEncoded && x.Path == "$.billingAddress");

        Assert.Equal("$.billingAddress", OnlyError(Invoice.LlmInfo.Parse(InvoiceJson.Replace(Address, "\"1 rue X, Paris\"", StringComparison.Ordinal))).Path);
        Assert.False(Invoice.LlmInfo.Parse(encoded, LlmParseOptions.StrictDefault).Success);
        // decoded once: an object encoded twice is refused
        var twice = InvoiceJson.Replace(Address, System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Serialize(Address)), StringComparison.Ordinal);
        Assert.False(Invoice.LlmInfo.Parse(twice).Success);

        // a polymorphic value too: the discriminator is read from the decoded text
        var shape = System.Text.Json.JsonSerializer.Serialize("""{"kind":"circle","label":"c","radius":2}""");
        var drawing = Ok(Drawing.LlmInfo.Parse("{\"title\":\"T\",\"shapes\":[" + shape + "],\"highlight\":" + shape + "}"));
        Assert.Equal(2, ((Circle)drawing.Highlight!).Radius);
        Assert.IsType<Circle>(Assert.Single(drawing.Shapes));
    }

    /// <summary>
    /// One text listing several items (commas, semicolons, lines) where a list is expected is refused: as one item it
    /// would be a wrong list, and splitting it would guess where items end. A single item, or a number with a thousands
    /// comma, is still one element.
    /// </summary>
    [Theory]
    [InlineData("\"ios, crash\"")]
    [InlineData("\"ios; crash\"")]
    [InlineData("\"- ios\\n- crash\"")]
    [InlineData("\"\"")]
    [InlineData("\" \"")]
    [InlineData("\"null\"")]
    [InlineData("\"NULL\"")]
    public void A_string_listing_several_items_or_none_is_no_one_element_list(string tags)
    {
        var error = OnlyError(SupportTicket.LlmInfo.Parse(Ticket.Replace("[\"ios\",\"crash\"]", tags, StringComparison.Ordinal)));
        Assert.Equal("$.tags", error.Path);
        Assert.Equal(new[] { "login crash" }, Ok(SupportTicket.LlmInfo.Parse(Ticket.Replace("[\"ios\",\"crash\"]", "\"login crash\"", StringComparison.Ordinal))).Tags);
        Assert.Equal(new[] { "1,200 users" }, Ok(SupportTicket.LlmInfo.Parse(Ticket.Replace("[\"ios\",\"crash\"]", "\"1,200 users\"", StringComparison.Ordinal))).Tags);
    }

    [Fact]
    public void Dates_times_durations_and_guids_in_another_form_naming_one_value_are_read_and_reported()
    {
        const string Meeting = """{"subject":"Sync","startsAt":"2024-05-01 10:00:00","duration":"PT1H30M","reminderAt":"9:45","attendees":[],"agenda":[],"roomNumbers":[],"notes":[],"labels":[],"topics":[]}""";
        var r = Types.Meeting.LlmInfo.Parse(Meeting);
        var m = Ok(r);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0), m.StartsAt);
        Assert.Equal(TimeSpan.FromMinutes(90), m.Duration);
        Assert.Equal(new TimeOnly(9, 45), m.ReminderAt);
        Assert.Equal(new[] { "$.startsAt", "$.duration", "$.reminderAt" },
            r.Repairs.Where(x => x.Kind == LlmRepairKind.FormatNormalized).Select(x => x.Path));
        Assert.Contains(r.Repairs, x => x.Path == "$.duration" && x.Before == "\"PT1H30M\"" && x.After == "\"01:30:00\"");
        foreach (var (written, time) in new[] { ("9:45 PM", new TimeOnly(21, 45)), ("9:45pm", new TimeOnly(21, 45)), ("12:05 AM", new TimeOnly(0, 5)), ("11:05:30 am", new TimeOnly(11, 5, 30)) })
        {
            var twelve = Types.Meeting.LlmInfo.Parse(Meeting.Replace("\"9:45\"", "\"" + written + "\"", StringComparison.Ordinal));
            Assert.Equal(time, Ok(twelve).ReminderAt);
            Assert.Contains(twelve.Repairs, x => x.Path == "$.reminderAt" && x.Kind == LlmRepairKind.FormatNormalized);
        }

        Assert.False(Types.Meeting.LlmInfo.Parse(Meeting.Replace("\"9:45\"", "\"13:45 PM\"", StringComparison.Ordinal)).Success); // no such time

        var words = Types.Meeting.LlmInfo.Parse(Meeting.Replace("PT1H30M", "1 hour 30 minutes", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMinutes(90), Ok(words).Duration);
        Assert.Contains(words.Repairs, x => x.Path == "$.duration" && x.Kind == LlmRepairKind.FormatNormalized && x.After == "\"01:30:00\"");

        var invoice = Invoice.LlmInfo.Parse(InvoiceJson
            .Replace("\"paidAt\":null", "\"paidAt\":\"2024-03-02 09:00:00+02:00\"", StringComparison.Ordinal)
            .Replace("\"6f1c2a7e-0d7b-4d3a-9a53-2f0b8f1f8e11\"", "\"{6F1C2A7E-0D7B-4D3A-9A53-2F0B8F1F8E11}\"", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 0, 0, TimeSpan.FromHours(2)), Ok(invoice).PaidAt);
        Assert.Equal(Guid.Parse("6f1c2a7e-0d7b-4d3a-9a53-2f0b8f1f8e11"), invoice.Value!.CustomerId);

        // strict mode applies none of them
        Assert.False(Types.Meeting.LlmInfo.Parse(Meeting, LlmParseOptions.StrictDefault).Success);
    }

    [Theory]
    [InlineData("\"duration\":\"P1M\"", "$.duration")]          // a month has no fixed length
    [InlineData("\"duration\":\"P1Y\"", "$.duration")]
    [InlineData("\"duration\":\"PT1.5H\"", "$.duration")]       // a fraction only on seconds
    [InlineData("\"duration\":\"PT\"", "$.duration")]
    [InlineData("\"duration\":\"PT5M1H\"", "$.duration")]       // units out of order
    [InlineData("\"duration\":\"PT0.12345678S\"", "$.duration")] // finer than a tick
    [InlineData("\"startsAt\":\"2024-05-01\"", "$.startsAt")]      // a date alone: its midnight would be invented
    [InlineData("\"startsAt\":\"May 1, 2024 10am\"", "$.startsAt")]
    [InlineData("\"reminderAt\":\"25:00\"", "$.reminderAt")]
    public void Dates_times_and_durations_that_do_not_name_exactly_one_value_are_refused(string replacement, string path)
    {
        string json = """{"subject":"Sync","startsAt":"2024-05-01T10:00:00","duration":"00:30:00","reminderAt":null,"attendees":[],"agenda":[],"roomNumbers":[],"notes":[],"labels":[],"topics":[]}""";
        string member = replacement.Substring(0, replacement.IndexOf(':', StringComparison.Ordinal));
        int at = json.IndexOf(member + ":", StringComparison.Ordinal);
        int end = json.IndexOf(',', at);
        json = json.Substring(0, at) + replacement + json.Substring(end);
        Assert.Equal(path, OnlyError(Types.Meeting.LlmInfo.Parse(json)).Path);
    }

    [Fact]
    public void A_list_encoded_as_a_json_string_is_decoded_once()
    {
        var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace("""[{"description":"Widget","quantity":2,"unitPrice":9.99}]""",
            "\"[{\\\"description\\\":\\\"Widget\\\",\\\"quantity\\\":2,\\\"unitPrice\\\":9.99}]\"", StringComparison.Ordinal));
        var line = Assert.Single(Ok(r).Lines);
        Assert.Equal(("Widget", 2, 9.99m), (line.Description, line.Quantity, line.UnitPrice));
        var decoded = Assert.Single(r.Repairs, x => x.Kind == LlmRepairKind.DoubleEncoded);
        Assert.Equal("$.lines", decoded.Path);

        // an error inside the decoded list keeps the member's path, and nothing in it is given a position in the input
        var bad = Invoice.LlmInfo.Parse(InvoiceJson.Replace("""[{"description":"Widget","quantity":2,"unitPrice":9.99}]""",
            "\"[{\\\"description\\\":\\\"Widget\\\",\\\"quantity\\\":\\\"two\\\",\\\"unitPrice\\\":9.99}]\"", StringComparison.Ordinal));
        Assert.Equal("$.lines[0].quantity", OnlyError(bad).Path);
    }

    [Theory]
    [InlineData("\"decimal\":1.5", "\"decimal\":\"$12.50\"", "$.decimal: expected a number, found \"$12.50\"")]
    [InlineData("\"long\":-3", "\"long\":\"1,200\"", "$.long: expected an integer, found \"1,200\"")]
    [InlineData("\"double\":2.25", "\"double\":\"81%\"", "$.double: expected a number, found \"81%\"")]
    [InlineData("\"int\":7", "\"int\":2.5", "$.int: expected an integer, found 2.5")]
    [InlineData("\"flag\":true", "\"flag\":\"yes\"", "$.flag: expected true or false, found \"yes\"")]
    [InlineData("\"byte\":200", "\"byte\":300", "$.byte: expected an integer 0..255, found 300")]
    [InlineData("\"maybeInt\":null", "\"maybeInt\":\"n/a\"", "$.maybeInt: expected an integer or null, found \"n/a\"")]
    public void Lossy_values_are_refused_with_a_retry_message(string from, string to, string message)
    {
        string json = MeasurementsJson.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(MeasurementsJson, json);
        Assert.Equal(message, OnlyError(Measurements.LlmInfo.Parse(json)).Message);
    }

    [Fact]
    public void An_unknown_enum_value_is_refused()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":"Marketing","priority":2,"summary":"x","tags":[]}""");
        Assert.Equal("$.category: expected one of Billing, Technical, Account, found \"Marketing\"", OnlyError(r).Message);
    }

    [Fact]
    public void Null_or_missing_for_a_required_member_is_refused_and_never_defaulted()
    {
        var missing = SupportTicket.LlmInfo.Parse("""{"category":"Technical","summary":"x","tags":[]}""");
        Assert.Equal("$.priority: expected an integer 1..5, found nothing (the member is missing)", OnlyError(missing).Message);

        var nullValue = SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":null,"tags":[]}""");
        Assert.Equal("$.summary: expected a string, found null", OnlyError(nullValue).Message);

        var nested = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"city\":\"Paris\",", string.Empty, StringComparison.Ordinal));
        Assert.Equal("$.billingAddress.city: expected a string, found nothing (the member is missing)", OnlyError(nested).Message);
    }

    [Fact]
    public void An_absent_optional_member_is_null()
    {
        var t = Ok(SupportTicket.LlmInfo.Parse("""{"category":"Technical","priority":2,"summary":"x","tags":[]}"""));
        Assert.Null(t.CustomerEmail);
        var invoice = Ok(Invoice.LlmInfo.Parse(InvoiceJson));
        Assert.Null(invoice.ShippingAddress);
        Assert.Null(invoice.PaidAt);
    }

    // ------------------------------------------------------------------ constraints (the same ones the schema states)

    [Fact]
    public void Every_data_annotation_the_schema_states_is_enforced()
    {
        const string valid = """{"username":"ada_99","email":"ada@example.com","homepage":"https://ada.dev","bio":"hi","age":30,"language":"en","interests":["math"],"score":0.5}""";
        Assert.Equal("ada_99", Ok(UserProfile.LlmInfo.Parse(valid)).Username);

        (string From, string To, string Message)[] cases =
        {
            ("\"username\":\"ada_99\"", "\"username\":\"ab\"", "$.username: expected a string of 3..20 characters matching ^[a-z0-9_]+$, found a string of length 2"),
            ("\"username\":\"ada_99\"", "\"username\":\"Ada-99\"", "$.username: expected a string of 3..20 characters matching ^[a-z0-9_]+$, found \"Ada-99\""),
            ("\"email\":\"ada@example.com\"", "\"email\":\"ada.example.com\"", "$.email: expected an email address, found \"ada.example.com\""),
            ("\"homepage\":\"https://ada.dev\"", "\"homepage\":\"ada.dev\"", "$.homepage: expected an http, https or ftp URL or null, found \"ada.dev\""),
            ("\"age\":30", "\"age\":12", "$.age: expected an integer 13..120, found 12"),
            ("\"language\":\"en\"", "\"language\":\"es\"", "$.language: expected one of \"en\", \"fr\", \"de\", found \"es\""),
            ("\"interests\":[\"math\"]", "\"interests\":[]", "$.interests: expected an array of 1..3 items, found 0 items"),
            ("\"score\":0.5", "\"score\":1.5", "$.score: expected a number 0..1, found 1.5"),
        };
        foreach (var (from, to, message) in cases)
        {
            string json = valid.Replace(from, to, StringComparison.Ordinal);
            Assert.NotEqual(valid, json);
            Assert.Equal(message, OnlyError(UserProfile.LlmInfo.Parse(json)).Message);
        }
    }

    [Fact]
    public void Nested_constraints_report_the_full_path()
    {
        const string json = """{"orderId":"A1","status":"Shipped","items":[{"sku":"ABC-1234","quantity":1},{"sku":"abc","quantity":100}],"carrier":null,"previousStatus":null}""";
        var r = OrderUpdate.LlmInfo.Parse(json);
        Assert.False(r.Success);
        Assert.Equal(new[]
        {
            "$.items[1].sku: expected a string matching ^[A-Z]{3}-[0-9]{4}$, found \"abc\"",
            "$.items[1].quantity: expected an integer 1..99, found 100",
        }, r.Errors.Select(e => e.Message));

        var empty = OrderUpdate.LlmInfo.Parse("""{"orderId":"A1","status":"Shipped","items":[],"carrier":"UPS","previousStatus":"Pending"}""");
        Assert.Equal("$.items: expected an array of at least 1 item, found 0 items", OnlyError(empty).Message);
    }

    [Fact]
    public void Sets_bounds_allowed_numbers_and_chars()
    {
        const string valid = """{"color":"red","flags":["a","b"],"ratio":1,"cores":4,"separator":";"}""";
        var s = Ok(Settings.LlmInfo.Parse(valid));
        Assert.True(s.Flags.SetEquals(new[] { "a", "b" }));
        Assert.Equal(';', s.Separator);

        Assert.Equal("$.ratio: expected a number 0..1, found 1.01",
            OnlyError(Settings.LlmInfo.Parse(valid.Replace("\"ratio\":1", "\"ratio\":1.01", StringComparison.Ordinal))).Message);
        Assert.Equal("$.cores: expected one of 1, 2, 4, 8, found 3",
            OnlyError(Settings.LlmInfo.Parse(valid.Replace("\"cores\":4", "\"cores\":3", StringComparison.Ordinal))).Message);
        Assert.Equal("$.flags: expected an array of unique items, found an array with a repeated item",
            OnlyError(Settings.LlmInfo.Parse(valid.Replace("[\"a\",\"b\"]", "[\"a\",\"a\"]", StringComparison.Ordinal))).Message);
        Assert.Equal("$.separator: expected a single character, found \";;\"",
            OnlyError(Settings.LlmInfo.Parse(valid.Replace("\";\"", "\";;\"", StringComparison.Ordinal))).Message);
    }

    // ------------------------------------------------------------------ shapes

    [Fact]
    public void Polymorphic_members_are_read_through_their_discriminator_wherever_it_is()
    {
        const string json = """{"title":"T","shapes":[{"kind":"circle","label":"c","radius":2},{"label":"r","width":1,"height":3,"kind":"rectangle"}],"highlight":null}""";
        var r = Drawing.LlmInfo.Parse(json);
        var d = Ok(r);
        Assert.Empty(r.UnknownMembers);
        Assert.Equal(new Circle("c", 2), d.Shapes[0]);
        Assert.Equal(new Rectangle("r", 1, 3), d.Shapes[1]);
        Assert.Null(d.Highlight);

        var unknown = Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"kind":"triangle","label":"t"}],"highlight":null}""");
        Assert.Equal("$.shapes[0].kind: expected one of circle, rectangle, found \"triangle\"", OnlyError(unknown).Message);

        // no discriminator: the one derived type whose members name every key is read, and the choice reported
        var inferred = Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"label":"t","radius":1},{"label":"r","Width":1,"height":2}],"highlight":null}""");
        Assert.Equal(new Shape[] { new Circle("t", 1), new Rectangle("r", 1, 2) }, Ok(inferred).Shapes);
        Assert.Equal(new[] { "$.shapes[0].kind", "$.shapes[1].kind" },
            inferred.Repairs.Where(x => x.Kind == LlmRepairKind.DiscriminatorInferred).Select(x => x.Path));
        Assert.Contains(inferred.Repairs, x => x.Kind == LlmRepairKind.DiscriminatorInferred && x.After == "\"kind\": \"circle\"");

        // keys every derived type has (only the label), keys none has, no keys, or strict options: still refused
        const string Missing = "$.shapes[0].kind: expected one of circle, rectangle, found nothing (the member is missing)";
        Assert.Equal(Missing, OnlyError(Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"label":"t"}],"highlight":null}""")).Message);
        Assert.Equal(Missing, OnlyError(Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"label":"t","radius":1,"width":2}],"highlight":null}""")).Message);
        Assert.Equal(Missing, OnlyError(Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{}],"highlight":null}""")).Message);
        Assert.Equal(Missing, OnlyError(Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"label":"t","radius":1}],"highlight":null}""", LlmParseOptions.StrictDefault)).Message);
        // the derived type's own reader still checks its members: a rectangle without its height is an error
        var partial = Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"label":"r","width":1}],"highlight":null}""");
        Assert.Equal("$.shapes[0].height", OnlyError(partial).Path);

        var drifted = Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"Kind":"Circle","label":"c","radius":2}],"highlight":{"kind":"circle","label":"h","radius":1}}""");
        Assert.Equal(new Circle("c", 2), Ok(drifted).Shapes[0]);
        Assert.Equal(new Circle("h", 1), drifted.Value!.Highlight);
        Assert.Empty(drifted.UnknownMembers);

        // the discriminator twice: with two different types named, which one was meant is a guess
        var twice = Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"kind":"circle","label":"c","radius":2,"Kind":"rectangle"}],"highlight":null}""");
        Assert.Equal("$.shapes[0].kind: expected one value, found two different values for this member (duplicate or equivalent keys)", OnlyError(twice).Message);
        var twiceReversed = Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"Kind":"rectangle","kind":"circle","label":"c","radius":2}],"highlight":null}""");
        Assert.Equal("$.shapes[0].kind: expected one value, found two different values for this member (duplicate or equivalent keys)", OnlyError(twiceReversed).Message);
        var same = Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"kind":"circle","label":"c","radius":2,"kind":"Circle"}],"highlight":null}""");
        Assert.Equal(new Circle("c", 2), Ok(same).Shapes[0]);
    }

    [Theory]
    [InlineData("""{"type":"circle","label":"c","radius":2}""", "type")]
    [InlineData("""{"shape":"Circle","label":"c","radius":2}""", "shape")]
    [InlineData("""{"label":"c","$type":"circle","radius":2}""", "$type")]
    public void A_discriminator_under_a_drifted_key_chooses_the_type_it_names(string shape, string key)
    {
        var r = Drawing.LlmInfo.Parse("{\"title\":\"T\",\"shapes\":[" + shape + "],\"highlight\":null}");
        Assert.Equal(new Circle("c", 2), Ok(r).Shapes[0]);
        var repair = Assert.Single(r.Repairs, x => x.Kind == LlmRepairKind.DiscriminatorInferred);
        Assert.Equal("$.shapes[0].kind", repair.Path);
        Assert.StartsWith("\"" + key + "\": ", repair.Before, StringComparison.Ordinal);
        Assert.Equal("\"kind\": \"circle\"", repair.After);
        Assert.Single(r.UnknownMembers); // the drifted key is still reported
    }

    [Theory]
    [InlineData("""{"type":"rectangle","label":"c","radius":2}""")]               // the named type has no radius
    [InlineData("""{"type":"circle","variant":"rectangle","label":"c","radius":2}""")] // two keys name a type
    [InlineData("""{"type":"triangle","label":"c","radius":2}""")]                 // names no type
    [InlineData("""{"type":"circle","label":"c","radius":2,"color":"red"}""")]     // another key the type lacks
    public void A_drifted_discriminator_that_does_not_name_one_fitting_type_is_still_refused(string shape)
    {
        var r = Drawing.LlmInfo.Parse("{\"title\":\"T\",\"shapes\":[" + shape + "],\"highlight\":null}");
        Assert.Equal("$.shapes[0].kind: expected one of circle, rectangle, found nothing (the member is missing)", OnlyError(r).Message);
        Assert.False(Drawing.LlmInfo.Parse("""{"title":"T","shapes":[{"type":"circle","label":"c","radius":2}],"highlight":null}""", LlmParseOptions.StrictDefault).Success);
    }

    [Fact]
    public void A_response_continuing_a_prefilled_brace_or_wrapped_in_cdata_is_read()
    {
        var prefilled = SupportTicket.LlmInfo.Parse("\"category\": \"Billing\", \"priority\": 3, \"summary\": \"x\", \"tags\": []}");
        Assert.Equal(3, Ok(prefilled).Priority);
        Assert.Contains(prefilled.Repairs, x => x.Kind == LlmRepairKind.MissingOpeningBracket);

        // ... with a closing remark after the brace: the prose is no part of it.
        foreach (var text in new[]
        {
            "\n  \"category\": \"Billing\",\n  \"priority\": 3,\n  \"summary\": \"x\",\n  \"tags\": [\"refund\"]\n}\n\nLet me know if you need anything else!",
            "\"category\": \"Billing\", \"priority\": 3, \"summary\": \"x {y}\", \"tags\": []} Let me know!",
        })
        {
            var remark = SupportTicket.LlmInfo.Parse(text);
            Assert.Equal(3, Ok(remark).Priority);
            Assert.Contains(remark.Repairs, x => x.Kind == LlmRepairKind.MissingOpeningBracket);
            Assert.Contains(remark.Repairs, x => x.Kind == LlmRepairKind.SurroundingText);
        }

        // A quoted word followed by a colon in prose, closed by no brace, is no continuation.
        Assert.False(SupportTicket.LlmInfo.Parse("\"Note\": the ticket could not be classified.").Success);

        var cdata = SupportTicket.LlmInfo.Parse("<![CDATA[{\"category\": \"Billing\", \"priority\": 3, \"summary\": \"x\", \"tags\": []}]]>");
        Assert.Equal(Category.Billing, Ok(cdata).Category);
        Assert.Contains(cdata.Repairs, x => x.Kind == LlmRepairKind.TagWrapper && x.Position == 0);
    }

    [Fact]
    public void An_empty_or_null_string_for_an_optional_value_that_is_not_text_reads_as_null()
    {
        var r = Measurements.LlmInfo.Parse(MeasurementsJson.Replace("\"maybeInt\":null", "\"maybeInt\":\"\"", StringComparison.Ordinal)
            .Replace("\"maybeDouble\":null", "\"maybeDouble\":\" NULL \"", StringComparison.Ordinal)
            .Replace("\"maybeFlag\":false", "\"maybeFlag\":\"null\"", StringComparison.Ordinal));
        var m = Ok(r);
        Assert.Equal((null, null, null), (m.MaybeInt, m.MaybeDouble, m.MaybeFlag));
        Assert.Equal(new[] { "$.maybeInt", "$.maybeDouble", "$.maybeFlag" },
            r.Repairs.Where(x => x.Kind == LlmRepairKind.NullFromString).Select(x => x.Path));

        var address = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"shippingAddress\":null", "\"shippingAddress\":\"\"", StringComparison.Ordinal)
            .Replace("\"paidAt\":null", "\"paidAt\":\"\"", StringComparison.Ordinal));
        Assert.Equal((null, null), (Ok(address).ShippingAddress, address.Value!.PaidAt));

        // an optional string keeps the text; a required value, another word or strict options refuse
        var text = SupportTicket.LlmInfo.Parse("""{"category":"Billing","priority":3,"summary":"x","tags":[],"customerEmail":"null"}""");
        Assert.Equal("null", Ok(text).CustomerEmail);
        Assert.Equal("$.int: expected an integer, found \"\"", OnlyError(Measurements.LlmInfo.Parse(MeasurementsJson.Replace("\"int\":7", "\"int\":\"\"", StringComparison.Ordinal))).Message);
        Assert.False(Measurements.LlmInfo.Parse(MeasurementsJson.Replace("\"maybeInt\":null", "\"maybeInt\":\"none\"", StringComparison.Ordinal)).Success);
        Assert.False(Measurements.LlmInfo.Parse(MeasurementsJson.Replace("\"maybeInt\":null", "\"maybeInt\":\"\"", StringComparison.Ordinal), LlmParseOptions.StrictDefault).Success);
    }

    [Fact]
    public void A_placeholder_for_no_value_is_not_wrapped_as_the_one_item_of_a_list()
    {
        // tags ["N/A"] would be a tag the model never gave; an empty list or null would guess at what it meant
        foreach (var placeholder in new[] { "N/A", "n/a", " None ", "nil", "-", "\u2014" })
        {
            var r = SupportTicket.LlmInfo.Parse("""{"category":"Billing","priority":3,"summary":"x","tags":""" + JsonString(placeholder) + "}");
            Assert.Equal("$.tags", OnlyError(r).Path);
            Assert.StartsWith("a placeholder for no value", r.Errors[0].Found, StringComparison.Ordinal);
            // an optional list too
            Assert.False(SearchFilter.LlmInfo.Parse("""{"category":"books","tags":""" + JsonString(placeholder) + "}").Success, placeholder);
        }

        // a single real item is still one item
        Assert.Equal(new[] { "NA" }, Ok(SupportTicket.LlmInfo.Parse("""{"category":"Billing","priority":3,"summary":"x","tags":"NA"}""")).Tags);
        Assert.Equal(new[] { "none-of-the-above" }, Ok(SupportTicket.LlmInfo.Parse("""{"category":"Billing","priority":3,"summary":"x","tags":"none-of-the-above"}""")).Tags);

        static string JsonString(string s) => System.Text.Json.JsonSerializer.Serialize(s);
    }

    [Fact]
    public void A_one_element_array_around_a_single_value_is_that_value()
    {
        var r = SupportTicket.LlmInfo.Parse("""{"category":["Billing"],"priority":[3],"summary":["x"],"tags":[]}""");
        var t = Ok(r);
        Assert.Equal((Category.Billing, 3, "x"), (t.Category, t.Priority, t.Summary));
        Assert.Equal(new[] { "$.category", "$.priority", "$.summary" }, r.Repairs.Where(x => x.Kind == LlmRepairKind.ListToScalar).Select(x => x.Path));

        var m = Measurements.LlmInfo.Parse(MeasurementsJson.Replace("\"double\":2.25", "\"double\":[\"2.25\"]", StringComparison.Ordinal)
            .Replace("\"flag\":true", "\"flag\":[true]", StringComparison.Ordinal));
        Assert.Equal((2.25, true), (Ok(m).Double, m.Value!.Flag));

        // the element is still checked; two elements, an object, null or an empty array are refused; strict options refuse
        Assert.Equal("$.priority: expected an integer 1..5, found 9", OnlyError(SupportTicket.LlmInfo.Parse("""{"category":"Billing","priority":[9],"summary":"x","tags":[]}""")).Message);
        Assert.Equal("$.category: expected one of Billing, Technical, Account, found an array",
            OnlyError(SupportTicket.LlmInfo.Parse("""{"category":["Billing","Technical"],"priority":3,"summary":"x","tags":[]}""")).Message);
        Assert.False(SupportTicket.LlmInfo.Parse("""{"category":"Billing","priority":3,"summary":[{"text":"x"}],"tags":[]}""").Success);
        Assert.False(SupportTicket.LlmInfo.Parse("""{"category":"Billing","priority":3,"summary":[null],"tags":[]}""").Success);
        Assert.False(SupportTicket.LlmInfo.Parse("""{"category":"Billing","priority":3,"summary":[],"tags":[]}""").Success);
        Assert.False(SupportTicket.LlmInfo.Parse("""{"category":["Billing"],"priority":3,"summary":"x","tags":[]}""", LlmParseOptions.StrictDefault).Success);
    }

    [Fact]
    public void The_csharp_name_of_a_renamed_enum_member_or_derived_type_names_it_too()
    {
        var r = Workflow.LlmInfo.Parse("""{"steps":[{"kind":"EmailStep","label":"a","to":"x@y.z"},{"kind":"wait-step","label":"b","minutes":5}],"priority":"Urgent"}""");
        var w = Ok(r);
        Assert.Equal(new WorkflowStep[] { new EmailStep("a", "x@y.z"), new WaitStep("b", 5) }, w.Steps);
        Assert.Equal(StepPriority.Urgent, w.Priority);
        Assert.Equal(3, r.Repairs.Count(x => x.Kind == LlmRepairKind.EnumNormalized));

        // the names in the schema still read exactly, and a name that is neither is refused
        Assert.Equal(StepPriority.Normal, Ok(Workflow.LlmInfo.Parse("""{"steps":[],"priority":"p2"}""")).Priority);
        Assert.Equal("$.steps[0].kind: expected one of mail, delay, found \"sms\"",
            OnlyError(Workflow.LlmInfo.Parse("""{"steps":[{"kind":"sms","label":"a"}],"priority":"p1"}""")).Message);
        var contact = ContactCard.LlmInfo.Parse("""{"full_name":"Ann","preferred":"Post"}""");
        Assert.Equal(ContactChannel.Post, Ok(contact).PreferredChannel);
    }

    [Theory]
    [InlineData("NULL")]
    [InlineData("Null")]
    [InlineData("nil")]
    public void A_null_spelled_as_other_languages_do_is_no_value_not_the_text_of_the_word(string spelling)
    {
        var r = SupportTicket.LlmInfo.Parse("{\"category\":\"Billing\",\"priority\":3,\"summary\":\"x\",\"tags\":[],\"customerEmail\":" + spelling + "}");
        Assert.Null(Ok(r).CustomerEmail);
        var repair = Assert.Single(r.Repairs);
        Assert.Equal((LlmRepairKind.LiteralSpelling, "$.customerEmail", spelling, "null"), (repair.Kind, repair.Path, repair.Before, repair.After));

        // a required string given such a null is refused, not filled with the word
        var required = SupportTicket.LlmInfo.Parse("{\"category\":\"Billing\",\"priority\":3,\"summary\":" + spelling + ",\"tags\":[]}");
        Assert.Equal("$.summary: expected a string, found null", OnlyError(required).Message);
    }

    [Theory]
    [InlineData("March 1, 2024")]
    [InlineData("Mar 1 2024")]
    [InlineData("1 March 2024")]
    [InlineData(" 1 mar 2024 ")]
    [InlineData("2024/03/01")]
    [InlineData("March 1st, 2024")]
    [InlineData("1st March 2024")]
    [InlineData("Mar 1ST 2024")]
    [InlineData("2024-03-01 ")]
    [InlineData("2024-3-1")]
    [InlineData("Mar. 1, 2024")]
    [InlineData("Friday, March 1, 2024")]
    [InlineData("Fri, Mar 1, 2024")]
    [InlineData("1st of March 2024")]
    [InlineData("1st of March, 2024")]
    [InlineData("Fri, 01 Mar 2024")]
    [InlineData("Friday, 1 Mar 2024")]
    public void A_date_naming_its_month_or_with_the_year_first_is_read_and_reported(string written)
    {
        var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"issuedOn\":\"2024-03-01\"", "\"issuedOn\":\"" + written + "\"", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 3, 1), Ok(r).IssuedOn);
        var repair = Assert.Single(r.Repairs, x => x.Kind == LlmRepairKind.FormatNormalized);
        Assert.Equal(("$.issuedOn", "\"2024-03-01\""), (repair.Path, repair.After));
    }

    [Theory]
    [InlineData("March 1nd, 2024")]
    [InlineData("March 1th, 2024")]
    [InlineData("March 1stt, 2024")]
    [InlineData("Monday, March 1, 2024")] // March 1, 2024 was a Friday: which of the two did the model mean?
    public void A_day_whose_ordinal_suffix_is_not_its_own_is_refused(string written)
    {
        var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"issuedOn\":\"2024-03-01\"", "\"issuedOn\":\"" + written + "\"", StringComparison.Ordinal));
        Assert.Equal("$.issuedOn", OnlyError(r).Path);
    }

    [Theory]
    [InlineData("May 1st, 2024 10:00", 10)]
    [InlineData("May 1, 2024 10:00", 10)]
    [InlineData("May 1, 2024 2:30 PM", 14)]
    [InlineData("1 May 2024 10:00:00", 10)]
    [InlineData("2024/05/01 10:00", 10)]
    public void A_date_time_naming_its_month_or_with_the_year_first_is_read_and_reported(string written, int hour)
    {
        const string Meeting = """{"subject":"Sync","startsAt":"WHEN","duration":"00:30:00","attendees":[],"agenda":[],"roomNumbers":[],"notes":[],"labels":[],"topics":[]}""";
        var r = Types.Meeting.LlmInfo.Parse(Meeting.Replace("WHEN", written, StringComparison.Ordinal));
        Assert.Equal(new DateTime(2024, 5, 1, hour, hour == 14 ? 30 : 0, 0), Ok(r).StartsAt);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.FormatNormalized && x.Path == "$.startsAt");

        // without a time, a date-time would be a midnight the model never wrote: refused as before
        Assert.False(Types.Meeting.LlmInfo.Parse(Meeting.Replace("WHEN", "May 1, 2024", StringComparison.Ordinal)).Success);
    }

    /// <summary>
    /// An HTTP (RFC 1123) date names one instant at offset zero, its weekday checked; the ISO date with a 12-hour clock
    /// names one clock time (12:00 AM is midnight). A wrong weekday or a missing offset for a DateTimeOffset stays refused.
    /// </summary>
    [Fact]
    public void An_http_date_and_an_iso_date_with_a_12_hour_clock_are_read_and_reported()
    {
        const string Meeting = """{"subject":"Sync","startsAt":"WHEN","duration":"00:30:00","attendees":[],"agenda":[],"roomNumbers":[],"notes":[],"labels":[],"topics":[]}""";
        LlmResult<Types.Meeting> At(string when) => Types.Meeting.LlmInfo.Parse(Meeting.Replace("WHEN", when, StringComparison.Ordinal));
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0), Ok(At("2024-05-01 10:00 AM")).StartsAt);
        Assert.Equal(new DateTime(2024, 5, 1, 0, 0, 0), Ok(At("2024-05-01 12:00 AM")).StartsAt);
        Assert.Equal(new DateTime(2024, 5, 1, 14, 30, 15), Ok(At("2024-05-01 2:30:15 pm")).StartsAt);
        var http = At("Wed, 01 May 2024 10:00:00 GMT");
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), Ok(http).StartsAt);
        Assert.Equal(DateTimeKind.Utc, http.Value!.StartsAt.Kind);
        Assert.Contains(http.Repairs, x => x.Kind == LlmRepairKind.FormatNormalized && x.Path == "$.startsAt" && x.After == "\"2024-05-01T10:00:00Z\"");
        Assert.False(At("Thu, 01 May 2024 10:00:00 GMT").Success); // May 1, 2024 was a Wednesday
        Assert.False(At("2024-05-01 13:00 PM").Success);

        var paid = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"paidAt\":null", "\"paidAt\":\"Sat, 02 Mar 2024 09:00:00 GMT\"", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 0, 0, TimeSpan.Zero), Ok(paid).PaidAt);
        Assert.Contains(paid.Repairs, x => x.Kind == LlmRepairKind.FormatNormalized && x.Path == "$.paidAt");
        Assert.False(Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"paidAt\":null", "\"paidAt\":\"2024-03-02 09:00 AM\"", StringComparison.Ordinal)).Success);
        Assert.False(Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"issuedOn\":\"2024-03-01\"", "\"issuedOn\":\"Mon, 01 Mar 2024\"", StringComparison.Ordinal)).Success);
    }

    [Theory]
    [InlineData("2024-03-01T00:00:00")]
    [InlineData("2024-03-01T00:00")]
    [InlineData("2024-03-01 00:00:00.000")]
    [InlineData("2024-03-01T00:00:00Z")]
    [InlineData("2024-03-01T00:00:00+02:00")]
    [InlineData("2024-03-01T00:00:00-0500")]
    public void A_date_written_as_midnight_is_that_date_and_reported(string written)
    {
        var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"issuedOn\":\"2024-03-01\"", "\"issuedOn\":\"" + written + "\"", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 3, 1), Ok(r).IssuedOn);
        var repair = Assert.Single(r.Repairs, x => x.Kind == LlmRepairKind.FormatNormalized);
        Assert.Equal(("$.issuedOn", "\"2024-03-01\""), (repair.Path, repair.After));
    }

    [Theory]
    [InlineData("2024-03-01T15:30:00")]  // a time of day would be dropped
    [InlineData("2024-03-01T00:00:01")]
    [InlineData("2024-03-01T00:00:00.5Z")]
    [InlineData("2024-03-01T")]
    [InlineData("2024-03-01T00:00:00+25")]
    [InlineData("2024-03-01T00:00:00+25:00")] // no such offset
    [InlineData("2024-03-01T00:00:00-0a00")]
    public void A_date_time_with_a_time_of_day_is_refused_for_a_date(string written) =>
        Assert.False(Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"issuedOn\":\"2024-03-01\"", "\"issuedOn\":\"" + written + "\"", StringComparison.Ordinal)).Success);

    [Theory]
    [InlineData("01/03/2024")]     // day or month first: a guess
    [InlineData("03/01/2024")]
    [InlineData("March 2024")]     // no day
    [InlineData("Friday")]
    public void A_date_that_does_not_name_one_day_is_refused(string written) =>
        Assert.False(Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"issuedOn\":\"2024-03-01\"", "\"issuedOn\":\"" + written + "\"", StringComparison.Ordinal)).Success);

    [Fact]
    public void An_offset_without_its_colon_or_minutes_is_read_and_reported()
    {
        foreach (var (written, hours) in new[] { ("+0200", 2.0), ("-0530", -5.5) })
        {
            var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"paidAt\":null", "\"paidAt\":\"2024-03-02T09:00:00" + written + "\"", StringComparison.Ordinal));
            Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 0, 0, TimeSpan.FromHours(hours)), Ok(r).PaidAt);
            Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.FormatNormalized && x.Path == "$.paidAt");
        }

        // RFC 3339's lower-case t and z name the same instant
        foreach (var written in new[] { "2024-03-02T09:00:00z", "2024-03-02t09:00:00Z", "2024-03-02t09:00:00z" })
        {
            var r = Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"paidAt\":null", "\"paidAt\":\"" + written + "\"", StringComparison.Ordinal));
            Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 0, 0, TimeSpan.Zero), Ok(r).PaidAt);
            Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.FormatNormalized && x.Path == "$.paidAt");
        }

        // three digits, or a colon-less offset on a date alone, name no single instant
        Assert.False(Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"paidAt\":null", "\"paidAt\":\"2024-03-02T09:00:00+020\"", StringComparison.Ordinal)).Success);
        Assert.False(Invoice.LlmInfo.Parse(InvoiceJson.Replace("\"paidAt\":null", "\"paidAt\":\"2024-03-02+0200\"", StringComparison.Ordinal)).Success);
    }

    [Fact]
    public void Recursive_types_are_read_to_any_depth_within_the_limit()
    {
        const string json = """{"title":"root","children":[{"title":"a","children":[{"title":"a1","children":[],"summary":null}],"summary":null}],"summary":{"title":"s","children":[]}}""";
        var tree = Ok(TreeNode.LlmInfo.Parse(json));
        Assert.Equal("a1", tree.Children[0].Children[0].Title);
        Assert.Equal("s", tree.Summary!.Title);

        // Each level is an object and an array: 30 levels are 61 deep, within the default limit of 64.
        string deep = string.Concat(Enumerable.Repeat("{\"title\":\"x\",\"children\":[", 30)) + "{\"title\":\"leaf\",\"children\":[]}" + string.Concat(Enumerable.Repeat("]}", 30));
        var deepResult = TreeNode.LlmInfo.Parse(deep);
        Assert.True(deepResult.Success, string.Join("; ", deepResult.Errors));

        string tooDeep = string.Concat(Enumerable.Repeat("{\"title\":\"x\",\"children\":[", 100)) + "{\"title\":\"leaf\",\"children\":[]}" + string.Concat(Enumerable.Repeat("]}", 100));
        var refused = TreeNode.LlmInfo.Parse(tooDeep);
        Assert.False(refused.Success);
        Assert.Contains(refused.Errors, e => e.Message.Contains("limit of 64", StringComparison.Ordinal));
    }

    /// <summary>
    /// A member renamed with [JsonPropertyName] still answers to its C# name (a model that saw the C# type writes it),
    /// reported as a key repair; the JSON name wins when both are present, and a C# name another member's JSON name
    /// reads as is not taken (ContactCard: <c>preferred</c> is PreferredChannel's JSON name).
    /// </summary>
    [Theory]
    [InlineData("darkMode")]
    [InlineData("dark_mode")]
    [InlineData("DarkMode")]
    public void A_renamed_member_answers_to_its_csharp_name(string key)
    {
        var r = Preferences.LlmInfo.Parse("{\"language\":\"fr\",\"" + key + "\":true}");
        Assert.True(Ok(r).DarkMode);
        Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.KeyNormalized && x.Before == key && x.After == "dark");
        var both = Preferences.LlmInfo.Parse("{\"language\":\"fr\",\"dark\":false,\"" + key + "\":true}");
        Assert.False(both.Success && both.Value!.DarkMode);
    }

    [Fact]
    public void Classes_with_required_init_and_settable_members_and_record_structs_are_constructed()
    {
        var p = Ok(Preferences.LlmInfo.Parse("""{"language":"fr","fontSize":null,"dark":true}"""));
        Assert.Equal("fr", p.Language);
        Assert.Null(p.FontSize);
        Assert.True(p.DarkMode);

        var card = Ok(ContactCard.LlmInfo.Parse("""{"full_name":"Ada","preferred":"e-mail","phone_number":null}"""));
        Assert.Equal(ContactChannel.Email, card.PreferredChannel);

        var point = Ok(GeoPoint.LlmInfo.Parse("""{"latitude":48.85,"longitude":2.35,"placeName":"Paris"}"""));
        Assert.Equal(new GeoPoint(48.85, 2.35, "Paris"), point);
        Assert.Equal("$.latitude: expected a number -90..90, found 91", OnlyError(GeoPoint.LlmInfo.Parse("""{"latitude":91,"longitude":2.35,"placeName":null}""")).Message);
    }

    // ------------------------------------------------------------------ strict mode

    [Fact]
    public void Strict_options_per_call_refuse_any_repair_or_coercion()
    {
        Assert.Equal(2, Ok(SupportTicket.LlmInfo.Parse(Ticket, LlmParseOptions.StrictDefault)).Priority);

        var fenced = SupportTicket.LlmInfo.Parse("```json\n" + Ticket + "\n```", LlmParseOptions.StrictDefault);
        Assert.False(fenced.Success);
        var coerced = SupportTicket.LlmInfo.Parse(Ticket.Replace("\"priority\":2", "\"priority\":\"2\"", StringComparison.Ordinal), LlmParseOptions.StrictDefault);
        Assert.Equal("$.priority: expected an integer 1..5, found \"2\"", OnlyError(coerced).Message);
        var drifted = SupportTicket.LlmInfo.Parse(Ticket.Replace("\"category\"", "\"Category\"", StringComparison.Ordinal), LlmParseOptions.StrictDefault);
        Assert.False(drifted.Success);

        var onlyFences = new LlmParseOptions { Strict = true, AllowedRepairs = new[] { LlmRepairKind.MarkdownFence } };
        Assert.Equal(2, Ok(SupportTicket.LlmInfo.Parse("```json\n" + Ticket + "\n```", onlyFences)).Priority);
        Assert.False(SupportTicket.LlmInfo.Parse("```json\n" + Ticket.Replace("}", ",}", StringComparison.Ordinal) + "\n```", onlyFences).Success);
    }

    [Fact]
    public void Strict_mode_per_type_comes_from_the_attribute_and_a_call_can_override_it()
    {
        Assert.True(StrictVerdict.LlmInfo.DefaultParseOptions.Strict);
        Assert.Equal(7, Ok(StrictVerdict.LlmInfo.Parse("""{"approved":true,"score":7}""")).Score);
        Assert.False(StrictVerdict.LlmInfo.Parse("""{"approved":true,"score":7,}""").Success);
        Assert.False(StrictVerdict.LlmInfo.Parse("""{"approved":"true","score":7}""").Success);
        Assert.False(StrictVerdict.LlmInfo.Parse("```json\n{\"approved\":true,\"score\":7}\n```").Success);
        Assert.True(StrictVerdict.LlmInfo.Parse("""{"approved":true,"score":7,}""", LlmParseOptions.Default).Success);

        Assert.Equal(new[] { LlmRepairKind.MarkdownFence }, FencedVerdict.LlmInfo.DefaultParseOptions.AllowedRepairs);
        Assert.Equal("ok", Ok(FencedVerdict.LlmInfo.Parse("```json\n{\"approved\":true,\"reason\":\"ok\"}\n```")).Reason);
        Assert.False(FencedVerdict.LlmInfo.Parse("```json\n{\"approved\":true,\"reason\":'ok'}\n```").Success);

        Assert.False(SupportTicket.LlmInfo.DefaultParseOptions.Strict);
    }

    // ------------------------------------------------------------------ data

    internal const string InvoiceJson = """{"invoiceNumber":"INV-1","issuedOn":"2024-03-01","paidAt":null,"customerId":"6f1c2a7e-0d7b-4d3a-9a53-2f0b8f1f8e11","billingAddress":{"street":"1 rue X","city":"Paris","postalCode":null,"countryCode":"FR"},"shippingAddress":null,"lines":[{"description":"Widget","quantity":2,"unitPrice":9.99}],"total":19.98}""";

    internal const string MeasurementsJson = """{"byte":200,"sByte":-5,"short":-300,"uShort":60000,"int":7,"uInt":4000000000,"long":-3,"uLong":18446744073709551615,"float":1.5,"double":2.25,"decimal":1.5,"flag":true,"maybeInt":null,"maybeDouble":null,"maybeFlag":false}""";

    /// <summary>A segment of a multi-segment <see cref="ReadOnlySequence{T}"/> (also used by the session 24 probe).</summary>
    internal sealed class Segment : ReadOnlySequenceSegment<byte>
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
