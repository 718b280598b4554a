using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace StructuredLlm;

/// <summary>
/// Every <see cref="LlmOutputAttribute"/> type of every loaded assembly that registered itself. Each assembly's
/// generated module initializer registers its types when the assembly loads (C# 9+ with
/// <c>ModuleInitializerAttribute</c> available); otherwise call the generated
/// <c>StructuredLlm.Generated.LlmOutputs_{Assembly}.Register()</c> once.
/// </summary>
public static class LlmOutputRegistry
{
    private static readonly object Gate = new();
    private static volatile Snapshot _current = new(new Dictionary<Type, LlmOutputInfo>(), Array.Empty<LlmOutputInfo>());

    /// <summary>All registered types, in registration order.</summary>
    public static IReadOnlyList<LlmOutputInfo> All => _current.All;

    /// <summary>Finds the registered info for <paramref name="type"/>.</summary>
    /// <param name="type">The output type.</param>
    /// <param name="info">The info when found.</param>
    /// <returns>Whether <paramref name="type"/> is registered.</returns>
    public static bool TryGet(Type type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LlmOutputInfo? info)
    {
        if (type is null)
        {
            throw new ArgumentNullException(nameof(type));
        }

        return _current.ByType.TryGetValue(type, out info);
    }

    /// <summary>The registered info for <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The output type.</typeparam>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not registered.</exception>
    public static LlmOutputInfo<T> Get<T>()
    {
        if (_current.ByType.TryGetValue(typeof(T), out LlmOutputInfo? info))
        {
            return (LlmOutputInfo<T>)info;
        }

        throw new InvalidOperationException(
            $"'{typeof(T)}' is not a registered [LlmOutput] type. Mark it [LlmOutput] and make it partial, or call its assembly's generated StructuredLlm.Generated.LlmOutputs_*.Register().");
    }

    /// <summary>Registers infos; called by generated code. Registering a type twice keeps the first info.</summary>
    /// <param name="infos">The infos to add.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(params LlmOutputInfo[] infos)
    {
        if (infos is null)
        {
            throw new ArgumentNullException(nameof(infos));
        }

        lock (Gate)
        {
            Snapshot current = _current;
            var byType = new Dictionary<Type, LlmOutputInfo>(current.ByType);
            var all = new List<LlmOutputInfo>(current.All);
            foreach (LlmOutputInfo info in infos)
            {
                if (info is not null && !byType.ContainsKey(info.Type))
                {
                    byType.Add(info.Type, info);
                    all.Add(info);
                }
            }

            // Copy-on-write: readers never lock and always see a consistent snapshot.
            _current = new Snapshot(byType, all.ToArray());
        }
    }

    private sealed class Snapshot
    {
        public Snapshot(Dictionary<Type, LlmOutputInfo> byType, LlmOutputInfo[] all)
        {
            ByType = byType;
            All = all;
        }

        public Dictionary<Type, LlmOutputInfo> ByType { get; }

        public LlmOutputInfo[] All { get; }
    }
}
