using BsgFunds.Api.Dev;
using BsgFunds.Api.Http;
using BsgFunds.Api.Portal;
using BsgFunds.Api.Setup;
using BsgFunds.Api.Telemetry;
using JasperFx;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddBsgMarten();
builder.AddBsgWolverine();
builder.AddBsgAuthentication();
builder.AddBsgProblemDetails();
builder.AddBsgOpenApi();
builder.AddBsgHealthChecks();
builder.AddBsgReliability();
builder.AddBsgTelemetry();

var app = builder.Build();

app.UseCorrelationId();
// Outside the problem handler, sign-in, limits and idempotency, so that their refusals are counted too.
app.UseCommandTelemetry();
app.UseBsgProblemDetails();
app.UseBsgOpenApi();
app.UseBsgPortal();
app.UseAuthentication();
app.UseRoleConflictRefusal();
app.UseAuthorization();
app.UseBsgReliability();

app.MapBsgHealthChecks();
app.MapWolverineEndpoints(WolverineSetup.ConfigureEndpoints);
if (app.Environment.IsDevelopment()) app.MapDevTokenEndpoint();

// Given --urls, JasperFx runs the host but answers 0 even when it fails to start; run it here so that a failed start
// (say, no OpenID Connect issuer configured) exits non-zero and the orchestrator sees it.
if (args.Any(a => a.StartsWith("--urls", StringComparison.OrdinalIgnoreCase)))
{
    try
    {
        await app.RunAsync();
        return 0;
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        // The host has logged why; the exit code tells the orchestrator.
        Console.Error.WriteLine($"The API did not start: {e.Message}");
        return 1;
    }
}

return await app.RunJasperFxCommands(args);

public partial class Program;
