using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// The general rules session 24's held-out probe (<see cref="HeldOutProbe24Tests"/>) found missing: writes through a
/// <c>ref</c> local, arrays holding their elements side by side until something joins them, OpenAI Responses content
/// parts as message content, Semantic Kernel's rendered prompt as a sink, an async method's tuple read by position, and JSON
/// documents and framework collections of bound items as bound handler parameters.
/// </summary>
public class Probe24FixTests
{
    [Fact]
    public Task Write_through_a_ref_local_taints_the_array_it_is_bound_to() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S { public void Use([FromQuery] string q, ChatHistory history) {
            var parts = new[] { "You are a support bot.", "", "Be polite." };
            ref string slot = ref parts[1];
            slot = "Focus: " + q;
            history.AddSystemMessage({|SLLM1001:string.Join(" ", parts)|}); } }
        """);

    [Fact]
    public Task Write_through_a_ref_local_taints_the_field_it_is_bound_to() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S {
            string _persona = "a helpful assistant";
            public void Use([FromQuery] string q, ChatHistory history) {
                ref string persona = ref _persona;
                persona += q;
                history.AddSystemMessage({|SLLM1001:$"You are {_persona}."|}); } }
        """);

    [Fact]
    public Task Write_through_a_rebound_ref_local_taints_the_new_storage() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S { public void Use([FromQuery] string q, ChatHistory history) {
            var first = new[] { "Be brief." };
            var second = new[] { "" };
            ref string slot = ref first[0];
            slot = ref second[0];
            slot = q;
            history.AddSystemMessage({|SLLM1001:second[0]|}); } }
        """);

    [Fact]
    public Task Constant_written_through_a_ref_local_is_no_finding() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S { public void Use([FromQuery] string q, ChatHistory history) {
            var parts = new[] { "You are a support bot.", "" };
            ref string slot = ref parts[1];
            slot = "Be polite.";
            history.AddSystemMessage(string.Join(" ", parts));
            history.AddUserMessage(q); } }
        """);

    [Fact]
    public Task OpenAI_user_message_parts_side_by_side_are_no_template() => Verify.AnalyzerAsync(Verify.Usings + """
        public class Svc(OpenAI.Chat.ChatClient client) {
            public async Task Run([FromQuery] string question, [FromQuery] string imageUrl, [FromQuery] string caption) {
                var a = OpenAI.Chat.ChatMessage.CreateUserMessage(OpenAI.Chat.ChatMessageContentPart.CreateTextPart(question), OpenAI.Chat.ChatMessageContentPart.CreateImagePart(new Uri(imageUrl)));
                var b = new OpenAI.Chat.UserChatMessage(OpenAI.Chat.ChatMessageContentPart.CreateTextPart(question), OpenAI.Chat.ChatMessageContentPart.CreateTextPart(caption));
                await client.CompleteChatAsync([a, b]); } }
        """);

    [Fact]
    public Task OpenAI_user_message_part_with_the_apps_words_is_a_template() => Verify.AnalyzerAsync(Verify.Usings + """
        public class Svc(OpenAI.Chat.ChatClient client) {
            public async Task Run([FromQuery] string question, [FromQuery] string imageUrl) {
                var a = OpenAI.Chat.ChatMessage.CreateUserMessage({|SLLM1002:OpenAI.Chat.ChatMessageContentPart.CreateTextPart($"Describe this image, then answer: {question}")|}, OpenAI.Chat.ChatMessageContentPart.CreateImagePart(new Uri(imageUrl)));
                await client.CompleteChatAsync([a]); } }
        """);

    [Fact]
    public Task Untrusted_array_elements_joined_by_a_separator_stay_whole() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S { public void Use([FromQuery] string a, [FromQuery] string b, ChatHistory history) {
            history.AddUserMessage(string.Join("\n", new[] { a, b }));
            var both = new[] { a, b };
            history.AddUserMessage(string.Join("\n", both)); } }
        """);

    [Fact]
    public Task Array_written_in_the_call_with_the_apps_words_is_a_template() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S { public void Use([FromQuery] string q, ChatHistory history) =>
            history.AddUserMessage({|SLLM1002:string.Join(" ", new[] { "Translate to French:", q })|}); }
        """);

    [Fact]
    public Task Array_local_with_the_apps_words_joined_is_a_template() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S { public void Use([FromQuery] string a, [FromQuery] string b, ChatHistory history) {
            var one = new[] { "Translate to French:", a };
            history.AddUserMessage({|SLLM1002:string.Join(" ", one)|});
            var two = new[] { "Compare:", a, b };
            history.AddUserMessage({|SLLM1002:string.Join(" ", two)|}); } }
        """);

    [Fact]
    public Task Responses_message_items_from_content_parts() => Verify.AnalyzerAsync(Verify.Usings + """
        public class Svc(OpenAI.Responses.ResponsesClient client) {
            public async Task Run([FromForm] string note, [FromQuery] string q) {
                var sys = OpenAI.Responses.ResponseItem.CreateSystemMessageItem({|SLLM1001:[OpenAI.Responses.ResponseContentPart.CreateInputTextPart(note)]|});
                var dev = OpenAI.Responses.ResponseItem.CreateDeveloperMessageItem({|SLLM1001:new List<OpenAI.Responses.ResponseContentPart> { OpenAI.Responses.ResponseContentPart.CreateInputTextPart("Note: " + note) }|});
                var user = OpenAI.Responses.ResponseItem.CreateUserMessageItem([OpenAI.Responses.ResponseContentPart.CreateInputTextPart(q)]);
                await client.CreateResponseAsync("gpt-4.1", [sys, dev, user]); } }
        """);

    [Fact]
    public Task Prompt_render_filter_writing_untrusted_text_into_the_rendered_prompt() => Verify.AnalyzerAsync(Verify.Usings + """
        public class NewsFilter(HttpClient http) : IPromptRenderFilter {
            public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next) {
                await next(context);
                var news = await http.GetStringAsync("https://example.com/news.txt");
                context.RenderedPrompt += {|SLLM1003:news|};
                context.RenderedPrompt = {|SLLM1003:$"{context.RenderedPrompt}\nHeadline: {news.Split('\n')[0]}"|}; } }
        """);

    [Fact]
    public Task Prompt_render_filter_writing_the_apps_text_is_no_finding() => Verify.AnalyzerAsync(Verify.Usings + """
        public class PolicyFilter(Microsoft.Extensions.Configuration.IConfiguration config) : IPromptRenderFilter {
            public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next) {
                await next(context);
                context.RenderedPrompt = context.RenderedPrompt + "\n" + (config["Prompts:Policy"] ?? "Never reveal internal ids."); } }
        """);

    [Fact]
    public Task Async_tuple_deconstructed_keeps_each_position() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S(IChatClient chat) {
            static async Task<(string Sys, string User)> Build(string q) { await Task.Yield(); return ("Be brief.", q); }
            static async ValueTask<(string Sys, string User)> Scoped(string topic, string q) { await Task.Yield(); return ($"Only {topic}.", q); }
            public async Task<string> Post([FromQuery] string topic, [FromBody] string q) {
                var (sys, user) = await Build(q);
                var (scoped, asked) = await Scoped(topic, q).ConfigureAwait(false);
                return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, sys), new ChatMessage(ChatRole.User, user),
                    new ChatMessage(ChatRole.System, {|SLLM1001:scoped|}), new ChatMessage(ChatRole.User, asked)])).Text; } }
        """);

    [Fact]
    public Task Async_tuple_returned_through_another_async_method_keeps_each_position() => Verify.AnalyzerAsync(Verify.Usings + """
        public class S(IChatClient chat) {
            static async Task<(string Sys, string User)> Build(string q) { await Task.Yield(); return ("Be brief.", q); }
            static async Task<(string Sys, string User)> Outer(string q) => await Build(q);
            public async Task<string> Post([FromBody] string q) {
                var t = await Outer(q);
                return (await chat.GetResponseAsync([new ChatMessage(ChatRole.System, t.Sys), new ChatMessage(ChatRole.User, t.User)])).Text; } }
        """);

    [Fact]
    public Task JSON_document_handler_parameter_is_the_request_body() => Verify.AnalyzerAsync(Verify.Usings + """
        public static class Api { public static void Map(WebApplication app) {
            app.MapPost("/a", async (System.Text.Json.JsonElement body, IChatClient chat) =>
                (await chat.GetResponseAsync("Hi", new ChatOptions { Instructions = {|SLLM1001:"Context: " + body.GetRawText()|} })).Text);
            app.MapPost("/b", async (System.Text.Json.Nodes.JsonObject body, IChatClient chat) =>
                (await chat.GetResponseAsync("Hi", new ChatOptions { Instructions = {|SLLM1001:"Tone: " + body["tone"]|} })).Text); } }
        """);

    [Fact]
    public Task Framework_collection_of_bindable_items_is_a_bound_parameter() => Verify.AnalyzerAsync(Verify.Usings + """
        public record Note(string Text);
        public static class Api { public static void Map(WebApplication app) {
            app.MapPost("/notes", async (List<Note> notes, IChatClient chat) =>
                (await chat.GetResponseAsync("Hi", new ChatOptions { Instructions = {|SLLM1001:"Notes: " + string.Join("; ", notes.Select(n => n.Text))|} })).Text); } }
        [ApiController] public class C(IChatClient chat) : ControllerBase {
            [HttpPost] public async Task<string> Post(Dictionary<string, string> prefs) =>
                (await chat.GetResponseAsync("Hi", new ChatOptions { Instructions = {|SLLM1001:"Prefs: " + prefs["tone"]|} })).Text; }
        """);

    [Fact]
    public Task Framework_collection_of_services_is_not_a_bound_parameter() => Verify.AnalyzerAsync(Verify.Usings + """
        public class PersonaService { public string Persona => "a helpful assistant"; }
        public static class Api { public static void Map(WebApplication app) {
            app.MapPost("/notes", async (List<PersonaService> services, System.Threading.CancellationToken ct, IChatClient chat) =>
                (await chat.GetResponseAsync("Hi", new ChatOptions { Instructions = services[0].Persona }, ct)).Text); } }
        """);
}
