using System;
using System.Text;

namespace StructuredLlm.Generators.Helpers;

/// <summary>
/// A StringBuilder with an indentation level; multi-line text is re-indented line by line. Lines are appended as
/// slices of the given text (no Split, no per-line strings): generated files are large and built for every type.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _sb;
    private int _indent;

    public SourceWriter(int capacity = 256, int indent = 0)
    {
        _sb = new StringBuilder(capacity);
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
        int end = _sb.Length;
        while (end > 0 && _sb[end - 1] == '\n')
        {
            end--;
        }

        _sb.Length = end;
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
    public void Prepend(string text) => _sb.Insert(0, text);

    /// <summary>Starts a line piece by piece: the indentation, then <see cref="Append(string)"/>, then <see cref="WriteLine()"/>.</summary>
    public StringBuilder BeginLine()
    {
        AppendIndent();
        return _sb;
    }

    public void Append(string text) => _sb.Append(text);

    public override string ToString() => _sb.ToString();
}
