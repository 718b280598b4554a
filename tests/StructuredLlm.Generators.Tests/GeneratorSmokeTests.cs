using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StructuredLlm.Generators;

namespace StructuredLlm.Generators.Tests;

public class GeneratorSmokeTests
{
    [Fact]
    public void Generator_runs_on_empty_compilation_without_diagnostics()
    {
        var compilation = CSharpCompilation.Create("Empty", [CSharpSyntaxTree.ParseText("class C {}")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new StructuredLlmGenerator());
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        var result = driver.GetRunResult();
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Results[0].Exception);
    }
}
