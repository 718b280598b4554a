using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace StructuredLlm.ParseBenchmarks;

/// <summary>
/// `--alloc-types NAME`: which types one benchmark body allocates, sampled by the runtime's allocation ticks (one event
/// per ~100 KB allocated, naming the type of the object that crossed the mark) over a few hundred thousand calls. A
/// guide to where the bytes go, not a measurement: the share of ticks approximates the share of bytes.
/// </summary>
internal static class AllocationTypes
{
    public static void Run(Func<object?> body)
    {
        using var listener = new TickListener();
        for (int i = 0; i < 300_000; i++)
        {
            body();
        }
        listener.Dispose();
        int total = listener.Ticks.Values.Sum();
        Console.WriteLine($"{total} allocation ticks");
        foreach (var (type, count) in listener.Ticks.OrderByDescending(p => p.Value).Take(30).Select(p => (p.Key, p.Value)))
        {
            Console.WriteLine(FormattableString.Invariant($"{100.0 * count / total,6:F1}%  {type}"));
        }
    }

    private sealed class TickListener : EventListener
    {
        public readonly ConcurrentDictionary<string, int> Ticks = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not null && e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && e.PayloadNames is { } names)
            {
                int k = names.IndexOf("TypeName");
                if (k >= 0 && e.Payload?[k] is string type)
                {
                    Ticks.AddOrUpdate(type, 1, (_, n) => n + 1);
                }
            }
        }
    }
}
