using BsgFunds.Api.StaffConsole;
using BsgFunds.Api.Dev;
using BsgFunds.Api.Portal;
using BsgFunds.Api.Setup;
using BsgFunds.Api.Telemetry;

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
app.UseBsgConsole();
app.UseAuthentication();
app.UseRoleConflictRefusal();
app.UseAuthorization();
app.UseBsgReliability();

app.MapBsgHealthChecks();
app.MapWolverineEndpoints(WolverineSetup.ConfigureEndpoints);
if (app.Environment.IsDevelopment()) app.MapDevTokenEndpoint();

return await app.RunBsgFundsAsync(args);

public partial class Program;
