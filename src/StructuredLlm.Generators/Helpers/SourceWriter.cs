using System;
using System.Text;

namespace StructuredLlm.Generators.Helpers;

/// <summary>
/// A text buffer (<see cref="SegmentedText"/>) with an indentation level; multi-line text is re-indented line by line. Lines are appended as
/// slices of the given text (no Split, no per-line strings): generated files are large and built for every type.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly SegmentedText _sb;
    private int _indent;

    /// <param name="capacity">The first chunk's size.</param>
    /// <param name="indent">The starting indentation level.</param>
    /// <param name="blocks">For the text of a generated file: the pool its bytes are written into (see <see cref="TextBlockPool"/>).</param>
    public SourceWriter(int capacity = 256, int indent = 0, TextBlockPool? blocks = null)
    {
        _sb = new SegmentedText(capacity, blocks);
        _indent = indent;
    }

    public int Length => _sb.Length;

    public void Indent() => _indent++;

    public void Unindent() => _indent = Math.Max(0, _indent - 1);

    public void OpenBrace()
    {
        WriteLine("{");
        Indent();
    }

    public void CloseBrace(string suffix = "")
    {
        Unindent();
        if (suffix.Length == 0)
        {
            WriteLine("}");
            return;
        }

        AppendIndent();
        _sb.Append('}').Append(suffix).Append('\n');
    }

    public void WriteLine() => _sb.Append('\n');

    public void WriteLine(string text) => WriteLines(text, text.Length);

    /// <summary>
    /// Same as <c>WriteLine(a + b)</c> without building the line first: the pieces go straight into the builder (a line
    /// built by concatenation is garbage as soon as it is copied, and emitters write hundreds of lines per type).
    /// </summary>
    public void WriteLine(string a, string b)
    {
        if (HasNewline(a) || HasNewline(b))
        {
            WriteLine(a + b);
            return;
        }

        BeginPieces(a.Length + b.Length).Append(a).Append(b).Append('\n');
    }

    /// <inheritdoc cref="WriteLine(string, string)"/>
    public void WriteLine(string a, string b, string c)
    {
        if (HasNewline(a) || HasNewline(b) || HasNewline(c))
        {
            WriteLine(a + b + c);
            return;
        }

        BeginPieces(a.Length + b.Length + c.Length).Append(a).Append(b).Append(c).Append('\n');
    }

    /// <inheritdoc cref="WriteLine(string, string)"/>
    public void WriteLine(string a, string b, string c, string d)
    {
        if (HasNewline(a) || HasNewline(b) || HasNewline(c) || HasNewline(d))
        {
            WriteLine(a + b + c + d);
            return;
        }

        BeginPieces(a.Length + b.Length + c.Length + d.Length).Append(a).Append(b).Append(c).Append(d).Append('\n');
    }

    /// <inheritdoc cref="WriteLine(string, string)"/>
    public void WriteLine(string a, string b, string c, string d, string e, params string[] more)
    {
        bool newline = HasNewline(a) || HasNewline(b) || HasNewline(c) || HasNewline(d) || HasNewline(e);
        int length = a.Length + b.Length + c.Length + d.Length + e.Length;
        foreach (string piece in more)
        {
            newline |= HasNewline(piece);
            length += piece.Length;
        }

        if (newline)
        {
            WriteLine(a + b + c + d + e + string.Concat(more));
            return;
        }

        SegmentedText sb = BeginPieces(length).Append(a).Append(b).Append(c).Append(d).Append(e);
        foreach (string piece in more)
        {
            sb.Append(piece);
        }

        sb.Append('\n');
    }

    private static bool HasNewline(string text) => text.IndexOf('\n') >= 0;

    // The indentation of a line of `length` characters (none for an empty line, as WriteLine does).
    private SegmentedText BeginPieces(int length)
    {
        if (length > 0)
        {
            AppendIndent();
        }

        return _sb;
    }

    /// <summary>Same as <c>WriteLine(text.TrimEnd('\n'))</c> without the copy.</summary>
    public void WriteLineTrimEnd(string text)
    {
        int end = text.Length;
        while (end > 0 && text[end - 1] == '\n')
        {
            end--;
        }

        WriteLines(text, end);
    }

    /// <summary>Removes trailing newlines (as <c>TrimEnd('\n')</c> would on the text).</summary>
    public void TrimEndNewlines()
    {
        while (_sb.Length > 0 && _sb.Last == '\n')
        {
            _sb.RemoveLast();
        }
    }

    // Every line of text[0, end) (split on '\n', a "\r\n" counting as one break), indented unless empty.
    private void WriteLines(string text, int end)
    {
        int start = 0;
        while (true)
        {
            int newline = end == 0 ? -1 : text.IndexOf('\n', start, end - start);
            if (newline < 0)
            {
                WriteIndentedLine(text, start, end);
                return;
            }

            int lineEnd = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
            WriteIndentedLine(text, start, lineEnd);
            start = newline + 1;
        }
    }

    private void WriteIndentedLine(string text, int start, int end)
    {
        if (end > start)
        {
            AppendIndent();
            _sb.Append(text, start, end - start);
        }

        _sb.Append('\n');
    }

    private void AppendIndent()
    {
        for (int i = 0; i < _indent; i++)
        {
            _sb.Append(IndentUnit);
        }
    }

    /// <summary>Puts <paramref name="text"/> before everything written so far (a header known only at the end).</summary>
    public void Prepend(string text) => _sb.Prepend(text);

    /// <summary>Puts everything <paramref name="header"/> holds before everything written so far, without copying it; <paramref name="header"/> must not be written to afterwards.</summary>
    public void Prepend(SourceWriter header) => _sb.Prepend(header._sb);

    /// <summary>Starts a line piece by piece: the indentation, then <see cref="Append(string)"/>, then <see cref="WriteLine()"/>.</summary>
    public SegmentedText BeginLine()
    {
        AppendIndent();
        return _sb;
    }

    public void Append(string text) => _sb.Append(text);

    public override string ToString() => _sb.ToString();

    /// <summary>The text for <c>AddSource</c>, without copying it into a string first.</summary>
    public Microsoft.CodeAnalysis.Text.SourceText ToSourceText() => _sb.ToSourceText();
}
