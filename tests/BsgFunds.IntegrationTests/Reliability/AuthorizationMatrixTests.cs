using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BsgFunds.IntegrationTests.Reliability;

/// <summary>Every endpoint of the running app × every role, against api.md's "who" column.</summary>
public class AuthorizationMatrixTests(AppFixture app) : ApiTest(app)
{
    private const string FO = "FinanceOfficer", PO = "ProgrammeOfficer", TSB = "TsbDirector", BDT = "BdtDirector", DONOR = "Donor",
        AUDITOR = "Auditor";
    private static readonly string[] AllRoles = [FO, PO, TSB, BDT, DONOR, AUDITOR];
    private static readonly string[] Staff = [FO, PO, TSB, BDT];
    private static readonly string[] StaffAndAuditor = [.. Staff, AUDITOR];
    private static readonly string[] DonorReaders = [FO, AUDITOR, TSB, BDT, DONOR];
    private static readonly string[] Anonymous = ["anonymous"];

    /// <summary>api.md, row by row. A new endpoint without a row here fails the test.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["GET /api/countries"] = AllRoles,
        ["GET /api/countries/{code}"] = AllRoles,
        ["PUT /api/countries/{code}/classifications"] = [FO],
        ["PUT /api/exchange-rates/{currency}/{month}"] = [FO],
        ["GET /api/exchange-rates"] = AllRoles,
        ["POST /api/donors"] = [FO],
        ["GET /api/donors"] = DonorReaders,
        ["GET /api/donors/{id}"] = DonorReaders,
        ["POST /api/donors/{id}/bank-accounts"] = [FO],
        ["POST /api/bank-statements"] = [FO],
        ["GET /api/bank-statements"] = [FO, AUDITOR],
        ["GET /api/bank-statements/{id}"] = [FO, AUDITOR],
        ["POST /api/bank-statements/{id}/lines/{n}/confirm"] = [FO],
        ["POST /api/bank-statements/{id}/lines/{n}/set-aside"] = [FO],
        ["POST /api/contributions"] = [FO],
        ["GET /api/contributions"] = DonorReaders,
        ["GET /api/contributions/{id}"] = DonorReaders,
        ["GET /api/contributions/{id}/history"] = [FO, AUDITOR, TSB, BDT],
        ["POST /api/contributions/{id}/agreement"] = [FO],
        ["POST /api/contributions/{id}/withdrawal"] = [FO],
        ["POST /api/contributions/{id}/amendments"] = [FO],
        ["POST /api/contributions/{id}/conditions/{n}/satisfied"] = [FO],
        ["POST /api/contributions/{id}/receipts"] = [FO],
        ["POST /api/contributions/{id}/write-offs"] = [FO],
        ["POST /api/contributions/{id}/refunds"] = [FO],
        ["POST /api/contributions/{id}/reversals"] = [FO],
        ["POST /api/in-kind"] = [FO],
        ["GET /api/in-kind"] = [.. StaffAndAuditor, DONOR],
        ["GET /api/in-kind/{id}"] = [.. StaffAndAuditor, DONOR],
        ["POST /api/in-kind/{id}/reversal"] = [FO],
        ["PUT /api/budget/{year}"] = [FO],
        ["GET /api/budget/{year}"] = StaffAndAuditor,
        ["POST /api/allocations"] = [PO],
        ["GET /api/allocations"] = StaffAndAuditor,
        ["GET /api/allocations/{id}"] = StaffAndAuditor,
        ["POST /api/allocations/{id}/approve"] = [TSB],
        ["POST /api/allocations/{id}/bdt-signoff"] = [BDT],
        ["POST /api/allocations/{id}/reject"] = [TSB, BDT],
        ["POST /api/allocations/{id}/close"] = [PO, TSB],
        ["POST /api/allocations/{id}/disbursements"] = [PO],
        ["GET /api/disbursements/{id}"] = StaffAndAuditor,
        ["POST /api/disbursements/{id}/certify"] = [PO],
        ["POST /api/disbursements/{id}/approve"] = [TSB],
        ["POST /api/disbursements/{id}/pay"] = [FO],
        ["POST /api/disbursements/{id}/cancel"] = [PO, TSB],
        ["POST /api/delegations"] = [TSB],
        ["GET /api/delegations/{id}"] = StaffAndAuditor,
        ["GET /api/reports/line-items"] = StaffAndAuditor,
        ["GET /api/reports/funding-sources"] = StaffAndAuditor,
        ["GET /api/reports/participation"] = StaffAndAuditor,
        ["GET /api/exports/iati"] = StaffAndAuditor,
        ["GET /api/reports/implementation"] = StaffAndAuditor,
        ["GET /api/reports/funding-gap"] = StaffAndAuditor,
        ["GET /api/reports/donors/{donorId}/statement"] = [.. StaffAndAuditor, DONOR],
        ["GET /api/reports/receivables"] = [FO, AUDITOR],
        ["GET /api/reports/trial-balance"] = [FO, AUDITOR],
        ["GET /api/statements/{kind}"] = [FO, TSB, AUDITOR],
        ["GET /api/audit/events"] = [AUDITOR],
        ["GET /api/audit/digest"] = [AUDITOR, FO],
        ["POST /api/audit/verify"] = [AUDITOR],
        ["GET /api/audit/journal"] = [AUDITOR],
        ["POST /api/audit/rebuild"] = [AUDITOR],
        ["GET /api/audit/tree-heads"] = [AUDITOR, FO],
        ["GET /api/audit/tree-heads/latest"] = [AUDITOR, FO],
        ["GET /api/audit/proofs/inclusion"] = [AUDITOR],
        ["GET /api/audit/proofs/consistency"] = [AUDITOR, FO],
        ["GET /api/contributions/{id}/receipts/{sequence}/proof"] = [FO, AUDITOR, DONOR],
        ["POST /api/periods/{year}/close"] = [FO, TSB],
        ["GET /api/periods/{year}"] = StaffAndAuditor,
        ["POST /api/dev/token"] = Anonymous,
        ["GET /health/live"] = Anonymous,
        ["GET /health/ready"] = Anonymous,
        ["GET /api/audit/keys"] = Anonymous,
    };

    [Fact]
    public async Task every_endpoint_admits_exactly_the_roles_api_md_names()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct()
            .ToList();
        endpoints.Except(Allowed.Keys).Should().BeEmpty("every endpoint needs a row in the matrix");
        Allowed.Keys.Except(endpoints).Should().BeEmpty("every row names an endpoint that exists");

        var tokens = new Dictionary<string, string?> { ["anonymous"] = null };
        foreach (var role in AllRoles) tokens[role] = await TokenFor(role, $"matrix-{role}", role == DONOR ? Guid.NewGuid() : null);

        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !Allowed[e].SequenceEqual(Anonymous)))
        {
            var method = endpoint.Split(' ')[0];
            var url = Fill(endpoint.Split(' ')[1]);
            foreach (var (role, token) in tokens)
            {
                var result = await Host.Scenario(s =>
                {
                    if (method == "GET") s.Get.Url(url);
                    else (method == "PUT" ? s.Put : s.Post).Json(new { }).ToUrl(url);
                    if (token is not null) s.WithRequestHeader("Authorization", $"Bearer {token}");
                    s.IgnoreStatusCode();
                });
                var status = result.Context.Response.StatusCode;
                var expected = role == "anonymous" ? "401" : Allowed[endpoint].Contains(role) ? "allowed" : "403";
                var actual = status == 401 ? "401" : status == 403 ? "403" : "allowed";
                if (actual != expected) failures.Add($"{endpoint} as {role}: expected {expected}, got {status}");
                status.Should().BeLessThan(500, $"{endpoint} as {role}");
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task a_donor_sees_its_own_objects_and_gets_404_for_another_donors()
    {
        var fo = new FinanceOffice(Host, await TokenFor(FO));
        var a = await fo.Donor("A", "Foundation", null);
        var b = await fo.Donor("B", "Foundation", null);
        var ca = await fo.Pledge(a, "OtherVoluntary", 1m, "CHF");
        var cb = await fo.Pledge(b, "OtherVoluntary", 1m, "CHF");
        var donorA = await TokenFor(DONOR, "donor-a", a);
        foreach (var (own, foreign) in new[] { ($"/api/donors/{a}", $"/api/donors/{b}"), ($"/api/contributions/{ca}", $"/api/contributions/{cb}"),
                     ($"/api/contributions?donorId={a}", $"/api/contributions?donorId={b}"), ($"/api/reports/donors/{a}/statement",
                         $"/api/reports/donors/{b}/statement") })
        {
            await Send("GET", own, donorA);
            await Send("GET", foreign, donorA, expectedStatus: 404);
        }
    }

    private static string Fill(string route) => route
        .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{donorId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{code}", "CH", StringComparison.Ordinal)
        .Replace("{currency}", "USD", StringComparison.Ordinal)
        .Replace("{month}", "2026-01", StringComparison.Ordinal)
        .Replace("{year}", "2026", StringComparison.Ordinal)
        .Replace("{n}", "1", StringComparison.Ordinal);
}
