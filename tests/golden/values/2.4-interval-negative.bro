# values.md §2.4: negative intervals carry the sign on every piece
print -90sec, -1min, -3661sec, -0.5sec, -2 hrs;
