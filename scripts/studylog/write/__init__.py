"""Write: the only place that writes outputs — the README section, reports/ with its manifest, the PDF export."""
