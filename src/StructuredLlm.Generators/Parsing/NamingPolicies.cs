using System.Text;
using StructuredLlm.Generators.Model;

namespace StructuredLlm.Generators.Parsing;

/// <summary>Mirrors StructuredLlm.LlmNamingPolicy (runtime) with the same numeric values.</summary>
internal enum NamingPolicy
{
    CamelCase = 0,
    AsDeclared = 1,
    SnakeCaseLower = 2,
    SnakeCaseUpper = 3,
    KebabCaseLower = 4,
    KebabCaseUpper = 5,
    PascalCase = 6,
}

/// <summary>Turns C# member names into JSON names the way System.Text.Json's policies do.</summary>
internal static class NamingPolicies
{
    public static string Apply(NamingPolicy policy, string name) => policy switch
    {
        NamingPolicy.AsDeclared => name,
        NamingPolicy.SnakeCaseLower => Separated(name, '_', upper: false),
        NamingPolicy.SnakeCaseUpper => Separated(name, '_', upper: true),
        NamingPolicy.KebabCaseLower => Separated(name, '-', upper: false),
        NamingPolicy.KebabCaseUpper => Separated(name, '-', upper: true),
        NamingPolicy.PascalCase => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1),
        _ => CamelCase(name),
    };

    /// <summary><c>URLValue</c> → <c>urlValue</c>, <c>ID</c> → <c>id</c>, <c>Name</c> → <c>name</c>.</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        char[] chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            bool hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary><c>CustomerEmail</c> → <c>customer_email</c>, <c>URLValue</c> → <c>url_value</c>.</summary>
    public static string Separated(string name, char separator, bool upper)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '_' || c == '-' || c == ' ')
            {
                if (sb.Length > 0 && sb[sb.Length - 1] != separator)
                {
                    sb.Append(separator);
                }

                continue;
            }

            if (char.IsUpper(c) && sb.Length > 0 && sb[sb.Length - 1] != separator)
            {
                char prev = name[i - 1];
                bool nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(prev) || char.IsDigit(prev) || (char.IsUpper(prev) && nextIsLower))
                {
                    sb.Append(separator);
                }
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>The key the reader matches on: lower case without separators (see issue 3's key matching).</summary>
    public static string MatchKey(string name)
    {
        bool unchanged = true;
        foreach (char c in name)
        {
            if (c is '_' or '-' or ' ' or '.' || char.ToLowerInvariant(c) != c)
            {
                unchanged = false;
                break;
            }
        }

        if (unchanged)
        {
            return name;
        }

        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c != '_' && c != '-' && c != ' ' && c != '.')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
