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
    [InlineData(1, 0)]
    [InlineData(7, 0)]
    [InlineData(42, 0)]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(42, 3)]
    public void Random_writes_read_back_like_a_StringBuilder(int seed, int pooledTexts)
    {
        // pooledTexts 0: one text with arrays of its own. Otherwise that many texts share one small-block pool and are
        // written in random turns, so their slices interleave in the blocks and tails are given back (or not) between
        // other texts' slices: no text may see another's characters.
        var random = new Random(seed);
        var pool = pooledTexts > 0 ? new TextBlockPool(blockSize: 4096) : null;
        int n = Math.Max(1, pooledTexts);
        var texts = Enumerable.Range(0, n).Select(_ => new SegmentedText(16, pool)).ToArray();
        var expecteds = Enumerable.Range(0, n).Select(_ => new StringBuilder()).ToArray();
        var kept = new System.Collections.Generic.List<(Microsoft.CodeAnalysis.Text.SourceText Text, string Want)>();
        for (int step = 0; step < 3000 * n; step++)
        {
            int which = random.Next(n);
            SegmentedText text = texts[which];
            StringBuilder expected = expecteds[which];
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
                    var handedOut = text.ToSourceText();
                    Assert.Equal(expected.ToString(), handedOut.ToString());
                    kept.Add((handedOut, expected.ToString()));
                    break;
            }
        }

        for (int i = 0; i < n; i++)
        {
            ReadsBack(texts[i], expecteds[i].ToString(), random);
        }

        // Texts handed out along the way still read what they held then, whatever was written after them.
        foreach (var (handedOut, was) in kept)
        {
            Assert.Equal(was, handedOut.ToString());
        }

        if (pool is not null)
        {
            Assert.True(pool.BlockCount > 1, "the texts must have spanned several blocks");
        }
    }

    private static void ReadsBack(SegmentedText text, string want, Random random)
    {
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
        foreach (var pool in new[] { null, new TextBlockPool() })
        {
            WritesAndReadsBack(line, pool);
        }
    }

    private static void WritesAndReadsBack(string line, TextBlockPool? pool)
    {
        var text = new SegmentedText(16, pool);
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
    [InlineData("", false)]
    [InlineData("ab", false)]
    [InlineData("", true)]
    [InlineData("ab", true)]
    public void Appending_goes_on_after_the_text_was_handed_out(string start, bool pooled)
    {
        // Handing the text out trims its current chunk (to nothing when nothing was copied into it; a pool slice gives
        // its tail back, and the next chunk is taken right there): the next appends must still find room, and the first
        // SourceText must keep its characters.
        var text = new SegmentedText(16, pooled ? new TextBlockPool() : null).Append(start);
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

/// <summary>
/// Generated files are written into a <see cref="TextBlockPool"/>'s blocks so that collections never copy them: the blocks
/// must be born old, slices must never overlap, and a tail given back must be reused only when nothing came after it.
/// </summary>
public class TextBlockPoolTests
{
    [Fact]
    public void Blocks_are_allocated_in_the_oldest_generation()
    {
        // Above the large-object threshold a block is never copied by a collection; a default block that fell below it
        // would be born young and copied twice, which is what the pool is for.
        byte[] block = new TextBlockPool().Take(16, out _);
        Assert.Equal(GC.MaxGeneration, GC.GetGeneration(block));
    }

    [Fact]
    public void A_tail_given_back_is_handed_out_next_only_while_it_is_the_last_slice()
    {
        var pool = new TextBlockPool(blockSize: 1000);
        byte[] block = pool.Take(100, out int first);
        pool.GiveBack(block, first + 100, first + 40);
        Assert.Same(block, pool.Take(10, out int second));
        Assert.Equal(first + 40, second);

        // Something was taken after this slice: its tail is not the pool's to reuse any more.
        Assert.Same(block, pool.Take(50, out int third));
        pool.GiveBack(block, second + 10, second + 5);
        Assert.Equal(third + 50, pool.UsedInCurrentBlock);

        // A tail of a block that is no longer current is ignored too.
        byte[] next = pool.Take(901, out int fourth);
        Assert.NotSame(block, next);
        Assert.Equal(0, fourth);
        pool.GiveBack(block, third + 50, third);
        Assert.Equal(901, pool.UsedInCurrentBlock);
        Assert.Equal(2, pool.BlockCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_slice_must_fit_in_a_block(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextBlockPool(blockSize: 1000).Take(size, out _));
    }

    [Fact]
    public void Texts_written_on_many_threads_at_once_read_back_exactly()
    {
        // Generators for several projects run at once in the compiler server and the IDE, all on the shared pool.
        var pool = new TextBlockPool(blockSize: 8192);
        var results = new (string Want, string Got)[64];
        System.Threading.Tasks.Parallel.For(0, results.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var text = new SegmentedText(16, pool);
            var want = new StringBuilder();
            for (int line = 0; line < 300; line++)
            {
                string piece = "text " + i + " line " + line + new string((char)('a' + (i % 26)), line % 40) + "\n";
                text.Append(piece);
                want.Append(piece);
            }

            results[i] = (want.ToString(), text.ToSourceText().ToString());
        });

        foreach (var (want, got) in results)
        {
            Assert.Equal(want, got);
        }
    }
}
