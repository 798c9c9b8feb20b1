"""Reading records: YAML with the line of every value, the engagement and map models, and problems said plainly."""
