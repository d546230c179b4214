"""Exchange files between offices and the coordinator: signed, size-limited zip archives. No Qt."""
