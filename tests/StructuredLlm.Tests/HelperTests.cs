using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json;
using StructuredLlm.Json;

namespace StructuredLlm.Tests;

/// <summary>Value helpers the emitter will call that the hand-written readers do not use, and root-level collections.</summary>
public class HelperTests
{
    private static bool IntItem(ref Utf8JsonReader r, LlmReadContext c, [MaybeNullWhen(false)] out int v) => LlmRead.Int32(ref r, c, "an integer", out v);

    private static bool StringItem(ref Utf8JsonReader r, LlmReadContext c, [MaybeNullWhen(false)] out string v) => LlmRead.String(ref r, c, "a string", out v);

    private static bool IntList(ref Utf8JsonReader r, LlmReadContext c, [MaybeNullWhen(false)] out List<int> v) =>
        LlmRead.List<int>(ref r, c, "an array of integers", IntItem, out v);

    private static bool IntMap(ref Utf8JsonReader r, LlmReadContext c, [MaybeNullWhen(false)] out Dictionary<string, int> v) =>
        LlmRead.Dictionary<int>(ref r, c, "an object of integers", IntItem, out v);

    /// <summary>Numbers rewritten to be JSON are text as written; the offsets follow the output when NDJSON lines become an array.</summary>
    [Fact]
    public void Rewritten_numbers_are_read_as_written_also_after_the_output_shifts()
    {
        var lines = LlmParser.Parse<List<Dictionary<string, string>>>("{\"a\": +1}\n{\"b\": .5}", (ref Utf8JsonReader r, LlmReadContext c, [MaybeNullWhen(false)] out List<Dictionary<string, string>> v) =>
            LlmRead.List<Dictionary<string, string>>(ref r, c, "records", (ref Utf8JsonReader r2, LlmReadContext c2, [MaybeNullWhen(false)] out Dictionary<string, string> d) =>
                LlmRead.Dictionary<string>(ref r2, c2, "a record", StringItem, out d), out v));
        Assert.True(lines.Repairs.Any(x => x.Kind == LlmRepairKind.ValueSequence), string.Join("; ", lines.Errors) + " / " + string.Join("; ", lines.Repairs.Select(x => x.Kind + " " + x.Before + " -> " + x.After)));
        Assert.Equal("+1", lines.Value![0]["a"]);
        Assert.Equal(".5", lines.Value[1]["b"]);
        Assert.Equal(new[] { "a", "-.5", "2." }, LlmParser.Parse<List<string>>("['a', -.5, 2.]", StringList).Value);
    }

    [Fact]
    public void Root_list_reads_and_refuses_cut_elements()
    {
        Assert.Equal(new[] { 1, 2, 3 }, LlmParser.Parse<List<int>>("[1, 2, 3,]", IntList).Value);
        var cut = LlmParser.Parse<List<int>>("[1, 2, 3", IntList);
        Assert.False(cut.Success);
        var elided = LlmParser.Parse<List<int>>("[1, 2, ..., 9]", IntList);
        Assert.False(elided.Success);
        var strings = LlmParser.Parse<List<string>>("[\"a\", \"b, \"c\"]", (ref Utf8JsonReader r, LlmReadContext c, [MaybeNullWhen(false)] out List<string> v) =>
            LlmRead.List<string>(ref r, c, "an array of strings", StringItem, out v));
        Assert.False(strings.Success); // the end of "b was guessed
        Assert.Equal("$[1]: expected an integer, found \"x\"", LlmParser.Parse<List<int>>("[1, \"x\"]", IntList).Errors.Single().Message);
    }

