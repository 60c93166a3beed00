"""Published study figures as data, with their provenance, and the code that reads them.

pandas stays inside this package: what leaves it is plain dataclasses.
"""
