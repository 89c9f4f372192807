"""Load: plan.yaml and check-in bytes → YAML nodes with positions → frozen model values, problems located."""
