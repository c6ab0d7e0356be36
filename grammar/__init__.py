"""Package data: the Bro grammar (bro.lark)."""
