using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.AI;

namespace StructuredLlm;

/// <summary>
/// Builds a chat prompt that keeps trusted instructions and untrusted data apart: instructions go into the system
/// message; untrusted text only ever goes into user messages, spotlighted by <see cref="Prompt.Spotlight"/>.
/// </summary>
/// <example><code>
/// var messages = new PromptBuilder()
///     .System("You are a support assistant. Answer in one paragraph.")
///     .User("Summarise the customer's message:")
///     .Untrusted(request.CustomerMessage, "customer message")
///     .ToChatMessages();
/// </code></example>
public sealed class PromptBuilder
{
    private readonly SpotlightOptions _options;
    private readonly StringBuilder _system = new();
    private readonly List<StringBuilder> _users = new();

    /// <summary>Creates a builder that spotlights with the given options (delimiting with a notice by default).</summary>
    /// <param name="options">The spotlight options for every <see cref="Untrusted"/> call; <see langword="null"/> for the defaults.</param>
    public PromptBuilder(SpotlightOptions? options = null)
    {
        _options = options ?? SpotlightOptions.Default;
    }

    /// <summary>Appends a line of trusted instructions to the system message.</summary>
    /// <param name="instructions">Trusted text written by the developer.</param>
    /// <returns>This builder.</returns>
    public PromptBuilder System(string instructions)
    {
        if (instructions is null)
        {
            throw new ArgumentNullException(nameof(instructions));
        }

        AppendLine(_system, instructions);
        return this;
    }

    /// <summary>Appends a line of trusted text to the current user message.</summary>
    /// <param name="text">Trusted text written by the developer.</param>
    /// <returns>This builder.</returns>
    public PromptBuilder User(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        AppendLine(CurrentUser(), text);
        return this;
    }

    /// <summary>Appends untrusted text, spotlighted with a fresh random boundary, to the current user message.</summary>
    /// <param name="text">The untrusted text; <see langword="null"/> is treated as empty.</param>
    /// <param name="label">An optional description of the text's origin, written into the begin marker.</param>
    /// <returns>This builder.</returns>
    public PromptBuilder Untrusted(string? text, string? label = null)
    {
        var options = label is null
            ? _options
            : new SpotlightOptions
            {
                Mode = _options.Mode,
                DatamarkCharacter = _options.DatamarkCharacter,
                IncludeNotice = _options.IncludeNotice,
                Label = label,
            };
        AppendLine(CurrentUser(), Prompt.Spotlight(text, options).Text);
        return this;
    }

    /// <summary>Starts a new user message; later <see cref="User"/> and <see cref="Untrusted"/> calls go into it.</summary>
    /// <returns>This builder.</returns>
    public PromptBuilder NextUserMessage()
    {
        _users.Add(new StringBuilder());
        return this;
    }

    /// <summary>The system message (if any instructions were given) followed by the non-empty user messages.</summary>
    /// <returns>A new list of messages.</returns>
    public List<ChatMessage> ToChatMessages()
    {
        var messages = new List<ChatMessage>(_users.Count + 1);
        if (_system.Length > 0)
        {
            messages.Add(new ChatMessage(ChatRole.System, _system.ToString()));
        }

        foreach (var user in _users)
        {
            if (user.Length > 0)
            {
                messages.Add(new ChatMessage(ChatRole.User, user.ToString()));
            }
        }

        return messages;
    }

    /// <summary>The system text.</summary>
    public string SystemText => _system.ToString();

    /// <summary>The text of every non-empty user message, in order.</summary>
    public IReadOnlyList<string> UserTexts
    {
        get
        {
            var texts = new List<string>(_users.Count);
            foreach (var user in _users)
            {
                if (user.Length > 0)
                {
                    texts.Add(user.ToString());
                }
            }

            return texts;
        }
    }

    private StringBuilder CurrentUser()
    {
        if (_users.Count == 0)
        {
            _users.Add(new StringBuilder());
        }

        return _users[_users.Count - 1];
    }

    private static void AppendLine(StringBuilder sb, string text)
    {
        if (sb.Length > 0)
        {
            sb.Append('\n');
        }

        sb.Append(text);
    }
}
