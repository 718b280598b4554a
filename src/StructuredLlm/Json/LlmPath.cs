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

    public static string Combine(string parent, string key)
    {
        var sb = new StringBuilder(parent);
        AppendKey(sb, key);
        return sb.ToString();
    }

    private static bool IsSimple(string key)
    {
        if (key.Length == 0) return false;
        foreach (char c in key)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-')) return false;
        }
        return true;
    }
}
