using System;
using System.Linq;
using System.Text;
using StructuredLlm.Generators.Helpers;

namespace StructuredLlm.Generators.Tests;

/// <summary>
/// The generated files reach Roslyn as a <see cref="SegmentedText"/>'s SourceText (no string copy), so it must read back
/// exactly what a StringBuilder given the same writes would hold, character by character and range by range.
/// </summary>
public class SegmentedTextTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Random_writes_read_back_like_a_StringBuilder(int seed)
    {
        var random = new Random(seed);
        var text = new SegmentedText(16);
        var expected = new StringBuilder();
        for (int step = 0; step < 3000; step++)
        {
            switch (random.Next(7))
            {
                case 0:
                    char c = Character(random);
                    text.Append(c);
                    expected.Append(c);
                    break;
                case 1:
                case 2:
                    // Short pieces are copied, long ones (over the reference threshold) are referenced; slices of both.
                    string piece = new string(Character(random), random.Next(1, 300)) + step + (random.Next(4) == 0 ? new string(Character(random), random.Next(1, 9)) : "");
                    int start = random.Next(piece.Length);
                    int count = random.Next(piece.Length - start + 1);
                    text.Append(piece, start, count);
                    expected.Append(piece, start, count);
                    break;
                case 3:
                    text.Append("\n");
                    expected.Append('\n');
                    break;
                case 4 when random.Next(10) == 0:
                    string head = "// head " + step + new string('-', random.Next(80)) + "\n";
                    text.Prepend(head);
                    expected.Insert(0, head);
                    break;
                case 5 when expected.Length > 0:
                    Assert.Equal(expected[expected.Length - 1], text.Last);
                    text.RemoveLast();
                    expected.Length--;
                    break;
                case 6 when random.Next(20) == 0:
                    // Reading in the middle ends the characters not yet in a segment (and trims the chunk they are in for
                    // the SourceText); appending goes on after them.
                    Assert.Equal(expected.ToString(), text.ToString());
                    Assert.Equal(expected.ToString(), text.ToSourceText().ToString());
                    break;
            }
        }

        string want = expected.ToString();
        Assert.Equal(want.Length, text.Length);
        Assert.Equal(want, text.ToString());

        var source = text.ToSourceText();
        Assert.Equal(want.Length, source.Length);
        Assert.Equal(want, source.ToString());
        Assert.Same(Encoding.UTF8, source.Encoding);
        for (int i = 0; i < want.Length; i += 1 + random.Next(5))
        {
            Assert.Equal(want[i], source[i]);
        }

        var buffer = new char[700];
        for (int trial = 0; trial < 200; trial++)
        {
            int start = random.Next(want.Length + 1);
            int count = random.Next(Math.Min(buffer.Length - 3, want.Length - start) + 1);
            source.CopyTo(start, buffer, 3, count);
            Assert.Equal(want.Substring(start, count), new string(buffer, 3, count));
        }

        Assert.True(source.ContentEquals(Microsoft.CodeAnalysis.Text.SourceText.From(want, Encoding.UTF8)));
        Assert.Equal(Microsoft.CodeAnalysis.Text.SourceText.From(want, Encoding.UTF8).GetChecksum(), source.GetChecksum());
    }

    // Mostly ASCII, as generated C# is; now and then Latin-1 (kept as one byte), a BMP character above U+00FF or half of
    // a surrogate pair (both switch the current chunk to chars).
    private static char Character(Random random) => random.Next(40) switch
    {
        0 => 'é',
        1 => '中',
        2 => '\uD83D',
        3 => '\uDE00',
        _ => (char)('a' + random.Next(26)),
    };

    [Theory]
    [InlineData("plain ASCII only")]
    [InlineData("Latin-1 stays narrow: café, naïve, ½, ÿ")]
    [InlineData("wide at once: 中文 then ASCII")]
    [InlineData("an emoji 😀 in the middle, then more text")]
    public void Text_above_Latin1_reads_back_exactly(string line)
    {
        var text = new SegmentedText(16);
        var expected = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            // Appended whole, character by character, and as a slice, so every path meets the wide characters.
            text.Append(line);
            expected.Append(line);
            foreach (char c in line)
            {
                text.Append(c);
                expected.Append(c);
            }

            text.Append(line, 3, line.Length - 3);
            expected.Append(line, 3, line.Length - 3);
            if (i % 50 == 0)
            {
                Assert.Equal(expected.ToString(), text.ToSourceText().ToString());
            }
        }

        Assert.Equal(expected.ToString(), text.ToString());
        var source = text.ToSourceText();
        Assert.Equal(expected.ToString(), source.ToString());
        Assert.Equal(Microsoft.CodeAnalysis.Text.SourceText.From(expected.ToString(), Encoding.UTF8).GetChecksum(), source.GetChecksum());
    }

    [Fact]
    public void Out_of_range_reads_throw()
    {
        var source = new SegmentedText().Append("abc").ToSourceText();
        Assert.Throws<ArgumentOutOfRangeException>(() => source[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(2, new char[4], 0, 2));
    }

    [Fact]
    public void Prepending_a_text_takes_its_last_characters_too()
    {
        // A header written into its own buffer and put in front afterwards: its final characters (short appends, not
        // yet a segment) must come along, and the body keeps appending after its own.
        var header = new SegmentedText(16).Append("// head").Append('\n');
        var body = new SegmentedText(16).Append("class C").Append(' ').Append('{');
        body.Prepend(header);
        body.Append(" }");
        Assert.Equal("// head\nclass C { }", body.ToString());
        Assert.Equal("// head\nclass C { }", body.ToSourceText().ToString());
        Assert.Equal('}', body.Last);
    }

    [Fact]
    public void A_source_text_keeps_its_characters_when_the_buffer_changes_afterwards()
    {
        // The SourceText reads the buffer's segment array without a copy; changing a segment the text has already
        // handed out must not reach into it.
        var text = new SegmentedText(16).Append("abc").Append(new string('x', 60)).Append("def");
        string want = text.ToString();
        var source = text.ToSourceText();
        text.RemoveLast();
        text.Prepend("// head\n");
        text.Append("more");
        Assert.Equal(want, source.ToString());
        Assert.Equal("// head\n" + want.Substring(0, want.Length - 1) + "more", text.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    public void Appending_goes_on_after_the_text_was_handed_out(string start)
    {
        // Handing the text out trims its current chunk (to nothing when nothing was copied into it): the next appends
        // must still find room, and the first SourceText must keep its characters.
        var text = new SegmentedText(16).Append(start);
        var first = text.ToSourceText();
        for (int i = 0; i < 100; i++)
        {
            text.Append((char)('a' + (i % 26)));
        }

        string appended = string.Concat(Enumerable.Range(0, 100).Select(i => (char)('a' + (i % 26))));
        Assert.Equal(start, first.ToString());
        Assert.Equal(start + appended, text.ToString());
        Assert.Equal(start + appended, text.ToSourceText().ToString());
    }
}
