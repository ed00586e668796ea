using BsgFunds.Audit;

return await AuditTool.RunAsync(args, Console.Out);
