"""Mutation testing of the questionnaire's points, which are data and so out of mutmut's reach.

Each mutant is one small change to the points of the current questionnaire file:
- two neighbouring options of a question swap their points (a scale read the wrong way round);
- one option earns one point more (a weight nudged);
- a multiple choice's cap is one higher or lower.
The non-browser suite runs against each mutant in a copy of the project (the rules' own tests
first, as they fail fastest); a mutant that no test notices survives and is listed. Prints the
score as killed / all.

    .venv/bin/python -m tests.mutation.questionnaire_points [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from assessment.domain.questionnaire import CURRENT_VERSION, QUESTIONNAIRES_DIR

ROOT = Path(__file__).resolve().parents[2]
DATA = QUESTIONNAIRES_DIR / f"{CURRENT_VERSION}.toml"
COPIED = ("assessment", "benchmarks", "tests", "templates", "static", "manage.py", "pyproject.toml")
PYTEST = [
    sys.executable,
    "-m",
    "pytest",
    "-x",
    "-q",
    "-p",
    "no:cacheprovider",
    "--nomigrations",
    "-m",
    "not browser",
]
# The rules' unit tests first, then everything else that reads a score (views, reports, PDFs).
STAGES = (
    ["tests/domain", "tests/benchmarks"],
    [
        "tests",
        "--ignore=tests/domain",
        "--ignore=tests/benchmarks",
        "--ignore=tests/browser",
        "--ignore=tests/test_restart.py",
        "--ignore=tests/test_outage.py",
    ],
)

OPTION = re.compile(r'\{ value = "(?P<value>[^"]+)", points = (?P<points>\d+)')
QUESTION_ID = re.compile(r'^  id = "(?P<id>[^"]+)"')
CAP = re.compile(r"^  max_points = (?P<cap>\d+)")


@dataclass(frozen=True)
class Mutant:
    name: str
    text: str


def mutants(text: str) -> list[Mutant]:
    lines = text.splitlines(keepends=True)
    found: list[Mutant] = []
    question = ""
    previous: tuple[int, re.Match] | None = None

    def with_line(number: int, new: str) -> str:
        return "".join(lines[:number] + [new] + lines[number + 1 :])

    for number, line in enumerate(lines):
        if match := QUESTION_ID.match(line):
            question, previous = match["id"], None
            continue
        if match := CAP.match(line):
            cap = int(match["cap"])
            for changed in (cap - 1, cap + 1):
                found.append(
                    Mutant(
                        f"{question}: cap {cap} -> {changed}",
                        with_line(number, line.replace(f"= {cap}", f"= {changed}", 1)),
                    )
                )
            continue
        option = OPTION.search(line)
        if option is None or "dont_know = true" in line:
            continue
        points = int(option["points"])
        found.append(
            Mutant(
                f"{question}.{option['value']}: {points} -> {points + 1} points",
                with_line(number, line.replace(f"points = {points}", f"points = {points + 1}", 1)),
            )
        )
        if previous is not None and int(previous[1]["points"]) != points:
            earlier_number, earlier = previous
            swapped = lines[:]
            swapped[earlier_number] = lines[earlier_number].replace(
                f"points = {earlier['points']}", f"points = {points}", 1
            )
            swapped[number] = line.replace(f"points = {points}", f"points = {earlier['points']}", 1)
            found.append(
                Mutant(
                    f"{question}: {earlier['value']} and {option['value']} swap their points",
                    "".join(swapped),
                )
            )
        previous = (number, option)
    return found


def copy_of_the_project(into: Path) -> Path:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, into / name)
    # The front-end packages are read, never written: a link is enough.
    (into / "node_modules").symlink_to(ROOT / "node_modules")
    return into


def killed(mutant: Mutant, project: Path) -> bool:
    (project / DATA.relative_to(ROOT)).write_text(mutant.text, encoding="utf-8")
    environment = {**os.environ, "CI": "true", "PYTHONDONTWRITEBYTECODE": "1"}
    for stage in STAGES:
        run = subprocess.run(
            [*PYTEST, *stage], cwd=project, env=environment, capture_output=True, check=False
        )
        if run.returncode not in (0, 5):  # 5: the stage collected no test
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    original = DATA.read_text(encoding="utf-8")
    every = mutants(original)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="points-mutants-") as scratch:
        projects = [
            copy_of_the_project(Path(scratch) / f"copy-{job}") for job in range(arguments.jobs)
        ]
        free = list(projects)

        def run(mutant: Mutant) -> tuple[Mutant, bool]:
            project = free.pop()
            try:
                return mutant, killed(mutant, project)
            finally:
                free.append(project)

        with ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
            results = list(pool.map(run, every))
    survivors = [mutant.name for mutant, was_killed in results if not was_killed]
    for name in survivors:
        print(f"survived: {name}")
    kills = len(every) - len(survivors)
    print(
        f"questionnaire points: {kills} of {len(every)} mutants killed "
        f"({100 * kills / len(every):.1f} %) in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
