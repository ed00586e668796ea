#!/usr/bin/env python3
"""One-off measurement of POST /api/bank-statements with a statement of 10 000 entries (docs/bank-statements.md).

Against an API already running in Development (dev tokens, BankStatements:FundIban of appsettings.Development.json):
    python3 tests/BsgFunds.Benchmarks/statements/import_10000.py http://127.0.0.1:5191 [runs]
It books 50 donors with two agreements each, then imports `runs` statements of 10 000 entries (a fresh Stmt/Id each:
80 % credits quoting an agreement reference, 10 % paid by a donor's name, 5 % unknown payers, 5 % debits), after one
small statement that warms the endpoint up, and prints each import's wall time as the client sees it.
Python standard library only; no timing is asserted anywhere.
"""
import json, statistics, sys, time, urllib.request

BASE = sys.argv[1].rstrip("/")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
FUND = "CH9300762011623852957"


def call(method, path, body=None, token=None, content_type="application/json"):
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def token():
    status, body = call("POST", "/api/dev/token", {"sub": "bench-fo", "name": "Bench", "roles": ["FinanceOfficer"], "donorId": None})
    assert status == 200, body
    return json.loads(body)["token"]


def entry(n, amount, reference=None, name=None, debit=False):
    tx = ""
    if name:
        tx += f"<RltdPties><Dbtr><Pty><Nm>{name}</Nm></Pty></Dbtr></RltdPties>"
    if reference:
        tx += f"<RmtInf><Ustrd>BSG contribution {reference}</Ustrd></RmtInf>"
    details = f"<NtryDtls><TxDtls>{tx}</TxDtls></NtryDtls>" if tx else ""
    return (f'<Ntry><Amt Ccy="USD">{amount:.2f}</Amt><CdtDbtInd>{"DBIT" if debit else "CRDT"}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>'
            f"<BookgDt><Dt>2026-05-29</Dt></BookgDt><ValDt><Dt>2026-05-29</Dt></ValDt><AcctSvcrRef>BK-{n:07d}</AcctSvcrRef><BkTxCd/>"
            f"{details}</Ntry>")


def statement(statement_id, entries):
    return ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>'
            f"<GrpHdr><MsgId>{statement_id}</MsgId><CreDtTm>2026-05-29T18:00:00</CreDtTm></GrpHdr><Stmt><Id>{statement_id}</Id>"
            f"<ElctrncSeqNb>1</ElctrncSeqNb><Acct><Id><IBAN>{FUND}</IBAN></Id></Acct><Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>"
            '<Amt Ccy="USD">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-05-29</Dt></Dt></Bal>'
            + "".join(entries) + "</Stmt></BkToCstmrStmt></Document>").encode()


def main():
    fo = token()
    for month in ("2026-01", "2026-05"):
        assert call("PUT", f"/api/exchange-rates/USD/{month}", {"rateToChf": 0.9, "source": "bench"}, fo)[0] == 200
    references, names = [], []
    for d in range(50):
        name = f"Bench Donor {d:02d}"
        status, body = call("POST", "/api/donors", {"name": name, "type": "Foundation", "countryCode": "CH"}, fo)
        assert status == 201, body
        donor = json.loads(body)["id"]
        names.append(name)
        for a in range(2):
            reference = f"BENCH-{d:02d}-{a}"
            status, body = call("POST", "/api/contributions", {"donorId": donor, "source": "OtherVoluntary",
                                "amount": {"amount": 1000000, "currency": "USD"}, "pledgedOn": "2026-01-05"}, fo)
            assert status == 201, body
            contribution = json.loads(body)["id"]
            status, body = call("POST", f"/api/contributions/{contribution}/agreement", {
                "signedOn": "2026-01-15", "reference": reference, "amount": {"amount": 1000000, "currency": "USD"},
                "instalments": [{"dueOn": "2026-06-30", "amount": {"amount": 1000000, "currency": "USD"}}], "conditions": []}, fo)
            assert status == 200, body
            references.append(reference)

    def big(statement_id):
        entries = []
        for n in range(10000):
            kind = n % 20
            if kind < 16:
                entries.append(entry(n, 100 + n % 900, reference=references[n % len(references)]))
            elif kind < 18:
                entries.append(entry(n, 1000000, name=names[n % len(names)]))
            elif kind == 18:
                entries.append(entry(n, 12.34, name=f"Unknown payer {n}"))
            else:
                entries.append(entry(n, 5.00, debit=True))
        return statement(statement_id, entries)

    status, body = call("POST", "/api/bank-statements", statement(f"WARM-{time.time_ns()}", [entry(1, 100, references[0])]), fo,
                        "application/xml")
    assert status == 201, body
    timings = []
    for run in range(RUNS):
        xml = big(f"BENCH-{time.time_ns()}-{run}")
        started = time.perf_counter()
        status, body = call("POST", "/api/bank-statements", xml, fo, "application/xml")
        elapsed = time.perf_counter() - started
        assert status == 201, body[:500]
        progress = json.loads(body)["progress"]
        timings.append(elapsed)
        print(f"run {run + 1}: {len(xml) / 1e6:.1f} MB, {progress['lines']} lines ({progress['proposed']} proposed, "
              f"{progress['unmatched']} unmatched, {progress['notApplicable']} not applicable): {elapsed:.2f} s")
    print(f"median of {RUNS}: {statistics.median(timings):.2f} s")


main()
