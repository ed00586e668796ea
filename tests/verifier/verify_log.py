#!/usr/bin/env python3
"""Independent verifier of the BsgFunds transparency log (docs/audit.md; RFC 9162 section 2.1).

Written from the specification alone and sharing no code with the API, so that a bug there cannot hide here.
Exit codes: 0 valid, 1 invalid, 2 usage or file error.
"""
import argparse
import base64
import functools
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

EMPTY_ROOT = hashlib.sha256(b"").digest()
HEX64 = re.compile(r"[0-9a-f]{64}")
HEAD_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
EVENT_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")
P256_OID = bytes.fromhex("06082a8648ce3d030107")  # 1.2.840.10045.3.1.7 as it appears in the key's DER


class Invalid(Exception):
    """The evidence does not verify: exit code 1."""


class UsageError(Exception):
    """A file is missing or unreadable, or openssl cannot run: exit code 2."""


class JsonNumber(str):
    """A JSON number kept as its original text: jsonb prints numbers exactly, and a float would not."""


# ---- JSON, and the text PostgreSQL prints for jsonb

def _object(pairs):
    if len({k for k, _ in pairs}) != len(pairs):
        raise ValueError("duplicate key in an object")  # jsonb text never has one
    return dict(pairs)  # a dict keeps the file's key order, which is jsonb's own order


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")


def parse_json(text):
    return json.loads(text, parse_int=JsonNumber, parse_float=JsonNumber,
                      parse_constant=_no_constant, object_pairs_hook=_object)


def read_text(path):
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"cannot read {path}: {e}")


def load_json(path):
    try:
        return parse_json(read_text(path))
    except ValueError as e:
        raise UsageError(f"{path} is not JSON: {e}")


def load_ndjson(path):
    events = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            events.append(parse_json(line))
        except ValueError as e:
            raise UsageError(f"{path} line {number} is not JSON: {e}")
    return events


def jsonb_text(value):
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, JsonNumber):
        return str(value)
    if isinstance(value, str):
        # json.dumps escapes what jsonb escapes: " \ \b \f \n \r \t, other controls as \u00xx, nothing else.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(jsonb_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{jsonb_text(k)}: {jsonb_text(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"{type(value).__name__} did not come from parse_json")


def field(obj, name, where):
    if not isinstance(obj, dict) or name not in obj:
        raise Invalid(f"{where} has no field '{name}'")
    return obj[name]


def integer(obj, name, where):
    value = field(obj, name, where)
    if isinstance(value, JsonNumber) and re.fullmatch(r"-?(0|[1-9][0-9]*)", value):
        return int(value)
    raise Invalid(f"{where}.{name} is not an integer: {value!r}")


def hashes(values, where):
    if not isinstance(values, list):
        raise Invalid(f"{where} is not an array")
    for i, value in enumerate(values):
        if not isinstance(value, str) or not HEX64.fullmatch(value):
            raise Invalid(f"{where}[{i}] is not 64 lowercase hex digits: {value!r}")
    return [bytes.fromhex(v) for v in values]


def hash_field(obj, name, where):
    return hashes([field(obj, name, where)], f"{where}.{name}")[0]


# ---- the Merkle tree (RFC 9162 2.1.1) and its proofs (2.1.3.2, 2.1.4.2)

