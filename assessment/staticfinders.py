"""The few files of the front-end packages that the pages and reports use, and no others.

Listing a package's whole distribution directory collected 1,736 files (41 MB: every Bootstrap
build and every Inter subset) for the eight the pages and reports name. Each file here is named;
a page that needs another one adds it to VENDOR_STATIC_FILES in the settings.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core import checks
from django.core.files.storage import FileSystemStorage


class VendorFilesFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # public path -> file on disk, and per package a storage whose prefix is its public folder
        self.files: dict[str, Path] = {}
        self.storages: list[tuple[FileSystemStorage, list[str]]] = []
        for prefix, directory, names in settings.VENDOR_STATIC_FILES:
            storage = FileSystemStorage(location=str(directory))
            storage.prefix = prefix
            self.storages.append((storage, list(names)))
            for name in names:
                self.files[f"{prefix}/{name}"] = Path(directory) / name

    def check(self, **kwargs):
        return [
            checks.Warning(f"{path} is named in VENDOR_STATIC_FILES but {file} does not exist.")
            for path, file in self.files.items()
            if not file.is_file()
        ]

    def find(self, path, find_all=False, **kwargs):
        file = self.files.get(path)
        found = [str(file)] if file is not None and file.is_file() else []
        # Nothing found is an empty list, as Django's own finders answer.
        return found if find_all else (found[0] if found else [])

    def list(self, ignore_patterns):
        for storage, names in self.storages:
            for name in names:
                if storage.exists(name):
                    yield name, storage