    private static bool StringList(ref Utf8JsonReader r, LlmReadContext c, [MaybeNullWhen(false)] out List<string> v) =>
        LlmRead.List<string>(ref r, c, "an array of strings", StringItem, out v);

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    [InlineData(5000)]
    public void Long_lists_keep_every_element_in_order_at_their_exact_size(int count)
    {
        // lists past 64 elements are collected in pooled arrays (grown twice) and built once at their size
        var expected = Enumerable.Range(0, count).ToList();
        var json = "[" + string.Join(",", expected) + "]";
        var result = LlmParser.Parse<List<int>>(json, IntList);
        Assert.True(result.Success);
        Assert.Equal(expected, result.Value);
        if (count > 64) Assert.Equal(count, result.Value!.Capacity);

        // the pooled arrays are handed back cleared and reused: a second, different list reads its own values
        var other = Enumerable.Range(0, count).Select(i => -i).ToList();
        Assert.Equal(other, LlmParser.Parse<List<int>>("[" + string.Join(",", other) + "]", IntList).Value);

        // an error in a long list is still reported at its index
        if (count > 100)
        {
            var bad = LlmParser.Parse<List<int>>("[" + string.Join(",", expected.Take(99)) + ",\"x\"" + "," + string.Join(",", expected.Skip(100)) + "]", IntList);
            Assert.Equal("$[99]: expected an integer, found \"x\"", bad.Errors.Single().Message);
        }
    }

    [Fact]
    public void Repeated_short_strings_read_as_equal_values_whatever_their_bytes()
    {
        // short ASCII values repeated in one long document share one instance (after its first 32 short strings: a
        // typical response pays nothing for it); every other kind must still read exactly
        string[] values =
        {
            "info", "warn", "info", "", """\u0069nfo""", """caf\u00e9""", "café", "cafe", "info ", " info", "INFO",
            "sixteen-chars-ab", "seventeen-chars-a", "sixteen-chars-ab", "naïve", """a\"b""", """a\\b""", """\ud83d\ude00""", "😀", "info",
        };
        var json = "[" + string.Join(",", Enumerable.Range(0, 300).Select(i => "\"" + values[i % values.Length] + "\"")) + "]";
        var result = LlmParser.Parse<List<string>>(json, StringList);
        Assert.True(result.Success);
        var expected = Enumerable.Range(0, 300).Select(i => JsonSerializer.Deserialize<string>("\"" + values[i % values.Length] + "\"")!).ToList();
        Assert.Equal(expected, result.Value);
        Assert.Equal("info", result.Value![4]); // escaped form of a cached value
        Assert.Equal("café", result.Value[5]);
        Assert.Equal("cafe", result.Value[7]);
        Assert.Same(result.Value[200], result.Value[202]);
        Assert.Same(result.Value[200], result.Value[299 - 19]);

        // the same from UTF-8 input and from a multi-segment sequence
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        Assert.Equal(expected, LlmParser.Parse<List<string>>(utf8.AsSpan(), StringList).Value);
    }

    [Fact]
    public void Dictionary_keeps_keys_verbatim_and_refuses_conflicting_duplicates()
    {
        var ok = LlmParser.Parse<Dictionary<string, int>>("{\"Alpha Key\": 1, \"b\": \"2\"}", IntMap);
        Assert.True(ok.Success);
        Assert.Equal(1, ok.Value!["Alpha Key"]);
        Assert.Equal(2, ok.Value["b"]);
        Assert.True(LlmParser.Parse<Dictionary<string, int>>("{\"a\": 1, \"a\": 1}", IntMap).Success);
        var dup = LlmParser.Parse<Dictionary<string, int>>("{\"a\": 1, \"a\": 2}", IntMap);
        Assert.Equal("$.a", dup.Errors.Single().Path);
    }

    private static LlmResult<T> One<T>(string json, LlmJsonReadFunc<T> read) => LlmParser.Parse(json, read);

