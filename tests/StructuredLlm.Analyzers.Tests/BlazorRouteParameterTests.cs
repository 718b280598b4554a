using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>A Blazor component's <c>[Parameter]</c> that its <c>[Route]</c> template names is set from the page address.</summary>
public class BlazorRouteParameterTests
{
    private static string Code(string route, string parameter, string use) => Verify.Usings + $$"""
        {{route}}
        public class ChatPage : Microsoft.AspNetCore.Components.ComponentBase
        {
            [Microsoft.AspNetCore.Components.Parameter] public string {{parameter}} { get; set; } = "";
            [Microsoft.AspNetCore.Components.Inject] public IChatClient Chat { get; set; } = null!;
            async Task Send(string text) { await Chat.GetResponseAsync([new ChatMessage(ChatRole.System, {{use}}), new ChatMessage(ChatRole.User, text)]); }
        }
        """;

    [Theory]
    [InlineData("[Microsoft.AspNetCore.Components.Route(\"/chat/{Topic}\")]", "Topic", "{|SLLM1001:$\"Only discuss {Topic}.\"|}")]
    [InlineData("[Microsoft.AspNetCore.Components.Route(\"/chat\")][Microsoft.AspNetCore.Components.Route(\"/chat/{topic:alpha?}\")]", "Topic", "{|SLLM1001:\"Only discuss \" + Topic|}")]
    [InlineData("[Microsoft.AspNetCore.Components.Route(\"/docs/{*Path}\")]", "Path", "{|SLLM1001:Path|}")]
    public Task A_route_parameter_is_untrusted(string route, string parameter, string use) =>
        Verify.AnalyzerAsync(Code(route, parameter, use));

    [Theory]
    // a parameter the parent component sets, or a route that names another parameter
    [InlineData("", "Topic", "$\"Only discuss {Topic}.\"")]
    [InlineData("[Microsoft.AspNetCore.Components.Route(\"/chat/{TopicId:int}\")]", "Topic", "$\"Only discuss {Topic}.\"")]
    public Task Another_parameter_is_not(string route, string parameter, string use) =>
        Verify.AnalyzerAsync(Code(route, parameter, use));
}
