# language.md §2.5: 'redef event' replaces all bodies defined so far; later bodies are added normally
event e() { print "first"; }
event e() { print "second"; }
redef event e() { print "replacement"; }
event e() { print "later"; }
event bro_init() { event e(); }
