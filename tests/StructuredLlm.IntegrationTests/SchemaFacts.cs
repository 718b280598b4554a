using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace StructuredLlm.IntegrationTests;

/// <summary>
/// Flattens a JSON Schema into facts per instance path (<c>$.lines[].quantity</c>, <c>$.shapes[]&lt;circle&gt;.radius</c>):
/// type, nullability and how it is written, required-ness, every constraint keyword, description, closedness,
/// and how references are written. $refs are followed (local "#", "#/$defs/..." and JSON pointers) until a
/// reference re-enters itself, which is recorded as a "recursive" fact. Two schemas of the same type can then be
/// compared fact by fact, independent of keyword order and of how each generator factors the document.
/// </summary>
public static class SchemaFacts
{
    private static readonly string[] ValueKeywords =
    [
        "format", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
        "minItems", "maxItems", "uniqueItems", "$comment", "propertyOrdering",
    ];

    public static SortedDictionary<string, SortedDictionary<string, string>> Extract(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        var root = document.RootElement;
        var facts = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("$schema", out var dialect))
        {
            Add(facts, "$", "$schema", dialect.GetString() ?? "");
        }
        Walk(root, root, "$", required: null, facts, ["#"]);
        return facts;
    }

    private static void Add(SortedDictionary<string, SortedDictionary<string, string>> facts, string path, string key, string value)
    {
        if (!facts.TryGetValue(path, out var atPath))
        {
            facts[path] = atPath = new SortedDictionary<string, string>(StringComparer.Ordinal);
        }
        atPath[key] = value;
    }

    private static void Walk(JsonElement root, JsonElement node, string path, bool? required,
        SortedDictionary<string, SortedDictionary<string, string>> facts, List<string> stack)
    {
        if (required is not null)
        {
            Add(facts, path, "required", required.Value ? "yes" : "no");
        }
        if (node.ValueKind != JsonValueKind.Object)
        {
            Add(facts, path, "schema", node.GetRawText());
            return;
        }
        if (node.TryGetProperty("description", out var description))
        {
            Add(facts, path, "description", description.GetString() ?? "");
        }

        if (node.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString() ?? "";
            if (target != "#" && !target.StartsWith("#/$defs/", StringComparison.Ordinal))
            {
                Add(facts, path, "refForm", "json-pointer");
            }
            if (stack.Contains(target) || (target == "#" && stack.Count > 0 && stack[0] == "#" && path != "$"))
            {
                Add(facts, path, "recursive", "yes");
                return;
            }
            stack.Add(target);
            Walk(root, Resolve(root, target), path, null, facts, stack);
            stack.RemoveAt(stack.Count - 1);
            return;
        }

        // Nullability, written as a type array or as an anyOf with a null branch.
        var nullable = false;
        var types = new List<string>();
        if (node.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.Array)
            {
                foreach (var t in type.EnumerateArray().Select(t => t.GetString() ?? ""))
                {
                    if (t == "null")
                    {
                        nullable = true;
                        Add(facts, path, "nullForm", "type-array");
                    }
                    else
                    {
                        types.Add(t);
                    }
                }
            }
            else
            {
                types.Add(type.GetString() ?? "");
            }
        }

        var branches = new List<JsonElement>();
        if (node.TryGetProperty("anyOf", out var anyOf))
        {
            foreach (var branch in anyOf.EnumerateArray())
            {
                if (branch.ValueKind == JsonValueKind.Object && branch.TryGetProperty("type", out var bt) && bt.ValueKind == JsonValueKind.String && bt.GetString() == "null" && branch.EnumerateObject().Count() == 1)
                {
                    nullable = true;
                    Add(facts, path, "nullForm", "anyOf");
                }
                else
                {
                    branches.Add(branch);
                }
            }
        }
        if (node.TryGetProperty("enum", out var enumValues) && enumValues.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null))
        {
            nullable = true;
        }
        if (nullable || !(facts.TryGetValue(path, out var known) && known.TryGetValue("nullable", out var wrapped) && wrapped == "yes"))
        {
            // A nullable wrapper's inner branch does not make the value non-nullable again.
            Add(facts, path, "nullable", nullable ? "yes" : "no");
        }
        if (types.Count > 0)
        {
            Add(facts, path, "type", string.Join("|", types));
        }

        if (node.TryGetProperty("enum", out enumValues))
        {
            Add(facts, path, "enum", string.Join(",", enumValues.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(Canonical).Order(StringComparer.Ordinal)));
        }
        if (node.TryGetProperty("const", out var constant))
        {
            Add(facts, path, "const", Canonical(constant));
        }
        foreach (var keyword in ValueKeywords)
        {
            if (node.TryGetProperty(keyword, out var value))
            {
                Add(facts, path, keyword, Canonical(value));
            }
        }

        if (branches.Count == 1)
        {
            // A nullable wrapper: the single non-null branch describes the value itself.
            Walk(root, branches[0], path, null, facts, stack);
        }
        else if (branches.Count > 1)
        {
            Add(facts, path, "union", "anyOf");
            foreach (var branch in branches)
            {
                Walk(root, branch, path + "<" + Discriminator(root, branch) + ">", null, facts, stack);
            }
        }

        var isObject = types.Contains("object") || node.TryGetProperty("properties", out _);
        if (isObject)
        {
            Add(facts, path, "additionalProperties", node.TryGetProperty("additionalProperties", out var additional)
                ? additional.ValueKind switch { JsonValueKind.False => "false", JsonValueKind.True => "true", _ => "schema" }
                : "absent");
            var requiredNames = node.TryGetProperty("required", out var r)
                ? r.EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
                : [];
            if (node.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    Walk(root, property.Value, path + "." + property.Name, requiredNames.Contains(property.Name), facts, stack);
                }
                // A union-level required list (names not declared at this level) is a fact of its own.
                var undeclared = requiredNames.Where(n => !properties.TryGetProperty(n, out _)).Order(StringComparer.Ordinal).ToArray();
                if (undeclared.Length > 0)
                {
                    Add(facts, path, "requiredUndeclared", string.Join(",", undeclared));
                }
            }
            else if (requiredNames.Count > 0)
            {
                Add(facts, path, "requiredUndeclared", string.Join(",", requiredNames.Order(StringComparer.Ordinal)));
            }
            if (node.TryGetProperty("additionalProperties", out var valueSchema) && valueSchema.ValueKind == JsonValueKind.Object)
            {
                Walk(root, valueSchema, path + "{}", null, facts, stack);
            }
        }
        if (node.TryGetProperty("items", out var items))
        {
            Walk(root, items, path + "[]", null, facts, stack);
        }
    }

    /// <summary>A value independent of how it was escaped or how a number was spelled (1 vs 1.0).</summary>
    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => JsonSerializer.Serialize(value.GetString(), UnescapedOptions),
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Canonical)) + "]",
        _ => value.GetRawText(),
    };

    private static readonly JsonSerializerOptions UnescapedOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The branch's discriminator value (a const or single-value enum property), else its index-free shape.</summary>
    private static string Discriminator(JsonElement root, JsonElement branch)
    {
        if (branch.TryGetProperty("$ref", out var reference))
        {
            branch = Resolve(root, reference.GetString() ?? "");
        }
        if (branch.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                if (property.Value.TryGetProperty("const", out var constant))
                {
                    return constant.ToString();
                }
                if (property.Value.TryGetProperty("enum", out var values) && values.GetArrayLength() == 1)
                {
                    return values[0].ToString();
                }
            }
        }
        return "?";
    }

    private static JsonElement Resolve(JsonElement root, string reference)
    {
        if (reference == "#")
        {
            return root;
        }
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Only local references are expected: " + reference);
        }
        var current = root;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current.ValueKind == JsonValueKind.Array
                ? current[int.Parse(name, CultureInfo.InvariantCulture)]
                : current.GetProperty(name);
        }
        return current;
    }
}
