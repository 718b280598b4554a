using System;

namespace StructuredLlm.Json;

/// <summary>
/// Exact questions about a JSON number's text, decided from its digits and exponent rather than from a rounded
/// <see cref="decimal"/> or <see cref="double"/> (which keep ~28 and ~17 digits, so <c>3.0000000000000000000000000000001</c>
/// and <c>1e-30</c> would look whole). Linear in the text, no allocation; only called for tokens with a fraction or an
/// exponent, or for values that land on a bound.
/// </summary>
internal static class JsonNumberText
{
    /// <summary>A number's text split into sign, the digits of its mantissa and the power of ten of its last digit.</summary>
    private readonly ref struct Parts
    {
        public Parts(ReadOnlySpan<byte> text)
        {
            Valid = false;
            Negative = false;
            Mantissa = default;
            Point = -1;
            Exponent = 0;
            int i = 0, n = text.Length;
            if (i < n && text[i] is (byte)'-' or (byte)'+')
            {
                Negative = text[i] == '-';
                i++;
            }
            int start = i;
            while (i < n && (text[i] is >= (byte)'0' and <= (byte)'9' || (text[i] == '.' && Point < 0)))
            {
                if (text[i] == '.') Point = i - start;
                i++;
            }
            Mantissa = text.Slice(start, i - start);
            if (Mantissa.Length == 0 || (Mantissa.Length == 1 && Point == 0)) return;
            long exponent = 0;
            if (i < n && text[i] is (byte)'e' or (byte)'E')
            {
                i++;
                bool negativeExponent = false;
                if (i < n && text[i] is (byte)'+' or (byte)'-')
                {
                    negativeExponent = text[i] == '-';
                    i++;
                }
                int digits = i;
                while (i < n && text[i] is >= (byte)'0' and <= (byte)'9')
                {
                    // Saturates far beyond any double or decimal: the comparisons only need the order of magnitude.
                    if (exponent < 1_000_000_000_000L) exponent = exponent * 10 + (text[i] - '0');
                    i++;
                }
                if (i == digits) return;
                if (negativeExponent) exponent = -exponent;
            }
            if (i != n) return;
            Exponent = exponent;
            Valid = true;
        }

        public bool Valid { get; }
        public bool Negative { get; }

        /// <summary>The digits and at most one point, as written (<c>012.50</c>).</summary>
        public ReadOnlySpan<byte> Mantissa { get; }

        /// <summary>Index of the point in <see cref="Mantissa"/>, or -1.</summary>
        public int Point { get; }

        public long Exponent { get; }

        /// <summary>Number of digits before the point.</summary>
        public int IntegerDigits => Point < 0 ? Mantissa.Length : Point;

        /// <summary>The power of ten of the digit at <paramref name="index"/> in <see cref="Mantissa"/> (not the point).</summary>
        public long Weight(int index) => (long)IntegerDigits - 1 - (Point >= 0 && index > Point ? index - 1 : index) + Exponent;

        /// <summary>Index of the first nonzero digit, or -1 for zero.</summary>
        public int FirstNonZero()
        {
            for (int k = 0; k < Mantissa.Length; k++)
            {
                if (Mantissa[k] is >= (byte)'1' and <= (byte)'9') return k;
            }
            return -1;
        }

        /// <summary>Index of the last nonzero digit, or -1 for zero.</summary>
        public int LastNonZero()
        {
            for (int k = Mantissa.Length - 1; k >= 0; k--)
            {
                if (Mantissa[k] is >= (byte)'1' and <= (byte)'9') return k;
            }
            return -1;
        }
    }

    /// <summary>
    /// Whether the number is a whole number as written: no nonzero digit below the units (<c>3.000</c> and <c>12e2</c>
    /// are, <c>3.0000000000000000000000000000001</c>, <c>1e-30</c> and <c>30000000000000000000000000000000001e-34</c> are not).
    /// False for text that is not a number.
    /// </summary>
    public static bool IsWhole(ReadOnlySpan<byte> text)
    {
        var parts = new Parts(text);
        if (!parts.Valid) return false;
        int last = parts.LastNonZero();
        return last < 0 || parts.Weight(last) >= 0;
    }

    /// <summary>
    /// Compares two numbers' texts exactly (<c>1.0000000000000000000000000001</c> &gt; <c>1</c>, <c>1.50</c> = <c>15e-1</c>,
    /// <c>-0</c> = <c>0</c>); null when either is not a number.
    /// </summary>
    public static int? Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var x = new Parts(a);
        var y = new Parts(b);
        if (!x.Valid || !y.Valid) return null;
        int fx = x.FirstNonZero(), fy = y.FirstNonZero();
        int sx = fx < 0 ? 0 : x.Negative ? -1 : 1;
        int sy = fy < 0 ? 0 : y.Negative ? -1 : 1;
        if (sx != sy) return sx.CompareTo(sy);
        if (sx == 0) return 0;
        int magnitude = CompareMagnitude(x, fx, y, fy);
        return sx < 0 ? -magnitude : magnitude;
    }

    private static int CompareMagnitude(in Parts x, int fx, in Parts y, int fy)
    {
        long wx = x.Weight(fx), wy = y.Weight(fy);
        if (wx != wy) return wx.CompareTo(wy);
        int lx = x.LastNonZero(), ly = y.LastNonZero();
        int i = fx, j = fy;
        while (true)
        {
            if (i < x.Mantissa.Length && x.Mantissa[i] == '.') i++;
            if (j < y.Mantissa.Length && y.Mantissa[j] == '.') j++;
            bool moreX = i <= lx, moreY = j <= ly;
            if (!moreX || !moreY) return moreX ? 1 : moreY ? -1 : 0;
            if (x.Mantissa[i] != y.Mantissa[j]) return x.Mantissa[i].CompareTo(y.Mantissa[j]);
            i++;
            j++;
        }
    }
}
