# language.md §1.5: escapes \b \f \n \r \t \a \v, 1-3 octal digits, 1-2 hex digits; any other escaped char stands for itself
print "a\tb\x41\101\"q\\";
print "\b\f\n\r\a\v";
print "\1|\12|\1012|\x4|\x4g";
print "\q\z", |"\q"|;
