"""Measurement scripts: run by hand (see the README), never collected by pytest."""
