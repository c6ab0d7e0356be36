# language.md §5.5: each call gets a fresh frame, so recursion works and locals are not clobbered
function fib(n: count): count { if ( n < 2 ) return n; return fib(n - 1) + fib(n - 2); }
function depth(n: count): string { local mine = n; if ( n > 0 ) depth(n - 1); return fmt("%d", mine); }
print fib(15), depth(3);