    [Fact]
    public void Formatted_strings_are_strict()
    {
        Assert.Equal(new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
            One<Guid>("\"0f8fad5b-d9cb-469f-a165-70867728950e\"", (ref Utf8JsonReader r, LlmReadContext c, out Guid v) => LlmRead.Guid(ref r, c, "a GUID", out v)).Value);
        Assert.False(One<Guid>("\"not-a-guid\"", (ref Utf8JsonReader r, LlmReadContext c, out Guid v) => LlmRead.Guid(ref r, c, "a GUID", out v)).Success);
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 10, 0, 0, TimeSpan.FromHours(2)),
            One<DateTimeOffset>("\"2025-03-31T10:00:00+02:00\"", (ref Utf8JsonReader r, LlmReadContext c, out DateTimeOffset v) => LlmRead.DateTimeOffset(ref r, c, "a date-time", out v)).Value);
        Assert.False(One<DateTime>("\"03/04/2025\"", (ref Utf8JsonReader r, LlmReadContext c, out DateTime v) => LlmRead.DateTime(ref r, c, "a date-time", out v)).Success);
        Assert.Equal(new TimeOnly(9, 30), One<TimeOnly>("\"09:30\"", (ref Utf8JsonReader r, LlmReadContext c, out TimeOnly v) => LlmRead.TimeOnly(ref r, c, "a time", out v)).Value);
        Assert.Equal(TimeSpan.FromMinutes(90), One<TimeSpan>("\"01:30:00\"", (ref Utf8JsonReader r, LlmReadContext c, out TimeSpan v) => LlmRead.TimeSpan(ref r, c, "a duration", out v)).Value);
        Assert.False(One<Uri>("\"not a uri\"", (ref Utf8JsonReader r, LlmReadContext c, [MaybeNullWhen(false)] out Uri v) => LlmRead.Uri(ref r, c, "a URI", out v)).Success);
    }

    [Theory]
    [InlineData("\"2025-03-31T10:00:00Z\"", true)]
    [InlineData("\"2025-03-31T10:00:00.125-05:30\"", true)]
    [InlineData("\"2025-03-31T10:00:00\"", false)] // no offset: System.Text.Json would take the server's local one
    [InlineData("\"2025-03-31\"", false)]          // a date alone: its midnight and offset would be invented
    [InlineData("\"2025-03-31T10:00\\u002B02:00\"", true)] // escaped text is unescaped before the check
    public void A_date_time_offset_needs_a_time_and_an_explicit_offset(string json, bool ok)
    {
        var r = One<DateTimeOffset>(json, (ref Utf8JsonReader r, LlmReadContext c, out DateTimeOffset v) => LlmRead.DateTimeOffset(ref r, c, "a date-time with offset", out v));
        Assert.Equal(ok, r.Success);
        if (!ok) Assert.Equal("$: expected a date-time with offset, found " + json, r.Errors.Single().Message);
    }

    [Theory]
    [InlineData("\"2025-03-31T10:00:00\"", true)]
    [InlineData("\"2025-03-31T10:00:00Z\"", true)]
    [InlineData("\"2025-03-31\"", false)] // a DateTime member asked for a time; a date alone would invent midnight
    public void A_date_time_needs_a_time(string json, bool ok)
    {
        Assert.Equal(ok, One<DateTime>(json, (ref Utf8JsonReader r, LlmReadContext c, out DateTime v) => LlmRead.DateTime(ref r, c, "a date-time", out v)).Success);
    }

    [Theory]
    [InlineData("300", false)]
    [InlineData("255", true)]
    [InlineData("-1", false)]
    [InlineData("\"12\"", true)]
    [InlineData("1e2", true)]
    [InlineData("1.5e1", true)]
    [InlineData("1.55e1", false)]
    public void Narrow_integers_check_their_range(string json, bool ok)
    {
        Assert.Equal(ok, One<byte>(json, (ref Utf8JsonReader r, LlmReadContext c, out byte v) => LlmRead.Byte(ref r, c, "an integer 0..255", out v)).Success);
    }

    [Fact]
    public void Decimal_keeps_exact_digits_and_double_refuses_overflow()
    {
        Assert.Equal(0.1m + 0.2m, One<decimal>("0.30", (ref Utf8JsonReader r, LlmReadContext c, out decimal v) => LlmRead.Decimal(ref r, c, "a number", out v)).Value);
        Assert.False(One<double>("1e999", (ref Utf8JsonReader r, LlmReadContext c, out double v) => LlmRead.Double(ref r, c, "a number", out v)).Success);
        Assert.False(One<float>("1e300", (ref Utf8JsonReader r, LlmReadContext c, out float v) => LlmRead.Single(ref r, c, "a number", out v)).Success);
    }

    /// <summary>Exact comparisons of number texts, the base of the wholeness and range checks on written numbers.</summary>
    [Theory]
    [InlineData("1.0000000000000000000000000001", "1", 1)]
    [InlineData("0.99999999999999999999", "1", -1)]
    [InlineData("1.50", "15e-1", 0)]
    [InlineData("-0", "0.0", 0)]
    [InlineData("-1e-400", "0", -1)]
    [InlineData("-2", "-10", 1)]
    [InlineData("123.456", "1.23456E+2", 0)]
    [InlineData("0.00120", "12e-4", 0)]
    [InlineData("1e1000000000000000", "9e999", 1)]
    public void Number_texts_compare_exactly(string a, string b, int sign)
    {
        Assert.Equal(sign, JsonNumberText.Compare(System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b)));
        Assert.Equal(-sign, JsonNumberText.Compare(System.Text.Encoding.ASCII.GetBytes(b), System.Text.Encoding.ASCII.GetBytes(a)));
    }

    /// <summary>A float keeps ~7 digits: 1.00000001 reads as the float 1 and is above a maximum of 1.</summary>
    [Fact]
    public void A_float_that_rounds_onto_a_bound_is_checked_as_written()
    {
        var above = One<float>("1.00000001", (ref Utf8JsonReader r, LlmReadContext c, out float v) =>
            LlmRead.Single(ref r, c, "a number 0..1", out v) && LlmCheck.Range(c, v, 0.0, 1.0, "a number 0..1"));
        Assert.False(above.Success);
        var on = One<float>("1.00000000", (ref Utf8JsonReader r, LlmReadContext c, out float v) =>
            LlmRead.Single(ref r, c, "a number 0..1", out v) && LlmCheck.Range(c, v, 0.0, 1.0, "a number 0..1"));
        Assert.Equal(1f, on.Value);
        var exclusive = One<double>("1.0000000000000000000001",
            (ref Utf8JsonReader r, LlmReadContext c, out double v) => LlmRead.Double(ref r, c, "a number", out v) && LlmCheck.Range(c, v, 0.0, true, 1.0, false, "a number"));
        Assert.False(exclusive.Success);
    }

    [Fact]
    public void Checks_report_expected_and_found()
    {
        var ctx = new LlmReadContext();
        Assert.False(LlmCheck.Length(ctx, "abcd", 0, 3, "at most 3 characters"));
        Assert.False(LlmCheck.AllowedValues(ctx, "x", new[] { "a", "b" }, "a or b"));
        Assert.False(LlmCheck.Url(ctx, "ftp//x", "a URL"));
        Assert.True(LlmCheck.Url(ctx, "https://example.com/a", "a URL"));
        Assert.False(LlmCheck.Email(ctx, "a@b@c", "an email"));
        Assert.Equal(new[] { "$: expected at most 3 characters, found a string of length 4", "$: expected a or b, found \"x\"", "$: expected a URL, found \"ftp//x\"", "$: expected an email, found \"a@b@c\"" },
            ctx.Errors.Select(e => e.Message));
    }

    [Fact]
    public void An_allowed_value_in_another_case_becomes_the_allowed_one_and_is_reported()
    {
        var ctx = new LlmReadContext();
        string written = " Express";
        Assert.True(LlmCheck.AllowedValues(ctx, ref written, new[] { "standard", "express" }, "one of standard, express"));
        Assert.Equal("express", written);
        var r = Assert.Single(ctx.SnapshotRepairs());
        Assert.Equal((LlmRepairKind.EnumNormalized, "\" Express\"", "\"express\""), (r.Kind, r.Before, r.After));

        // exact values stay as written; two allowed values that differ only in case leave no way to choose; no match at all
        string exact = "express";
        Assert.True(LlmCheck.AllowedValues(ctx, ref exact, new[] { "Express", "express" }, "x"));
        string both = "EXPRESS";
        Assert.False(LlmCheck.AllowedValues(ctx, ref both, new[] { "Express", "express" }, "Express or express"));
        string none = "overnight";
        Assert.False(LlmCheck.AllowedValues(ctx, ref none, new[] { "standard", "express" }, "standard or express"));
        Assert.Equal(new[] { "EXPRESS", "overnight" }, new[] { both, none });
        Assert.Equal(new[] { "$: expected Express or express, found \"EXPRESS\"", "$: expected standard or express, found \"overnight\"" }, ctx.Errors.Select(e => e.Message));

        // strict options allow no normalization
        var strict = new LlmReadContext(LlmParseOptions.StrictDefault);
        string cased = "Express";
        Assert.False(LlmCheck.AllowedValues(strict, ref cased, new[] { "express" }, "express"));
        Assert.Empty(strict.SnapshotRepairs());
    }
}
