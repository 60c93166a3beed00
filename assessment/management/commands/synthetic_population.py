from django.core.management.base import BaseCommand

from assessment.synthetic import load_synthetic_population, remove_synthetic_population


class Command(BaseCommand):
    help = (
        "Load a seeded synthetic population of completed assessments, marked as synthetic and "
        "kept out of peer benchmarks unless PEER_BENCHMARKS_INCLUDE_SYNTHETIC=1; or remove it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=2018)
        parser.add_argument("--remove", action="store_true", help="delete every synthetic one")

    def handle(self, *args, count, seed, remove, **options):
        if remove:
            deleted = remove_synthetic_population()
            self.stdout.write(f"Removed {deleted} synthetic assessments.")
            return
        load_synthetic_population(count=count, seed=seed)
        self.stdout.write(f"Loaded {count} synthetic assessments (seed {seed}).")
