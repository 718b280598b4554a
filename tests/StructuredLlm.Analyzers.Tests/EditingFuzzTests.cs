using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// Code as it is being typed: every prefix of realistic files (cut every few characters), and the same files with one
/// character deleted or an extra parenthesis, analyzed as the IDE would. None may make the analyzer throw (AD0001).
/// </summary>
public class EditingFuzzTests
{
    private const string Service = """
        public interface IAssistant { Task<string> AskAsync(string persona, string question); }
        public sealed class Assistant(IChatClient chat) : IAssistant
        {
            public async Task<string> AskAsync(string persona, string question)
            {
                var sb = new StringBuilder($"You are {persona}.");
                AddRules(sb, question);
                var messages = new List<ChatMessage> { new(ChatRole.System, sb.ToString()), new(ChatRole.User, question) };
                return (await chat.GetResponseAsync(messages, new ChatOptions { Instructions = "Be brief: " + persona })).Text;
            }
            static void AddRules(StringBuilder sb, string rules) => sb.Append(Prompt.Untrusted(rules));
        }
        public record AskBody(string Persona, string Question);
        public class AskController(IAssistant assistant) : ControllerBase
        {
            [HttpPost] public Task<string> Ask([FromBody] AskBody body) => assistant.AskAsync(body.Persona, body.Question);
        }
        """;

    private const string MinimalApi = """
        public static class Api
        {
            public static void Map(WebApplication app, Kernel kernel)
            {
                app.MapPost("/chat", async (HttpRequest request, ChatHistory history) =>
                {
                    var text = await new StreamReader(request.Body).ReadToEndAsync();
                    history.AddSystemMessage(string.Format("Context: {0}", text));
                    await kernel.InvokePromptAsync($"Summarize {text}", new KernelArguments { ["x"] = text });
                    foreach (var line in text.Split('\n')) { history.AddUserMessage(line); }
                    return Results.Ok();
                });
            }
        }
        """;

    [Theory]
    [InlineData(nameof(Service))]
    [InlineData(nameof(MinimalApi))]
    public async Task Partial_and_broken_edits_never_crash_the_analyzer(string name)
    {
        var body = name == nameof(Service) ? Service : MinimalApi;
        for (var cut = 0; cut < body.Length; cut += 13)
        {
            foreach (var variant in new[] { body.Substring(0, cut), body.Remove(cut, 1), body.Insert(cut, "(") })
            {
                var diagnostics = await Verify.RunAsync(Verify.Usings + variant, TestReferences.All);
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            }
        }
    }
}
