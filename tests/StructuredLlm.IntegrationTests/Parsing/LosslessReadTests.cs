using System;
using StructuredLlm.IntegrationTests.Types;
using StructuredLlm.Json;

namespace StructuredLlm.IntegrationTests.Parsing;

/// <summary>
/// Text that says more than the member's type can hold, or less than a value: read exactly, or refused at its path; never
/// a value that differs from what the text says (a duration guessed from a bare number, digits dropped, a nonzero number
/// read as zero, a placeholder read as data).
/// </summary>
public class LosslessReadTests
{
    private static LlmResult<Reading> Read(string member, string value) => Reading.LlmInfo.Parse("{\"" + member + "\": " + value + "}");

    private static void Refused(string member, string value)
    {
        var r = Read(member, value);
        Assert.False(r.Success, member + ": " + value + " was read as " + r.Value);
        Assert.Contains(r.Errors, e => e.Path == "$." + member);
    }

    [Theory]
    [InlineData("\"01:30:00\"", 90 * 60)]
    [InlineData("\"1.12:00:00\"", 36 * 3600)]
    [InlineData("\"-00:00:10\"", -10)]
    [InlineData("\"00:00:00.5\"", 0.5)]
    [InlineData("\"PT90M\"", 90 * 60)]
    [InlineData("\"90 minutes\"", 90 * 60)]
    public void A_duration_with_hours_minutes_and_seconds_or_its_units_is_read(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Read("duration", text).Value!.Duration);

    [Theory]
    [InlineData("\"90\"")]        // days? minutes?
    [InlineData("\" 3 \"")]
    [InlineData("\"-10\"")]
    [InlineData("\"1:30\"")]      // hours and minutes, or minutes and seconds
    [InlineData("\"1.12:00\"")]
    public void A_duration_without_its_units_is_refused(string text) => Refused("duration", text);

    [Theory]
    [InlineData("taken", "\"2025-03-01T10:00:00.123456789\"")]
    [InlineData("taken", "\"2025-03-01 10:00:00.12345678\"")]
    [InlineData("at", "\"2025-03-01T10:00:00.123456789+02:00\"")]
    [InlineData("at", "\"2025-03-01T10:00:00.9999999999Z\"")]
    public void More_than_seven_digits_of_a_second_are_refused(string member, string text) => Refused(member, text);

