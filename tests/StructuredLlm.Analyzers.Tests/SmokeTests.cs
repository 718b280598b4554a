using System.Linq;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

public class SmokeTests
{
    [Fact]
    public async Task Request_field_in_system_message_is_reported_with_source_and_sink()
    {
        var diagnostics = await Verify.RunAsync(Verify.Usings + """
            public record AskRequest(string CustomerMessage);
            public class Api
            {
                public IList<ChatMessage> Build([FromBody] AskRequest request) =>
                    new List<ChatMessage> { new ChatMessage(ChatRole.System, $"Help the customer. They said: {request.CustomerMessage}") };
            }
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal("SLLM1001", d.Id);
        Assert.Equal("'request.CustomerMessage' (HTTP request body) flows into the system message", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public class MarkupSmokeTests
{
    [Fact]
    public Task Markup_verification_runs_against_the_real_packages() =>
        Verify.AnalyzerAsync(Verify.Usings + """
            class C
            {
                void M(ChatHistory history)
                {
                    var input = Console.ReadLine();
                    history.AddSystemMessage({|SLLM1001:"Answer about: " + input|});
                }
            }
            """);
}
