using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StructuredLlm.Generators.Helpers;

/// <summary>
/// An append-only text buffer for generated files, handed to Roslyn as a <see cref="SourceText"/> without ever being
/// copied into one string. A <see cref="StringBuilder"/> followed by <c>ToString()</c> holds every generated character
/// twice (the builder's chunks, then the string), and generated files are large and built for every type. Here short
/// pieces are copied into small chunks that grow to <see cref="MaxChunk"/> characters, long pieces (and
/// <see cref="Prepend"/>ed text) are referenced as they are (strings are immutable), and the finished buffer is read
/// through <see cref="ToSourceText"/>, which copies nothing.
/// <para>
/// Chunks hold one byte per character while the characters are Latin-1 (U+0000–U+00FF), which generated C# almost always
/// is: the text a compilation keeps for every generated file takes half the memory of a string. A character above U+00FF
/// ends the byte chunk and the text goes on in a <c>char</c> chunk until that one is full.
/// </para>
/// <para>
/// A text that becomes a generated file is given a <see cref="TextBlockPool"/>: its byte chunks are then slices of the
/// pool's large blocks, which the garbage collector never copies (see there). Texts that die young (pieces turned into
/// strings) use ordinary arrays.
/// </para>
/// </summary>
internal sealed class SegmentedText
{
    private const int FirstChunk = 256;
    private const int MaxChunk = 2048;

    // The last character a byte chunk holds (Latin-1).
    private const char MaxNarrow = '\u00FF';

    // Strings at least this long are referenced, not copied. Shorter ones are copied: they are mostly concatenations
    // that die right after, and a copy lets them die young instead of living as long as the generated file.
    private const int ReferenceThreshold = 1024;

    // The segments in order (_segments[0, _count)), grown by doubling; handed to the SourceText as is, without a copy.
    private Segment[] _segments = new Segment[16];
    private int _count;

    // Set once a SourceText reads _segments[0, _count): changing those slots in place (Prepend, RemoveLast) copies first.
    private bool _shared;

    // Where byte chunks come from: a pool's blocks, or (null) arrays of their own.
    private readonly TextBlockPool? _blocks;

    // The current chunk is [_chunkStart, _chunkEnd) of exactly one of the two arrays. _narrow holds Latin-1 characters as
    // bytes (a slice of a pool block, or an array of its own starting at 0), _wide any character.
    private byte[]? _narrow;
    private char[]? _wide;
    private int _chunkStart;
    private int _chunkEnd;
    private int _chunkUsed;

    // The pending slice: the current chunk's [_pendingStart, _chunkUsed) holds characters not yet in _segments. Appending
    // a character only stores it; the slice becomes a segment when something else must follow it (a referenced string, a
    // new chunk) or when the text is read.
    private int _pendingStart;
    private int _length;

    public SegmentedText(int firstChunk = FirstChunk, TextBlockPool? blocks = null)
    {
        _blocks = blocks;
        NarrowChunk(Math.Max(16, Math.Min(firstChunk, MaxChunk)));
    }

    private object Chunk => (object?)_narrow ?? _wide!;

    public int Length => _length;

    /// <summary>The last character, or '\0' when empty.</summary>
    public char Last
    {
        get
        {
            if (_chunkUsed > _pendingStart)
            {
                return _narrow is not null ? (char)_narrow[_chunkUsed - 1] : _wide![_chunkUsed - 1];
            }

            if (_count == 0)
            {
                return '\0';
            }

            Segment last = _segments[_count - 1];
            return last.CharAt(last.Length - 1);
        }
    }

    public SegmentedText Append(char c)
    {
        if (_chunkUsed == _chunkEnd)
        {
            NextChunk();
        }

        if (_narrow is not null)
        {
            if (c <= MaxNarrow)
            {
                _narrow[_chunkUsed++] = (byte)c;
                _length++;
                return this;
            }

            Widen();
        }

        _wide![_chunkUsed++] = c;
        _length++;
        return this;
    }

    public SegmentedText Append(string text) => Append(text, 0, text.Length);

