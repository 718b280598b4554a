using System.Globalization;
using System.Text;

namespace StructuredLlm.Generators.Helpers;

internal static class CSharpLiteral
{
    /// <summary>A regular C# string literal (quotes included), escaping everything that could break a line.</summary>
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (IsPlain(value))
        {
            return "\"" + value + "\"";
        }

        var sb = new StringBuilder(value.Length + 8);
        sb.Append('"');
        foreach (char c in value)
        {
            AppendEscaped(sb, c);
        }

        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>Appends <see cref="String"/> of <paramref name="value"/> (never null here) without building it as a string first.</summary>
    public static SegmentedText Append(SegmentedText text, string value)
    {
        text.Append('"');
        if (IsPlain(value))
        {
            text.Append(value);
        }
        else
        {
            foreach (char c in value)
            {
                AppendEscaped(text, c);
            }
        }

        return text.Append('"');
    }

    /// <summary>Nothing to escape, in a C# literal or in JSON: the literal is the text between quotes (no control, line-breaking or surrogate characters).</summary>
    internal static bool IsPlain(string value)
    {
        foreach (char c in value)
        {
            if (c < 0x20 || c is '"' or '\\' or '\u0085' or '\u2028' or '\u2029' or (>= '\uD800' and <= '\uDFFF'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends <paramref name="c"/> as it must appear inside a regular C# string literal.</summary>
    public static void AppendEscaped(StringBuilder sb, char c)
    {
        if (EscapeAny(c) is { } escaped)
        {
            sb.Append(escaped);
        }
        else
        {
            sb.Append(c);
        }
    }

    /// <inheritdoc cref="AppendEscaped(StringBuilder, char)"/>
    public static void AppendEscaped(SegmentedText text, char c)
    {
        if (EscapeAny(c) is { } escaped)
        {
            text.Append(escaped);
        }
        else
        {
            text.Append(c);
        }
    }

    /// <summary>The escape sequence <paramref name="c"/> needs inside a regular string literal, or null when it stands as itself.</summary>
    private static string? EscapeAny(char c) =>
        // Surrogates too: a lone one would not survive the generated file's UTF-8 encoding (a pair escaped is the same text).
        Escape(c) ?? (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c)
            ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
            : null);

    private static string? Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\0' => "\\0",
        _ => null,
    };
}
