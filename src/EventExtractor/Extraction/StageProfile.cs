using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EventExtractor.Extraction;

/// <summary>
/// Time per pipeline stage, summed over all threads, for <c>EVENTX_PROFILE=1</c>: wall time, the thread's own CPU
/// time and the bytes it allocated (what the collector will have to pay for). On a machine shared with other work the two differ: a stage whose wall time grows while its CPU time does
/// not was waiting for a core, not slower.
/// </summary>
internal sealed class StageProfile(string[] names)
{
    private readonly long[] _wallTicks = new long[names.Length];
    private readonly long[] _cpuNanos = new long[names.Length];
    private readonly long[] _allocated = new long[names.Length];

    /// <summary>A point in time on both clocks.</summary>
    public readonly record struct Mark(long Wall, long Cpu, long Allocated);

    public static Mark Now() => new(Stopwatch.GetTimestamp(), ThreadCpuNanos(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="stage"/> and moves <paramref name="start"/> to now.</summary>
    public void Lap(int stage, ref Mark start)
    {
        var now = Now();
        Interlocked.Add(ref _wallTicks[stage], now.Wall - start.Wall);
        Interlocked.Add(ref _cpuNanos[stage], now.Cpu - start.Cpu);
        Interlocked.Add(ref _allocated[stage], now.Allocated - start.Allocated);
        start = now;
    }

    /// <summary>"tokenize 0.12 s (cpu 0.10 s, 40 MB), places ...; gc ..."; the CPU figure only where the platform gives a thread clock; then the process's collections, GC pause time and bytes allocated.</summary>
    public string Report() => string.Join(", ", names.Select((n, i) =>
        $"{n} {Volatile.Read(ref _wallTicks[i]) / (double)Stopwatch.Frequency:0.00} s"
        + (HasThreadClock ? $" (cpu {Volatile.Read(ref _cpuNanos[i]) / 1e9:0.00} s, {Volatile.Read(ref _allocated[i]) / 1e6:0} MB)" : $" ({Volatile.Read(ref _allocated[i]) / 1e6:0} MB)")))
        + $"; gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s,"
        + $" {GC.GetTotalAllocatedBytes() / 1e6:0} MB allocated";

    private static readonly bool HasThreadClock = OperatingSystem.IsLinux() && ThreadCpuNanos() > 0;

    private static long ThreadCpuNanos()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            return ClockGetTime(ClockThreadCpuTime, out var ts) == 0 ? ts.Seconds * 1_000_000_000 + ts.Nanoseconds : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
