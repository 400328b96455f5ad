"""Report editions and Inspektorat review (see laporan.services)."""
