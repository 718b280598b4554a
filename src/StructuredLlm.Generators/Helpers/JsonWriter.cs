using System.Globalization;
using System.Text;

namespace StructuredLlm.Generators.Helpers;

/// <summary>
/// A tiny compact JSON writer (no whitespace) for schema text. The caller is responsible for structure; the writer
/// inserts commas and escapes strings.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _sb = new();
    private bool _needComma;

    public void StartObject()
    {
        Separate();
        _sb.Append('{');
        _needComma = false;
    }

    public void EndObject()
    {
        _sb.Append('}');
        _needComma = true;
    }

    public void StartArray()
    {
        Separate();
        _sb.Append('[');
        _needComma = false;
    }

    public void EndArray()
    {
        _sb.Append(']');
        _needComma = true;
    }

    public void Name(string name)
    {
        Separate();
        AppendString(name);
        _sb.Append(':');
        _needComma = false;
    }

    public void String(string value)
    {
        Separate();
        AppendString(value);
        _needComma = true;
    }

    public void Raw(string jsonLiteral)
    {
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
            _sb.Append(',');
        }
    }

    private void AppendString(string value)
    {
        _sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                case '\b': _sb.Append("\\b"); break;
                case '\f': _sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _sb.Append(c);
                    }

                    break;
            }
        }

        _sb.Append('"');
    }

    public override string ToString() => _sb.ToString();

    /// <summary>The JSON text of a string value, quotes included.</summary>
    public static string Quote(string value)
    {
        var writer = new JsonWriter();
        writer.String(value);
        return writer.ToString();
    }
}
