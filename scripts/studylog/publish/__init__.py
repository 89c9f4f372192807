"""Publish: adapters to git (commit, push with retries) and the GitHub API (comments, reminders, PRs)."""
