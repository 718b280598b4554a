using System.Threading.Tasks;
using StructuredLlm.CodeFixes;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

public class WrapInPromptUntrustedTests
{
    private static string Code(string body) => FlowTests.Code(body);

    [Theory]
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"Rules: {q}\"|});", "history.AddSystemMessage($\"Rules: {Prompt.Untrusted(q)}\");")]
    [InlineData("history.AddSystemMessage({|SLLM1001:q|});", "history.AddSystemMessage(Prompt.Untrusted(q));")]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Rules: \" + q + \".\"|});", "history.AddSystemMessage(\"Rules: \" + Prompt.Untrusted(q) + \".\");")]
    [InlineData("history.AddUserMessage({|SLLM1002:$\"Translate: {ticket.Body}\"|});", "history.AddUserMessage($\"Translate: {Prompt.Untrusted(ticket.Body)}\");")]
    [InlineData("_ = new ChatOptions { Instructions = {|SLLM1001:q|} };", "_ = new ChatOptions { Instructions = Prompt.Untrusted(q) };")]
    [InlineData("await client.GetResponseAsync({|SLLM1002:$\"Summarise: {q}\"|});", "await client.GetResponseAsync($\"Summarise: {Prompt.Untrusted(q)}\");")]
    // a choice between the app's own text and the untrusted value: only the value is wrapped
    [InlineData("history.AddSystemMessage({|SLLM1001:string.IsNullOrEmpty(q) ? \"Be brief.\" : q|});", "history.AddSystemMessage(string.IsNullOrEmpty(q) ? \"Be brief.\" : Prompt.Untrusted(q));")]
    [InlineData("history.AddSystemMessage({|SLLM1001:q.Length switch { 0 => \"Be brief.\", _ => q }|});", "history.AddSystemMessage(q.Length switch { 0 => \"Be brief.\", _ => Prompt.Untrusted(q) });")]
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"Rules: {(q.Length > 3 ? q : \"none\")}\"|});", "history.AddSystemMessage($\"Rules: {(q.Length > 3 ? Prompt.Untrusted(q) : \"none\")}\");")]
    // the untrusted part inside an arm, and inside the content item a message is made of
    [InlineData("history.AddSystemMessage({|SLLM1001:q.Length > 3 ? \"A.\" : $\"Custom {q}\"|});", "history.AddSystemMessage(q.Length > 3 ? \"A.\" : $\"Custom {Prompt.Untrusted(q)}\");")]
    [InlineData("history.AddSystemMessage({|SLLM1001:q.Length switch { 0 => \"A.\", _ => \"Custom \" + q }|});", "history.AddSystemMessage(q.Length switch { 0 => \"A.\", _ => \"Custom \" + Prompt.Untrusted(q) });")]
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:[new Microsoft.Extensions.AI.TextContent($\"Persona {q}.\")]|});", "_ = new ChatMessage(ChatRole.System, [new Microsoft.Extensions.AI.TextContent($\"Persona {Prompt.Untrusted(q)}.\")]);")]
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:new List<AIContent> { new Microsoft.Extensions.AI.TextContent(\"Rules \" + q) }|});", "_ = new ChatMessage(ChatRole.System, new List<AIContent> { new Microsoft.Extensions.AI.TextContent(\"Rules \" + Prompt.Untrusted(q)) });")]
    public Task Wraps_the_tainted_part(string body, string fixedBody) =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(Code(body), Code(fixedBody));

    // The untrusted part, not the instructions around it: through a local built once, and in a formatted argument.
    [Theory]
    [InlineData("var p = \"Rules: \" + q; history.AddSystemMessage({|SLLM1001:p|});", "var p = \"Rules: \" + Prompt.Untrusted(q); history.AddSystemMessage(p);")]
    [InlineData("var p = $\"Rules: {ticket.Body}\"; var s = p; history.AddSystemMessage({|SLLM1001:s|});", "var p = $\"Rules: {Prompt.Untrusted(ticket.Body)}\"; var s = p; history.AddSystemMessage(s);")]
    [InlineData("var p = q; history.AddSystemMessage({|SLLM1001:p|});", "var p = q; history.AddSystemMessage(Prompt.Untrusted(p));")]
    [InlineData("history.AddSystemMessage({|SLLM1001:string.Format(\"Rules {0}\", q)|});", "history.AddSystemMessage(string.Format(\"Rules {0}\", Prompt.Untrusted(q)));")]
    [InlineData("history.AddSystemMessage({|SLLM1001:string.Concat(\"Rules \", \"for \", q)|});", "history.AddSystemMessage(string.Concat(\"Rules \", \"for \", Prompt.Untrusted(q)));")]
    // Every untrusted part in one application; a hole that is not a string is wrapped as the text it writes.
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"Ticket: {ticket}\"|});", "history.AddSystemMessage($\"Ticket: {Prompt.Untrusted(ticket?.ToString())}\");")]
    [InlineData("object o = q; history.AddSystemMessage({|SLLM1001:$\"Rules {o} and {ticket.Body}\"|});", "object o = q; history.AddSystemMessage($\"Rules {Prompt.Untrusted(o?.ToString())} and {Prompt.Untrusted(ticket.Body)}\");")]
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"Rules {q} and {ticket.Body}\"|});", "history.AddSystemMessage($\"Rules {Prompt.Untrusted(q)} and {Prompt.Untrusted(ticket.Body)}\");")]
    [InlineData("var p = \"Topic: \" + q; history.AddSystemMessage({|SLLM1001:$\"{p}. Subject: {ticket.Subject}. Again: {p}\"|});", "var p = \"Topic: \" + Prompt.Untrusted(q); history.AddSystemMessage($\"{p}. Subject: {Prompt.Untrusted(ticket.Subject)}. Again: {p}\");")]
    [InlineData("history.AddSystemMessage({|SLLM1001:string.Format(\"{0} / {1} / {2}\", q, 42, ticket.Body)|});", "history.AddSystemMessage(string.Format(\"{0} / {1} / {2}\", Prompt.Untrusted(q), 42, Prompt.Untrusted(ticket.Body)));")]
    public Task Wraps_the_untrusted_part_the_value_was_built_from(string body, string fixedBody) =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(Code(body), Code(fixedBody));

    // No expression holds only the untrusted text (a StringBuilder's text, a local appended to): wrapping the whole value
    // would mark the instructions as data too, so nothing is offered.
    [Theory]
    [InlineData("var sb = new StringBuilder(\"Rules: \"); sb.Append(q); history.AddSystemMessage({|SLLM1001:sb.ToString()|});")]
    [InlineData("var p = \"Rules: \"; p += q; history.AddSystemMessage({|SLLM1001:p|});")]
    public Task Not_offered_where_no_part_holds_only_untrusted_text(string body) =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(Code(body), Code(body));

    /// <summary>A finding through a callee (its parameter reaches the sink) is fixed at the call: the argument is wrapped.</summary>
    [Fact]
    public Task Wraps_the_argument_of_a_call_that_reaches_the_sink() =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(
            FlowTests.Code("SetRules({|SLLM1001:q|});", "void SetRules(string rules) => history.AddSystemMessage(rules);"),
            FlowTests.Code("SetRules(Prompt.Untrusted(q));", "void SetRules(string rules) => history.AddSystemMessage(rules);"));

    /// <summary>A class with its own <c>Prompt</c> member (common in LLM code): the call names the type in full, so it binds.</summary>
    [Fact]
    public Task Names_the_type_in_full_where_Prompt_means_something_else() =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(
            FlowTests.Code("history.AddSystemMessage({|SLLM1001:$\"Rules: {q}\"|});", "string Prompt { get; set; } = \"\";"),
            FlowTests.Code("history.AddSystemMessage($\"Rules: {(global::StructuredLlm.Prompt.Untrusted(q))}\");", "string Prompt { get; set; } = \"\";"));

    [Fact]
    public Task Names_the_type_in_full_outside_a_hole_too() =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(
            FlowTests.Code("history.AddSystemMessage({|SLLM1001:q|});", "static int Prompt() => 0;"),
            FlowTests.Code("history.AddSystemMessage(global::StructuredLlm.Prompt.Untrusted(q));", "static int Prompt() => 0;"));

    [Fact]
    public Task Adds_the_using_when_missing() =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(
            Code("history.AddSystemMessage({|SLLM1001:q|});").Replace(" using StructuredLlm;", string.Empty),
            Code("history.AddSystemMessage(Prompt.Untrusted(q));").Replace(" using StructuredLlm;", string.Empty).Replace("using Microsoft.SemanticKernel.ChatCompletion;\n", "using Microsoft.SemanticKernel.ChatCompletion;\nusing StructuredLlm;\n"));
}

