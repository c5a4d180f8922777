"""Exports a clinician or another tool can read: CSV, FHIR R4, iCalendar, and the report."""
