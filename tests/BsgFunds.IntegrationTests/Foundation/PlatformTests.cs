using System.Text.Json;
using BsgFunds.Api.Setup;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BsgFunds.IntegrationTests.Foundation;

public class PlatformTests(AppFixture app) : ApiTest(app)
{
    // api.md: the keys that sign tree heads are public, so that anyone can check a head.
    private static readonly string[] AnonymousRoutes = ["/health/live", "/health/ready", "/api/dev/token", "/api/audit/keys"];

    [Fact]
    public async Task health_is_live_and_ready_against_the_database()
    {
        await Send("GET", "/health/live", null);
        var ready = await Send("GET", "/health/ready", null);
        var report = JsonDocument.Parse(await ready.ReadAsTextAsync()).RootElement;
        report.GetProperty("status").GetString().Should().Be("Healthy");
        report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().Should().Be("Healthy");
        report.GetProperty("checks").GetProperty("projections").GetProperty("status").GetString().Should().Be("Healthy");
    }

    [Fact]
    public void every_endpoint_states_the_roles_it_allows_and_only_health_and_the_dev_token_are_anonymous()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Should().NotBeEmpty();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                AnonymousRoutes.Should().Contain(route, $"{route} is anonymous");
                continue;
            }

            var roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r));
            roles.Should().NotBeEmpty($"{route} must state the roles it allows");
        }
    }

    [Fact]
    public async Task swagger_describes_every_api_endpoint_with_bearer_security()
    {
        await Send("GET", "/swagger/index.html", null);
        var document = JsonDocument.Parse(await (await Send("GET", "/swagger/v1/swagger.json", null)).ReadAsTextAsync()).RootElement;
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _).Should().BeTrue();
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/countries", "/api/countries/{code}", "/api/countries/{code}/classifications", "/api/exchange-rates",
            "/api/exchange-rates/{currency}/{month}" })
        {
            paths.TryGetProperty(path, out _).Should().BeTrue($"{path} is in the OpenAPI document");
        }

        var put = paths.GetProperty("/api/exchange-rates/{currency}/{month}").GetProperty("put");
        put.GetProperty("responses").TryGetProperty("403", out _).Should().BeTrue();
        put.GetProperty("description").GetString().Should().Contain("FinanceOfficer");
    }

    [Fact]
    public void every_registered_event_type_is_in_the_event_catalogue()
    {
        var catalogue = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "events.md"));
        foreach (var type in MartenSetup.EventTypes)
        {
            catalogue.Should().Contain($"`{type.Name}`", $"docs/events.md must describe {type.Name}");
        }
    }

    [Fact]
    public void every_refusal_code_in_the_code_is_in_the_problem_catalogue()
    {
        var catalogue = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "problems.md"));
        var codes = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), RefusalCode).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        codes.Should().Contain("currency-unknown");
        foreach (var code in codes) catalogue.Should().Contain($"`{code}`", $"docs/problems.md must explain {code}");
    }

    // A kebab-case literal handed to a refusal, a problem type or a Code constant.
    private const string RefusalCode = @"(?:Refusal(?:\.\w+)?\(|TypeFor\(|Code = )[^""\n]*?""([a-z]+(?:-[a-z]+)+)""";

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BsgFunds.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BsgFunds.sln not found above the test binaries.");
    }
}
