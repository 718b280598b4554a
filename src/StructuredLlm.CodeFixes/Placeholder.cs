namespace StructuredLlm.CodeFixes;

internal static class CodeFixAssembly
{
}
