using System;

namespace StructuredLlm.Generators.Helpers;

/// <summary>
/// Large byte blocks that the text of generated files is written into, slice by slice, instead of into one small array per
/// chunk. Generated text lives as long as the compilation that holds it. Written into small arrays, every byte of it is
/// copied by the garbage collector twice (young to middle generation, then to the old one) while the generator is still
/// running; a block is above the runtime's large-object threshold (85,000 bytes), so it is allocated straight into the
/// old generation and never copied, and byte arrays hold no references for a collection to trace.
/// <para>
/// Slices are handed out in order from the current block; a writer that ends a chunk early gives its unused tail back
/// when nothing was taken after it, so texts written one after another sit end to end. A block is freed when no text
/// that has a slice in it is alive and it is no longer the pool's current block (the pool itself keeps at most one block,
/// 128 KB, alive): the memory a dead generated file leaves in a block that other files still use is at most the size of
/// that file.
/// </para>
/// </summary>
internal sealed class TextBlockPool
{
    /// <summary>The bytes per block by default: above the large-object threshold (85,000 bytes).</summary>
    public const int DefaultBlockSize = 128 * 1024;

    /// <summary>The pool generated files use (one per process; slices are taken under a lock).</summary>
    public static readonly TextBlockPool Shared = new();

    private readonly object _gate = new();
    private readonly int _blockSize;
    private byte[]? _block;
    private int _used;
    private int _blocks;

    /// <param name="blockSize">Bytes per block; below 85,000 the blocks are ordinary young objects (tests use that).</param>
    public TextBlockPool(int blockSize = DefaultBlockSize) => _blockSize = blockSize;

    /// <summary>Blocks allocated so far.</summary>
    public int BlockCount => _blocks;

    /// <summary>The bytes handed out from the current block.</summary>
    public int UsedInCurrentBlock => _used;

    /// <summary>A slice of <paramref name="size"/> bytes: <c>block[start, start + size)</c>.</summary>
    public byte[] Take(int size, out int start)
    {
        if (size <= 0 || size > _blockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size));
        }

        lock (_gate)
        {
            if (_block is null || _blockSize - _used < size)
            {
                _block = new byte[_blockSize];
                _used = 0;
                _blocks++;
            }

            start = _used;
            _used += size;
            return _block;
        }
    }

    /// <summary>
    /// Gives <c>block[used, end)</c>, the unused tail of a slice, back. It is reused only when it is still the last slice
    /// handed out; otherwise it stays unused.
    /// </summary>
    public void GiveBack(byte[] block, int end, int used)
    {
        lock (_gate)
        {
            if (ReferenceEquals(block, _block) && _used == end)
            {
                _used = used;
            }
        }
    }
}
