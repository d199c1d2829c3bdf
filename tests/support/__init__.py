"""Helpers shared by the test suites. Conftest files hold fixtures only and import what they share from here."""
