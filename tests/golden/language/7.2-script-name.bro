# language.md §7.2: a script named on the command line as x.bro appears as ./x.bro in messages; @FILENAME is the base name
print @FILENAME;
Reporter::warning("where am I");
