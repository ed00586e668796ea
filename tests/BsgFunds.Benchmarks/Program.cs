using BsgFunds.Benchmarks;

// tests/benchmark.sh runs this against a private PostgreSQL cluster and the Release build of the API (docs/performance.md).
return await Bench.RunAsync(args);
