##! A package that all-kinds.bro loads as a directory.

@load ./util
