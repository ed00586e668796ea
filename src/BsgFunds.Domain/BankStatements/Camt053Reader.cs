using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// Reads a camt.053 document that has already passed its ISO 20022 schema (camt.053.001.02 or .001.08) into a statement and
/// its entries. Only what the schema leaves open is checked here: one statement per document, amounts exact to their
/// currency's minor unit and within bounds. Every refusal names the element (and its line in the file).
/// </summary>
public static class Camt053Reader
{
    public const string Version02 = "camt.053.001.02";
    public const string Version08 = "camt.053.001.08";
    public const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:";

    public static (ReadStatement? Statement, Refusal? Refusal) Read(XDocument document)
    {
        var ns = document.Root!.Name.Namespace;
        var version = ns.NamespaceName[NamespacePrefix.Length..];
        var message = document.Root.Element(ns + "BkToCstmrStmt")!;
        var statements = message.Elements(ns + "Stmt").ToList();
        if (statements.Count != 1)
        {
            return (null, Refusal.RuleBroken("statement-several-accounts",
                $"BkToCstmrStmt/Stmt[2]{Where(statements[1])}: the document holds {statements.Count} statements; import one statement per file.",
                "BkToCstmrStmt/Stmt"));
        }

        var stmt = statements[0];
        var entries = new List<StatementEntry>();
        var number = 0;
        foreach (var ntry in stmt.Elements(ns + "Ntry"))
        {
            number++;
            var (entry, refusal) = Entry(ns, version, ntry, number);
            if (refusal is not null) return (null, refusal);
            entries.Add(entry!);
        }

        var iban = stmt.Element(ns + "Acct")!.Element(ns + "Id")!.Element(ns + "IBAN")?.Value.Trim() ?? string.Empty;
        return (new ReadStatement(version, message.Element(ns + "GrpHdr")!.Element(ns + "MsgId")!.Value.Trim(), iban,
            stmt.Element(ns + "Id")!.Value.Trim(), stmt.Element(ns + "ElctrncSeqNb")?.Value.Trim(), entries), null);
    }

    private static (StatementEntry? Entry, Refusal? Refusal) Entry(XNamespace ns, string version, XElement ntry, int number)
    {
        var path = $"Stmt/Ntry[{number}]";
        var amt = ntry.Element(ns + "Amt")!;
        var value = decimal.Parse(amt.Value.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (Bounds.Amount(value, $"{path}/Amt") is { } tooLarge) return (null, tooLarge);
        if (!Money.TryCreate(value, amt.Attribute("Ccy")?.Value, out var amount, out var error))
            return (null, Refusal.Invalid("statement-amount-invalid", $"{path}/Amt{Where(amt)}: {error}", $"{path}/Amt"));

        var creditDebit = ntry.Element(ns + "CdtDbtInd")!.Value.Trim();
        var status = Status(ns, version, ntry);
        var reversal = ntry.Element(ns + "RvslInd")?.Value.Trim() is "true" or "1";
        var booked = Date(ns, ntry.Element(ns + "BookgDt"));
        var valued = Date(ns, ntry.Element(ns + "ValDt")) ?? booked;
        var reference = Clean(ntry.Element(ns + "AcctSvcrRef")?.Value) ?? Clean(ntry.Element(ns + "NtryRef")?.Value);
        var transactions = ntry.Elements(ns + "NtryDtls").SelectMany(d => d.Elements(ns + "TxDtls")).ToList();
        var parties = transactions.Select(t => t.Element(ns + "RltdPties")).FirstOrDefault(p => p is not null);
        var debtor = parties?.Element(ns + "Dbtr");
        // .001.08 wraps the debtor in a choice of party or agent (Dbtr/Pty); .001.02 has the party itself.
        var debtorName = Clean((debtor?.Element(ns + "Pty") ?? debtor)?.Element(ns + "Nm")?.Value);
        var debtorIban = Clean(parties?.Element(ns + "DbtrAcct")?.Element(ns + "Id")?.Element(ns + "IBAN")?.Value);
        var remittances = transactions.Select(t => t.Element(ns + "RmtInf")).OfType<XElement>().ToList();
        var unstructured = remittances.SelectMany(r => r.Elements(ns + "Ustrd")).Select(u => Clean(u.Value)).OfType<string>().ToList();
        var creditorReference = remittances.SelectMany(r => r.Elements(ns + "Strd"))
            .SelectMany(s => s.Elements(ns + "CdtrRefInf")).Select(c => Clean(c.Element(ns + "Ref")?.Value)).OfType<string>().FirstOrDefault();

        var notApplicable = creditDebit != "CRDT" ? $"A debit ({creditDebit}): money paid out of the account is no receipt."
            : reversal ? "A reversal of an earlier entry (RvslInd): it is no receipt."
            : status != "BOOK" ? $"Not booked (status {status}): the entry becomes a receipt once a statement reports it booked."
            : valued is null ? "Neither a value date nor a booking date: a receipt needs its value date."
            : reference is null ? "Neither AcctSvcrRef nor NtryRef: a receipt needs the bank's reference."
            : null;
        return (new StatementEntry(number, creditDebit, status, booked, valued, amount, reference, debtorName, debtorIban is null ? null
            : Iban.Normalise(debtorIban), unstructured, creditorReference, notApplicable, null), null);
    }

    // .001.08 gives the status as a code (Sts/Cd) or a proprietary text (Sts/Prtry); .001.02 as the code itself (Sts).
    private static string Status(XNamespace ns, string version, XElement ntry)
    {
        var sts = ntry.Element(ns + "Sts")!;
        return version == Version02
            ? sts.Value.Trim()
            : (sts.Element(ns + "Cd") ?? sts.Element(ns + "Prtry"))!.Value.Trim();
    }

    // DateAndDateTime(2)Choice: a date, or a date-time whose date as the bank wrote it is the day meant.
    private static DateOnly? Date(XNamespace ns, XElement? choice)
    {
        if (choice is null) return null;
        if (choice.Element(ns + "Dt") is { } dt) return DateOnly.ParseExact(dt.Value.Trim()[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return choice.Element(ns + "DtTm") is { } dtTm
            ? DateOnly.ParseExact(dtTm.Value.Trim()[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>A bank's text kept as written, in NFC, with control and invisible formatting characters turned into spaces.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var chars = Bounds.Normalise(text).Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? ' ' : c);
        var cleaned = new string(chars.ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static string Where(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber})" : string.Empty;
}
