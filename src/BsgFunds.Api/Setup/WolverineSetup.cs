using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;
using Wolverine.Http;

namespace BsgFunds.Api.Setup;

public static class WolverineSetup
{
    public static WebApplicationBuilder AddBsgWolverine(this WebApplicationBuilder builder)
    {
        builder.Host.ApplyJasperFxExtensions();
        builder.Host.UseWolverine(opts =>
        {
            // Without this, a test host (whose entry assembly is the test runner) finds no endpoints.
            opts.ApplicationAssembly = typeof(Program).Assembly;
            opts.Policies.AutoApplyTransactions();
            opts.Durability.Mode = ClusterOptions.IsOn(builder) ? DurabilityMode.Balanced : DurabilityMode.Solo;
            ClusterOptions.Configure(builder, opts.Durability);
        });
        builder.Services.CritterStackDefaults(x =>
        {
            x.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            x.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            // Auto uses pre-generated code when the build has it (the container image does: deploy/Dockerfile) and
            // generates the rest; the image sets CodeGeneration:Mode=Static so that missing code stops it at start.
            x.Production.GeneratedCodeMode = Enum.TryParse<TypeLoadMode>(builder.Configuration["CodeGeneration:Mode"], ignoreCase: true, out var mode) ? mode : TypeLoadMode.Auto;
            x.Production.AssertAllPreGeneratedTypesExist = x.Production.GeneratedCodeMode == TypeLoadMode.Static;
            x.Production.ResourceAutoCreate = AutoCreate.None;
        });
        builder.Services.AddWolverineHttp();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<ContributionOptions>(builder.Configuration.GetSection("Contributions"));
        builder.Services.Configure<SpendingOptions>(builder.Configuration.GetSection("Spending"));
        builder.Services.Configure<BsgFunds.Api.Exports.IatiOptions>(builder.Configuration.GetSection("Iati"));
        return builder;
    }

    public static void ConfigureEndpoints(WolverineHttpOptions opts)
    {
        opts.RejectUnparseableQueryValues = true;
        opts.AddMiddleware(typeof(AuditTrailMiddleware), chain => !chain.HttpMethods.Contains("GET"));
    }
}
