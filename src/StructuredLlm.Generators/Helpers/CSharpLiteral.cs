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

        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            AppendEscaped(sb, c);
        }

        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="c"/> as it must appear inside a regular C# string literal.</summary>
    public static void AppendEscaped(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '"': sb.Append("\\\""); break;
            case '\\': sb.Append("\\\\"); break;
            case '\n': sb.Append("\\n"); break;
            case '\r': sb.Append("\\r"); break;
            case '\t': sb.Append("\\t"); break;
            case '\0': sb.Append("\\0"); break;
            default:
                if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029')
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
}
