"""The store: every line of SQL in the app lives in this package."""
