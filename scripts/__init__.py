"""Package data: broscript's own .bro script library."""
