# language.md §1.6/§7.2: @FILENAME is the base name of the current file
global fn = @FILENAME;
print @FILENAME, fn == "1.6-at-filename.bro";
