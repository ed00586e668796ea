using System.Diagnostics;

namespace BsgFunds.TestSupport;

/// <summary>Bounded waits: every step of a test that drives a process has a limit, and says what it waited for.</summary>
public static class Waiting
{
    /// <summary>Asks until the answer is yes; an HTTP request that could not connect counts as no, since the API may be starting.</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan limit, string what, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await done()) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}.");
    }
}