public class MoveToUserMessageTests
{
    private static string Code(string body) => FlowTests.Code(body);

    [Theory]
    [InlineData(
        "history.AddSystemMessage({|SLLM1001:$\"You help customers. They wrote: {q}\"|});",
        "history.AddSystemMessage($\"You help customers. They wrote: (see the next user message)\");\n        history.AddUserMessage(q);")]
    [InlineData(
        "history.AddSystemMessage({|SLLM1001:q|});",
        "history.AddUserMessage(q);")]
    // two untrusted holes: both move, each to a user message of its own, in order (moving one left the finding)
    [InlineData(
        "history.AddSystemMessage({|SLLM1001:$\"Topic: {ticket.Subject}, details: {ticket.Body}\"|});",
        "history.AddSystemMessage($\"Topic: (see user message 1 of the 2 that follow), details: (see user message 2 of the 2 that follow)\");\n        history.AddUserMessage(ticket.Subject);\n        history.AddUserMessage(ticket.Body);")]
    [InlineData(
        "var messages = new List<ChatMessage> { new(ChatRole.System, {|SLLM1001:$\"Help. Subject: {ticket.Subject}; {q}\"|}) };",
        "var messages = new List<ChatMessage> { new(ChatRole.System, $\"Help. Subject: (see user message 1 of the 2 that follow); (see user message 2 of the 2 that follow)\"), new(ChatRole.User, ticket.Subject), new(ChatRole.User, q) };")]
    [InlineData(
        "_ = new ChatMessage(ChatRole.System, {|SLLM1001:q|});",
        "_ = new ChatMessage(ChatRole.User, q);")]
    [InlineData(
        "_ = new OpenAI.Chat.SystemChatMessage({|SLLM1001:q|});",
        "_ = new OpenAI.Chat.UserChatMessage(q);")]
    [InlineData(
        "var messages = new List<ChatMessage> { new(ChatRole.System, {|SLLM1001:$\"Help. Subject: {ticket.Subject}\"|}) };",
        "var messages = new List<ChatMessage> { new(ChatRole.System, $\"Help. Subject: (see the next user message)\"), new(ChatRole.User, ticket.Subject) };")]
    [InlineData(
        "ChatMessage[] messages = [new ChatMessage(ChatRole.System, {|SLLM1001:$\"Help. Subject: {ticket.Subject}\"|})];",
        "ChatMessage[] messages = [new ChatMessage(ChatRole.System, $\"Help. Subject: (see the next user message)\"), new ChatMessage(ChatRole.User, ticket.Subject)];")]
    [InlineData(
        "var messages = new List<OpenAI.Chat.ChatMessage> { new OpenAI.Chat.SystemChatMessage({|SLLM1001:$\"Help with {q}\"|}) };",
        "var messages = new List<OpenAI.Chat.ChatMessage> { new OpenAI.Chat.SystemChatMessage($\"Help with (see the next user message)\"), new OpenAI.Chat.UserChatMessage(q) };")]
    [InlineData(
        "var messages = new List<ChatMessage>(); messages.Add(new ChatMessage(ChatRole.User, {|SLLM1002:$\"Translate: {q}\"|}));",
        "var messages = new List<ChatMessage>(); messages.Add(new ChatMessage(ChatRole.User, $\"Translate: (see the next user message)\"));\n        messages.Add(new ChatMessage(ChatRole.User, q));")]
    [InlineData(
        "var prompt = $\"You help customers. They wrote: {q}\"; history.AddSystemMessage({|SLLM1001:prompt|});",
        "var prompt = $\"You help customers. They wrote: (see the next user message)\"; history.AddSystemMessage(prompt);\n        history.AddUserMessage(q);")]
    [InlineData(
        "var rules = $\"Help with {ticket.Subject}\"; var messages = new List<ChatMessage> { new(ChatRole.System, {|SLLM1001:rules|}) };",
        "var rules = $\"Help with (see the next user message)\"; var messages = new List<ChatMessage> { new(ChatRole.System, rules), new(ChatRole.User, ticket.Subject) };")]
    [InlineData(
        "_ = new ChatMessage(content: {|SLLM1001:q|}, role: ChatRole.System);",
        "_ = new ChatMessage(content: q, role: ChatRole.User);")]
    [InlineData(
        "List<ChatMessage> messages = [new(ChatRole.System, {|SLLM1001:$\"Rules: {q}\"|}), new(ChatRole.User, \"Hi\")];",
        "List<ChatMessage> messages = [new(ChatRole.System, $\"Rules: (see the next user message)\"), new(ChatRole.User, q), new(ChatRole.User, \"Hi\")];")]
    [InlineData(
        "if (q.Length > 0) { history.AddSystemMessage({|SLLM1001:$\"Rules: {q}\"|}); }",
        "if (q.Length > 0) { history.AddSystemMessage($\"Rules: (see the next user message)\");\n        history.AddUserMessage(q); }")]
    [InlineData(
        "history.AddMessage(AuthorRole.System, {|SLLM1001:$\"Persona: {q}\"|});",
        "history.AddMessage(AuthorRole.System, $\"Persona: (see the next user message)\");\n        history.AddUserMessage(q);")]
    [InlineData(
        "history.AddMessage(AuthorRole.System, {|SLLM1001:q|});",
        "history.AddMessage(AuthorRole.User, q);")]
    [InlineData(
        "history.AddMessage(content: {|SLLM1001:q|}, authorRole: AuthorRole.Developer);",
        "history.AddMessage(content: q, authorRole: AuthorRole.User);")]
    public Task Moves_the_value_into_a_user_message(string body, string fixedBody) =>
        Verify.CodeFixAsync<MoveToUserMessageCodeFix>(Code(body), Code(fixedBody));

