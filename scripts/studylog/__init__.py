"""studylog: a study check-in tracker that lives in a learner's Git repository."""

__version__ = "0.1.0"
