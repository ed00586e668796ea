using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Core;

namespace BsgFunds.Benchmarks;

/// <summary>Grows the history quickly by appending events straight into the event store, many per transaction (not through HTTP).</summary>
public static class Seeder
{
    private static readonly Guid Donor = Guid.Parse("5eed0000-0000-0000-0000-000000000001");

    public static ContributionReceived Receipt(Guid contribution, Guid donor, long n) => new(
        contribution, donor, Money.Chf(1m), new DateOnly(2026, 3, 1 + (int)(n % 28)), $"SEED-{contribution:N}-{n}", 1m, "CHF", "2026-03", null,
        1m, 1m, 0m, 7m, 0.07m, Earmark.Pooled, "bench", DateTimeOffset.UtcNow);

    public static async Task<long> SeedToAsync(string cs, long target)
    {
        using var store = DocumentStore.For(opts =>
        {
            opts.Connection(cs);
            opts.DatabaseSchemaName = "bsgfunds";
            opts.AutoCreateSchemaObjects = AutoCreate.None;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.MetadataConfig.CorrelationIdEnabled = true;
            opts.Events.MetadataConfig.CausationIdEnabled = true;
            opts.Events.MetadataConfig.HeadersEnabled = true;
            opts.Events.MetadataConfig.UserNameEnabled = true;
            opts.Events.AddEventTypes([typeof(DonorRegistered), typeof(ContributionPledged), typeof(AgreementSigned), typeof(ContributionReceived)]);
        });

        var streams = Enumerable.Range(0, 8).Select(i => Guid.Parse($"5eed0000-0000-0000-0001-{i:D12}")).ToList();
        await using (var session = store.LightweightSession())
        {
            if (await session.Events.FetchStreamStateAsync(Donor) is null)
            {
                session.Events.StartStream<Donor>(Donor, new DonorRegistered(Donor, "Seeded donor", DonorType.Foundation, null, "bench",
                    DateTimeOffset.UtcNow));
                foreach (var id in streams)
                {
                    var amount = Money.Chf(1_000_000_000_000m);
                    session.Events.StartStream<Contribution>(id,
                        new ContributionPledged(id, Donor, FundingSource.OtherVoluntary, amount, new DateOnly(2026, 1, 2), Earmark.Pooled, "bench",
                            DateTimeOffset.UtcNow),
                        new AgreementSigned(id, Donor, $"SEED-{id:N}", new DateOnly(2026, 1, 5), amount, 1m, "CHF", "2026-01", amount.Amount, 7m,
                            [new Instalment(new DateOnly(2026, 12, 31), amount)], Earmark.Pooled, [], "bench", DateTimeOffset.UtcNow));
                }

                await session.SaveChangesAsync();
            }
        }

        var count = await CountAsync(cs);
        var next = count;
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (writer, ct) =>
        {
            while (Interlocked.Read(ref next) < target)
            {
                var start = Interlocked.Add(ref next, 1000) - 1000;
                await using var session = store.LightweightSession();
                var stream = streams[(int)(start / 1000 % streams.Count)];
                session.Events.Append(stream, Enumerable.Range(0, 1000).Select(i => (object)Receipt(stream, Donor, start + i)).ToArray());
                await session.SaveChangesAsync(ct);
            }
        });
        return await CountAsync(cs);
    }

    public static async Task<long> CountAsync(string cs)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        return (long)(await new NpgsqlCommand("select count(*) from bsgfunds.mt_events", c).ExecuteScalarAsync())!;
    }

    public static async Task<double> BookSizeMbAsync(string cs)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        var bytes = await new NpgsqlCommand("select coalesce(pg_column_size(data), 0) from bsgfunds.mt_doc_reportbook where id = 'present'",
            c).ExecuteScalarAsync();
        return Convert.ToDouble(bytes ?? 0) / (1024 * 1024);
    }
}
