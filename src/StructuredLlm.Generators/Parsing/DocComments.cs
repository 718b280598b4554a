using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StructuredLlm.Generators.Parsing;

/// <summary>
/// Reads <c>summary</c> and <c>param</c> text from XML doc comments. Uses the compiler's documentation XML when
/// available and otherwise the raw <c>///</c> trivia (projects without GenerateDocumentationFile parse no docs).
/// </summary>
internal sealed class DocComments
{
    private static readonly DocComments Empty = new(null, new Dictionary<string, string>(StringComparer.Ordinal));

    private DocComments(string? summary, Dictionary<string, string> parameters, bool inheritDoc = false, string? inheritCref = null)
    {
        Summary = summary;
        Parameters = parameters;
        InheritDoc = inheritDoc;
        InheritCref = inheritCref;
    }

    public string? Summary { get; }

    /// <summary>A top-level <c>&lt;inheritdoc/&gt;</c>: the text comes from the overridden or implemented member.</summary>
    public bool InheritDoc { get; }

    /// <summary>The <c>cref</c> of a top-level <c>&lt;inheritdoc cref="..."/&gt;</c>, as written (source) or as an ID (metadata).</summary>
    public string? InheritCref { get; }

    public Dictionary<string, string> Parameters { get; }

    public static DocComments For(ISymbol symbol, CancellationToken ct)
    {
        // Source symbols: read the /// trivia directly. It is cheaper than the compiler's documentation pipeline and
        // works whatever the project's DocumentationMode. Metadata symbols: ask the compiler (the referenced XML file).
        System.Collections.Immutable.ImmutableArray<SyntaxReference> references = symbol.DeclaringSyntaxReferences;
        if (!references.IsEmpty)
        {
            string? raw = FromTrivia(references, ct);
            return string.IsNullOrWhiteSpace(raw) ? Empty : Parse(raw!);
        }

        string? xml = null;
        try
        {
            xml = symbol.GetDocumentationCommentXml(cancellationToken: ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            xml = null;
        }

        return string.IsNullOrWhiteSpace(xml) ? Empty : Parse(xml!);
    }

    private static string? FromTrivia(System.Collections.Immutable.ImmutableArray<SyntaxReference> references, CancellationToken ct)
    {
        foreach (SyntaxReference reference in references)
        {
            SyntaxNode node = reference.GetSyntax(ct);
            if (!node.HasLeadingTrivia)
            {
                continue;
            }

            StringBuilder? sb = null;
            foreach (SyntaxTrivia trivia in node.GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                {
                    sb ??= new StringBuilder();
                    // Each line trimmed; the text after "///" of each doc line (slices, no per-line strings).
                    string text = trivia.ToFullString();
                    int start = 0;
                    while (start <= text.Length)
                    {
                        int newline = text.IndexOf('\n', start);
                        int end = newline < 0 ? text.Length : newline;
                        int first = start, last = end;
                        while (first < last && char.IsWhiteSpace(text[first]))
                        {
                            first++;
                        }

                        while (last > first && char.IsWhiteSpace(text[last - 1]))
                        {
                            last--;
                        }

                        if (last - first >= 3 && string.CompareOrdinal(text, first, "///", 0, 3) == 0)
                        {
                            sb.Append(text, first + 3, last - first - 3).Append('\n');
                        }

                        if (newline < 0)
                        {
                            break;
                        }

                        start = newline + 1;
                    }
                }
            }

            if (sb is { Length: > 0 })
            {
                return "<doc>" + sb + "</doc>";
            }
        }

        return null;
    }

    internal static DocComments Parse(string xml) => SimpleXml.TryParse(xml) is { } simple ? FromSimple(simple) : ParseWithXmlReader(xml);

    /// <summary>
    /// The name a reference reads as: a <c>cref</c>'s member or type name without its namespace, containing type or
    /// parameter list (<c>M(System.String)</c> → <c>M</c>, <c>List{T}.Add(T)</c> → <c>Add</c>, <c>M:N.C.M``1(``0)</c> →
    /// <c>M</c>) or type arguments (<c>List{T}</c> and <c>T:N.List`1</c> → <c>List</c>), so source and compiled
    /// documentation read alike; a <c>langword</c> or <c>name</c> as written.
    /// </summary>
    private static readonly char[] GenericStarts = { '{', '<', '`' };

    internal static string ReferenceName(string reference)
    {
        string name = reference;
        int paren = name.IndexOf('(');
        if (paren > 0)
        {
            name = name.Substring(0, paren);
        }

        // The last segment outside generic braces (`Dictionary{System.String, T}` keeps its argument list).
        int depth = 0, cut = -1;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '{' || c == '<')
            {
                depth++;
            }
            else if ((c == '}' || c == '>') && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && (c == '.' || c == ':'))
            {
                cut = i;
            }
        }

