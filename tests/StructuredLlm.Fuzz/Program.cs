using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpFuzz;

namespace StructuredLlm.Fuzz;

/// <summary>Entry point; see README.md for the libFuzzer and AFL commands.</summary>
/// <remarks>
/// Main itself never names a type of the target assembly: the runtime runs that assembly's module initializer (the
/// generated <c>LlmOutputRegistry</c> registration) when a method that uses it is compiled, and instrumented code
/// must not run before SharpFuzz has set up its coverage map.
/// </remarks>
public static class Program
{
    /// <summary>
    /// No argument: run under libfuzzer-dotnet (a file path instead runs that one input once, without a fuzzer).
    /// <c>--afl</c>: run under afl-fuzz (input on stdin). <c>--replay DIR</c>: run every file of DIR once, without a
    /// fuzzer; the exit code is 1 when one fails.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length >= 1 && args[0] == "--replay")
        {
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: StructuredLlm.Fuzz --replay DIR");
                return 2;
            }
            return Replay(args[1]);
        }
        if (args.Length >= 1 && args[0] == "--afl")
        {
            Fuzzer.OutOfProcess.Run(RunStream);
            return 0;
        }
        Fuzzer.LibFuzzer.Run(RunSpan);
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunSpan(ReadOnlySpan<byte> data) => LlmFuzzTarget.Run(data);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunStream(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        LlmFuzzTarget.Run(buffer.ToArray());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int Replay(string directory)
    {
        // An instrumented build (sharpfuzz) writes coverage into this map; outside a fuzzer nobody has set it up.
        if (SharpFuzz.Common.Trace.SharedMem == null) SharpFuzz.Common.Trace.SharedMem = (byte*)Marshal.AllocHGlobal(1 << 16);
        return ReplayCore(directory);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReplayCore(string directory) => LlmFuzzTarget.Replay(directory, Console.Out).Count == 0 ? 0 : 1;
}
