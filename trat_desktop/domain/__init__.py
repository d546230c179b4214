"""Plain-Python domain: plan model, Thai text helpers, the plan-document reader."""
