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

    private DocComments(string? summary, Dictionary<string, string> parameters)
    {
        Summary = summary;
        Parameters = parameters;
    }

    public string? Summary { get; }

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
            return Empty;
        }

        string? summary = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (XElement element in root.Elements())
        {
            if (element.Name.LocalName == "summary" && summary is null)
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

        return new DocComments(summary, parameters);
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
                        int cut = Math.Max(reference.LastIndexOf('.'), reference.LastIndexOf(':'));
                        sb.Append(cut >= 0 && child.Attribute("href") is null ? reference.Substring(cut + 1) : reference);
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
        Dictionary<string, string>? parameters = null;
        foreach (object node in root.Children)
        {
            if (node is not SimpleXml.Element element)
            {
                continue;
            }

            if (element.Name == "summary" && summary is null)
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

        return summary is null && parameters is null ? Empty : new DocComments(summary, parameters ?? new Dictionary<string, string>(StringComparer.Ordinal));
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
                        int cut = Math.Max(reference.LastIndexOf('.'), reference.LastIndexOf(':'));
                        sb.Append(cut >= 0 && child.Attribute("href") is null ? reference.Substring(cut + 1) : reference);
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
