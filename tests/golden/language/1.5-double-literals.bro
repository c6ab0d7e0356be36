# language.md §1.5: 1.5 .5 5. 1e3 2.5E-3 .03E+2 3e0 are double literals
print 1.5, .5, 5., 1e3, 2.5E-3, .03E+2, 3e0;
print type_name(.5), type_name(1e3), type_name(5.);
