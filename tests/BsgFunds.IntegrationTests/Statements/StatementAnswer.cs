namespace BsgFunds.IntegrationTests.Statements;

public sealed record StatementAnswer(
    string Kind, string Title, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string Standard, string PreviousStandard,
    DateTimeOffset AsOf, long LastSequence, List<StatementRowAnswer> Lines, List<string> Policies)
{
    public decimal this[string section, string item] =>
        Lines.SingleOrDefault(l => l.Section == section && l.Item == item)?.CurrentChf
        ?? throw new KeyNotFoundException(
            $"{Kind} has no line '{section}' / '{item}': {string.Join("; ", Lines.Select(l => $"{l.Section}/{l.Item}"))}");

    public decimal Previous(string section, string item) => Lines.Single(l => l.Section == section && l.Item == item).PreviousChf;
}

public sealed record StatementRowAnswer(string Section, string Item, decimal CurrentChf, decimal PreviousChf);
