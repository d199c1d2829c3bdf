"""Exports and imports: PDF documents, FHIR files and the portable encrypted archive."""
