"""The mutation score of the rules, from the last `mutmut run`: killed / (all - equivalent).

A mutant is equivalent when no input the product can give tells it from the original (see
`equivalent.toml` beside this file, each with its reason); it is matched by its function and a
piece of the line it changed, so the list survives mutmut renumbering its mutants. Every other
mutant a test did not kill (survived, no test reaches it, suspicious) is listed with its change.

    .venv/bin/python -m tests.mutation.score
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MUTMUT = [str(Path(sys.executable).with_name("mutmut"))]
# A mutant whose tests ran past mutmut's time limit was noticed: an endless loop is a failure too.
DETECTED = {"killed", "timeout", "caught by type check"}


def statuses() -> dict[str, str]:
    listing = subprocess.run(
        [*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for line in listing.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            found[name] = status
    return found


def changed_lines(name: str) -> list[str]:
    diff = subprocess.run(
        [*MUTMUT, "show", name], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [
        line[1:].strip()
        for line in diff.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]


def function_of(name: str) -> str:
    return name.rsplit("__mutmut_", 1)[0]


def load_equivalents() -> list[dict]:
    with (HERE / "equivalent.toml").open("rb") as file:
        return tomllib.load(file)["equivalent"]


def main() -> int:
    every = statuses()
    if not every:
        print("No mutmut results: run `make mutation` (or `mutmut run`) first.")
        return 1
    equivalents = load_equivalents()
    killed = sum(status in DETECTED for status in every.values())
    equivalent, left = [], []
    for name, status in sorted(every.items()):
        if status in DETECTED:
            continue
        lines = changed_lines(name)
        reason = next(
            (
                entry["why"]
                for entry in equivalents
                if entry["function"] == function_of(name)
                and any(entry["mutated"] in line for line in lines)
            ),
            None,
        )
        (equivalent if reason else left).append((name, status, " / ".join(lines), reason))
    for name, status, change, _ in left:
        print(f"{status}: {name}: {change}")
    for name, _, change, reason in equivalent:
        print(f"equivalent: {name}: {change} ({reason})")
    counted = len(every) - len(equivalent)
    print(
        f"mutation score of the rules: {killed} killed of {counted} mutants "
        f"({len(every)} made, {len(equivalent)} equivalent) = {100 * killed / counted:.1f} %"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
