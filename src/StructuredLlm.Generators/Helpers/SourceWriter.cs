using System;
using System.Text;

namespace StructuredLlm.Generators.Helpers;

/// <summary>A StringBuilder with an indentation level; multi-line text is re-indented line by line.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _sb = new();
    private int _indent;

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
        WriteLine("}" + suffix);
    }

    public void WriteLine() => _sb.Append('\n');

    public void WriteLine(string text)
    {
        if (text.IndexOf('\n') < 0)
        {
            WriteIndentedLine(text);
            return;
        }

        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            WriteIndentedLine(line);
        }
    }

    private void WriteIndentedLine(string line)
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _sb.Append(IndentUnit);
            }

            _sb.Append(line);
        }

        _sb.Append('\n');
    }

    public override string ToString() => _sb.ToString();
}
