"""Self-test of verify_log.py: python3 -m unittest discover -s tests/verifier (from the repository root).

Proofs are generated here, by a plain recursive transcription of RFC 9162 2.1.3.1 and 2.1.4.1, so that the
verifier's iterative algorithms (2.1.3.2, 2.1.4.2) are checked against an independent construction.
"""
import base64
import hashlib
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import verify_log
from verify_log import Invalid, verify_consistency, verify_inclusion

SCRIPT = Path(__file__).with_name("verify_log.py")


def sha256(data):
    return hashlib.sha256(data).digest()


def mth(leaves):
    if not leaves:
        return sha256(b"")
    if len(leaves) == 1:
        return sha256(b"\x00" + leaves[0])
    k = largest_power_of_two_below(len(leaves))
    return sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:]))


def largest_power_of_two_below(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def audit_path(m, leaves):
    """PATH(m, D[n]) of RFC 9162 2.1.3.1."""
    n = len(leaves)
    if n == 1:
        return []
    k = largest_power_of_two_below(n)
    if m < k:
        return audit_path(m, leaves[:k]) + [mth(leaves[k:])]
    return audit_path(m - k, leaves[k:]) + [mth(leaves[:k])]


def path_shape(m, n):
    """Which side each audit path hash goes on, leaf first: the only thing the tree size decides."""
    if n == 1:
        return []
    k = largest_power_of_two_below(n)
    return path_shape(m, k) + ["right"] if m < k else path_shape(m - k, n - k) + ["left"]


def consistency_proof(m, leaves):
    """PROOF(m, D[n]) of RFC 9162 2.1.4.1, for 0 < m < n."""
    return subproof(m, leaves, True)


def subproof(m, leaves, complete):
    n = len(leaves)
    if m == n:
        return [] if complete else [mth(leaves)]
    k = largest_power_of_two_below(n)
    if m <= k:
        return subproof(m, leaves[:k], complete) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def proof_shape(m, n, complete=True):
    """The steps of SUBPROOF(m, D[n]) for 0 < m < n, without the hashes."""
    if m == n:
        return [] if complete else ["subtree"]
    k = largest_power_of_two_below(n)
    if m <= k:
        return proof_shape(m, k, complete) + ["right"]
    return proof_shape(m - k, n - k, False) + ["left"]


def make_leaves(n):
    return [f"leaf {i}".encode() for i in range(n)]


def flipped(h):
    return bytes([h[0] ^ 1]) + h[1:]


class InclusionTest(unittest.TestCase):
    def test_every_leaf_of_trees_of_1_to_20_leaves(self):
        for n in range(1, 21):
            leaves = make_leaves(n)
            root = mth(leaves)
            for m in range(n):
                leaf, path = sha256(b"\x00" + leaves[m]), audit_path(m, leaves)
                with self.subTest(n=n, m=m):
                    verify_inclusion(m, n, leaf, path, root)
                    self.assertRejected(verify_inclusion, m, n, flipped(leaf), path, root)
                    self.assertRejected(verify_inclusion, m, n, leaf, path, flipped(root))
                    for i in range(len(path)):
                        self.assertRejected(verify_inclusion, m, n, leaf,
                                            path[:i] + [flipped(path[i])] + path[i + 1:], root)
                    for other in {m - 1, m + 1, n, n + 5} - {m}:
                        self.assertRejected(verify_inclusion, other, n, leaf, path, root)
                    for size in set(range(2 * n + 2)) - {n}:
                        # The path alone does not fix the size (index 0 reads alike in trees of 3 and 4): the
                        # signed head does. A wrong size must fail whenever it changes the path's shape.
                        if size > m and path_shape(m, size) == path_shape(m, n):
                            verify_inclusion(m, size, leaf, path, root)
                        else:
                            self.assertRejected(verify_inclusion, m, size, leaf, path, root)
                    if path:
                        self.assertRejected(verify_inclusion, m, n, leaf, path[:-1], root)
                    self.assertRejected(verify_inclusion, m, n, leaf, path + [root], root)

    def assertRejected(self, function, *args):
        with self.assertRaises(Invalid):
            function(*args)


class ConsistencyTest(unittest.TestCase):
    def test_every_prefix_of_trees_of_1_to_20_leaves(self):
        for n in range(1, 21):
            leaves = make_leaves(n)
            new = mth(leaves)
            verify_consistency(0, n, sha256(b""), new, [])
            for m in range(1, n + 1):
                old = mth(leaves[:m])
                path = consistency_proof(m, leaves) if m < n else []
                with self.subTest(n=n, m=m):
                    verify_consistency(m, n, old, new, path)
                    self.assertRejected(m, n, flipped(old), new, path)
                    self.assertRejected(m, n, old, flipped(new), path)
                    for i in range(len(path)):
                        self.assertRejected(m, n, old, new, path[:i] + [flipped(path[i])] + path[i + 1:])
                    # As with inclusion, the signed heads fix the sizes; a wrong size must fail if it changes
                    # the proof's shape.
                    for first, second in [(f, n) for f in range(1, 2 * n + 2) if f != m] + \
                                         [(m, s) for s in range(1, 2 * n + 2) if s != n]:
                        if m < n and first < second and proof_shape(first, second) == proof_shape(m, n):
                            verify_consistency(first, second, old, new, path)
                        else:
                            self.assertRejected(first, second, old, new, path)
                    if path:
                        self.assertRejected(m, n, old, new, path[:-1])
                        self.assertRejected(n, m, new, old, path)
                    self.assertRejected(m, n, old, new, path + [new])

    def test_equal_sizes_need_an_empty_path_and_equal_roots(self):
        root = mth(make_leaves(5))
        verify_consistency(5, 5, root, root, [])
        self.assertRejected(5, 5, root, flipped(root), [])
        self.assertRejected(5, 5, root, root, [root])

    def assertRejected(self, *args):
        with self.assertRaises(Invalid):
            verify_consistency(*args)


class JsonbTextTest(unittest.TestCase):
    def roundtrip(self, text):
        return verify_log.jsonb_text(verify_log.parse_json(text))

    def test_tricky_values_print_as_jsonb_does(self):
        jsonb = ('{"a": {"b": [1, [2, {}], []], "c": {}}, "amount": 1250.50, "tiny": 0.00000001, '
                 '"big": 123456789012345678901234567890, "neg": -0.10, "name": "é 日本", '
                 '"odd": "q\\" b\\\\ n\\n c\\u0001 t\\t", "t": true, "f": false, "n": null}')
        self.assertEqual(self.roundtrip(jsonb), jsonb)

    def test_compact_input_gets_jsonb_spacing_and_keeps_key_order(self):
        self.assertEqual(self.roundtrip('{"z":1,"a":[1,2],"m":{"x":"y"}}'), '{"z": 1, "a": [1, 2], "m": {"x": "y"}}')

    def test_numbers_keep_their_digits(self):
        for number in ["1250.50", "0.00000001", "100000000000000000000000001", "-7", "0"]:
            self.assertEqual(self.roundtrip(number), number)

    def test_escapes(self):
        self.assertEqual(verify_log.jsonb_text('a"b\\c\nd\u0001e\u001fé日本'),
                         '"a\\"b\\\\c\\nd\\u0001e\\u001fé日本"')

    def test_duplicate_keys_are_refused(self):
        with self.assertRaises(ValueError):
            verify_log.parse_json('{"a": 1, "a": 2}')


EVENTS = [
    {"sequence": 3, "id": "0d6a7f5e-0000-4000-8000-000000000001", "streamId": "6F1C2B3A-4D5E-4F60-8A7B-9C0D1E2F3A4B",
     "version": 1, "type": "contribution_received", "timestamp": "2026-03-01T09:15:00.123456Z",
     "data": '{"amount": 1250.50, "currency": "CHF", "donor": "Zoé Müller 日本", "note": "a \\"b\\"\\nc"}',
     "correlationId": None, "user": "auditor-1", "headers": '{"sub": "auditor-1", "name": "A", "role": "Auditor"}'},
    {"sequence": 5, "id": "0d6a7f5e-0000-4000-8000-000000000002", "streamId": "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
     "version": 2, "type": "contribution_confirmed", "timestamp": "2026-03-01T09:16:00.000000Z",
     "data": '{"rate": 0.00000001, "items": [1, [2, {}], []]}', "correlationId": "c-1", "user": None, "headers": None},
    {"sequence": 6, "id": "0d6a7f5e-0000-4000-8000-000000000003", "streamId": "11111111-2222-4333-8444-555555555555",
     "version": 1, "type": "pledge_made", "timestamp": "2026-03-02T00:00:00.000001Z", "data": '{}',
     "correlationId": None, "user": None, "headers": None},
]


def export_line(event):
    """One NDJSON line with data and headers embedded as their jsonb text, as the API writes them."""
    parts = []
    for key, value in event.items():
        raw = value if key in ("data", "headers") and value is not None else json.dumps(value, ensure_ascii=False)
        parts.append(f'"{key}":{raw}')
    return "{" + ",".join(parts) + ',"hash":"","previousHash":""}'


def expected_leaf(event):
    """The leaf written out from the spec by hand, not with the verifier's code."""
    return "\n".join(["bsgfunds-leaf-v1", str(event["sequence"]), event["streamId"].lower(), str(event["version"]),
                      event["type"], event["timestamp"], event["data"], event["correlationId"] or "",
                      event["user"] or "", event["headers"] or ""]).encode()


class CommandLineTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)
        self.key, self.pub = self.make_key("log")
        self.export = self.dir / "events.ndjson"
        self.export.write_text("\n".join(export_line(e) for e in EVENTS) + "\n", encoding="utf-8")
        self.leaves = [expected_leaf(e) for e in EVENTS]

    def tearDown(self):
        self.tmp.cleanup()

    def make_key(self, name):
        key, pub = self.dir / f"{name}.key", self.dir / f"{name}.pem"
        subprocess.run(["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key], check=True)
        subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-out", pub], check=True)
        return key, pub

    def signed_head(self, size, key=None, pub=None):
        key, pub = key or self.key, pub or self.pub
        der = subprocess.run(["openssl", "pkey", "-pubin", "-in", pub, "-outform", "DER"],
                             check=True, capture_output=True).stdout
        head = {"treeSize": size, "rootHash": mth(self.leaves[:size]).hex(), "timestamp": "2026-12-02T10:37:09.123Z",
                "keyId": hashlib.sha256(der).hexdigest()}
        signed = "\n".join(["bsgfunds-tree-head-v1", str(size), head["rootHash"], head["timestamp"], head["keyId"]])
        signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=signed.encode(),
                                   check=True, capture_output=True).stdout
        head["signature"] = base64.b64encode(signature).decode()
        return head

    def write(self, name, value):
        path = self.dir / name
        path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        return str(path)

    def run_verifier(self, *args):
        result = subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)
        return result.returncode, result.stdout + result.stderr

    def assertExit(self, code, *args):
        actual, output = self.run_verifier(*args)
        self.assertEqual(actual, code, output)
        return output

    def test_head_accepts_a_good_signature_and_refuses_a_changed_size_or_another_key(self):
        head = self.signed_head(3)
        self.assertExit(0, "head", "--head", self.write("head.json", head), "--key", self.pub)
        changed_size = self.write("bad.json", {**head, "treeSize": 4})
        output = self.assertExit(1, "head", "--head", changed_size, "--key", self.pub)
        self.assertIn("signature does not verify", output)
        _, other_pub = self.make_key("other")
        self.assertIn("keyId", self.assertExit(1, "head", "--head", self.write("head.json", head), "--key", other_pub))
        other_key, _ = self.make_key("other")
        signed_by_other = self.write("other.json", self.signed_head(3, key=other_key))
        self.assertIn("signature", self.assertExit(1, "head", "--head", signed_by_other, "--key", self.pub))
        self.assertExit(2, "head", "--head", self.dir / "missing.json", "--key", self.pub)

    def test_inclusion_and_consistency_against_signed_heads(self):
        head = self.write("head.json", self.signed_head(3))
        proof = {"sequence": 5, "leafIndex": 1, "treeSize": 3, "leafHash": sha256(b"\x00" + self.leaves[1]).hex(),
                 "path": [p.hex() for p in audit_path(1, self.leaves)]}
        self.assertExit(0, "inclusion", "--proof", self.write("p.json", proof), "--head", head, "--key", self.pub)
        self.assertExit(1, "inclusion", "--proof", self.write("p.json", {**proof, "treeSize": 2}),
                        "--head", head, "--key", self.pub)
        self.assertExit(1, "inclusion", "--proof", self.write("p.json", {**proof, "leafIndex": 0}),
                        "--head", head, "--key", self.pub)
        old = self.write("old.json", self.signed_head(2))
        proof = {"from": 2, "to": 3, "path": [p.hex() for p in consistency_proof(2, self.leaves)]}
        args = ["--old", old, "--new", head, "--key", self.pub]
        self.assertExit(0, "consistency", "--proof", self.write("c.json", proof), *args)
        self.assertExit(1, "consistency", "--proof", self.write("c.json", {**proof, "from": 1}), *args)
        self.assertExit(1, "consistency", "--proof", self.write("c.json", {**proof, "path": []}), *args)

    def test_export_and_root(self):
        self.assertEqual(self.assertExit(0, "root", "--export", self.export).strip(), mth(self.leaves).hex())
        verbose = self.assertExit(0, "root", "--export", self.export, "--size", 3, "--verbose").splitlines()
        self.assertIn(f"MTH[0:2] = {mth(self.leaves[:2]).hex()}", verbose)
        self.assertIn(f"MTH[2:3] = {mth(self.leaves[2:]).hex()}", verbose)
        self.assertEqual(len(verbose), 6)  # 3 leaves, 2 internal nodes, then the root alone
        for size in (0, 2, 3):
            head = self.write("head.json", self.signed_head(size))
            self.assertExit(0, "export", "--export", self.export, "--head", head, "--key", self.pub)
        short = self.write("short.json", {**self.signed_head(3), "treeSize": 4})
        self.assertExit(1, "export", "--export", self.export, "--head", short, "--key", self.pub)
        head = self.write("head.json", self.signed_head(3))
        tampered = self.dir / "tampered.ndjson"
        tampered.write_text(self.export.read_text(encoding="utf-8").replace("1250.50", "1250.5"), encoding="utf-8")
        self.assertExit(1, "export", "--export", tampered, "--head", head, "--key", self.pub)
        swapped = self.dir / "swapped.ndjson"
        lines = self.export.read_text(encoding="utf-8").splitlines()
        swapped.write_text("\n".join([lines[1], lines[0], lines[2]]), encoding="utf-8")
        self.assertIn("sequence", self.assertExit(1, "export", "--export", swapped, "--head", head, "--key", self.pub))

    def test_receipt(self):
        event_line = self.export.read_text(encoding="utf-8").splitlines()[0]
        leaf, leaf_hash = self.leaves[0].decode(), sha256(b"\x00" + self.leaves[0]).hex()
        inclusion = {"sequence": 3, "leafIndex": 0, "treeSize": 3, "leafHash": leaf_hash,
                     "path": [p.hex() for p in audit_path(0, self.leaves)]}
        receipt = {"contributionId": "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b", "sequence": 3, "leaf": leaf,
                   "leafHash": leaf_hash, "inclusion": inclusion, "treeHead": self.signed_head(3)}

        def write_receipt(name, fields, event=event_line):
            # The event goes in as raw text: json.dumps would print 1250.50 as 1250.5.
            path = self.dir / name
            path.write_text(json.dumps(fields, ensure_ascii=False)[:-1] + ', "event": ' + event + "}", encoding="utf-8")
            return path

        self.assertExit(0, "receipt", "--receipt", write_receipt("receipt.json", receipt), "--key", self.pub)
        for name, changed in [("sequence", {**receipt, "sequence": 4}),
                              ("contribution", {**receipt, "contributionId": "11111111-2222-4333-8444-555555555555"}),
                              ("leaf", {**receipt, "leaf": leaf.replace("auditor-1", "auditor-2")}),
                              ("index", {**receipt, "inclusion": {**receipt["inclusion"], "leafIndex": 1}}),
                              ("head", {**receipt, "treeHead": {**receipt["treeHead"], "treeSize": 2}})]:
            with self.subTest(changed=name):
                self.assertExit(1, "receipt", "--receipt", write_receipt(f"{name}.json", changed), "--key", self.pub)
        changed_event = write_receipt("event.json", receipt, event_line.replace("1250.50", "1250.5"))
        self.assertIn("rebuilt", self.assertExit(1, "receipt", "--receipt", changed_event, "--key", self.pub))

if __name__ == "__main__":
    unittest.main()