    [Theory]
    [InlineData("await client.GetResponseAsync({|SLLM1002:$\"Summarise: {q}\"|});")]  // no message list to add to
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Rules: \" + q|});")]          // concatenation: wrap instead
    [InlineData("history.AddSystemMessage({|SLLM1001:$\"Ticket: {ticket}\"|});")]   // not a string: no user message can hold it as it is
    [InlineData("if (q.Length > 0) history.AddSystemMessage({|SLLM1001:$\"Rules: {q}\"|});")] // an added statement would run whatever the condition
    [InlineData("foreach (var c in q) history.AddSystemMessage({|SLLM1001:$\"Rules: {q}\"|});")]
    [InlineData("History().AddSystemMessage({|SLLM1001:$\"Rules: {q}\"|}); ChatHistory History() => history;")] // called again, it may be another history
    [InlineData("var messages = new List<ChatMessage>(); if (q.Length > 0) messages.Add(new ChatMessage(ChatRole.User, {|SLLM1002:$\"Translate: {q}\"|}));")]
    public Task Not_offered_where_there_is_nowhere_to_move_to(string body) =>
        Verify.CodeFixAsync<MoveToUserMessageCodeFix>(Code(body), Code(body));

    /// <summary>
    /// A value taken from a local's initializer is read again at the sink: the fix is offered only when nothing between can
    /// change it (a write to a variable or member it reads; for a value that calls something, any call in between).
    /// </summary>
    [Theory]
    [InlineData("var prompt = $\"Answer about: {q}\"; q = string.Empty; history.AddSystemMessage({|SLLM1001:prompt|});")]
    [InlineData("var prompt = $\"Subject: {ticket.Subject}\"; ticket = ticket with { Subject = \"\" }; history.AddSystemMessage({|SLLM1001:prompt|});")]
    [InlineData("var prompt = $\"Answer about: {q}\"; Reset(ref q); history.AddSystemMessage({|SLLM1001:prompt|}); static void Reset(ref string s) => s = \"\";")]
    [InlineData("var prompt = $\"Answer about: {q.Trim()}\"; Console.WriteLine(\"asking\"); history.AddSystemMessage({|SLLM1001:prompt|});")]
    public Task Not_offered_where_the_value_may_change_before_the_sink(string body) =>
        Verify.CodeFixAsync<MoveToUserMessageCodeFix>(Code(body), Code(body));

    [Theory]
    [InlineData(
        "var prompt = $\"Answer about: {q}\"; var n = 1; n++; history.AddSystemMessage({|SLLM1001:prompt|});",
        "var prompt = $\"Answer about: (see the next user message)\"; var n = 1; n++; history.AddSystemMessage(prompt);\n        history.AddUserMessage(q);")]
    [InlineData(
        "var prompt = $\"Answer about: {q.Trim()}\"; var n = 1; history.AddSystemMessage({|SLLM1001:prompt|});",
        "var prompt = $\"Answer about: (see the next user message)\"; var n = 1; history.AddSystemMessage(prompt);\n        history.AddUserMessage(q.Trim());")]
    public Task Offered_where_nothing_between_changes_the_value(string body, string fixedBody) =>
        Verify.CodeFixAsync<MoveToUserMessageCodeFix>(Code(body), Code(fixedBody));

    [Fact]
    public Task Not_offered_for_a_call_whose_callee_holds_the_sink() =>
        Verify.CodeFixAsync<MoveToUserMessageCodeFix>(
            FlowTests.Code("SetRules({|SLLM1001:q|});", "void SetRules(string rules) => history.AddSystemMessage(rules);"),
            FlowTests.Code("SetRules({|SLLM1001:q|});", "void SetRules(string rules) => history.AddSystemMessage(rules);"));
}

