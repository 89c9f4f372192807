"""Render: a snapshot → views, labels, Markdown, SVG charts, pages, terminal/JSON text, GitHub summaries."""
