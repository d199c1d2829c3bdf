"""The insurer feed: reimbursed consultations and medicines (histoire de santé)."""
