"""Start: set up a repository (init), write today's check-in (new), import a hand-kept tracker (import)."""
