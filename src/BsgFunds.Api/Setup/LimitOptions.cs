namespace BsgFunds.Api.Setup;

/// <summary>Configuration section "Limits" (docs/reliability.md).</summary>
public sealed class LimitOptions
{
    /// <summary>The largest request body accepted; larger ones are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Requests per caller (token sub, or IP address when anonymous) per second before 429.</summary>
    public int RequestsPerSecondPerCaller { get; set; } = 1000;
}
