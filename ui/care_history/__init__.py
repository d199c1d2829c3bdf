"""Feature package: the reimbursed care of the last 24 months (historique des soins)."""
