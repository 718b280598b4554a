using System;
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
            switch (random.Next(6))
            {
                case 0:
                    char c = (char)('a' + random.Next(26));
                    text.Append(c);
                    expected.Append(c);
                    break;
                case 1:
                case 2:
                    // Short pieces are copied, long ones (over the reference threshold) are referenced; slices of both.
                    string piece = new string((char)('A' + random.Next(26)), random.Next(1, 300)) + step;
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

    [Fact]
    public void Out_of_range_reads_throw()
    {
        var source = new SegmentedText().Append("abc").ToSourceText();
        Assert.Throws<ArgumentOutOfRangeException>(() => source[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(2, new char[4], 0, 2));
    }
}
