# values.md §1.3: fmt and cat produce raw bytes; print then escapes them
global s = fmt("a\n%s", "\t");
print s, |s|;
print cat("x\x01"), |cat("x\x01")|;
