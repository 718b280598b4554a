using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// The general rules session 25's held-out probe (<see cref="HeldOutProbe25Tests"/>) found missing: Semantic Kernel
/// agents' per-invocation instructions and string messages as sinks, a tool result or other text-source object read
/// from a property and written as text, values of a configured source type deconstructed or looped over whole (a loop
/// deconstructing records is HeldOutProbe25Tests' snippet 37), and
/// route values read through MVC's <c>RouteData</c> or <c>HttpContext.GetRouteValue</c>.
/// </summary>
public class Probe25FixTests
{
    private const string RagConfig = "structuredllm.prompt_injection.extra_sources = T:KbChunk\n";

    [Fact]
    public Task Agent_additional_instructions_are_instructions() => Verify.AgentsAnalyzerAsync(Verify.Usings + """
        using Microsoft.SemanticKernel.Agents;
        public class Api(ChatCompletionAgent agent) {
            public async Task Ask([FromQuery] string locale, [FromBody] string q) {
                var options = new AgentInvokeOptions { AdditionalInstructions = {|SLLM1001:$"Reply in the locale {locale}."|} };
                await foreach (var _ in agent.InvokeAsync(q, options: options)) { }
                await foreach (var _ in agent.InvokeAsync(q, options: new() { AdditionalInstructions = "Cite sources." })) { } } }
        """, null);

    [Fact]
    public Task Agent_string_message_is_a_user_message() => Verify.AgentsAnalyzerAsync(Verify.Usings + """
        using Microsoft.SemanticKernel.Agents;
        public class Api(ChatCompletionAgent agent) {
            public async Task Ask([FromBody] string q, AgentThread thread) {
                await foreach (var _ in agent.InvokeAsync(q, thread)) { }
                await foreach (var _ in agent.InvokeAsync({|SLLM1002:"Answer for a child: " + q|}, thread)) { }
                await foreach (var _ in agent.InvokeStreamingAsync(message: {|SLLM1002:$"Translate: {q}"|})) { } } }
        """, null);

    [Fact]
    public Task Agent_instructions_from_the_request_are_instructions() => Verify.AgentsAnalyzerAsync(Verify.Usings + """
        using Microsoft.SemanticKernel.Agents;
        public class Api(Kernel kernel) {
            public ChatCompletionAgent Create([FromQuery] string persona) =>
                new() { Kernel = kernel, Instructions = {|SLLM1001:"You are " + persona|} }; }
        """, null);

    [Fact]
    public Task Tool_result_property_written_as_text_is_untrusted() => Verify.AnalyzerAsync(Verify.Usings + """
        public class EchoFilter(ChatHistory history) : IFunctionInvocationFilter {
            public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next) {
                await next(context);
                history.AddSystemMessage({|SLLM1001:$"The tool {context.Function.Name} returned: {context.Result}"|});
                history.AddSystemMessage({|SLLM1001:"Result: " + context.Result|}); } }
        """);

    [Fact]
    public Task Tool_result_property_written_as_text_in_a_helper_is_untrusted() => Verify.AnalyzerAsync(Verify.Usings + """
        public class EchoFilter(ChatHistory history) : IFunctionInvocationFilter {
            static string Describe(Microsoft.SemanticKernel.FunctionInvocationContext c) => $"Last tool output: {c.Result}";
            public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next) {
                await next(context);
                history.AddSystemMessage({|SLLM1001:Describe(context)|}); } }
        """);

    [Fact]
    public Task Configured_record_deconstructed_into_locals_is_untrusted() => Verify.AnalyzerAsync(Verify.Usings + """
        public record KbChunk(string Title, string Text);
        public class Rag {
            public void Build(ChatHistory history, KbChunk top) {
                var (title, _) = top;
                history.AddSystemMessage({|SLLM1001:"Prefer the source titled " + title|}); } }
        """, RagConfig);

    [Fact]
    public Task Configured_records_deconstructed_in_a_helper_are_untrusted() => Verify.AnalyzerAsync(Verify.Usings + """
        public record KbChunk(string Title, string Text);
        public class Rag {
            static string Titles(List<KbChunk> hits) { var sb = new StringBuilder(); foreach (var (title, _) in hits) sb.AppendLine(title); return sb.ToString(); }
            public void Build(ChatHistory history, List<KbChunk> hits) => history.AddSystemMessage({|SLLM1001:"Known titles:\n" + Titles(hits)|}); }
        """, RagConfig);

    [Fact]
    public Task Configured_record_written_whole_from_a_loop_is_untrusted() => Verify.AnalyzerAsync(Verify.Usings + """
        public record KbChunk(string Title, string Text);
        public class Rag {
            public void Build(ChatHistory history, KbChunk[] hits) {
                foreach (var h in hits) history.AddSystemMessage({|SLLM1001:$"Source: {h}"|}); } }
        """, RagConfig);

    [Fact]
    public Task Numbers_and_ids_of_configured_records_in_a_loop_are_no_finding() => Verify.AnalyzerAsync(Verify.Usings + """
        public record KbChunk(Guid Id, double Score, string Text);
        public class Rag {
            public void Build(ChatHistory history, IEnumerable<KbChunk> hits, string q) {
                foreach (var h in hits) history.AddSystemMessage($"Source {h.Id} scored {h.Score:F2}.");
                foreach (var (id, score, _) in hits) history.AddSystemMessage($"Source {id} scored {score:F2}.");
                history.AddUserMessage(q); } }
        """, RagConfig);

    [Fact]
    public Task Patterns_over_configured_records_bind_untrusted_parts() => Verify.AnalyzerAsync(Verify.Usings + """
        public record KbChunk(string Title, string Text, double Score);
        public class Rag {
            public void Build(ChatHistory history, List<KbChunk> hits, KbChunk top) {
                if (hits is [(var title, _, _), ..]) history.AddSystemMessage({|SLLM1001:"Best match: " + title|});
                var line = top switch { (_, var text, > 0.8) => "Quote: " + text, _ => "No strong match." };
                history.AddSystemMessage({|SLLM1001:line|});
                if (hits is [(_, _, var score), ..]) history.AddSystemMessage($"Best score {score:F2}."); } }
        """, RagConfig);

    [Fact]
    public Task Route_values_read_through_route_data_are_untrusted() => Verify.AnalyzerAsync(Verify.Usings + """
        using Microsoft.AspNetCore.Routing;
        [ApiController, Route("api/docs")] public class DocsController(IChatClient chat) : ControllerBase {
            [HttpGet("{product}")] public async Task<string> Get(string q) {
                var product = RouteData.Values["product"]?.ToString() ?? "our product";
                var version = HttpContext.GetRouteValue("version") as string;
                var a = await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:$"Answer only about {product}."|} });
                var b = await chat.GetResponseAsync(q, new ChatOptions { Instructions = {|SLLM1001:"Version: " + version|} });
                return a.Text + b.Text; } }
        """);
}
