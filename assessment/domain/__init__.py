"""The rules of the assessment, in plain Python: no Django, no database, no web."""
