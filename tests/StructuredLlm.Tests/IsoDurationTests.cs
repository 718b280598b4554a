using System;
using System.Globalization;
using System.Text;
using CsCheck;
using StructuredLlm.Json;

namespace StructuredLlm.Tests;

/// <summary>ISO 8601 durations read for a <see cref="TimeSpan"/>: exact values, or a refusal; never an exception.</summary>
public class IsoDurationTests
{
    /// <summary>Writes a duration the way a model might: any subset of days, hours, minutes and seconds, weeks for whole weeks.</summary>
    private static string Iso(TimeSpan t, bool weeks)
    {
        var sb = new StringBuilder();
        if (t < TimeSpan.Zero)
        {
            sb.Append('-');
            t = t.Negate();
        }

        sb.Append('P');
        long days = t.Ticks / TimeSpan.TicksPerDay;
        if (weeks && days > 0 && days % 7 == 0)
        {
            sb.Append(days / 7).Append('W');
        }
        else if (days > 0)
        {
            sb.Append(days).Append('D');
        }

        var rest = new TimeSpan(t.Ticks % TimeSpan.TicksPerDay);
        if (rest == TimeSpan.Zero)
        {
            return days == 0 ? "PT0S" : sb.ToString();
        }

        sb.Append('T');
        if (rest.Hours > 0) sb.Append(rest.Hours).Append('H');
        if (rest.Minutes > 0) sb.Append(rest.Minutes).Append('M');
        long secondTicks = rest.Ticks % TimeSpan.TicksPerMinute;
        if (secondTicks > 0)
        {
            sb.Append(secondTicks / TimeSpan.TicksPerSecond);
            long fraction = secondTicks % TimeSpan.TicksPerSecond;
            if (fraction > 0) sb.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
            sb.Append('S');
        }

        return sb.ToString();
    }

    [Fact]
    public void Every_duration_written_in_iso_8601_reads_back_exactly() =>
        Gen.Select(Gen.Long[-TimeSpan.TicksPerDay * 4000, TimeSpan.TicksPerDay * 4000], Gen.Bool).Sample((ticks, weeks) =>
        {
            var t = new TimeSpan(ticks);
            var text = Iso(t, weeks);
            Assert.True(LlmRead.TryParseIsoDuration(text, out var back), text);
            Assert.Equal(t, back);
        }, iter: 5000, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Any_text_is_read_or_refused_without_an_exception() =>
        Gen.String[Gen.Char["PTWDHMS0123456789.,-+YZ :"], 0, 24].Sample(text =>
        {
            if (LlmRead.TryParseIsoDuration(text, out var value))
            {
                // what is accepted has the shape of a duration and no calendar unit
                Assert.StartsWith(text.StartsWith('-') ? "-P" : "P", text, StringComparison.Ordinal);
                Assert.DoesNotContain('Y', text);
                // and it is the same value as its canonical spelling
                Assert.True(LlmRead.TryParseIsoDuration(Iso(value, weeks: false), out var again));
                Assert.Equal(value, again);
            }
        }, iter: 20000, seed: "0N0XIzNsQ0O2");

    [Theory]
    [InlineData("PT1H30M", 90 * 60)]
    [InlineData("P1W", 7 * 24 * 3600)]
    [InlineData("P2DT4H", (2 * 24 + 4) * 3600)]
    [InlineData("-PT5M", -300)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("PT1,5S", 1.5)]
    public void Examples(string text, double seconds)
    {
        Assert.True(LlmRead.TryParseIsoDuration(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("P1M")]            // a month: no fixed length
    [InlineData("P1Y")]
    [InlineData("PT1.5H")]         // a fraction only on seconds
    [InlineData("PT0.12345678S")]  // finer than a tick
    [InlineData("PT5M1H")]         // out of order
    [InlineData("PT")]
    [InlineData("P")]
    [InlineData("pt1h")]
    [InlineData("PT1H ")]
    [InlineData("P99999999999999D")] // beyond TimeSpan
    public void Refused(string text) => Assert.False(LlmRead.TryParseIsoDuration(text, out _));
}

/// <summary>Durations in words read for a <see cref="TimeSpan"/>: exact values, or a refusal; never an exception.</summary>
public class WordDurationTests
{
    [Theory]
    [InlineData("30 minutes", 0, 0, 30, 0)]
    [InlineData("1 hour 30 min", 0, 1, 30, 0)]
    [InlineData("1.5 hours", 0, 1, 30, 0)]
    [InlineData("2h 15m", 0, 2, 15, 0)]
    [InlineData("2h15m", 0, 2, 15, 0)]
    [InlineData("3 days, 4 hours and 5 seconds", 3, 4, 0, 5)]
    [InlineData("1 week", 7, 0, 0, 0)]
    [InlineData("90 Secs", 0, 0, 1, 30)]
    public void Words_for_fixed_units_name_one_duration(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(LlmRead.TryParseWordDuration(text, out var value));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), value);
    }

    [Theory]
    [InlineData("1 month")]           // a month's length varies
    [InlineData("2 years")]
    [InlineData("30")]                // no unit
    [InlineData("minutes")]           // no number
    [InlineData("1 hour 2 hours")]    // the same unit twice
    [InlineData("30 minutes ago")]    // another word
    [InlineData("0.00000001 ms")]     // a fraction of a tick
    [InlineData("")]
    [InlineData("1..5 h")]
    public void Anything_else_is_refused(string text) => Assert.False(LlmRead.TryParseWordDuration(text, out _));

    [Fact]
    public void Random_text_never_throws() =>
        Gen.String[Gen.Char["0123456789 .,hmsdwkayinuteorcl"], 0, 30].Sample(text => { LlmRead.TryParseWordDuration(text, out _); }, iter: 20_000);
}