    /// <summary>Appends <paramref name="count"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
    public SegmentedText Append(string text, int start, int count)
    {
        if (count == 0)
        {
            return this;
        }

        _length += count;
        if (count >= ReferenceThreshold)
        {
            Flush();
            Add(new Segment(text, start, count));
            return this;
        }

        while (count > 0)
        {
            if (_chunkUsed == _chunkEnd)
            {
                NextChunk();
            }

            int n = Math.Min(count, _chunkEnd - _chunkUsed);
            bool widen = false;
            if (_narrow is { } narrow)
            {
                // Narrowed one by one; the first character above Latin-1 ends this byte chunk.
                int i = 0;
                for (; i < n && text[start + i] <= MaxNarrow; i++)
                {
                    narrow[_chunkUsed + i] = (byte)text[start + i];
                }

                widen = i < n;
                n = i;
            }
            else
            {
                text.CopyTo(start, _wide!, _chunkUsed, n);
            }

            _chunkUsed += n;
            start += n;
            count -= n;
            if (widen)
            {
                Widen();
            }
        }

        return this;
    }

    /// <summary>Puts <paramref name="text"/> before everything appended so far (referenced, not copied).</summary>
    public void Prepend(string text)
    {
        if (text.Length > 0)
        {
            Own();
            Reserve(1);
            Array.Copy(_segments, 0, _segments, 1, _count);
            _segments[0] = new Segment(text, 0, text.Length);
            _count++;
            _length += text.Length;
        }
    }

    /// <summary>Puts everything <paramref name="other"/> holds before this text; <paramref name="other"/> must not be appended to afterwards.</summary>
    public void Prepend(SegmentedText other)
    {
        other.Flush();
        Own();
        Reserve(other._count);
        Array.Copy(_segments, 0, _segments, other._count, _count);
        Array.Copy(other._segments, 0, _segments, 0, other._count);
        _count += other._count;
        _length += other._length;
    }

    /// <summary>Removes the last character (the text must not be empty).</summary>
    public void RemoveLast()
    {
        _length--;
        if (_chunkUsed > _pendingStart)
        {
            _chunkUsed--;
            return;
        }

        Own();
        int index = _count - 1;
        Segment last = _segments[index];
        if (last.Length == 1)
        {
            _segments[index] = default;
            _count--;
        }
        else
        {
            _segments[index] = new Segment(last.Source, last.Start, last.Length - 1);
        }
    }

    // Ends the pending slice as a segment (the chunk keeps filling after it).
    private void Flush()
    {
        if (_chunkUsed > _pendingStart)
        {
            Add(new Segment(Chunk, _pendingStart, _chunkUsed - _pendingStart));
            _pendingStart = _chunkUsed;
        }
    }

    private void Add(Segment segment)
    {
        if (_count == _segments.Length)
        {
            Reserve(1);
        }

        _segments[_count++] = segment;
    }

    // The text outlives the build step (a SourceText of the compilation): the current chunk's unused tail (up to 2 KB per
    // file) would live as long. A pool slice gives its tail back to the pool. An array of its own, when more than half of
    // it is unused, is copied to an array of the exact size, and the segments that point into it (all after the previous
    // chunk's last one) are pointed at the copy. Either way the chunk is full afterwards: the next append starts a new one.
    private void TrimLastChunk()
    {
        if (_blocks is not null && _narrow is not null)
        {
            _blocks.GiveBack(_narrow, _chunkEnd, _chunkUsed);
            _chunkEnd = _chunkUsed;
            return;
        }

        // Only when the tail is the larger part (the copy then costs less than it frees), and never for an empty chunk.
        if (_chunkUsed == 0 || _chunkEnd - _chunkUsed <= _chunkUsed)
        {
            return;
        }

        object chunk = Chunk;
        Array exact;
        if (_narrow is not null)
        {
            _narrow = new byte[_chunkUsed];
            exact = _narrow;
        }
        else
        {
            _wide = new char[_chunkUsed];
            exact = _wide;
        }

        Array.Copy((Array)chunk, exact, _chunkUsed);
        Own();
        for (int i = _count - 1; i >= 0; i--)
        {
            object source = _segments[i].Source;
            if (ReferenceEquals(source, chunk))
            {
                _segments[i] = new Segment(exact, _segments[i].Start, _segments[i].Length);
            }
            else if (source is not string)
            {
                break; // an older chunk: nothing before it points into this one
            }
        }

        // The exact copy is full: the next append starts a new chunk.
        _pendingStart = _chunkUsed;
        _chunkEnd = _chunkUsed;
    }

    private void Own()
    {
        if (_shared)
        {
            _segments = (Segment[])_segments.Clone();
            _shared = false;
        }
    }

    // Room for `more` segments after the last one.
    private void Reserve(int more)
    {
        if (_count + more > _segments.Length)
        {
            Array.Resize(ref _segments, Math.Max(_segments.Length * 2, _count + more));
            _shared = false; // a new array: the SourceText keeps the old one
        }
    }

