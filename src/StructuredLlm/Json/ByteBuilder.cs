using System;
using System.Buffers;

namespace StructuredLlm.Json;

/// <summary>A growable UTF-8 output buffer rented from the shared pool; edits happen only at the tail.</summary>
internal sealed class ByteBuilder : IDisposable
{
    private byte[] _buffer;

    public ByteBuilder(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 64));
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);
    public byte[] Buffer => _buffer;

    public byte this[int index] => _buffer[index];

    public void Append(byte b)
    {
        if (Length == _buffer.Length) Grow(1);
        _buffer[Length++] = b;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _buffer.Length) Grow(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Insert(int index, ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _buffer.Length) Grow(bytes.Length);
        Array.Copy(_buffer, index, _buffer, index + bytes.Length, Length - index);
        bytes.CopyTo(_buffer.AsSpan(index));
        Length += bytes.Length;
    }

    public void RemoveAt(int index)
    {
        Array.Copy(_buffer, index + 1, _buffer, index, Length - index - 1);
        Length--;
    }

    public void Truncate(int length) => Length = length;

    /// <summary>Index after the last byte that is not JSON whitespace (at least <paramref name="floor"/>).</summary>
    public int EndOfContent(int floor = 0)
    {
        int i = Length;
        while (i > floor && IsWs(_buffer[i - 1])) i--;
        return i;
    }

    /// <summary>Inserts before trailing whitespace, returns the index it was inserted at.</summary>
    public int InsertBeforeLastWhitespace(ReadOnlySpan<byte> bytes, int floor = 0)
    {
        int at = EndOfContent(floor);
        Insert(at, bytes);
        return at;
    }

    /// <summary>Removes the last non-whitespace byte when it is <paramref name="b"/>.</summary>
    public bool StripLast(byte b)
    {
        int at = EndOfContent();
        if (at > 0 && _buffer[at - 1] == b)
        {
            RemoveAt(at - 1);
            return true;
        }
        return false;
    }

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    /// <summary>Empties the builder for the next document, with room for at least <paramref name="capacity"/> bytes.</summary>
    public void Reset(int capacity)
    {
        Length = 0;
        if (_buffer.Length >= capacity) return;
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 64));
    }

    public void Dispose()
    {
        var b = _buffer;
        _buffer = Array.Empty<byte>();
        Length = 0;
        if (b.Length > 0) ArrayPool<byte>.Shared.Return(b);
    }

    private static bool IsWs(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private void Grow(int extra)
    {
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + extra));
        _buffer.AsSpan(0, Length).CopyTo(next);
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }
}
