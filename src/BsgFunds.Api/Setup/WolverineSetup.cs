using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;

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
        // CodeGeneration:Mode overrides the default per environment: Static runs only pre-generated code (the container
        // image and the benchmark build it with `codegen write`), and a build without it refuses to start.
        var configured = Enum.TryParse<TypeLoadMode>(builder.Configuration["CodeGeneration:Mode"], ignoreCase: true,
            out var mode) ? mode : (TypeLoadMode?)null;
        builder.Services.CritterStackDefaults(x =>
        {
            x.Development.GeneratedCodeMode = configured ?? TypeLoadMode.Dynamic;
            x.Development.AssertAllPreGeneratedTypesExist = configured == TypeLoadMode.Static;
            x.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            // Auto uses pre-generated code when the build has it and generates the rest.
            x.Production.GeneratedCodeMode = configured ?? TypeLoadMode.Auto;
            x.Production.AssertAllPreGeneratedTypesExist = configured == TypeLoadMode.Static;
            x.Production.ResourceAutoCreate = AutoCreate.None;
        });
        builder.Services.AddWolverineHttp();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<ContributionOptions>(builder.Configuration.GetSection("Contributions"));
        builder.Services.Configure<SpendingOptions>(builder.Configuration.GetSection("Spending"));
        builder.Services.Configure<BsgFunds.Api.Exports.IatiOptions>(builder.Configuration.GetSection("Iati"));
        builder.Services.Configure<BsgFunds.Api.BankStatements.BankStatementOptions>(builder.Configuration.GetSection("BankStatements"));
        return builder;
    }

    public static void ConfigureEndpoints(WolverineHttpOptions opts)
    {
        opts.RejectUnparseableQueryValues = true;
        opts.AddMiddleware(typeof(AuditTrailMiddleware), chain => !chain.HttpMethods.Contains("GET"));
    }
}
