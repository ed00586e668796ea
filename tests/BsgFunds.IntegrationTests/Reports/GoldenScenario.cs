using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Spending;

namespace BsgFunds.IntegrationTests.Reports;

/// <summary>
/// The reports' golden scenario, in the current year Y so that it never ages out of "this year":
/// three donors in USD, EUR and CHF; pooled and earmarked money; a conditional agreement; fellowships to an LDC
/// and a SIDS, to women and men; a refund and a reversal. Every figure the tests expect is worked out in comments.
/// </summary>
public sealed class GoldenScenario
{
    public static readonly int Y = DateTime.UtcNow.Year;

    public Guid UnitedStates { get; private set; }
    public Guid Foundation { get; private set; }
    public Guid Itu { get; private set; }
    public Guid UsContribution { get; private set; }
    public Guid UsSecondPledge { get; private set; }
    public Guid FoundationContribution { get; private set; }
    public Guid ItuContribution { get; private set; }
    public Guid Fellowships { get; private set; }
    public Guid Consultation { get; private set; }
    public DateTimeOffset BeforeReversal { get; private set; }
    public DateTimeOffset AfterReversal { get; private set; }

    public static string D(int year, int month, int day) => new DateOnly(year, month, day).ToString("yyyy-MM-dd",
        System.Globalization.CultureInfo.InvariantCulture);

    public async Task Run(Func<string, string, Guid?, Task<string>> tokenFor, Alba.IAlbaHost host)
    {
        var fo = new FinanceOffice(host, await tokenFor("FinanceOfficer", "fo-1", null));
        var spending = new SpendingOffice(host);
        var po = await tokenFor("ProgrammeOfficer", "po-1", null);
        var po2 = await tokenFor("ProgrammeOfficer", "po-2", null);
        var tsb = await tokenFor("TsbDirector", "tsb", null);
        var bdt = await tokenFor("BdtDirector", "bdt", null);

        await fo.Rate("USD", $"{Y}-01", 0.90m);
        await fo.Rate("USD", $"{Y}-03", 0.88m);
        await fo.Rate("USD", $"{Y}-06", 0.89m);
        await fo.Rate("EUR", $"{Y}-02", 0.95m);
        await fo.Rate("EUR", $"{Y}-04", 0.96m);

        await fo.Send("PUT", $"/api/budget/{Y}", new { version = "Original", lines = new[] { new { programme = 3, use = "Fellowship",
            amountChf = 60_000m }, new { programme = 1, use = "AssistanceAndConsultation", amountChf = 40_000m } } }, 200);
        await fo.Send("PUT", $"/api/budget/{Y}", new { version = "Revised", lines = new[] { new { programme = 3, use = "Fellowship",
            amountChf = 70_000m }, new { programme = 1, use = "AssistanceAndConsultation", amountChf = 40_000m } } }, 200);

        // United States, pooled, USD 100 000: pledged at 0.90 (CHF 90 000); 60 000 received at 0.88 = 52 800, relief 54 000, loss 1 200, PSC 3 696.
        UnitedStates = await fo.Donor("United States of America", "MemberState", "US");
        UsContribution = await Pledge(fo, UnitedStates, "DevelopedCountryVoluntary", 100_000m, "USD", D(Y, 1, 5), null);
        await fo.Send("POST", $"/api/contributions/{UsContribution}/agreement", new
        {
            signedOn = D(Y, 1, 15), reference = "US-BSG-1", amount = new { amount = 100_000m, currency = "USD" },
            instalments = new[]
            {
                new { dueOn = D(Y, 3, 1), amount = 60_000m }, new { dueOn = D(Y + 2, 8, 15), amount = 15_000m },
                new { dueOn = D(Y + 2, 12, 1), amount = 15_000m }, new { dueOn = D(Y + 3, 3, 1), amount = 10_000m },
            },
        }, 200);
        await fo.Receive(UsContribution, 60_000m, "USD", D(Y, 3, 10), "US-0310");
        // A second pledge, never agreed: USD 10 000 at June's 0.89 = CHF 8 900, outstanding beside the line, never inside.
        UsSecondPledge = await Pledge(fo, UnitedStates, "DevelopedCountryVoluntary", 10_000m, "USD", D(Y, 6, 1), null);

        // Foundation, earmarked to Programme 3 fellowships, EUR 50 000 conditional: 47 500 deferred at 0.95, released on the condition;
        // received at 0.96 = 48 000, relief 47 500, gain 500, PSC 3 360.
        Foundation = await fo.Donor("Fondation Européenne", "Foundation", "FR");
        FoundationContribution = await Pledge(fo, Foundation, "OtherVoluntary", 50_000m, "EUR", D(Y, 2, 1), new { category = "Earmarked",
            programme = 3, use = "Fellowship" });
        await fo.Send("POST", $"/api/contributions/{FoundationContribution}/agreement", new
        {
            signedOn = D(Y, 2, 10), reference = "FE-2", amount = new { amount = 50_000m, currency = "EUR" },
            instalments = new[] { new { dueOn = D(Y, 4, 1), amount = 50_000m } },
                conditions = new[] { new { description = "Selection panel set up" } },
        }, 200);
        await fo.Send("POST", $"/api/contributions/{FoundationContribution}/conditions/1/satisfied", new { on = D(Y, 3, 15),
            evidence = "Panel minutes" }, 200);
        await fo.Receive(FoundationContribution, 50_000m, "EUR", D(Y, 4, 5), "FE-0405");

        // ITU Secretariat, pooled, CHF 30 000 at 0 % PSC: a receipt keyed by mistake is reversed, the right one recorded; CHF 2 000 refunded.
        Itu = await fo.Donor("ITU Secretariat", "ItuSecretariat", null);
        ItuContribution = await Pledge(fo, Itu, "ItuAdditionalBudget", 30_000m, "CHF", D(Y, 1, 2), null);
        await fo.Send("POST", $"/api/contributions/{ItuContribution}/agreement", new
        {
            signedOn = D(Y, 1, 20), reference = "ITU-AB", amount = new { amount = 30_000m, currency = "CHF" }, pscRatePercent = 0m,
            instalments = new[] { new { dueOn = D(Y, 2, 1), amount = 30_000m } },
        }, 200);
        var wrong = await fo.Receive(ItuContribution, 30_000m, "CHF", D(Y, 2, 1), "ITU-WRONG");
        BeforeReversal = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await fo.Send("POST", $"/api/contributions/{ItuContribution}/reversals", new { eventSequence = wrong.EventSequence,
            reason = "Wrong bank reference" }, 201);
        await Task.Delay(20);
        AfterReversal = DateTimeOffset.UtcNow;
        await fo.Receive(ItuContribution, 30_000m, "CHF", D(Y, 2, 1), "ITU-1");
        await fo.Send("POST", $"/api/contributions/{ItuContribution}/refunds", new { amountChf = 2_000m, reason = "Over-budgeted",
            donorConsentReference = "ITU-C-1" }, 201);

        // Fellowships, CHF 20 000, TSB and BDT: all from the Foundation's earmarked money (44 640 available -> 24 640).
        Fellowships = await spending.RequestAllocation(po, 3, "Fellowship", 20_000m);
        await spending.Approve(tsb, Fellowships);
        await spending.SignOff(bdt, Fellowships);
        // Consultation, CHF 15 000, TSB only: pooled money, oldest receipt first: the ITU's (Y-02-01) before the US one (Y-03-10).
        Consultation = await spending.RequestAllocation(po, 1, "AssistanceAndConsultation", 15_000m);
        await spending.Approve(tsb, Consultation);

        // Paid on Y-04-20: a full fellowship to a woman from Senegal (LDC), a full one to a man from Fiji (SIDS), a ticket to a
        // woman from Tuvalu (LDC and SIDS).
        await Disburse(spending, po, po2, tsb, fo, Fellowships, 4_000m, "Fellowship", new { name = "A. Diop", personId = "SN-1", countryCode = "SN",
            gender = "Female" }, "Full", D(Y, 4, 20));
        await Disburse(spending, po, po2, tsb, fo, Fellowships, 3_500m, "Fellowship", new { name = "J. Rabuka", personId = "FJ-1",
            countryCode = "FJ", gender = "Male" }, "Full", D(Y, 4, 20));
        await Disburse(spending, po, po2, tsb, fo, Fellowships, 1_500m, "Fellowship", new { name = "M. Teo", personId = "TV-1", countryCode = "TV",
            gender = "Female" }, "Ticket", D(Y, 4, 20));
        // And CHF 6 000 to a Kenyan institution on Y-05-15, from the consultation (ITU money).
        await Disburse(spending, po, po2, tsb, fo, Consultation, 6_000m, "Institution", new { name = "KENET", countryCode = "KE" }, null, D(Y, 5,
            15));
    }

