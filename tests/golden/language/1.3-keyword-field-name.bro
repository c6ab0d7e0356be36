# language.md §1.3/§6.1: keywords cannot be record field names (syntax error, nothing runs, exit 1)
type R: record { count: count; };
print "never";
