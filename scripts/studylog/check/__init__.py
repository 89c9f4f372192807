"""Check: rules across files, repository links and anchors, web links on request; returns diagnostics."""
