"""Settings: `base` holds everything; `dev` and `test` override a few values."""
