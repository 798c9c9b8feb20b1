"""Files other than pages, made from the facts: feeds, calendar, open data, search entries, GitHub annotations."""
