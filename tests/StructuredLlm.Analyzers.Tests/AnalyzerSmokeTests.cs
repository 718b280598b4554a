namespace StructuredLlm.Analyzers.Tests;

public class AnalyzerSmokeTests
{
    [Fact]
    public void Help_links_point_at_docs()
    {
        Assert.EndsWith("docs/diagnostics/", DiagnosticDescriptors.HelpLinkBase, System.StringComparison.Ordinal);
    }
}