    private static async Task<Guid> Pledge(FinanceOffice fo, Guid donor, string source, decimal amount, string currency, string pledgedOn,
        object? earmark) =>
        (await FinanceOffice.Read<IdAnswer>(await fo.Send("POST", "/api/contributions",
            new { donorId = donor, source, amount = new { amount, currency }, pledgedOn, earmark }, 201))).Id;

    private static async Task Disburse(SpendingOffice spending, string po, string po2, string tsb, FinanceOffice fo, Guid allocation,
        decimal amount, string kind, object payee, string? fellowship, string paidOn)
    {
        var body = fellowship is null
            ? (object)new { amountChf = amount, kind, purpose = "BSG", payee }
            : new { amountChf = amount, kind, purpose = "BSG", payee, meeting = new { code = $"SG17-{Y}-05", startsOn = D(Y, 5, 4) }, fellowship };
        var created = await FinanceOffice.Read<IdAnswer>(await spending.Send(po, "POST", $"/api/allocations/{allocation}/disbursements", body, 201));
        await spending.Send(po2, "POST", $"/api/disbursements/{created.Id}/certify", null, 200);
        await spending.Send(tsb, "POST", $"/api/disbursements/{created.Id}/approve", null, 200);
        await fo.Send("POST", $"/api/disbursements/{created.Id}/pay", new { paidOn, paymentReference = $"PAY-{created.Id.ToString()[..6]}" }, 200);
    }
}
