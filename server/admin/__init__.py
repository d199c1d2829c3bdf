"""Insurer and operator tools: provisioning files, periodic jobs."""
