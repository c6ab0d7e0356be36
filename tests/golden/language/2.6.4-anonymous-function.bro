# language.md §2.6.4: an anonymous function uses its own parameters and locals and reads globals at call time
global scale = 10;
global f = function(a: count): count { local b = a + 1; return b * scale; };
print f(2);
scale = 3;
print f(2);
