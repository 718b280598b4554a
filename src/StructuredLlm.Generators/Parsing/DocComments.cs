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
        if (!symbol.DeclaringSyntaxReferences.IsEmpty)
        {
            string? raw = FromTrivia(symbol, ct);
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

    private static string? FromTrivia(ISymbol symbol, CancellationToken ct)
    {
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax(ct);
            var sb = new StringBuilder();
            foreach (SyntaxTrivia trivia in node.GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                {
                    foreach (string rawLine in trivia.ToFullString().Split('\n'))
                    {
                        string line = rawLine.Trim();
                        if (line.StartsWith("///", StringComparison.Ordinal))
                        {
                            sb.Append(line.Substring(3)).Append('\n');
                        }
                    }
                }
            }

            if (sb.Length > 0)
            {
                return "<doc>" + sb + "</doc>";
            }
        }

        return null;
    }

    private static DocComments Parse(string xml)
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
        var collapsed = new StringBuilder(sb.Length);
        bool space = false;
        foreach (char c in sb.ToString())
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
                    if (child.Name.LocalName == "para" || child.Name.LocalName == "br")
                    {
                        sb.Append(' ');
                    }

                    AppendText(child, sb);
                    break;
            }
        }
    }
}