def leaf_hash(leaf: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def merkle_root(leaf_hashes, nodes=None, start=0):
    """MTH of the leaves; appends (a, b, MTH[a:b]) of every subtree to `nodes` when given."""
    n = len(leaf_hashes)
    if n <= 1:
        root = leaf_hashes[0] if n else EMPTY_ROOT
    else:
        k = 1 << ((n - 1).bit_length() - 1)  # the largest power of two smaller than n
        root = node_hash(merkle_root(leaf_hashes[:k], nodes, start), merkle_root(leaf_hashes[k:], nodes, start + k))
    if nodes is not None:
        nodes.append((start, start + n, root))
    return root


def verify_inclusion(index, size, leaf, path, root):
    if not 0 <= index < size:
        raise Invalid(f"leaf index {index} is outside a tree of size {size}")
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise Invalid("the inclusion path is longer than the tree is deep")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while fn and not fn & 1:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise Invalid("the inclusion path is shorter than the tree is deep")
    if r != root:
        raise Invalid(f"the inclusion path leads to {r.hex()}, not to the root {root.hex()}")


def verify_consistency(first, second, first_root, second_root, path):
    if not 0 <= first <= second:
        raise Invalid(f"there is no consistency from size {first} to size {second}")
    if first in (0, second):
        # RFC 9162 has no proof for these: the empty tree is a prefix of every tree, a tree only of itself.
        expected = EMPTY_ROOT if first == 0 else second_root
        if path or first_root != expected:
            raise Invalid(f"from size {first} to {second} the path must be empty and the old root {expected.hex()}")
        return
    if not path:
        raise Invalid("the consistency path is empty")
    if first & (first - 1) == 0:
        path = [first_root] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise Invalid("the consistency path is longer than the tree is deep")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while fn and not fn & 1:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise Invalid("the consistency path is shorter than the tree is deep")
    if fr != first_root or sr != second_root:
        raise Invalid(f"the consistency path gives roots {fr.hex()} and {sr.hex()}, "
                      f"not {first_root.hex()} and {second_root.hex()}")


# ---- leaves

def event_leaf(event, where="event"):
    """The leaf text of an event in the export's form (docs/audit.md, "Leaves and the tree")."""
    try:
        stream_id = str(uuid.UUID(field(event, "streamId", where)))  # the canonical form: lowercase, hyphens
    except (TypeError, ValueError, AttributeError):
        raise Invalid(f"{where}.streamId is not a UUID")
    timestamp = field(event, "timestamp", where)
    if not isinstance(timestamp, str) or not EVENT_TIMESTAMP.fullmatch(timestamp):
        raise Invalid(f"{where}.timestamp is not yyyy-MM-ddTHH:mm:ss.ffffffZ: {timestamp!r}")
    texts = {name: field(event, name, where) for name in ("type", "correlationId", "user")}
    for name, value in texts.items():
        # JsonNumber is a str too: a number here is as wrong as any other non-string.
        if not (type(value) is str or (value is None and name != "type")):
            raise Invalid(f"{where}.{name} is not a string: {value!r}")
    headers = field(event, "headers", where)
    return "\n".join(["bsgfunds-leaf-v1", str(integer(event, "sequence", where)), stream_id,
                      str(integer(event, "version", where)), texts["type"], timestamp,
                      jsonb_text(field(event, "data", where)), texts["correlationId"] or "", texts["user"] or "",
                      "" if headers is None else jsonb_text(headers)])


def export_leaf_hashes(events, count):
    sequences = [integer(event, "sequence", f"event #{i + 1} of the export") for i, event in enumerate(events)]
    for before, after in zip(sequences, sequences[1:]):
        if after <= before:
            raise Invalid(f"sequence {after} follows {before}: the export is not in strictly increasing order")
    if len(events) < count:
        raise Invalid(f"the export has {len(events)} events, fewer than {count}")
    return [leaf_hash(event_leaf(e, f"event {s}").encode("utf-8")) for e, s in zip(events[:count], sequences)]


# ---- signed tree heads

def openssl(*args):
    try:
        return subprocess.run(["openssl", *map(str, args)], capture_output=True)
    except OSError as e:
        raise UsageError(f"cannot run openssl: {e}")


@functools.lru_cache
def key_id(key_path):
    result = openssl("pkey", "-pubin", "-in", key_path, "-outform", "DER")
    if result.returncode != 0 or P256_OID not in result.stdout:
        raise UsageError(f"{key_path} is not a P-256 public key in PEM form")
    return hashlib.sha256(result.stdout).hexdigest()


def verify_head(head, key_path, name="head"):
    """Returns (treeSize, rootHash) of a head that is well formed and signed by the key."""
    size, root = integer(head, "treeSize", name), hash_field(head, "rootHash", name)
    timestamp, signature = field(head, "timestamp", name), field(head, "signature", name)
    if size < 0:
        raise Invalid(f"{name}.treeSize is negative")
    if not isinstance(timestamp, str) or not HEAD_TIMESTAMP.fullmatch(timestamp):
        raise Invalid(f"{name}.timestamp is not yyyy-MM-ddTHH:mm:ss.fffZ: {timestamp!r}")
    if field(head, "keyId", name) != key_id(key_path):
        raise Invalid(f"{name}.keyId {head['keyId']!r} is not the key's id {key_id(key_path)}")
    try:
        signature = base64.b64decode(signature, validate=True)
    except (TypeError, ValueError):
        raise Invalid(f"{name}.signature is not base64")
    signed = "\n".join(["bsgfunds-tree-head-v1", str(size), root.hex(), timestamp, key_id(key_path)])
    with tempfile.TemporaryDirectory() as tmp:
        message, signature_file = Path(tmp, "signed.bin"), Path(tmp, "signature.der")
        message.write_bytes(signed.encode("utf-8"))
        signature_file.write_bytes(signature)
        result = openssl("dgst", "-sha256", "-verify", key_path, "-signature", signature_file, message)
    if result.returncode != 0:
        raise Invalid(f"{name}.signature does not verify with {key_path}")
    return size, root


def verify_inclusion_proof(proof, head, key_path, name="proof", head_name="head"):
    size, root = verify_head(head, key_path, head_name)
    if integer(proof, "treeSize", name) != size:
        raise Invalid(f"{name}.treeSize {proof['treeSize']} is not the head's treeSize {size}")
    verify_inclusion(integer(proof, "leafIndex", name), size, hash_field(proof, "leafHash", name),
                     hashes(field(proof, "path", name), f"{name}.path"), root)
    return size


# ---- subcommands: each returns the line it prints when everything verifies

def cmd_head(a):
    size, root = verify_head(load_json(a.head), a.key)
    return f"signed tree head verified: size {size}, root {root.hex()}"


def cmd_inclusion(a):
    proof = load_json(a.proof)
    size = verify_inclusion_proof(proof, load_json(a.head), a.key)
    return f"leaf {proof['leafIndex']} (sequence {proof.get('sequence')}) is in the signed tree of size {size}"


def cmd_receipt(a):
    receipt = load_json(a.receipt)
    leaf, sequence = field(receipt, "leaf", "receipt"), integer(receipt, "sequence", "receipt")
    event, inclusion = field(receipt, "event", "receipt"), field(receipt, "inclusion", "receipt")
    if not isinstance(leaf, str):
        raise Invalid("receipt.leaf is not a string")
    computed = leaf_hash(leaf.encode("utf-8")).hex()
    if computed != field(receipt, "leafHash", "receipt"):
        raise Invalid(f"SHA-256(0x00 || leaf) is {computed}, not receipt.leafHash {receipt['leafHash']}")
    if field(inclusion, "leafHash", "receipt.inclusion") != computed:
        raise Invalid(f"receipt.inclusion.leafHash {inclusion['leafHash']} is not receipt.leafHash {computed}")
    fields = leaf.split("\n")
    if len(fields) != 10 or fields[0] != "bsgfunds-leaf-v1":
        raise Invalid(f"the leaf is not a bsgfunds-leaf-v1 leaf of 10 fields (it has {len(fields)})")
    for where, value in (("leaf", fields[1]), ("inclusion", integer(inclusion, "sequence", "receipt.inclusion")),
                         ("event", integer(event, "sequence", "receipt.event"))):
        if str(value) != str(sequence):
            raise Invalid(f"the {where}'s sequence {value} is not the receipt's sequence {sequence}")
    contribution = field(receipt, "contributionId", "receipt")
    if not isinstance(contribution, str) or fields[2].lower() != contribution.lower():
        raise Invalid(f"the leaf's stream id {fields[2]} is not contributionId {contribution}")
    if event_leaf(event, "receipt.event") != leaf:
        raise Invalid("the leaf rebuilt from receipt.event differs from receipt.leaf")
    size = verify_inclusion_proof(inclusion, field(receipt, "treeHead", "receipt"), a.key,
                                  "receipt.inclusion", "receipt.treeHead")
    return f"receipt verified: contribution {contribution}, sequence {sequence}, in the signed tree of size {size}"


def cmd_consistency(a):
    proof = load_json(a.proof)
    old_size, old_root = verify_head(load_json(a.old), a.key, "old head")
    new_size, new_root = verify_head(load_json(a.new), a.key, "new head")
    for end, size, head in (("from", old_size, "old"), ("to", new_size, "new")):
        if integer(proof, end, "proof") != size:
            raise Invalid(f"proof.{end} {proof[end]} is not the {head} head's treeSize {size}")
    verify_consistency(old_size, new_size, old_root, new_root, hashes(field(proof, "path", "proof"), "proof.path"))
    return f"the signed tree of size {new_size} extends the signed tree of size {old_size}"


def cmd_export(a):
    size, root = verify_head(load_json(a.head), a.key)
    computed = merkle_root(export_leaf_hashes(load_ndjson(a.export), size))
    if computed != root:
        raise Invalid(f"the first {size} events give the root {computed.hex()}, not the head's {root.hex()}")
    return f"the first {size} events of {a.export} give the signed root {root.hex()}"


def cmd_root(a):
    events = load_ndjson(a.export)
    if a.size is not None and a.size < 0:
        raise UsageError("--size must not be negative")
    nodes = [] if a.verbose else None
    root = merkle_root(export_leaf_hashes(events, len(events) if a.size is None else a.size), nodes)
    return "\n".join([f"MTH[{x}:{y}] = {h.hex()}" for x, y, h in nodes or []] + [root.hex()])


COMMANDS = {"head": (cmd_head, ["head", "key"]),
            "inclusion": (cmd_inclusion, ["proof", "head", "key"]),
            "receipt": (cmd_receipt, ["receipt", "key"]),
            "consistency": (cmd_consistency, ["proof", "old", "new", "key"]),
            "export": (cmd_export, ["export", "head", "key"]),
            "root": (cmd_root, ["export"])}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name, (run, options) in COMMANDS.items():
        subparser = subparsers.add_parser(name)
        subparser.set_defaults(run=run)
        for option in options:
            subparser.add_argument(f"--{option}", required=True)
    subparsers.choices["root"].add_argument("--size", type=int, help="the first N events (default: all)")
    subparsers.choices["root"].add_argument("--verbose", action="store_true", help="print every MTH[a:b] too")
    args = parser.parse_args(argv)
    try:
        if getattr(args, "key", None):
            key_id(args.key)  # an unusable key is a usage error, whatever the evidence holds
        message = args.run(args)
    except Invalid as e:
        print(f"INVALID: {e}")
        return 1
    except UsageError as e:
        print(f"ERROR: {e}", file=sys.stderr)
        return 2
    print(message if args.command == "root" else f"OK: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
