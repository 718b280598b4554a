using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace StructuredLlm.Generators.Helpers;

/// <summary>An immutable array with value equality, so specs holding it stay cacheable.</summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly T[]? _items;

    public EquatableArray(ImmutableArray<T> items) => _items = items.IsDefaultOrEmpty ? null : System.Linq.Enumerable.ToArray(items);

    public EquatableArray(IEnumerable<T> items)
    {
        T[] array = items.ToArrayCompat();
        _items = array.Length == 0 ? null : array;
    }

    public int Count => _items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => _items![index];

    public bool Equals(EquatableArray<T> other)
    {
        T[]? a = _items, b = other._items;
        int n = a?.Length ?? 0;
        if (n != (b?.Length ?? 0))
        {
            return false;
        }

        for (int i = 0; i < n; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a![i], b![i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        int hash = 17;
        if (_items is not null)
        {
            foreach (T item in _items)
            {
                hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
            }
        }

        return hash;
    }

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>A struct enumerator, so <c>foreach</c> over a spec's arrays allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    public struct Enumerator
    {
        private readonly T[]? _items;
        private int _index;

        internal Enumerator(T[]? items)
        {
            _items = items;
            _index = -1;
        }

        public readonly T Current => _items![_index];

        public bool MoveNext() => _items is not null && ++_index < _items.Length;
    }
}

internal static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);

    internal static T[] ToArrayCompat<T>(this IEnumerable<T> items)
    {
        if (items is ICollection<T> collection)
        {
            if (collection.Count == 0)
            {
                return Array.Empty<T>();
            }

            var copy = new T[collection.Count];
            collection.CopyTo(copy, 0);
            return copy;
        }

        return new List<T>(items).ToArray();
    }
}
