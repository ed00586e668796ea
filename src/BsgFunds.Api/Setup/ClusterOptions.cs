using Wolverine;

namespace BsgFunds.Api.Setup;

/// <summary>
/// Several API nodes may share one PostgreSQL database. With <c>Cluster:Enabled</c> (the default outside Development)
/// Wolverine elects a leader, which assigns each async projection to exactly one live node and reassigns it when that
/// node stops answering its health checks. The timings are configuration so that operators can trade failover
/// speed against database polling.
/// </summary>
public sealed class ClusterOptions
{
    public bool Enabled { get; set; }
    public int HealthCheckSeconds { get; set; } = 10;
    public int StaleNodeSeconds { get; set; } = 60;
    public int CheckAssignmentSeconds { get; set; } = 30;

    public static bool IsOn(WebApplicationBuilder builder) => Read(builder).Enabled;

    public static void Configure(WebApplicationBuilder builder, DurabilitySettings durability)
    {
        var options = Read(builder);
        if (!options.Enabled) return;
        durability.HealthCheckPollingTime = TimeSpan.FromSeconds(options.HealthCheckSeconds);
        durability.StaleNodeTimeout = TimeSpan.FromSeconds(options.StaleNodeSeconds);
        durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(options.CheckAssignmentSeconds);
    }

    private static ClusterOptions Read(WebApplicationBuilder builder)
    {
        var options = new ClusterOptions { Enabled = !builder.Environment.IsDevelopment() };
        builder.Configuration.GetSection("Cluster").Bind(options);
        return options;
    }
}
