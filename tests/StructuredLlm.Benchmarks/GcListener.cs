using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace StructuredLlm.Benchmarks;

/// <summary>
/// Prints each GC's generation, promoted bytes and length (from the runtime's GC events) while <see cref="Recording"/>;
/// with GC_EVENTS_MARK=1 also what each root kind marked. The runtime delivers these events on its own thread a little
/// later, so a collection at the very end of a run may be listed with the next run.
/// </summary>
internal sealed class GcListener : EventListener
{
    // GCMarkWithType's root kinds, in the runtime's order.
    private static readonly string[] Roots = { "stack", "finalizer queue", "handles", "older generation", "sized ref", "overflow", "dependent handles", "new finalizer queue", "steal" };

    public bool Recording;
    private readonly List<string> _lines = new();
    private int _depth;
    private DateTime _start;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, Environment.GetEnvironmentVariable("GC_EVENTS_MARK") == "1" ? EventLevel.Verbose : EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Recording)
        {
            return;
        }
        switch (e.EventName)
        {
            case "GCStart_V2":
                _depth = Convert.ToInt32(e.Payload![1], CultureInfo.InvariantCulture);
                _start = e.TimeStamp;
                break;
            case "GCMarkWithType":
                lock (_lines)
                {
                    int type = Convert.ToInt32(e.Payload![2], CultureInfo.InvariantCulture);
                    _lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"    marked from {(type < Roots.Length ? Roots[type] : type.ToString(CultureInfo.InvariantCulture))}: {Convert.ToDouble(e.Payload![3], CultureInfo.InvariantCulture) / 1048576.0:F2} MB"));
                }
                break;
            case "GCHeapStats_V2":
                double mb(int i) => Convert.ToDouble(e.Payload![i], CultureInfo.InvariantCulture) / 1048576.0;
                lock (_lines)
                {
                    _lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"gen{_depth}: promoted gen0 {mb(1):F1} MB, gen1 {mb(3):F1} MB, gen2 {mb(5):F1} MB; sizes gen0 {mb(0):F1} gen1 {mb(2):F1} gen2 {mb(4):F1} loh {mb(6):F1}; {(e.TimeStamp - _start).TotalMilliseconds:F1} ms"));
                }
                break;
        }
    }

    public void Flush()
    {
        lock (_lines)
        {
            foreach (var line in _lines)
            {
                Console.WriteLine("  " + line);
            }
            _lines.Clear();
        }
    }
}