    // The current chunk is full: its pending slice becomes a segment and appending goes on in a new, bigger chunk.
    private void NextChunk()
    {
        Flush();
        // Twice the last chunk (a trimmed one can be tiny), from FirstChunk up to MaxChunk; Latin-1 again.
        NarrowChunk(Math.Min(Math.Max((_chunkEnd - _chunkStart) * 2, FirstChunk), MaxChunk));
    }

    private void NarrowChunk(int size)
    {
        if (_blocks is null)
        {
            _narrow = new byte[size];
            _chunkStart = 0;
        }
        else
        {
            _narrow = _blocks.Take(size, out _chunkStart);
        }

        _wide = null;
        _chunkEnd = _chunkStart + size;
        _chunkUsed = _chunkStart;
        _pendingStart = _chunkStart;
    }

    // A character above U+00FF meets a byte chunk that has room: the rest of that room becomes a char chunk. The byte
    // chunk keeps what it holds (trimmed if mostly unused), or is dropped if it holds nothing.
    private void Widen()
    {
        Flush();
        int room = Math.Max(_chunkEnd - _chunkUsed, 16);
        TrimLastChunk();
        _wide = new char[room];
        _narrow = null;
        _chunkStart = 0;
        _chunkEnd = room;
        _chunkUsed = 0;
        _pendingStart = 0;
    }

    public SourceText ToSourceText()
    {
        Flush();
        TrimLastChunk();
        _shared = true;
        return new SegmentedSourceText(_segments, _count, _length);
    }

    public override string ToString()
    {
        Flush();
        var chars = new char[_length];
        int at = 0;
        for (int i = 0; i < _count; i++)
        {
            Segment segment = _segments[i];
            segment.CopyTo(0, chars, at, segment.Length);
            at += segment.Length;
        }

        return new string(chars);
    }

    /// <summary>A slice of a string or of a chunk.</summary>
    private readonly struct Segment
    {
        public Segment(object source, int start, int length)
        {
            Source = source;
            Start = start;
            Length = length;
        }

        public object Source { get; }

        public int Start { get; }

        public int Length { get; }

        public char CharAt(int index) => Source switch
        {
            byte[] bytes => (char)bytes[Start + index],
            string s => s[Start + index],
            _ => ((char[])Source)[Start + index],
        };

        public void CopyTo(int offset, char[] destination, int destinationIndex, int count)
        {
            switch (Source)
            {
                case byte[] bytes:
                    int from = Start + offset;
                    for (int i = 0; i < count; i++)
                    {
                        destination[destinationIndex + i] = (char)bytes[from + i];
                    }

                    break;
                case string s:
                    s.CopyTo(Start + offset, destination, destinationIndex, count);
                    break;
                default:
                    Array.Copy((char[])Source, Start + offset, destination, destinationIndex, count);
                    break;
            }
        }
    }

    private sealed class SegmentedSourceText : SourceText
    {
        private readonly Segment[] _segments;

        // _starts[i]: the offset of segment i in the text (ascending), for binary search.
        private readonly int[] _starts;
        private readonly int _length;

        public SegmentedSourceText(Segment[] segments, int count, int length)
        {
            _segments = segments;
            _length = length;
            _starts = new int[count];
            int at = 0;
            for (int i = 0; i < count; i++)
            {
                _starts[i] = at;
                at += segments[i].Length;
            }
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override int Length => _length;

        public override char this[int position]
        {
            get
            {
                if ((uint)position >= (uint)_length)
                {
                    throw new ArgumentOutOfRangeException(nameof(position));
                }

                int i = SegmentAt(position);
                return _segments[i].CharAt(position - _starts[i]);
            }
        }

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            if (count == 0)
            {
                return;
            }

            int i = SegmentAt(sourceIndex);
            int offset = sourceIndex - _starts[i];
            while (count > 0)
            {
                Segment segment = _segments[i];
                int n = Math.Min(count, segment.Length - offset);
                segment.CopyTo(offset, destination, destinationIndex, n);
                destinationIndex += n;
                count -= n;
                offset = 0;
                i++;
            }
        }

        // The last segment that starts at or before position (segments are never empty).
        private int SegmentAt(int position)
        {
            int lo = 0, hi = _starts.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) >> 1;
                if (_starts[mid] <= position)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return lo;
        }
    }
}
