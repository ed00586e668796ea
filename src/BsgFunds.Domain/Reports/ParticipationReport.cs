using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Reports;

/// <summary>Who BSG money reached in a year (paid disbursements): by country, ITU region, country group (on the payment date) and gender.</summary>
public sealed record ParticipationReport(
    int Year, DateTimeOffset AsOf, long LastSequence, IReadOnlyList<ParticipationLine> Lines, int FellowshipsToWomen, int FellowshipsToMen,
        decimal WomenSharePercent)
    : IReport<ParticipationRow>
{
    public IEnumerable<ParticipationRow> Rows() => Lines.Select(l => new ParticipationRow
    {
        Year = Year,
        Beneficiaries = l.Beneficiaries,
        Dimension = l.Dimension,
        Key = l.Key,
        Count = l.Count,
        AmountChf = l.AmountChf,
    });

    public static ParticipationReport Build(ReportBook book, int year, DateTimeOffset asOf)
    {
        var rows = new List<(string Beneficiaries, string Dimension, string Key, decimal Amount)>();
        foreach (var p in book.Payments.Where(p => p.PaidOn.Year == year))
        {
            var who = p.Kind == DisbursementKind.Fellowship ? "Fellowships" : "OtherBeneficiaries";
            var country = book.Country(p.CountryCode);
            rows.Add((who, "Country", p.CountryCode, p.AmountChf));
            rows.Add((who, "Region", country?.Region.ToString() ?? "Unknown", p.AmountChf));
            foreach (var g in Enum.GetValues<CountryGroup>().Where(g => country?.IsMemberOn(g, p.PaidOn) == true)) rows.Add((who, "CountryGroup",
                g.ToString(), p.AmountChf));
            rows.Add((who, "Gender", p.Gender?.ToString() ?? "Unrecorded", p.AmountChf));
        }

        var lines = rows.GroupBy(r => (r.Beneficiaries, r.Dimension, r.Key))
            .Select(g => new ParticipationLine(g.Key.Beneficiaries, g.Key.Dimension, g.Key.Key, g.Count(), g.Sum(r => r.Amount)))
            .OrderBy(l => l.Beneficiaries, StringComparer.Ordinal).ThenBy(l => l.Dimension, StringComparer.Ordinal).ThenBy(l => l.Key,
                StringComparer.Ordinal)
            .ToList();
        var fellowships = book.Payments.Where(p => p.PaidOn.Year == year && p.Kind == DisbursementKind.Fellowship).ToList();
        var women = fellowships.Count(p => p.Gender == Gender.Female);
        var men = fellowships.Count(p => p.Gender == Gender.Male);
        var share = women + men == 0 ? 0m : Math.Round(100m * women / (women + men), 2, MidpointRounding.AwayFromZero);
        return new ParticipationReport(year, asOf, book.LastSequence, lines, women, men, share);
    }
}
