using BsgFunds.FaultInjection;

// tests/fault-injection.sh runs this with the API's dll, the database's data folder and ports (docs/reliability.md).
return await FaultSuite.RunAsync(args);
