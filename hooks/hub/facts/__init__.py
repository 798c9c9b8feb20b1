"""What follows from valid records and today's date: status, lists and groups, scorecard, related engagements, who decides."""
