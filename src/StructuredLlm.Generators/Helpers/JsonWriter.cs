using System.Globalization;
using System.Text;

namespace StructuredLlm.Generators.Helpers;

/// <summary>
/// A tiny compact JSON writer (no whitespace) for schema text. The caller is responsible for structure; the writer
/// inserts commas and escapes strings. A discarding writer (<see cref="Discard"/>) writes nothing, so a caller can walk
/// the same structure only for what the walk finds (profile limits) without building the text.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder? _sb;

    // The C#-literal target (a generated file); when set, _sb is null and every character is escaped into it.
    private readonly SegmentedText? _literal;
    private bool _needComma;

    public JsonWriter(int capacity = 16) => _sb = new StringBuilder(capacity);

    /// <summary>
    /// Writes into <paramref name="literalTarget"/> every character as it must appear inside a C# string literal (the same escapes as <see cref="CSharpLiteral.String"/>), so generated
    /// code can embed the schema without building the JSON text and its escaped copy first.
    /// </summary>
    public JsonWriter(SegmentedText literalTarget) => _literal = literalTarget;

    private JsonWriter(bool discard) => _sb = discard ? null : new StringBuilder();

    /// <summary>True for a <see cref="Discard"/> writer: callers may skip building text that is only written.</summary>
    public bool IsDiscarding => _sb is null && _literal is null;

    /// <summary>A writer that writes nothing; <see cref="ToString"/> returns an empty string.</summary>
    public static JsonWriter Discard() => new(discard: true);

    public void StartObject()
    {
        if (IsDiscarding)
        {
            return;
        }

        Separate();
        Put('{');
        _needComma = false;
    }

    public void EndObject()
    {
        if (IsDiscarding)
        {
            return;
        }

        Put('}');
        _needComma = true;
    }

    public void StartArray()
    {
        if (IsDiscarding)
        {
            return;
        }

        Separate();
        Put('[');
        _needComma = false;
    }

    public void EndArray()
    {
        if (IsDiscarding)
        {
            return;
        }

        Put(']');
        _needComma = true;
    }

    public void Name(string name)
    {
        if (IsDiscarding)
        {
            return;
        }

        Separate();
        AppendString(name);
        Put(':');
        _needComma = false;
    }

    public void String(string value)
    {
        if (IsDiscarding)
        {
            return;
        }

        Separate();
        AppendString(value);
        _needComma = true;
    }

    public void Raw(string jsonLiteral)
    {
        if (IsDiscarding)
        {
            return;
        }

        Separate();
        Put(jsonLiteral);
        _needComma = true;
    }

    /// <summary>
    /// In a C# literal: a value (or run of members) given by a C# constant expression, which the caller writes into the
    /// returned text. The literal is closed (<c>" + </c>); <see cref="CloseSplice"/> reopens it (<c> + "</c>). The comma
    /// before it is written as for any value, and one follows it if more is written.
    /// </summary>
    public SegmentedText OpenSplice()
    {
        if (_literal is null)
        {
            throw new System.InvalidOperationException("Only a C# literal can be spliced.");
        }

        Separate();
        return _literal.Append("\" + ");
    }

    /// <summary>Ends what <see cref="OpenSplice"/> began.</summary>
    public void CloseSplice()
    {
        _literal!.Append(" + \"");
        _needComma = true;
    }

    public void Bool(bool value) => Raw(value ? "true" : "false");

    public void Null() => Raw("null");

    public void Number(long value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    public void Property(string name, string value)
    {
        Name(name);
        String(value);
    }

    public void PropertyRaw(string name, string jsonLiteral)
    {
        Name(name);
        Raw(jsonLiteral);
    }

    private void Separate()
    {
        if (_needComma)
        {
            Put(',');
        }
    }

    private void AppendString(string value)
    {
        // No character that JSON or a C# literal would escape (nearly every name and description): written in one piece.
        if (CSharpLiteral.IsPlain(value))
        {
            if (_literal is null)
            {
                _sb!.Append('"').Append(value).Append('"');
            }
            else
            {
                _literal.Append('\\').Append('"').Append(value).Append('\\').Append('"');
            }

            return;
        }

        Put('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': Put("\\\""); break;
                case '\\': Put("\\\\"); break;
                case '\n': Put("\\n"); break;
                case '\r': Put("\\r"); break;
                case '\t': Put("\\t"); break;
                case '\b': Put("\\b"); break;
                case '\f': Put("\\f"); break;
                default:
                    // A lone surrogate (`[Description("\uD800")]`) is escaped, as System.Text.Json writes it: raw, the
                    // schema text would turn into U+FFFD (or fail) when encoded as UTF-8 for the request.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || IsLoneSurrogate(value, i))
                    {
                        Put("\\u");
                        Put(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Put(c);
                    }

                    break;
            }
        }

        Put('"');
    }

    private static bool IsLoneSurrogate(string value, int i)
    {
        char c = value[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }

    private void Put(char c)
    {
        if (_literal is null)
        {
            _sb!.Append(c);
        }
        else if (c is '{' or '}' or '[' or ']' or ':' or ',')
        {
            _literal.Append(c);
        }
        else
        {
            CSharpLiteral.AppendEscaped(_literal, c);
        }
    }

    private void Put(string text)
    {
        if (_literal is null)
        {
            _sb!.Append(text);
        }
        else if (CSharpLiteral.IsPlain(text))
        {
            _literal.Append(text);
        }
        else
        {
            foreach (char c in text)
            {
                CSharpLiteral.AppendEscaped(_literal, c);
            }
        }
    }

    public override string ToString() => _sb?.ToString() ?? string.Empty;

    /// <summary>The JSON text of a string value, quotes included.</summary>
    public static string Quote(string value)
    {
        if (CSharpLiteral.IsPlain(value))
        {
            return "\"" + value + "\"";
        }

        var writer = new JsonWriter(value.Length + 2);
        writer.String(value);
        return writer.ToString();
    }
}