/// <summary>
/// The app's own text beside the untrusted value in a choice (<c>x ? "Be brief." : q</c>, <c>q ?? "Be brief."</c>): the
/// fixes must neither wrap it as data nor move it out of the system message with the value.
/// </summary>
public class ConstantArmFixTests
{
    private const string Nullable = "string? p = q.Length > 0 ? q : null; ";

    [Theory]
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:q.Length > 3 ? \"Be brief.\" : q|});", "_ = new ChatMessage(ChatRole.System, q.Length > 3 ? \"Be brief.\" : Prompt.Untrusted(q));")]
    [InlineData(Nullable + "_ = new ChatMessage(ChatRole.System, {|SLLM1001:p ?? \"Be brief.\"|});", Nullable + "_ = new ChatMessage(ChatRole.System, (p is null ? \"Be brief.\" : Prompt.Untrusted(p)));")]
    [InlineData(Nullable + "history.AddSystemMessage({|SLLM1001:$\"Rules: {p ?? \"none\"}\"|});", Nullable + "history.AddSystemMessage($\"Rules: {(p is null ? \"none\" : Prompt.Untrusted(p))}\");")]
    [InlineData(Nullable + "history.AddSystemMessage({|SLLM1001:q.Length > 3 ? \"A.\" : p ?? \"B.\"|});", Nullable + "history.AddSystemMessage(q.Length > 3 ? \"A.\" : (p is null ? \"B.\" : Prompt.Untrusted(p)));")]
    public Task Wrap_leaves_the_constant_arm_as_instructions(string body, string fixedBody) =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(FlowTests.Code(body), FlowTests.Code(fixedBody));

    [Theory]
    // the value is read again by the rewrite: a call may give another value the second time, so nothing is offered
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:q.Split(',').FirstOrDefault() ?? \"Be brief.\"|});")]
    public Task Wrap_is_not_offered_for_a_default_after_a_call(string body) =>
        Verify.CodeFixAsync<WrapInPromptUntrustedCodeFix>(FlowTests.Code(body), FlowTests.Code(body));

    [Theory]
    [InlineData(Nullable + "_ = new ChatMessage(ChatRole.System, {|SLLM1001:p ?? \"Be brief.\"|});")]
    [InlineData(Nullable + "history.AddSystemMessage({|SLLM1001:p ?? \"Be brief.\"|});")]
    [InlineData("_ = new ChatMessage(ChatRole.System, {|SLLM1001:q.Length > 3 ? \"Be brief.\" : q|});")]
    [InlineData("history.AddSystemMessage({|SLLM1001:q.Length switch { 0 => \"Be brief.\", _ => q }|});")]
    public Task Move_is_not_offered_where_the_app_text_would_be_demoted(string body) =>
        Verify.CodeFixAsync<MoveToUserMessageCodeFix>(FlowTests.Code(body), FlowTests.Code(body));

    [Theory]
    [InlineData(Nullable + "_ = new ChatMessage(ChatRole.System, {|SLLM1001:p ?? q|});", Nullable + "_ = new ChatMessage(ChatRole.User, p ?? q);")]
    public Task Move_still_moves_a_choice_between_untrusted_values(string body, string fixedBody) =>
        Verify.CodeFixAsync<MoveToUserMessageCodeFix>(FlowTests.Code(body), FlowTests.Code(fixedBody));
}
