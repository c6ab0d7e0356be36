# values.md §6.1: plain text is copied, %% gives %, and fmt() with no arguments is the empty string
print fmt("100%%"), fmt("no directives"), fmt("%d%%", 5), fmt() == "";
