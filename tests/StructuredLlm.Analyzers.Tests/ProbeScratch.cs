using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

public class ProbeScratch
{
    [Fact]
    public async Task Probe()
    {
        var dir = Environment.GetEnvironmentVariable("APROBE_DIR");
        if (dir is null) return;
        var sb = new StringBuilder();
        foreach (var file in Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            var src = File.ReadAllText(file);
            var diags = await Verify.RunAsync(Verify.Usings + src, references: TestReferences.All);
            sb.AppendLine("== " + Path.GetFileName(file) + "   // " + src.Split('\n')[0]);
            foreach (var d in diags)
            {
                var line = d.Location.GetLineSpan().StartLinePosition.Line;
                sb.AppendLine($"  {d.Id} L{line}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }
        File.WriteAllText(Path.Combine(dir, "out.txt"), sb.ToString());
    }
}