    [Fact]
    public void Seven_digits_of_a_second_are_read_exactly()
    {
        Assert.Equal(new DateTime(2025, 3, 1, 10, 0, 0).AddTicks(1234567), Read("taken", "\"2025-03-01T10:00:00.1234567\"").Value!.Taken);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567),
            Read("at", "\"2025-03-01T10:00:00.1234567+02:00\"").Value!.At);
    }

    /// <summary>A date-time with an offset is that instant in UTC, the same on every server (not the server's local time).</summary>
    [Fact]
    public void A_date_time_with_an_offset_is_read_as_that_instant_in_utc()
    {
        var withOffset = Read("taken", "\"2025-03-01T10:00:00+02:00\"").Value!.Taken!.Value;
        Assert.Equal(new DateTime(2025, 3, 1, 8, 0, 0), withOffset);
        Assert.Equal(DateTimeKind.Utc, withOffset.Kind);
        Assert.Equal(DateTimeKind.Utc, Read("taken", "\"2025-03-01T10:00:00Z\"").Value!.Taken!.Value.Kind);
        var noOffset = Read("taken", "\"2025-03-01T10:00:00\"").Value!.Taken!.Value;
        Assert.Equal(new DateTime(2025, 3, 1, 10, 0, 0), noOffset);
        Assert.Equal(DateTimeKind.Unspecified, noOffset.Kind);
    }

    [Theory]
    [InlineData("value", "1e-400")]
    [InlineData("value", "\"1e-400\"")]
    [InlineData("ratio", "1e-50")]
    [InlineData("ratio", "-1e-46")]
    [InlineData("amount", "1e-30")]
    [InlineData("amount", "0.0000000000000000000000000000001")]
    [InlineData("amount", "\"1e-40\"")]
    public void A_nonzero_number_too_small_for_the_type_is_refused_not_read_as_zero(string member, string text) => Refused(member, text);

    [Theory]
    [InlineData("300.500000000000000000000000000001")]
    [InlineData("0.12345678901234567890123456789")]
    [InlineData("1.5e-28")]   // short, but its last digit is below a decimal's smallest step: it would round to 2e-28
    [InlineData("\"150.250000000000000000000000001\"")]
    public void A_decimal_with_more_digits_than_it_holds_is_refused_not_rounded(string text) => Refused("amount", text);

    /// <summary>An integer written as a string goes through the same check: digits a decimal drops do not round into a whole number.</summary>
    [Theory]
    [InlineData("\"1e-30\"")]                               // not 0
    [InlineData("\"1.0000000000000000000000000000001\"")]   // not 1
    public void A_numeric_string_with_digits_a_decimal_drops_is_no_integer(string text) => Refused("count", text);

    /// <summary>
    /// A number token goes through the same check, from its text: a decimal keeps ~28 digits, so these arrive rounded to a
    /// whole number (3, 10, 0, long.MaxValue) that the model did not write.
    /// </summary>
    [Theory]
    [InlineData("3.0000000000000000000000000000001")]
    [InlineData("10.000000000000000000000000000001")]
    [InlineData("1e-30")]
    [InlineData("4e-29")]
    [InlineData("-1e-40")]
    [InlineData("30000000000000000000000000000000001e-34")]
    [InlineData("9223372036854775807.0000000000000000001")]
    [InlineData("-9223372036854775808.00000000000000000001")]
    public void A_number_with_digits_a_decimal_drops_is_no_integer(string text) => Refused("count", text);

    [Theory]
    [InlineData("byte", "255.0000000000000000000000000001")]
    [InlineData("int", "2147483647.00000000000000000001")]
    [InlineData("uLong", "18446744073709551615.000000000001")]
    [InlineData("short", "1e-30")]
    public void Every_integer_type_decides_wholeness_from_the_text(string member, string text)
    {
        var json = ReaderBehaviourTests.MeasurementsJson;
        int at = json.IndexOf("\"" + member + "\":", StringComparison.Ordinal) + member.Length + 3;
        int end = json.IndexOf(',', at);
        var r = Measurements.LlmInfo.Parse(json.Substring(0, at) + text + json.Substring(end));
        Assert.False(r.Success, member + ": " + text + " was read as " + r.Value);
        Assert.Contains(r.Errors, e => e.Path == "$." + member);
    }

    /// <summary>Wholeness is a question about the digits written, however many there are: trailing zeros and an exponent
    /// that moves every nonzero digit above the units make a whole number; one nonzero digit below them does not.</summary>
    [Fact]
    public void Wholeness_is_decided_from_every_digit_written()
    {
        foreach (var (text, expected) in new[]
        {
            ("3.0000000000000000000000000000000000", 3L), ("30000000000000000000000000000000000e-34", 3L),
            ("9.223372036854775807e18", long.MaxValue), ("92233720368547758.07e2", long.MaxValue), ("-0.0", 0L), ("12e2", 1200L),
            ("3." + new string('0', 400), 3L),
        })
        {
            var r = Read("count", text);
            Assert.Equal(expected, r.Value!.Count);
            Assert.Contains(r.Repairs, x => x.Kind == LlmRepairKind.IntegerFromFloat);
        }
        Refused("count", "3." + new string('0', 400) + "1");
    }

    [Theory]
    [InlineData("\"5\"", 5)]
    [InlineData("\"5.0\"", 5)]
    [InlineData("\"-12e2\"", -1200)]
    public void An_integer_written_as_a_string_is_read(string text, long expected) => Assert.Equal(expected, Read("count", text).Value!.Count);

    [Fact]
    public void Zeros_and_exact_decimals_are_read()
    {
        Assert.Equal(0d, Read("value", "0.0").Value!.Value);
        Assert.Equal(0d, Read("value", "0e5").Value!.Value);
        Assert.Equal(0f, Read("ratio", "-0.0").Value!.Ratio);
        Assert.Equal(0m, Read("amount", "0.000").Value!.Amount);
        Assert.Equal(12.50m, Read("amount", "12.50").Value!.Amount);
        Assert.Equal(1234567890.1234567890123456789m, Read("amount", "1234567890.1234567890123456789").Value!.Amount);
        Assert.Equal(1.5e-20m, Read("amount", "1.5e-20").Value!.Amount);
    }

    /// <summary>
    /// A double keeps ~17 digits, so a number just beyond a bound can round onto it: on a bound, the range is checked
    /// against the text written. Written on the bound or inside it, however many digits, it is read.
    /// </summary>
    [Fact]
    public void A_number_that_rounds_onto_a_range_bound_is_checked_as_written()
    {
        var above = GeoPoint.LlmInfo.Parse("""{"latitude": 90.0000000000000000001, "longitude": 2.35, "placeName": null}""");
        Assert.Equal("$.latitude: expected a number -90..90, found 90.0000000000000000001", Assert.Single(above.Errors).Message);
        var below = GeoPoint.LlmInfo.Parse("""{"latitude": 1, "longitude": -180.00000000000000000000000001, "placeName": null}""");
        Assert.Equal("$.longitude", Assert.Single(below.Errors).Path);
        var inList = ProductReview.LlmInfo.Parse("""{"stars": 4, "overall": "Positive", "aspects": [{"aspect": "price", "sentiment": "Positive", "confidence": 1.0000000000000000000000000001}], "sentenceSentiments": [], "reply": null}""");
        Assert.Equal("$.aspects[0].confidence", Assert.Single(inList.Errors).Path);
        var asString = GeoPoint.LlmInfo.Parse("""{"latitude": "-90.000000000000000000001", "longitude": 0, "placeName": null}""");
        Assert.Equal("$.latitude", Assert.Single(asString.Errors).Path);

        Assert.Equal(90, GeoPoint.LlmInfo.Parse("""{"latitude": 90.000000000000000000000, "longitude": 0, "placeName": null}""").Value.Latitude);
        Assert.Equal(90, GeoPoint.LlmInfo.Parse("""{"latitude": 89.99999999999999999999, "longitude": 0, "placeName": null}""").Value.Latitude);
        Assert.Equal(3.141592653589793, GeoPoint.LlmInfo.Parse("""{"latitude": 3.14159265358979323846, "longitude": 0, "placeName": null}""").Value.Latitude);
    }

    [Theory]
    [InlineData("value", ".")]
    [InlineData("value", "-.")]
    [InlineData("amount", ".")]
    [InlineData("note", ".")]       // not the text "0.0"
    [InlineData("labels", "[\"a\", .]")]
    [InlineData("labels", "[\"a\", . . .]")]
    public void A_dot_without_digits_is_no_number(string member, string text) => Refused(member, text);

    [Theory]
    [InlineData("note", "...")]
    [InlineData("note", "\u2026")]
    [InlineData("labels", "[\"refund\", \"urgent\", \u2026]")]
    [InlineData("labels", "[\u2026]")]
    public void An_ellipsis_for_a_value_that_was_left_out_is_refused_not_read_as_text(string member, string text) => Refused(member, text);

    [Fact]
    public void An_ellipsis_inside_text_is_text()
    {
        Assert.Equal("to be continued...", Read("note", "\"to be continued...\"").Value!.Note);
        Assert.Equal("…", Read("note", "\"…\"").Value!.Note);
    }
}
