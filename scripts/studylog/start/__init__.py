"""start stage."""
