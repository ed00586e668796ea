using BsgFunds.Api.Setup;
using BsgFunds.Domain.Reports;
using Weasel.Postgresql.Tables;

namespace BsgFunds.Api.Reports;

/// <summary>
/// The money entries behind the report book, one row per receipt, write-off, refund or reversal, written by the
/// report-book projection in the same transaction as the book. The book keeps only daily totals; statements and the
/// IATI file list entries from here, by contribution and business date, up to the book's sequence.
/// </summary>
public static class MoneyEntryTable
{
    public const string Name = $"{MartenSetup.Schema}.report_money_entries";

    public static Table Definition()
    {
        var table = new Table(Name);
        table.AddColumn<long>("sequence").AsPrimaryKey();
        table.AddColumn<int>("kind").AsPrimaryKey();
        table.AddColumn<Guid>("contribution_id").NotNull();
        table.AddColumn<DateOnly>("on_date").NotNull();
        table.AddColumn<DateTimeOffset>("recorded_at").NotNull();
        table.AddColumn<decimal>("amount").NotNull();
        table.AddColumn<string>("currency").NotNull();
        table.AddColumn<decimal>("rate_to_chf").NotNull();
        table.AddColumn<decimal>("amount_chf").NotNull();
        table.AddColumn<decimal>("psc_chf").NotNull();
        table.AddColumn<decimal>("exchange_difference_chf").NotNull();
        table.AddColumn<string>("reference");
        table.AddColumn<long>("reverses");
        table.Indexes.Add(new IndexDefinition("ix_report_money_entries_contribution") { Columns = ["contribution_id", "on_date"] });
        return table;
    }

    // One array per column, in the order Write passes them; a replay overwrites the rows it wrote before.
    private const string Upsert = $"""
        insert into {Name} (sequence, kind, contribution_id, on_date, recorded_at, amount, currency, rate_to_chf, amount_chf, psc_chf,
            exchange_difference_chf, reference, reverses)
        select * from unnest(?::bigint[], ?::int[], ?::uuid[], ?::date[], ?::timestamptz[], ?::numeric[], ?::text[], ?::numeric[],
            ?::numeric[], ?::numeric[], ?::numeric[], ?::text[], ?::bigint[])
        on conflict (sequence, kind) do update set contribution_id = excluded.contribution_id, on_date = excluded.on_date,
            recorded_at = excluded.recorded_at, amount = excluded.amount, currency = excluded.currency, rate_to_chf = excluded.rate_to_chf,
            amount_chf = excluded.amount_chf, psc_chf = excluded.psc_chf, exchange_difference_chf = excluded.exchange_difference_chf,
            reference = excluded.reference, reverses = excluded.reverses
        """;

    /// <summary>Queues one statement that writes the entries of a batch; a replay writes the same rows again.</summary>
    public static void Write(IDocumentOperations operations, IReadOnlyList<(long Sequence, DateTimeOffset At, Guid ContributionId,
        MoneyEntries.Kind Kind, MoneyEntry Entry)> rows)
    {
        if (rows.Count == 0) return;
        operations.QueueSqlCommand(
            Upsert,
            rows.Select(r => r.Sequence).ToArray(), rows.Select(r => (int)r.Kind).ToArray(), rows.Select(r => r.ContributionId).ToArray(),
            rows.Select(r => r.Entry.On).ToArray(), rows.Select(r => r.At.ToUniversalTime()).ToArray(),
            rows.Select(r => r.Entry.Amount.Amount).ToArray(), rows.Select(r => r.Entry.Amount.Currency).ToArray(),
                rows.Select(r => r.Entry.RateToChf).ToArray(),
            rows.Select(r => r.Entry.AmountChf).ToArray(), rows.Select(r => r.Entry.PscChf).ToArray(),
                rows.Select(r => r.Entry.ExchangeDifferenceChf).ToArray(),
            rows.Select(r => r.Entry.Reference).ToArray(), rows.Select(r => r.Entry.Reverses).ToArray());
    }

    /// <summary>The entries of some contributions (all when null) dated within a period, up to a book's sequence and instant.</summary>
    public static async Task<MoneyEntries> ReadAsync(
        IQuerySession session, long upToSequence, DateTimeOffset? until, IReadOnlyCollection<Guid>? contributions, DateOnly from, DateOnly to,
            CancellationToken ct = default)
    {
        var entries = new MoneyEntries();
        if (contributions is { Count: 0 }) return entries;
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            select contribution_id, kind, sequence, on_date, amount, currency, rate_to_chf, amount_chf, psc_chf, exchange_difference_chf,
                reference, reverses
            from {Name} where sequence <= $1 and on_date between $2 and $3
            """ +
            (contributions is null ? string.Empty : " and contribution_id = any($4)") +
            (until is null ? string.Empty : $" and recorded_at <= ${(contributions is null ? 4 : 5)}") +
            " order by sequence, kind";
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = upToSequence });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = from });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = to });
        if (contributions is not null) command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = contributions.ToArray() });
        if (until is { } instant) command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = instant.ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(reader.GetGuid(0), (MoneyEntries.Kind)reader.GetInt32(1), new MoneyEntry
            {
                Sequence = reader.GetInt64(2), On = reader.GetFieldValue<DateOnly>(3), Amount = Money.Of(reader.GetDecimal(4), reader.GetString(5)),
                RateToChf = reader.GetDecimal(6), AmountChf = reader.GetDecimal(7), PscChf = reader.GetDecimal(8),
                    ExchangeDifferenceChf = reader.GetDecimal(9),
                Reference = reader.IsDBNull(10) ? null : reader.GetString(10), Reverses = reader.IsDBNull(11) ? null : reader.GetInt64(11),
            });
        }
        return entries;
    }
}