        name = name.Substring(cut + 1);
        int arity = name.IndexOfAny(GenericStarts);
        if (arity > 0)
        {
            name = name.Substring(0, arity);
        }

        return name.Length == 0 ? reference : name;
    }

    /// <summary>The doc comment read through <see cref="XElement"/>: every shape the simple reader declines.</summary>
    internal static DocComments ParseWithXmlReader(string xml)
    {
        XElement root;
        try
        {
            root = XElement.Parse(xml.Trim().StartsWith("<doc", StringComparison.Ordinal) || xml.Trim().StartsWith("<member", StringComparison.Ordinal) ? xml : "<doc>" + xml + "</doc>", LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return Lenient(xml);
        }

        string? summary = null;
        bool inherit = false;
        string? cref = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (XElement element in root.Elements())
        {
            if (element.Name.LocalName == "inheritdoc")
            {
                inherit = true;
                cref ??= element.Attribute("cref")?.Value;
            }
            else if (element.Name.LocalName == "summary" && summary is null)
            {
                summary = Normalize(element);
            }
            else if (element.Name.LocalName == "param" && element.Attribute("name")?.Value is { } name && !parameters.ContainsKey(name))
            {
                string? text = Normalize(element);
                if (text is not null)
                {
                    parameters.Add(name, text);
                }
            }
        }

        return new DocComments(summary, parameters, inherit, cref);
    }

    // ---------------------------------------------------------------- comments that are not well-formed XML

    // The compiler only warns (CS1570, and only with documentation generation on) about a comment that is not
    // well-formed: `1 < 5`, `A & B`, `List<string>`, a misspelt closing tag. Its text is still the instruction the
    // author wrote for the model, so it is read as text: the summary and each param up to their closing tag (or the next
    // top-level tag), known doc tags turned into text as above, anything else that looks like markup kept as written.
    private static readonly HashSet<string> KnownTags = new(StringComparer.Ordinal)
    {
        "see", "seealso", "paramref", "typeparamref", "c", "code", "para", "br", "b", "i", "em", "strong", "u", "a",
        "list", "item", "term", "description", "listheader", "summary", "param", "remarks", "returns", "value", "example",
        "exception", "typeparam", "inheritdoc", "include", "doc", "member",
    };

    private static readonly string[] TopLevelTags = { "<summary", "<param ", "<param>", "<remarks", "<returns", "<value", "<example", "<exception", "<typeparam", "</doc>", "</member>" };

    internal static DocComments Lenient(string xml)
    {
        string? summary = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        int pos = 0;
        while (pos < xml.Length)
        {
            int open = xml.IndexOf('<', pos);
            if (open < 0)
            {
                break;
            }

            int tagEnd = xml.IndexOf('>', open);
            if (tagEnd < 0)
            {
                break;
            }

            string tag = xml.Substring(open + 1, tagEnd - open - 1);
            string? name = TagName(tag);
            if ((name != "summary" && name != "param") || tag.EndsWith("/", StringComparison.Ordinal))
            {
                pos = open + 1;
                continue;
            }

            int contentStart = tagEnd + 1;
            int close = xml.IndexOf("</" + name, contentStart, StringComparison.Ordinal);
            int next = NextTopLevelTag(xml, contentStart);
            int contentEnd = close >= 0 && (next < 0 || close <= next) ? close : next >= 0 ? next : xml.Length;
            string? text = LenientText(xml, contentStart, contentEnd);
            if (name == "summary")
            {
                summary ??= text;
            }
            else if (text is not null && Attribute(tag, "name") is { Length: > 0 } paramName && !parameters.ContainsKey(paramName))
            {
                parameters.Add(paramName, text);
            }

            pos = Math.Max(contentEnd, open + 1);
        }

        return summary is null && parameters.Count == 0 ? Empty : new DocComments(summary, parameters);
    }

    private static int NextTopLevelTag(string xml, int from)
    {
        int best = -1;
        foreach (string t in TopLevelTags)
        {
            int at = xml.IndexOf(t, from, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        return best;
    }

    private static string? LenientText(string xml, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        int i = start;
        while (i < end)
        {
            char c = xml[i];
            if (c == '<' && xml.IndexOf('>', i, end - i) is var gt and > 0 && TagName(xml.Substring(i + 1, gt - i - 1)) is { } name && KnownTags.Contains(name))
            {
                string tag = xml.Substring(i + 1, gt - i - 1);
                bool closing = tag.StartsWith("/", StringComparison.Ordinal);
                if (tag.EndsWith("/", StringComparison.Ordinal) || name is "see" or "seealso" or "paramref" or "typeparamref")
                {
                    if (!closing && (Attribute(tag, "cref") ?? Attribute(tag, "langword") ?? Attribute(tag, "name") ?? Attribute(tag, "href")) is { } reference)
                    {
                        sb.Append(Attribute(tag, "href") is null ? ReferenceName(reference) : reference);
                    }
                }
                else if (closing)
                {
                    EndBlock(name, sb);
                }
                else
                {
                    BeginBlock(name, sb);
                }

                i = gt + 1;
            }
            else if (c == '&' && Entity(xml, i, end, out char decoded, out int length))
            {
                sb.Append(decoded);
                i += length;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return Collapse(sb.ToString());
    }

    /// <summary>The element name of a tag's text (<c>/see</c>, <c>param name="a"</c>), or null when it is not one.</summary>
    private static string? TagName(string tag)
    {
        int i = tag.StartsWith("/", StringComparison.Ordinal) ? 1 : 0;
        int start = i;
        while (i < tag.Length && (char.IsLetterOrDigit(tag[i]) || tag[i] is '_' or '-' or ':'))
        {
            i++;
        }

        if (i == start || !char.IsLetter(tag[start]) || (i < tag.Length && !char.IsWhiteSpace(tag[i]) && tag[i] != '/'))
        {
            return null;
        }

        return tag.Substring(start, i - start);
    }

    private static string? Attribute(string tag, string name)
    {
        int at = 0;
        while ((at = tag.IndexOf(name, at, StringComparison.Ordinal)) > 0)
        {
            int eq = at + name.Length;
            while (eq < tag.Length && tag[eq] == ' ')
            {
                eq++;
            }

            if (char.IsWhiteSpace(tag[at - 1]) && eq + 1 < tag.Length && tag[eq] == '=' )
            {
                int q = eq + 1;
                while (q < tag.Length && tag[q] == ' ')
                {
                    q++;
                }

                if (q < tag.Length && tag[q] is '"' or '\'')
                {
                    int endQuote = tag.IndexOf(tag[q], q + 1);
                    if (endQuote > q)
                    {
                        return tag.Substring(q + 1, endQuote - q - 1);
                    }
                }
            }

            at += name.Length;
        }

        return null;
    }

    /// <summary>One of XML's five named entities or a character reference at <paramref name="i"/>.</summary>
    private static bool Entity(string xml, int i, int end, out char decoded, out int length)
    {
        decoded = '\0';
        length = 0;
        int semi = xml.IndexOf(';', i, Math.Min(end - i, 10));
        if (semi < 0)
        {
            return false;
        }

        string name = xml.Substring(i + 1, semi - i - 1);
        length = semi - i + 1;
        switch (name)
        {
            case "lt": decoded = '<'; return true;
            case "gt": decoded = '>'; return true;
            case "amp": decoded = '&'; return true;
            case "quot": decoded = '"'; return true;
            case "apos": decoded = '\''; return true;
        }

        if (name.Length > 1 && name[0] == '#')
        {
            bool hex = name[1] is 'x' or 'X';
            if (int.TryParse(hex ? name.Substring(2) : name.Substring(1), hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out int code) && code is > 0 and < 0xD800 or > 0xDFFF and < 0x10000)
            {
                decoded = (char)code;
                return true;
            }
        }

        return false;
    }

    private static string? Normalize(XElement element)
    {
        var sb = new StringBuilder();
        AppendText(element, sb);
        return Collapse(sb.ToString());
    }

    private static void AppendText(XElement element, StringBuilder sb)
    {
        foreach (XNode node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    sb.Append(text.Value);
                    break;
                case XElement child when !child.Nodes().GetEnumerator().MoveNext():
                    string? reference = child.Attribute("cref")?.Value ?? child.Attribute("langword")?.Value
                        ?? child.Attribute("name")?.Value ?? child.Attribute("href")?.Value;
                    if (reference is not null)
                    {
                        sb.Append(child.Attribute("href") is null ? ReferenceName(reference) : reference);
                    }

                    break;
                case XElement child:
                    BeginBlock(child.Name.LocalName, sb);
                    AppendText(child, sb);
                    EndBlock(child.Name.LocalName, sb);
                    break;
            }
        }
    }

    // ---------------------------------------------------------------- the common case without an XmlReader

    // Doc comments are almost always a few elements, attributes and text. An XmlReader allocates kilobytes of buffers
    // and name tables per comment, and this runs in the parse step (for every type on every edit). SimpleXml reads
    // that subset and gives up (null) on anything else (comments, CDATA, prefixes, unknown entities, malformed text),
    // which then goes through XElement exactly as before, so the result is the same either way.
    private static DocComments FromSimple(SimpleXml.Element root)
    {
        string? summary = null;
        bool inherit = false;
        string? cref = null;
        Dictionary<string, string>? parameters = null;
        foreach (object node in root.Children)
        {
            if (node is not SimpleXml.Element element)
            {
                continue;
            }

            if (element.Name == "inheritdoc")
            {
                inherit = true;
                cref ??= element.Attribute("cref");
            }
            else if (element.Name == "summary" && summary is null)
            {
                summary = Normalize(element);
            }
            else if (element.Name == "param" && element.Attribute("name") is { } name && (parameters is null || !parameters.ContainsKey(name)))
            {
                string? text = Normalize(element);
                if (text is not null)
                {
                    (parameters ??= new Dictionary<string, string>(StringComparer.Ordinal)).Add(name, text);
                }
            }
        }

        return summary is null && parameters is null && !inherit ? Empty : new DocComments(summary, parameters ?? new Dictionary<string, string>(StringComparer.Ordinal), inherit, cref);
    }

    private static string? Normalize(SimpleXml.Element element)
    {
        var sb = new StringBuilder();
        AppendText(element, sb);
        return Collapse(sb.ToString());
    }

    private static void AppendText(SimpleXml.Element element, StringBuilder sb)
    {
        foreach (object node in element.Children)
        {
            switch (node)
            {
                case string text:
                    sb.Append(text);
                    break;
                case SimpleXml.Element { Children.Count: 0 } child:
                    string? reference = child.Attribute("cref") ?? child.Attribute("langword") ?? child.Attribute("name") ?? child.Attribute("href");
                    if (reference is not null)
                    {
                        sb.Append(child.Attribute("href") is null ? ReferenceName(reference) : reference);
                    }

                    break;
                case SimpleXml.Element child:
                    BeginBlock(child.Name, sb);
                    AppendText(child, sb);
                    EndBlock(child.Name, sb);
                    break;
            }
        }
    }

    /// <summary>
    /// Block elements keep their text apart on one line: a paragraph or line break starts after a space, each list item
    /// after " - ", and an item's term is followed by ": " before its description.
    /// </summary>
    private static void BeginBlock(string name, StringBuilder sb)
    {
        switch (name)
        {
            case "para":
            case "br":
            case "list":
                sb.Append(' ');
                break;
            case "item":
            case "listheader":
                sb.Append(" - ");
                break;
        }
    }

    private static void EndBlock(string name, StringBuilder sb)
    {
        switch (name)
        {
            case "term":
                sb.Append(": ");
                break;
            case "para":
            case "list":
            case "item":
            case "listheader":
                sb.Append(' ');
                break;
        }
    }

    private static string? Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            collapsed.Append(c);
        }

        return collapsed.Length == 0 ? null : collapsed.ToString();
    }

    /// <summary>A reader for the plain subset of XML that doc comments use; null for anything outside it.</summary>
    internal static class SimpleXml
    {
        internal sealed class Element
        {
            public Element(string name) => Name = name;

            public string Name { get; }

            /// <summary>Text (<see cref="string"/>, never empty) and <see cref="Element"/> nodes in document order.</summary>
            public List<object> Children { get; } = new();

            public List<KeyValuePair<string, string>>? Attributes { get; set; }

            public string? Attribute(string name)
            {
                if (Attributes is not null)
                {
                    foreach (KeyValuePair<string, string> a in Attributes)
                    {
                        if (a.Key == name)
                        {
                            return a.Value;
                        }
                    }
                }

                return null;
            }
        }

        /// <summary>
        /// Reads <paramref name="xml"/> like <c>DocComments</c> does: a document whose root is <c>&lt;doc&gt;</c> or
        /// <c>&lt;member&gt;</c> as is, anything else as the content of a <c>&lt;doc&gt;</c> root.
        /// </summary>
        public static Element? TryParse(string xml)
        {
            string trimmed = xml.TrimStart();
            int pos = 0;
            if (trimmed.StartsWith("<doc", StringComparison.Ordinal) || trimmed.StartsWith("<member", StringComparison.Ordinal))
            {
                SkipWhitespace(xml, ref pos);
                Element? root = ReadElement(xml, ref pos);
                if (root is null)
                {
                    return null;
                }

                SkipWhitespace(xml, ref pos);
                return pos == xml.Length ? root : null;
            }

            var wrapper = new Element("doc");
            return ReadContent(xml, ref pos, wrapper) && pos == xml.Length ? wrapper : null;
        }

        // At '<' of a start tag; on success, after its end tag.
        private static Element? ReadElement(string xml, ref int pos)
        {
            if (pos >= xml.Length || xml[pos] != '<')
            {
                return null;
            }

            pos++;
            string? name = ReadName(xml, ref pos);
            if (name is null)
            {
                return null;
            }

            var element = new Element(name);
            while (true)
            {
                bool hadSpace = SkipWhitespace(xml, ref pos);
                if (pos >= xml.Length)
                {
                    return null;
                }

                if (xml[pos] == '/')
                {
                    if (pos + 1 < xml.Length && xml[pos + 1] == '>')
                    {
                        pos += 2;
                        return element;
                    }

                    return null;
                }

                if (xml[pos] == '>')
                {
                    pos++;
                    break;
                }

                if (!hadSpace)
                {
                    return null;
                }

                string? attributeName = ReadName(xml, ref pos);
                if (attributeName is null || element.Attribute(attributeName) is not null)
                {
                    return null;
                }

                SkipWhitespace(xml, ref pos);
                if (pos >= xml.Length || xml[pos] != '=')
                {
                    return null;
                }

                pos++;
                SkipWhitespace(xml, ref pos);
                if (pos >= xml.Length || (xml[pos] != '"' && xml[pos] != '\''))
                {
                    return null;
                }

                char quote = xml[pos++];
                int end = xml.IndexOf(quote, pos);
                if (end < 0)
                {
                    return null;
                }

                string? value = Decode(xml, pos, end, attribute: true);
                if (value is null)
                {
                    return null;
                }

                pos = end + 1;
                (element.Attributes ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(attributeName, value));
            }

            if (!ReadContent(xml, ref pos, element))
            {
                return null;
            }

            // At "</": the end tag must close this element.
            if (pos + 1 >= xml.Length || xml[pos] != '<' || xml[pos + 1] != '/')
            {
                return null;
            }

            pos += 2;
            if (ReadName(xml, ref pos) != name)
            {
                return null;
            }

            SkipWhitespace(xml, ref pos);
            if (pos >= xml.Length || xml[pos] != '>')
            {
                return null;
            }

            pos++;
            return element;
        }

        // Reads text and child elements until "</" (left unread) or the end of the input.
        private static bool ReadContent(string xml, ref int pos, Element parent)
        {
            while (pos < xml.Length)
            {
                int lt = xml.IndexOf('<', pos);
                int end = lt < 0 ? xml.Length : lt;
                if (end > pos)
                {
                    string? text = Decode(xml, pos, end, attribute: false);
                    if (text is null)
                    {
                        return false;
                    }

                    parent.Children.Add(text);
                    pos = end;
                }

                if (lt < 0)
                {
                    return true;
                }

                if (lt + 1 < xml.Length && xml[lt + 1] == '/')
                {
                    return true;
                }

                Element? child = ReadElement(xml, ref pos);
                if (child is null)
                {
                    return false;
                }

                parent.Children.Add(child);
            }

            return true;
        }

        // Letters, digits, '_', '-' and '.'; no prefixes (':' goes to the full parser).
        private static string? ReadName(string xml, ref int pos)
        {
            int start = pos;
            if (pos >= xml.Length || !(char.IsLetter(xml[pos]) || xml[pos] == '_'))
            {
                return null;
            }

            while (pos < xml.Length && (char.IsLetterOrDigit(xml[pos]) || xml[pos] is '_' or '-' or '.'))
            {
                pos++;
            }

            if (pos < xml.Length && xml[pos] == ':')
            {
                return null;
            }

            return xml.Substring(start, pos - start);
        }

        private static bool SkipWhitespace(string xml, ref int pos)
        {
            int start = pos;
            while (pos < xml.Length && xml[pos] is ' ' or '\n' or '\t' or '\r')
            {
                pos++;
            }

            return pos > start;
        }

        // Text or an attribute value with the five predefined entities and character references decoded. Null for
        // anything the XML reader would treat differently: other entities, "]]>", control characters, a carriage return
        // (line-end normalisation), whitespace in an attribute value (value normalisation), '<' in an attribute value.
        private static string? Decode(string xml, int start, int end, bool attribute)
        {
            int amp = xml.IndexOf('&', start, end - start);
            for (int i = start; i < end; i++)
            {
                char c = xml[i];
                if (c == '\r' || (c < 0x20 && c != '\n' && c != '\t') || c == '\uFFFE' || c == '\uFFFF' || char.IsSurrogate(c)
                    || (attribute && (c is '<' or '\n' or '\t'))
                    || (c == '>' && i >= start + 2 && xml[i - 1] == ']' && xml[i - 2] == ']'))
                {
                    return null;
                }
            }

            if (amp < 0)
            {
                return xml.Substring(start, end - start);
            }

            var sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++)
            {
                char c = xml[i];
                if (c != '&')
                {
                    sb.Append(c);
                    continue;
                }

                int semicolon = xml.IndexOf(';', i, end - i);
                if (semicolon < 0)
                {
                    return null;
                }

                string entity = xml.Substring(i + 1, semicolon - i - 1);
                switch (entity)
                {
                    case "lt": sb.Append('<'); break;
                    case "gt": sb.Append('>'); break;
                    case "amp": sb.Append('&'); break;
                    case "quot": sb.Append('"'); break;
                    case "apos": sb.Append('\''); break;
                    default:
                        return null;
                }

                i = semicolon;
            }

            return sb.ToString();
        }
    }
}
