using System.Text;

namespace StructuredLlm.Json;

/// <summary>Formats JSON paths: <c>$.a.b[2]</c>, with <c>['odd key']</c> for keys that are not identifiers.</summary>
internal static class LlmPath
{
    public static void AppendKey(StringBuilder sb, string key)
    {
        if (IsSimple(key))
        {
            sb.Append('.').Append(key);
        }
        else
        {
            sb.Append("['").Append(key.Replace("\\", "\\\\").Replace("'", "\\'")).Append("']");
        }
    }

    /// <summary><see cref="AppendKey(StringBuilder, string)"/> for a key still in UTF-8 (no string made for a plain ASCII key).</summary>
    public static void AppendKey(StringBuilder sb, System.ReadOnlySpan<byte> key)
    {
        bool simple = key.Length > 0;
        foreach (byte b in key)
        {
            if (!IsSimpleChar((char)b))
            {
                simple = false;
                break;
            }
        }
        if (!simple)
        {
            AppendKey(sb, Utf8Text.GetString(key));
            return;
        }
        sb.Append('.');
        foreach (byte b in key) sb.Append((char)b);
    }

    public static string Combine(string parent, string key)
    {
        if (IsSimple(key)) return string.Concat(parent, ".", key);
        var sb = Rent().Append(parent);
        AppendKey(sb, key);
        return ToStringAndReturn(sb);
    }

    [System.ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>An empty builder for one path, reused on this thread (a path is built for every repair and error).</summary>
    public static StringBuilder Rent()
    {
        var sb = t_builder;
        t_builder = null;
        return sb is null ? new StringBuilder(64) : sb.Clear();
    }

    /// <summary>The path built in <paramref name="sb"/> (from <see cref="Rent"/>), the builder kept for the next one.</summary>
    public static string ToStringAndReturn(StringBuilder sb)
    {
        string path = sb.ToString();
        if (sb.Capacity <= 1024) t_builder = sb;
        return path;
    }

    private static bool IsSimple(string key)
    {
        if (key.Length == 0) return false;
        foreach (char c in key)
        {
            if (!IsSimpleChar(c)) return false;
        }
        return true;
    }

    /// <summary>A character a key may hold and still be written after a dot (a byte of UTF-8 above 0x7F never is).</summary>
    private static bool IsSimpleChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-';
}
