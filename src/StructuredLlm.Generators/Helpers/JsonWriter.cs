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
    private bool _needComma;

    public JsonWriter(int capacity = 16) => _sb = new StringBuilder(capacity);

    private JsonWriter(bool discard) => _sb = discard ? null : new StringBuilder();

    /// <summary>A writer that writes nothing; <see cref="ToString"/> returns an empty string.</summary>
    public static JsonWriter Discard() => new(discard: true);

    public void StartObject()
    {
        if (_sb is null)
        {
            return;
        }

        Separate();
        _sb.Append('{');
        _needComma = false;
    }

    public void EndObject()
    {
        if (_sb is null)
        {
            return;
        }

        _sb.Append('}');
        _needComma = true;
    }

    public void StartArray()
    {
        if (_sb is null)
        {
            return;
        }

        Separate();
        _sb.Append('[');
        _needComma = false;
    }

    public void EndArray()
    {
        if (_sb is null)
        {
            return;
        }

        _sb.Append(']');
        _needComma = true;
    }

    public void Name(string name)
    {
        if (_sb is null)
        {
            return;
        }

        Separate();
        AppendString(name);
        _sb.Append(':');
        _needComma = false;
    }

    public void String(string value)
    {
        if (_sb is null)
        {
            return;
        }

        Separate();
        AppendString(value);
        _needComma = true;
    }

    public void Raw(string jsonLiteral)
    {
        if (_sb is null)
        {
            return;
        }

        Separate();
        _sb.Append(jsonLiteral);
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
            _sb!.Append(',');
        }
    }

    private void AppendString(string value)
    {
        StringBuilder sb = _sb!;
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    public override string ToString() => _sb?.ToString() ?? string.Empty;

    /// <summary>The JSON text of a string value, quotes included.</summary>
    public static string Quote(string value)
    {
        var writer = new JsonWriter(value.Length + 2);
        writer.String(value);
        return writer.ToString();
    }
}
