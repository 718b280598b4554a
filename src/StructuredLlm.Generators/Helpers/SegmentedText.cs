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
/// </summary>
internal sealed class SegmentedText
{
    private const int FirstChunk = 256;
    private const int MaxChunk = 2048;

    // Strings at least this long are referenced, not copied: a segment costs less than copying them.
    private const int ReferenceThreshold = 48;

    private readonly List<Segment> _segments = new(32);
    private char[] _chunk;
    private int _chunkUsed;

    // Whether the last segment is the slice of _chunk that ends at _chunkUsed (so the next char extends it).
    private bool _open;
    private int _length;

    public SegmentedText(int firstChunk = FirstChunk) => _chunk = new char[Math.Max(16, Math.Min(firstChunk, MaxChunk))];

    public int Length => _length;

    /// <summary>The last character, or '\0' when empty.</summary>
    public char Last
    {
        get
        {
            if (_segments.Count == 0)
            {
                return '\0';
            }

            Segment last = _segments[_segments.Count - 1];
            return last.CharAt(last.Length - 1);
        }
    }

    public SegmentedText Append(char c)
    {
        if (!_open || _chunkUsed == _chunk.Length)
        {
            OpenSlice();
        }

        _chunk[_chunkUsed++] = c;
        Segment open = _segments[_segments.Count - 1];
        _segments[_segments.Count - 1] = new Segment(open.Source, open.Start, open.Length + 1);
        _length++;
        return this;
    }

    public SegmentedText Append(string text) => Append(text, 0, text.Length);

    public SegmentedText Append(string text, int start, int count)
    {
        if (count == 0)
        {
            return this;
        }

        if (count >= ReferenceThreshold)
        {
            _segments.Add(new Segment(text, start, count));
            _open = false;
            _length += count;
            return this;
        }

        while (count > 0)
        {
            if (!_open || _chunkUsed == _chunk.Length)
            {
                OpenSlice();
            }

            int n = Math.Min(count, _chunk.Length - _chunkUsed);
            text.CopyTo(start, _chunk, _chunkUsed, n);
            _chunkUsed += n;
            Segment open = _segments[_segments.Count - 1];
            _segments[_segments.Count - 1] = new Segment(open.Source, open.Start, open.Length + n);
            _length += n;
            start += n;
            count -= n;
        }

        return this;
    }

    /// <summary>Puts <paramref name="text"/> before everything written so far, by reference.</summary>
    public void Prepend(string text)
    {
        if (text.Length > 0)
        {
            _segments.Insert(0, new Segment(text, 0, text.Length));
            _length += text.Length;
        }
    }

    /// <summary>Puts the text of <paramref name="other"/> before everything written so far, sharing its buffers; <paramref name="other"/> must not change afterwards.</summary>
    public void Prepend(SegmentedText other)
    {
        _segments.InsertRange(0, other._segments);
        _length += other._length;
    }

    /// <summary>Drops the last character (the caller checked <see cref="Last"/>).</summary>
    public void RemoveLast()
    {
        int index = _segments.Count - 1;
        Segment last = _segments[index];
        if (_open && index == _segments.Count - 1 && last.Source == _chunk)
        {
            _chunkUsed--;
        }

        if (last.Length == 1)
        {
            _segments.RemoveAt(index);
            _open = false;
        }
        else
        {
            _segments[index] = new Segment(last.Source, last.Start, last.Length - 1);
        }

        _length--;
    }

    // Starts a new slice at the chunk's free space, growing to a new (bigger) chunk when the current one is full.
    private void OpenSlice()
    {
        if (_chunkUsed == _chunk.Length)
        {
            _chunk = new char[Math.Min(_chunk.Length * 2, MaxChunk)];
            _chunkUsed = 0;
        }

        _segments.Add(new Segment(_chunk, _chunkUsed, 0));
        _open = true;
    }

    /// <summary>The text as a <see cref="SourceText"/> (UTF-8, SHA-1 like <c>SourceText.From(string, Encoding.UTF8)</c>); the buffer must not change afterwards.</summary>
    public SourceText ToSourceText() => new SegmentedSourceText(_segments.ToArray(), _length);

    public override string ToString()
    {
        var chars = new char[_length];
        int at = 0;
        foreach (Segment segment in _segments)
        {
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

        public char CharAt(int index) => Source is string s ? s[Start + index] : ((char[])Source)[Start + index];

        public void CopyTo(int offset, char[] destination, int destinationIndex, int count)
        {
            if (Source is string s)
            {
                s.CopyTo(Start + offset, destination, destinationIndex, count);
            }
            else
            {
                Array.Copy((char[])Source, Start + offset, destination, destinationIndex, count);
            }
        }
    }

    private sealed class SegmentedSourceText : SourceText
    {
        private readonly Segment[] _segments;

        // _starts[i]: the offset of segment i in the text (ascending), for binary search.
        private readonly int[] _starts;
        private readonly int _length;

        public SegmentedSourceText(Segment[] segments, int length)
        {
            _segments = segments;
            _length = length;
            _starts = new int[segments.Length];
            int at = 0;
            for (int i = 0; i < segments.Length; i++)
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
