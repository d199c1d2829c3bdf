"""Access enforcement: the patient's consent, professionals' access, emergency access, notifications, history."""
