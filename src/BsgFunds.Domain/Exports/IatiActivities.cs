using System.Globalization;
using System.Xml.Linq;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.InKind;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Reports;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Exports;

/// <summary>
/// The BSG fund as an IATI 2.03 activity file for one year, folded from the report book. The fund is the parent
/// activity (hierarchy 1) and receives the money: incoming pledges (13), commitments (11) and funds (1). Each of the
/// three programmes is a child activity (hierarchy 2) that spends it: outgoing commitments (2) when allocations are
/// approved or released, disbursements (3) to institutions and expenditure (4) on fellowships, experts and vendors.
/// Corrections appear as negative transactions on their own date. No payee is named: fellows are people.
/// </summary>
public static class IatiActivities
{
    public const string Version = "2.03";
    private const string ItuOrganisationType = "40";

    // CRS purpose codes (DAC 5-digit) describing what each programme of Resolution 44 does.
    private static readonly Dictionary<int, (string Sector, string Title)> Programmes = new()
    {
        [1] = ("22010", "Strengthening standards-making capabilities"),
        [2] = ("22040", "Assistance to developing countries in the application of ITU-T standards"),
        [3] = ("11430", "Human resources capacity building"),
    };

    public static XDocument Build(ReportBook book, int year, IatiPublisher publisher, DateTimeOffset generatedAt, MoneyEntries entries)
    {
        var fundId = $"{publisher.OrganisationRef}-BSG";
        // An empty ledger has no last event: the file's own time stands for it.
        var updated = book.LastTimestamp ?? generatedAt;
        var activities = new List<XElement> { Fund(book, year, publisher, fundId, entries, updated) };
        activities.AddRange(Programmes.Keys.Select(p => Programme(book, year, publisher, fundId, p, updated)));
        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement("iati-activities",
                new XAttribute("version", Version),
                new XAttribute("generated-datetime", Timestamp(generatedAt)),
                activities));
    }

    private static XElement Fund(ReportBook book, int year, IatiPublisher publisher, string fundId, MoneyEntries entries, DateTimeOffset updated)
    {
        var incoming = Incoming(book, year, entries).Concat(GoodsInKind(book, year)).OrderBy(t => t.On).ThenBy(t => t.Type).ToList();
        var funders = Funders(book, incoming.Select(t => t.DonorId));
        return Activity(updated, publisher, fundId, 1,
            "ITU-T Bridging the Standardization Gap (BSG) fund",
            "Voluntary contributions, partnership contributions and ITU budget for the BSG expenditure line item "
                + "(WTSA Resolution 44, Annex, Programme 4).",
            ServicesInKind(book, year),
            [.. funders.Select(Funding), .. Itu(publisher)],
            Start(book, year),
            geography: [],
            sector: Programmes[1].Sector,
            Budgets(book, year, _ => true),
            incoming.Select(t => t.Element),
            Programmes.Keys.Select(p => Related($"{fundId}-P{p}", "2")));
    }

    private static XElement Programme(ReportBook book, int year, IatiPublisher publisher, string fundId, int programme, DateTimeOffset updated)
    {
        var commitments = Commitments(book, year, programme).ToList();
        var payments = book.Payments.Where(p => p.Programme == programme && p.PaidOn.Year == year)
            .OrderBy(p => p.PaidOn).ThenBy(p => p.DisbursementId).ToList();
        var funders = Funders(book, book.Allocations.Values.Where(a => a.Programme == programme && a.Year == year)
            .SelectMany(a => a.Funding).Select(f => f.DonorId));
        return Activity(updated, publisher, $"{fundId}-P{programme}", 2,
            $"BSG programme {programme}: {Programmes[programme].Title}",
            $"Activities of Programme {programme} of the Annex to WTSA Resolution 44, financed from the BSG fund.",
            otherDescription: null,
            [.. funders.Select(Funding), .. Itu(publisher)],
            Start(book, year),
            Geography(book, payments, publisher),
            Programmes[programme].Sector,
            Budgets(book, year, line => line.Programme == programme),
            [.. commitments, .. payments.Select(p => Payment(book, p))],
            [Related(fundId, "1")]);
    }

    // The donors behind some money, each once, by name.
    private static IEnumerable<DonorFacts> Funders(ReportBook book, IEnumerable<Guid> donorIds) =>
        donorIds.Distinct().Select(id => book.Donors.GetValueOrDefault(id)).OfType<DonorFacts>().OrderBy(d => d.Name, StringComparer.Ordinal);

    private static XElement Activity(
        DateTimeOffset updated, IatiPublisher publisher, string id, int hierarchy, string title, string description, string? otherDescription,
            IEnumerable<XElement> organisations,
        DateOnly start, IEnumerable<XElement> geography, string sector, IEnumerable<XElement> budgets, IEnumerable<XElement> transactions,
            IEnumerable<XElement> related) =>
        new("iati-activity",
            new XAttribute("last-updated-datetime", Timestamp(updated)),
            new XAttribute(XNamespace.Xml + "lang", "en"),
            new XAttribute("default-currency", Currency.ReportingCode),
            new XAttribute("hierarchy", hierarchy),
            new XElement("iati-identifier", id),
            new XElement("reporting-org", new XAttribute("ref", publisher.OrganisationRef), new XAttribute("type", ItuOrganisationType),
                Narrative(publisher.OrganisationName)),
            new XElement("title", Narrative(title)),
            new XElement("description", new XAttribute("type", "1"), Narrative(description)),
            otherDescription is null ? null : new XElement("description", new XAttribute("type", "4"), Narrative(otherDescription)),
            organisations,
            new XElement("activity-status", new XAttribute("code", "2")),
            new XElement("activity-date", new XAttribute("type", "2"), new XAttribute("iso-date", Date(start))),
            geography,
            new XElement("sector", new XAttribute("vocabulary", "1"), new XAttribute("code", sector), new XAttribute("percentage", "100")),
            new XElement("policy-marker", new XAttribute("vocabulary", "1"), new XAttribute("code", "1"), new XAttribute("significance",
                publisher.GenderSignificance)),
            budgets,
            transactions,
            related);

    private sealed record Transaction(DateOnly On, string Type, Guid DonorId, XElement Element);

    private static IEnumerable<Transaction> Incoming(ReportBook book, int year, MoneyEntries entries)
    {
        foreach (var c in book.Contributions.Values.OrderBy(c => c.PledgedOn).ThenBy(c => c.Id))
        {
            var donor = book.Donors.GetValueOrDefault(c.DonorId);
            if (c.PledgedOn.Year == year) yield return new(c.PledgedOn, "13", c.DonorId, Incoming("13", c.Id.ToString(), c.PledgedOn, c.Pledged,
                donor, c.Earmark));
            // A withdrawn pledge stays in the file as pledged, and its withdrawal is a negative pledge on its own date.
            if (c.WithdrawnOn is { } withdrawn && withdrawn.Year == year)
                yield return new(withdrawn, "13", c.DonorId, Incoming("13", $"{c.Id}-withdrawn", withdrawn, c.Pledged.Negate(), donor, c.Earmark));
            if (c.Agreement is { } a)
            {
                // The commitment as signed, then each amendment's change (negative for a reduction) on its own date.
                var signed = c.Amendments.Aggregate(a.Amount, (total, amendment) => total - amendment.Change);
                if (a.SignedOn.Year == year) yield return new(a.SignedOn, "11", c.DonorId, Incoming("11", a.Reference, a.SignedOn, signed, donor,
                    a.Earmark));
                foreach (var m in c.Amendments.Where(m => m.SignedOn.Year == year && !m.Change.IsZero))
                    yield return new(m.SignedOn, "11", c.DonorId, Incoming("11", m.Reference, m.SignedOn, m.Change, donor, a.Earmark));
            }
            // Refunds go back to the donor: negative incoming funds, so that the funds received net to what the fund kept.
            var e = entries.For(c.Id);
            foreach (var r in e.Receipts.Concat(e.Refunds.Select(r => Negated(r))).Where(r => r.On.Year == year))
                yield return new(r.On, "1", c.DonorId, Incoming("1", $"{r.Sequence}", r.On, r.Amount, donor, c.Earmark));
        }
    }

    /// <summary>
    /// Goods in kind, recognised at fair value, are incoming resources of the fund: IATI 2.03 has no in-kind transaction type,
    /// finance type or aid type, so they are incoming funds (1) said to be goods in kind in the transaction's description, in
    /// CHF on the day they were complete; a reversal is a negative one on its own date (docs/iati.md).
    /// </summary>
    private static IEnumerable<Transaction> GoodsInKind(ReportBook book, int year)
    {
        foreach (var k in book.InKind.Values.Where(k => k.Kind == InKindType.Goods).OrderBy(k => k.To).ThenBy(k => k.Id))
        {
            var donor = book.Donors.GetValueOrDefault(k.DonorId);
            var earmark = k.Programme is { } p ? Earmark.Pooled with { Category = EarmarkCategory.SoftlyEarmarked, Programme = p } : Earmark.Pooled;
            if (k.To.Year == year)
                yield return new(k.To, "1", k.DonorId, GoodsElement($"{k.Id}", k.To, Money.Chf(k.ValueChf), donor, earmark, k));
            if (k.ReversedOn is { } reversed && reversed.Year == year)
                yield return new(reversed, "1", k.DonorId, GoodsElement($"{k.Id}-reversed", reversed, Money.Chf(-k.ValueChf), donor, earmark, k));
        }
    }

    private static XElement GoodsElement(string reference, DateOnly on, Money value, DonorFacts? donor, Earmark earmark, InKindContribution k)
    {
        var element = Incoming("1", reference, on, value, donor, earmark);
        element.Element("value")!.AddAfterSelf(new XElement("description",
            Narrative($"Goods in kind (not cash), at fair value: {k.Description}. Valuation: {k.ValuationBasis}")));
        return element;
    }

    /// <summary>
    /// Services in kind are disclosed, not recognised, and IATI 2.03 has no transaction for resources that are neither funds
    /// nor recognised: the fund's activity states them in words (description type 4, other), as its notes do.
    /// </summary>
    private static string? ServicesInKind(ReportBook book, int year)
    {
        var services = book.InKind.Values.Where(k => k.Kind == InKindType.Services && k.To.Year == year && k.ReversedOn is null).ToList();
        if (services.Count == 0) return null;
        return $"Services in kind received in {year} (experts, hosting of meetings), disclosed and not recognised as revenue, "
            + $"so not among the transactions: {services.Count} contribution(s) valued at CHF {Number(services.Sum(k => k.ValueChf))}.";
    }

    private static MoneyEntry Negated(MoneyEntry refund) => new() { Sequence = refund.Sequence, On = refund.On, Amount = refund.Amount.Negate() };

    private static XElement Incoming(string type, string reference, DateOnly on, Money amount, DonorFacts? donor, Earmark earmark) =>
        new("transaction", new XAttribute("ref", reference),
            new XElement("transaction-type", new XAttribute("code", type)),
            new XElement("transaction-date", new XAttribute("iso-date", Date(on))),
            Value(amount.Amount, amount.Currency, on),
            new XElement("provider-org", donor is null ? null : new XAttribute("type", OrganisationType(donor.Type)),
                donor is null ? null : Narrative(donor.Name)),
            new XElement("aid-type", new XAttribute("code", EarmarkingCategory(earmark.Category)), new XAttribute("vocabulary", "2")));

    private static IEnumerable<XElement> Commitments(ReportBook book, int year, int programme)
    {
        var entries = book.Contributions.Values
            .SelectMany(c => c.Commitments.Select(e => (e.AllocationId, e.On, e.AmountChf)).Concat(c.Releases.Select(e => (e.AllocationId, e.On,
                AmountChf: -e.AmountChf))))
            .Where(e => e.On.Year == year && book.Allocations.TryGetValue(e.AllocationId, out var a) && a.Programme == programme);
        return entries.GroupBy(e => (e.AllocationId, e.On)).OrderBy(g => g.Key.On).ThenBy(g => g.Key.AllocationId)
            .Select(g => new XElement("transaction", new XAttribute("ref", g.Key.AllocationId),
                new XElement("transaction-type", new XAttribute("code", "2")),
                new XElement("transaction-date", new XAttribute("iso-date", Date(g.Key.On))),
                Value(g.Sum(e => e.AmountChf), Currency.ReportingCode, g.Key.On),
                new XElement("description", Narrative(book.Allocations[g.Key.AllocationId].Title))));
    }

    private static XElement Payment(ReportBook book, PaymentFacts payment)
    {
        // Money placed with an institution that spends it is a disbursement; fellowships, experts and vendors are spent directly.
        var type = payment.Kind == DisbursementKind.Institution ? "3" : "4";
        return new XElement("transaction", new XAttribute("ref", payment.DisbursementId),
            new XElement("transaction-type", new XAttribute("code", type)),
            new XElement("transaction-date", new XAttribute("iso-date", Date(payment.PaidOn))),
            Value(payment.AmountChf, Currency.ReportingCode, payment.PaidOn),
            new XElement("description", Narrative($"{payment.Kind}: {payment.Use}")),
            book.Country(payment.CountryCode) is null ? null : new XElement("recipient-country", new XAttribute("code", payment.CountryCode)));
    }

    /// <summary>Recipient countries and ITU regions, each weighted by the year's payments and each summing to 100.</summary>
    private static IEnumerable<XElement> Geography(ReportBook book, IReadOnlyList<PaymentFacts> payments, IatiPublisher publisher)
    {
        var located = payments.Select(p => (Payment: p,
            Country: book.Country(p.CountryCode))).Where(p => p.Country is not null && p.Payment.AmountChf > 0).ToList();
        var total = located.Sum(p => p.Payment.AmountChf);
        if (total <= 0) yield break;
        foreach (var (code, percentage) in Percentages(located.GroupBy(p => p.Country!.Code).Select(g => (g.Key, g.Sum(p => p.Payment.AmountChf))),
            total))
            yield return new XElement("recipient-country", new XAttribute("code", code), new XAttribute("percentage", Number(percentage)));
        foreach (var (region, percentage) in Percentages(located.GroupBy(p => p.Country!.Region.ToString()).Select(g => (g.Key,
            g.Sum(p => p.Payment.AmountChf))), total))
        {
            yield return new XElement("recipient-region", new XAttribute("code", region), new XAttribute("vocabulary", "99"),
                new XAttribute("vocabulary-uri", publisher.RegionVocabularyUri), new XAttribute("percentage", Number(percentage)),
                    Narrative(RegionName(region)));
        }
    }

    /// <summary>Shares to two decimals; the largest takes the rounding difference so that they add up to exactly 100.</summary>
    public static IReadOnlyList<(string Key, decimal Percentage)> Percentages(IEnumerable<(string Key, decimal Amount)> parts, decimal total)
    {
        var shares = parts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Amount, Percentage: Math.Round(p.Amount * 100m / total,
            2, MidpointRounding.AwayFromZero))).ToList();
        if (shares.Count == 0) return [];
        var largest = shares.IndexOf(shares.MaxBy(s => s.Amount));
        shares[largest] = shares[largest] with { Percentage = shares[largest].Percentage + 100m - shares.Sum(s => s.Percentage) };
        return shares.Select(s => (s.Key, s.Percentage)).ToList();
    }

    private static IEnumerable<XElement> Budgets(ReportBook book, int year, Func<BudgetLine, bool> include)
    {
        if (!book.Budgets.TryGetValue(year, out var budget)) yield break;
        if (budget.Original is { } original) yield return Budget("1", year, original.Where(include).Sum(l => l.AmountChf));
        if (budget.Revised is { } revised) yield return Budget("2", year, revised.Where(include).Sum(l => l.AmountChf));
    }

    // The line item is approved with ITU's budget, hence committed (status 2).
    private static XElement Budget(string type, int year, decimal amountChf) =>
        new("budget", new XAttribute("type", type), new XAttribute("status", "2"),
            new XElement("period-start", new XAttribute("iso-date", Date(new DateOnly(year, 1, 1)))),
            new XElement("period-end", new XAttribute("iso-date", Date(new DateOnly(year, 12, 31)))),
            Value(amountChf, Currency.ReportingCode, new DateOnly(year, 1, 1)));

    private static IEnumerable<XElement> Itu(IatiPublisher publisher) =>
    [
        Organisation("2", publisher.OrganisationRef, ItuOrganisationType, publisher.OrganisationName),
        Organisation("4", publisher.OrganisationRef, ItuOrganisationType, $"{publisher.OrganisationName}, Telecommunication Standardization Bureau"),
    ];

    private static XElement Funding(DonorFacts donor) => Organisation("1", null, OrganisationType(donor.Type), donor.Name);

    private static XElement Organisation(string role, string? reference, string type, string name) =>
        new("participating-org", reference is null ? null : new XAttribute("ref", reference), new XAttribute("type", type), new XAttribute("role",
            role), Narrative(name));

    private static XElement Related(string id, string type) => new("related-activity", new XAttribute("ref", id), new XAttribute("type", type));

    private static DateOnly Start(ReportBook book, int year) =>
        book.Contributions.Values.Select(c => c.PledgedOn).DefaultIfEmpty(new DateOnly(year, 1, 1)).Min();

    public static string OrganisationType(DonorType type) => type switch
    {
        DonorType.MemberState => "10",
        DonorType.SectorMember or DonorType.Associate => "70",
        DonorType.Academia => "80",
        DonorType.Foundation => "60",
        DonorType.ItuSecretariat => "40",
        _ => "90",
    };

    public static string EarmarkingCategory(EarmarkCategory category) => category switch
    {
        EarmarkCategory.Unearmarked => "1",
        EarmarkCategory.SoftlyEarmarked => "2",
        EarmarkCategory.Earmarked => "3",
        _ => "4",
    };

    private static string RegionName(string region) => Enum.Parse<ItuRegion>(region) switch
    {
        ItuRegion.ArabStates => "Arab States",
        ItuRegion.AsiaPacific => "Asia-Pacific",
        ItuRegion.Cis => "CIS",
        var r => r.ToString(),
    };

    private static XElement Value(decimal amount, string currency, DateOnly on) =>
        new("value", new XAttribute("currency", currency), new XAttribute("value-date", Date(on)), Number(amount));

    private static XElement Narrative(string text) => new("narrative", text);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
